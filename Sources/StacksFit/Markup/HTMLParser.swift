import CLibXML2

/// Parses HTML, however broken, with libxml2's HTML parser into a ``MarkupTree``.
///
/// Options: recover from every error, never touch the network, no depth limit (so a 300-deep tag
/// soup keeps its text; every walk over the result is iterative), and the input is always UTF-8
/// (``TextDecoder`` has transcoded it), so `<meta charset>` is not obeyed twice.
public enum HTMLParser {
    /// Parses a whole HTML document.
    /// - Parameters:
    ///   - utf8: the document as UTF-8 bytes.
    ///   - baseURI: the document's address, used to resolve relative links.
    /// - Returns: the tree rooted at `<html>`; an empty tree for empty input.
    public static func parse(_ utf8: [UInt8], baseURI: String? = nil) -> MarkupTree {
        _ = LibXML.ready
        guard !utf8.isEmpty, let ctxt = htmlNewParserCtxt() else {
            var tree = MarkupTree()
            tree.baseURI = baseURI
            return tree
        }
        defer { htmlFreeParserCtxt(ctxt) }
        // A tag with thousands of attributes would take libxml2 quadratic time.
        let capped = AttributeCap.apply(utf8, html: true)
        var tree = HTMLTreeBuilder.parse(capped.bytes, context: ctxt, baseURI: baseURI, options: options)
        if let warning = AttributeCap.diagnostic(capped) { tree.diagnostics.append(warning) }
        return tree
    }

    /// libxml2's options for every HTML document.
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        | XML_PARSE_HUGE.rawValue)

    /// Parses a fragment of HTML (a feed item's description, a JSON-LD description).
    /// - Returns: a tree whose root is the `<body>` that holds the fragment.
    public static func parseFragment(_ html: String, baseURI: String? = nil) -> MarkupTree {
        let (document, body) = parseFragmentInPlace(html, baseURI: baseURI)
        return body == document.root ? document : document.subtree(body)
    }

    /// Parses a fragment and gives the whole document with the `<body>` that holds the fragment (the
    /// root when there is none), for readers that need not copy the body out into a tree of its own.
    static func parseFragmentInPlace(_ html: String, baseURI: String? = nil) -> (tree: MarkupTree, body: MarkupTree.Node) {
        let document = parse(Array(("<html><body>" + html).utf8), baseURI: baseURI)
        guard !document.isEmpty, let body = document.firstElement(document.root, named: "body") else { return (document, document.root) }
        return (document, body)
    }
}

extension MarkupTree {
    /// A copy of the subtree under `node`, with `node` as its root.
    public func subtree(_ node: Node) -> MarkupTree {
        var copy = MarkupTree()
        copy.baseURI = baseURI
        var map: [Int32: Int32] = [node.index: 0]
        let top = storage[Int(node.index)]
        copy.append(top.kind, name: name(node), namespace: namespace(node), text: ownText(node),
                    attributes: Array(attributes(node)), parent: -1, line: top.line)
        for d in walkDescendants(node) {
            let s = storage[Int(d.index)]
            let newIndex = copy.append(s.kind, name: name(d), namespace: namespace(d), text: ownText(d),
                                       attributes: Array(attributes(d)), parent: map[s.parent] ?? 0, line: s.line)
            map[d.index] = newIndex
        }
        return copy
    }
}
