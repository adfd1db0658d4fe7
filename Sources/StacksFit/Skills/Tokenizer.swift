/// A normalised word of a sentence, with where it stands in the original text.
public struct Token: Sendable, Hashable {
    /// Lower-cased, apostrophes removed, light plural stripped ("libraries" → "library").
    public var norm: String
    /// The word as written.
    public var range: Range<String.Index>
}

/// Splits text into normalised tokens: letters and digits make words, everything else separates
/// them; apostrophes inside words are dropped ("children's" → "children").
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let utf8 = text.utf8
        let bytes = Array(utf8)
        let n = bytes.count
        var word: [UInt8] = []
        word.reserveCapacity(24)
        var wordStart = -1
        func finish(at end: Int) {
            if wordStart >= 0 && !word.isEmpty {
                let from = utf8.index(utf8.startIndex, offsetBy: wordStart)
                let to = utf8.index(utf8.startIndex, offsetBy: end)
                tokens.append(Token(norm: normalised(word), range: from..<to))
            }
            wordStart = -1
            word.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if wordStart < 0 { wordStart = i }
                    word.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    if wordStart < 0 { wordStart = i }
                    word.append(b | 0x20)
                } else if b == 0x27 && wordStart >= 0 {
                    // An apostrophe inside or at the end of a word is dropped; the word goes on.
                } else {
                    finish(at: i)
                }
                i += 1
                continue
            }
            // A non-ASCII scalar: decode it.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            let end = min(n, i + length)
            var iterator = bytes[i..<end].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                finish(at: i)
                i = end
                continue
            }
            if scalar == "\u{2019}" && wordStart >= 0 {
                // ’ inside a word, as an apostrophe.
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if wordStart < 0 { wordStart = i }
                word.append(contentsOf: String(scalar).lowercased().utf8)
            } else {
                finish(at: i)
            }
            i = end
        }
        finish(at: n)
        return tokens
    }

    /// The tokens of a phrase, normalised the same way as text.
    public static func norms(_ phrase: String) -> [String] { tokens(phrase).map(\.norm) }

    /// ``normalise(_:)`` on a lower-cased word's UTF-8 bytes: ASCII words (nearly all) are trimmed
    /// before a string is made; others go through the string version.
    static func normalised(_ word: [UInt8]) -> String {
        let n = word.count
        guard n > 3, word[n - 1] == 0x73, word.allSatisfy({ $0 < 0x80 }) else {
            return n > 3 && word[n - 1] == 0x73 ? normalise(String(decoding: word, as: UTF8.self)) : String(decoding: word, as: UTF8.self)
        }
        func ends(_ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard k <= n else { return false }
            let p = suffix.utf8Start
            for j in 0..<k where word[n - k + j] != p[j] { return false }
            return true
        }
        if ends("ss") || ends("us") || ends("is") { return String(decoding: word, as: UTF8.self) }
        if ends("ies") && n > 4 { return String(decoding: word[..<(n - 3)], as: UTF8.self) + "y" }
        if ends("sses") || ends("shes") || ends("ches") || ends("xes") { return String(decoding: word[..<(n - 2)], as: UTF8.self) }
        return String(decoding: word[..<(n - 1)], as: UTF8.self)
    }

    /// Strips a plural ending from words longer than three letters: "libraries" → "library",
    /// "searches" → "search", "services" → "service"; leaves "access", "campus", "analysis".
    static func normalise(_ word: String) -> String {
        guard word.count > 3, word.last == "s" else { return word }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        for ending in ["sses", "shes", "ches", "xes"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        return String(word.dropLast())
    }
}
