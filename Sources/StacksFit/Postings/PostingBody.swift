/// A posting's body read from HTML: its sections, its plain text and its sanitized HTML.
public struct PostingBody: Sendable, Hashable {
    public var sections: [PostingSection]
    public var text: String
    public var html: String

    /// Reads the body under `node`.
    /// - Parameters:
    ///   - skip: elements to leave out (navigation, banners, "similar jobs").
    ///   - dropTitle: a heading equal to this text (the posting's title) does not start a section.
    ///   - plainText: the body was plain text, one paragraph per line, where a capitalised label opening a
    ///     line ("RESPONSIBILITIES: …") is the only sign of a section. In HTML, headings and bold labels are,
    ///     and a capitalised "CLOSING DATE:" line inside a description must not take the paragraphs after it.
    public init(_ tree: MarkupTree, _ node: MarkupTree.Node, skip: (MarkupTree.Node) -> Bool = { _ in false },
                dropTitle: String? = nil, plainText: Bool = false) {
        self.init(tree, node, blocks: HTMLText.blocks(tree, node, skip: skip), dropTitle: dropTitle, plainText: plainText)
    }

    /// Reads the body under `node` from its blocks, already read with the elements to leave out left out.
    init(_ tree: MarkupTree, _ node: MarkupTree.Node, blocks: [HTMLText.Block], dropTitle: String? = nil, plainText: Bool = false) {
        var sections: [PostingSection] = []
        var heading: String?
        var lines: [String] = []
        var furniture = false
        var textLines: [String] = []
        textLines.reserveCapacity(blocks.count)
        // A sub-heading that names no kind ("Research & Reference Services" under "Essential Functions")
        // belongs to the kind of the heading above it.
        var kindAbove: [(level: Int, kind: PostingSection.Kind)] = []
        var currentKind: PostingSection.Kind = .other
        func close() {
            if !lines.isEmpty && !furniture {
                sections.append(PostingSection(kind: currentKind, heading: heading, text: FastText.joinedLines(lines)))
            }
            lines = []
        }
        func read(_ block: HTMLText.Block) {
            if block.isHeading {
                if let dropTitle, block.text == dropTitle, sections.isEmpty, lines.isEmpty { return }
                close()
                heading = block.text
                furniture = SectionClassifier.isPageFurniture(block.text)
                let level = block.level ?? 7
                let named = SectionClassifier.kind(ofHeading: block.text)
                var kind = named
                while let last = kindAbove.last, last.level >= level { kindAbove.removeLast() }
                if kind == .other, let parent = kindAbove.last { kind = parent.kind }
                if named != .other || kindAbove.isEmpty { kindAbove.append((level, kind)) }
                currentKind = kind
                if !furniture { textLines.append(block.text) }
            } else {
                lines.append(block.text)
                if !furniture { textLines.append(block.text) }
            }
        }
        // "Required ● Master's degree … ● Experience with …": a run-in label before a bulleted list in one
        // paragraph is a heading, and each bullet a line.
        // "RESPONSIBILITIES: Plans, organizes …": in plain text (old job boards' feeds), a capitalised label
        // opening a paragraph is a heading, and the rest of the paragraph its text.
        for block in blocks {
            let capital = block.isHeading || !plainText ? nil : Self.capitalLabel(block.text).map { ($0.0, [$0.1]) }
            guard !block.isHeading, let (label, items) = capital ?? Self.runInLabel(block.text) else {
                read(block)
                continue
            }
            var labelBlock = block
            labelBlock.text = label
            labelBlock.isHeading = true
            labelBlock.level = 7
            read(labelBlock)
            for item in items {
                var line = block
                line.text = item
                read(line)
            }
        }
        close()
        self.sections = sections
        self.text = FastText.joinedLines(textLines)
        self.html = HTMLSanitizer.html(tree, node)
    }


    /// Splits "Required ● A ● B" into ("Required", ["A", "B"]) when the words before the first bullet (at
    /// most four, no digits) name a list of qualifications or duties; nil otherwise.
    static func runInLabel(_ text: String) -> (String, [String])? {
        // The label is at most four words, so the first bullet is near the start. Every bullet is three
        // bytes, which a byte test finds without reading characters: most paragraphs have none at all.
        guard let offset = FastText.firstBulletOffset(text) else { return nil }
        let first: String.Index
        if Self.isPlainBullet(text, at: offset) {
            guard offset < 60 else { return nil }
            first = text.utf8.index(text.startIndex, offsetBy: offset)
        } else {
            guard let found = text.prefix(60).firstIndex(where: FastText.isBulletCharacter) else { return nil }
            first = found
        }
        let label = text[..<first].trimmingSpaces.trimming(":")
        // Only the labels of qualification and duty lists: "Salary: $55,000 • Full-time" or "Apply by March 1 •
        // Open until filled" must not turn what follows into compensation or application text.
        guard !label.isEmpty, FastText.split(label, separator: 0x20).count <= 4, !FastText.hasDigit(label),
              [.required, .preferred, .duties].contains(SectionClassifier.kind(ofHeading: label)) else { return nil }
        let pieces: [Substring]
        let firstOffset = text.utf8.distance(from: text.startIndex, to: first)
        if let offsets = FastText.plainBulletOffsets(text, from: firstOffset) {
            // Only ASCII between the bullets: cut on their bytes (empty pieces go with the trimming below).
            let utf8 = text.utf8
            pieces = zip(offsets, offsets.dropFirst() + [utf8.count]).map { from, to in
                text[utf8.index(utf8.startIndex, offsetBy: from + 3)..<utf8.index(utf8.startIndex, offsetBy: to)]
            }
        } else {
            pieces = text[first...].split(whereSeparator: FastText.isBulletCharacter)
        }
        let items = pieces.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        guard !items.isEmpty else { return nil }
        return (label, items)
    }

    /// True when the first bullet scalar, at UTF-8 `offset`, has only ASCII before it (no carriage return)
    /// and after it: then it is a character of its own (no mark or joiner can attach to it) and the text's
    /// first bullet character, at character position `offset`.
    private static func isPlainBullet(_ text: String, at offset: Int) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let before = UnsafeBufferPointer(rebasing: bytes[..<offset])
            return (offset + 3 >= bytes.count || bytes[offset + 3] < 0x80)
                && FastText.firstNonASCII(in: before, from: 0) == offset && !before.contains(0x0D)
        }
    }

    /// Splits "REQUIRED QUALIFICATIONS: ALA-accredited MLS …" into the label and the rest, when the label (at
    /// most four words before a colon near the start) is in capitals and names a kind of section.
    static func capitalLabel(_ text: String) -> (String, String)? {
        guard let colon = text.utf8.prefix(40).firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let label = String(text[..<colon]).trimmingSpaces
        let letters = label.unicodeScalars.filter(\.isAlphabeticFast)
        guard letters.count >= 3, letters.allSatisfy({ $0.properties.isUppercase }), FastText.split(label, separator: 0x20).count <= 4,
              SectionClassifier.kind(ofHeading: label) != .other else { return nil }
        let rest = String(text[text.utf8.index(after: colon)...]).trimmingSpaces
        guard !rest.isEmpty else { return nil }
        return (label, rest)
    }

    /// Reads an HTML fragment (a feed item's description).
    public init(fragment: String, baseURI: String?, plainText: Bool = false) {
        let (tree, body) = HTMLParser.parseFragmentInPlace(fragment, baseURI: baseURI)
        if tree.isEmpty {
            self.init(sections: [], text: "", html: "")
        } else {
            self.init(tree, body, plainText: plainText)
        }
    }

    private init(sections: [PostingSection], text: String, html: String) {
        self.sections = sections
        self.text = text
        self.html = html
    }
}
