/// Reads schema.org JobPosting items written as HTML microdata into the same shape as JSON-LD.
enum MicrodataReader {
    /// Every `itemscope` whose `itemtype` is JobPosting, as a JSON-LD-like dictionary.
    static func postings(in tree: MarkupTree) -> [(object: [String: Any], node: MarkupTree.Node)] {
        var result: [([String: Any], MarkupTree.Node)] = []
        for node in tree.walkDescendants(tree.root) where tree.isElement(node) {
            guard tree.attribute("itemscope", of: node) != nil,
                  let type = tree.attribute("itemtype", of: node), type.hasSuffix("JobPosting") else { continue }
            result.append((item(tree, node, depth: 0), node))
        }
        return result
    }

    private static func item(_ tree: MarkupTree, _ scope: MarkupTree.Node, depth: Int) -> [String: Any] {
        var object: [String: Any] = [:]
        if let type = tree.attribute("itemtype", of: scope) {
            object["@type"] = String(type.split(separator: "/").last ?? Substring(type))
        }
        guard depth < 8 else { return object }
        var skipBelow: [MarkupTree.Node] = []
        for node in tree.walkDescendants(scope) where tree.isElement(node) {
            if skipBelow.contains(where: { tree.isDescendant(node, of: $0) }) { continue }
            let nestedScope = tree.attribute("itemscope", of: node) != nil
            if let names = tree.attribute("itemprop", of: node) {
                let value: Any = nestedScope ? item(tree, node, depth: depth + 1) : propertyValue(tree, node)
                for name in names.split(whereSeparator: \.isWhitespace).map(String.init) {
                    if let existing = object[name] {
                        if var list = existing as? [Any], !(existing is [String: Any]) {
                            list.append(value)
                            object[name] = list
                        } else {
                            object[name] = [existing, value]
                        }
                    } else {
                        object[name] = value
                    }
                }
            }
            if nestedScope { skipBelow.append(node) }
        }
        return object
    }

    private static func propertyValue(_ tree: MarkupTree, _ node: MarkupTree.Node) -> Any {
        let name = tree.name(node)
        switch name {
        case "meta": return tree.attribute("content", of: node) ?? ""
        case "a", "link", "area": return URIResolver.resolve(tree.attribute("href", of: node) ?? "", against: tree.baseURI)
        case "img", "audio", "video", "source", "iframe", "embed", "track":
            return URIResolver.resolve(tree.attribute("src", of: node) ?? "", against: tree.baseURI)
        case "object": return tree.attribute("data", of: node) ?? ""
        case "time": return tree.attribute("datetime", of: node) ?? HTMLText.collapse(tree.text(of: node))
        case "data", "meter": return tree.attribute("value", of: node) ?? HTMLText.collapse(tree.text(of: node))
        default:
            if tree.attribute("itemprop", of: node)?.split(separator: " ").contains("description") == true {
                return MicrodataHTML(html: HTMLSanitizer.html(tree, node))
            }
            if let content = tree.attribute("content", of: node) { return content }
            return HTMLText.collapse(HTMLText.text(tree, node))
        }
    }
}

/// A microdata `description` kept as sanitized HTML (JSON-LD descriptions are HTML strings too).
struct MicrodataHTML {
    var html: String
}
