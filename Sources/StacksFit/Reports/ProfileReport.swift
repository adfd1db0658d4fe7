/// The readable analysis `stacksfit profile check` prints.
public enum ProfileReport {
    public static func format(_ analysis: CandidateAnalysis, warnings: [Problem] = [], limit: Int = 25) -> String {
        let p = analysis.profile
        var lines: [String] = []
        lines.append("\(p.name)  (\(p.source), \(p.format == .yaml ? "stacksfit YAML" : "JSON Resume"))")
        if let goal = p.goal { lines.append("  Goal: move toward \(goal == .technical ? "technical" : "user") services") }
        switch analysis.libraryDegree {
        case .none: lines.append("  Library degree: none listed")
        case .completed(let date): lines.append("  Library degree: completed" + (date.map { " \($0)" } ?? ""))
        case .inProgress(let expected): lines.append("  Library degree: in progress" + (expected.map { ", expected \($0)" } ?? ", no expected date"))
        }
        lines.append(String(format: "  Experience: %.1f professional years; %.1f years of library work in all (full-time equivalent); %.1f supervising",
                            analysis.professionalYears, analysis.relevantYears, analysis.supervisoryYears))
        lines.append("  Coursework lean:  " + SkillsReport.describe(analysis.courseworkLean))
        lines.append("  Experience lean:  " + SkillsReport.describe(analysis.experienceLean))
        if analysis.skills.isEmpty {
            lines.append("  No skills from the taxonomy found.")
        } else {
            lines.append("  Skills (strength 0–1; from work / coursework / listed), strongest first:")
            let shown = analysis.skills.prefix(limit)
            let labelWidth = min(32, shown.map(\.skill.label.count).max() ?? 10)
            for s in shown {
                let filled = Int((s.strength * 10).rounded())
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
                let best = s.evidence.first.map { e in
                    e.title + (e.organization.map { ", \($0)" } ?? "") + " (" + e.detail + ")"
                } ?? ""
                let label = s.skill.label.count > labelWidth ? String(s.skill.label.prefix(labelWidth - 1)) + "…" : s.skill.label + String(repeating: " ", count: labelWidth - s.skill.label.count)
                lines.append("    \(label)  \(bar) \(SkillsReport.decimal2(s.strength))  work \(SkillsReport.decimal2(s.work)) course \(SkillsReport.decimal2(s.coursework)) listed \(SkillsReport.decimal2(s.listed))  \(best)")
            }
            if analysis.skills.count > limit { lines.append("    … and \(analysis.skills.count - limit) more") }
        }
        if !analysis.notes.isEmpty {
            lines.append("  Looks missing:")
            lines += analysis.notes.map { "    - " + $0 }
        }
        if !warnings.isEmpty {
            lines.append("  Warnings:")
            lines += warnings.map { "    - " + ($0.line.map { "line \($0): " } ?? "") + $0.message }
        }
        return lines.joined(separator: "\n")
    }
}
