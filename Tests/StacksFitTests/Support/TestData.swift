import Foundation
import Testing
@testable import StacksFit

/// Paths to the repository's example data and the test fixtures.
enum TestData {
    /// The repository root, found from this file's path (tests never read outside the checkout).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func listing(_ name: String) -> URL { root.appendingPathComponent("Listings").appendingPathComponent(name) }

    static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/StacksFitTests/Fixtures").appendingPathComponent(name)
    }

    /// Parses a file the way the CLI does, reporting it by its repository-relative name.
    static func parse(_ url: URL) throws -> PostingParser.Result {
        let bytes = [UInt8](try Data(contentsOf: url))
        let name = url.path.replacingOccurrences(of: root.path + "/", with: "")
        return PostingParser.parse(bytes, input: name, baseURI: nil)
    }
}

/// The bundled examples, parsed and analysed once for every test that needs them: all `Listings/`
/// postings and all `Profiles/` candidates, analysed as of a fixed day so results never drift.
enum Examples {
    static let today = ProfileDate(year: 2026, month: 11, day: 29)

    struct Loaded: Sendable {
        var extractor: SkillExtractor
        var postings: [JobPosting]
        var candidates: [CandidateAnalysis]

        func candidate(_ file: String) throws -> CandidateAnalysis {
            try #require(candidates.first { $0.profile.source.hasSuffix(file) }, "no profile \(file)")
        }

        func posting(titled title: String) throws -> JobPosting {
            try #require(postings.first { $0.title == title }, "no posting titled \(title)")
        }

        func fit(_ candidate: CandidateAnalysis, _ posting: JobPosting) -> Fit {
            FitScorer(candidate: candidate, taxonomy: extractor.taxonomy).score(posting, analysis: extractor.analyse(posting))
        }
    }

    static func load() async throws -> Loaded {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let (inputs, _) = Input.expand([TestData.root.appendingPathComponent("Listings").path])
        let postings = await PostingBatch.parse(inputs).flatMap(\.postings)
        let analyzer = CandidateAnalyzer(extractor: extractor, today: today)
        let folder = TestData.root.appendingPathComponent("Profiles")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let candidates = try files.map { analyzer.analyse(try ProfileReader.read(contentsOf: folder.appendingPathComponent($0).path).profile) }
        return Loaded(extractor: extractor, postings: postings, candidates: candidates)
    }
}
