import Foundation

/// One point for a cover letter: a sentence grounded in named entries of the profile and a requirement
/// of the posting.
public struct TalkingPoint: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Direct evidence for something the posting asks.
        case strength
        /// Experience on the other side of the divide, argued with the taxonomy's bridge sentence.
        case bridge
        /// Something the candidate lacks, with the related work or coursework that prepares them.
        case gap
        /// The library degree the posting requires.
        case degree
    }
    public var kind: Kind
    public var text: String
    /// The posting's skill the point answers (nil for the degree).
    public var skill: Skill?
    /// The posting's sentence the point answers.
    public var postingEvidence: String?
    /// The profile entries the point rests on; never empty.
    public var profileEvidence: [SkillEvidence]
}

/// Writes four to six cover-letter talking points from a fit. It never claims what the profile does not
/// contain: every point quotes or names an entry of the profile, and gaps are stated as gaps.
public enum TalkingPoints {
    public static let maximum = 6

    public static func points(for fit: Fit, candidate: CandidateAnalysis) -> [TalkingPoint] {
        var points: [TalkingPoint] = []
        var usedSkills: Set<String> = []
        var usedEntries: [String: Int] = [:]
        func key(_ e: SkillEvidence) -> String { e.kind.rawValue + "\u{1F}" + e.title + "\u{1F}" + (e.organization ?? "") }

        // Strengths: what the posting asks and the candidate has directly, most important first, spread over
        // the profile's entries rather than citing one job for everything.
        let direct = fit.matched.filter { $0.via == nil && $0.credit >= 0.35 && $0.weight > SkillExtractor.boilerplateWeight }
        var strengths: [(Fit.Match, SkillEvidence)] = []
        // First what was done or studied (each entry cited at most twice), then what is only listed.
        for pass in 0..<2 where strengths.count < 3 {
            for match in direct where !usedSkills.contains(match.skill.id) {
                let usable = match.profileEvidence.filter { pass == 1 || ($0.kind != .skill && (usedEntries[key($0)] ?? 0) < 2) }
                guard let best = usable.min(by: { (rank($0.kind), usedEntries[key($0)] ?? 0, -$0.strength) < (rank($1.kind), usedEntries[key($1)] ?? 0, -$1.strength) })
                else { continue }
                strengths.append((match, best))
                usedSkills.insert(match.skill.id)
                usedEntries[key(best), default: 0] += 1
                if strengths.count == 3 { break }
            }
        }
        var studied = 0
        for (match, evidence) in strengths {
            points.append(strengthPoint(match, evidence, candidate: candidate, firstStudied: studied == 0))
            if evidence.kind == .course && !match.profileEvidence.contains(where: { $0.kind == .work || $0.kind == .volunteer }) { studied += 1 }
        }

        // A bridge: the candidate's strongest skill on the other side of the divide, argued with its bridge
        // sentence, answering the posting's most important skill on its own side.
        if let bridge = bridgePoint(fit, candidate: candidate, skipping: usedSkills) {
            points.append(bridge)
            if let id = bridge.skill?.id { usedSkills.insert(id) }
        }

        // Gaps, honestly: a required or duty skill met only through a related skill or a course (each
        // related skill offered once).
        var offered: Set<String> = []
        for match in fit.matched + fit.missing where points.count < maximum - 1 {
            guard !usedSkills.contains(match.skill.id), match.section == .required || match.section == .duties,
                  !offered.contains(match.via?.id ?? ""), let point = gapPoint(match, candidate: candidate) else { continue }
            points.append(point)
            usedSkills.insert(match.skill.id)
            if let via = match.via { offered.insert(via.id) }
            if points.filter({ $0.kind == .gap }).count == 2 { break }
        }

        // The degree, when the posting requires one and the profile has it (or will).
        if let degree = degreePoint(fit, candidate: candidate) { points.append(degree) }

        // Fewer than four: more strengths, if the profile has them.
        for match in direct where points.count < 4 && !usedSkills.contains(match.skill.id) {
            guard let best = match.profileEvidence.first else { continue }
            points.insert(strengthPoint(match, best, candidate: candidate, firstStudied: false), at: points.firstIndex { $0.kind != .strength } ?? points.endIndex)
            usedSkills.insert(match.skill.id)
        }
        return Array(points.prefix(maximum))
    }

    // MARK: - The kinds of point

    /// Work and volunteering first, then coursework, then the degree, then a skill merely listed.
    static func rank(_ kind: SkillEvidence.Kind) -> Int {
        switch kind {
        case .work, .volunteer: 0
        case .course: 1
        case .degree: 2
        case .skill: 3
        }
    }

    static func strengthPoint(_ match: Fit.Match, _ evidence: SkillEvidence, candidate: CandidateAnalysis, firstStudied: Bool) -> TalkingPoint {
        let asks = "Your posting " + verb(for: match.section) + " " + phrase(match.skill)
        let text: String
        switch evidence.kind {
        case .work, .volunteer:
            text = asks + ": " + lowerFirst(role(evidence)) + ", " + clause(evidence) + "."
        case .course:
            let onTheJob = match.profileEvidence.contains { $0.kind == .work || $0.kind == .volunteer }
            let lead = onTheJob ? ", and " : firstStudied ? ". I have studied it rather than practised it on the job: " : "; "
            let course = "my course " + courseName(evidence)
            if let sentence = evidence.sentence, sentence != evidence.title, sentence.count > 30 {
                text = asks + lead + course + " covered it (" + lowerFirst(trimmed(sentence)) + ")."
            } else {
                text = asks + lead + course + " prepared me for it."
            }
        case .degree:
            text = asks + ": my \(evidence.title) prepared me for it."
        case .skill:
            text = asks + ", which I list among my skills (\(evidence.title)); I would welcome the chance to show it in practice."
        }
        return TalkingPoint(kind: .strength, text: text, skill: match.skill, postingEvidence: match.postingEvidence, profileEvidence: [evidence])
    }

    static func bridgePoint(_ fit: Fit, candidate: CandidateAnalysis, skipping used: Set<String>) -> TalkingPoint? {
        guard let lean = fit.analysis.lean else { return nil }
        let postingSide: Side = lean.technical >= lean.user ? .technical : .user
        let other: Side = postingSide == .technical ? .user : .technical
        let asked = Set(fit.matched.map(\.skill.id))
        // The posting's most important skill on its own side: the one it names most, weighted by section.
        var importance: [String: Double] = [:]
        for mention in fit.analysis.mentions where mention.skill.side == postingSide { importance[mention.skill.id, default: 0] += mention.weight }
        guard let target = (fit.matched + fit.missing)
            .filter({ $0.skill.side == postingSide && $0.weight > SkillExtractor.boilerplateWeight })
            .max(by: { (importance[$0.skill.id] ?? 0, $1.skill.id) < (importance[$1.skill.id] ?? 0, $0.skill.id) }) else { return nil }
        // The candidate's strongest work on the other side. Bridge sentences speak from experience, so
        // coursework alone does not earn one.
        let candidates = candidate.skills.filter { $0.skill.side == other && $0.skill.bridge != nil && $0.work > 0.05 && !asked.contains($0.skill.id) && !used.contains($0.skill.id) }
        guard let from = candidates.max(by: { ($0.work, $1.skill.id) < ($1.work, $0.skill.id) }),
              let bridge = from.skill.bridge,
              let evidence = from.evidence.first(where: { $0.kind == .work || $0.kind == .volunteer })
        else { return nil }
        let work = evidence.kind == .volunteer ? "volunteering as \(evidence.title)" : "work as \(evidence.title)"
        let org = evidence.organization.map { " at " + ($0.split(separator: ",").first.map(String.init) ?? $0) } ?? ""
        let text = bridge + " My " + work + org + " taught me this, and I would bring it to the " + phrase(target.skill) + " this position " + verb(for: target.section) + "."
        return TalkingPoint(kind: .bridge, text: text, skill: target.skill, postingEvidence: target.postingEvidence, profileEvidence: [evidence])
    }

    static func gapPoint(_ match: Fit.Match, candidate: CandidateAnalysis) -> TalkingPoint? {
        // A skill the candidate has some direct evidence of is not a gap to confess.
        if candidate.strength(of: match.skill.id) != nil && match.via != nil { return nil }
        // Met in full through an alternative ("an ILS such as Koha or Alma", and the candidate has Alma).
        if match.credit >= 0.99 { return nil }
        // Cross-cutting skills (communication, customer service) make weak cover-letter points.
        if match.skill.side == nil { return nil }
        if let via = match.via, let evidence = match.profileEvidence.first {
            // The profile is silent on the skill itself: say what it does show, without claiming the skill
            // or denying it.
            let source: String
            switch evidence.kind {
            case .work, .volunteer: source = "from my work " + role(evidence).replacingOccurrences(of: "As ", with: "as ", options: .anchored)
            case .course: source = "from my course " + courseName(evidence)
            case .degree: source = "from my \(evidence.title)"
            case .skill: source = "which I list among my skills"
            }
            let text = "Your posting " + verb(for: match.section) + " " + phrase(match.skill) + ". The nearest experience I can point to is " + phrase(via) +
                ", " + source + "; it is the groundwork " + phrase(match.skill) + " builds on, and I am ready to grow into it."
            return TalkingPoint(kind: .gap, text: text, skill: match.skill, postingEvidence: match.postingEvidence, profileEvidence: [evidence])
        }
        // Known only from coursework: say so.
        if match.credit > 0, match.credit < 0.99, !match.profileEvidence.contains(where: { $0.kind == .work || $0.kind == .volunteer }),
           let course = match.profileEvidence.first(where: { $0.kind == .course }) {
            let text = "My experience with " + phrase(match.skill) + " comes from coursework rather than the job: my course " + courseName(course) +
                " gave me the grounding, and I would bring that preparation to the role."
            return TalkingPoint(kind: .gap, text: text, skill: match.skill, postingEvidence: match.postingEvidence, profileEvidence: [course])
        }
        return nil
    }

    static func degreePoint(_ fit: Fit, candidate: CandidateAnalysis) -> TalkingPoint? {
        // The degree the gate counted: a completed library master's first.
        guard let gate = fit.gates.first(where: { $0.kind == .degree }),
              let degree = candidate.profile.degrees.first(where: { $0.isLibraryMasters && $0.status == .completed })
                ?? candidate.profile.degrees.first(where: { $0.isLibraryMasters }) else { return nil }
        let from = degree.institution.map { " from \($0)" } ?? ""
        let at = degree.institution.map { " at \($0)" } ?? ""
        let text: String
        switch (degree.status, gate.passed) {
        case (.completed, _):
            text = degree.alaAccredited == true ? "My \(degree.title)\(from), ALA-accredited, meets your requirement of an ALA-accredited degree."
                                                 : "My \(degree.title)\(from) answers your requirement of an ALA-accredited MLS/MLIS."
        case (.inProgress, true):
            text = "I will complete my \(degree.title)\(at) in \(degree.date.map(month) ?? "the coming term"), before the position would start, so I will meet your requirement of an ALA-accredited degree."
        case (.inProgress, false):
            text = "I am completing my \(degree.title)\(at)" + (degree.date.map { ", expected \(month($0))" } ?? "") +
                "; I would hold the ALA-accredited degree you require soon after the likely start, and can discuss timing."
        }
        let evidence = SkillEvidence(kind: .degree, title: degree.title, organization: degree.institution,
                                     detail: degree.status == .completed ? "completed" : "in progress", sentence: nil, strength: 1)
        return TalkingPoint(kind: .degree, text: text, skill: nil, postingEvidence: fit.analysis.requirements.evidence.first, profileEvidence: [evidence])
    }

    // MARK: - Wording

    static func verb(for section: PostingSection.Kind) -> String {
        switch section {
        case .required: "requires"
        case .preferred: "would welcome"
        case .duties: "lists among its duties"
        default: "mentions"
        }
    }

    /// A skill's label inside a sentence. A tool (a one-word technology skill under a broader one: Alma,
    /// Koha, Python) keeps its capital; other labels follow `phrase(_:String)`.
    static func phrase(_ skill: Skill) -> String {
        if skill.side == .technology, !skill.broader.isEmpty, !skill.label.contains(" ") { return skill.label }
        return phrase(skill.label)
    }

    /// A label inside a sentence: "Copy cataloging" → "copy cataloging"; "MARC 21", "LibGuides" stay.
    static func phrase(_ label: String) -> String {
        let words = label.split(separator: " ")
        guard let first = words.first, let initial = first.first, initial.isUppercase, first.count > 1,
              !first.dropFirst().contains(where: \.isUppercase),
              !words.dropFirst().contains(where: { $0.first?.isUppercase == true }) else { return label }
        return lowerFirst(label)
    }

    static func lowerFirst(_ s: String) -> String {
        guard let first = s.first, first.isUppercase else { return s }
        let word = s.prefix { $0 != " " }
        if word.dropFirst().contains(where: \.isUppercase) { return s }
        return first.lowercased() + s.dropFirst()
    }

    static func role(_ e: SkillEvidence) -> String {
        let org = e.organization.map { " at " + ($0.split(separator: ",").first.map(String.init) ?? $0) } ?? ""
        return e.kind == .volunteer ? "As a volunteer \(e.title)\(org)" : "As \(e.title)\(org)"
    }

    static func courseName(_ e: SkillEvidence) -> String {
        e.title + (e.organization.map { " (\($0))" } ?? "")
    }

    /// "I verify name, series and subject access points …" from the duty "Verifies name, series …", in the
    /// tense of the job; a duty that does not open with a verb is quoted instead.
    static func clause(_ e: SkillEvidence) -> String {
        guard let sentence = e.sentence.map(trimmed), !sentence.isEmpty else {
            return "it has been at the heart of the role (\(e.detail))"
        }
        let current = e.detail.hasSuffix("current")
        var parts: [String] = []
        for (i, part) in sentence.components(separatedBy: "; ").enumerated() {
            let words = part.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let head = words.first else { continue }
            // "Hire, train, schedule …": the verb without its comma, which goes back after it.
            let first = head.trimmingCharacters(in: .punctuationCharacters)
            let trailing = String(head.dropFirst(first.count))
            guard let verb = firstPerson(first, current: current) else {
                if i == 0 { return "my duties included “\(sentence)”" }
                break
            }
            // "… and sets WorldCat holdings": later verbs of the same subject.
            var rest = Array(words.dropFirst())
            for j in rest.indices.dropFirst() where rest[j - 1] == "and" {
                let w = rest[j].lowercased()
                if w.hasSuffix("s"), let base = Verbs.base(of: w), Verbs.common.contains(base) || Verbs.irregularPast[base] != nil {
                    rest[j] = current ? base : Verbs.past(of: base)
                }
            }
            parts.append(([verb + trailing] + rest).joined(separator: " "))
        }
        guard !parts.isEmpty else { return "my duties included “\(sentence)”" }
        let joined = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        return "I " + joined
    }

    /// The first word of a duty in the first person, or nil when it is not a verb we can turn.
    static func firstPerson(_ word: String, current: Bool) -> String? {
        let lower = word.lowercased()
        if lower.hasSuffix("ed") || Verbs.irregularPast.values.contains(lower) { return lower }
        guard let base = Verbs.base(of: lower) else { return nil }
        return current ? base : Verbs.past(of: base)
    }

    static func trimmed(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = t.last, ".;:,".contains(last) { t.removeLast() }
        return t
    }

    static func month(_ d: ProfileDate) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard let m = d.month, (1...12).contains(m) else { return String(d.year) }
        return names[m - 1] + " \(d.year)"
    }

    // MARK: - Formats

    public static func text(_ points: [TalkingPoint], fit: Fit, candidate: CandidateAnalysis) -> String {
        var lines = ["Talking points for \(candidate.profile.name): \(fit.posting.title ?? "(no title)")" + (fit.posting.employer.map { " — \($0)" } ?? "")]
        if points.isEmpty { lines.append("  (the profile has no entry that answers this posting's requirements)") }
        for (i, point) in points.enumerated() {
            lines.append("")
            lines.append("\(i + 1). [\(point.kind.rawValue)] \(point.text)")
            if let evidence = point.postingEvidence { lines.append("   posting: “\(evidence)”") }
            lines.append("   profile: " + point.profileEvidence.map(cite).joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    public static func markdown(_ points: [TalkingPoint], fit: Fit, candidate: CandidateAnalysis) -> String {
        var out = "# Talking points: \(Markdown.escape(fit.posting.title ?? "(no title)"))" + (fit.posting.employer.map { " — \(Markdown.escape($0))" } ?? "") + "\n\n"
        out += "For \(Markdown.escape(candidate.profile.name)); every point rests on an entry of the profile.\n\n"
        if points.isEmpty { out += "_The profile has no entry that answers this posting's requirements._\n" }
        for (i, point) in points.enumerated() {
            out += "\(i + 1). **\(point.kind.rawValue.capitalized).** \(Markdown.escape(point.text))\n"
            if let evidence = point.postingEvidence { out += "   - Posting: “\(Markdown.escape(evidence))”\n" }
            out += "   - Profile: " + point.profileEvidence.map { Markdown.escape(cite($0)) }.joined(separator: "; ") + "\n"
        }
        return out
    }

    static func cite(_ e: SkillEvidence) -> String {
        "\(e.kind.rawValue): \(e.title)" + (e.organization.map { ", \($0)" } ?? "")
    }

    public static func json(_ points: [TalkingPoint], fit: Fit, candidate: CandidateAnalysis) throws -> String {
        try PostingsJSON.pretty(Document(points: points, fit: fit, candidate: candidate))
    }

    struct Document: Encodable {
        var points: [TalkingPoint]
        var fit: Fit
        var candidate: CandidateAnalysis

        enum Keys: String, CodingKey { case schemaVersion, profile, posting, points }
        enum PostingKeys: String, CodingKey { case id, title, employer, url }
        enum PointKeys: String, CodingKey { case kind, text, skill, postingEvidence, profileEvidence }
        enum EvidenceKeys: String, CodingKey { case kind, title, organization }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(PostingsJSON.schemaVersion, forKey: .schemaVersion)
            try c.encode(candidate.profile.name, forKey: .profile)
            var p = c.nestedContainer(keyedBy: PostingKeys.self, forKey: .posting)
            try p.encode(fit.posting.id, forKey: .id)
            try p.encode(fit.posting.title, forKey: .title)
            try p.encode(fit.posting.employer, forKey: .employer)
            try p.encode(fit.posting.url, forKey: .url)
            var list = c.nestedUnkeyedContainer(forKey: .points)
            for point in points {
                var e = list.nestedContainer(keyedBy: PointKeys.self)
                try e.encode(point.kind, forKey: .kind)
                try e.encode(point.text, forKey: .text)
                try e.encode(point.skill?.id, forKey: .skill)
                try e.encode(point.postingEvidence, forKey: .postingEvidence)
                var evidence = e.nestedUnkeyedContainer(forKey: .profileEvidence)
                for item in point.profileEvidence {
                    var x = evidence.nestedContainer(keyedBy: EvidenceKeys.self)
                    try x.encode(item.kind.rawValue, forKey: .kind)
                    try x.encode(item.title, forKey: .title)
                    try x.encode(item.organization, forKey: .organization)
                }
            }
        }
    }
}

/// English verb forms for turning a duty line ("Verifies access points …") into a first-person clause.
enum Verbs {
    static let irregularPast: [String: String] = [
        "teach": "taught", "lead": "led", "build": "built", "run": "ran", "write": "wrote", "make": "made", "buy": "bought",
        "hold": "held", "give": "gave", "take": "took", "keep": "kept", "find": "found", "set": "set", "oversee": "oversaw",
        "sell": "sold", "send": "sent", "spend": "spent", "choose": "chose", "draw": "drew", "speak": "spoke", "put": "put",
        "read": "read", "lend": "lent", "meet": "met", "bring": "brought", "think": "thought", "get": "got", "do": "did",
    ]
    /// Verbs that open duty lines in their base form ("Catalog new acquisitions").
    static let common: Set<String> = [
        "catalog", "catalogue", "create", "manage", "teach", "lead", "plan", "develop", "provide", "answer", "assist", "coordinate",
        "process", "maintain", "support", "design", "deliver", "conduct", "train", "supervise", "run", "build", "write", "digitize",
        "describe", "order", "select", "verify", "resolve", "assign", "clean", "help", "staff", "host", "organize", "organise",
        "edit", "review", "evaluate", "track", "order", "receive", "check", "scan", "map", "migrate", "load", "configure",
        "troubleshoot", "administer", "monitor", "present", "facilitate", "perform", "prepare", "handle", "oversee", "serve",
        "work", "collaborate", "partner", "promote", "curate", "arrange", "index", "transcribe", "encode", "update", "compile",
        "respond", "negotiate", "license", "renew", "claim", "weed", "shelve", "circulate", "register", "schedule", "launch",
        "implement", "analyze", "analyse", "set", "upgrade", "record", "document", "file", "ensure", "lead", "evaluate", "correct", "create", "assess", "advise", "consult", "guide", "mentor", "recruit", "hire", "tutor", "read",
    ]
    static let doubling: Set<String> = ["plan", "ship", "stop", "map", "tag", "scan", "chat", "prep"]

    /// The base form of "verifies", "catalogs", "teaches", or of a base verb itself; nil when not a verb we know.
    static func base(of word: String) -> String? {
        if common.contains(word) { return word }
        var candidates: [String] = []
        if word.hasSuffix("ies") { candidates.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es") { candidates.append(String(word.dropLast(2))) }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { candidates.append(String(word.dropLast())) }
        if let known = candidates.first(where: common.contains) { return known }
        // An unknown -s word at the head of a duty is a verb more often than not ("Cleans", "Troubleshoots").
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("ics"), word.count > 3 {
            return word.hasSuffix("ies") ? String(word.dropLast(3)) + "y" :
                (word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("sses") || word.hasSuffix("xes")) ? String(word.dropLast(2)) : String(word.dropLast())
        }
        return nil
    }

    static func past(of base: String) -> String {
        if let irregular = irregularPast[base] { return irregular }
        if doubling.contains(base), let last = base.last { return base + String(last) + "ed" }
        if base.hasSuffix("e") { return base + "d" }
        if base.hasSuffix("y"), let before = base.dropLast().last, !"aeiou".contains(before) { return base.dropLast() + "ied" }
        return base + "ed"
    }
}
