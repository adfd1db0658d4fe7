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
        var start: String.Index?
        var word = String.UnicodeScalarView()
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        func finish(at end: String.Index) {
            if let s = start, !word.isEmpty {
                tokens.append(Token(norm: normalise(String(word)), range: s..<end))
            }
            start = nil
            word = String.UnicodeScalarView()
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let v = scalar.value
            let isWord: Bool
            if v < 0x80 {
                isWord = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            } else {
                isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWord {
                if start == nil { start = index }
                if v >= 0x41 && v <= 0x5A {
                    word.append(Unicode.Scalar(v + 0x20) ?? scalar)
                } else if v < 0x80 {
                    word.append(scalar)
                } else {
                    word.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
            } else if (v == 0x27 || v == 0x2019) && start != nil {
                // An apostrophe inside or at the end of a word is dropped, the word goes on.
            } else {
                finish(at: index)
            }
            index = scalars.index(after: index)
        }
        finish(at: scalars.endIndex)
        return tokens
    }

    /// The tokens of a phrase, normalised the same way as text.
    public static func norms(_ phrase: String) -> [String] { tokens(phrase).map(\.norm) }

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
