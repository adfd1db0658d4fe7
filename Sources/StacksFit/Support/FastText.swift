/// Cheap, ASCII-case-insensitive substring tests on UTF-8, used as prefilters on hot paths:
/// one pass over the bytes decides whether a slower, exact parser needs to look at a line at all.
enum FastText {
    /// A set of phrases to look for, all at once, ignoring ASCII case.
    ///
    /// Field parsers ask it of nearly every line of a posting, and most lines hold none of the phrases, so
    /// the scan is built to reject fast. It keeps the last four bytes read, lower-cased, in one register and
    /// tests three 64 Kbit tables per byte: the last two bytes against the two-byte phrases (a table that
    /// also marks every pair ending in a one-byte phrase such as "$"), a hash of the last three against the
    /// three-byte phrases, and a hash of the last four against the first four bytes of the longer ones.
    /// Only a hit looks phrases up. Longer phrases are filtered on four bytes, not fewer, because their
    /// shorter heads hit too often: the "th" of "through" is in every "the", and the "exp" of "expires" in
    /// every "experience".
    struct Needles: Sendable {
        /// Bit `a << 8 | b` is set when some two-byte phrase is the (lower-case) bytes a, b, or b is a
        /// one-byte phrase.
        private let pairs: [UInt64]
        /// Bit `hash3` of some three-byte phrase.
        private let triples: [UInt64]
        /// Bit `hash4` of the first four bytes of some phrase of four bytes or more.
        private let quads: [UInt64]
        /// The groups of the bytes that are whole phrases on their own (0 for the others).
        private let single: [UInt32]
        /// The phrases of two and three bytes, packed (first byte highest, and ``threeBytes`` marking the
        /// three-byte ones, so that "\0ab" is not "ab") and sorted, and their groups.
        private let shortKeys: [UInt32]
        private let shortGroups: [UInt32]
        /// The first four bytes of the longer phrases, packed and sorted; the rest of phrase `k` is
        /// `tails[tailStarts[k]..<tailStarts[k + 1]]`; and their groups.
        private let longKeys: [UInt32]
        private let tails: [UInt8]
        private let tailStarts: [Int]
        private let longGroups: [UInt32]
        /// Every group's bit.
        private let allGroups: UInt32

        /// One group of phrases.
        init(_ words: [String]) { self.init(groups: [words]) }

        /// Up to 32 groups of phrases; ``groups(in:)`` tells which groups a text holds, in one scan.
        init(groups: [[String]]) {
            precondition(groups.count <= 32, "at most 32 groups")
            var pairs = [UInt64](repeating: 0, count: 1024)
            var triples = [UInt64](repeating: 0, count: 1024)
            var quads = [UInt64](repeating: 0, count: 1024)
            var single = [UInt32](repeating: 0, count: 256)
            func mark(_ table: inout [UInt64], _ bit: Int) { table[bit >> 6] |= 1 << UInt64(bit & 63) }
            var short: [(key: UInt32, group: UInt32)] = []
            var long: [(key: UInt32, tail: ArraySlice<UInt8>, group: UInt32)] = []
            for (g, words) in groups.enumerated() {
                let bit = UInt32(1) << UInt32(g)
                for word in words {
                    let bytes = Array(word.lowercased().utf8)
                    let key = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    switch bytes.count {
                    case 0: continue
                    case 1:
                        single[Int(key)] |= bit
                        for a in 0..<256 { mark(&pairs, a << 8 | Int(key)) }
                    case 2:
                        mark(&pairs, Int(key))
                        short.append((key, bit))
                    case 3:
                        mark(&triples, Self.hash3(key))
                        short.append((key | Self.threeBytes, bit))
                    default:
                        mark(&quads, Self.hash4(key))
                        long.append((key, bytes.dropFirst(4), bit))
                    }
                }
            }
            short.sort { $0.key < $1.key }
            long.sort { $0.key < $1.key }
            self.pairs = pairs
            self.triples = triples
            self.quads = quads
            self.single = single
            shortKeys = short.map(\.key)
            shortGroups = short.map(\.group)
            longKeys = long.map(\.key)
            tails = long.flatMap(\.tail)
            tailStarts = long.reduce(into: [0]) { $0.append($0.last! + $1.tail.count) }
            longGroups = long.map(\.group)
            allGroups = groups.isEmpty ? 0 : UInt32.max >> UInt32(32 - groups.count)
        }

        /// True when `text` contains any needle, ignoring ASCII case.
        func occurs(in text: String) -> Bool {
            var text = text
            return text.withUTF8 { scan($0, anyGroup: true) } != 0
        }

        /// True when `bytes` (UTF-8) contain any needle, ignoring ASCII case.
        func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            scan(bytes, anyGroup: true) != 0
        }

        /// The bits of the groups that have a phrase in `text` (bit `g` for group `g`), ignoring ASCII case.
        func groups(in text: String) -> UInt32 {
            var text = text
            return text.withUTF8 { scan($0, anyGroup: false) }
        }

        /// The bits of the groups that have a phrase in the UTF-8 `bytes`, ignoring ASCII case.
        func groups(in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            scan(bytes, anyGroup: false)
        }

        /// The bits of the groups that have a phrase in each of `ranges` of the UTF-8 `bytes` (a text's
        /// lines), ignoring ASCII case: ``groups(in:)`` of each, in one call.
        func groups(in bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>]) -> [UInt32] {
            withTables { tables in ranges.map { scan(UnsafeBufferPointer(rebasing: bytes[$0]), anyGroup: false, tables) } }
        }

        /// ``groups(in:ranges:)`` of a text's lines, folding every byte of the text into `hash` on the way: the
        /// hash's chain of multiplies runs beside the scan's look-ups instead of after them.
        /// - Parameter ranges: the lines, as ``FastText/lineRanges(_:limit:)`` finds them: in order, and every
        ///   byte outside them a line feed (which starts each line's scan afresh, as a scan of the line alone
        ///   starts).
        func groups(in bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], hashing hash: inout FNV1a) -> [UInt32] {
            var found = [UInt32](repeating: 0, count: ranges.count)
            var folded = hash
            withTables { tables in
                let lowerCase = tables.lowerCase
                var window: UInt32 = 0
                var line = 0
                for i in bytes.indices {
                    let b = bytes[i]
                    folded.add(b)
                    if b == 0x0A {
                        window = 0
                        continue
                    }
                    window = window << 8 | UInt32(lowerCase[Int(b)])
                    guard Self.mayEnd(window, tables) else { continue }
                    while line < ranges.count, ranges[line].upperBound <= i { line += 1 }
                    precondition(line < ranges.count && ranges[line].lowerBound <= i, "every byte outside the lines is a line feed")
                    let start = ranges[line].lowerBound
                    found[line] |= groups(endingAt: i - start, window: window, UnsafeBufferPointer(rebasing: bytes[ranges[line]]))
                }
            }
            hash = folded
            return found
        }

        /// The look-up tables, as the scan reads them.
        private typealias Tables = (pairs: UnsafeBufferPointer<UInt64>, triples: UnsafeBufferPointer<UInt64>,
                                    quads: UnsafeBufferPointer<UInt64>, lowerCase: UnsafeBufferPointer<UInt8>)

        private func withTables<R>(_ body: (Tables) -> R) -> R {
            pairs.withUnsafeBufferPointer { pairs in
                triples.withUnsafeBufferPointer { triples in
                    quads.withUnsafeBufferPointer { quads in
                        Self.lowerCase.withUnsafeBufferPointer { lowerCase in body((pairs, triples, quads, lowerCase)) }
                    }
                }
            }
        }

        /// The groups found in `haystack`, scanning until one is found (`anyGroup`) or all are.
        private func scan(_ haystack: UnsafeBufferPointer<UInt8>, anyGroup: Bool) -> UInt32 {
            withTables { scan(haystack, anyGroup: anyGroup, $0) }
        }

        @inline(__always)
        private func scan(_ haystack: UnsafeBufferPointer<UInt8>, anyGroup: Bool, _ tables: Tables) -> UInt32 {
            // The last four bytes read, lower-cased, the oldest highest (zeros before the first, which the
            // look-ups never read as text: see `groups(endingAt:)`).
            var window: UInt32 = 0
            var found: UInt32 = 0
            for i in haystack.indices {
                window = window << 8 | UInt32(tables.lowerCase[Int(haystack[i])])
                guard Self.mayEnd(window, tables) else { continue }
                found |= groups(endingAt: i, window: window, haystack)
                if found != 0, anyGroup || found == allGroups { return found }
            }
            return found
        }

        /// Whether a phrase may end at the last byte of `window` (the last four bytes read, lower-cased):
        /// the three table tests in one branch, which almost never hits.
        @inline(__always)
        private static func mayEnd(_ window: UInt32, _ tables: Tables) -> Bool {
            let pair = Int(window & 0xFFFF), triple = hash3(window), quad = hash4(window)
            let hits = tables.pairs[pair >> 6] >> UInt64(pair & 63) | tables.triples[triple >> 6] >> UInt64(triple & 63)
                | tables.quads[quad >> 6] >> UInt64(quad & 63)
            return hits & 1 != 0
        }

        /// The groups of the phrases of one to three bytes that end at `i`, and of the longer ones that
        /// start at `i - 3`; `window` holds the four bytes up to `i`, lower-cased.
        private func groups(endingAt i: Int, window: UInt32, _ haystack: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var found = single[Int(window & 0xFF)]
            if i >= 1 { found |= Self.groups(of: window & 0xFFFF, keys: shortKeys, groups: shortGroups) }
            if i >= 2 { found |= Self.groups(of: window & 0xFF_FFFF | Self.threeBytes, keys: shortKeys, groups: shortGroups) }
            guard i >= 3 else { return found }
            var k = Self.firstIndex(of: window, in: longKeys)
            while k < longKeys.count, longKeys[k] == window {
                let from = tailStarts[k], length = tailStarts[k + 1] - from
                if i + length < haystack.count {
                    var m = 0
                    while m < length, FastText.lower(haystack[i + 1 + m]) == tails[from + m] { m += 1 }
                    if m == length { found |= longGroups[k] }
                }
                k += 1
            }
            return found
        }

        /// The groups of every phrase whose packed bytes are `key`.
        private static func groups(of key: UInt32, keys: [UInt32], groups: [UInt32]) -> UInt32 {
            var found: UInt32 = 0
            var k = firstIndex(of: key, in: keys)
            while k < keys.count, keys[k] == key {
                found |= groups[k]
                k += 1
            }
            return found
        }

        /// The first position in the sorted `keys` whose key is not below `key`.
        private static func firstIndex(of key: UInt32, in keys: [UInt32]) -> Int {
            var low = 0, high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// Set in the packed key of a three-byte phrase (packed bytes fill only the low 24 bits).
        private static let threeBytes: UInt32 = 1 << 24

        /// Where the last three bytes of `packed` fall in the 64 Kbit table.
        @inline(__always)
        private static func hash3(_ packed: UInt32) -> Int {
            Int(((packed & 0xFF_FFFF) &* 2_654_435_761) >> 16)
        }

        /// Where the four bytes of `packed` fall in the 64 Kbit table.
        @inline(__always)
        private static func hash4(_ packed: UInt32) -> Int {
            Int((packed &* 2_246_822_519) >> 16)
        }

        /// ``FastText/lower(_:)`` of every byte, read from a table in the scan's loop.
        private static let lowerCase: [UInt8] = (0...255).map { (b: Int) -> UInt8 in FastText.lower(UInt8(b)) }
    }

    /// `text.lowercased().hasPrefix(prefix)` for a lower-case ASCII prefix, without lower-casing the text.
    /// When the prefix's bytes and the byte after them are ASCII, each is a character of its own and the
    /// bytes settle it; otherwise (a mark joining the last character, a letter that lower-cases to ASCII
    /// such as the Kelvin sign) the text's head is lower-cased and compared by characters.
    static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        var text = text, prefix = prefix
        let onBytes: Bool? = text.withUTF8 { bytes in
            prefix.withUTF8 { head in
                for i in 0..<min(bytes.count, head.count + 1) where bytes[i] >= 0x80 { return nil }
                guard bytes.count >= head.count else { return false }
                for i in 0..<head.count where lower(bytes[i]) != head[i] { return false }
                return true
            }
        }
        // Lower-casing goes scalar by scalar, so the text's first characters (and one more, which may
        // hold a mark joining the last) decide; a line is often a whole paragraph.
        return onBytes ?? String(text.prefix(prefix.count + 1)).lowercased().hasPrefix(prefix)
    }

    /// True when `text` holds the byte `byte`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }

    /// True when every byte of `text` is ASCII.
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }

    /// True when `text` ends with `suffix` (lower-case ASCII), ignoring ASCII case.
    static func hasSuffixIgnoringCase(_ text: some BidirectionalCollection<UInt8>, _ suffix: String) -> Bool {
        let tail = suffix.utf8
        guard text.count >= tail.count else { return false }
        return zip(text.suffix(tail.count), tail).allSatisfy { lower($0) == $1 }
    }

    /// True when `text` holds an ASCII digit.
    static func hasDigit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 &- 0x30 < 10 } }
    }

    /// Foundation's `CharacterSet.whitespaces`: tab, space and the space separators, with U+200B
    /// (zero-width space) as Foundation counts it.
    static func isFoundationSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}

extension Unicode.Scalar {
    /// `properties.isAlphabetic` with an ASCII fast path. The property lookup searches a table on every
    /// call; field parsers ask it of almost every character, nearly all of them ASCII.
    @inline(__always)
    var isAlphabeticFast: Bool {
        value < 0x80 ? (value | 0x20) &- 0x61 < 26 : properties.isAlphabetic
    }

    /// `properties.isWhitespace` with an ASCII fast path (tab to carriage return, and space).
    @inline(__always)
    var isWhitespaceFast: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }
}

extension StringProtocol {
    /// Ends with "'s" or "’s", compared as bytes.
    var endsPossessive: Bool {
        var tail: UInt32 = 0 // the last four bytes, oldest highest
        var count = 0
        for b in utf8.suffix(4) { tail = tail << 8 | UInt32(b); count += 1 }
        guard count >= 2, tail & 0xFF == 0x73 else { return false }
        return (tail >> 8) & 0xFF == 0x27 || (count == 4 && tail >> 8 == 0xE2_80_99)
    }

    /// `first?.isUppercase`, with an ASCII fast path: the character's property lookup is what costs, and the
    /// words the context rules test are nearly all ASCII.
    var startsUppercase: Bool {
        guard let b = utf8.first else { return false }
        return b < 0x80 ? b &- 0x41 < 26 : first?.isUppercase ?? false
    }

    /// `trimmingCharacters(in: .whitespaces)` (spaces and tabs, not line breaks) without the round trip
    /// through Foundation's `NSString`, which cost more than the field parsers' own work.
    var trimmingSpaces: String { trimming(where: FastText.isFoundationSpace) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, natively.
    var trimmingWhitespace: String {
        trimming { FastText.isFoundationSpace($0) || (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
    }

    /// Drops leading and trailing scalars that are among `characters`.
    func trimming(_ characters: String) -> String {
        let unwanted = Array(characters.unicodeScalars)
        return trimming { unwanted.contains($0) }
    }

    /// Drops leading and trailing scalars for which `unwanted` holds.
    func trimming(where unwanted: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, unwanted(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard unwanted(scalars[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

extension FastText {
    /// Lower-cased words; every scalar that is not a letter or digit separates words.
    ///
    /// Text whose letters and digits are ASCII (nearly every line a field parser reads, curly quotes and
    /// dashes included) is cut and lower-cased on its bytes; other text goes scalar by scalar, with
    /// Unicode's letters, numbers and lower-casing.
    static func words(_ text: String) -> [String] {
        var text = text
        if let plain = text.withUTF8({ plainWords($0) }) { return plain }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isWordCharacter: Bool
            if v < 0x80 {
                isWordCharacter = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            } else {
                isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWordCharacter {
                if v >= 0x41 && v <= 0x5A {
                    current.append(Unicode.Scalar(v + 0x20) ?? scalar)
                } else if v < 0x80 {
                    current.append(scalar)
                } else {
                    current.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// `String(String.UnicodeScalarView(scalars)).lowercased()`, written straight into the string's
    /// storage when the scalars are ASCII, as the field parsers' words nearly always are.
    static func lowercasedWord(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy({ $0.value < 0x80 }) else {
            return String(String.UnicodeScalarView(scalars)).lowercased()
        }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            for (k, c) in zip(buffer.indices, scalars) { buffer[k] = lower(UInt8(c.value)) }
            return scalars.count
        }
    }

    /// The lower-cased words of text whose letters and digits are ASCII (letters and digits; everything
    /// else separates), or nil when it holds any other character than ASCII and ``isTypographicSeparator(_:)``.
    /// On such text, cutting at bytes gives what cutting at characters (or scalars) by Unicode's rules does.
    static func plainWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { plainWords($0) }
    }

    /// The words of UTF-8 bytes, or nil when a character is neither ASCII nor a typographic separator.
    private static func plainWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        plainWordBounds(bytes)?.map { lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[$0])) }
    }

    /// Whether two runs of bytes are equal, ASCII letters compared ignoring case.
    @inline(__always)
    static func equalIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ other: some RandomAccessCollection<UInt8>) -> Bool {
        guard bytes.count == other.count else { return false }
        for (a, b) in zip(bytes, other) where lower(a) != lower(b) { return false }
        return true
    }

    /// ASCII bytes as a lower-cased string, written straight into its storage.
    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (k, b) in zip(out.indices, bytes) { out[k] = lower(b) }
            return bytes.count
        }
    }

    /// The byte ranges of the words ``plainWords(_:)`` finds (not lower-cased), or nil where it gives nil.
    static func plainWordBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(bytes.count / 5)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 {
                // A word: read to its end at once.
                let start = i
                i += 1
                while i < n, (bytes[i] | 0x20) &- 0x61 < 26 || bytes[i] &- 0x30 < 10 { i += 1 }
                bounds.append(start..<i)
            } else if b < 0x80 {
                i += 1
            } else {
                let width = typographicSeparatorWidth(bytes, at: i)
                guard width > 0 else { return nil }
                i += width
            }
        }
        return bounds
    }

    /// True for the characters outside ASCII that postings are full of and that are never part of a word
    /// nor join the character before them: the no-break space and the Latin-1 punctuation and symbols
    /// (the middle dot, ©, ®, §, «, », °…; not ª, º, µ or the superscript digits and fractions, which are
    /// letters or numbers), the general punctuation of U+2010–U+2027 and U+2030–U+205E (dashes, curly
    /// quotes, bullets, the ellipsis, primes…), the geometric shapes of U+25A0–U+25FF (the bullets ● ○ ■ ◾),
    /// and U+F000–U+F0FF, the private-use characters that a Symbol or Wingdings bullet pasted from a word
    /// processor becomes.
    static func isTypographicSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return ((0xA0...0xBF).contains(v) && latin1Separators >> UInt64(v - 0xA0) & 1 != 0)
            || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
            || (0x25A0...0x25FF).contains(v) || (0xF000...0xF0FF).contains(v)
    }

    /// Bit `v - 0xA0` for each separator `v` of U+00A0–U+00BF.
    private static let latin1Separators: UInt64 = [
        0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF,
        0xB0, 0xB1, 0xB4, 0xB6, 0xB7, 0xB8, 0xBB, 0xBF,
    ].reduce(0) { $0 | 1 << UInt64($1 - 0xA0) }

    /// The UTF-8 length of the typographic separator at `i`, or 0 when none starts there.
    @inline(__always)
    static func typographicSeparatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = bytes.count
        let b = bytes[i]
        // U+00A0–U+00BF are C2 A0–BF.
        if b == 0xC2 { return i + 1 < n && bytes[i + 1] >= 0xA0 && latin1Separators >> UInt64(bytes[i + 1] - 0xA0) & 1 != 0 ? 2 : 0 }
        guard i + 2 < n else { return 0 }
        let second = bytes[i + 1], third = bytes[i + 2]
        if b == 0xEF {
            // U+F000–U+F0FF are EF 80 80 – EF 83 BF.
            return second &- 0x80 < 4 && third &- 0x80 < 0x40 ? 3 : 0
        }
        guard b == 0xE2 else { return 0 }
        // U+2010–U+203F are E2 80 90–BF; U+2040–U+205E are E2 81 80–9E; U+25A0–U+25FF are E2 96 A0–BF
        // and E2 97 80–BF.
        switch second {
        case 0x80: return (0x90...0xA7).contains(third) || (0xB0...0xBF).contains(third) ? 3 : 0
        case 0x81: return (0x80...0x9E).contains(third) ? 3 : 0
        case 0x96: return (0xA0...0xBF).contains(third) ? 3 : 0
        case 0x97: return (0x80...0xBF).contains(third) ? 3 : 0
        default: return 0
        }
    }

    /// `text.split(separator: " ").joined(separator: " ")`: the text itself when no space starts or ends
    /// it and no two follow each other (nearly always, once white space is collapsed).
    static func singleSpaced(_ text: String) -> String {
        var previous: UInt8 = 0x20 // as if a space came before the text
        for b in text.utf8 {
            if b == 0x20 && previous == 0x20 { return split(text, separator: 0x20).joined(separator: " ") }
            previous = b
        }
        return previous == 0x20 && !text.isEmpty ? split(text, separator: 0x20).joined(separator: " ") : text
    }

    /// `text.split(separator: Character(separator))` for an ASCII separator, cut on bytes where that gives
    /// the same pieces: each separator has ASCII on both sides (then it is a character of its own, for no
    /// mark can follow it and no prepended letter precede it), and a line feed no carriage return before it
    /// (CR LF is one character). Any other text is split by characters.
    ///
    /// Not for a carriage return (CR LF is no CR), nor "K", ";" or "`", which characters elsewhere in
    /// Unicode equal (the Kelvin sign, U+037E, U+1FEF): a split by characters would cut at those too.
    static func split<S: StringProtocol>(_ text: S, separator: UInt8) -> [Substring] where S.SubSequence == Substring {
        precondition(separator < 0x80 && separator != 0x0D && separator != 0x3B && separator != 0x4B && separator != 0x60,
                     "an ASCII separator that no other character equals")
        let utf8 = text.utf8
        let pieces: [Substring]?? = utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
            var pieces: [Substring] = []
            var start = 0
            func piece(_ from: Int, _ to: Int) -> Substring {
                text[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)]
            }
            for i in 0..<bytes.count where bytes[i] == separator {
                if (i + 1 < bytes.count && bytes[i + 1] >= 0x80) || (i > 0 && (bytes[i - 1] >= 0x80 || (separator == 0x0A && bytes[i - 1] == 0x0D))) {
                    return nil
                }
                if i > start { pieces.append(piece(start, i)) }
                start = i + 1
            }
            if bytes.count > start { pieces.append(piece(start, bytes.count)) }
            return pieces
        }
        return (pieces ?? nil) ?? text.split(separator: Character(Unicode.Scalar(separator)))
    }

    /// `lines.joined(separator: "\n")`, with room for the whole text made once: appending strings to a
    /// string copies them without checking their UTF-8 again, which writing bytes into new storage would.
    static func joinedLines(_ lines: [String]) -> String {
        guard lines.count > 1 else { return lines.first ?? "" }
        var joined = ""
        joined.reserveCapacity(lines.reduce(lines.count - 1) { $0 + $1.utf8.count })
        for k in lines.indices {
            if k > 0 { joined.append("\n") }
            joined.append(lines[k])
        }
        return joined
    }

    /// The first `count` lines of `text` (split on "\n", empty ones left out): a text's first lines
    /// without reading the rest.
    static func firstLines(_ text: String, _ count: Int) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            lineRanges(bytes, limit: count).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// Where the lines of `bytes` stand (split on "\n", empty ones left out), the first `limit` of them,
    /// found with memchr (which reads many bytes at a time).
    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while ranges.count < limit, start < bytes.count {
            let end = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!) } ?? bytes.count
            if end > start { ranges.append(start..<end) }
            start = end + 1
        }
        return ranges
    }

    /// The lines of a text, split on "\n", empty ones left out (the text's own "\r\n" was normalised when it was built).
    static func lines(_ text: String) -> [String] {
        firstLines(text, .max)
    }
}

extension FastText {
    /// The last exact occurrence of `needle` in `text`, found on the UTF-8 bytes (Foundation's
    /// backwards `range(of:)` bridges the whole string to UTF-16 first).
    static func lastRange(of needle: String, in text: String) -> Range<String.Index>? {
        range(of: needle, in: text, backwards: true)
    }

    /// The first exact occurrence of `needle` in `text`, on the UTF-8 bytes.
    static func firstRange(of needle: String, in text: String) -> Range<String.Index>? {
        range(of: needle, in: text, backwards: false)
    }

    private static func range(of needle: String, in text: String, backwards: Bool) -> Range<String.Index>? {
        // Read in place: a title or a line is searched for several separators, each search once.
        var haystackText = text, needleText = needle
        let found: Int? = haystackText.withUTF8 { haystack in
            needleText.withUTF8 { pattern in
                guard backwards else { return firstOffset(of: pattern, in: haystack) }
                guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
                var i = haystack.count - pattern.count
                while i >= 0 {
                    if haystack[i] == pattern[0], UnsafeBufferPointer(rebasing: haystack[i..<(i + pattern.count)]).elementsEqual(pattern) {
                        return i
                    }
                    i -= 1
                }
                return nil
            }
        }
        guard let found else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: found)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension StringProtocol {
    /// Whether the text holds `needle`, byte for byte. Foundation's `contains(_:)` on strings bridges both
    /// to `NSString` on every call, which showed in field parsing's profile.
    func includes(_ needle: some StringProtocol) -> Bool {
        var needle = String(needle)
        return needle.withUTF8 { pattern in
            // Foundation's `contains("")` is false; so is this.
            guard !pattern.isEmpty else { return false }
            var text = String(self)
            return text.withUTF8 { FastText.firstOffset(of: pattern, in: $0) != nil }
        }
    }
}

extension FastText {
    /// The position of the first byte at or after `start` that is not ASCII, or the end; eight bytes are
    /// read at a time.
    @inline(__always)
    static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var i = start
        while i + 8 <= bytes.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        while i < bytes.count, bytes[i] < 0x80 { i += 1 }
        return i
    }

    /// Whether any of the eight bytes packed in `word` is `byte` (the classic test for a zero byte,
    /// applied to the word with `byte` cancelled out).
    @inline(__always)
    static func holdsByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Whether any of the eight bytes packed in `word` is below `limit` (at most 0x80): the same test, a
    /// borrow out of a byte that is below the limit, and none out of one that is not.
    @inline(__always)
    static func holdsByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Where `pattern` first occurs in `haystack`, byte for byte; nil when it does not (or is empty).
    /// (`haystack` is any run of bytes indexed by position: a buffer, or a slice of a view over one.)
    static func firstOffset<Haystack: RandomAccessCollection<UInt8>>(of pattern: UnsafeBufferPointer<UInt8>, in haystack: Haystack) -> Int?
        where Haystack.Index == Int {
        guard let first = pattern.first, pattern.count <= haystack.count else { return nil }
        let start = haystack.startIndex
        var i = start
        let last = haystack.endIndex - pattern.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < pattern.count && haystack[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i - start }
            }
            i += 1
        }
        return nil
    }
}

extension FastText {
    /// The list bullets a posting's text carries: • ● ▪ ◦ ■ ○, and U+F0B7 / U+F0A7, the Symbol- and
    /// Wingdings-font bullets of text pasted from Word. Each is three bytes in UTF-8.
    static let bullets: [Unicode.Scalar] = ["\u{2022}", "\u{25CF}", "\u{25AA}", "\u{25E6}", "\u{25A0}", "\u{25CB}", "\u{F0B7}", "\u{F0A7}"]
    static let bulletCharacters = Set(bullets.map(Character.init))

    /// `bulletCharacters.contains(c)` without hashing: a character of one scalar among ``bullets`` (none of
    /// which has a canonical equivalent, and none of which any other character equals).
    static func isBulletCharacter(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return bullets.contains(first)
    }

    /// The UTF-8 offsets of the bullets in `bytes` from `start` on, when every other byte there is ASCII:
    /// then each bullet is a character of its own (nothing after it can join it), and splitting on these
    /// offsets splits on the bullet characters. Nil when some other byte lies beyond ASCII.
    static func plainBulletOffsets(_ text: String, from start: Int) -> [Int]? {
        var text = text
        return text.withUTF8 { bytes in
            var offsets: [Int] = []
            var i = start
            while i < bytes.count {
                if bytes[i] < 0x80 {
                    i += 1
                } else if i + 2 < bytes.count, isBullet(bytes[i], bytes[i + 1], bytes[i + 2]) {
                    offsets.append(i)
                    i += 3
                } else {
                    return nil
                }
            }
            return offsets
        }
    }
    /// The bullets' three UTF-8 bytes packed into one number each, for a test without allocation or
    /// hashing (eight comparisons at most, and only after a byte 0xE2 or 0xEF).
    private static let bulletCodes: [UInt32] = bullets.map { scalar in
        String(scalar).utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The UTF-8 offset of the first of ``bullets`` in the text (as a scalar, whatever marks may follow
    /// it), or nil when it holds none.
    static func firstBulletOffset(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i + 2 < bytes.count {
                // Eight bytes without a 0xE2 or 0xEF cannot start a bullet.
                if i + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if !holdsByte(word, 0xE2) && !holdsByte(word, 0xEF) {
                        i += 8
                        continue
                    }
                }
                let b = bytes[i]
                if (b == 0xE2 || b == 0xEF) && isBullet(b, bytes[i + 1], bytes[i + 2]) { return i }
                i += 1
            }
            return nil
        }
    }

    /// Whether three UTF-8 bytes encode one of ``bullets``.
    @inline(__always)
    static func isBullet(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        (first == 0xE2 || first == 0xEF) && bulletCodes.contains(UInt32(first) << 16 | UInt32(second) << 8 | UInt32(third))
    }
}

import Foundation
