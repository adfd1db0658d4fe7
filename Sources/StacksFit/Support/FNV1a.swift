/// 64-bit FNV-1a: small, fast and the same on every platform and run (unlike `Hasher`). Posting ids
/// (``PostingID``) and the near-duplicate fingerprints (``Deduplicator``) are made with it.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Folds one byte in.
    @inline(__always)
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
