import Foundation
import StacksFit

/// `stacksfit-bench`: times stacksfit against a bare libxml2 parse of the same bytes, in the same run.
///
/// Usage: `swift run -c release stacksfit-bench [--quick] [--corpus DIR]`
///        `stacksfit-bench --memory stream|dom ITEMS` (used by the bench itself: one process per measurement)
@main
struct Bench {
    static func main() async throws {
        let args = Array(CommandLine.arguments.dropFirst())
        if args.first == "--memory", args.count >= 3, let items = Int(args[2]) {
            memoryChild(mode: args[1], items: items)
            return
        }
        if args.first == "--mentions", args.count >= 2 {
            // For checking a change to extraction: every mention of every posting of a folder, a line each.
            let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
            for input in Input.expand([args[1]]).inputs.sorted(by: { $0.name < $1.name }) {
                guard let data = try? Data(contentsOf: URL(fileURLWithPath: input.name)) else { continue }
                for posting in PostingParser.parse([UInt8](data), input: input.name).postings {
                    for m in extractor.mentions(in: posting) {
                        let offset = m.evidence.utf8.distance(from: m.evidence.startIndex, to: m.matched.lowerBound)
                        print(posting.id, m.skill.id, m.section.rawValue, offset, m.evidence[m.matched], m.weight, m.boilerplate, m.evidence.count)
                    }
                }
            }
            return
        }
        if args.first == "--loop", args.count >= 2 {
            // For profilers: `--loop skills|feed|pages [DIR]` extracts skills, or parses generated pages, a
            // generated feed or the inputs of DIR, repeatedly and nothing else.
            var corpus = Corpus(seed: 42)
            if args[1] == "skills" {
                let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
                var postings = PostingParser.parse(corpus.feed(items: 1_500), input: "bench.rss").postings
                if args.count > 2 {
                    // A folder of real pages instead of the generated feed.
                    postings = Input.expand([args[2]]).inputs.compactMap { input in
                        (try? Data(contentsOf: URL(fileURLWithPath: input.name))).map { PostingParser.parse([UInt8]($0), input: input.name).postings }
                    }.flatMap { $0 }
                }
                for _ in 0..<(args.count > 2 ? 12 : 3) { for p in postings { _ = extractor.mentions(in: p) } }
            } else if args.count > 2 {
                // A folder of real inputs (pages or feeds): parse them repeatedly.
                let files = Input.expand([args[2]]).inputs.compactMap { input in
                    (try? Data(contentsOf: URL(fileURLWithPath: input.name))).map { ([UInt8]($0), input.name) }
                }
                for _ in 0..<5 { for (bytes, name) in files { _ = PostingParser.parse(bytes, input: name) } }
            } else if args[1] == "feed" {
                let feed = corpus.feed(items: 2_000)
                for _ in 0..<3 { _ = PostingParser.parse(feed, input: "bench.rss") }
            } else {
                let pages = (0..<400).map { _ in corpus.page() }
                for _ in 0..<3 { for p in pages { _ = PostingParser.parse(p, input: "bench.html") } }
            }
            return
        }
        let quick = args.contains("--quick")
        // `--only parse|memory|skills|rank|batch` runs one scenario.
        let only = args.firstIndex(of: "--only").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
        func wanted(_ name: String) -> Bool { only == nil || only == name }
        print("stacksfit-bench (release build expected; figures are ratios measured in this run)")
        if wanted("parse") { try parsing(quick: quick) }
        if wanted("memory") { try memory(items: quick ? 10_000 : 100_000) }
        if wanted("skills") { try extraction(quick: quick) }
        if wanted("rank") { try ranking(quick: quick) }
        if wanted("batch") { try batch(profiles: quick ? 50 : 500, postings: quick ? 1_000 : 5_000) }
        if let i = args.firstIndex(of: "--corpus"), i + 1 < args.count {
            try await corpus(args[i + 1])
        }
    }

    // MARK: - speed

    static func time(_ repeats: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    static func parsing(quick: Bool) throws {
        var corpus = Corpus(seed: 42)
        var bodies: [[UInt8]]? = []
        let feed = corpus.feed(items: quick ? 500 : 2_000, bodies: &bodies)
        let pages = (0..<(quick ? 100 : 400)).map { _ in corpus.page() }
        let pageBytes = pages.reduce(0) { $0 + $1.count }
        let repeats = quick ? 2 : 3

        let bareFeed = time(repeats) { BareParse.xml(feed) }
        var count = 0
        let fullFeed = time(repeats) { count = PostingParser.parse(feed, input: "bench.rss").postings.count }
        report("feed  (\(count) items, \(mb(feed.count)))", bare: bareFeed, full: fullFeed, bytes: feed.count)
        // The libxml2 work no extractor can skip: the feed, and each escaped description parsed again as HTML.
        let floorFeed = time(repeats) {
            BareParse.xml(feed)
            for body in bodies ?? [] { BareParse.html(body) }
        }
        print(String(format: "      libxml2 alone, feed plus every description parsed as HTML: %.1f MB/s; stacksfit runs at %.2fx that. libxml2's own work caps any extractor at %.2fx the bare feed parse",
                     Double(feed.count) / floorFeed / 1e6, floorFeed / fullFeed, bareFeed / floorFeed))

        let barePages = time(repeats) { for p in pages { BareParse.html(p) } }
        let fullPages = time(repeats) { for p in pages { _ = PostingParser.parse(p, input: "bench.html") } }
        report("pages (\(pages.count) pages, \(mb(pageBytes)))", bare: barePages, full: fullPages, bytes: pageBytes)
        reportSplit(pages, bare: barePages, full: fullPages, repeats: repeats)
    }

    /// How the parse of pages splits: reading them (the text decoded, libxml2's events and stacksfit's
    /// tree built from them), and all that follows the tree (the content found, its blocks, sections and
    /// sanitized HTML, every field), against the time a parse at half the bare parse's speed leaves for it.
    static func reportSplit(_ pages: [[UInt8]], bare: Double, full: Double, repeats: Int) {
        let tree = time(repeats) { for p in pages { _ = HTMLParser.parse(TextDecoder.decode(p).utf8) } }
        let after = full - tree, budget = 2 * bare - tree
        print(String(format: "      of which reading the pages (decoding, libxml2's events, the tree) %.1f ms, %.2fx the bare parse; all that follows the tree %.1f ms, where half the bare parse's speed leaves %.1f ms (%+.0f%%)",
                     tree * 1e3, tree / bare, after * 1e3, budget * 1e3, (budget / after - 1) * 100))
    }

    static func report(_ label: String, bare: Double, full: Double, bytes: Int) {
        let ratio = bare / full
        print(String(format: "%@: bare libxml2 %.1f MB/s, stacksfit parse+extract %.1f MB/s; stacksfit runs at %.2fx the bare parse's speed (target ≥ 0.50)",
                     label, Double(bytes) / bare / 1e6, Double(bytes) / full / 1e6, ratio))
    }

    static func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    // MARK: - skills

    /// Skill extraction over posting text, against a plain byte scan of the same text.
    static func extraction(quick: Bool) throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        var corpus = Corpus(seed: 11)
        let postings = PostingParser.parse(corpus.feed(items: quick ? 300 : 1_500), input: "bench.rss").postings
        let bytes = postings.reduce(0) { $0 + $1.text.utf8.count }
        var found = 0
        let extract = time(3) { found = postings.reduce(0) { $0 + extractor.mentions(in: $1).count } }
        reportExtraction(String(format: "skills, generated (%d postings, %@, %d mentions, %d skills in the taxonomy)",
                                postings.count, mb(bytes), found, extractor.taxonomy.skills.count),
                         bytes: bytes, extract: extract, postings: postings, extractor: extractor)
    }

    /// The baselines for extraction, each over every posting's UTF-8 buffer: the words counted a byte at
    /// a time (a letter or digit after anything else: the least a tokenizer does), and the spaces counted,
    /// which the compiler turns into vector instructions. Iterating `String.UTF8View` instead ran anywhere
    /// from 500 to 850 MB/s from one build to the next, which made the ratio meaningless.
    static func wordScan(_ postings: [JobPosting]) -> Int {
        var count = 0
        for p in postings {
            var text = p.text
            text.withUTF8 { bytes in
                var inWord = false
                for b in bytes {
                    let wordByte = (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b >= 0x80
                    if wordByte && !inWord { count &+= 1 }
                    inWord = wordByte
                }
            }
        }
        return count
    }

    static func spaceScan(_ postings: [JobPosting]) -> Int {
        var count = 0
        for p in postings {
            var text = p.text
            text.withUTF8 { bytes in
                for b in bytes where b == 0x20 { count &+= 1 }
            }
        }
        return count
    }

    static func reportExtraction(_ label: String, bytes: Int, extract: Double, postings: [JobPosting], extractor: SkillExtractor) {
        var words = 0, spaces = 0, phrases = 0
        let wordTime = time(3) { words = wordScan(postings) }
        let spaceTime = time(3) { spaces = spaceScan(postings) }
        let lexical = time(3) { phrases = postings.reduce(0) { $0 + extractor.phraseMatches(in: $1) } }
        print(String(format: "%@: extraction %.1f MB/s; byte scans of the same text: words %.0f MB/s, spaces (vectorised) %.0f MB/s; extraction costs %.1fx the word scan, %.0fx the space scan (%d words, %d spaces)",
                     label, Double(bytes) / extract / 1e6, Double(bytes) / wordTime / 1e6, Double(bytes) / spaceTime / 1e6,
                     extract / wordTime, extract / spaceTime, words, spaces))
        print(String(format: "      of which the lexical pass (sentences split, words numbered, %d phrases matched; no context rule) %.1f MB/s, %.1fx the word scan: %.0f%% of extraction",
                     phrases, Double(bytes) / lexical / 1e6, lexical / wordTime, lexical / extract * 100))
    }

    // MARK: - ranking

    /// Ranking many postings for one profile: parse, analyse each posting once, then score.
    static func ranking(quick: Bool) throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let profile = try ProfileReader.read(ProfileTemplate.yaml, file: "template.yaml").profile
        let candidate = CandidateAnalyzer(extractor: extractor).analyse(profile)
        var corpus = Corpus(seed: 3)
        let feed = corpus.feed(items: quick ? 1_000 : 10_000)
        var postings: [JobPosting] = []
        let parse = time(1) { postings = PostingParser.parse(feed, input: "bench.rss").postings }
        var analyses: [PostingAnalysis] = []
        let analyse = time(1) { analyses = postings.map(extractor.analyse) }
        let scorer = FitScorer(candidate: candidate, taxonomy: extractor.taxonomy)
        var total = 0.0
        let score = time(3) { total = zip(postings, analyses).reduce(0) { $0 + scorer.score($1.0, analysis: $1.1).score } }
        let ranked = time(1) { _ = Ranker(extractor: extractor).rank(postings, for: candidate) }
        print(String(format: "rank (%d postings, one profile): parse %.2f s, analysis %.2f s, scoring %.3f s (%.0f pairs/s); whole rank with dedup %.2f s; scoring is %.1f%% of parse+analysis (checksum %.0f)",
                     postings.count, parse, analyse, score, Double(postings.count) / score, ranked, score / (parse + analyse) * 100, total))
    }

    /// The career-centre batch: N profiles × M postings (ranking and gap advice per profile), on all
    /// cores against one core, in the same run. Postings are parsed and analysed once, outside the timing.
    static func batch(profiles count: Int, postings target: Int) throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        var corpus = Corpus(seed: 11)
        // Generated postings are often near-duplicates, which a real batch would merge; here each counts,
        // since what is timed is ranking and advice, not dedup.
        let postings = PostingParser.parse(corpus.feed(items: target), input: "bench.rss").postings
        let prepared = Parallel.map(postings) { PreparedPosting(posting: $0, analysis: extractor.analyse($0)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stacksfit-bench-profiles-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for i in 0..<count {
            let url = folder.appendingPathComponent(String(format: "student-%04d.yaml", i))
            try Data(corpus.profile(i).utf8).write(to: url)
            files.append(url.path)
        }
        let batch = CohortBatch(extractor: extractor)
        func run() -> (Double, Int) {
            var rows = 0
            let seconds = time(1) { rows = batch.run(profiles: files, prepared: prepared).members.reduce(0) { $0 + $1.ranking.count } }
            return (seconds, rows)
        }
        let cores = Parallel.width
        let (all, rows) = run()
        setenv("STACKSFIT_THREADS", "1", 1)
        let (one, _) = run()
        unsetenv("STACKSFIT_THREADS")
        print(String(format: "batch (%d profiles × %d postings = %d pairs, with gap advice): %.1f s on %d cores, %.1f s on one core: %.2f× speed-up (%.0f pairs/s on all cores)",
                     count, prepared.count, rows, all, cores, one, one / all, Double(rows) / all))
    }

    // MARK: - memory

    /// Peak resident memory of streaming a large feed against building its whole DOM, each in its own process.
    static func memory(items: Int) throws {
        let stream = try child("stream", items: items)
        let dom = try child("dom", items: items)
        let base = try child("baseline", items: items)
        print(String(format: "memory (%d-item feed, %@): peak RSS with the feed's bytes alone %.0f MiB; streaming parse %.0f MiB (+%.0f); bare libxml2 whole DOM %.0f MiB (+%.0f); streaming adds %.2fx what the DOM adds",
                     items, mb(stream.bytes), base.peak, stream.peak, stream.peak - base.peak, dom.peak, dom.peak - base.peak,
                     (stream.peak - base.peak) / max(1, dom.peak - base.peak)))
    }

    static func child(_ mode: String, items: Int) throws -> (peak: Double, bytes: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--memory", mode, String(items)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        return (Double(fields.first ?? "0") ?? 0, Int(fields.dropFirst().first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") ?? 0)
    }

    static func memoryChild(mode: String, items: Int) {
        var corpus = Corpus(seed: 7)
        let feed = corpus.feed(items: items)
        var seen = 0
        switch mode {
        case "stream":
            _ = PostingParser.parse(feed, input: "big.rss") { _ in seen += 1 }
        case "dom":
            seen = BareParse.xml(feed)

        default:
            seen = feed.count
        }
        print(String(format: "%.1f %d %d", peakMiB(), feed.count, seen))
    }

    static func peakMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
            return kb / 1024
        }
        return 0
    }

    // MARK: - a real corpus

    /// The inputs that cost most beyond half the speed of their bare parse, each timed alone (best of
    /// three): where a page's shape, not its size, makes stacksfit slow.
    static func reportOutliers(_ loaded: [LoadedInput], count: Int = 5) {
        let excess = loaded.map { l -> (name: String, bare: Double, full: Double) in
            let html = l.input.name.hasSuffix(".html")
            let bare = time(3) { if html { BareParse.html(l.bytes) } else { BareParse.xml(l.bytes) } }
            let full = time(3) { _ = PostingParser.parse(l.bytes, input: l.input.name, baseURI: l.baseURI) }
            return (l.input.name, bare, full)
        }
        let total = excess.reduce(0) { $0 + max(0, $1.full - 2 * $1.bare) }
        print(String(format: "      time beyond half the bare parse's speed, input by input: %.1f ms in all; the most:", total * 1e3))
        for e in excess.sorted(by: { $0.full - 2 * $0.bare > $1.full - 2 * $1.bare }).prefix(count) {
            print(String(format: "        %.2f ms beyond (stacksfit %.2f ms, bare %.2f ms, %.2fx) %@", max(0, e.full - 2 * e.bare) * 1e3,
                         e.full * 1e3, e.bare * 1e3, e.bare / e.full, (e.name as NSString).lastPathComponent))
        }
    }

    static func corpus(_ path: String) async throws {
        let (inputs, _) = Input.expand([path])
        let loaded = try await withThrowingTaskGroup(of: LoadedInput.self) { group in
            for input in inputs { group.addTask { try await input.load() } }
            var all: [LoadedInput] = []
            for try await l in group { all.append(l) }
            return all
        }
        let bytes = loaded.reduce(0) { $0 + $1.bytes.count }
        var postings = 0
        var errors = 0
        // Best of three, as for the generated corpus: single runs on a shared machine vary by 5–10%.
        let seconds = time(3) {
            postings = 0
            errors = 0
            for l in loaded {
                let r = PostingParser.parse(l.bytes, input: l.input.name, baseURI: l.baseURI)
                postings += r.postings.count
                errors += r.problems.filter { $0.severity == .error }.count
            }
        }
        let bare = time(3) {
            for l in loaded {
                if l.input.name.hasSuffix(".html") { BareParse.html(l.bytes) } else { BareParse.xml(l.bytes) }
            }
        }
        print(String(format: "corpus %@: %d inputs, %@, %d postings, %d errors; one core: stacksfit %.1f MB/s, bare libxml2 %.1f MB/s (%.2fx)",
                     path, loaded.count, mb(bytes), postings, errors, Double(bytes) / seconds / 1e6, Double(bytes) / bare / 1e6, bare / seconds))
        // For a folder of pages, the split of their parse (a feed's items are not whole pages).
        if loaded.allSatisfy({ $0.input.name.hasSuffix(".html") }) {
            reportSplit(loaded.map(\.bytes), bare: bare, full: seconds, repeats: 3)
        }
        reportOutliers(loaded)
        // Skill extraction on the real postings' text, against the same byte scan as the generated set.
        var parsed: [JobPosting] = []
        for l in loaded { parsed += PostingParser.parse(l.bytes, input: l.input.name, baseURI: l.baseURI).postings }
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let textBytes = parsed.reduce(0) { $0 + $1.text.utf8.count }
        var found = 0
        let extract = time(3) { found = parsed.reduce(0) { $0 + extractor.mentions(in: $1).count } }
        reportExtraction(String(format: "skills, real (%d postings, %@ of text, %d mentions)", parsed.count, mb(textBytes), found),
                         bytes: textBytes, extract: extract, postings: parsed, extractor: extractor)
    }
}
