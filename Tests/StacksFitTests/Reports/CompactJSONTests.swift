import Foundation
import Testing
@testable import StacksFit

/// `CompactJSON` must write exactly the bytes Foundation's `JSONEncoder` wrote for the contract's lines
/// (the byte-identical output of `stacksfit parse` on the real corpus was checked the same way).
@Suite("Compact JSON lines")
struct CompactJSONTests {
    /// The old writer: `JSONEncoder` with sorted keys and unescaped slashes, then the bytes of U+2028 and
    /// U+2029 replaced by escapes (byte by byte: a mark after one must not hide it).
    static func reference(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(value))
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("every bundled posting, analysed, and a problem, come out as JSONEncoder wrote them")
    func listings() async throws {
        let loaded = try await Examples.load()
        #expect(!loaded.postings.isEmpty)
        for posting in loaded.postings {
            let analysed = AnalyzedPosting(posting: posting, analysis: loaded.extractor.analyse(posting))
            #expect(try Array(CompactJSON.encode(analysed).utf8) == Array(Self.reference(analysed).utf8), "\(posting.title ?? posting.id)")
            #expect(try Array(CompactJSON.encode(posting).utf8) == Array(Self.reference(posting).utf8))
        }
        let problem = Problem(input: "Listings/x.rss", line: 3, severity: .warning, message: "a \"quoted\" \\ message\u{2028}")
        #expect(try Array(CompactJSON.encode(problem).utf8) == Array(Self.reference(problem).utf8))
        let lineless = Problem(input: "-", severity: .error, message: "no job posting found in this page")
        #expect(try Array(CompactJSON.encode(lineless).utf8) == Array(Self.reference(lineless).utf8))
        // Nothing set at all, and a salary and place with only some fields.
        var bare = JobPosting(id: "", source: PostingSource(input: "x", format: .html, index: 0))
        #expect(try Array(CompactJSON.encode(AnalyzedPosting(posting: bare, analysis: nil)).utf8)
                == Array(Self.reference(AnalyzedPosting(posting: bare, analysis: nil)).utf8))
        bare.salary = SalaryParser.parse("Starting at $55k")
        bare.location = PlaceParser.parse("Remote (U.S.)")
        #expect(bare.salary != nil && bare.location != nil)
        #expect(try Array(CompactJSON.encode(bare).utf8) == Array(Self.reference(bare).utf8))
    }

    struct Sample: Encodable {
        var text: String
        var optional: String?
        var number: Double
        var small: Float
        var count: Int
        var flag: Bool
        var list: [Double?]
        var map: [String: Int]
        var nested: [[String]]
    }

    @Test("strings, numbers, optionals, arrays and maps match JSONEncoder on random values")
    func randomValues() throws {
        var random = SplitMix64(seed: 17)
        let alphabet = Array("aZ \"\\/\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1b}\u{1f}\u{7f}é📚\u{2028}\u{2029}\u{301}".unicodeScalars)
        // Runs of plain letters between the special characters, so that strings hold stretches of eight
        // bytes and more with and without a character to escape at every place.
        let plain = Array("abcdefghij".unicodeScalars)
        func text() -> String {
            let mixed = random.next() % 2 == 0
            return String(String.UnicodeScalarView((0..<Int(random.next() % (mixed ? 40 : 12))).map { _ in
                !mixed || random.next() % 3 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))] : plain[Int(random.next() % 10)]
            }))
        }
        func double() -> Double {
            switch random.next() % 6 {
            case 0: return Double(Int64(bitPattern: random.next()) % 1_000_000) / 100
            case 1: return Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF) // any finite positive
            case 2: return -Double(random.next() % 1000)
            case 3: return [0.0, -0.0, 1e-7, 1e16, 1e21, 0.1, 2.0 / 3.0, 58_000][Int(random.next() % 8)]
            default: return Double(random.next() % 100_000) * 0.01
            }
        }
        for _ in 0..<1_000 {
            #if os(Linux)
            // Keys whose order depends on how they are compared: Linux's JSONEncoder compares UTF-8 bytes.
            let keys = ["a", "B", "_x", "a10", "a2", "descriptionHTML", "descriptionHtml", "z", "e\u{301}", "é", "f", "Z"]
            #else
            let keys = ["a", "b", "c", "d"]
            #endif
            var map: [String: Int] = [:]
            for _ in 0..<Int(random.next() % 5) { map[keys[Int(random.next() % UInt64(keys.count))]] = Int(truncatingIfNeeded: random.next()) }
            let sample = Sample(text: text(), optional: random.next() % 2 == 0 ? nil : text(), number: double(),
                                small: [Float(random.next() % 100_000) / 7, -Float(random.next() % 1000) / 3, 1e-9, 3e12][Int(random.next() % 4)], count: [Int(truncatingIfNeeded: random.next()), Int.min, Int.max, 0][Int(random.next() % 4)], flag: random.next() % 2 == 0,
                                list: (0..<Int(random.next() % 4)).map { _ in random.next() % 3 == 0 ? nil : double() },
                                map: map, nested: [[text(), text()], []])
            let mine = try CompactJSON.encode(sample), theirs = try Self.reference(sample)
            // Compared as bytes: String equality would let canonically equivalent spellings pass.
            #expect(Array(mine.utf8) == Array(theirs.utf8), "\n\(mine)\n\(theirs)")
        }
    }

    /// Encodes some keys twice, in an order of its own.
    struct Twice: Encodable {
        enum Key: String, CodingKey { case b, a, c }
        var values: [(Key, Int)]
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in values { try container.encode(value, forKey: key) }
        }
    }

    @Test("members sorted whatever order they were set in; a key set twice keeps its last value, as in JSONEncoder")
    func keyedTwice() throws {
        var random = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let value = Twice(values: (0..<Int(random.next() % 6)).map { _ in ([Twice.Key.a, .b, .c][Int(random.next() % 3)], Int(random.next() % 9)) })
            #expect(try Array(CompactJSON.encode(value).utf8) == Array(Self.reference(value).utf8))
        }
    }

    /// The old document writer: `JSONEncoder` pretty-printed, keys sorted, slashes unescaped.
    static func prettyReference(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    struct Nesting: Encodable {
        var empty: [Int] = []
        var none: [String: Int] = [:]
        var lists: [[Int]]
        var maps: [String: [String: String]]
        var text: String
        var optional: Double?
    }

    @Test("pretty-printed documents match JSONEncoder's layout: indents, empty arrays and objects, separators kept raw")
    func pretty() async throws {
        var random = SplitMix64(seed: 23)
        for _ in 0..<300 {
            let n = Int(random.next() % 3)
            let value = Nesting(lists: (0..<n).map { _ in (0..<Int(random.next() % 3)).map { _ in Int(random.next() % 100) } },
                                maps: Dictionary(uniqueKeysWithValues: (0..<n).map { k in ("k\(k)", k == 0 ? [:] : ["x": "a\u{2028}b\n"]) }),
                                text: "\u{2029}\"", optional: random.next() % 2 == 0 ? nil : 0.25)
            #expect(try Array(CompactJSON.encode(value, pretty: true).utf8) == Array(Self.prettyReference(value).utf8))
            #expect(try Array(CompactJSON.encode([value], pretty: true).utf8) == Array(Self.prettyReference([value]).utf8))
        }
        let loaded = try await Examples.load()
        let analysed = loaded.postings.map { AnalyzedPosting(posting: $0, analysis: loaded.extractor.analyse($0)) }
        let problems = [Problem(input: "x", line: 2, severity: .warning, message: "m\u{2028}")]
        struct Document: Encodable { var schemaVersion: Int; var postings: [AnalyzedPosting]; var problems: [Problem] }
        let reference = try Self.prettyReference(Document(schemaVersion: PostingsJSON.schemaVersion, postings: analysed, problems: problems))
        #expect(try Array(PostingsJSON.format(postings: analysed, problems: problems).utf8) == Array(reference.utf8))
    }

    @Test("a number that is not finite is refused, as JSONEncoder refuses it")
    func nonFinite() {
        #expect(throws: (any Error).self) { try CompactJSON.encode([Double.nan]) }
        #expect(throws: (any Error).self) { try Self.reference([Double.infinity]) }
        #expect(throws: (any Error).self) { try CompactJSON.encode([Double.infinity]) }
    }
}
