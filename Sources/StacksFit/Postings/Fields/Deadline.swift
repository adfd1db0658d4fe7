import Foundation

/// Finds the closing date a posting states, or that it stays open until filled.
///
/// Rules a reviewer should know:
/// - A date counts only after a closing cue ("deadline", "closing date", "closes", "apply by",
///   "applications due", "accepted until/through", "no later than"…) and within 80 characters of it.
/// - A date introduced by "review … begins", "start", "interview" or "posted" is never taken,
///   and a generic cue ("no later than", "until") right after "start"/"begin" is ignored.
/// - Text that says it is open until filled yields nil even when it also states a priority or
///   first-review date, since the posting does not close then.
/// - Dates without a year ("Apply by March 15") are not guessed.
public enum DeadlineParser {
    /// The closing date a posting states, e.g. "Application deadline: March 15, 2027", "Applications due by 3/15/2027", "Closing date: 2027-01-31", "Apply by January 8, 2027", "Position closes Dec 1, 2026". Returns .none when the text says it is open until filled (or there is no deadline), and never takes "review of applications begins …" or "start date" as a closing date.
    public static func closingDate(in text: String) -> PostingDate? {
        guard FastText.hasDigit(text), cueFilter.occurs(in: text), !isOpenUntilFilled(text) else { return nil }
        return closingDate(inCued: text)
    }

    /// `closingDate(in:)` for text already known to hold one of ``closingCues`` and not to be open until
    /// filled (a caller that scanned it for several parsers' cues at once).
    static func closingDate(inCued text: String) -> PostingDate? {
        guard FastText.hasDigit(text), mayHoldDateAfterCue(text) else { return nil }
        return closingDateAfterCues(text)
    }

    /// ``closingDate(inCued:)`` read scalar by scalar, without the byte test that turns most lines away
    /// (kept apart so that a test can hold the byte test to it).
    static func closingDateAfterCues(_ text: String) -> PostingDate? {
        let scalars = Array(text.unicodeScalars)
        let lower = scalars.map(asciiLower)
        var cues = cueOccurrences(in: lower)
        cues.sort { $0.start < $1.start || ($0.start == $1.start && $0.end > $1.end) }
        for cue in cues {
            let windowEnd = min(scalars.count, cue.end + 80)
            // Every date has a digit (its year): most cues have none after them.
            guard cue.end < windowEnd, scalars[cue.end..<windowEnd].contains(where: DateParser.isDigit) else { continue }
            if cue.generic, followsStartWords(lower, before: cue.start) { continue }
            let window = Array(scalars[cue.end..<windowEnd])
            guard let match = DateParser.firstDateMatch(in: window) else { continue }
            let between = String(String.UnicodeScalarView(window[0..<match.range.lowerBound])).lowercased()
            if containsWord(between, of: interruptingWords) { continue }
            return match.date
        }
        return nil
    }

    /// False when no closing cue in ASCII text is followed, within the 80 characters a date is looked for in,
    /// by a digit, which every date has (its year): then ``closingDate(inCued:)`` finds none. Most lines that
    /// say "through" or "until" are not about a deadline. (Other text is always read.)
    static func mayHoldDateAfterCue(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
            // A cue that ends at most 80 bytes before a digit lies in the `longestCue + 80` bytes before it:
            // those stretches, merged where they overlap, are searched for a cue.
            var stretch: Range<Int>?
            for p in bytes.indices where bytes[p] &- 0x30 < 10 {
                let from = max(0, p - 80 - longestCue)
                if let current = stretch, from <= current.upperBound {
                    stretch = current.lowerBound..<p
                    continue
                }
                if let current = stretch, cueFilter.occurs(in: UnsafeBufferPointer(rebasing: bytes[current])) { return true }
                stretch = from..<p
            }
            return stretch.map { cueFilter.occurs(in: UnsafeBufferPointer(rebasing: bytes[$0])) } ?? false
        }
    }

    /// The length of the longest closing cue.
    private static let longestCue = closingCues.map(\.utf8.count).max() ?? 0

    /// True when the text says "open until filled" / "until the position is filled" / "open until closed".
    public static func isOpenUntilFilled(_ text: String) -> Bool {
        openFilter.occurs(in: text) && isOpenUntilFilled(cued: text)
    }

    /// `isOpenUntilFilled(_:)` for text already known to hold one of ``openCues``.
    static func isOpenUntilFilled(cued text: String) -> Bool {
        // Plain text (see ``FastText/plainWordBounds(_:)``) is read on its words' bytes: only the words that
        // start a reading, and those it reads around them, become strings. (The cues also hit inside other
        // words, "still" and "utilities", and most words start nothing.)
        var text = text
        let plain: Bool? = text.withUTF8 { bytes in
            FastText.plainWordBounds(bytes).map { bounds in
                let word = { (k: Int) in FastText.lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[bounds[k]])) }
                return bounds.indices.contains { i in
                    let w = UnsafeBufferPointer(rebasing: bytes[bounds[i]])
                    return w.count >= 3 && w.count <= 12 && startingWordBytes.contains { FastText.equalIgnoringCase(w, $0) }
                        && opens(at: i, count: bounds.count, word: word)
                }
            }
        }
        if let plain { return plain }
        // Other text goes by characters: a mark after a letter belongs to its word.
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        return words.indices.contains { opens(at: $0, count: words.count, word: { words[$0] }) }
    }

    /// Whether the reading that word `i` of `count` starts says the posting stays open until filled.
    private static func opens(at i: Int, count: Int, word: (Int) -> String) -> Bool {
        let w = word(i)
        if w == "ouf" { return true }
        if w == "continuous" || w == "continuously" || w == "ongoing" {
            let around = (max(0, i - 3)..<min(count, i + 4)).map(word)
            if around.contains(where: { ["open", "recruitment", "posting", "basis", "accepted", "review"].contains($0) }) {
                return true
            }
        }
        guard w == "until" || w == "till" || w == "til" || w == "untill" else { return false }
        let next = ((i + 1)..<min(count, i + 7)).map(word)
        if next.first == "filled" || next.first == "closed" { return true }
        if let stop = next.firstIndex(where: { $0 == "filled" || $0 == "closed" }),
           next[..<stop].allSatisfy({ fillerBeforeFilled.contains($0) }) {
            return true
        }
        if next.starts(with: ["further", "notice"]) { return true }
        if next.contains("appointment"), next.contains("made") { return true }
        if next.contains(where: { ["candidate", "applicant", "finalist"].contains($0) }),
           next.contains(where: { ["selected", "hired", "found", "identified", "chosen"].contains($0) }) {
            return true
        }
        return false
    }

    // MARK: Tables

    /// The words with which ``isOpenUntilFilled(cued:)`` starts a reading, as bytes.
    private static let startingWordBytes: [[UInt8]] =
        ["ouf", "continuous", "continuously", "ongoing", "until", "till", "til", "untill"].map { Array($0.utf8) }

    /// Words that may sit between "until" and "filled" ("until the position has been filled").
    static let fillerBeforeFilled: Set<String> = [
        "the", "a", "this", "position", "job", "vacancy", "role", "post", "opening", "positions",
        "is", "are", "has", "have", "been", "was", "successfully", "posting", "search",
    ]

    /// Phrases after which a date is the closing date.
    static let strongCues: [String] = [
        "deadline", "closing date", "close date", "closing", "closes", "will close", "close on",
        "apply by", "apply before", "apply no later than", "applications due", "application due",
        "due by", "due date", "due on", "are due", "is due", "submitted by", "received by",
        "postmarked by", "submit by", "accepted until", "accepted through", "accepted thru",
        "accepted by", "accepted no later than", "accepting applications until",
        "accepting applications through", "applications until", "applications through",
        "open until", "open through", "open thru", "posted until", "posted through",
        "expires", "expiration date", "expiry date", "last day to apply", "posting end date",
        "end of posting", "posting ends", "posting close",
    ]

    /// Prefilters: text without any of these words cannot hold a deadline or an "until filled".
    static let closingCues = strongCues + genericCues
    static let openCues = ["until", "till", "til ", "ouf", "continuous", "ongoing"]
    static let cueFilter = FastText.Needles(closingCues)
    static let openFilter = FastText.Needles(openCues)

    /// Cues that need the context checked ("start no later than …" is not a deadline).
    static let genericCues: [String] = ["no later than", "until", "through"]

    /// Words between a cue and a date that show the date is about something else.
    static let interruptingWords: Set<String> = [
        "review", "reviews", "reviewed", "begin", "begins", "beginning", "start", "starts",
        "starting", "interview", "interviews", "posted", "screening", "commence", "commences",
    ]

    static func asciiLower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 65 && c.value <= 90) ? Unicode.Scalar(c.value + 32) ?? c : c
    }

    /// The cues as scalars, made once: strong cues first, then the generic ones.
    static let cueScalars: [(cue: [Unicode.Scalar], generic: Bool)] =
        strongCues.map { (Array($0.unicodeScalars), false) } + genericCues.map { (Array($0.unicodeScalars), true) }

    /// The cues grouped by their first scalar (every cue starts with an ASCII letter), in their order
    /// within a group, with their scalars back to back: flat values, read without reference counting.
    private struct CueTable {
        var scalars: [Unicode.Scalar] = []
        var cues: [(start: Int, count: Int, generic: Bool)] = []
        /// The cues starting with scalar `v` are `cues[byFirst[v]]`.
        var byFirst = [Range<Int>](repeating: 0..<0, count: 128)
    }

    private static let cueTable: CueTable = {
        var table = CueTable()
        for entry in cueScalars {
            precondition(entry.cue[0].isASCII, "a closing cue must start with an ASCII letter: \(entry.cue)")
        }
        for first in 0..<128 {
            let from = table.cues.count
            for (cue, generic) in cueScalars where cue[0].value == first {
                table.cues.append((table.scalars.count, cue.count, generic))
                table.scalars += cue
            }
            table.byFirst[first] = from..<table.cues.count
        }
        return table
    }()

    /// Every word-bounded occurrence of every cue in lower-cased scalars, found in one pass: at each word
    /// start, only the cues beginning with its letter are compared. (No cue can overlap another
    /// occurrence of itself at a word start, so this finds what a search cue by cue finds.)
    static func cueOccurrences(in s: [Unicode.Scalar]) -> [(start: Int, end: Int, generic: Bool)] {
        func isWordChar(_ c: Unicode.Scalar) -> Bool { c.isAlphabeticFast || (c.value >= 48 && c.value <= 57) }
        var found: [(start: Int, end: Int, generic: Bool)] = []
        let table = cueTable
        table.scalars.withUnsafeBufferPointer { scalars in
            table.cues.withUnsafeBufferPointer { cues in
                for i in s.indices where s[i].value < 128 && (i == 0 || !isWordChar(s[i - 1])) {
                    for k in table.byFirst[Int(s[i].value)] where i + cues[k].count <= s.count {
                        let (start, count, generic) = cues[k]
                        guard i + count == s.count || !isWordChar(s[i + count]) else { continue }
                        var same = true
                        for m in 1..<count where s[i + m] != scalars[start + m] {
                            same = false
                            break
                        }
                        if same { found.append((i, i + count, generic)) }
                    }
                }
            }
        }
        return found
    }

    /// Whether "start", "begin" or "review" comes shortly before `index` in the same sentence.
    static func followsStartWords(_ lower: [Unicode.Scalar], before index: Int) -> Bool {
        var from = max(0, index - 40)
        if let stop = lower[from..<index].lastIndex(where: { $0 == "." || $0 == ";" || $0 == "\n" || $0 == "!" || $0 == "?" }) {
            from = stop + 1
        }
        let text = String(String.UnicodeScalarView(lower[from..<index]))
        return containsWord(text, of: startWords)
    }

    /// Words that, shortly before a generic cue, show it is about a start, not a close.
    static let startWords: Set<String> = ["start", "starting", "begin", "begins", "commence", "review",
                                          "available", "employment", "effective"]

    static func containsWord(_ text: String, of words: Set<String>) -> Bool {
        // ASCII is read on bytes: its letters are the characters that are letters.
        var text = text
        let onBytes: Bool? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = -1
            for i in 0...bytes.count {
                if i < bytes.count, (bytes[i] | 0x20) &- 0x61 < 26 {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    if words.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) { return true }
                    start = -1
                }
            }
            return false
        }
        return onBytes ?? text.split(whereSeparator: { !$0.isLetter }).contains { words.contains(String($0)) }
    }
}
