/// A parsed document or fragment as a flat, immutable tree of Swift values.
///
/// Nodes live in one array and point at each other by index, so walking, copying and freeing a tree
/// never recurses, however deep the markup nests. The text of all text nodes lives in one byte array:
/// building a tree makes no string per text node, and readers that work on bytes (the block reader,
/// the sanitizer) never make one. Only the types in `Markup/` ever see libxml2; what
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

    /// One node: plain numbers only, so that copying a node or freeing a tree touches no reference count
    /// (a tree of a real page has some 160 nodes).
    package struct Storage: Sendable {
        var kind: Kind
        /// The number of the element's local name in ``names`` (0, "", for text).
        var name: Int32
        /// The number of the element's namespace URI in ``names``, or -1 for none.
        var namespace: Int32
        /// A text node's UTF-8 bytes: `textBytes[textStart..<textEnd]` (empty for elements).
        var textStart: Int
        var textEnd: Int
        /// The element's attributes: `attributeList[attributesStart..<attributesEnd]`.
        var attributesStart: Int32
        var attributesEnd: Int32
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        var line: Int32
    }

    package private(set) var storage: [Storage] = []

    /// The element names and namespace URIs of the tree, each once and spelt as written (names are told
    /// apart by their bytes, not by canonical equivalence); a node holds their numbers. A page has a few
    /// dozen: they are looked up by comparing them in turn, and only a tree with more (which would make
    /// that quadratic) gets a dictionary.
    private var names: [String] = [""]
    private var nameNumbers: [[UInt8]: Int32]?
    private static let namesSearchedInTurn = 64

    /// Every element's attributes, one element's after another.
    private var attributeList: [Attribute] = []

    /// The text of every text node, one after another as UTF-8: text read from markup stays bytes until a
    /// reader wants a string (see ``withOwnText(_:_:)``).
    package private(set) var textBytes: [UInt8] = []

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
        let start = textBytes.count
        textBytes.append(contentsOf: text.utf8)
        let from = Int32(attributeList.count)
        attributeList.append(contentsOf: attributes)
        return append(kind, name: name.isEmpty ? 0 : number(of: name), namespace: namespace.map { number(of: $0) } ?? -1, textFrom: start,
                      attributesFrom: from, parent: parent, line: line)
    }

    /// The number of a name or namespace URI in this tree, added when new.
    package mutating func number(of name: String) -> Int32 {
        if let index = nameNumbers {
            if let found = index[Array(name.utf8)] { return found }
        } else if let found = names.firstIndex(where: { Self.sameBytes($0, name) }) {
            return Int32(found)
        }
        let number = Int32(names.count)
        names.append(name)
        if nameNumbers != nil {
            nameNumbers![Array(name.utf8)] = number
        } else if names.count > Self.namesSearchedInTurn {
            nameNumbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { (Array($1.utf8), Int32($0)) })
        }
        return number
    }

    /// Whether two strings are spelt in the same bytes: their lengths first, then (only for strings that
    /// are equal as strings) their bytes.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b && a.utf8.elementsEqual(b.utf8)
    }

    /// Whether the name numbered `number` is these UTF-8 bytes (for a parser that remembers the names it
    /// has met by where libxml2 keeps them).
    package func name(numbered number: Int32, is bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var name = names[Int(number)]
        return name.withUTF8 { $0.elementsEqual(bytes) }
    }

    /// Adds an attribute of the next element appended (see ``appendElement(name:attributesFrom:parent:line:)``).
    package mutating func appendAttribute(_ attribute: Attribute) { attributeList.append(attribute) }

    /// Where the next element's attributes start.
    package var attributeCount: Int32 { Int32(attributeList.count) }

    /// Appends an element whose name is already numbered (``number(of:)``) and whose attributes are those
    /// appended since `from`.
    package mutating func appendElement(name: Int32, attributesFrom from: Int32, parent: Int32, line: Int32) -> Int32 {
        append(.element, name: name, namespace: -1, textFrom: textBytes.count, attributesFrom: from, parent: parent, line: line)
    }

    /// Appends bytes to the text of the next text node, which ``appendText(from:parent:line:)`` then makes
    /// from every byte appended since `from`: between the two, nothing else may add a node or text.
    package mutating func appendTextBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        textBytes.append(contentsOf: bytes)
    }

    /// The number of text bytes appended so far: where the next text node's bytes start.
    package var textByteCount: Int { textBytes.count }

    /// Makes room for this many bytes of text.
    package mutating func reserveTextCapacity(_ count: Int) { textBytes.reserveCapacity(count) }

    /// Makes the text bytes appended since `start` a text node, mending them as ``TextRepair/clean(_:)``
    /// does (and replacing bytes that are not UTF-8, as a string made of them would).
    @discardableResult
    package mutating func appendText(from start: Int, parent: Int32, line: Int32) -> Int32 {
        precondition(start <= textBytes.count && (storage.isEmpty || storage[storage.count - 1].textEnd <= start),
                     "the text of a node starts after the text of the nodes before it")
        // Nearly all text is ASCII, which is valid and needs no mending.
        let valid: Bool = textBytes.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[start...])
            return FastText.firstNonASCII(in: bytes, from: 0) == bytes.count
                || (!TextRepair.mayNeedRepair(utf8: bytes) && TextDecoder.isValidUTF8(bytes))
        }
        if !valid {
            let text = TextRepair.clean(String(decoding: textBytes[start...], as: UTF8.self))
            textBytes.removeSubrange(start...)
            textBytes.append(contentsOf: text.utf8)
        }
        return append(.text, name: 0, namespace: -1, textFrom: start, attributesFrom: attributeCount, parent: parent, line: line)
    }

    private mutating func append(_ kind: Kind, name: Int32, namespace: Int32, textFrom start: Int,
                                 attributesFrom from: Int32, parent: Int32, line: Int32) -> Int32 {
        let index = Int32(storage.count)
        storage.append(Storage(kind: kind, name: name, namespace: namespace, textStart: start, textEnd: textBytes.count,
                               attributesStart: from, attributesEnd: attributeCount, parent: parent, line: line))
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
    public func name(_ node: Node) -> String { names[Int(storage[Int(node.index)].name)] }

    /// The element's namespace URI.
    public func namespace(_ node: Node) -> String? {
        let number = storage[Int(node.index)].namespace
        return number < 0 ? nil : names[Int(number)]
    }

    /// The 1-based source line where the node starts, or 0 when unknown.
    public func line(_ node: Node) -> Int { Int(storage[Int(node.index)].line) }

    /// The text of a text node ("" for elements; see ``text(of:)``).
    public func ownText(_ node: Node) -> String {
        String(decoding: textBytes[textRange(node)], as: UTF8.self)
    }

    /// Where a text node's text lies among the tree's text bytes (empty for elements).
    @inline(__always)
    private func textRange(_ node: Node) -> Range<Int> {
        let i = Int(node.index)
        return storage[i].textStart..<storage[i].textEnd
    }

    /// Hands `body` the UTF-8 bytes of a text node's text (none for elements), without making a string.
    public func withOwnText<R>(_ node: Node, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = textRange(node)
        return try textBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The element's attributes in source order.
    public func attributes(_ node: Node) -> ArraySlice<Attribute> {
        let s = storage[Int(node.index)]
        return attributeList[Int(s.attributesStart)..<Int(s.attributesEnd)]
    }

    /// The value of the attribute with this local name (and namespace, when given).
    public func attribute(_ name: String, namespace: String? = nil, of node: Node) -> String? {
        for attribute in attributes(node) where attribute.name == name {
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
            return storage[c].kind == .element && (name == nil || self.name(child) == name)
                && (namespace == nil || self.namespace(child) == namespace)
        }
    }

    /// The first direct element child with this local name (and namespace, when given).
    public func firstElement(_ node: Node, named name: String, namespace: String? = nil) -> Node? {
        var child = storage[Int(node.index)].firstChild
        while child >= 0 {
            let c = Int(child)
            if storage[c].kind == .element, self.name(Node(child)) == name, namespace == nil || self.namespace(Node(child)) == namespace {
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
        if storage[Int(node.index)].kind == .text { return ownText(node) }
        var result: [UInt8] = []
        for d in walkDescendants(node) where storage[Int(d.index)].kind == .text {
            result.append(contentsOf: textBytes[textRange(d)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The length in UTF-8 bytes of ``text(of:)``, without building the text.
    public func textLength(of node: Node) -> Int {
        if storage[Int(node.index)].kind == .text { return storage[Int(node.index)].textEnd - storage[Int(node.index)].textStart }
        var length = 0
        for d in walkDescendants(node) where storage[Int(d.index)].kind == .text {
            length += storage[Int(d.index)].textEnd - storage[Int(d.index)].textStart
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
