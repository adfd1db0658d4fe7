/// A posting's body read from HTML: its sections, its plain text and its sanitized HTML.
public struct PostingBody: Sendable, Hashable {
    public var sections: [PostingSection]
    public var text: String
    public var html: String
    /// The first top-level heading, a candidate for the title.
    public var firstHeading: String?

    /// Reads the body under `node`.
    /// - Parameters:
    ///   - skip: elements to leave out (navigation, banners, "similar jobs").
    ///   - dropTitle: a heading equal to this text (the posting's title) does not start a section.
    public init(_ tree: MarkupTree, _ node: MarkupTree.Node, skip: (MarkupTree.Node) -> Bool = { _ in false },
                dropTitle: String? = nil) {
        let blocks = HTMLText.blocks(tree, node, skip: skip)
        var sections: [PostingSection] = []
        var heading: String?
        var lines: [String] = []
        var furniture = false
        var textLines: [String] = []
        firstHeading = blocks.first(where: { $0.isHeading && ($0.level ?? 7) <= 2 })?.text
        func close() {
            if !lines.isEmpty && !furniture {
                let kind = SectionClassifier.kind(ofHeading: heading)
                sections.append(PostingSection(kind: kind, heading: heading, text: lines.joined(separator: "\n")))
            }
            lines = []
        }
        for block in blocks {
            if block.isHeading {
                if let dropTitle, block.text == dropTitle, sections.isEmpty, lines.isEmpty { continue }
                close()
                heading = block.text
                furniture = SectionClassifier.isPageFurniture(block.text)
                if !furniture { textLines.append(block.text) }
            } else {
                lines.append(block.text)
                if !furniture { textLines.append(block.text) }
            }
        }
        close()
        self.sections = sections
        self.text = textLines.joined(separator: "\n")
        self.html = HTMLSanitizer.html(tree, node)
    }

    /// Reads an HTML fragment (a feed item's description).
    public init(fragment: String, baseURI: String?) {
        let tree = HTMLParser.parseFragment(fragment, baseURI: baseURI)
        if tree.isEmpty {
            self.init(sections: [], text: "", html: "", firstHeading: nil)
        } else {
            self.init(tree, tree.root)
        }
    }

    private init(sections: [PostingSection], text: String, html: String, firstHeading: String?) {
        self.sections = sections
        self.text = text
        self.html = html
        self.firstHeading = firstHeading
    }
}
