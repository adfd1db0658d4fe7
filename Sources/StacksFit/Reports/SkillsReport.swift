/// The readable report of `stacksfit skills`: for each posting, its lean, its requirements, and a
/// table of skills with the section and the evidence sentence, the matched words marked.
public enum SkillsReport {
    /// How matched words are marked in evidence.
    public enum Marking: Sendable {
        /// «guillemets», for files and pipes.
        case plain
        /// Bold and underlined, for terminals.
        case ansi
    }

    public static func format(_ posting: JobPosting, _ analysis: PostingAnalysis, marking: Marking = .plain, width: Int = 120) -> String {
        var lines: [String] = []
        let title = posting.title ?? "(no title)"
        lines.append(title + (posting.employer.map { " — " + $0 } ?? ""))
        lines.append("  " + posting.source.input + (posting.source.format == .html ? "" : " (\(posting.source.format.rawValue) #\(posting.source.index + 1))"))
        lines.append("  Lean: " + describe(analysis.lean))
        lines.append("  Requires: " + describe(analysis.requirements))
        guard !analysis.skills.isEmpty else {
            lines.append("  No skills from the taxonomy found.")
            return lines.joined(separator: "\n")
        }
        let rows = analysis.skills.sorted { ($0.weight, $1.skill.label) > ($1.weight, $0.skill.label) }
        let labelWidth = min(34, rows.map(\.skill.label.count).max() ?? 5)
        let sideWidth = 14
        let sectionWidth = 12
        let evidenceWidth = max(30, width - labelWidth - sideWidth - sectionWidth - 10)
        lines.append("  " + pad("Skill", labelWidth) + "  " + pad("Side", sideWidth) + "  " + pad("Section", sectionWidth) + "  Evidence")
        for mention in rows {
            let side = mention.skill.side?.rawValue ?? "cross-cutting"
            let section = mention.section.rawValue + (mention.boilerplate && mention.section != .about ? "*" : "")
            lines.append("  " + pad(mention.skill.label, labelWidth) + "  " + pad(side, sideWidth) + "  " + pad(section, sectionWidth)
                         + "  " + evidence(mention, width: evidenceWidth, marking: marking))
        }
        if rows.contains(where: { $0.boilerplate && $0.section != .about }) {
            lines.append("  * said of the institution, not the job: counts as little as the About section")
        }
        return lines.joined(separator: "\n")
    }

    /// "technical 0.80 ████████░░ user 0.20 (technical)".
    public static func describe(_ lean: Lean?) -> String {
        guard let lean else { return "no skill on either side of the divide" }
        let filled = Int((lean.technical * 10).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
        return "technical \(decimal2(lean.technical)) \(bar) user \(decimal2(lean.user)) (\(lean.label.rawValue))"
    }

    public static func describe(_ r: Requirements) -> String {
        var parts: [String] = []
        parts += r.degrees
        if let years = r.minYearsExperience { parts.append("\(years)+ year\(years == 1 ? "" : "s") of experience") }
        if r.supervisionRequired { parts.append("supervisory experience" + (r.supervisoryYears.map { " (\($0) years)" } ?? "")) }
        parts += r.certifications.map { "certification: \($0)" }
        parts += r.languages.map { "language: \($0)" }
        var text = parts.isEmpty ? "nothing stated" : parts.joined(separator: "; ")
        if !r.preferredDegrees.isEmpty { text += " (preferred: " + r.preferredDegrees.joined(separator: "; ") + ")" }
        return text
    }

    static func evidence(_ mention: SkillMention, width: Int, marking: Marking) -> String {
        let sentence = mention.evidence
        var before = String(sentence[..<mention.matched.lowerBound])
        let matched = String(sentence[mention.matched])
        var after = String(sentence[mention.matched.upperBound...])
        // Keep the marked words in view: trim both sides to fit.
        let room = max(10, width - matched.count - 2)
        if before.count + after.count > room {
            let keepBefore = min(before.count, room / 3)
            if before.count > keepBefore { before = "…" + before.suffix(keepBefore) }
            let keepAfter = max(0, room - before.count)
            if after.count > keepAfter { after = after.prefix(max(0, keepAfter - 1)) + "…" }
        }
        switch marking {
        case .plain: return before + "«" + matched + "»" + after
        case .ansi: return before + "\u{1B}[1;4m" + matched + "\u{1B}[0m" + after
        }
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count > n ? String(s.prefix(n - 1)) + "…" : s + String(repeating: " ", count: n - s.count)
    }

    /// A number with two decimals ("0.75"), for shares and strengths in readable reports.
    static func decimal2(_ v: Double) -> String {
        let cents = Int((v * 100).rounded())
        return "\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)"
    }
}
