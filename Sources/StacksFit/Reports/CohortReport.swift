import Foundation

/// A career centre's batch: every profile of a cohort ranked against one market, on all cores, each
/// with its own report, plus the cohort's overview, one CSV row per profile × posting, and a summary.
public struct CohortBatch: Sendable {
    /// One student's results, kept compact: every pair as a row, full fits only for the best.
    public struct Member: Sendable {
        public var file: String
        public var slug: String
        public var candidate: CandidateAnalysis
        /// (index into the prepared postings, score), best first.
        public var ranking: [(posting: Int, score: Double, gatesFailed: String)]
        /// The best fits in full, for the report.
        public var best: [Fit]
        public var gaps: [GapAdvisor.Advice]
    }

    public let extractor: SkillExtractor
    public let weights: ScoringWeights
    public let today: ProfileDate
    /// How many postings each person's report shows in full.
    public var reportTop: Int = 25

    public init(extractor: SkillExtractor, weights: ScoringWeights = ScoringWeights(), today: ProfileDate = ProfileInference.today) {
        self.extractor = extractor
        self.weights = weights
        self.today = today
    }

    /// The profiles of a folder (YAML and JSON, recursively), sorted by path.
    public static func profiles(in folder: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ProfileError(file: folder, line: nil, column: nil, message: "not a folder of profiles")
        }
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let entry = walker.nextObject() as? String {
            let lower = entry.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else { continue }
            let last = (entry as NSString).lastPathComponent
            if last.hasPrefix(".") { continue }
            files.append((folder as NSString).appendingPathComponent(entry))
        }
        return files.sorted()
    }

    /// Reads, analyses, ranks and advises every profile, in parallel. A profile that cannot be read is a
    /// problem naming its file and line; the batch goes on. `each` is called (from any thread) as each
    /// profile finishes, with the member or nil, for progress and for writing its report.
    public func run(profiles files: [String], prepared: [PreparedPosting],
                    each: @Sendable (Member?) -> Void = { _ in }) -> (members: [Member], problems: [Problem]) {
        let slugs = Self.slugs(files)
        let analyzer = CandidateAnalyzer(extractor: extractor, today: today)
        let ranker = Ranker(extractor: extractor, weights: weights)
        let advisor = GapAdvisor(taxonomy: extractor.taxonomy, weights: weights, analyzer: analyzer)
        let reportTop = reportTop
        let (taxonomy, weights) = (extractor.taxonomy, self.weights)
        // What each posting asks, ready to score any candidate: built once for the whole cohort.
        let plans = Parallel.map(prepared) { FitScorer.plan($0.analysis, taxonomy: taxonomy, weights: weights) }
        let results: [(Member?, [Problem])] = Parallel.map(Array(files.enumerated())) { i, file in
            let read: ProfileReader.Result
            do throws(ProfileError) { read = try ProfileReader.read(contentsOf: file) } catch {
                each(nil)
                return (nil, [Problem(input: file, line: error.line, severity: .error, message: error.message)])
            }
            let candidate = analyzer.analyse(read.profile)
            // Every pair gets a quick score; only the best get a full explanation.
            let scorer = FitScorer(candidate: candidate, taxonomy: extractor.taxonomy, weights: weights)
            let scores = prepared.indices.map { scorer.quickScore(prepared[$0].posting, analysis: prepared[$0].analysis, plan: plans[$0]) }
            let order = prepared.indices.sorted { Ranker.ranksBefore(scores[$0], prepared[$0].posting, scores[$1], prepared[$1].posting) }
            let ranking = order.map { i in (posting: i, score: scores[i],
                                            gatesFailed: scorer.failedGates(prepared[i].posting, analysis: prepared[i].analysis).map(\.rawValue).joined(separator: ";")) }
            let best = ranker.rank(order.prefix(reportTop).map { prepared[$0] }, for: candidate)
            let gaps = advisor.advise(candidate, postings: prepared, scores: scores, plans: plans)
            let member = Member(file: file, slug: slugs[i], candidate: candidate, ranking: ranking, best: best, gaps: gaps)
            each(member)
            return (member, read.warnings)
        }
        return (results.compactMap(\.0), results.flatMap(\.1))
    }

    /// File names made into unique, URL-safe names: "Maya Okafor.yaml" → "maya-okafor".
    static func slugs(_ files: [String]) -> [String] {
        var taken: Set<String> = []
        return files.map { file in
            let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
            var slug = String(base.map { $0.isLetter || $0.isNumber ? $0 : "-" }.filter(\.isASCII))
            while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
            slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if slug.isEmpty || slug == "index" || slug == "summary" || slug == "pairs" { slug = "profile" + (slug.isEmpty ? "" : "-" + slug) }
            // "a-2.yaml", "a.yaml" and "x/a.yaml" must not share a name: try -2, -3 … until one is free.
            var name = slug, n = 1
            while taken.contains(name) {
                n += 1
                name = "\(slug)-\(n)"
            }
            taken.insert(name)
            return name
        }
    }
}

/// The cohort's outputs: `index.html`, `pairs.csv`, `summary.json`.
public struct CohortReport: Sendable {
    public var members: [CohortBatch.Member]
    public var prepared: [PreparedPosting]
    public var market: MarketSummary
    public var problems: [Problem]
    /// Profiles attempted (members plus those that could not be read).
    public var profilesRead: Int

    public init(members: [CohortBatch.Member], prepared: [PreparedPosting], problems: [Problem], profilesRead: Int) {
        self.members = members.sorted { $0.slug < $1.slug }
        self.prepared = prepared
        self.market = MarketSummary(prepared)
        self.problems = problems
        self.profilesRead = profilesRead
    }

    // MARK: - pairs.csv

    /// The header: profile,posting_id,title,employer,score,rank,lean,gates_failed,profile_name,url.
    public static let pairsHeader = "profile,posting_id,title,employer,score,rank,lean,gates_failed,profile_name,url"

    /// Writes one row per profile × posting, profile by profile, best posting first.
    public func writePairs(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        defer { try? handle.close() }
        var buffer = Self.pairsHeader + "\n"
        for member in members {
            for (rank, row) in member.ranking.enumerated() {
                let p = prepared[row.posting]
                let fields = [member.slug, p.posting.id, p.posting.title ?? "", p.posting.employer ?? "", String(format: "%.1f", row.score), String(rank + 1),
                              p.analysis.lean?.label.rawValue ?? "", row.gatesFailed, member.candidate.profile.name, p.posting.url ?? ""]
                buffer += fields.map(RankReport.quote).joined(separator: ",") + "\n"
                if buffer.utf8.count > 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer = ""
                }
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
    }

    // MARK: - summary.json

    public func summaryJSON(best: Int = 5) throws -> String {
        try PostingsJSON.pretty(Summary(report: self, best: best))
    }

    struct Summary: Encodable {
        var report: CohortReport
        var best: Int
        enum Keys: String, CodingKey { case schemaVersion, profiles, profilesRead, postings, students, market, problems }
        enum StudentKeys: String, CodingKey { case profile, name, file, report, lean, best, gaps }
        enum LeanKeys: String, CodingKey { case coursework, experience }
        enum BestKeys: String, CodingKey { case id, title, employer, score, rank }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(PostingsJSON.schemaVersion, forKey: .schemaVersion)
            try c.encode(report.members.count, forKey: .profiles)
            try c.encode(report.profilesRead, forKey: .profilesRead)
            try c.encode(report.prepared.count, forKey: .postings)
            var list = c.nestedUnkeyedContainer(forKey: .students)
            for m in report.members {
                var s = list.nestedContainer(keyedBy: StudentKeys.self)
                try s.encode(m.slug, forKey: .profile)
                try s.encode(m.candidate.profile.name, forKey: .name)
                try s.encode(m.file, forKey: .file)
                try s.encode(["html": m.slug + ".html", "markdown": m.slug + ".md"], forKey: .report)
                var l = s.nestedContainer(keyedBy: LeanKeys.self, forKey: .lean)
                try l.encode(m.candidate.courseworkLean, forKey: .coursework)
                try l.encode(m.candidate.experienceLean, forKey: .experience)
                var b = s.nestedUnkeyedContainer(forKey: .best)
                for (rank, row) in m.ranking.prefix(best).enumerated() {
                    let p = report.prepared[row.posting].posting
                    var e = b.nestedContainer(keyedBy: BestKeys.self)
                    try e.encode(p.id, forKey: .id)
                    try e.encode(p.title, forKey: .title)
                    try e.encode(p.employer, forKey: .employer)
                    try e.encode(row.score, forKey: .score)
                    try e.encode(rank + 1, forKey: .rank)
                }
                try s.encode(m.gaps.map(\.skill.id), forKey: .gaps)
            }
            try c.encode(MarketSummary.Document(market: report.market, top: 25), forKey: .market)
            try c.encode(report.problems, forKey: .problems)
        }
    }

    // MARK: - index.html

    /// Share of students who have a skill: from work, coursework or a listing, at least a modest strength.
    static let hasSkillStrength = 0.2

    public func indexHTML(best: Int = 3) -> String {
        let best = max(1, best)
        var out = HTMLPage.head(title: "stacksfit: cohort report")
        out += "<header><h1>Cohort report</h1><p class=\"lede\">\(members.count) student\(members.count == 1 ? "" : "s") ranked against \(prepared.count) posting\(prepared.count == 1 ? "" : "s")"
        if profilesRead > members.count { out += "; \(profilesRead - members.count) profile\(profilesRead - members.count == 1 ? "" : "s") could not be read (see the end)" }
        out += ".</p></header>\n<main>\n"

        // Students × best postings.
        out += "<section aria-labelledby=\"students-h\"><h2 id=\"students-h\">Students and their best postings</h2>\n<div class=\"scroll\"><table><thead><tr><th>Student</th><th>Coursework</th><th>Experience</th>"
        for i in 1...best { out += "<th>Best \(i)</th>" }
        out += "</tr></thead><tbody>\n"
        for m in members {
            out += "<tr><td><a href=\"\(HTMLPage.escape(m.slug)).html\">\(HTMLPage.escape(m.candidate.profile.name))</a><br><small><a href=\"\(HTMLPage.escape(m.slug)).md\">Markdown</a></small></td>"
            out += "<td>\(HTMLPage.escape(Self.leanWords(m.candidate.courseworkLean)))</td><td>\(HTMLPage.escape(Self.leanWords(m.candidate.experienceLean)))</td>"
            for i in 0..<best {
                if i < m.ranking.count {
                    let row = m.ranking[i]
                    let p = prepared[row.posting].posting
                    out += "<td><span class=\"score\" style=\"--s:\(Int(row.score.rounded()))\">\(String(format: "%.1f", row.score))</span> \(HTMLPage.escape(p.title ?? "(no title)"))<br><small>\(HTMLPage.escape(p.employer ?? ""))</small></td>"
                } else {
                    out += "<td>–</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div></section>\n"

        // The cohort's leans against the market's.
        out += "<section aria-labelledby=\"leans-h\"><h2 id=\"leans-h\">The cohort's leans against the market's</h2>\n"
        out += LeanHistogram.svg(market: prepared.compactMap { $0.analysis.lean?.technical },
                                 coursework: members.compactMap { $0.candidate.courseworkLean?.technical },
                                 experience: members.compactMap { $0.candidate.experienceLean?.technical })
        out += "<p>\(HTMLPage.escape(market.divide))</p>\n</section>\n"

        // Skills the market asks for against how many students have them.
        out += "<section aria-labelledby=\"skills-h\"><h2 id=\"skills-h\">Skills the market asks for, and the students who have them</h2>\n"
        out += "<div class=\"scroll\"><table><thead><tr><th>Skill</th><th>Side</th><th class=\"n\">Postings asking</th><th class=\"n\">Students with it</th><th>Market ↔ cohort</th></tr></thead><tbody>\n"
        for demand in market.skills.prefix(20) {
            let have = members.filter { ($0.candidate.strength(of: demand.skill.id)?.strength ?? 0) >= Self.hasSkillStrength }.count
            let asked = prepared.isEmpty ? 0 : Double(demand.postings) / Double(prepared.count)
            let held = members.isEmpty ? 0 : Double(have) / Double(members.count)
            out += "<tr><td>\(HTMLPage.escape(demand.skill.label))</td><td>\(demand.skill.side?.rawValue ?? "cross-cutting")</td>"
            out += "<td class=\"n\">\(demand.postings) (\(MarketSummary.percent(asked)))</td><td class=\"n\">\(have) (\(MarketSummary.percent(held)))</td>"
            out += "<td>\(Self.pairBar(asked, held))</td></tr>\n"
        }
        out += "</tbody></table></div><p class=\"legend\">Bars: <span style=\"color:var(--tech)\">■ share of postings asking</span>, <span style=\"color:#2b8a3e\">■ share of students with the skill</span> (strength ≥ \(Self.hasSkillStrength) from work, coursework or a listing).</p></section>\n"

        out += "<section aria-labelledby=\"market-h\"><h2 id=\"market-h\">The market</h2><pre>\(HTMLPage.escape(market.text(top: 10)))</pre></section>\n"
        out += HTMLPage.problems(problems, heading: "Problems")
        out += "</main>\n" + HTMLPage.foot()
        return out
    }

    static func leanWords(_ lean: Lean?) -> String {
        guard let lean else { return "no side" }
        return "\(lean.label.rawValue) (\(Int((lean.technical * 100).rounded()))% technical)"
    }

    /// Two thin bars in one inline SVG: share asking, share holding.
    static func pairBar(_ a: Double, _ b: Double) -> String {
        String(format: "<svg class=\"pair\" viewBox=\"0 0 100 12\" width=\"120\" height=\"14\" role=\"img\" aria-label=\"%.0f%% of postings, %.0f%% of students\"><rect x=\"0\" y=\"0\" width=\"%.1f\" height=\"5\" fill=\"#1f6f8b\"/><rect x=\"0\" y=\"7\" width=\"%.1f\" height=\"5\" fill=\"#2b8a3e\"/></svg>",
               a * 100, b * 100, a * 100, b * 100)
    }
}

/// Grouped bars over the divide: the share of postings, of students' coursework and of students'
/// experience falling in each fifth from user services (left) to technical services (right).
enum LeanHistogram {
    static func svg(market: [Double], coursework: [Double], experience: [Double]) -> String {
        let bins = 5
        func shares(_ values: [Double]) -> [Double] {
            var counts = Array(repeating: 0, count: bins)
            for v in values { counts[min(bins - 1, max(0, Int(v * Double(bins))))] += 1 }
            return counts.map { values.isEmpty ? 0 : Double($0) / Double(values.count) }
        }
        let series: [(String, String, [Double], Int)] = [("postings", "#1f6f8b", shares(market), market.count),
                                                          ("students' coursework", "#8fbf9f", shares(coursework), coursework.count),
                                                          ("students' experience", "#2b8a3e", shares(experience), experience.count)]
        let width = 720.0, height = 300.0, left = 44.0, right = 16.0, top = 20.0, bottom = 56.0
        let plotW = width - left - right, plotH = height - top - bottom
        let peak = max(0.2, ((series.flatMap(\.2).max() ?? 0) * 10).rounded(.up) / 10)
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"leans-title\">"
        s += "<title id=\"leans-title\">Share of postings and of students in each fifth of the divide, from user services to technical services</title>\n"
        for tick in stride(from: 0.0, through: peak + 1e-9, by: peak > 0.5 ? 0.25 : 0.1) {
            let y = top + plotH * (1 - tick / peak)
            s += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\"/><text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Int((tick * 100).rounded()))%</text>"
        }
        let group = plotW / Double(bins), bar = group / 4.5
        for b in 0..<bins {
            for (k, item) in series.enumerated() {
                let h = plotH * item.2[b] / peak
                let x = left + group * Double(b) + bar * (0.6 + Double(k))
                s += "<rect x=\"\(f(x))\" y=\"\(f(top + plotH - h))\" width=\"\(f(bar * 0.9))\" height=\"\(f(h))\" fill=\"\(item.1)\"><title>\(item.0): \(Int((item.2[b] * 100).rounded()))% of \(item.3)</title></rect>"
            }
        }
        s += "\n<text x=\"\(f(left))\" y=\"\(f(height - bottom + 18))\">← user services</text><text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\">mixed</text>"
        s += "<text x=\"\(f(width - right))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"end\">technical services →</text>"
        var lx = left
        for item in series {
            s += "<rect x=\"\(f(lx))\" y=\"\(f(height - 20))\" width=\"12\" height=\"12\" fill=\"\(item.1)\"/><text x=\"\(f(lx + 16))\" y=\"\(f(height - 10))\">\(item.0) (\(item.3))</text>"
            lx += 200
        }
        s += "</svg></figure>\n"
        return s
    }
}
