/// A fixed map from short names (element names) to values, read for every element of every page: a name's
/// length and its first and last bytes choose one of 256 buckets, whose few names are compared whole.
/// That costs a few operations where a `Dictionary` hashes the whole name (SipHash) on every look-up.
///
/// It finds what a `Dictionary` finds as long as no key has a canonically equal spelling in other bytes
/// (which would fall in another bucket): keys are lower-case letters, digits and hyphens, and the only
/// characters outside ASCII that are canonically ASCII (the Kelvin sign, U+037E, U+1FEF) stand for "K",
/// ";" and "`".
struct NameTable<Value> {
    /// Bucket `b` holds `names[starts[b]..<starts[b + 1]]`, with their values beside them.
    private let starts: [Int]
    private let names: [String]
    private let values: [Value]

    init(_ entries: [String: Value]) {
        var buckets = [[(String, Value)]](repeating: [], count: 256)
        // (Sorted so that a bucket's order, and so the table, is the same on every run.)
        for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
            precondition(name.utf8.allSatisfy { $0 &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 == 0x2D }, "keys are lower-case letters, digits and hyphens")
            buckets[Self.bucket(name.utf8)].append((name, value))
        }
        starts = buckets.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        names = buckets.flatMap { $0.map(\.0) }
        values = buckets.flatMap { $0.map(\.1) }
    }

    subscript(name: String) -> Value? {
        let b = Self.bucket(name.utf8)
        for k in starts[b]..<starts[b + 1] where names[k] == name { return values[k] }
        return nil
    }

    @inline(__always)
    private static func bucket(_ utf8: String.UTF8View) -> Int {
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (utf8.count &* 37 &+ Int(first) &* 11 &+ Int(last)) & 255
    }
}

extension NameTable: Sendable where Value: Sendable {}
