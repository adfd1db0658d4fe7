import Foundation
import Testing
@testable import StacksFit

/// Pairwise judgments a careful career adviser makes without hesitation ("for this cataloger, the
/// metadata job fits better than the teen-services job"), against stacksfit's ranking and, in the same
/// test, a plain TF-IDF cosine ranking of the same pairs.
@Suite("Pairwise judgments", .serialized)
struct PairwiseJudgmentTests {
    struct Pair: Decodable {
        var profile: String
        var better: String
        var worse: String
        var hard: Bool
        var why: String?
    }

    struct Agreement {
        var all = 0, agreed = 0, hard = 0, hardAgreed = 0
        var rate: Double { all == 0 ? 0 : Double(agreed) / Double(all) }
        var hardRate: Double { hard == 0 ? 0 : Double(hardAgreed) / Double(hard) }
        mutating func add(_ ok: Bool, hard isHard: Bool) {
            all += 1
            if ok { agreed += 1 }
            if isHard { hard += 1; if ok { hardAgreed += 1 } }
        }
    }

    /// TF-IDF cosine between two texts over a corpus: the keyword-overlap baseline.
    struct TFIDF {
        var idf: [String: Double] = [:]
        init(_ documents: [String]) {
            var df: [String: Int] = [:]
            for d in documents { for w in Set(Tokenizer.norms(d)) { df[w, default: 0] += 1 } }
            for (w, n) in df { idf[w] = log(Double(documents.count + 1) / Double(n + 1)) + 1 }
        }
        func vector(_ text: String) -> [String: Double] {
            var tf: [String: Double] = [:]
            for w in Tokenizer.norms(text) where w.count > 2 { tf[w, default: 0] += 1 }
            return tf.mapValues { $0 } .reduce(into: [:]) { $0[$1.key] = $1.value * (idf[$1.key] ?? 1) }
        }
        func cosine(_ a: String, _ b: String) -> Double {
            let x = vector(a), y = vector(b)
            let dot = x.reduce(0) { $0 + $1.value * (y[$1.key] ?? 0) }
            let nx = x.values.reduce(0) { $0 + $1 * $1 }.squareRoot(), ny = y.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return nx == 0 || ny == 0 ? 0 : dot / (nx * ny)
        }
    }

    static func profileText(_ p: CandidateProfile) -> String {
        (p.degrees.map(\.title) + p.coursework.flatMap { [$0.title, $0.description ?? ""] + $0.skills }
            + p.experience.flatMap { [$0.title] + $0.duties } + p.skills).joined(separator: "\n")
    }

    @Test("agreement with the adviser's judgments, against TF-IDF")
    func agreement() async throws {
        let url = TestData.fixture("rank-pairs.json")
        let pairs = try JSONDecoder().decode([Pair].self, from: Data(contentsOf: url))
        let taxonomy = try Taxonomy.bundled()
        let extractor = SkillExtractor(taxonomy: taxonomy)
        let (inputs, _) = Input.expand([TestData.root.appendingPathComponent("Listings").path])
        let postings = await PostingBatch.parse(inputs).flatMap(\.postings)
        let tfidf = TFIDF(postings.map(\.text))
        let analyzer = CandidateAnalyzer(extractor: extractor, today: ProfileDate(year: 2026, month: 11, day: 29))
        var ours = Agreement(), baseline = Agreement()
        var disagreements: [String] = []
        var cache: [String: (scores: [String: Double], text: String)] = [:]
        for pair in pairs {
            if cache[pair.profile] == nil {
                let profile = try ProfileReader.read(contentsOf: TestData.root.appendingPathComponent(pair.profile).path).profile
                let fits = Ranker(extractor: extractor).rank(postings, for: analyzer.analyse(profile))
                cache[pair.profile] = (Dictionary(fits.map { ($0.posting.title ?? "", $0.score) }, uniquingKeysWith: max), Self.profileText(profile))
            }
            let (scores, text) = cache[pair.profile]!
            let better = try #require(scores[pair.better], "no posting titled \(pair.better)")
            let worse = try #require(scores[pair.worse], "no posting titled \(pair.worse)")
            let ok = better > worse
            ours.add(ok, hard: pair.hard)
            if !ok { disagreements.append(String(format: "%@: %@ (%.1f) vs %@ (%.1f)%@", pair.profile, pair.better, better, pair.worse, worse, pair.hard ? " [hard]" : "")) }
            let tb = postings.first { $0.title == pair.better }.map { tfidf.cosine(text, $0.text) } ?? 0
            let tw = postings.first { $0.title == pair.worse }.map { tfidf.cosine(text, $0.text) } ?? 0
            baseline.add(tb > tw, hard: pair.hard)
        }
        print(String(format: "pairwise judgments: %d (%d hard); stacksfit agrees on %.1f%% (hard %.1f%%); TF-IDF cosine agrees on %.1f%% (hard %.1f%%)",
                     ours.all, ours.hard, ours.rate * 100, ours.hardRate * 100, baseline.rate * 100, baseline.hardRate * 100))
        if ProcessInfo.processInfo.environment["STACKSFIT_LABEL_DETAILS"] != nil { for d in disagreements { print("  " + d) } }
        #expect(ours.all >= 40)
        #expect(ours.hard * 3 >= ours.all)
        #expect(ours.rate >= Self.floor)
        #expect(ours.hardRate >= Self.hardFloor)
        #expect(ours.rate > baseline.rate)
    }

    /// The measured agreement of this commit, rounded down; the issue aims at 0.95 and 0.90 on hard pairs.
    static let floor = 0.96
    static let hardFloor = 0.95
}
