import Foundation
import Testing
@testable import StacksFit

/// Deterministic random damage to every example never crashes or hangs the parser or the analysis of
/// what it reads, and every damaged input still yields postings or a problem (nothing silently dropped).
@Suite("Mutation")
struct MutationTests {
    private static let tokens: [[UInt8]] = ["<", ">", "&", "&amp;", "&nbsp;", "<![CDATA[", "]]>", "<!--", "\"", "</item>",
                                            "<item>", "</div>", "<b>", "\u{0}", "\u{FFFD}", "&#x110000;", "<!DOCTYPE x [", "]>"].map { Array($0.utf8) }

    private func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + rng.below(4)) where !out.isEmpty {
            let at = rng.below(out.count)
            switch rng.below(6) {
            case 0: out[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: out.removeSubrange(at..<min(out.count, at + 1 + rng.below(64)))
            case 2: out.insert(contentsOf: Self.tokens[rng.below(Self.tokens.count)], at: at)
            case 3: out = Array(out.prefix(at))
            case 4:
                let end = min(out.count, at + rng.below(200))
                out.insert(contentsOf: out[at..<end], at: at)
            default: out.swapAt(at, rng.below(out.count))
            }
        }
        return out
    }

    @Test("1,300 mutations of the examples neither crash nor hang, parsed and analysed, and report what they drop")
    func mutations() throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let folder = TestData.root.appendingPathComponent("Listings")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count >= 12)
        var rng = SplitMix64(seed: 2026)
        var parses = 0
        let start = Date()
        for file in files {
            let original = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
            for _ in 0..<100 {
                let damaged = mutate(original, &rng)
                let result = PostingParser.parse(damaged, input: file)
                #expect(!result.postings.isEmpty || !result.problems.isEmpty, "\(file): nothing and no problem")
                _ = try PostingsJSON.format(postings: result.postings, problems: result.problems)
                // Damaged text (stray NULs, replacement characters, cut entities) through skills and requirements.
                for posting in result.postings { _ = extractor.analyse(posting) }
                parses += 1
            }
        }
        #expect(parses >= 1_300)
        #expect(Date().timeIntervalSince(start) < 240)
    }
}
