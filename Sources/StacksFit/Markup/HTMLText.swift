/// Plain text and labelled blocks read from HTML trees, the way a person sees the page.
public enum HTMLText {
    /// One line of visible text: a paragraph, list item, table row or heading.
    public struct Block: Sendable, Hashable {
        /// The text, white space collapsed.
        public var text: String
        /// The heading or bold label that introduces what follows, when this block is one.
        public var isHeading: Bool
        /// 1-6 for `<h1>`…`<h6>`, 7 for bold labels and `<dt>`, nil for ordinary text.
        public var level: Int?
        /// The element that produced the block, for callers that need its position.
        public var line: Int
    }

    /// Elements whose content is never text a reader sees.
    public static let invisible: Set<String> = [
        "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math",
        "select", "option", "button", "input", "textarea", "canvas", "audio", "video", "map",
    ]

    /// Elements that start a new line.
    public static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "table", "tbody", "thead", "tfoot", "blockquote", "pre", "hr", "section", "article",
        "header", "footer", "main", "nav", "aside", "form", "fieldset", "address", "figure",
        "figcaption", "center", "body", "html", "caption", "details", "summary", "legend",
        // XHTML in feeds and Atom content arrive as the same local names.
    ]

    /// The visible text under `node`, one line per block, white space collapsed within lines.
    public static func text(_ tree: MarkupTree, _ node: MarkupTree.Node, skip: (MarkupTree.Node) -> Bool = { _ in false }) -> String {
        blocks(tree, node, skip: skip).map(\.text).joined(separator: "\n")
    }

    /// The visible text under `node` as blocks, with headings and bold labels ("Qualifications:")
    /// marked, in document order.
    /// - Parameter skip: elements to leave out with everything inside them (navigation, banners…).
    public static func blocks(_ tree: MarkupTree, _ node: MarkupTree.Node,
                              skip: (MarkupTree.Node) -> Bool = { _ in false }) -> [Block] {
        var builder = BlockBuilder()
        if !tree.isElement(node) {
            tree.withOwnText(node) { builder.appendText($0, bold: false, line: tree.line(node)) }
            builder.flush()
            return builder.blocks
        }
        var boldDepth = 0
        var entered: [Role] = [] // the roles of the elements entered and not yet left, innermost last
        tree.walk(node, enter: { child in
            guard tree.isElement(child) else {
                tree.withOwnText(child) { builder.appendText($0, bold: boldDepth > 0, line: tree.line(child)) }
                return false
            }
            let role = roles[tree.name(child)] ?? Role()
            if role.invisible || skip(child) { return false }
            if role.block { builder.flush() }
            if let level = role.heading { builder.pendingHeading = level }
            if role.term { builder.pendingHeading = 7 }
            if role.bold { boldDepth += 1 }
            if role.listItem { builder.listItem = true }
            entered.append(role)
            return true
        }, exit: { _ in
            let role = entered.removeLast()
            if role.bold { boldDepth -= 1 }
            if role.block { builder.flush() }
        })
        builder.flush()
        return builder.blocks
    }

    /// What reading text needs to know of an element, found with one look-up of its name.
    private struct Role {
        var invisible = false
        var block = false
        var bold = false
        var listItem = false
        /// `<dt>`: a heading of level 7.
        var term = false
        /// 1-6 for `<h1>`…`<h6>`.
        var heading: Int?
    }

    private static let roles = NameTable<Role>({
        var roles: [String: Role] = [:]
        for name in invisible { roles[name, default: Role()].invisible = true }
        for name in blockElements { roles[name, default: Role()].block = true }
        for name in ["b", "strong"] { roles[name, default: Role()].bold = true }
        roles["li", default: Role()].listItem = true
        roles["dt", default: Role()].term = true
        for level in 1...6 { roles["h\(level)", default: Role()].heading = level }
        return roles
    }())

    /// The lines of a paragraph its author broke by hand, collapsed, or nil when it reads as one paragraph.
    ///
    /// A list or an address typed line by line and kept in one paragraph (Markdown's soft breaks, text
    /// pasted into a CMS) reads as one run-on line in a browser: "Organize and file all loose-leaf
    /// supplements General clerical tasks … Sorting and checking in mail". Its lines are the items the
    /// author meant when every line after the first starts with a capital or a digit, and no line before a
    /// break ends mid-phrase: on a comma, a hyphen or a word such as "the", "of" or "and" (prose wrapped by
    /// hand breaks there, and before lower-case words).
    static func handBrokenLines(_ raw: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let base = raw.baseAddress else { return nil }
        var feed = memchr(base, 0x0A, raw.count)
        guard feed != nil else { return nil }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var lines: [Range<Int>] = []
        var start = 0
        // Line by line from one line feed to the next, stopping at the first sign of wrapped prose.
        while true {
            let end = feed.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? raw.count
            var from = start, to = end
            while from < to, isSpace(raw[from]) { from += 1 }
            while to > from, isSpace(raw[to - 1]) { to -= 1 }
            if from < to {
                if let previous = lines.last {
                    let first = raw[from]
                    guard first &- 0x41 < 26 || first &- 0x30 < 10, !endsMidPhrase(UnsafeBufferPointer(rebasing: raw[previous])) else { return nil }
                }
                lines.append(from..<to)
            }
            guard end < raw.count else { break }
            start = end + 1
            feed = memchr(base + start, 0x0A, raw.count - start)
        }
        guard lines.count >= 2 else { return nil }
        return lines.map { collapse(utf8: UnsafeBufferPointer(rebasing: raw[$0])) }.filter { !$0.isEmpty }
    }

    /// Whether a line ends mid-phrase: on a comma, a hyphen, or one of ``midPhraseWords``.
    private static func endsMidPhrase(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = line.last else { return false }
        if last == 0x2C || last == 0x2D { return true }
        // The last word, when it is at most five ASCII letters after a space (or the whole line).
        var start = line.count
        while start > 0, line[start - 1] | 0x20 &- 0x61 < 26, line.count - start <= 5 { start -= 1 }
        guard start < line.count, start == 0 || line[start - 1] == 0x20 else { return false }
        let word = UnsafeBufferPointer(rebasing: line[start...])
        return midPhraseWords.contains { $0.count == word.count && FastText.equalIgnoringCase(word, $0) }
    }

    /// Words a hand-wrapped line of prose may end on, which a list item or an address line does not.
    private static let midPhraseWords: [[UInt8]] = ["the", "of", "to", "and", "a", "an", "in", "for", "with", "or", "by", "on", "at",
                                                    "as", "from", "our", "your", "their", "its", "is", "are", "be", "will", "that", "this"].map { Array($0.utf8) }

    /// True when `text` holds anything but white space (as ``collapse(_:)`` knows it).
    public static func hasVisibleCharacter(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasVisibleCharacter($0) }
    }

    /// ``hasVisibleCharacter(_:)`` of UTF-8 bytes.
    static func hasVisibleCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let width = whiteSpaceWidth(bytes, at: i)
            if width == 0 { return true }
            i += width
        }
        return false
    }

    /// Collapses runs of white space (including no-break, zero-width and other Unicode spaces) to one
    /// space and trims the ends. Works on UTF-8 bytes: white space outside ASCII is recognised by its
    /// byte pattern, everything else is copied through.
    public static func collapse(_ text: some StringProtocol) -> String {
        var source = String(text)
        // Text that is already collapsed (a list item's words) is handed back as it is, not copied.
        if source.withUTF8(isCollapsed) { return source }
        return source.withUTF8(collapse(utf8:))
    }

    /// ``collapse(_:)`` of UTF-8 bytes, which are copied into the new string in any case: in one pass,
    /// without first testing whether they are collapsed already.
    static func collapse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the new string's storage: it is never longer than the source.
        String(unsafeUninitializedCapacity: bytes.count) { result in
            let n = bytes.count
            var count = 0
            var pendingSpace = false
            var i = 0
            while i < n {
                let width = whiteSpaceWidth(bytes, at: i)
                if width > 0 {
                    pendingSpace = true
                    i += width
                    continue
                }
                if pendingSpace && count > 0 {
                    result[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                // Prose is mostly printable ASCII (and DEL), never white space, with single spaces
                // between: such a run is already collapsed and is copied whole.
                let end = collapsedRun(bytes, after: i)
                UnsafeMutableRawPointer(result.baseAddress! + count)
                    .copyMemory(from: bytes.baseAddress! + i, byteCount: end - i)
                count += end - i
                i = end
            }
            return count
        }
    }

    /// Whether `collapse` would give these bytes back as they are, told without writing anything (only for
    /// printable ASCII with single spaces inside: other text is collapsed by copying, which also gives it back).
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes[0] &- 0x21 < 0x5F && collapsedRun(bytes, after: 0) == bytes.count
    }

    /// Where the run of already-collapsed text that follows the byte at `start` (which is not white space)
    /// ends: printable ASCII (and DEL), a single space only before a printable byte, read eight bytes at a
    /// time where it can be.
    @inline(__always)
    private static func collapsedRun(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
        let n = bytes.count
        // Every step starts right after a printable byte.
        var end = start + 1
        while end < n {
            if end + 8 <= n, isCollapsedASCII(UnsafeRawPointer(bytes.baseAddress! + end).loadUnaligned(as: UInt64.self)) {
                end += 8
            } else if bytes[end] &- 0x21 < 0x5F {
                end += 1
            } else if bytes[end] == 0x20, end + 1 < n, bytes[end + 1] &- 0x21 < 0x5F {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// Whether the eight bytes packed in `word` (first lowest) may be copied as they are into collapsed
    /// text that so far ends in a visible character: printable ASCII, with spaces only between two
    /// printable characters, and the last byte printable.
    @inline(__always)
    static func isCollapsedASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // All ASCII, and none below the space (no byte borrows when 0x20 is taken from each).
        guard word & high == 0, (word &- ones &* 0x20) & ~word & high == 0 else { return false }
        // Bit 7 of each byte that is a space (exact: the sums cannot carry from one byte to the next).
        let cancelled = word ^ (ones &* 0x20)
        let spaces = ~(((cancelled & ~high) &+ ~high) | cancelled) & high
        return spaces & (spaces << 8) == 0 && spaces >> 63 == 0
    }

    /// The number of bytes of white space at `i`, or 0: ASCII space, tab and line breaks, and U+0085,
    /// U+00A0, U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF (Unicode's white
    /// space, and the no-break, zero-width and byte-order marks pages use as spaces) by their UTF-8 bytes.
    @inline(__always)
    static func whiteSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        let n = bytes.count
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0x80 { return 0 }
        if b == 0xC2 { return i + 1 < n && (bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85) ? 2 : 0 }
        guard b == 0xE2 || b == 0xE3 || b == 0xEF || b == 0xE1, i + 2 < n else { return 0 }
        switch (b, bytes[i + 1], bytes[i + 2]) {
        case (0xE2, 0x80, let x) where (x >= 0x80 && x <= 0x8B) || x == 0xA8 || x == 0xA9 || x == 0xAF: return 3
        case (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80), (0xEF, 0xBB, 0xBF), (0xE1, 0x9A, 0x80): return 3
        default: return 0
        }
    }
}

/// Accumulates inline text into blocks and recognises bold labels.
private struct BlockBuilder {
    var blocks: [HTMLText.Block] = []
    var pendingHeading: Int?
    var listItem = false
    /// The bytes of the text so far, and of its bold start.
    private var raw: [UInt8] = []
    private var boldPrefix: [UInt8] = []
    private var sawPlain = false
    private var line = 0

    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, bold: Bool, line: Int) {
        if raw.isEmpty { self.line = line }
        raw.append(contentsOf: text)
        let visible = HTMLText.hasVisibleCharacter(text)
        if bold && !sawPlain {
            boldPrefix.append(contentsOf: text)
        } else if visible {
            sawPlain = true
        }
    }

    mutating func flush() {
        defer {
            // (Emptying an array that holds nothing still costs a uniqueness check and a new buffer.)
            if !raw.isEmpty { raw.removeAll(keepingCapacity: true) }
            if !boldPrefix.isEmpty { boldPrefix.removeAll(keepingCapacity: true) }
            sawPlain = false
            pendingHeading = nil
            listItem = false
        }
        if pendingHeading == nil, boldPrefix.isEmpty, let lines = raw.withUnsafeBufferPointer(HTMLText.handBrokenLines) {
            for (k, line) in lines.enumerated() {
                // A first line that only names a section ("Responsibilities", "Education Required") heads the
                // lines after it; not "Salary: Commensurate with experience", nor a last line ("MLS required").
                if k == 0, lines.count > 1, line.utf8.count <= 40, !line.utf8.contains(UInt8(ascii: ":")), !line.utf8.contains(UInt8(ascii: ".")),
                   FastText.split(line, separator: 0x20).count <= 4, SectionClassifier.kind(ofHeading: line) != .other {
                    blocks.append(.init(text: line, isHeading: true, level: 7, line: self.line))
                } else {
                    appendPlain(line)
                }
            }
            return
        }
        let text = raw.withUnsafeBufferPointer(HTMLText.collapse(utf8:))
        guard !text.isEmpty else { return }
        if let level = pendingHeading {
            blocks.append(.init(text: text, isHeading: true, level: level, line: line))
            return
        }
        let label = boldPrefix.withUnsafeBufferPointer(HTMLText.collapse(utf8:))
        if !label.isEmpty && !listItem {
            let rest = String(text.dropFirst(min(label.count, text.count)))
            let restTrimmed = HTMLText.collapse(rest)
            if label.hasSuffix(":") || restTrimmed.hasPrefix(":") {
                let heading = HTMLText.collapse(label.trimmingCharacters(in: [":", " "]))
                var body = restTrimmed
                if body.hasPrefix(":") { body = HTMLText.collapse(body.dropFirst()) }
                if !heading.isEmpty && heading.count <= 80 {
                    blocks.append(.init(text: heading, isHeading: true, level: 7, line: line))
                    if !body.isEmpty { blocks.append(.init(text: body, isHeading: false, level: nil, line: line)) }
                    return
                }
            } else if restTrimmed.isEmpty && label.count <= 60 && !label.hasSuffix(".") {
                blocks.append(.init(text: label, isHeading: true, level: 7, line: line))
                return
            }
        }
        appendPlain(text)
    }

    /// A block of plain text (no heading or bold label before it), or a short line that is only a label
    /// ("Qualifications:").
    private mutating func appendPlain(_ text: String) {
        if text.hasSuffix(":") && text.count <= 50 && !text.utf8.dropLast().contains(UInt8(ascii: ":")) && !listItem {
            blocks.append(.init(text: String(text.dropLast()).trimmingSpaces, isHeading: true, level: 7, line: line))
            return
        }
        blocks.append(.init(text: text, isHeading: false, level: nil, line: line))
    }
}

import Foundation
