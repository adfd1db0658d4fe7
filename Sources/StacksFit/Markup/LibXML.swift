import CLibXML2

/// The one place that sets libxml2 up and turns its C trees into ``MarkupTree`` values.
///
/// Every C pointer stays inside the functions of this folder; nothing here is public.
enum LibXML {
    /// Initialises libxml2 exactly once per process and installs an entity loader that refuses
    /// every external resource (files, network, DTDs). Called by every parser before it starts.
    static let ready: Bool = {
        stacksfit_xml_init()
        return true
    }()

    /// A Swift string from a libxml2 string (nil stays nil).
    @inline(__always)
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// Copies the subtree under `top` into `tree`, iteratively, below `parent`. (Feeds' XML, read item by
    /// item; HTML is built from the parser's events by ``HTMLTreeBuilder`` instead.)
    ///
    /// - Parameters:
    ///   - top: the first node to copy (copied together with its following siblings when
    ///     `withSiblings` is true).
    ///   - expander: resolves declared internal entities within a fixed budget.
    static func copy(_ top: xmlNodePtr, withSiblings: Bool, into tree: inout MarkupTree, parent: Int32,
                     expander: inout EntityExpander) {
        var stack: [(node: xmlNodePtr, parent: Int32)] = []
        var cursor: xmlNodePtr? = top
        var parentIndex = parent
        // Walk siblings left to right; descend by pushing the return point.
        while true {
            guard let node = cursor else {
                guard let (resume, resumeParent) = stack.popLast() else { return }
                if !withSiblings && stack.isEmpty && resume == top { return }
                cursor = resume.pointee.next
                parentIndex = resumeParent
                continue
            }
            let line = Int32(clamping: xmlGetLineNo(node))
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = string(node.pointee.name) ?? ""
                let ns = node.pointee.ns.flatMap { string($0.pointee.href) }
                var attributes: [MarkupTree.Attribute] = []
                var attr = node.pointee.properties
                while let a = attr {
                    let value = attributeValue(a, expander: &expander)
                    attributes.append(MarkupTree.Attribute(
                        name: string(a.pointee.name) ?? "",
                        namespace: a.pointee.ns.flatMap { string($0.pointee.href) },
                        value: value))
                    attr = a.pointee.next
                }
                let index = tree.append(.element, name: name, namespace: ns, attributes: attributes,
                                        parent: parentIndex, line: line)
                if let child = node.pointee.children {
                    stack.append((node, parentIndex))
                    parentIndex = index
                    cursor = child
                    continue
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = string(node.pointee.content), !content.isEmpty {
                    tree.append(.text, text: TextRepair.clean(content), parent: parentIndex, line: line)
                }
            case XML_ENTITY_REF_NODE:
                let expanded = expander.expand(name: string(node.pointee.name) ?? "", doc: node.pointee.doc)
                if !expanded.isEmpty {
                    tree.append(.text, text: expanded, parent: parentIndex, line: line)
                }
            default:
                break // comments, processing instructions, DTD nodes: not content
            }
            if !withSiblings && stack.isEmpty && node == top { return }
            cursor = node.pointee.next
        }
    }

    private static func attributeValue(_ attr: xmlAttrPtr, expander: inout EntityExpander) -> String {
        var value = ""
        var child = attr.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                value += string(c.pointee.content) ?? ""
            case XML_ENTITY_REF_NODE:
                value += expander.expand(name: string(c.pointee.name) ?? "", doc: c.pointee.doc)
            default:
                break
            }
            child = c.pointee.next
        }
        return TextRepair.clean(value)
    }
}

/// Expands references to entities that a document declares in its internal subset, reading at most
/// a fixed number of characters per document, so that "billion laughs" and quadratic blow-ups end
/// early instead of filling memory. External entities are never read.
struct EntityExpander {
    /// Characters still allowed.
    private(set) var budget: Int
    /// True once an expansion was cut short.
    private(set) var exhausted = false

    init(budget: Int = 1 << 20) { self.budget = budget }

    mutating func expand(name: String, doc: xmlDocPtr?, depth: Int = 0) -> String {
        guard budget > 0, depth < 8, let doc else {
            if budget <= 0 || depth >= 8 { exhausted = true }
            return ""
        }
        let entity: xmlEntityPtr? = name.withCString { xmlGetDocEntity(doc, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        guard let entity else { return "" }
        switch entity.pointee.etype {
        case XML_INTERNAL_GENERAL_ENTITY:
            break
        case XML_INTERNAL_PREDEFINED_ENTITY:
            return LibXML.string(entity.pointee.content) ?? ""
        default:
            return "" // external: never loaded
        }
        let raw = LibXML.string(entity.pointee.content) ?? ""
        var output = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            guard let semi = rest[afterAmp...].firstIndex(of: ";"),
                  rest.distance(from: afterAmp, to: semi) <= 40 else {
                output.append("&")
                rest = rest[afterAmp...]
                continue
            }
            let reference = String(rest[afterAmp..<semi])
            if reference.hasPrefix("#"), let scalar = CharacterReference.scalar(reference) {
                output.unicodeScalars.append(scalar)
            } else {
                output += expand(name: reference, doc: doc, depth: depth + 1)
            }
            rest = rest[rest.index(after: semi)...]
            if output.utf8.count > budget { break }
        }
        output += rest
        if output.utf8.count > budget {
            exhausted = true
            output = String(output.utf8.prefix(budget)) ?? ""
        }
        budget -= output.utf8.count
        return output
    }
}

/// Numeric character references ("#233", "#xE9").
enum CharacterReference {
    static func scalar(_ reference: String) -> Unicode.Scalar? {
        var digits = reference.dropFirst()
        var radix = 10
        if digits.first == "x" || digits.first == "X" {
            digits = digits.dropFirst()
            radix = 16
        }
        guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: radix) else { return nil }
        return Unicode.Scalar(value)
    }
}
