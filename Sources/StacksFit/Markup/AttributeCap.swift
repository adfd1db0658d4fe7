/// Bounds the attributes of a start tag before libxml2 reads a page or feed.
///
/// libxml2 2.9.14's parsers, HTML and XML, compare every attribute of a start tag with all the
/// attributes before it (to catch duplicates), so one tag with n attributes costs n² comparisons:
/// 80,000 attributes take ten seconds in a page and six in a feed, and a 50 MiB file of them would take
/// hours. This pass keeps the first ``limit`` attributes of each start tag and drops the rest.
///
/// It finds tags and attributes as libxml2 2.9.14 reads them (`htmlParseStartTag` and its helpers):
/// a start tag is "<" and an ASCII letter; a name is an ASCII letter, "_", ":" or "." and then those,
/// digits and "-", at most 100 bytes (a longer run is read as several names); a value follows "=" and
/// is quoted or runs to white space or ">"; anything else is skipped to white space or ">"; the tag ends
/// at ">" or "/>". End tags and processing instructions run to ">" (in XML to "?>"), doctypes to ">"
/// outside quotes, comments to "-->", CDATA sections (XML) to "]]>", and in HTML the text of a
/// `<script>` or `<style>` (not closed by "/>") to its end tag; in HTML, "</" not followed by a name
/// and "<!" not opening a comment or doctype are text. Only the attributes themselves are dropped: what
/// follows the last one (a "/>" or stray bytes) stays, and so do their line breaks, so that lines keep
/// their numbers.
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

    /// Drops the attributes past `limit` of every start tag in `input`.
    /// - Parameter html: true for HTML (raw-text elements, processing instructions ending at ">"),
    ///   false for XML.
    static func apply(_ input: [UInt8], limit: Int = limit, html: Bool) -> Result {
        var result = Result(bytes: input)
        var cuts: [Range<Int>] = [] // the dropped attributes of each tag that had too many
        input.withUnsafeBufferPointer { bytes in
            var scanner = Scanner(bytes: bytes, html: html)
            while let (tagStart, cut) = scanner.nextOversizedTag(limit: limit) {
                cuts.append(cut)
                // (Lines are counted only for the tag reported, not along the whole scan.)
                if result.firstLine == nil { result.firstLine = 1 + bytes[..<tagStart].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            }
        }
        guard !cuts.isEmpty else { return result }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var from = 0
        for cut in cuts {
            output.append(contentsOf: input[from..<cut.lowerBound])
            // The line breaks of what is dropped stay, so that every line after it keeps its number.
            output.append(contentsOf: input[cut].filter { $0 == 0x0A })
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

    /// Reads markup a construct at a time.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let html: Bool
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>, html: Bool) {
            self.bytes = bytes
            self.html = html
        }

        private var n: Int { bytes.count }
        private func at(_ k: Int) -> UInt8 { k < n ? bytes[k] : 0 }
        private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
        private static func startsName(_ b: UInt8) -> Bool { isLetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") }
        private static func continuesName(_ b: UInt8) -> Bool { startsName(b) || b &- 0x30 < 10 || b == UInt8(ascii: "-") }

        private mutating func advance() {
            i += 1
        }

        /// Moves to the next `byte` at or after `i` (memchr reads many bytes at a time), or to the end.
        private mutating func move(to byte: UInt8) {
            guard i < n else { return }
            i = memchr(bytes.baseAddress! + i, Int32(byte), n - i).map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!) } ?? n
        }

        private mutating func skipBlanks() {
            while i < n, Self.isBlank(bytes[i]) { advance() }
        }

        /// Moves past the first `terminator` (lower-case; matched ignoring ASCII case), or to the end.
        private mutating func skip(past terminator: StaticString) {
            terminator.withUTF8Buffer { t in
                // (Every terminator opens with a byte that is no letter, which only itself matches.)
                while i < n {
                    move(to: t[0])
                    guard i < n else { return }
                    if i + t.count <= n,
                       FastText.equalIgnoringCase(UnsafeBufferPointer(rebasing: bytes[i..<(i + t.count)]), t) {
                        for _ in 0..<t.count { advance() }
                        return
                    }
                    advance()
                }
            }
        }

        /// Moves past the next ">" (outside quotes, when `quoted`), or to the end.
        private mutating func skipPastClose(quoted: Bool) {
            var quote: UInt8 = 0
            while i < n {
                let b = bytes[i]
                advance()
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if quoted && (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    return
                }
            }
        }

        private func startsWith(_ prefix: StaticString) -> Bool {
            prefix.withUTF8Buffer { p in
                i + p.count <= n && FastText.equalIgnoringCase(UnsafeBufferPointer(rebasing: bytes[i..<(i + p.count)]), p)
            }
        }

        /// Reads on to the next start tag with more than `limit` attributes: where it starts, and the bytes
        /// of its attributes past the limit. Nil at the end.
        mutating func nextOversizedTag(limit: Int) -> (start: Int, cut: Range<Int>)? {
            while i < n {
                guard bytes[i] == UInt8(ascii: "<") else {
                    move(to: UInt8(ascii: "<"))
                    continue
                }
                if startsWith("<!--") {
                    skip(past: "-->")
                } else if !html, startsWith("<![cdata[") {
                    skip(past: "]]>")
                } else if at(i + 1) == UInt8(ascii: "?") {
                    if html { skip(past: ">") } else { skip(past: "?>") }
                } else if at(i + 1) == UInt8(ascii: "/") {
                    // An end tag runs to ">"; "</" before anything but a name is only those two bytes.
                    if html && !Self.startsName(at(i + 2)) { advance(); advance() } else { skipPastClose(quoted: false) }
                } else if at(i + 1) == UInt8(ascii: "!") {
                    // A doctype or (in XML) a declaration runs to ">"; in HTML any other "<!" is text.
                    if !html || startsWith("<!doctype") { skipPastClose(quoted: true) } else { advance() }
                } else if Self.isLetter(at(i + 1)) {
                    if let found = startTag(limit: limit) { return found }
                } else {
                    advance()
                }
            }
            return nil
        }

        /// Reads a start tag at `i`; where it starts and the cut when it has more than `limit` attributes.
        private mutating func startTag(limit: Int) -> (start: Int, cut: Range<Int>)? {
            let tagStart = i
            advance() // "<"
            let nameStart = i
            // (An XML name runs to white space, ">" or "/"; libxml2's HTML name is the longest run of name bytes.)
            while i < n, html ? Self.continuesName(bytes[i]) : !(Self.isBlank(bytes[i]) || bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: "/")) { advance() }
            let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<i])
            var count = 0
            var cutStart: Int?, cutEnd = 0
            while true {
                skipBlanks()
                guard i < n, bytes[i] != UInt8(ascii: ">"), !(bytes[i] == UInt8(ascii: "/") && at(i + 1) == UInt8(ascii: ">")) else { break }
                if html ? Self.startsName(bytes[i]) : !(bytes[i] == UInt8(ascii: "=") || bytes[i] == UInt8(ascii: "/")) {
                    // An attribute: a name (in HTML at most 100 bytes, as libxml2 reads it), then perhaps "=" and a value.
                    let start = i
                    while i < n, html ? Self.continuesName(bytes[i]) && i - start < 100
                                      : !(Self.isBlank(bytes[i]) || bytes[i] == UInt8(ascii: "=") || bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: "/")) {
                        advance()
                    }
                    skipBlanks()
                    if at(i) == UInt8(ascii: "=") {
                        advance()
                        skipBlanks()
                        if at(i) == UInt8(ascii: "\"") || at(i) == UInt8(ascii: "'") {
                            let quote = bytes[i]
                            advance()
                            while i < n, bytes[i] != quote { advance() }
                            if i < n { advance() }
                        } else {
                            while i < n, !Self.isBlank(bytes[i]), bytes[i] != UInt8(ascii: ">") { advance() }
                        }
                    }
                    count += 1
                    if count == limit + 1 { cutStart = start }
                    if count > limit { cutEnd = i }
                } else {
                    // Not an attribute: libxml2 skips it to white space or the tag's end.
                    while i < n, !Self.isBlank(bytes[i]), bytes[i] != UInt8(ascii: ">"),
                          !(bytes[i] == UInt8(ascii: "/") && at(i + 1) == UInt8(ascii: ">")) { advance() }
                }
            }
            let selfClosed = at(i) == UInt8(ascii: "/")
            if i < n { advance() }
            if selfClosed, i < n { advance() }
            // The text of a script or style holds no markup (unless "/>" closed the element at once).
            if html, !selfClosed {
                if FastText.equalIgnoringCase(name, Self.script) { skip(past: "</script") }
                else if FastText.equalIgnoringCase(name, Self.style) { skip(past: "</style") }
            }
            guard let cutStart else { return nil }
            return (tagStart, cutStart..<cutEnd)
        }

        private static let script = Array("script".utf8), style = Array("style".utf8)
    }
}

import Foundation
