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
    /// The tokens of `text`, in order.
    public static func tokens(_ text: String) -> [Token] {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        struct Tokens: WordSink {
            var tokens: [Token] = []
            let utf8: String.UTF8View
            mutating func take(_ from: Int, _ to: Int, _ word: UnsafeBufferPointer<UInt8>) {
                let range = utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)
                tokens.append(Token(norm: Tokenizer.normalForm(of: word), range: range))
            }
        }
        var sink = Tokens(utf8: utf8)
        sink.tokens.reserveCapacity(utf8.count / 6)
        words(of: &text, into: &sink)
        return sink.tokens
    }

    /// The words of `text` as the phrase matcher and the context rules read them: where each stands and
    /// its number in `vocabulary`. No string is made for a word; ``SentenceWords`` makes the normal forms
    /// that a rule asks for.
    /// - Parameter forms: whether to keep the words' normal forms too (``ScannedWords/forms``), for the
    ///   requirements, which read them as text.
    static func scan(_ text: String, vocabulary: Vocabulary, forms: Bool = false) -> ScannedWords {
        struct Numbers: WordSink {
            var scanned = ScannedWords()
            let vocabulary: Vocabulary
            let forms: Bool
            mutating func take(_ from: Int, _ to: Int, _ word: UnsafeBufferPointer<UInt8>) {
                let id = Tokenizer.withNormalForm(of: word) { form in
                    if forms {
                        scanned.forms.append(contentsOf: form)
                        scanned.formEnds.append(Int32(scanned.forms.count))
                        scanned.forms.append(0x20)
                    }
                    return vocabulary.id(of: form)
                }
                scanned.ids.append(id)
                scanned.bounds.append(UInt64(UInt32(truncatingIfNeeded: from)) << 32 | UInt64(UInt32(truncatingIfNeeded: to)))
            }
        }
        var sink = Numbers(vocabulary: vocabulary, forms: forms)
        let estimate = text.utf8.count / 6
        sink.scanned.ids.reserveCapacity(estimate)
        sink.scanned.bounds.reserveCapacity(estimate)
        if forms {
            sink.scanned.forms.reserveCapacity(text.utf8.count + 2)
            sink.scanned.forms.append(0x20)
        }
        var text = text
        words(of: &text, into: &sink)
        return sink.scanned
    }

    /// The normal form of one word as written (a word that ``words(of:into:)`` found).
    static func normalForm(of word: Substring) -> String {
        struct First: WordSink {
            var form: String?
            mutating func take(_ from: Int, _ to: Int, _ word: UnsafeBufferPointer<UInt8>) {
                if form == nil { form = Tokenizer.normalForm(of: word) }
            }
        }
        var sink = First()
        var text = String(word)
        words(of: &text, into: &sink)
        return sink.form ?? ""
    }

    /// Finds the words of `text`, handing each to `sink` with its UTF-8 offsets in the text and its bytes
    /// lower-cased, apostrophes dropped (the normal form before its plural is stripped).
    @inline(__always)
    private static func words<Sink: WordSink>(of text: inout String, into sink: inout Sink) {
        text.withUTF8 { bytes in
            var reader = WordReader(bytes)
            reader.read(into: &sink)
        }
    }

    /// The word finder's state over one text: the word being read, and its bytes once they differ from
    /// the text's (an upper-case letter, an apostrophe, a non-ASCII letter).
    private struct WordReader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Most words are lower-case ASCII and are their own normal form, read straight from the text;
        /// the others are built here.
        var word: [UInt8] = []
        var built = false
        var wordStart = -1

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            word.reserveCapacity(32)
        }

        @inline(__always)
        mutating func finish<Sink: WordSink>(at end: Int, into sink: inout Sink) {
            guard wordStart >= 0 else { return }
            if built {
                if !word.isEmpty { word.withUnsafeBufferPointer { sink.take(wordStart, end, $0) } }
                word.removeAll(keepingCapacity: true)
                built = false
            } else {
                sink.take(wordStart, end, UnsafeBufferPointer(rebasing: bytes[wordStart..<end]))
            }
            wordStart = -1
        }

        /// Moves the word so far into `word`, to be built byte by byte from here on.
        @inline(__always)
        mutating func startBuilding(upTo i: Int) {
            if !built { word.append(contentsOf: bytes[wordStart..<i]); built = true }
        }

        mutating func read<Sink: WordSink>(into sink: inout Sink) {
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                        if wordStart < 0 { wordStart = i }
                        if built { word.append(b) }
                    } else if b >= 0x41 && b <= 0x5A {
                        if wordStart < 0 { wordStart = i }
                        startBuilding(upTo: i)
                        word.append(b | 0x20)
                    } else if b == 0x27 && wordStart >= 0 {
                        // An apostrophe inside or at the end of a word is dropped; the word goes on.
                        startBuilding(upTo: i)
                    } else {
                        finish(at: i, into: &sink)
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
                    finish(at: i, into: &sink)
                    i = end
                    continue
                }
                if scalar == "\u{2019}" && wordStart >= 0 {
                    // ’ inside a word, as an apostrophe.
                    startBuilding(upTo: i)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if wordStart < 0 { wordStart = i }
                    startBuilding(upTo: i)
                    word.append(contentsOf: String(scalar).lowercased().utf8)
                } else {
                    finish(at: i, into: &sink)
                }
                i = end
            }
            finish(at: n, into: &sink)
        }
    }

    /// Hands `body` the normal form of a lower-cased word's bytes (its plural stripped), without making
    /// the word a string.
    @inline(__always)
    fileprivate static func withNormalForm<R>(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = word.count
        guard n > 3, word[n - 1] == 0x73 else { return body(word) }
        if !word.allSatisfy({ $0 < 0x80 }) {
            var form = normalise(String(decoding: word, as: UTF8.self))
            return form.withUTF8 { body($0) }
        }
        let (keep, y) = pluralCut(word)
        guard y else { return body(UnsafeBufferPointer(rebasing: word[..<keep])) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: keep + 1) { stem in
            for k in 0..<keep { stem[k] = word[k] }
            stem[keep] = 0x79
            return body(UnsafeBufferPointer(stem))
        }
    }

    /// The normal form of a lower-cased word's bytes (its plural stripped), as a string.
    fileprivate static func normalForm(of word: UnsafeBufferPointer<UInt8>) -> String {
        withNormalForm(of: word) { String(decoding: $0, as: UTF8.self) }
    }

    /// How many bytes of an ASCII word ending in "s" (longer than three) stay, and whether a "y" follows:
    /// the byte version of ``normalise(_:)``.
    private static func pluralCut(_ word: UnsafeBufferPointer<UInt8>) -> (keep: Int, y: Bool) {
        let n = word.count
        func ends(_ suffix: StaticString) -> Bool {
            let k = suffix.utf8CodeUnitCount
            guard k <= n else { return false }
            let p = suffix.utf8Start
            for j in 0..<k where word[n - k + j] != p[j] { return false }
            return true
        }
        if ends("ss") || ends("us") || ends("is") || invariant.contains(where: { $0.elementsEqual(word) }) { return (n, false) }
        if ends("ies") && n > 4 { return (n - 3, true) }
        if ends("sses") || ends("shes") || ends("ches") || ends("xes") { return (n - 2, false) }
        return (n - 1, false)
    }

    /// Words that end like plurals and are not: "series" is no plural of "sery", nor MSLS (the degree) of "msl".
    static let invariant: [[UInt8]] = ["series", "species", "msls"].map { Array($0.utf8) }

    /// The tokens of a phrase, normalised the same way as text.
    public static func norms(_ phrase: String) -> [String] { tokens(phrase).map(\.norm) }

    /// Strips a plural ending from words longer than three letters: "libraries" → "library",
    /// "searches" → "search", "services" → "service"; leaves "access", "campus", "analysis".
    static func normalise(_ word: String) -> String {
        guard word.count > 3, word.last == "s" else { return word }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") || invariant.contains(Array(word.utf8)) { return word }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        for ending in ["sses", "shes", "ches", "xes"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        return String(word.dropLast())
    }
}

/// What takes each word the tokenizer finds: its UTF-8 offsets in the text and its bytes lower-cased,
/// apostrophes dropped.
protocol WordSink {
    mutating func take(_ from: Int, _ to: Int, _ word: UnsafeBufferPointer<UInt8>)
}

/// The words of a text (a posting's section, or one sentence) as ``Tokenizer/scan(_:vocabulary:forms:)``
/// finds them: each word's number, and where it stands (its UTF-8 offsets, start in the high half).
struct ScannedWords: Sendable {
    var ids: [Int32] = []
    var bounds: [UInt64] = []
    /// When asked for, the words' normal forms, each followed by a space, after a leading space
    /// (" library science "): the text ``WordText`` searches.
    var forms: [UInt8] = []
    /// Where each word's normal form ends in ``forms`` (the space after it).
    var formEnds: [Int32] = []

    /// The normal forms of words `range` with the spaces around them (" library science "), or a space
    /// for no words.
    func forms(of range: Range<Int>) -> ArraySlice<UInt8> {
        guard !range.isEmpty else { return [0x20] }
        precondition(formEnds.count == ids.count, "the words were scanned without their normal forms (forms: false)")
        let from = range.lowerBound == 0 ? 0 : Int(formEnds[range.lowerBound - 1])
        return forms[from...Int(formEnds[range.upperBound - 1])]
    }

    /// The normal forms of words `range` one by one.
    func norms(of range: Range<Int>) -> [String] {
        forms(of: range).split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }
    var count: Int { ids.count }
    func start(_ k: Int) -> Int { Int(bounds[k] >> 32) }
    func end(_ k: Int) -> Int { Int(bounds[k] & 0xFFFF_FFFF) }
}
