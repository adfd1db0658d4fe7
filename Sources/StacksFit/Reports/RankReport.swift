import Foundation

/// The outputs of `stacksfit rank`: a terminal table, JSON (OUTPUT.md), CSV and Markdown.
public enum RankReport {
    /// The top reason: the first explanation line, or the first failed gate.
    public static func topReason(_ fit: Fit) -> String {
        if let gate = fit.gates.first(where: { !$0.passed }) { return "Does not meet: " + gate.detail }
        return fit.explanation.first ?? "–"
    }

    public static func table(_ fits: [Fit], profile: CandidateAnalysis, width: Int = 160) -> String {
        var lines: [String] = []
        lines.append("Ranked for \(profile.profile.name): coursework \(short(profile.courseworkLean)), experience \(short(profile.experienceLean))")
        let header = ["#", "Score", "Title", "Employer", "Place", "Salary", "Lean T↔U", "Top reason"]
        var rows: [[String]] = []
        for (i, fit) in fits.enumerated() {
            rows.append([String(i + 1), String(format: "%.1f", fit.score), fit.posting.title ?? "(no title)", fit.posting.employer ?? "–",
                         PostingsTable.describe(fit.posting.location), PostingsTable.describe(fit.posting.salary),
                         PostingsTable.bar(fit.analysis.lean), topReason(fit)])
        }
        var limits = [3, 5, 38, 26, 18, 20, 9, 0]
        limits[7] = max(30, width - limits.prefix(7).reduce(0, +) - 16)
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = min(limits[i], max(widths[i], cell.count)) } }
        func render(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let cut = cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
                return cut + String(repeating: " ", count: widths[i] - cut.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        lines.append(render(header))
        lines.append(render(widths.map { String(repeating: "─", count: $0) }))
        lines += rows.map(render)
        return lines.joined(separator: "\n")
    }

    static func short(_ lean: Lean?) -> String {
        guard let lean else { return "no side" }
        return "\(lean.label.rawValue) (T \(Int((lean.technical * 100).rounded()))% / U \(Int((lean.user * 100).rounded()))%)"
    }

    // MARK: - JSON

    public static func json(_ fits: [Fit], profile: CandidateAnalysis, problems: [Problem]) throws -> String {
        try PostingsJSON.pretty(Document(fits: fits, profile: profile, problems: problems))
    }

    private struct Document: Encodable {
        var fits: [Fit]
        var profile: CandidateAnalysis
        var problems: [Problem]

        enum Keys: String, CodingKey { case schemaVersion, profile, results, problems }
        enum ProfileKeys: String, CodingKey { case name, source, goal, lean }
        enum LeanKeys: String, CodingKey { case coursework, experience }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(PostingsJSON.schemaVersion, forKey: .schemaVersion)
            var p = c.nestedContainer(keyedBy: ProfileKeys.self, forKey: .profile)
            try p.encode(profile.profile.name, forKey: .name)
            try p.encode(profile.profile.source, forKey: .source)
            try p.encode(profile.profile.goal, forKey: .goal)
            var l = p.nestedContainer(keyedBy: LeanKeys.self, forKey: .lean)
            try l.encode(profile.courseworkLean, forKey: .coursework)
            try l.encode(profile.experienceLean, forKey: .experience)
            try c.encode(fits.enumerated().map { RankedFit(rank: $0.offset + 1, fit: $0.element) }, forKey: .results)
            try c.encode(problems, forKey: .problems)
        }
    }

    struct RankedFit: Encodable {
        var rank: Int
        var fit: Fit

        enum Keys: String, CodingKey { case rank, score, posting, components, componentDetails, matched, missing, gates, explanation, sources }
        enum PostingKeys: String, CodingKey { case id, title, employer, url, lean }
        enum MatchKeys: String, CodingKey { case skill, label, section, weight, credit, via, postingEvidence, profileEvidence }
        enum MissingKeys: String, CodingKey { case skill, label, section, weight }
        enum GateKeys: String, CodingKey { case kind, passed, penalty, detail }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(fit.score, forKey: .score)
            var p = c.nestedContainer(keyedBy: PostingKeys.self, forKey: .posting)
            try p.encode(fit.posting.id, forKey: .id)
            try p.encode(fit.posting.title, forKey: .title)
            try p.encode(fit.posting.employer, forKey: .employer)
            try p.encode(fit.posting.url, forKey: .url)
            try p.encode(fit.analysis.lean, forKey: .lean)
            try c.encode(Dictionary(fit.components.map { ($0.name, $0.points) }, uniquingKeysWith: +), forKey: .components)
            try c.encode(Dictionary(fit.components.map { ($0.name, $0.detail) }, uniquingKeysWith: { a, _ in a }), forKey: .componentDetails)
            var m = c.nestedUnkeyedContainer(forKey: .matched)
            for match in fit.matched {
                var e = m.nestedContainer(keyedBy: MatchKeys.self)
                try e.encode(match.skill.id, forKey: .skill)
                try e.encode(match.skill.label, forKey: .label)
                try e.encode(match.section, forKey: .section)
                try e.encode((match.weight * 100).rounded() / 100, forKey: .weight)
                try e.encode((match.credit * 100).rounded() / 100, forKey: .credit)
                try e.encode(match.via?.id, forKey: .via)
                try e.encode(match.postingEvidence, forKey: .postingEvidence)
                try e.encode(match.profileEvidence.map(RankReport.describe), forKey: .profileEvidence)
            }
            var x = c.nestedUnkeyedContainer(forKey: .missing)
            for match in fit.missing {
                var e = x.nestedContainer(keyedBy: MissingKeys.self)
                try e.encode(match.skill.id, forKey: .skill)
                try e.encode(match.skill.label, forKey: .label)
                try e.encode(match.section, forKey: .section)
                try e.encode((match.weight * 100).rounded() / 100, forKey: .weight)
            }
            var g = c.nestedUnkeyedContainer(forKey: .gates)
            for gate in fit.gates {
                var e = g.nestedContainer(keyedBy: GateKeys.self)
                try e.encode(gate.kind.rawValue, forKey: .kind)
                try e.encode(gate.passed, forKey: .passed)
                try e.encode(gate.penalty, forKey: .penalty)
                try e.encode(gate.detail, forKey: .detail)
            }
            try c.encode(fit.explanation, forKey: .explanation)
            try c.encode([fit.posting.source] + fit.duplicates, forKey: .sources)
        }
    }

    /// "Cataloging Assistant, Northfield College Library (2.0 years at 20 h/week, current)".
    public static func describe(_ e: SkillEvidence) -> String {
        e.title + (e.organization.map { ", \($0)" } ?? "") + " (" + e.detail + ")"
    }

    // MARK: - CSV

    /// One row per posting; the header is stable: rank,score,id,title,employer,city,region,remote,salary_min,salary_max,salary_period,lean,lean_technical,mls_required,gates_failed,top_reason,url.
    public static func csv(_ fits: [Fit]) -> String {
        var lines = ["rank,score,id,title,employer,city,region,remote,salary_min,salary_max,salary_period,lean,lean_technical,mls_required,gates_failed,top_reason,url"]
        for (i, fit) in fits.enumerated() {
            let p = fit.posting
            let fields: [String] = [
                String(i + 1), String(format: "%.1f", fit.score), p.id, p.title ?? "", p.employer ?? "", p.location?.city ?? "",
                p.location?.region ?? "", p.location.map { $0.remote ? "true" : "false" } ?? "", p.salary?.min.map { number($0) } ?? "",
                p.salary?.max.map { number($0) } ?? "", p.salary?.period?.rawValue ?? "", fit.analysis.lean?.label.rawValue ?? "",
                fit.analysis.lean.map { String(format: "%.2f", $0.technical) } ?? "", fit.analysis.requirements.mlsRequired ? "true" : "false",
                fit.gates.filter { !$0.passed }.map(\.kind.rawValue).joined(separator: ";"), topReason(fit), p.url ?? "",
            ]
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    static func number(_ v: Double) -> String { v.rounded() == v ? String(Int(v)) : String(format: "%.2f", v) }

    static func quote(_ field: String) -> String {
        // A text field a spreadsheet would run as a formula ("=HYPERLINK(…)") starts with a quote mark instead.
        var field = field
        if let first = field.first, "=+-@".contains(first), Double(field) == nil { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - Markdown

    /// A Markdown report: the ranked table, then each posting's explanation (reasons, score components,
    /// requirements met and missed, and what would raise it).
    /// - Parameter ranked: how many postings were ranked, when `fits` holds only the best of them.
    public static func markdown(_ fits: [Fit], profile: CandidateAnalysis, weights: ScoringWeights = ScoringWeights(), ranked: Int? = nil) -> String {
        var out = "# Postings ranked for \(Markdown.escape(profile.profile.name))\n\n"
        out += "Coursework leans \(short(profile.courseworkLean)); experience leans \(short(profile.experienceLean)).\n\n"
        if let ranked, ranked > fits.count { out += "\(ranked) postings ranked; the best \(fits.count) are shown.\n\n" }
        out += "| # | Score | Posting | Employer | Place | Lean | Top reason |\n|---:|---:|---|---|---|---|---|\n"
        for (i, fit) in fits.enumerated() {
            let title = Markdown.escape(fit.posting.title ?? "(no title)")
            let link = fit.posting.url.flatMap(Markdown.link).map { "[\(title)](<\($0)>)" } ?? title
            out += "| \(i + 1) | \(String(format: "%.1f", fit.score)) | \(link) | \(Markdown.escape(fit.posting.employer ?? "–")) | \(Markdown.escape(PostingsTable.describe(fit.posting.location))) | \(fit.analysis.lean?.label.rawValue ?? "–") | \(Markdown.escape(topReason(fit))) |\n"
        }
        for (i, fit) in fits.enumerated() {
            out += "\n## \(i + 1). \(Markdown.escape(fit.posting.title ?? "(no title)"))\(fit.posting.employer.map { " — " + Markdown.escape($0) } ?? "") (\(String(format: "%.1f", fit.score)))\n\n"
            for line in fit.explanation { out += "- \(Markdown.escape(line))\n" }
            out += "\nScore: " + fit.components.map { "\($0.name) \(String(format: "%+.1f", $0.points))" }.joined(separator: ", ") + "\n"
            let asked = (fit.matched + fit.missing).sorted { ($0.weight, $1.skill.label) > ($1.weight, $0.skill.label) }
            if !asked.isEmpty {
                out += "\n| | Skill | Section | Weight | Credit | You |\n|---|---|---|---:|---:|---|\n"
                for m in asked.prefix(12) {
                    let mark = m.credit >= 0.99 ? "✔" : m.credit > 0 ? "◐" : "✘"
                    let you = m.profileEvidence.first.map { Markdown.escape(describe($0)) } ?? "–"
                    out += "| \(mark) | \(Markdown.escape(m.skill.label))\(m.via.map { " (through \(Markdown.escape($0.label)))" } ?? "") | \(m.section.rawValue) | \(String(format: "%.2f", m.weight)) | \(String(format: "%.2f", m.credit)) | \(you) |\n"
                }
                if asked.count > 12 { out += "\n(\(asked.count - 12) more asked with less weight.)\n" }
            }
            let gains = ExplainReport.improvements(fit, weights: weights).prefix(3)
            if !gains.isEmpty { out += "\nWhat would raise it most: " + gains.map { String(format: "%@ (+%.1f)", Markdown.escape($0.0), $0.1) }.joined(separator: "; ") + ".\n" }
        }
        return out
    }
}
