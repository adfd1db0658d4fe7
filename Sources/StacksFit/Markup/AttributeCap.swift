/// Bounds the attributes of a start tag before libxml2 reads a page or feed.
///
/// libxml2 2.9.14's parsers, HTML and XML, compare every attribute of a start tag with all the
/// attributes before it (to catch duplicates), so one tag with n attributes costs n² comparisons:
/// 80,000 attributes take ten seconds in a page and six in a feed, and a 50 MiB file of them would
/// take hours. This pass keeps the first ``limit`` attributes of each start tag and drops the rest,
/// found by a byte scan that reads tags as the parsers do: names up to white space, "=" or ">", values
/// quoted or up to white space or ">"; comments and the raw text of `<script>` and `<style>` are
/// passed over.
enum AttributeCap {
    /// More attributes than any real element carries.
    static let limit = 1_000

    /// The outcome of one pass.
    struct Result {
        /// The mended bytes (the input itself when nothing was dropped).
        var bytes: [UInt8]
        /// How many tags lost attributes.
        var tagsCut = 0
        /// The line of the first such tag.
        var firstLine: Int?
    }

    private static let script = Array("script".utf8), style = Array("style".utf8)

    static func apply(_ input: [UInt8], limit: Int = limit) -> Result {
        var result = Result(bytes: input)
        // Tags with more than `limit` attributes: where their extra attributes start and end.
        var cuts: [Range<Int>] = []
        input.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var line = 1
            var i = 0
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
            /// Moves `i` past `terminator` (lower-case; matched ignoring case) or to the end, counting lines.
            func skip(past terminator: StaticString) {
                terminator.withUTF8Buffer { t in
                    while i < n {
                        if FastText.lower(bytes[i]) == t[0], i + t.count <= n,
                           FastText.equalIgnoringCase(UnsafeBufferPointer(rebasing: bytes[i..<(i + t.count)]), Array(t)) {
                            i += t.count
                            return
                        }
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                }
            }
            while i < n {
                let b = bytes[i]
                if b == 0x0A { line += 1 }
                guard b == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
                if bytes[i + 1] == UInt8(ascii: "!"), i + 3 < n, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i += 4
                    skip(past: "-->")
                    continue
                }
                guard isLetter(bytes[i + 1]) else { i += 1; continue }
                // A start tag: its name, then its attributes up to ">".
                let tagLine = line
                let nameStart = i + 1
                i += 1
                while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<i])
                var count = 0
                var cutStart: Int?
                while i < n {
                    while i < n, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") {
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                    guard i < n, bytes[i] != UInt8(ascii: ">") else { break }
                    count += 1
                    if count == limit + 1 { cutStart = i }
                    while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    while i < n, isSpace(bytes[i]) {
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                    guard i < n, bytes[i] == UInt8(ascii: "=") else { continue }
                    i += 1
                    while i < n, isSpace(bytes[i]) {
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                    if i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        i += 1
                        while i < n, bytes[i] != quote {
                            if bytes[i] == 0x0A { line += 1 }
                            i += 1
                        }
                        if i < n { i += 1 }
                    } else {
                        while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    }
                }
                if let cutStart {
                    cuts.append(cutStart..<i)
                    if result.firstLine == nil { result.firstLine = tagLine }
                }
                // The raw text of a script or style holds no tags.
                if FastText.equalIgnoringCase(name, Self.script) { skip(past: "</script") }
                if FastText.equalIgnoringCase(name, Self.style) { skip(past: "</style") }
            }
        }
        guard !cuts.isEmpty else { return result }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var from = 0
        for cut in cuts {
            output.append(contentsOf: input[from..<cut.lowerBound])
            from = cut.upperBound
        }
        output.append(contentsOf: input[from...])
        result.bytes = output
        result.tagsCut = cuts.count
        return result
    }

    /// The warning to give when tags lost attributes, or nil.
    static func diagnostic(_ result: Result) -> MarkupDiagnostic? {
        guard result.tagsCut > 0 else { return nil }
        return MarkupDiagnostic(line: result.firstLine, isError: false,
                                message: "\(result.tagsCut) tag\(result.tagsCut == 1 ? "" : "s") with more than \(limit) attributes: only the first \(limit) of each were read")
    }
}
