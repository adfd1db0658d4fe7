import Foundation

/// Everything one person's report shows: the ranked fits with their explanations, the skills worth
/// gaining, and the inputs that could not be read. Rendered as one self-contained HTML file (inline CSS,
/// an inline SVG chart, no script, no external asset) or as Markdown.
public struct PersonReport: Sendable {
    public var candidate: CandidateAnalysis
    /// Best first.
    public var fits: [Fit]
    public var gaps: [GapAdvisor.Advice]
    public var weights: ScoringWeights
    public var problems: [Problem]
    /// Postings ranked in all (the report may show only the best of them).
    public var postingsRanked: Int

    public init(candidate: CandidateAnalysis, fits: [Fit], gaps: [GapAdvisor.Advice], weights: ScoringWeights = ScoringWeights(),
                problems: [Problem] = [], postingsRanked: Int? = nil) {
        self.candidate = candidate
        self.fits = fits
        self.gaps = gaps
        self.weights = weights
        self.problems = problems
        self.postingsRanked = postingsRanked ?? fits.count
    }

    // MARK: - HTML

    public func html() -> String {
        let name = candidate.profile.name
        var out = HTMLPage.head(title: "stacksfit: postings ranked for \(name)")
        out += "<header><h1>Postings ranked for \(HTMLPage.escape(name))</h1>\n"
        out += "<p class=\"lede\">\(postingsRanked) posting\(postingsRanked == 1 ? "" : "s") ranked by fit, 0-100"
        out += fits.count < postingsRanked ? "; the best \(fits.count) are shown. " : ". "
        out += "Coursework leans \(HTMLPage.escape(RankReport.short(candidate.courseworkLean))); experience leans \(HTMLPage.escape(RankReport.short(candidate.experienceLean)))."
        if let goal = candidate.profile.goal { out += " Goal: move toward \(goal == .technical ? "technical" : goal == .user ? "user" : goal.rawValue) services." }
        out += "</p></header>\n<main>\n"
        out += "<section aria-labelledby=\"chart-h\"><h2 id=\"chart-h\">Where the postings sit on the divide</h2>\n"
        out += DivideChart.svg(points: fits.enumerated().map { DivideChart.Point(label: String($0.offset + 1), title: $0.element.posting.title ?? "(no title)",
                                                                                    score: $0.element.score, lean: $0.element.analysis.lean, link: "#p-\($0.offset + 1)") },
                               markers: DivideChart.markers(for: candidate))
        out += "</section>\n"
        out += "<section aria-labelledby=\"ranked-h\"><h2 id=\"ranked-h\">Ranked postings</h2>\n"
        if fits.isEmpty { out += "<p>No posting was read.</p>\n" }
        for (i, fit) in fits.enumerated() { out += posting(fit, rank: i + 1) }
        out += "</section>\n"
        out += "<section aria-labelledby=\"gaps-h\"><h2 id=\"gaps-h\">Skills worth gaining</h2>\n"
        if postingsRanked == 0 {
            out += "<p>No postings were read, so there is nothing to measure gaps against.</p>\n"
        } else if gaps.isEmpty {
            out += "<p>Nothing missing would raise the fit across these postings.</p>\n"
        } else {
            out += "<p>Each figure is score points from rescoring every posting with one advanced course, or one year of full-time library work, added to the profile.</p>\n"
            out += "<div class=\"scroll\"><table><thead><tr><th>Skill</th><th>Side</th><th class=\"n\">Asked by</th><th class=\"n\">Required by</th><th class=\"n\">Course</th><th class=\"n\">Work</th></tr></thead><tbody>\n"
            for a in gaps {
                out += "<tr><td>\(HTMLPage.escape(a.skill.label))</td><td>\(a.skill.side?.rawValue ?? "cross-cutting")</td><td class=\"n\">\(a.postings)</td><td class=\"n\">\(a.required)</td>"
                out += String(format: "<td class=\"n\">%+.1f</td><td class=\"n\">%+.1f</td></tr>\n", a.courseGain, a.workGain)
            }
            out += "</tbody></table></div>\n<ul>" + gaps.map { "<li>\(HTMLPage.escape($0.sentence))</li>" }.joined() + "</ul>\n"
        }
        out += "</section>\n"
        out += HTMLPage.problems(problems, heading: "Inputs with problems")
        out += "</main>\n" + HTMLPage.foot()
        return out
    }

    func posting(_ fit: Fit, rank: Int) -> String {
        let p = fit.posting
        var out = "<details class=\"posting\" id=\"p-\(rank)\"><summary>"
        out += "<span class=\"rank\">\(rank)</span> <span class=\"score\" style=\"--s:\(Int(fit.score.rounded()))\">\(String(format: "%.1f", fit.score))</span> "
        out += "<span class=\"title\">\(HTMLPage.escape(p.title ?? "(no title)"))</span>"
        var meta: [String] = []
        if let employer = p.employer { meta.append(employer) }
        meta.append(PostingsTable.describe(p.location))
        if let salary = p.salary { meta.append(PostingsTable.describe(salary)) }
        if let lean = fit.analysis.lean { meta.append("leans " + lean.label.rawValue) }
        let shown: [String] = meta.filter { $0 != "–" }.map { HTMLPage.escape($0) }
        out += "<span class=\"meta\">" + shown.joined(separator: " · ") + "</span>"
        out += "<span class=\"reason\">\(HTMLPage.escape(RankReport.topReason(fit)))</span></summary>\n<div class=\"body\">\n"
        if let url = p.url, let safe = HTMLPage.safeURL(url) { out += "<p><a href=\"\(HTMLPage.escape(safe))\">\(HTMLPage.escape(url))</a></p>\n" }
        out += "<h3>Why</h3><ul>" + fit.explanation.map { "<li>\(HTMLPage.escape($0))</li>" }.joined() + "</ul>\n"
        out += "<h3>The score</h3><table class=\"components\"><tbody>"
        for c in fit.components { out += "<tr><td>\(HTMLPage.escape(c.name))</td><td class=\"n\">\(String(format: "%+.1f", c.points))</td><td>\(HTMLPage.escape(c.detail))</td></tr>" }
        out += "<tr class=\"total\"><td>score</td><td class=\"n\">\(String(format: "%.1f", fit.score))</td><td></td></tr></tbody></table>\n"
        let asked = (fit.matched + fit.missing).sorted { ($0.weight, $1.skill.label) > ($1.weight, $0.skill.label) }
        if !asked.isEmpty {
            out += "<h3>What the posting asks, and what you bring</h3><div class=\"scroll\"><table><thead><tr><th></th><th>Skill</th><th>Section</th><th class=\"n\">Weight</th><th class=\"n\">Credit</th><th>Evidence</th></tr></thead><tbody>\n"
            for m in asked {
                let mark = m.credit >= 0.99 ? "✔" : m.credit > 0 ? "◐" : "✘"
                out += "<tr><td>\(mark)</td><td>\(HTMLPage.escape(m.skill.label))\(m.via.map { " <small>(through \(HTMLPage.escape($0.label)))</small>" } ?? "")</td><td>\(m.section.rawValue)</td>"
                out += String(format: "<td class=\"n\">%.2f</td><td class=\"n\">%.2f</td>", m.weight, m.credit)
                out += "<td><q>\(HTMLPage.escape(m.postingEvidence))</q>" + m.profileEvidence.prefix(2).map { "<br><small>you: \(HTMLPage.escape(RankReport.describe($0)))</small>" }.joined() + "</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
        }
        if !fit.gates.isEmpty {
            out += "<h3>Requirements</h3><ul>" + fit.gates.map { g in
                "<li>\(g.passed ? "✔" : "✘") \(HTMLPage.escape(g.detail))\(g.passed ? "" : String(format: " (−%.0f%% of the score)", g.penalty * 100))</li>"
            }.joined() + "</ul>\n"
        }
        let gains = ExplainReport.improvements(fit, weights: weights).prefix(5)
        if !gains.isEmpty {
            out += "<h3>What would raise this score most</h3><ul>" + gains.map { String(format: "<li>+%.1f %@</li>", $0.1, HTMLPage.escape($0.0)) }.joined() + "</ul>\n"
        }
        if !fit.duplicates.isEmpty {
            out += "<p>Also listed in: " + fit.duplicates.map { HTMLPage.escape("\($0.input) (\($0.format.rawValue) #\($0.index + 1))") }.joined(separator: "; ") + "</p>\n"
        }
        if let description = p.descriptionHTML, !description.isEmpty {
            out += "<details class=\"description\"><summary>The posting as published</summary><div class=\"posting-html\">\(HTMLPage.sanitize(description))</div></details>\n"
        }
        out += "</div></details>\n"
        return out
    }

    // MARK: - Markdown

    public func markdown() -> String {
        var out = RankReport.markdown(fits, profile: candidate, weights: weights, ranked: postingsRanked)
        out += "\n" + GapsReport.markdown(gaps, candidate: candidate, postings: postingsRanked, heading: "##")
        if !problems.isEmpty {
            out += "\n## Inputs with problems\n\n"
            for p in problems { out += "- \(Markdown.escape(p.input + (p.line.map { ":\($0)" } ?? ""))): \(p.severity.rawValue): \(Markdown.escape(p.message))\n" }
        }
        return out
    }
}

/// The shared frame of stacksfit's HTML: a self-contained page with inline CSS that reads on a phone and
/// prints, and a Content-Security-Policy that forbids script and every external load.
enum HTMLPage {
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="generator" content="stacksfit">
        <title>\(escape(title))</title>
        <style>\(css)</style>
        </head>
        <body>

        """
    }

    /// A section listing problems as "input:line: severity: message", or nothing when there are none.
    static func problems(_ problems: [Problem], heading: String) -> String {
        guard !problems.isEmpty else { return "" }
        var out = "<section aria-labelledby=\"problems-h\"><h2 id=\"problems-h\">\(escape(heading))</h2><ul>\n"
        for p in problems { out += "<li>\(escape(p.input + (p.line.map { ":\($0)" } ?? ""))): \(p.severity.rawValue): \(escape(p.message))</li>\n" }
        return out + "</ul></section>\n"
    }

    static func foot() -> String {
        "<footer><p>Made with stacksfit. Scores add up from their components; every reason quotes the posting and the profile.</p></footer>\n</body>\n</html>\n"
    }

    static let css = """
    :root{--fg:#1d232a;--muted:#5b6670;--line:#d8dde2;--tech:#1f6f8b;--user:#b4531b;--mixed:#6b5b95;--bg:#fff}
    *{box-sizing:border-box}body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:62rem;padding:1rem}
    h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line)}h3{font-size:1rem;margin:1rem 0 .3rem}
    .lede,.meta,footer{color:var(--muted)}a{color:var(--tech)}
    .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
    .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.total td{font-weight:600}
    details.posting{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.4rem .7rem}
    details.posting>summary{cursor:pointer;list-style:none;display:grid;grid-template-columns:2rem 3.6rem 1fr;gap:0 .5rem;align-items:baseline}
    details.posting>summary::-webkit-details-marker{display:none}
    .rank{font-weight:700;color:var(--muted)}.score{font-weight:700;background:linear-gradient(90deg,#dcefe3 calc(var(--s)*1%),#f1f3f5 0);border-radius:.3rem;padding:0 .3rem;text-align:right}
    .title{font-weight:600}.meta,.reason{grid-column:3;font-size:.9rem}.reason{color:var(--fg)}
    .body{border-top:1px solid var(--line);margin-top:.5rem}q{quotes:"“" "”"}
    .posting-html{border-left:3px solid var(--line);padding-left:.7rem;font-size:.92rem}.posting-html img{max-width:100%;height:auto}
    figure{margin:0}svg{width:100%;height:auto;max-height:28rem}svg text{font:12px system-ui,sans-serif;fill:var(--fg)}
    svg .grid{stroke:var(--line)}svg .technical{fill:var(--tech)}svg .user{fill:var(--user)}svg .mixed{fill:var(--mixed)}svg .none{fill:#fff;stroke:var(--muted)}
    svg .dot text{fill:#fff;font-size:10px;font-weight:700}svg .marker{stroke-width:2}svg .coursework{stroke:#2b8a3e;stroke-dasharray:6 4}svg .experience{stroke:#2b8a3e}
    .legend{font-size:.85rem;color:var(--muted)}
    @media (max-width:40rem){body{padding:.6rem;font-size:15px}details.posting>summary{grid-template-columns:1.6rem 3.2rem 1fr}}
    @media print{details.posting{break-inside:avoid-page}details::details-content{content-visibility:visible;display:block}summary{list-style:none}a{color:inherit}}
    """

    /// Text or an attribute value, escaped. Quotes are escaped too, so the same call serves text and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        HTMLSanitizer.escape(text, into: &out, attribute: true)
        return out
    }

    /// Markup from a posting, parsed again and passed through the sanitizer: a hostile posting cannot run
    /// script in the reader's browser, whatever the parse step let through. Images become their alt text,
    /// so the report loads nothing from outside.
    static func sanitize(_ html: String) -> String {
        let tree = HTMLParser.parseFragment(html)
        guard !tree.isEmpty else { return escape(html) }
        return HTMLSanitizer.html(tree, tree.root, images: false)
    }

    /// Only http(s) links are made clickable.
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? url : nil
    }
}

/// An SVG chart of postings on the divide (user services on the left, technical on the right) against
/// fit, with the candidate's coursework and experience leans marked as vertical lines.
enum DivideChart {
    struct Point {
        var label: String
        var title: String
        var score: Double
        var lean: Lean?
        var link: String?
    }
    struct Marker {
        var label: String
        var position: Double
        var style: String
    }

    static func markers(for candidate: CandidateAnalysis) -> [Marker] {
        var markers: [Marker] = []
        if let lean = candidate.courseworkLean { markers.append(Marker(label: "your coursework", position: lean.technical, style: "coursework")) }
        if let lean = candidate.experienceLean { markers.append(Marker(label: "your experience", position: lean.technical, style: "experience")) }
        return markers
    }

    static let width = 720.0, height = 380.0, left = 44.0, right = 16.0, top = 34.0, bottom = 48.0

    static func x(_ technical: Double) -> Double { left + min(max(technical, 0), 1) * (width - left - right) }
    static func y(_ score: Double, scale: Double = 100) -> Double { top + (1 - min(max(score / scale, 0), 1)) * (height - top - bottom) }

    /// - Parameter yLabel: what the vertical axis shows (fit by default; the cohort chart shows other things).
    static func svg(points: [Point], markers: [Marker], yLabel: String = "fit (0-100)", yScale: Double = 100,
                    caption: String = "Each numbered dot is a posting (its rank): left is user services, right technical services; higher fits better.") -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"divide-title divide-desc\">"
        s += "<title id=\"divide-title\">Postings on the technical ↔ user services divide against \(HTMLPage.escape(yLabel))</title>"
        s += "<desc id=\"divide-desc\">\(points.count) postings. " + markers.map { "\(HTMLPage.escape($0.label)): \(Int(($0.position * 100).rounded()))% technical." }.joined(separator: " ") + "</desc>\n"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let value = tick * yScale
            s += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y(value, scale: yScale)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(value, scale: yScale)))\"/>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value, scale: yScale) + 4))\" text-anchor=\"end\">\(yScale == 100 ? String(Int(value)) : String(format: "%.0f%%", value * 100 / yScale))</text>"
        }
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            s += "<line class=\"grid\" x1=\"\(f(x(tick)))\" y1=\"\(f(top))\" x2=\"\(f(x(tick)))\" y2=\"\(f(height - bottom))\"/>"
        }
        s += "<text x=\"\(f(left))\" y=\"\(f(height - bottom + 18))\">← user services</text>"
        s += "<text x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\">mixed</text>"
        s += "<text x=\"\(f(width - right))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"end\">technical services →</text>"
        s += "<text x=\"\(f(left))\" y=\"\(f(top - 14))\">↑ \(HTMLPage.escape(yLabel))</text>\n"
        for (i, m) in markers.enumerated() {
            s += "<g class=\"marker-group\"><line class=\"marker \(m.style)\" x1=\"\(f(x(m.position)))\" y1=\"\(f(top))\" x2=\"\(f(x(m.position)))\" y2=\"\(f(height - bottom))\"/>"
            let anchor = m.position > 0.8 ? "end" : m.position < 0.2 ? "start" : "middle"
            s += "<text x=\"\(f(x(m.position)))\" y=\"\(f(height - bottom + 32 + Double(i) * 13))\" text-anchor=\"\(anchor)\">\(HTMLPage.escape(m.label))</text></g>\n"
        }
        // Later points first, so the best-ranked are drawn on top.
        for point in points.reversed() {
            let cx = x(point.lean?.technical ?? 0.5), cy = y(point.score, scale: yScale)
            let style = point.lean?.label.rawValue ?? "none"
            var dot = "<g class=\"dot\"><title>\(HTMLPage.escape(point.label)). \(HTMLPage.escape(point.title)): \(yScale == 100 ? String(format: "%.1f", point.score) : String(format: "%.0f", point.score))"
            dot += point.lean.map { ", \(Int(($0.technical * 100).rounded()))% technical" } ?? ", no side"
            dot += "</title><circle class=\"\(style)\" cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"9\"/>"
            dot += "<text x=\"\(f(cx))\" y=\"\(f(cy + 3.5))\" text-anchor=\"middle\">\(HTMLPage.escape(point.label))</text></g>"
            if let link = point.link { dot = "<a href=\"\(HTMLPage.escape(link))\">\(dot)</a>" }
            s += dot + "\n"
        }
        s += "</svg><figcaption class=\"legend\">\(HTMLPage.escape(caption)) Colours: <span style=\"color:var(--tech)\">● technical</span>, <span style=\"color:var(--user)\">● user services</span>, <span style=\"color:var(--mixed)\">● mixed</span>; green lines: "
        s += markers.isEmpty ? "none." : markers.map { HTMLPage.escape($0.label) + ($0.style == "coursework" ? " (dashed)" : " (solid)") }.joined(separator: ", ") + "."
        s += "</figcaption></figure>\n"
        return s
    }
}
