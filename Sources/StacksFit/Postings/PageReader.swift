/// Reads job postings out of an HTML page: schema.org JSON-LD first, then microdata, then the page's
/// own headed text. Structured data wins where it has a value; the page's text fills the rest.
struct PageReader {
    let input: String

    func read(_ tree: MarkupTree) -> [JobPosting] {
        guard !tree.isEmpty else { return [] }
        let page = PageContent(tree)
        var postings: [JobPosting] = []

        let jsonld = JSONLDReader.postings(in: tree)
        for object in jsonld.objects {
            let source = PostingSource(input: input, format: .htmlJSONLD, index: postings.count)
            postings.append(SchemaOrgMapper.posting(object, source: source, baseURI: tree.baseURI))
        }
        if postings.isEmpty {
            for (object, _) in MicrodataReader.postings(in: tree) {
                let source = PostingSource(input: input, format: .htmlMicrodata, index: postings.count)
                postings.append(SchemaOrgMapper.posting(object, source: source, baseURI: tree.baseURI))
            }
        }
        if postings.isEmpty {
            // A page without structured data is a posting when it has a title and some body text.
            guard page.title != nil, !page.body.text.isEmpty else { return [] }
            var posting = JobPosting(id: "", source: PostingSource(input: input, format: .html, index: 0))
            posting.title = page.title
            postings.append(posting)
        }
        // A single structured posting with a thin description borrows the page's body.
        if postings.count == 1 {
            var only = postings[0]
            if only.text.utf8.count < page.body.text.utf8.count / 2 || only.source.format == .html {
                let structuredSections = only.sections
                only.sections = page.body.sections
                for section in structuredSections where !only.sections.contains(where: { $0.text == section.text }) {
                    only.sections.append(section)
                }
                only.text = page.body.text
                only.descriptionHTML = page.body.html.isEmpty ? only.descriptionHTML : page.body.html
            }
            if only.title == nil { only.title = page.title }
            if only.datePosted == nil { only.datePosted = page.datePosted }
            if only.url == nil { only.url = URIResolver.webLink(page.canonicalURL) }
            postings[0] = only
        }
        for i in postings.indices {
            let contentHash = FieldFiller.fill(&postings[i], header: postings.count == 1 ? page.headerLines : [])
            postings[i].id = PostingID.make(for: postings[i], contentHash: contentHash)
        }
        return postings
    }
}

/// What a page shows as its main content, without navigation, banners and page furniture.
struct PageContent {
    var title: String?
    var body: PostingBody
    var datePosted: PostingDate?
    var canonicalURL: String?
    /// The first few lines of the content after the title: where boards put employer and place.
    var headerLines: [String]

    init(_ tree: MarkupTree) {
        let all = tree.walkDescendants(tree.root).filter { tree.isElement($0) }
        // Decide once per element whether it is page furniture, and read its marker once; the walks below
        // only look them up.
        var furniture = Set<Int32>()
        var markers: [Int32: String] = [:]
        for node in all {
            let marker = PageContent.marker(tree, node)
            if let marker { markers[node.index] = marker }
            if PageContent.isFurniture(tree, node, marker: marker) { furniture.insert(node.index) }
        }
        let skip: (MarkupTree.Node) -> Bool = { node in furniture.contains(node.index) }
        // The main content: <main>, role=main, the largest <article>, or <body>.
        var root = all.first { tree.name($0) == "main" || tree.attribute("role", of: $0) == "main" }
        if root == nil {
            let articles = all.filter { tree.name($0) == "article" }
            root = articles.max { tree.textLength(of: $0) < tree.textLength(of: $1) }
        }
        func marker(_ node: MarkupTree.Node) -> String? { markers[node.index] }
        if root == nil {
            root = all.first { node in
                guard let marker = marker(node) else { return false }
                return ["job-description", "jobdescription", "job-detail", "posting", "job-body", "vacancy"].contains { marker.contains($0) }
            }
        }
        let bodyLength = all.first { tree.name($0) == "body" }.map { tree.textLength(of: $0) } ?? 0
        if let chosen = root, tree.name(chosen) != "main", tree.textLength(of: chosen) * 2 < bodyLength {
            root = nil // a marked container that tag soup closed early holds only part of the posting
        }
        if root == nil {
            root = all.first { node in
                guard let tokens = marker(node)?.split(whereSeparator: { $0 == " " }) else { return false }
                return tokens.contains { ["content", "main", "main-content", "maincontent", "primary", "page-content"].contains(String($0)) }
                    && tree.textLength(of: node) * 2 >= bodyLength
            }
        }
        // Tag soup often closes a marked container early and leaves the posting's last sections beside
        // it: climb while the parent holds a good deal more text than the container.
        if var chosen = root, !["main", "article"].contains(tree.name(chosen)) {
            while let parent = tree.parent(chosen), tree.name(parent) != "body", tree.name(parent) != "html" {
                let inner = tree.textLength(of: chosen)
                guard (tree.textLength(of: parent) - inner) * 4 >= inner else { break }
                chosen = parent
            }
            root = chosen
        }
        let content = root ?? all.first { tree.name($0) == "body" } ?? tree.root

        // Title: the content's <h1>, any <h1>, og:title, <title>.
        var title: String?
        if let h1 = tree.walkDescendants(content).first(where: { tree.isElement($0) && tree.name($0) == "h1" && !skip($0) }) {
            title = HTMLText.collapse(HTMLText.text(tree, h1))
        } else if let h1 = all.first(where: { tree.name($0) == "h1" }) {
            title = HTMLText.collapse(HTMLText.text(tree, h1))
        }
        var metaTitle: String?
        var published: PostingDate?
        for node in all where tree.name(node) == "meta" {
            let key = (tree.attribute("property", of: node) ?? tree.attribute("name", of: node) ?? "").lowercased()
            let value = tree.attribute("content", of: node) ?? ""
            if key == "og:title" { metaTitle = HTMLText.collapse(value) }
            if key == "article:published_time" || key == "date" || key == "dc.date" || key == "datePosted".lowercased() {
                published = published ?? DateParser.parse(value)
            }
        }
        if title?.isEmpty ?? true { title = metaTitle }
        // The content's blocks, read once: for the title when there is no other, and for the body.
        let blocks = HTMLText.blocks(tree, content, skip: skip)
        if title?.isEmpty ?? true {
            // No <h1>: the first short heading or bold line that does not open a known section.
            title = blocks.first { block in
                block.isHeading && block.text.count <= 90 && SectionClassifier.kind(ofHeading: block.text) == .other
                    && !SectionClassifier.isPageFurniture(block.text)
            }?.text
        }
        // (Every prefix ends in a colon: a title without one is not lower-cased to be compared.)
        if let heading = title, FastText.contains(UInt8(ascii: ":"), in: heading) {
            let lowered = heading.lowercased()
            for prefix in ["now hiring:", "we're hiring:", "we are hiring:", "job opening:", "job posting:", "position:",
                           "vacancy:", "employment opportunity:", "job title:", "position title:", "opening:"]
                where lowered.hasPrefix(prefix) {
                title = HTMLText.collapse(heading.dropFirst(prefix.count))
            }
        }
        let documentTitle = all.first(where: { tree.name($0) == "title" })
            .map { PageContent.stripSiteName(HTMLText.collapse(tree.text(of: $0))) }
        if let heading = title, let documentTitle, !documentTitle.isEmpty, heading != documentTitle,
           heading.hasSuffix(documentTitle), tree.walkDescendants(content).first(where: { tree.isElement($0) && tree.name($0) == "h1" }) == nil {
            title = documentTitle // "Now Hiring: Library Director" → "Library Director"
        }
        if title?.isEmpty ?? true { title = documentTitle }
        self.title = (title?.isEmpty ?? true) ? nil : title
        if published == nil,
           let time = tree.walkDescendants(content).first(where: { tree.isElement($0) && tree.name($0) == "time" && !skip($0) }) {
            published = DateParser.parse(tree.attribute("datetime", of: time) ?? tree.text(of: time))
        }
        self.datePosted = published
        self.canonicalURL = all.first { tree.name($0) == "link" && tree.attribute("rel", of: $0)?.lowercased() == "canonical" }
            .flatMap { tree.attribute("href", of: $0) }
            .map { URIResolver.resolve($0, against: tree.baseURI) }
        self.body = PostingBody(tree, content, blocks: blocks, dropTitle: self.title)
        // Only the first lines are wanted: split no further than that.
        self.headerLines = FastText.firstLines(body.text, 4)
    }

    /// "Cataloging Librarian | Jobs at Example" → "Cataloging Librarian".
    static func stripSiteName(_ title: String) -> String {
        for separator in [" | ", " :: ", " « ", " » "] {
            if let r = FastText.firstRange(of: separator, in: title) { return String(title[..<r.lowerBound]).trimmingSpaces }
        }
        return title
    }

    private static let furnitureWords = FastText.Needles([
        "cookie", "consent", "gdpr", "newsletter", "subscribe", "signup", "sign-up", "share", "social",
        "breadcrumb", "sidebar", "related", "similar", "recommended", "more-jobs", "menu", "navbar",
        "skip-link", "advert", "promo", "modal", "popup", "banner", "site-header", "site-footer",
    ])

    /// An element's id and class, lower-cased and joined by a space; nil when it has neither.
    static func marker(_ tree: MarkupTree, _ node: MarkupTree.Node) -> String? {
        let id = tree.attribute("id", of: node), classes = tree.attribute("class", of: node)
        guard id != nil || classes != nil else { return nil }
        return ((id ?? "") + " " + (classes ?? "")).lowercased()
    }

    private static let furnitureTokens: Set<Substring> = ["header", "nav", "topnav", "footer", "masthead", "menu", "sidebar", "breadcrumbs", "breadcrumb"]
    /// A quick test that a marker may hold one of the tokens (as text, before it is cut into tokens).
    private static let furnitureTokenHeads = FastText.Needles(furnitureTokens.map(String.init))

    /// Navigation, site header and footer, sidebars, forms, cookie banners, "similar jobs" lists.
    /// - Parameter marker: the element's ``marker(_:_:)``.
    static func isFurniture(_ tree: MarkupTree, _ node: MarkupTree.Node, marker: String?) -> Bool {
        let name = tree.name(node)
        // (Compared one by one: five comparisons of short strings cost less than hashing the name.)
        switch name {
        case "nav", "aside", "form", "footer", "dialog": return true
        default: break
        }
        // Most elements have no attribute, and only a header is furniture by its name alone.
        if tree.attributes(node).isEmpty && name != "header" { return false }
        let marker = marker ?? ""
        if furnitureTokenHeads.occurs(in: marker), FastText.split(marker, separator: 0x20).contains(where: furnitureTokens.contains),
           !tree.isDescendant(node, of: tree.root) || !["main", "article"].contains(tree.name(node)) {
            return true
        }
        if name == "header" {
            // A page header is furniture; an article's own header holds its title.
            var parent = tree.parent(node)
            while let p = parent {
                if ["article", "main"].contains(tree.name(p)) { return false }
                parent = tree.parent(p)
            }
            return true
        }
        if let role = tree.attribute("role", of: node)?.lowercased(),
           ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"].contains(role) {
            return true
        }
        if tree.attribute("hidden", of: node) != nil || tree.attribute("aria-hidden", of: node) == "true" { return true }
        if let style = tree.attribute("style", of: node)?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.includes("display:none") || style.includes("visibility:hidden") {
            return true
        }
        guard !marker.trimmingSpaces.isEmpty else { return false }
        if marker.includes("job-description") || marker.includes("posting") && !marker.includes("similar") { return false }
        return furnitureWords.occurs(in: marker)
    }
}

import Foundation
