import Foundation

/// The `stacksfit parse` JSON contract (schemaVersion 1) and its JSON Lines form.
public enum PostingsJSON {
    /// The version of the contract these writers produce.
    public static let schemaVersion = 1

    private struct Document: Encodable {
        var schemaVersion: Int
        var postings: [AnalyzedPosting]
        var problems: [Problem]
    }

    /// One JSON document with every posting and problem, pretty-printed, keys sorted (byte-for-byte deterministic).
    public static func format(postings: [JobPosting], problems: [Problem]) throws -> String {
        try format(postings: postings.map { AnalyzedPosting(posting: $0, analysis: nil) }, problems: problems)
    }

    /// The same, with each posting's skills, requirements and lean.
    public static func format(postings: [AnalyzedPosting], problems: [Problem]) throws -> String {
        try pretty(Document(schemaVersion: schemaVersion, postings: postings, problems: problems))
    }

    /// Any document of the contract, pretty-printed with sorted keys: every JSON output of stacksfit goes
    /// through here, so they are all byte-for-byte deterministic.
    static func pretty(_ value: some Encodable) throws -> String {
        try CompactJSON.encode(value, pretty: true)
    }

    /// One posting as a single JSON line (no trailing newline).
    public static func line(_ posting: JobPosting) throws -> String {
        try line(AnalyzedPosting(posting: posting, analysis: nil))
    }

    /// One analysed posting as a single JSON line (no trailing newline).
    public static func line(_ posting: AnalyzedPosting) throws -> String {
        try singleLine(posting)
    }

    /// Each posting as a single JSON line, encoded on all cores (``Parallel``), in input order; a posting
    /// that cannot be written gives its error, and the others are still written.
    public static func lines(_ postings: [AnalyzedPosting]) -> [Result<String, any Error>] {
        Parallel.map(postings) { posting in Result { try line(posting) } }
    }

    /// One problem as a single JSON line (no trailing newline).
    public static func line(_ problem: Problem) throws -> String {
        try singleLine(problem)
    }

    /// Compact JSON with U+2028 and U+2029 written as escapes. JSON allows them raw inside strings, but
    /// readers that split on every Unicode line break (Python's `splitlines`, older JavaScript) would cut
    /// the line there; real postings carry them. Written by ``CompactJSON``: the bytes `JSONEncoder` wrote
    /// with sorted keys, at a fraction of the cost.
    static func singleLine(_ value: some Encodable) throws -> String {
        try CompactJSON.encode(value)
    }
}
