/// Writes a tree back out as HTML that is safe to show in a browser.
///
/// Only an allow-list of elements and attributes survives: no `script`, `style`, `iframe`, forms or
/// embedded objects (dropped with their content), no event handlers, no `style` attributes, and only
/// `http`, `https`, `mailto` and relative URLs (resolved against the tree's base) in `href` and `src`.
/// Unknown elements are unwrapped: their text stays, their tags go.
public enum HTMLSanitizer {
    static let allowed: Set<String> = [
        "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "center", "cite",
        "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
        "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre",
        "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "section", "article", "header", "footer",
        "time", "mark", "details", "summary",
    ]
    static let dropped: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
        "button", "select", "textarea", "option", "noscript", "template", "svg", "math", "link", "meta",
        "base", "head", "title", "canvas", "audio", "video", "source", "track", "param", "noembed", "noframes",
    ]
    static let void: Set<String> = ["br", "hr", "img", "col"]
    static let allowedAttributes: Set<String> = [
        "href", "src", "alt", "title", "colspan", "rowspan", "datetime", "cite", "lang", "dir", "abbr",
        "scope", "headers", "span", "start", "type", "width", "height", "align", "valign",
    ]

    private enum Kind { case allowed, void, dropped }

    /// Each listed element's kind, so that an element costs one look-up of its name.
    private static let kinds = NameTable<Kind>({
        var kinds: [String: Kind] = [:]
        for name in allowed { kinds[name] = void.contains(name) ? .void : .allowed }
        for name in dropped { kinds[name] = .dropped }
        return kinds
    }())

    /// The children of `node` (not `node` itself) as sanitized HTML.
    /// - Parameters:
    ///   - tree: the tree.
    ///   - node: the element whose content to write.
    ///   - baseURI: the base for relative links (defaults to the tree's).
    ///   - images: false to replace each image by its alt text, so nothing is fetched (self-contained reports).
    public static func html(_ tree: MarkupTree, _ node: MarkupTree.Node, baseURI: String? = nil, images: Bool = true) -> String {
        let base = baseURI ?? tree.baseURI
        // Written as bytes, made a string once at the end.
        var out: [UInt8] = []
        var open: [Bool] = [] // per entered element: whether a tag was written
        var bases: [String?] = [base]
        tree.walk(node, enter: { child in
            guard tree.isElement(child) else {
                tree.withOwnText(child) { escape($0, into: &out, attribute: false) }
                return false
            }
            let name = tree.name(child)
            let kind = kinds[name]
            if kind == .dropped { return false }
            if !images && name == "img" {
                if let alt = tree.attribute("alt", of: child), !alt.isEmpty { escape("[" + alt + "]", into: &out, attribute: false) }
                return false
            }
            var currentBase = bases.last ?? base
            if let xmlBase = tree.attribute("base", namespace: xmlNamespace, of: child) {
                currentBase = URIResolver.resolve(xmlBase, against: currentBase)
            }
            bases.append(currentBase)
            guard kind == .allowed || kind == .void else {
                open.append(false)
                return true
            }
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            for attribute in tree.attributes(child) where attribute.namespace == nil {
                // HTML's parser gives lower-case names already; XHTML in a feed may not.
                let key = attribute.name.utf8.contains(where: { $0 &- 0x41 < 26 || $0 >= 0x80 }) ? attribute.name.lowercased() : attribute.name
                guard allowedAttributes.contains(key) else { continue }
                var value = attribute.value
                if key == "href" || key == "src" || key == "cite" {
                    guard let safe = safeURL(value, base: currentBase) else { continue }
                    value = safe
                }
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: key.utf8)
                out.append(contentsOf: "=\"".utf8)
                escape(value, into: &out, attribute: true)
                out.append(UInt8(ascii: "\""))
            }
            out.append(contentsOf: (kind == .void ? " />" : ">").utf8)
            open.append(kind != .void)
            return true
        }, exit: { child in
            _ = bases.popLast()
            guard let wrote = open.popLast() else { return }
            if wrote {
                out.append(contentsOf: "</".utf8)
                out.append(contentsOf: tree.name(child).utf8)
                out.append(UInt8(ascii: ">"))
            }
        })
        return String(decoding: out, as: UTF8.self)
    }

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The URL resolved against `base`, or nil when its scheme is not one a posting may link to.
    static func safeURL(_ value: String, base: String?) -> String? {
        if let scheme = URIResolver.scheme(of: value) {
            return ["http", "https", "mailto", "ftp", "tel"].contains(scheme) ? value.trimmingSpaces : nil
        }
        return URIResolver.resolve(value, against: base)
    }

    /// Escapes text for HTML content or a double-quoted attribute.
    public static func escape(_ text: String, into out: inout String, attribute: Bool) {
        let special = text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || ($0 == 0x22 && attribute) }
        guard special else {
            out += text
            return
        }
        var bytes: [UInt8] = []
        escape(text, into: &bytes, attribute: attribute)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes text for HTML content or a double-quoted attribute, as UTF-8 bytes.
    static func escape(_ text: String, into out: inout [UInt8], attribute: Bool) {
        var text = text
        text.withUTF8 { escape($0, into: &out, attribute: attribute) }
    }

    /// Escapes UTF-8 text for HTML content or a double-quoted attribute.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], attribute: Bool) {
        // Runs of plain bytes are copied whole; only the special characters are replaced. Eight
        // bytes without one (most of any text) are passed over with a few operations on one word:
        // a byte that is "<" or ">" once bit 1 is set is 0x3E, and one that is '"' or "&" once bit 2
        // is set is 0x26. (A '"' outside an attribute only sends its eight bytes the slow way.)
        var runStart = 0
        var i = 0
        while i < bytes.count {
            if i + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if !FastText.holdsByte(word | 0x0202_0202_0202_0202, 0x3E) && !FastText.holdsByte(word | 0x0404_0404_0404_0404, 0x26) {
                    i += 8
                    continue
                }
            }
            let entity: StaticString
            switch bytes[i] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22 where attribute: entity = "&quot;"
            default:
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            i += 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}

import Foundation
