/// Keeps libxml2 2.9.14 out of its two quadratic traps, in one byte scan before it reads a page or feed.
///
/// - Attributes: both parsers compare every attribute of a start tag with all the attributes before it
///   (to catch duplicates), so one tag with n attributes costs n² comparisons: 80,000 attributes take
///   ten seconds in a page and six in a feed, and a 50 MiB file of them would take hours. The scan
///   keeps the first ``limit`` attributes of each start tag and drops the rest.
/// - Nesting: the HTML parser looks for every end tag among the elements still open, innermost first,
///   so d open elements and e end tags that close none of them cost d × e comparisons: 100,000
///   `<div>`s and 100,000 `</span>`s (1.2 MB) take twelve seconds. The scan keeps its own stack of open
///   elements (void elements, those like `<p>` whose end tag may be left out, `/>`, scripts and styles
///   aside), adds up how far down each end tag's
///   search goes (an end tag not found among the innermost 64 counts the whole stack and closes
///   nothing), and a page whose total passes ``nestingWorkLimit`` is not read (see ``tooDeep(_:)``).
///
/// Tags are read as the parsers read them: names up to white space, "=" or ">", values quoted or up to
/// white space or ">"; comments and the raw text of `<script>` and `<style>` are passed over.
enum MarkupGuard {
    /// More attributes than any real element carries.
    static let limit = 1_000
    /// The end-tag search steps past which a page is refused: about a second of libxml2's time. Real
    /// pages stay far below.
    static let nestingWorkLimit = 1_000_000_000

    /// The outcome of one pass.
    struct Result {
        /// The mended bytes (the input itself when nothing was dropped).
        var bytes: [UInt8]
        /// How many tags lost attributes.
        var tagsCut = 0
        /// The line of the first such tag.
        var firstLine: Int?
        /// The steps libxml2's HTML parser will take to find end tags among open elements, estimated.
        var nestingWork = 0
    }

    private static let script = Array("script".utf8), style = Array("style".utf8)
    /// Elements the stack leaves out: HTML's void elements, which hold nothing, and those whose end tag
    /// may be left out, which the parser closes itself when the next of their kind starts (a page of
    /// unclosed `<p>`s is not deep).
    private static let neverDeep = ["br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed",
                                    "param", "source", "track", "wbr", "keygen", "frame", "basefont", "isindex",
                                    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
                                    "tfoot", "colgroup", "rp", "rt"].map { Array($0.utf8) }

    /// - Parameter html: false for XML, whose parser matches an end tag with the innermost open element
    ///   only, so that nesting costs it nothing and is not measured.
    static func apply(_ input: [UInt8], limit: Int = limit, html: Bool = true) -> Result {
        var result = Result(bytes: input)
        // Tags with more than `limit` attributes: where their extra attributes start and end.
        var cuts: [Range<Int>] = []
        input.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var line = 1
            // The open elements, innermost last: each name's bytes in the input.
            var open: [Range<Int>] = []
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
                if bytes[i + 1] == UInt8(ascii: "/") {
                    // An end tag: found among the innermost open elements, it closes them down to it;
                    // otherwise libxml2 searches them all and ignores it.
                    i += 2
                    let nameStart = i
                    while i < n, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    guard html else { continue }
                    let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<i])
                    let nearest = open.indices.reversed().prefix(64).first { k in
                        FastText.equalIgnoringCase(name, UnsafeBufferPointer(rebasing: bytes[open[k]]))
                    }
                    if let nearest {
                        result.nestingWork += open.count - nearest
                        open.removeSubrange(nearest...)
                    } else {
                        result.nestingWork += open.count
                    }
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
                // The raw text of a script or style holds no tags (and its end tag is passed over with it).
                if FastText.equalIgnoringCase(name, Self.script) {
                    skip(past: "</script")
                } else if FastText.equalIgnoringCase(name, Self.style) {
                    skip(past: "</style")
                } else if html, !(i > 0 && i < n && bytes[i - 1] == UInt8(ascii: "/")),
                          !Self.neverDeep.contains(where: { FastText.equalIgnoringCase(name, $0) }) {
                    open.append(nameStart..<(nameStart + name.count))
                }
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

    /// The error to give when a page nests too deep with too many end tags to be read safely, or nil.
    static func tooDeep(_ result: Result) -> MarkupDiagnostic? {
        guard result.nestingWork > nestingWorkLimit else { return nil }
        return MarkupDiagnostic(line: nil, isError: true,
                                message: "end tags that close nothing, against elements nested thousands deep (\(result.nestingWork) look-up steps, past the limit of \(nestingWorkLimit)): not read, as libxml2 would take too long")
    }

    /// The warning to give when tags lost attributes, or nil.
    static func diagnostic(_ result: Result) -> MarkupDiagnostic? {
        guard result.tagsCut > 0 else { return nil }
        return MarkupDiagnostic(line: result.firstLine, isError: false,
                                message: "\(result.tagsCut) tag\(result.tagsCut == 1 ? "" : "s") with more than \(limit) attributes: only the first \(limit) of each were read")
    }
}
