/// A parsed document or fragment as a flat, immutable tree of Swift values.
///
/// Nodes live in one array and point at each other by index, so walking, copying and freeing a tree
/// never recurses, however deep the markup nests. Only the types in `Markup/` ever see libxml2; what
/// they hand out is this value.
public struct MarkupTree: Sendable {
    /// A node's position in its tree.
    public struct Node: Hashable, Sendable {
        package let index: Int32
        package init(_ index: Int32) { self.index = index }
    }

    /// One attribute of an element.
    public struct Attribute: Sendable, Hashable {
        /// The local name, lower-cased for HTML.
        public var name: String
        /// The namespace URI, or nil.
        public var namespace: String?
        /// The decoded value.
        public var value: String
    }

    package enum Kind: UInt8, Sendable { case element, text }

    package struct Storage: Sendable {
        var kind: Kind
        var name: String
        var namespace: String?
        var text: String
        var attributes: [Attribute]
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        var line: Int32
    }

    package private(set) var storage: [Storage] = []

    /// The base URI that applies to the root (document address, or the inherited `xml:base`).
    public internal(set) var baseURI: String?

    /// What the parser mended or left out on the way (see ``HTMLParser``), for the reader to report.
    public internal(set) var diagnostics: [MarkupDiagnostic] = []

    /// The root node: the document element, or a synthetic `#fragment` element for fragments.
    public var root: Node { Node(0) }

    /// True when the tree holds no node at all.
    public var isEmpty: Bool { storage.isEmpty }

    package init() {}

    // MARK: building (used by the parsers in this folder)

    @discardableResult
    package mutating func append(_ kind: Kind, name: String = "", namespace: String? = nil, text: String = "",
                                 attributes: [Attribute] = [], parent: Int32, line: Int32) -> Int32 {
        let index = Int32(storage.count)
        storage.append(Storage(kind: kind, name: name, namespace: namespace, text: text,
                               attributes: attributes, parent: parent, line: line))
        if parent >= 0 {
            let p = Int(parent)
            if storage[p].lastChild >= 0 {
                storage[Int(storage[p].lastChild)].nextSibling = index
            } else {
                storage[p].firstChild = index
            }
            storage[p].lastChild = index
        }
        return index
    }

    // MARK: reading

    /// True for element nodes, false for text.
    public func isElement(_ node: Node) -> Bool { storage[Int(node.index)].kind == .element }

    /// The element's local name (lower-cased for HTML), or "" for text.
    public func name(_ node: Node) -> String { storage[Int(node.index)].name }

    /// The element's namespace URI.
    public func namespace(_ node: Node) -> String? { storage[Int(node.index)].namespace }

    /// The 1-based source line where the node starts, or 0 when unknown.
    public func line(_ node: Node) -> Int { Int(storage[Int(node.index)].line) }

    /// The text of a text node ("" for elements; see ``text(of:)``).
    public func ownText(_ node: Node) -> String { storage[Int(node.index)].text }

    /// The element's attributes in source order.
    public func attributes(_ node: Node) -> [Attribute] { storage[Int(node.index)].attributes }

    /// The value of the attribute with this local name (and namespace, when given).
    public func attribute(_ name: String, namespace: String? = nil, of node: Node) -> String? {
        for attribute in storage[Int(node.index)].attributes where attribute.name == name {
            if namespace == nil || attribute.namespace == namespace { return attribute.value }
        }
        return nil
    }

    /// The parent node, or nil for the root.
    public func parent(_ node: Node) -> Node? {
        let p = storage[Int(node.index)].parent
        return p >= 0 ? Node(p) : nil
    }

    /// The direct children, in order.
    public func children(_ node: Node) -> [Node] {
        var result: [Node] = []
        var child = storage[Int(node.index)].firstChild
        while child >= 0 {
            result.append(Node(child))
            child = storage[Int(child)].nextSibling
        }
        return result
    }

    /// The direct element children, optionally only those with this local name (and namespace).
    public func elements(_ node: Node, named name: String? = nil, namespace: String? = nil) -> [Node] {
        children(node).filter { child in
            let c = Int(child.index)
            return storage[c].kind == .element && (name == nil || storage[c].name == name)
                && (namespace == nil || storage[c].namespace == namespace)
        }
    }

    /// The first direct element child with this local name (and namespace, when given).
    public func firstElement(_ node: Node, named name: String, namespace: String? = nil) -> Node? {
        var child = storage[Int(node.index)].firstChild
        while child >= 0 {
            let c = Int(child)
            if storage[c].kind == .element, storage[c].name == name, namespace == nil || storage[c].namespace == namespace {
                return Node(child)
            }
            child = storage[c].nextSibling
        }
        return nil
    }

    /// Every node below `node` (not `node` itself) in document order, without recursion.
    public func descendants(_ node: Node) -> [Node] { Array(walkDescendants(node)) }

    /// ``descendants(_:)`` read as they are asked for: `first(where:)` stops at the first, and nothing is
    /// gathered into an array.
    public func walkDescendants(_ node: Node) -> Descendants { Descendants(tree: self, top: node.index) }

    /// The nodes below one node, in document order.
    public struct Descendants: Sequence {
        fileprivate let tree: MarkupTree
        fileprivate let top: Int32

        public func makeIterator() -> Iterator {
            Iterator(storage: tree.storage, top: top, upcoming: tree.storage[Int(top)].firstChild)
        }

        public struct Iterator: IteratorProtocol {
            fileprivate let storage: [Storage]
            fileprivate let top: Int32
            /// The node to give next, or -1 when done.
            fileprivate var upcoming: Int32

            public mutating func next() -> Node? {
                let current = upcoming
                guard current >= 0 else { return nil }
                let firstChild = storage[Int(current)].firstChild
                if firstChild >= 0 {
                    upcoming = firstChild
                    return Node(current)
                }
                var climb = current
                while storage[Int(climb)].nextSibling < 0 {
                    climb = storage[Int(climb)].parent
                    if climb == top || climb < 0 {
                        upcoming = -1
                        return Node(current)
                    }
                }
                upcoming = storage[Int(climb)].nextSibling
                return Node(current)
            }
        }
    }

    /// The concatenated text below `node`, exactly as written (no white-space changes).
    public func text(of node: Node) -> String {
        if storage[Int(node.index)].kind == .text { return storage[Int(node.index)].text }
        var result = ""
        for d in walkDescendants(node) where storage[Int(d.index)].kind == .text {
            result += storage[Int(d.index)].text
        }
        return result
    }

    /// The length in UTF-8 bytes of ``text(of:)``, without building the text.
    public func textLength(of node: Node) -> Int {
        if storage[Int(node.index)].kind == .text { return storage[Int(node.index)].text.utf8.count }
        var length = 0
        for d in walkDescendants(node) where storage[Int(d.index)].kind == .text {
            length += storage[Int(d.index)].text.utf8.count
        }
        return length
    }

    /// True when `node` is `ancestor` or lies below it.
    public func isDescendant(_ node: Node, of ancestor: Node) -> Bool {
        var current = node.index
        while current >= 0 {
            if current == ancestor.index { return true }
            current = storage[Int(current)].parent
        }
        return false
    }

    /// The number of nodes.
    public var count: Int { storage.count }
}
