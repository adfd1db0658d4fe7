import Foundation

/// Reads RSS 0.90–2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 feeds item by item into ``JobPosting`` values.
struct FeedReader {
    enum NS {
        static let dc = "http://purl.org/dc/elements/1.1/"
        static let dcterms = "http://purl.org/dc/terms/"
        static let content = "http://purl.org/rss/1.0/modules/content/"
        static let atom10 = "http://www.w3.org/2005/Atom"
        static let atom03 = "http://purl.org/atom/ns#"
        static let xhtml = "http://www.w3.org/1999/xhtml"
        static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
        static let rss10 = "http://purl.org/rss/1.0/"
    }

    let input: String
    let baseURI: String?

    /// Streams the feed, calling `emit` for each item as soon as it is read.
    /// - Returns: the reader's summary (root, diagnostics, well-formedness) and the feed's format.
    /// - Parameter format: the format the sniffer saw in the document element.
    func read(_ utf8: [UInt8], format: PostingSource.Format, decodedLossy: Bool,
              emit: (JobPosting) -> Void) -> XMLStreamReader.Summary {
        var feedTitle: String?
        var feedLink: String?
        var index = 0
        var rootIsAtom = format == .atom
        let summary = XMLStreamReader.read(utf8, baseURI: baseURI, decodedLossy: decodedLossy, classify: { name, namespace, depth in
            if depth == 0 {
                rootIsAtom = name == "feed"
                return .descend
            }
            if name == "item" || name == "entry" { return .record }
            if depth == 1 && name == "channel" { return .descend }
            if (name == "title" || name == "link") && namespace != NS.dc && (depth == 2 || (depth == 1 && rootIsAtom)) {
                return .header
            }
            return .skip
        }, handle: { kind, tree, wellFormedSoFar in
            let node = tree.root
            switch kind {
            case .header:
                if tree.name(node) == "title", feedTitle == nil {
                    feedTitle = Self.textConstruct(tree, node).text
                } else if tree.name(node) == "link", feedLink == nil || tree.attribute("rel", of: node) == "alternate" {
                    if let link = Self.link(tree, node) { feedLink = link }
                }
            case .record:
                var posting = item(tree, node, index: index, format: format)
                posting.source.feedTitle = feedTitle
                posting.source.feedLink = feedLink
                posting.source.wellFormed = wellFormedSoFar
                emit(posting)
                index += 1
            default:
                break
            }
        })
        return summary
    }

    /// Which RSS 0.90 / 1.0 flavour an RDF feed is, from the item namespace (used when no root version exists).
    static func format(forItemNamespace namespace: String?) -> PostingSource.Format? {
        switch namespace {
        case NS.rss090: return .rss090
        case NS.rss10: return .rss1
        default: return nil
        }
    }

    // MARK: - one item

    private func item(_ tree: MarkupTree, _ node: MarkupTree.Node, index: Int, format: PostingSource.Format) -> JobPosting {
        let base = itemBase(tree, node)
        let children = tree.elements(node)
        func first(_ name: String, _ namespaces: [String?]) -> MarkupTree.Node? {
            children.first { tree.name($0) == name && namespaces.contains(tree.namespace($0)) }
        }
        let plain: [String?] = [nil, NS.rss10, NS.rss090, NS.atom10, NS.atom03]
        let itemFormat = Self.format(forItemNamespace: tree.namespace(node)) ?? format

        // Title.
        var title: String?
        if let t = first("title", plain) ?? first("title", [NS.dc]) {
            title = Self.textConstruct(tree, t).text
        }

        // Link: Atom alternate first; RSS <link>; a permalink guid; rdf:about.
        var link: String?
        let links = children.filter { tree.name($0) == "link" && tree.namespace($0) != NS.dc }
        let alternates = links.filter {
            let rel = tree.attribute("rel", of: $0)?.lowercased()
            return rel == nil || rel == "alternate" || rel == ""
        }
        for candidate in alternates {
            if let value = Self.link(tree, candidate, base: baseFor(tree, candidate, itemBase: base)) {
                link = value
                break
            }
        }

        // Guid / id.
        var guid: String?
        var guidIsPermalink = false
        if let g = first("guid", plain) {
            guid = tree.text(of: g).trimmingWhitespace
            guidIsPermalink = (tree.attribute("isPermaLink", of: g) ?? "true").lowercased() != "false"
        } else if let i = first("id", plain) {
            guid = tree.text(of: i).trimmingWhitespace
        } else if let about = tree.attribute("about", namespace: NS.rdf, of: node) {
            guid = about.trimmingSpaces
        }
        if guid?.isEmpty == true { guid = nil }
        if link == nil, let g = guid, guidIsPermalink, g.hasPrefix("http://") || g.hasPrefix("https://") {
            link = g
        }
        if link == nil, let about = tree.attribute("about", namespace: NS.rdf, of: node), URIResolver.isAbsolute(about) {
            link = about
        }

        // Author.
        var author: String?
        if let a = first("author", plain) {
            if let name = tree.firstElement(a, named: "name") {
                author = HTMLText.collapse(tree.text(of: name))
            } else {
                author = Self.personName(HTMLText.collapse(tree.text(of: a)))
            }
        }
        if author?.isEmpty ?? true, let c = first("creator", [NS.dc]) ?? first("author", [NS.dc]) {
            author = Self.personName(HTMLText.collapse(tree.text(of: c)))
        }
        if author?.isEmpty == true { author = nil }

        // Categories.
        var categories: [String] = []
        for c in children where (tree.name(c) == "category" && plain.contains(tree.namespace(c)))
            || (tree.name(c) == "subject" && tree.namespace(c) == NS.dc) {
            let value = tree.attribute("term", of: c) ?? HTMLText.collapse(tree.text(of: c))
            let term = HTMLText.collapse(value)
            if !term.isEmpty && !categories.contains(term) { categories.append(term) }
        }

        // Dates.
        func date(_ names: [(String, [String?])]) -> PostingDate? {
            for (name, namespaces) in names {
                if let n = first(name, namespaces), let d = DateParser.parse(tree.text(of: n)) { return d }
            }
            return nil
        }
        let published = date([("pubDate", plain), ("published", plain), ("issued", plain), ("date", [NS.dc]),
                              ("issued", [NS.dcterms]), ("created", [NS.dcterms]), ("created", plain)])
        let updated = date([("updated", plain), ("modified", plain), ("modified", [NS.dcterms])])

        // Body: the fullest one present.
        let bodyNode = first("encoded", [NS.content]) ?? first("body", [NS.xhtml]) ?? first("fullitem", plain)
            ?? first("content", plain) ?? first("description", plain) ?? first("summary", plain)
            ?? first("description", [NS.dc])
        var body: PostingBody?
        if let bodyNode {
            body = Self.body(tree, bodyNode, base: baseFor(tree, bodyNode, itemBase: base))
        }

        let source = PostingSource(input: input, format: itemFormat, index: index)
        var posting = JobPosting(id: "", source: source)
        posting.title = title.flatMap { $0.isEmpty ? nil : $0 }
        posting.url = URIResolver.webLink(link)
        posting.guid = guid
        posting.author = author
        posting.categories = categories
        posting.datePosted = published ?? updated
        posting.dateUpdated = published == nil ? nil : updated
        if let body {
            posting.sections = body.sections
            posting.text = body.text
            posting.descriptionHTML = body.html.isEmpty ? nil : body.html
        }
        let contentHash = FieldFiller.fill(&posting)
        posting.id = PostingID.make(for: posting, contentHash: contentHash)
        return posting
    }

    // MARK: - helpers

    private func itemBase(_ tree: MarkupTree, _ node: MarkupTree.Node) -> String? {
        if let xmlBase = tree.attribute("base", namespace: HTMLSanitizer.xmlNamespace, of: node) {
            return URIResolver.resolve(xmlBase, against: tree.baseURI)
        }
        return tree.baseURI
    }

    /// The base in force inside `node`, from the `xml:base` attributes between it and the item.
    private func baseFor(_ tree: MarkupTree, _ node: MarkupTree.Node, itemBase: String?) -> String? {
        var chain: [String] = []
        var current: MarkupTree.Node? = node
        while let c = current, c != tree.root {
            if let b = tree.attribute("base", namespace: HTMLSanitizer.xmlNamespace, of: c) { chain.append(b) }
            current = tree.parent(c)
        }
        var base = itemBase
        for b in chain.reversed() { base = URIResolver.resolve(b, against: base) }
        return base
    }

    /// An Atom `<link href>` or an RSS `<link>text</link>`, resolved.
    static func link(_ tree: MarkupTree, _ node: MarkupTree.Node, base: String? = nil) -> String? {
        let baseURI = base ?? tree.baseURI
        if let href = tree.attribute("href", of: node) {
            let trimmed = href.trimmingWhitespace
            return URIResolver.resolve(trimmed, against: baseURI)
        }
        let text = tree.text(of: node).trimmingWhitespace
        guard !text.isEmpty else { return nil }
        return URIResolver.resolve(text, against: baseURI)
    }

    /// "Jane Doe (jane@example.org)" or "jane@example.org (Jane Doe)" → "Jane Doe".
    static func personName(_ value: String) -> String {
        // "Jane Doe <jane@example.org>"
        if let lt = value.firstIndex(of: "<"), value.hasSuffix(">"), value[lt...].contains("@") {
            let name = value[..<lt].trimmingSpaces
            if !name.isEmpty { return name }
        }
        guard let open = value.firstIndex(of: "("), value.hasSuffix(")") else { return value }
        let outside = value[..<open].trimmingSpaces
        let inside = value[value.index(after: open)..<value.index(before: value.endIndex)].trimmingSpaces
        if outside.contains("@") && !inside.contains("@") { return inside }
        if inside.contains("@") && !outside.isEmpty { return outside }
        return value
    }

    /// How a text element is to be read.
    enum Content { case text, html, xhtml, base64Text, base64HTML }

    static func contentKind(_ tree: MarkupTree, _ node: MarkupTree.Node) -> Content {
        let type = tree.attribute("type", of: node)?.lowercased().trimmingSpaces ?? ""
        let mode = tree.attribute("mode", of: node)?.lowercased() ?? ""
        let isAtom = tree.namespace(node) == NS.atom10 || tree.namespace(node) == NS.atom03
        if mode == "base64" { return type.contains("html") ? .base64HTML : .base64Text }
        switch type {
        case "xhtml", "application/xhtml+xml": return .xhtml
        case "html", "text/html": return mode == "xml" ? .xhtml : .html
        case "text", "text/plain": return .text
        case "":
            if isAtom && tree.name(node) == "title" && tree.namespace(node) == NS.atom10 { return .text }
            if isAtom && (tree.name(node) == "content" || tree.name(node) == "summary") && tree.namespace(node) == NS.atom10 {
                return tree.elements(node).isEmpty ? .text : .xhtml
            }
            return .html
        default:
            if type.hasPrefix("text/") { return .text }
            if type.hasSuffix("+xml") || type.hasSuffix("/xml") { return .xhtml }
            return isAtom ? .base64HTML : .html
        }
    }

    /// A title-like element's text: markup in html and xhtml constructs stripped.
    static func textConstruct(_ tree: MarkupTree, _ node: MarkupTree.Node) -> (text: String, html: String) {
        switch contentKind(tree, node) {
        case .text:
            let text = HTMLText.collapse(tree.text(of: node))
            var html = ""
            HTMLSanitizer.escape(text, into: &html, attribute: false)
            return (text, html)
        case .xhtml:
            let target = tree.elements(node).count == 1 && tree.name(tree.elements(node)[0]) == "div" ? tree.elements(node)[0] : node
            return (HTMLText.collapse(HTMLText.text(tree, target)), HTMLSanitizer.html(tree, target))
        case .base64Text, .base64HTML:
            let decoded = Data(base64Encoded: tree.text(of: node).filter { !$0.isWhitespace }).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let fragment = HTMLParser.parseFragment(decoded)
            return fragment.isEmpty ? ("", "") : (HTMLText.collapse(HTMLText.text(fragment, fragment.root)), HTMLSanitizer.html(fragment, fragment.root))
        case .html:
            if !tree.elements(node).isEmpty {
                return (HTMLText.collapse(HTMLText.text(tree, node)), HTMLSanitizer.html(tree, node))
            }
            let raw = tree.text(of: node)
            guard looksLikeMarkup(raw) else {
                let text = HTMLText.collapse(raw)
                var html = ""
                HTMLSanitizer.escape(text, into: &html, attribute: false)
                return (text, html)
            }
            let fragment = HTMLParser.parseFragment(raw)
            guard !fragment.isEmpty else { return (HTMLText.collapse(raw), "") }
            return (HTMLText.collapse(HTMLText.text(fragment, fragment.root)), HTMLSanitizer.html(fragment, fragment.root))
        }
    }

    /// A body element read as HTML (escaped, CDATA, inline XHTML or base64) or as plain text.
    static func body(_ tree: MarkupTree, _ node: MarkupTree.Node, base: String?) -> PostingBody {
        switch contentKind(tree, node) {
        case .text:
            return plainBody(tree.text(of: node), base: base)
        case .xhtml:
            var scoped = tree.subtree(node)
            scoped.baseURI = base
            let divs = scoped.elements(scoped.root)
            let target = divs.count == 1 && scoped.name(divs[0]) == "div" && scoped.children(scoped.root).filter({ scoped.isElement($0) || !HTMLText.collapse(scoped.ownText($0)).isEmpty }).count == 1 ? divs[0] : scoped.root
            return PostingBody(scoped, target)
        case .base64Text, .base64HTML:
            let decoded = Data(base64Encoded: tree.text(of: node).filter { !$0.isWhitespace }).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return PostingBody(fragment: decoded, baseURI: base)
        case .html:
            if !tree.elements(node).isEmpty {
                var scoped = tree.subtree(node)
                scoped.baseURI = base
                return PostingBody(scoped, scoped.root)
            }
            let raw = tree.text(of: node)
            // "<![CDATA[ <!DOCTYPE ]]>" or "salary < $50k" is text, which an HTML parser would eat.
            return looksLikeMarkup(raw) ? PostingBody(fragment: raw, baseURI: base) : plainBody(raw, base: base)
        }
    }

    /// Plain text as a body: one paragraph per line, so labels such as "Responsibilities:" still start sections.
    static func plainBody(_ text: String, base: String?) -> PostingBody {
        let raw = text.trimmingWhitespace
        var escaped = ""
        HTMLSanitizer.escape(raw, into: &escaped, attribute: false)
        let paragraphs = raw.split(separator: "\n").map { line -> String in
            var p = ""
            HTMLSanitizer.escape(String(line), into: &p, attribute: false)
            return "<p>" + p + "</p>"
        }
        var body = PostingBody(fragment: paragraphs.joined(), baseURI: base, plainText: true)
        body.html = escaped
        return body
    }

    /// Whether text declared or taken to be HTML holds any: a tag ("<b", "</p"), a comment, or a character
    /// reference ("&amp;", "&#233;"). Feedparser asks the same before it reads text as HTML.
    static func looksLikeMarkup(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x3C, i + 1 < n {
                let c = bytes[i + 1]
                if (c | 0x20) &- 0x61 < 26 || c == 0x2F { return true }
                if c == 0x21, i + 3 < n, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D { return true }
            } else if b == 0x26 {
                var j = i + 1
                if j < n, bytes[j] == 0x23 { j += 1 }
                let start = j
                while j < n, j - start < 32, (bytes[j] | 0x20) &- 0x61 < 26 || bytes[j] &- 0x30 < 10 { j += 1 }
                if j > start, j < n, bytes[j] == 0x3B { return true }
            }
            i += 1
        }
        return false
    }
}
