/// The normalised words of the taxonomy's phrases, each with a number, looked up by the tokenizer from
/// the bytes it has already normalised: the phrase matcher then follows numbers, never hashing a string.
struct Vocabulary: Sendable {
    static let unknown: Int32 = -1
    static let notLookedUp: Int32 = -2

    /// Every word's bytes, one after another; word `k` runs from `starts[k]` to `starts[k + 1]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Open addressing: a slot holds a word's number or -1.
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    /// The longest word's length in bytes: a longer word is not looked up.
    private var longest = 0

    /// Bits per word that the context rules test (``ContextRules/WordClass``).
    private var classes: [UInt32] = []

    var count: Int { starts.count - 1 }

    /// The bits of word number `id`; none for a word not in the vocabulary.
    @inline(__always)
    func classes(of id: Int32) -> UInt32 { id >= 0 ? classes[Int(id)] : 0 }

    /// Adds `bits` to the classes of each word, taken as the normal form it is compared with.
    mutating func mark(_ words: some Sequence<String>, _ bits: UInt32) {
        for word in words { classes[Int(intern(word))] |= bits }
    }

    /// The number of `word` (already normalised), adding it when new.
    @discardableResult
    mutating func intern(_ word: String) -> Int32 {
        let utf8 = Array(word.utf8)
        let found = utf8.withUnsafeBufferPointer { id(of: $0) }
        if found != Self.unknown { return found }
        // A quarter full at most: most words looked up are not in the vocabulary, and a miss probes until
        // it meets an empty slot.
        if (count + 1) * 4 > slots.count { grow() }
        let number = Int32(count)
        bytes.append(contentsOf: utf8)
        starts.append(Int32(bytes.count))
        classes.append(0)
        longest = max(longest, utf8.count)
        place(number, hash: utf8.withUnsafeBufferPointer { Self.hash($0) })
        return number
    }

    /// The number of a normalised word, or ``unknown``.
    func id(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard word.count <= longest else { return Self.unknown }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        return bytes.withUnsafeBufferPointer { arena in
            while true {
                let number = slots[slot]
                if number < 0 { return Self.unknown }
                let from = Int(starts[Int(number)]), to = Int(starts[Int(number) + 1])
                if to - from == word.count {
                    var k = 0
                    while k < word.count && arena[from + k] == word[k] { k += 1 }
                    if k == word.count { return number }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func id(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { id(of: $0) }
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for number in 0..<count {
            let from = Int(starts[number]), to = Int(starts[number + 1])
            let h = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[from..<to])) }
            place(Int32(number), hash: h)
        }
    }

    /// FNV-1a, folded so that the low bits (the slot) depend on every byte.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }
}
