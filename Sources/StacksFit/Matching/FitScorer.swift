import Foundation

/// Scores how well one candidate fits a posting, with the scoring principles of DESIGN.md: requirements
/// weigh by section, evidence by kind, related skills earn partial credit, gates are explained, and every
/// number traces to a sentence of the posting and an entry of the profile.
public struct FitScorer: Sendable {
    public let candidate: CandidateAnalysis
    public let weights: ScoringWeights
    private let taxonomy: Taxonomy
    private let strengths: [String: SkillStrength]
    /// Skill id → skills that name it as broader (its narrower skills).
    private let narrower: [String: [String]]

    public init(candidate: CandidateAnalysis, taxonomy: Taxonomy, weights: ScoringWeights = ScoringWeights()) {
        self.candidate = candidate
        self.weights = weights
        self.taxonomy = taxonomy
        var strengths: [String: SkillStrength] = [:]
        for s in candidate.skills { strengths[s.skill.id] = s }
        self.strengths = strengths
        var narrower: [String: [String]] = [:]
        for skill in taxonomy.skills { for b in skill.broader { narrower[b, default: []].append(skill.id) } }
        self.narrower = narrower
    }

    /// The candidate's credit for a skill: direct strength, or a related skill's (capped, never full).
    func credit(for skill: Skill) -> (credit: Double, via: Skill?, evidence: [SkillEvidence]) {
        if let direct = strengths[skill.id] {
            let credit = min(1, direct.strength / weights.fullCreditStrength)
            if credit >= max(weights.relatedCredit, weights.narrowerCredit) { return (credit, nil, direct.evidence) }
        }
        var best: (Double, Skill?, [SkillEvidence]) = (0, nil, [])
        if let direct = strengths[skill.id] { best = (min(1, direct.strength / weights.fullCreditStrength), nil, direct.evidence) }
        let narrowerIDs = Set(narrower[skill.id] ?? [])
        for id in skill.broader + skill.related + (narrower[skill.id] ?? []) {
            guard let other = strengths[id] else { continue }
            let cap = narrowerIDs.contains(id) ? weights.narrowerCredit : weights.relatedCredit
            let partial = cap * min(1, other.strength / weights.fullCreditStrength)
            if partial > best.0 { best = (partial, other.skill, other.evidence) }
        }
        return best
    }

    public func score(_ posting: JobPosting, analysis: PostingAnalysis) -> Fit {
        // Skills.
        var matched: [Fit.Match] = []
        var missing: [Fit.Match] = []
        var total = 0.0, earned = 0.0
        // Alternatives: "an ILS such as FOLIO, Koha, Sierra or Alma" asks for one of them, not all. Skills
        // of one sentence that share a broader skill, in a sentence that offers a choice, count as one.
        var groups: [String: [SkillMention]] = [:]
        for mention in analysis.skills where !mention.skill.broader.isEmpty && Self.offersChoice(mention.evidence) {
            for broader in mention.skill.broader { groups[mention.evidence + "\u{1F}" + broader, default: []].append(mention) }
        }
        var alternatives: [String: (size: Int, best: (Double, Skill?, [SkillEvidence]))] = [:]
        for (_, members) in groups where members.count >= 2 {
            let credits = members.map { ($0, credit(for: $0.skill)) }
            guard let best = credits.max(by: { $0.1.credit < $1.1.credit }) else { continue }
            // Met through the best alternative: name it as the skill the credit came through.
            let viaBest = (best.1.credit, best.1.via ?? best.0.skill, best.1.evidence)
            for (member, own) in credits where (alternatives[member.skill.id]?.size ?? 0) < members.count {
                alternatives[member.skill.id] = (members.count, own.credit >= viaBest.0 ? own : viaBest)
            }
        }
        for mention in analysis.skills {
            var weight = mention.weight * (mention.skill.side == nil ? weights.crossCuttingWeight : 1)
            guard weight > 0 else { continue }
            var (credit, via, evidence) = alternatives[mention.skill.id]?.best ?? credit(for: mention.skill)
            if let alternative = alternatives[mention.skill.id] {
                weight /= Double(alternative.size)
                if via?.id == mention.skill.id { via = nil }
            }
            total += weight
            earned += weight * credit
            let match = Fit.Match(skill: mention.skill, section: mention.section, weight: weight, credit: credit, via: via,
                                  postingEvidence: mention.evidence, profileEvidence: Array(evidence.prefix(3)))
            if credit > 0 { matched.append(match) } else { missing.append(match) }
        }
        let coverage = total > 0 ? earned / total : 0
        matched.sort { ($0.weight * $0.credit, $1.skill.id) > ($1.weight * $1.credit, $0.skill.id) }
        missing.sort { ($0.weight, $1.skill.id) > ($1.weight, $0.skill.id) }

        // Gates.
        let requirements = analysis.requirements
        var gates: [Fit.Gate] = []
        if requirements.mlsRequired {
            switch candidate.libraryDegree {
            case .completed:
                gates.append(.init(kind: .degree, passed: true, penalty: 0, detail: "requires an ALA-accredited MLS/MLIS: you have one"))
            case .inProgress(let expected):
                let start = Self.likelyStart(of: posting)
                if let expected, expected <= start {
                    gates.append(.init(kind: .degree, passed: true, penalty: 0,
                                       detail: "requires an ALA-accredited MLS/MLIS: yours is expected \(expected), before the likely start (\(start))"))
                } else {
                    gates.append(.init(kind: .degree, passed: false, penalty: weights.degreePenalty,
                                       detail: "requires an ALA-accredited MLS/MLIS: yours is expected \(expected.map(\.description) ?? "at an unknown date"), after the likely start (\(start))"))
                }
            case .none:
                gates.append(.init(kind: .degree, passed: false, penalty: weights.degreePenalty,
                                   detail: "requires an ALA-accredited MLS/MLIS, which your profile does not list"))
            }
        }
        for certification in requirements.certifications {
            gates.append(.init(kind: .certification, passed: false, penalty: weights.certificationPenalty,
                               detail: "requires a \(certification.replacingOccurrences(of: "-", with: " ")) certification, which your profile does not list"))
        }
        // "Five years of professional experience" counts professional years only; a posting that requires
        // an MLS counts other library work at half; others count all library work.
        let supportFactor = requirements.professionalYearsRequired ? 0 : requirements.mlsRequired ? weights.supportYearsFactor : 1
        let years = candidate.professionalYears + supportFactor * max(0, candidate.relevantYears - candidate.professionalYears)
        if let minimum = requirements.minYearsExperience {
            let passed = years + 0.05 >= Double(minimum)
            gates.append(.init(kind: .years, passed: passed, penalty: passed ? 0 : weights.yearsPenalty,
                               detail: String(format: "asks for %d year%@ of experience: you have %.1f (%@)",
                                              minimum, minimum == 1 ? "" : "s", years,
                                              supportFactor == 0 ? "professional years only, as it asks" : supportFactor < 1 ? "professional in full, other library work at half" : "all library work, full-time equivalent")))
        }
        if requirements.supervisionRequired {
            let passed = candidate.supervisoryYears > 0
            gates.append(.init(kind: .supervision, passed: passed, penalty: passed ? 0 : weights.supervisionPenalty,
                               detail: passed ? String(format: "asks for supervisory experience: you have %.1f years", candidate.supervisoryYears)
                                              : "asks for supervisory experience, which your duties do not show"))
        }

        // Components.
        var components: [Fit.Component] = []
        components.append(.init(name: "skills", points: weights.skills * coverage,
                                detail: String(format: "covers %.0f%% of what the posting asks, weighted by section", coverage * 100)))
        let experienceFit: Double
        if let minimum = requirements.minYearsExperience, minimum > 0 {
            experienceFit = min(1, years / Double(minimum))
        } else {
            experienceFit = min(1, years / 1.0)
        }
        components.append(.init(name: "experience", points: weights.experience * experienceFit,
                                detail: String(format: "%.1f years of relevant experience against %@", years,
                                               requirements.minYearsExperience.map { "\($0) asked" } ?? "none stated (1 year counts in full)")))
        let passedShare = gates.isEmpty ? 1 : Double(gates.filter(\.passed).count) / Double(gates.count)
        components.append(.init(name: "requirements", points: weights.requirements * passedShare,
                                detail: gates.isEmpty ? "no degree, certification or years required" : "\(gates.filter(\.passed).count) of \(gates.count) requirements met"))
        var goalShare = 0.5
        var goalDetail = "no goal side set: neutral"
        if let goal = candidate.profile.goal, let lean = analysis.lean {
            goalShare = goal == .technical ? lean.technical : lean.user
            goalDetail = String(format: "the posting is %.0f%% %@, the side you want to move toward", goalShare * 100, goal.rawValue)
        } else if candidate.profile.goal != nil {
            goalDetail = "the posting shows no side of the divide: neutral"
        }
        components.append(.init(name: "goal", points: weights.goal * goalShare, detail: goalDetail))
        for i in components.indices { components[i].points = (components[i].points * 10).rounded() / 10 }
        // Each failed gate takes its share off what is left, one after another.
        var subtotal = components.reduce(0) { $0 + $1.points }
        for gate in gates where !gate.passed {
            let points = ((subtotal * gate.penalty) * 10).rounded() / 10
            components.append(.init(name: "gate:\(gate.kind.rawValue)", points: -points,
                                    detail: gate.detail + String(format: " (−%.0f%%)", gate.penalty * 100)))
            subtotal -= points
        }
        let score = max(0, (components.reduce(0) { $0 + $1.points } * 10).rounded() / 10) + 0

        var fit = Fit(posting: posting, analysis: analysis, score: max(0, score), components: components, matched: matched,
                      missing: missing, gates: gates, explanation: [])
        fit.explanation = Self.explain(fit, candidate: candidate)
        return fit
    }

    /// True for a sentence that lists alternatives: "such as", "for example", "e.g.", "or".
    static func offersChoice(_ sentence: String) -> Bool { choiceWords.occurs(in: sentence) }

    private static let choiceWords = FastText.Needles([" or ", "such as", "for example", "e.g.", "e. g.", " like ", "any of", "one of", ", or"])

    /// When the job likely starts: two months after the closing date, else three after posting, else three from today.
    static func likelyStart(of posting: JobPosting) -> ProfileDate {
        func plus(_ d: PostingDate, months: Int) -> ProfileDate {
            let m = d.month - 1 + months
            return ProfileDate(year: d.year + m / 12, month: m % 12 + 1)
        }
        if let closing = posting.validThrough { return plus(closing, months: 2) }
        if let posted = posting.datePosted { return plus(posted, months: 3) }
        let today = ProfileInference.today
        return plus(PostingDate(year: today.year, month: today.month ?? 6, day: 1), months: 3)
    }

    static func explain(_ fit: Fit, candidate: CandidateAnalysis) -> [String] {
        var lines: [String] = []
        let strong = fit.matched.filter { $0.credit >= 0.99 && $0.via == nil }.prefix(4).map(\.skill.label)
        let partial = fit.matched.filter { $0.credit < 0.99 }.prefix(3).map { m in m.skill.label + (m.via.map { " (through \($0.label))" } ?? "") }
        if !strong.isEmpty {
            let source = fit.matched.first.flatMap { $0.profileEvidence.first }.map { " — e.g. " + $0.title + ($0.organization.map { ", \($0)" } ?? "") } ?? ""
            lines.append("Strong on \(strong.joined(separator: ", "))\(source).")
        }
        if !partial.isEmpty { lines.append("Partly there: \(partial.joined(separator: "; ")).") }
        let missingRequired = fit.missing.filter { $0.section == .required }.prefix(4).map(\.skill.label)
        let missingOther = fit.missing.filter { $0.section != .required && $0.weight > SkillExtractor.boilerplateWeight }.prefix(3).map(\.skill.label)
        if !missingRequired.isEmpty { lines.append("Missing from the required qualifications: \(missingRequired.joined(separator: ", ")).") }
        if !missingOther.isEmpty { lines.append("Also asked and not in your profile: \(missingOther.joined(separator: ", ")).") }
        for gate in fit.gates { lines.append((gate.passed ? "Meets: " : "Does not meet: ") + gate.detail + (gate.passed ? "." : String(format: " (−%.0f%% of the score).", gate.penalty * 100))) }
        if let goal = fit.components.first(where: { $0.name == "goal" }), candidate.profile.goal != nil { lines.append(goal.detail.prefix(1).uppercased() + goal.detail.dropFirst() + ".") }
        return lines
    }
}
