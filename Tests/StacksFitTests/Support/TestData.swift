import Foundation
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
