/// The normalised words of the taxonomy's phrases, each with a number, looked up by the tokenizer from
/// the bytes it has already normalised: the phrase matcher then follows numbers, never hashing a string.
struct Vocabulary: Sendable {
    static let unknown: Int32 = -1

    /// Every word's bytes, one after another; word `k` runs from `starts[k]` to `starts[k + 1]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Open addressing: a slot holds a word's number in its low 24 bits and 8 more bits of its hash in
    /// the top 8, so that a probe reads a word's bytes only when the hash agrees; an empty slot is
    /// ``empty``. Four bytes a slot, half full at most: the table of a taxonomy's two thousand words
    /// stays in the fastest cache.
    private var slots: [UInt32] = Array(repeating: Vocabulary.empty, count: 1024)
    private static let empty = UInt32.max
    /// The most words a vocabulary holds (a number must fit in 24 bits and not make a slot look empty).
    static let capacity = 0xFF_FFFF
    /// The longest word's length in bytes: a longer word is not looked up.
    private var longest = 0
    /// Bit ``shape(_:)`` is set for every word's first byte, last byte and length: most words of a text
    /// are in no phrase, and this one test turns nearly all of them away before they are hashed.
    private var shapes: [UInt64] = Array(repeating: 0, count: 1024)

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
        precondition(count < Self.capacity, "a vocabulary holds at most \(Self.capacity) words")
        // Half full at most: most words looked up are not in the vocabulary, and a miss probes until it
        // meets an empty slot.
        if (count + 1) * 2 > slots.count { grow() }
        let number = Int32(count)
        bytes.append(contentsOf: utf8)
        starts.append(Int32(bytes.count))
        classes.append(0)
        longest = max(longest, utf8.count)
        let shape = utf8.withUnsafeBufferPointer { Self.shape($0) }
        shapes[shape >> 6] |= 1 << UInt64(shape & 63)
        place(number, hash: utf8.withUnsafeBufferPointer { Self.hash($0) })
        return number
    }

    /// The number of a normalised word, or ``unknown``.
    func id(of word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let n = word.count
        guard n <= longest, n > 0 else { return Self.unknown }
        let shape = Self.shape(word)
        guard shapes[shape >> 6] >> UInt64(shape & 63) & 1 != 0 else { return Self.unknown }
        let h = Self.hash(word)
        let tag = Self.tag(h)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry == Self.empty { return Self.unknown }
            if entry & 0xFF00_0000 == tag {
                let number = Int(entry & 0xFF_FFFF)
                let from = Int(starts[number])
                if Int(starts[number + 1]) - from == n && Self.equal(bytes, from, word) { return Int32(number) }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func equal(_ arena: [UInt8], _ from: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < word.count && arena[from + k] == word[k] { k += 1 }
        return k == word.count
    }

    func id(of word: String) -> Int32 {
        var word = word
        return word.withUTF8 { id(of: $0) }
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash >> 56) << 24 }

    /// Where a word's first byte, last byte and length fall in the 64 Kbit table of ``shapes``.
    @inline(__always)
    private static func shape(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        let key = UInt32(word[0]) << 16 | UInt32(word[word.count - 1]) << 8 | UInt32(truncatingIfNeeded: word.count)
        return Int((key &* 2_654_435_761) >> 16)
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != Self.empty { slot = (slot + 1) & mask }
        slots[slot] = Self.tag(hash) | UInt32(id)
    }

    private mutating func grow() {
        slots = Array(repeating: Self.empty, count: slots.count * 2)
        for number in 0..<count {
            let from = Int(starts[number]), to = Int(starts[number + 1])
            let h = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[from..<to])) }
            place(Int32(number), hash: h)
        }
    }

    /// The word's bytes read eight at a time, each eight folded in with a multiply, and the result mixed
    /// so that the low bits (the slot) and the high bits (the tag) both depend on every byte.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(word.count)
        var i = 0
        let n = word.count
        while i < n {
            var chunk: UInt64 = 0
            let end = min(n, i + 8)
            var shift: UInt64 = 0
            for k in i..<end {
                chunk |= UInt64(word[k]) << shift
                shift &+= 8
            }
            h = (h ^ chunk) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i = end
        }
        h = (h ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }
}
