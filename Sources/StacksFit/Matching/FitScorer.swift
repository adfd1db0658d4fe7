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
    /// The credit for each skill of the taxonomy, by position: what the quick score reads.
    private(set) var credits: [Double] = []

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
        credits = taxonomy.skills.map { credit(for: $0).credit }
    }

    /// What the skill component of a posting is made of, independent of any candidate: each skill asked,
    /// by taxonomy position, with its weight (by section, cross-cutting skills reduced, alternatives shared),
    /// and the group of alternatives it belongs to. Build it once per posting to score many candidates.
    public struct Plan: Sendable {
        struct Entry: Sendable {
            var skill: Int
            var weight: Double
            var group: Int
        }
        var entries: [Entry] = []
        /// Taxonomy positions of each group's members.
        var groups: [[Int]] = []
        /// What the posting asks outside its boilerplate, for gap advice: each skill once, with its weight
        /// before alternatives are shared, and whether the required qualifications name it.
        struct Ask: Sendable {
            var skill: Int
            var weight: Double
            var required: Bool
        }
        var asks: [Ask] = []
        /// The weight of every skill the posting names, before alternatives are shared.
        var totalWeight = 0.0
    }

    /// The plan of a posting's skills (see `Plan`); the grouping is the one `score` uses.
    public static func plan(_ analysis: PostingAnalysis, taxonomy: Taxonomy, weights: ScoringWeights) -> Plan {
        let grouping = alternatives(in: analysis)
        var plan = Plan()
        var groupIndex: [String: Int] = [:]
        for mention in analysis.skills {
            var weight = mention.weight * (mention.skill.side == nil ? weights.crossCuttingWeight : 1)
            plan.totalWeight += weight
            guard weight > 0, let position = taxonomy.position(of: mention.skill.id) else { continue }
            if mention.weight > SkillExtractor.boilerplateWeight * 1.01 {
                plan.asks.append(.init(skill: position, weight: weight, required: mention.section == .required))
            }
            var group = -1
            if let (key, members) = grouping[mention.skill.id] {
                weight /= Double(members.count)
                if let known = groupIndex[key] { group = known } else {
                    group = plan.groups.count
                    groupIndex[key] = group
                    plan.groups.append(members.compactMap { taxonomy.position(of: $0.skill.id) })
                }
            }
            plan.entries.append(.init(skill: position, weight: weight, group: group))
        }
        return plan
    }

    /// Alternatives: "an ILS such as FOLIO, Koha, Sierra or Alma" asks for one of them, not all. Skills of
    /// one sentence that share a broader skill, in a sentence that offers a choice, count as one. Each skill
    /// id maps to the largest such group it is in (the first, in key order, among equals).
    static func alternatives(in analysis: PostingAnalysis) -> [String: (key: String, members: [SkillMention])] {
        var groups: [String: [SkillMention]] = [:]
        for mention in analysis.skills where !mention.skill.broader.isEmpty && offersChoice(mention.evidence) {
            for broader in mention.skill.broader { groups[mention.evidence + "\u{1F}" + broader, default: []].append(mention) }
        }
        var chosen: [String: (key: String, members: [SkillMention])] = [:]
        for key in groups.keys.sorted() {
            guard let members = groups[key], members.count >= 2 else { continue }
            for member in members where (chosen[member.skill.id]?.members.count ?? 0) < members.count {
                chosen[member.skill.id] = (key, members)
            }
        }
        return chosen
    }

    /// The skill component's total weight and weighted credit, from a plan and this candidate's credits.
    func sums(_ plan: Plan) -> (total: Double, earned: Double) {
        var best = [Double](repeating: 0, count: plan.groups.count)
        for (g, members) in plan.groups.enumerated() { best[g] = members.reduce(0) { max($0, credits[$1]) } }
        var total = 0.0, earned = 0.0
        for entry in plan.entries {
            total += entry.weight
            earned += entry.weight * (entry.group >= 0 ? best[entry.group] : credits[entry.skill])
        }
        return (total, earned)
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

    /// The numbers of a fit, without the sentences: what both the full score and the quick one are made of.
    struct Tally {
        var total = 0.0, earned = 0.0
        var matched: [Fit.Match] = []
        var missing: [Fit.Match] = []
        var gates: [GateCheck] = []
        var years = 0.0, supportFactor = 1.0
        var experienceFit = 0.0
        var goalShare = 0.5
        var coverage: Double { total > 0 ? earned / total : 0 }
    }

    /// A gate's outcome, with what its sentence needs.
    struct GateCheck {
        enum Reason {
            case degreeHeld, degreeBefore(ProfileDate, ProfileDate), degreeAfter(ProfileDate?, ProfileDate), degreeMissing
            case certification(String)
            case years(minimum: Int)
            case supervision
        }
        var kind: Fit.Gate.Kind
        var passed: Bool
        var penalty: Double
        var reason: Reason
    }

    /// The skill component's weights and credits. With `collect`, also the matched and missing lists.
    func skillTally(_ analysis: PostingAnalysis, collect: Bool, into tally: inout Tally) {
        var alternatives: [String: (size: Int, best: (Double, Skill?, [SkillEvidence]))] = [:]
        var bestOfGroup: [String: (Double, Skill?, [SkillEvidence])] = [:]
        for (id, group) in Self.alternatives(in: analysis) {
            let best: (Double, Skill?, [SkillEvidence])
            if let known = bestOfGroup[group.key] { best = known } else {
                let credits = group.members.map { ($0, credit(for: $0.skill)) }
                guard let top = credits.max(by: { $0.1.credit < $1.1.credit }) else { continue }
                // Met through the best alternative: name it as the skill the credit came through.
                best = (top.1.credit, top.1.via ?? top.0.skill, top.1.evidence)
                bestOfGroup[group.key] = best
            }
            let own = credit(for: group.members.first { $0.skill.id == id }!.skill)
            alternatives[id] = (group.members.count, own.credit >= best.0 ? own : best)
        }
        for mention in analysis.skills {
            var weight = mention.weight * (mention.skill.side == nil ? weights.crossCuttingWeight : 1)
            guard weight > 0 else { continue }
            var (credit, via, evidence) = alternatives[mention.skill.id]?.best ?? credit(for: mention.skill)
            if let alternative = alternatives[mention.skill.id] {
                weight /= Double(alternative.size)
                if via?.id == mention.skill.id { via = nil }
            }
            tally.total += weight
            tally.earned += weight * credit
            guard collect else { continue }
            let match = Fit.Match(skill: mention.skill, section: mention.section, weight: weight, credit: credit, via: via,
                                  postingEvidence: mention.evidence, profileEvidence: Array(evidence.prefix(3)))
            if credit > 0 { tally.matched.append(match) } else { tally.missing.append(match) }
        }
    }

    /// Everything but the skills: gates, years, the goal.
    func requirementTally(_ posting: JobPosting, _ analysis: PostingAnalysis, into tally: inout Tally) {
        let requirements = analysis.requirements
        if requirements.mlsRequired {
            switch candidate.libraryDegree {
            case .completed:
                tally.gates.append(.init(kind: .degree, passed: true, penalty: 0, reason: .degreeHeld))
            case .inProgress(let expected):
                let start = Self.likelyStart(of: posting)
                if let expected, expected <= start {
                    tally.gates.append(.init(kind: .degree, passed: true, penalty: 0, reason: .degreeBefore(expected, start)))
                } else {
                    tally.gates.append(.init(kind: .degree, passed: false, penalty: weights.degreePenalty, reason: .degreeAfter(expected, start)))
                }
            case .none:
                tally.gates.append(.init(kind: .degree, passed: false, penalty: weights.degreePenalty, reason: .degreeMissing))
            }
        }
        for certification in requirements.certifications {
            tally.gates.append(.init(kind: .certification, passed: false, penalty: weights.certificationPenalty, reason: .certification(certification)))
        }
        // "Five years of professional experience" counts professional years only; a posting that requires
        // an MLS counts other library work at half; others count all library work.
        tally.supportFactor = requirements.professionalYearsRequired ? 0 : requirements.mlsRequired ? weights.supportYearsFactor : 1
        tally.years = candidate.professionalYears + tally.supportFactor * max(0, candidate.relevantYears - candidate.professionalYears)
        if let minimum = requirements.minYearsExperience {
            let passed = tally.years + 0.05 >= Double(minimum)
            tally.gates.append(.init(kind: .years, passed: passed, penalty: passed ? 0 : weights.yearsPenalty, reason: .years(minimum: minimum)))
        }
        if requirements.supervisionRequired {
            let passed = candidate.supervisoryYears > 0
            tally.gates.append(.init(kind: .supervision, passed: passed, penalty: passed ? 0 : weights.supervisionPenalty, reason: .supervision))
        }
        if let minimum = requirements.minYearsExperience, minimum > 0 {
            tally.experienceFit = min(1, tally.years / Double(minimum))
        } else {
            tally.experienceFit = min(1, tally.years / 1.0)
        }
        if let goal = candidate.profile.goal, let lean = analysis.lean { tally.goalShare = goal == .technical ? lean.technical : lean.user }
    }

    /// The component points, each rounded to a tenth, then the failed gates' deductions in order, and the score.
    func points(_ tally: Tally) -> (components: [Double], deductions: [Double], score: Double) {
        let passed = tally.gates.filter(\.passed).count
        let passedShare = tally.gates.isEmpty ? 1 : Double(passed) / Double(tally.gates.count)
        let components = [weights.skills * tally.coverage, weights.experience * tally.experienceFit,
                          weights.requirements * passedShare, weights.goal * tally.goalShare].map { ($0 * 10).rounded() / 10 }
        // Each failed gate takes its share off what is left, one after another.
        var subtotal = components.reduce(0, +)
        var deductions: [Double] = []
        for gate in tally.gates where !gate.passed {
            let points = ((subtotal * gate.penalty) * 10).rounded() / 10
            deductions.append(points)
            subtotal -= points
        }
        let score = max(0, ((components.reduce(0, +) - deductions.reduce(0, +)) * 10).rounded() / 10) + 0
        return (components, deductions, score)
    }

    /// The score alone, without evidence or sentences: for ranking many postings and for "what if" questions.
    /// - Parameter plan: the posting's plan, when already built (`FitScorer.plan`), so many candidates share it.
    public func quickScore(_ posting: JobPosting, analysis: PostingAnalysis, plan: Plan? = nil) -> Double {
        var tally = Tally()
        (tally.total, tally.earned) = sums(plan ?? Self.plan(analysis, taxonomy: taxonomy, weights: weights))
        requirementTally(posting, analysis, into: &tally)
        return points(tally).score
    }

    /// The non-skill part of a quick score (gates, years, goal), to rescore one posting for variants of the
    /// same candidate that differ only in skills (`rescore`).
    func requirementsOnly(_ posting: JobPosting, analysis: PostingAnalysis) -> Tally {
        var tally = Tally()
        requirementTally(posting, analysis, into: &tally)
        return tally
    }

    /// The score of a posting for this scorer's skills and another scorer's `requirementsOnly` tally.
    func rescore(_ plan: Plan, requirements: Tally) -> Double {
        var tally = requirements
        (tally.total, tally.earned) = sums(plan)
        return points(tally).score
    }

    /// The kinds of the gates this candidate fails for a posting (cheap: no skills, no sentences).
    public func failedGates(_ posting: JobPosting, analysis: PostingAnalysis) -> [Fit.Gate.Kind] {
        var tally = Tally()
        requirementTally(posting, analysis, into: &tally)
        return tally.gates.filter { !$0.passed }.map(\.kind)
    }

    public func score(_ posting: JobPosting, analysis: PostingAnalysis) -> Fit {
        var tally = Tally()
        skillTally(analysis, collect: true, into: &tally)
        requirementTally(posting, analysis, into: &tally)
        tally.matched.sort { ($0.weight * $0.credit, $1.skill.id) > ($1.weight * $1.credit, $0.skill.id) }
        tally.missing.sort { ($0.weight, $1.skill.id) > ($1.weight, $0.skill.id) }
        let (values, deductions, score) = points(tally)
        let gates = tally.gates.map { Fit.Gate(kind: $0.kind, passed: $0.passed, penalty: $0.penalty, detail: detail($0, tally)) }
        let requirements = analysis.requirements

        var components: [Fit.Component] = []
        components.append(.init(name: "skills", points: values[0],
                                detail: String(format: "covers %.0f%% of what the posting asks, weighted by section", tally.coverage * 100)))
        components.append(.init(name: "experience", points: values[1],
                                detail: String(format: "%.1f years of relevant experience against %@", tally.years,
                                               requirements.minYearsExperience.map { "\($0) asked" } ?? "none stated (1 year counts in full)")))
        components.append(.init(name: "requirements", points: values[2],
                                detail: gates.isEmpty ? "no degree, certification or years required" : "\(gates.filter(\.passed).count) of \(gates.count) requirements met"))
        var goalDetail = "no goal side set: neutral"
        if let goal = candidate.profile.goal, analysis.lean != nil {
            goalDetail = String(format: "the posting is %.0f%% %@, the side you want to move toward", tally.goalShare * 100, goal.rawValue)
        } else if candidate.profile.goal != nil {
            goalDetail = "the posting shows no side of the divide: neutral"
        }
        components.append(.init(name: "goal", points: values[3], detail: goalDetail))
        for (gate, points) in zip(gates.filter { !$0.passed }, deductions) {
            components.append(.init(name: "gate:\(gate.kind.rawValue)", points: -points,
                                    detail: gate.detail + String(format: " (−%.0f%%)", gate.penalty * 100)))
        }

        var fit = Fit(posting: posting, analysis: analysis, score: score, components: components, matched: tally.matched,
                      missing: tally.missing, gates: gates, explanation: [])
        fit.explanation = Self.explain(fit, candidate: candidate)
        return fit
    }

    /// The sentence for a gate.
    func detail(_ gate: GateCheck, _ tally: Tally) -> String {
        switch gate.reason {
        case .degreeHeld: return "requires an ALA-accredited MLS/MLIS: you have one"
        case .degreeBefore(let expected, let start):
            return "requires an ALA-accredited MLS/MLIS: yours is expected \(expected), before the likely start (\(start))"
        case .degreeAfter(let expected, let start):
            return "requires an ALA-accredited MLS/MLIS: yours is expected \(expected.map(\.description) ?? "at an unknown date"), after the likely start (\(start))"
        case .degreeMissing: return "requires an ALA-accredited MLS/MLIS, which your profile does not list"
        case .certification(let name):
            return "requires a \(name.replacingOccurrences(of: "-", with: " ")) certification, which your profile does not list"
        case .years(let minimum):
            let basis = tally.supportFactor == 0 ? "professional years only, as it asks" : tally.supportFactor < 1 ? "professional in full, other library work at half" : "all library work, full-time equivalent"
            return String(format: "asks for %d year%@ of experience: you have %.1f (%@)", minimum, minimum == 1 ? "" : "s", tally.years, basis)
        case .supervision:
            return gate.passed ? String(format: "asks for supervisory experience: you have %.1f years", candidate.supervisoryYears)
                               : "asks for supervisory experience, which your duties do not show"
        }
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
