/// The readable explanation of one fit: every requirement with its weight, credit and evidence on both
/// sides, the gates, the missing skills by importance, and what would raise the score most.
public enum ExplainReport {
    /// What would add the most points, largest first: (what, points).
    public static func improvements(_ fit: Fit, weights: ScoringWeights) -> [(String, Double)] {
        let total = (fit.matched + fit.missing).reduce(0) { $0 + $1.weight }
        var gains: [(String, Double)] = []
        if total > 0 {
            for m in fit.matched + fit.missing where m.credit < 0.99 {
                let gain = weights.skills * m.weight * (1 - m.credit) / total
                let how = m.credit > 0 ? "more \(m.skill.label)" + (m.via.map { " (you have \($0.label))" } ?? "") : m.skill.label
                gains.append((how + " (\(m.section.rawValue))", gain))
            }
        }
        let gateCount = Double(max(1, fit.gates.count))
        for gate in fit.gates where !gate.passed {
            let taken = -(fit.components.first { $0.name == "gate:\(gate.kind.rawValue)" }?.points ?? 0)
            gains.append(("meeting the \(gate.kind.rawValue) requirement", taken + weights.requirements / gateCount))
        }
        return gains.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }

    public static func format(_ fit: Fit, candidate: CandidateAnalysis, weights: ScoringWeights) -> String {
        var lines: [String] = []
        lines.append("\(fit.posting.title ?? "(no title)")" + (fit.posting.employer.map { " — \($0)" } ?? ""))
        if let url = fit.posting.url { lines.append("  \(url)") }
        lines.append(String(format: "  Score %.1f / 100 for %@", fit.score, candidate.profile.name))
        lines.append("  " + fit.components.map { "\($0.name) \(String(format: "%+.1f", $0.points))" }.joined(separator: "  "))
        for component in fit.components { lines.append("    \(component.name): \(component.detail)") }
        if !fit.duplicates.isEmpty {
            lines.append("  Also listed in: " + fit.duplicates.map { "\($0.input) (\($0.format.rawValue) #\($0.index + 1))" }.joined(separator: "; "))
        }
        lines.append("")
        lines.append("  Why:")
        lines += fit.explanation.map { "    - " + $0 }
        lines.append("")
        lines.append("  What the posting asks, and what you bring (weight × credit):")
        for m in (fit.matched + fit.missing).sorted(by: { ($0.weight, $1.skill.label) > ($1.weight, $0.skill.label) }) {
            let mark = m.credit >= 0.99 ? "✔" : m.credit > 0 ? "◐" : "✘"
            lines.append(String(format: "    %@ %@ — %@, weight %.2f, credit %.2f%@", mark, m.skill.label, m.section.rawValue, m.weight, m.credit,
                                m.via.map { " (through \($0.label))" } ?? ""))
            lines.append("        posting: \"\(m.postingEvidence)\"")
            for e in m.profileEvidence.prefix(2) { lines.append("        you:     \(RankReport.describe(e))" + (e.sentence.map { " — \"\($0)\"" } ?? "")) }
        }
        if !fit.gates.isEmpty {
            lines.append("")
            lines.append("  Requirements:")
            for gate in fit.gates { lines.append("    \(gate.passed ? "✔" : "✘") \(gate.detail)" + (gate.passed ? "" : String(format: " (−%.0f%% of the score)", gate.penalty * 100))) }
        }
        let gains = improvements(fit, weights: weights).prefix(5)
        if !gains.isEmpty {
            lines.append("")
            lines.append("  What would raise this score most:")
            for (what, points) in gains { lines.append(String(format: "    +%.1f  %@", points, what)) }
        }
        return lines.joined(separator: "\n")
    }
}
