/// stacksfit's JSON, written by the types' own `Codable` implementations: the same bytes as Foundation's
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` for documents), at
/// a fraction of its cost (encoding was nearly half of `stacksfit parse --format jsonl` on one core).
///
/// What it reproduces, and `CompactJSONTests` checks against `JSONEncoder` on Linux: keys sorted by their
/// UTF-8 bytes (Darwin's `JSONEncoder` sorts numerically and ignoring case; no object of the contract
/// holds keys those two orders disagree on, so output is the same on every platform); integers in decimal; floating-point numbers as Swift prints them, without a trailing ".0"
/// ("1", "0.15", "1e-07", "-0"), and non-finite ones refused; strings with `"` and `\` escaped, the
/// controls below U+0020 as `\b \t \n \f \r` or `\u00XX`, in compact lines U+2028 and U+2029 as
/// `\u2028` and `\u2029` (as `PostingsJSON.singleLine` always wrote them), and everything else as it is. When one key is
/// encoded twice in an object, the last value wins. Types that `JSONEncoder` encodes in a special way
/// (`Date`, `Data`, `URL`, `Decimal`) never occur in the contract and are not handled specially here.
enum CompactJSON {
    /// The JSON text of `value`: compact, with U+2028 and U+2029 escaped (a single line), or
    /// pretty-printed as `JSONEncoder`'s `.prettyPrinted` lays it out (two-space indents, `"key" : value`,
    /// an empty array or object opened and closed on lines of their own around an empty line), where
    /// those two characters stay as they are.
    static func encode(_ value: some Encodable, pretty: Bool = false) throws -> String {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        root.write(into: &out, layout: pretty ? Layout(indent: 0) : nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// Where a pretty-printed value stands: its depth.
    struct Layout {
        var indent: Int
        var deeper: Layout { Layout(indent: indent + 1) }
        func writeIndent(_ out: inout [UInt8]) { out.append(contentsOf: repeatElement(0x20, count: 2 * indent)) }
    }

    /// A value being built. A class, so that containers handed out earlier keep filling it.
    final class Node {
        enum Kind { case empty, null, literal, string, array, object }

        var kind = Kind.empty
        /// The text of a literal (number, true, false) or a string.
        var text = ""
        var items: [Node] = []
        /// An object's members in the order they were set (``write(into:layout:)`` sorts them).
        var keys: [String] = []

        /// Sets an object's member (`items` holds the values, beside `keys`).
        func set(_ key: String, _ child: Node) {
            keys.append(key)
            items.append(child)
        }

        init() {}

        init(_ kind: Kind, _ text: String = "") {
            self.kind = kind
            self.text = text
        }

        /// Writes the value compactly (`layout` nil) or pretty-printed at `layout`'s depth.
        func write(into out: inout [UInt8], layout: Layout?) {
            switch kind {
            case .empty:
                // An encoder nothing was written to: JSONEncoder writes an empty object when nested (and
                // throws at the top level, which no type of the contract reaches).
                writeContainer(0x7B, 0x7D, count: 0, into: &out, layout: layout) { _, _, _ in }
            case .null:
                out.append(contentsOf: "null".utf8)
            case .literal:
                out.append(contentsOf: text.utf8)
            case .string:
                CompactJSON.writeString(text, into: &out, escapeLineSeparators: layout == nil)
            case .array:
                writeContainer(0x5B, 0x5D, count: items.count, into: &out, layout: layout) { k, out, inner in
                    items[k].write(into: &out, layout: inner)
                }
            case .object:
                // By key, as UTF-8 bytes; a key set twice keeps its last value.
                var order = keys.indices.sorted { a, b in
                    keys[a] == keys[b] ? a < b : keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
                }
                order = order.indices.compactMap { k in
                    k + 1 < order.count && keys[order[k + 1]] == keys[order[k]] ? nil : order[k]
                }
                writeContainer(0x7B, 0x7D, count: order.count, into: &out, layout: layout) { k, out, inner in
                    CompactJSON.writeString(keys[order[k]], into: &out, escapeLineSeparators: inner == nil)
                    out.append(contentsOf: inner == nil ? ":".utf8 : " : ".utf8)
                    items[order[k]].write(into: &out, layout: inner)
                }
            }
        }

        /// An array or object: compact (`[a,b]`), or pretty as JSONEncoder lays it out, each element on a
        /// line of its own one level deeper, and an empty one as its brackets around an empty line.
        private func writeContainer(_ open: UInt8, _ close: UInt8, count: Int, into out: inout [UInt8], layout: Layout?,
                                    element: (Int, inout [UInt8], Layout?) -> Void) {
            out.append(open)
            let inner = layout?.deeper
            if layout != nil { out.append(contentsOf: count == 0 ? "\n\n".utf8 : "\n".utf8) }
            for k in 0..<count {
                if k > 0 { out.append(contentsOf: inner == nil ? ",".utf8 : ",\n".utf8) }
                inner?.writeIndent(&out)
                element(k, &out, inner)
            }
            if let layout {
                if count > 0 { out.append(0x0A) }
                layout.writeIndent(&out)
            }
            out.append(close)
        }
    }

    /// A floating-point number as Swift prints it, without a trailing ".0"; infinities and NaN are refused.
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "not a finite number"))
        }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func writeString(_ text: String, into out: inout [UInt8], escapeLineSeparators: Bool) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes with no control character, quote, backslash or (when line separators are
                // escaped) 0xE2 are copied with their run, tested on one word: most of a posting's text.
                if i + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if !FastText.holdsByte(word, below: 0x20) && !FastText.holdsByte(word, 0x22) && !FastText.holdsByte(word, 0x5C)
                        && !(escapeLineSeparators && FastText.holdsByte(word, 0xE2)) {
                        i += 8
                        continue
                    }
                }
                let b = bytes[i]
                // U+2028 and U+2029 (E2 80 A8/A9) are escaped too: see `PostingsJSON.singleLine`.
                let separator = escapeLineSeparators && b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
                guard b < 0x20 || b == 0x22 || b == 0x5C || separator else {
                    i += 1
                    continue
                }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                if separator {
                    out.append(contentsOf: bytes[i + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
                    i += 3
                    runStart = i
                    continue
                }
                let escaped: String
                switch b {
                case 0x22: escaped = "\\\""
                case 0x5C: escaped = "\\\\"
                case 0x08: escaped = "\\b"
                case 0x09: escaped = "\\t"
                case 0x0A: escaped = "\\n"
                case 0x0C: escaped = "\\f"
                case 0x0D: escaped = "\\r"
                default: escaped = "\\u00" + (b < 0x10 ? "0" : "1") + String(b & 0x0F, radix: 16)
                }
                out.append(contentsOf: escaped.utf8)
                i += 1
                runStart = i
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(0x22)
    }
}

private struct NodeEncoder: Encoder {
    let node: CompactJSON.Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.kind != .object { node.kind = .object }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.kind != .array { node.kind = .array }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: node, codingPath: codingPath)
    }
}

/// How each kind of value becomes a node, shared by the three containers.
private enum Encode {
    static func node(_ value: some Encodable, codingPath: [any CodingKey]) throws -> CompactJSON.Node {
        let node = CompactJSON.Node()
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        return node
    }

    static func literal(_ text: String) -> CompactJSON.Node { CompactJSON.Node(.literal, text) }
    static func string(_ text: String) -> CompactJSON.Node { CompactJSON.Node(.string, text) }
    static func null() -> CompactJSON.Node { CompactJSON.Node(.null) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: CompactJSON.Node
    let codingPath: [any CodingKey]

    private func set(_ child: CompactJSON.Node, _ key: Key) { node.set(key.stringValue, child) }

    mutating func encodeNil(forKey key: Key) throws { set(Encode.null(), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(Encode.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(Encode.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(Encode.literal(try CompactJSON.number(value)), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(Encode.literal(try CompactJSON.number(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(Encode.literal(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try Encode.node(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = CompactJSON.Node()
        set(child, key)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = CompactJSON.Node()
        set(child, key)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> any Encoder {
        let child = CompactJSON.Node()
        node.set(name, child)
        return NodeEncoder(node: child, codingPath: codingPath)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: CompactJSON.Node
    let codingPath: [any CodingKey]
    var count: Int { node.items.count }

    private func append(_ child: CompactJSON.Node) { node.items.append(child) }

    mutating func encodeNil() throws { append(Encode.null()) }
    mutating func encode(_ value: Bool) throws { append(Encode.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { append(Encode.string(value)) }
    mutating func encode(_ value: Double) throws { append(Encode.literal(try CompactJSON.number(value))) }
    mutating func encode(_ value: Float) throws { append(Encode.literal(try CompactJSON.number(value))) }
    mutating func encode(_ value: Int) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { append(Encode.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { append(Encode.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try Encode.node(value, codingPath: codingPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = CompactJSON.Node()
        append(child)
        return NodeEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = CompactJSON.Node()
        append(child)
        return NodeEncoder(node: child, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = CompactJSON.Node()
        append(child)
        return NodeEncoder(node: child, codingPath: codingPath)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: CompactJSON.Node
    let codingPath: [any CodingKey]

    private func set(_ kind: CompactJSON.Node.Kind, _ text: String = "") {
        node.kind = kind
        node.text = text
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.literal, value ? "true" : "false") }
    mutating func encode(_ value: String) throws { set(.string, value) }
    mutating func encode(_ value: Double) throws { set(.literal, try CompactJSON.number(value)) }
    mutating func encode(_ value: Float) throws { set(.literal, try CompactJSON.number(value)) }
    mutating func encode(_ value: Int) throws { set(.literal, String(value)) }
    mutating func encode(_ value: Int8) throws { set(.literal, String(value)) }
    mutating func encode(_ value: Int16) throws { set(.literal, String(value)) }
    mutating func encode(_ value: Int32) throws { set(.literal, String(value)) }
    mutating func encode(_ value: Int64) throws { set(.literal, String(value)) }
    mutating func encode(_ value: UInt) throws { set(.literal, String(value)) }
    mutating func encode(_ value: UInt8) throws { set(.literal, String(value)) }
    mutating func encode(_ value: UInt16) throws { set(.literal, String(value)) }
    mutating func encode(_ value: UInt32) throws { set(.literal, String(value)) }
    mutating func encode(_ value: UInt64) throws { set(.literal, String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: NodeEncoder(node: node, codingPath: codingPath)) }
}
