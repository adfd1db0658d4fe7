/// A word by its number in ``ContextRules/lexicon``, which every vocabulary of the phrase matcher starts
/// from: the rules compare words by number, never as strings. A word of a sentence that the lexicon does
/// not hold is numbered by the matcher's vocabulary, or ``Vocabulary/unknown``; it never equals a word a
/// rule names, since every word a rule names is in the lexicon.
struct Word: Equatable, Sendable, ExpressibleByStringLiteral {
    let id: Int32

    init(id: Int32) { self.id = id }

    /// A word the rules name; it must be one of ``ContextRules/ruleWords``.
    init(stringLiteral word: String) {
        let id = ContextRules.lexicon.id(of: word)
        precondition(id >= 0, "\"\(word)\" is not in ContextRules.ruleWords")
        self.id = id
    }
}

extension Word {
    // The words the rules compare most often, looked up in the lexicon once rather than at every comparison.
    static let accessibility: Word = "accessibility"
    static let and: Word = "and"
    static let `as`: Word = "as"
    static let classification: Word = "classification"
    static let congress: Word = "congress"
    static let credit: Word = "credit"
    static let development: Word = "development"
    static let experience: Word = "experience"
    static let `for`: Word = "for"
    static let general: Word = "general"
    static let `in`: Word = "in"
    static let indexing: Word = "indexing"
    static let library: Word = "library"
    static let million: Word = "million"
    static let multilingual: Word = "multilingual"
    static let not: Word = "not"
    static let of: Word = "of"
    static let one: Word = "one"
    static let only: Word = "only"
    static let operation: Word = "operation"
    static let or: Word = "or"
    static let paced: Word = "paced"
    static let planning: Word = "planning"
    static let plus: Word = "plus"
    static let preferred: Word = "preferred"
    static let procedure: Word = "procedure"
    static let professional: Word = "professional"
    static let project: Word = "project"
    static let provided: Word = "provided"
    static let record: Word = "record"
    static let student: Word = "student"
    static let the: Word = "the"
    static let under: Word = "under"
    static let unnecessary: Word = "unnecessary"
    static let user: Word = "user"
    static let we: Word = "we"
}

/// A set of words the rules name, tested by number: a bit each.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var bits: [UInt64]

    init(_ words: some Sequence<String>) {
        bits = Array(repeating: 0, count: (ContextRules.lexicon.count + 63) / 64)
        for word in words {
            let id = Word(stringLiteral: word).id
            bits[Int(id) >> 6] |= 1 << UInt64(id & 63)
        }
    }

    init(arrayLiteral words: String...) { self.init(words) }

    @inline(__always)
    func contains(_ word: Word) -> Bool {
        let slot = Int(word.id) >> 6
        return word.id >= 0 && slot < bits.count && bits[slot] & (1 << UInt64(word.id & 63)) != 0
    }
}

/// One sentence's words as the context rules read them: numbered (``Word``), classed, and, only when a
/// rule asks, as normal forms or as written.
final class SentenceWords {
    let sentence: String
    /// The words of the section the sentence comes from; the sentence's are `first ..< first + count`.
    private let scanned: ScannedWords
    private let first: Int
    /// Where the sentence starts in the section's UTF-8 text.
    private let origin: Int
    /// How many words the sentence has.
    let count: Int
    let classes: [ContextRules.WordClass]

    /// - Parameters:
    ///   - scanned: the words of the text the sentence is part of (or of the sentence alone), numbered in
    ///     `vocabulary`; the sentence's are `words`.
    ///   - origin: where the sentence starts in that text, in UTF-8 bytes.
    init(_ sentence: String, scanned: ScannedWords, words range: Range<Int>, from origin: Int, vocabulary: Vocabulary) {
        self.sentence = sentence
        self.scanned = scanned
        self.first = range.lowerBound
        self.origin = origin
        count = range.count
        var classes: [ContextRules.WordClass] = []
        classes.reserveCapacity(range.count)
        let number = ContextRules.WordClass.number.rawValue
        var text = sentence
        text.withUTF8 { bytes in
            for k in range {
                // A word starts with a digit as written exactly when its normal form does.
                let digit = bytes[scanned.start(k) - origin] &- 0x30 < 10
                classes.append(ContextRules.WordClass(rawValue: vocabulary.classes(of: scanned.ids[k]) | (digit ? number : 0)))
            }
        }
        self.classes = classes
    }

    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }
    subscript(k: Int) -> Word { Word(id: scanned.ids[first + k]) }

    /// The word at `k`, or no word (which equals no word a rule names) outside the sentence.
    func at(_ k: Int) -> Word { k >= 0 && k < count ? self[k] : Word(id: Vocabulary.unknown) }

    /// The normal form of the word at `k` ("libraries" → "library").
    func norm(_ k: Int) -> String { Tokenizer.normalForm(of: raw(k)) }
    /// The normal forms of the words of `span`, joined by spaces ("integrated library system").
    func phrase(_ span: Range<Int>) -> String { span.map(norm).joined(separator: " ") }
    /// Every word's normal form.
    var norms: [String] { Tokenizer.tokens(sentence).map(\.norm) }
    /// The word at `k` as written.
    func raw(_ k: Int) -> Substring { sentence[range(of: k..<(k + 1))] }
    /// Where the words of `span` stand in the sentence.
    func range(of span: Range<Int>) -> Range<String.Index> {
        let utf8 = sentence.utf8
        return utf8.index(utf8.startIndex, offsetBy: scanned.start(first + span.lowerBound) - origin)
            ..< utf8.index(utf8.startIndex, offsetBy: scanned.end(first + span.upperBound - 1) - origin)
    }
    /// The sentence's UTF-8 byte at `offset`.
    private func byte(_ offset: Int) -> UInt8 {
        let utf8 = sentence.utf8
        return utf8[utf8.index(utf8.startIndex, offsetBy: offset)]
    }

    /// `raw(k).startsUppercase`, reading the byte for an ASCII letter.
    func startsUppercase(_ k: Int) -> Bool {
        let b = byte(scanned.start(first + k) - origin)
        return b < 0x80 ? b &- 0x41 < 26 : raw(k).startsUppercase
    }

    /// `raw(k).endsPossessive`: the word as written ends with "'s" or "’s".
    func endsPossessive(_ k: Int) -> Bool {
        let from = scanned.start(first + k) - origin, end = scanned.end(first + k) - origin
        guard end - from >= 2, byte(end - 1) == 0x73 else { return false }
        if byte(end - 2) == 0x27 { return true }
        return end - from >= 4 && byte(end - 2) == 0x99 && byte(end - 3) == 0x80 && byte(end - 4) == 0xE2
    }

    /// True when the words of `span`, with the rest of the runs of non-space bytes they stand in, hold an
    /// "@", "/" or "." : only then can they be part of a web address (``ContextRules/webAddresses(in:)``).
    func mayTouchAddress(_ span: Range<Int>) -> Bool {
        var text = sentence
        let from = scanned.start(first + span.lowerBound) - origin, to = scanned.end(first + span.upperBound - 1) - origin
        return text.withUTF8 { bytes in
            @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            var a = from, b = to
            while a > 0 && !isSpace(bytes[a - 1]) { a -= 1 }
            while b < bytes.count && !isSpace(bytes[b]) { b += 1 }
            for k in a..<b where bytes[k] == 0x2E || bytes[k] == 0x40 || bytes[k] == 0x2F { return true }
            return false
        }
    }

    /// True when the word at `k` starts with a digit.
    func isNumber(_ k: Int) -> Bool { classes[k].contains(.number) }

    /// True when a word of `range` (the whole sentence by default) is one of `set`.
    func containsAny(of set: WordSet, in range: Range<Int>? = nil) -> Bool {
        for k in range ?? indices where set.contains(self[k]) { return true }
        return false
    }
    func contains(_ word: Word, in range: Range<Int>? = nil) -> Bool {
        for k in range ?? indices where self[k] == word { return true }
        return false
    }
}

/// The words of a posting's own title (normal forms), made the first time a rule asks: the rule that
/// needs them (a role word after a mention) comes up in few postings.
final class TitleWords {
    private let title: String
    private var made: Set<String>?

    init(_ title: String) { self.title = title }
    init(words: Set<String>) {
        title = ""
        made = words
    }

    var words: Set<String> {
        if let made { return made }
        let words = Set(Tokenizer.norms(title))
        made = words
        return words
    }
}
