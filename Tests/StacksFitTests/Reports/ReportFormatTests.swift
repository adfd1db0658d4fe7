import Foundation
import Testing
@testable import StacksFit

/// Every output format, pinned by snapshots; the HTML opened in a real browser; hostile postings defused.
@Suite("Report formats")
struct ReportFormatTests {
    /// A fixed, machine-independent setting: repository-relative names, a fixed "today".
    struct Setting {
        var extractor: SkillExtractor
        var prepared: [PreparedPosting]
        var candidate: CandidateAnalysis
        var fits: [Fit]
        var gaps: [GapAdvisor.Advice]

        static let listings = ["cataloging-librarian-jsonld.html", "reference-instruction.html", "academic-jobs.rss", "youth-services-microdata.html"]

        static func make(listings: [String] = listings, extra: [URL] = [], profile: String = "maya-okafor.yaml") throws -> Setting {
            let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
            let postings = try (listings.map(TestData.listing) + extra).flatMap { try TestData.parse($0).postings }
            let prepared = Ranker(extractor: extractor).prepare(postings)
            let path = "Profiles/" + profile
            let text = try String(contentsOf: TestData.root.appendingPathComponent(path), encoding: .utf8)
            let candidate = CandidateAnalyzer(extractor: extractor, today: Examples.today).analyse(try ProfileReader.read(text, file: path).profile)
            let fits = Ranker(extractor: extractor).rank(prepared, for: candidate)
            let gaps = GapAdvisor(taxonomy: extractor.taxonomy).advise(candidate, fits: fits)
            return Setting(extractor: extractor, prepared: prepared, candidate: candidate, fits: fits, gaps: gaps)
        }

        var report: PersonReport { PersonReport(candidate: candidate, fits: fits, gaps: gaps) }
    }

    @Test("rank: table, JSON, CSV, Markdown and HTML match their snapshots")
    func rankFormats() throws {
        let s = try Setting.make()
        try Snapshot.check(RankReport.table(s.fits, profile: s.candidate, width: 160), "rank.txt")
        try Snapshot.check(try RankReport.json(s.fits, profile: s.candidate, problems: []), "rank.json")
        try Snapshot.check(RankReport.csv(s.fits), "rank.csv")
        try Snapshot.check(s.report.markdown(), "rank.md")
        try Snapshot.check(s.report.html(), "rank.html")
    }

    @Test("talking points, gaps and market: text, Markdown and JSON match their snapshots")
    func otherFormats() throws {
        let s = try Setting.make()
        let fit = try #require(s.fits.first { $0.posting.title == "Reference & Instruction Librarian" })
        let points = TalkingPoints.points(for: fit, candidate: s.candidate)
        try Snapshot.check(TalkingPoints.text(points, fit: fit, candidate: s.candidate), "talking-points.txt")
        try Snapshot.check(TalkingPoints.markdown(points, fit: fit, candidate: s.candidate), "talking-points.md")
        try Snapshot.check(try TalkingPoints.json(points, fit: fit, candidate: s.candidate), "talking-points.json")
        try Snapshot.check(GapsReport.text(s.gaps, candidate: s.candidate, postings: s.fits.count), "gaps.txt")
        try Snapshot.check(GapsReport.markdown(s.gaps, candidate: s.candidate, postings: s.fits.count), "gaps.md")
        try Snapshot.check(try GapsReport.json(s.gaps, candidate: s.candidate, postings: s.fits.count), "gaps.json")
        let market = MarketSummary(s.prepared)
        try Snapshot.check(market.text(), "market.txt")
        try Snapshot.check(market.markdown(), "market.md")
        try Snapshot.check(try market.json(), "market.json")
    }

    /// The cohort over every example profile (plus one broken), with machine paths made relative.
    static func cohort() throws -> (CohortReport, folder: URL) {
        let s = try Setting.make()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stacksfit-cohort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: TestData.root.appendingPathComponent("Profiles").path) {
            try FileManager.default.copyItem(at: TestData.root.appendingPathComponent("Profiles/" + file), to: folder.appendingPathComponent(file))
        }
        try Data("name: Broken\nexperience:\n  - title: [unclosed\n".utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        let files = try CohortBatch.profiles(in: folder.path)
        let (members, problems) = CohortBatch(extractor: s.extractor, today: Examples.today).run(profiles: files, prepared: s.prepared)
        return (CohortReport(members: members, prepared: s.prepared, problems: problems, profilesRead: files.count), folder)
    }

    @Test("the cohort batch: a bad profile is reported with its line and the rest go on; index, summary and pairs match their snapshots")
    func cohortFormats() throws {
        let (cohort, folder) = try Self.cohort()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(cohort.members.count == 8)
        let problem = try #require(cohort.problems.first { $0.input.hasSuffix("broken.yaml") })
        #expect(problem.severity == .error && problem.line == 4)
        func relative(_ text: String) -> String { text.replacingOccurrences(of: folder.path + "/", with: "") }
        try Snapshot.check(relative(cohort.indexHTML()), "cohort-index.html")
        try Snapshot.check(relative(try cohort.summaryJSON()), "cohort-summary.json")
        let pairs = folder.appendingPathComponent("pairs.csv")
        try cohort.writePairs(to: pairs)
        let csv = try String(contentsOf: pairs, encoding: .utf8)
        #expect(csv.hasPrefix("profile,posting_id,title,employer,score,rank"))
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count == 8 * cohort.prepared.count)
        // Each profile's ranks run 1…N in order of score.
        for member in cohort.members {
            let mine = rows.filter { $0.hasPrefix(member.slug + ",") }
            #expect(mine.count == cohort.prepared.count)
            #expect(mine.first?.contains(",1,") == true)
        }
        try Snapshot.check(csv, "cohort-pairs.csv")
    }

    @Test("the batch gives the same results on one core as on all")
    func parallelIsDeterministic() throws {
        let s = try Setting.make()
        let files = try CohortBatch.profiles(in: TestData.root.appendingPathComponent("Profiles").path)
        let batch = CohortBatch(extractor: s.extractor, today: Examples.today)
        let a = batch.run(profiles: files, prepared: s.prepared).members
        let b = Parallel.map(files, width: 1) { batch.run(profiles: [$0], prepared: s.prepared).members[0] }
        #expect(a.map(\.slug) == b.map(\.slug))
        #expect(a.map { $0.ranking.map(\.score) } == b.map { $0.ranking.map(\.score) })
        #expect(CohortBatch.slugs(["a/Maya Okafor.yaml", "b/maya-okafor.json", "c/index.yaml"]) == ["maya-okafor", "maya-okafor-2", "profile-index"])
        #expect(CohortBatch.slugs(["a-2.yaml", "a.yaml", "x/a.yaml"]) == ["a-2", "a", "a-3"])
    }

    @Test("a hostile posting's script, event handlers and javascript: links never reach the report")
    func hostilePostingIsDefused() throws {
        let s = try Setting.make(listings: ["reference-instruction.html"], extra: [TestData.fixture("hostile-posting.html")])
        #expect(s.fits.contains { $0.posting.employer?.contains("Hostile Public Library") == true })
        for html in [s.report.html(), try Self.cohortIndex(s)] {
            // Read the report as a browser would, and look at every element and attribute in it.
            let tree = HTMLParser.parse(Array(html.utf8))
            var elements = 0
            var findings: [String] = []
            for node in tree.descendants(tree.root) where tree.isElement(node) {
                elements += 1
                let name = tree.name(node)
                if ["script", "iframe", "object", "embed", "link", "base", "form"].contains(name) { findings.append("<\(name)>") }
                for attribute in tree.attributes(node) {
                    let key = attribute.name.lowercased(), value = attribute.value.lowercased().filter { !$0.isWhitespace }
                    if key.hasPrefix("on") { findings.append("\(name) \(key)=") }
                    if (key == "href" || key == "src" || key == "xlink:href") && (value.hasPrefix("javascript:") || value.hasPrefix("data:text")) { findings.append("\(name) \(key)=\(value)") }
                    if key == "src" { findings.append("\(name) loads \(value)") }
                    if key == "style" && value.contains("url(") { findings.append("\(name) style url") }
                }
            }
            #expect(elements > 50)
            #expect(findings.isEmpty, "\(findings)")
            #expect(html.contains("Content-Security-Policy"))
            #expect(html.contains("Hostile Public Library"))
        }
        let markdown = s.report.markdown()
        #expect(!markdown.contains("<script") && markdown.contains("&lt;script&gt;"))
        #expect(!markdown.contains("](<javascript:") && !markdown.contains("](javascript:"))
    }

    static func cohortIndex(_ s: Setting) throws -> String {
        let batch = CohortBatch(extractor: s.extractor, today: Examples.today)
        let (members, problems) = batch.run(profiles: [TestData.root.appendingPathComponent("Profiles/maya-okafor.yaml").path], prepared: s.prepared)
        return CohortReport(members: members, prepared: s.prepared, problems: problems, profilesRead: 1).indexHTML()
    }

    @Test("the HTML report renders in headless Chromium: every ranked posting and the chart, no script errors, nothing hostile runs",
          .enabled(if: Browser.required, "no Chromium here; .ci/run installs it"))
    func rendersInABrowser() throws {
        let s = try Setting.make(extra: [TestData.fixture("hostile-posting.html")])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stacksfit-report-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(s.report.html().utf8).write(to: file)
        let (dom, log) = try Browser.dumpDOM(of: file)
        let rendered = dom.contains("<h1>Postings ranked for Maya Okafor</h1>")
        #expect(rendered, "the browser rendered nothing: \(log.suffix(2000))")
        let details = dom.components(separatedBy: "<details class=\"posting\"").count - 1
        let circles = dom.components(separatedBy: "<circle ").count - 1
        #expect(details == s.fits.count)
        #expect(circles == s.fits.count)
        let markers = dom.contains("your coursework") && dom.contains("your experience")
        #expect(markers)
        let titles = s.fits.prefix(5).filter { !dom.contains(HTMLPage.escape($0.posting.title ?? "")) }.map { $0.posting.title ?? "" }
        #expect(titles.isEmpty)
        // Nothing hostile ran (its text is shown, escaped), and nothing needed blocking.
        let hostileShown = dom.contains("Hostile Public Library")
        let ran = dom.contains("data-pwned=\"") || dom.contains("<p id=\"pwned") || dom.contains("<p id=\"pwned-title") || dom.contains("<title>PWNED")
        #expect(hostileShown)
        #expect(!ran)
        let errors = log.split(separator: "\n").filter { $0.contains("Uncaught") || $0.contains("Refused to") || $0.contains("CONSOLE") }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("the cohort index renders in headless Chromium", .enabled(if: Browser.required, "no Chromium here; .ci/run installs it"))
    func cohortRendersInABrowser() throws {
        let (cohort, folder) = try Self.cohort()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("index.html")
        try Data(cohort.indexHTML().utf8).write(to: file)
        let (dom, log) = try Browser.dumpDOM(of: file)
        let rendered = dom.contains("<h1>Cohort report</h1>")
        #expect(rendered, "the browser rendered nothing: \(log.suffix(2000))")
        let missing = cohort.members.filter { !dom.contains("href=\"\($0.slug).html\"") }.map(\.slug)
        #expect(missing.isEmpty)
        let chart = dom.contains("students' experience")
        #expect(chart)
        let errors = log.split(separator: "\n").filter { $0.contains("Uncaught") || $0.contains("Refused to") || $0.contains("CONSOLE") }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("links and cells cannot be turned into markup or formulas")
    func linksAndCells() {
        #expect(Markdown.link("javascript:alert(1)") == nil)
        #expect(Markdown.link("https://x.example/a<img src=x onerror=alert(1)>(b)") == "https://x.example/a%3Cimg%20src=x%20onerror=alert%281%29%3E%28b%29")
        #expect(Markdown.escape("Line one\nline two <b>") == "Line one line two &lt;b&gt;")
        #expect(RankReport.quote("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(RankReport.quote("-12.5") == "-12.5")
        #expect(RankReport.quote("@SUM(A1)") == "'@SUM(A1)")
    }

    @Test("analysing and encoding on all cores gives what one posting at a time gives, in input order")
    func parallelLines() async throws {
        let loaded = try await Examples.load()
        let postings = loaded.postings + loaded.postings // more postings than cores, in a known order
        let analyses = loaded.extractor.analyse(postings)
        #expect(analyses == postings.map { loaded.extractor.analyse($0) })
        let analysed = zip(postings, analyses).map(AnalyzedPosting.init)
        #expect(try PostingsJSON.lines(analysed).map { try $0.get() } == analysed.map { try PostingsJSON.line($0) })
        #expect(PostingsJSON.lines([]).isEmpty)
        // In chunks: every posting once, in order, no chunk larger than the chunk size.
        let many = Array(repeating: loaded.postings, count: SkillExtractor.chunkSize / max(1, loaded.postings.count) + 1).flatMap { $0 }
        var seen: [JobPosting] = []
        var chunked: [PostingAnalysis] = []
        loaded.extractor.analyse(many) { chunk, found in
            #expect(chunk.count <= SkillExtractor.chunkSize && chunk.count == found.count)
            seen += chunk
            chunked += found
        }
        #expect(seen == many && many.count > SkillExtractor.chunkSize)
        #expect(chunked == many.indices.map { analyses[$0 % loaded.postings.count] })
    }

    @Test("a JSON line never holds a raw Unicode line or paragraph separator, and reads back the same")
    func jsonLinesSeparators() throws {
        var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
        posting.title = "Archivist\u{2028}Records"
        posting.text = "One\u{2029}two – three"
        let line = try PostingsJSON.line(posting)
        #expect(!line.unicodeScalars.contains("\u{2028}") && !line.unicodeScalars.contains("\u{2029}"))
        #expect(line.split(whereSeparator: \.isNewline).count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Archivist\u{2028}Records")
        #expect(object["text"] as? String == "One\u{2029}two – three")
    }
}
