/// Splits a section's text into sentences: one per line, and lines at ". ", "; ", "? ", "! " when what
/// follows starts a new sentence (an upper-case letter, a digit or a bullet), and at list bullets
/// (• ● ▪ ■ ◦ and Word's private-use bullets), " -- ", and " - " or " -" before a capital or digit.
/// Works on UTF-8 bytes; abbreviations such as "e.g." and "Ph.D." do not end a sentence.
enum Sentences {
    static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in ranges(bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } }
    }

    /// Where each sentence of the UTF-8 text stands, as byte offsets, in order.
    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        Self.interesting.withUnsafeBufferPointer { interesting in
            ranges(bytes, interesting, into: &sentences)
        }
        return sentences
    }

    private static func ranges(_ bytes: UnsafeBufferPointer<UInt8>, _ interesting: UnsafeBufferPointer<Bool>, into sentences: inout [Range<Int>]) {
        let n = bytes.count
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09 || bytes[a] == 0x0D) { a += 1 }
            // A list dash or bullet opening the sentence ("-Supervisory experience.", "• Preferred …") is not part of it.
            if a + 1 < b, bytes[a] == 0x2D, bytes[a + 1] == 0x20 || (bytes[a + 1] >= 0x41 && bytes[a + 1] <= 0x5A) {
                a += 1
                while a < b && bytes[a] == 0x20 { a += 1 }
            } else if a + 3 <= b, FastText.isBullet(bytes[a], bytes[a + 1], bytes[a + 2]) {
                a += 3
                while a < b && bytes[a] == 0x20 { a += 1 }
            }
            while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D) { b -= 1 }
            if b > a { sentences.append(a..<b) }
        }
        while i < n {
            let b = bytes[i]
            // Most bytes are none of those the rules below look at: a line feed, . ; ? ! -, or the first
            // byte of a bullet.
            if !interesting[Int(b)] {
                i += 1
                continue
            }
            if b == 0x0A {
                emit(i)
                start = i + 1
                i += 1
                continue
            }
            // ". " / "; " / "? " / "! " followed by a sentence start.
            if (b == 0x2E || b == 0x3B || b == 0x3F || b == 0x21), i + 2 < n, bytes[i + 1] == 0x20 {
                let next = bytes[i + 2]
                let startsSentence = (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39) || next == 0x2D || next >= 0xC0
                if (b == 0x3B || startsSentence) && !(b == 0x2E && endsWithAbbreviation(bytes, at: i)) {
                    emit(i + 1)
                    start = i + 2
                    i += 2
                    continue
                }
            }
            // A bullet between items: • ● ▪ ■ ◦ (three bytes each, starting E2), and U+F0B7 / U+F0A7, the
            // Symbol- and Wingdings-font bullets that text pasted from Word carries.
            if b == 0xE2 || b == 0xEF, i + 3 < n, i > start, FastText.isBullet(b, bytes[i + 1], bytes[i + 2]) {
                emit(i)
                start = i + 3
                i += 3
                continue
            }
            // " -- " between items: "-- Master's degree … -- Bachelor's degree …, preferred."
            if b == 0x2D, i > start, i + 2 < n, bytes[i - 1] == 0x20, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x20 {
                emit(i)
                start = i + 2
                i += 2
                continue
            }
            // " - " or " -" before a capital between items run together: "MLS or equivalent - 3+ years … -
            // Excellent …", "Preferred Qualifications -Supervisory experience." Not a range ("3 - 5 years"),
            // and not a short tail that belongs to its item ("Library Science - Preferred", "English - Spanish
            // required"): an item has three words or more.
            if b == 0x2D, i > start + 1, i + 2 < n, bytes[i - 1] == 0x20, !(bytes[i - 2] >= 0x30 && bytes[i - 2] <= 0x39) {
                let from = bytes[i + 1] == 0x20 ? i + 2 : i + 1
                let next = bytes[from]
                if (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39), wordsAhead(bytes, from: from) >= 3 {
                    emit(i)
                    start = i + 1
                    i += 1
                    continue
                }
            }
            i += 1
        }
        emit(n)
    }

    /// By byte: whether it can split a sentence: \n ! - . ; ? and the first bytes of the bullets (E2, EF).
    private static let interesting: [Bool] = (0..<256).map { [0x0A, 0x21, 0x2D, 0x2E, 0x3B, 0x3F, 0xE2, 0xEF].contains($0) }

    private static let abbreviations: [[UInt8]] = ["e.g", "i.e", "etc", "dr", "mr", "ms", "mrs", "st", "u.s", "no", "vs", "ph.d", "inc", "a.m", "p.m", "jr", "sr"]
        .map { Array($0.utf8) }

    /// True when the "." at `dot` ends a known abbreviation (case-insensitive, whole word).
    private static func endsWithAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, at dot: Int) -> Bool {
        for abbreviation in abbreviations where dot >= abbreviation.count {
            let from = dot - abbreviation.count
            var same = true
            for k in 0..<abbreviation.count {
                let c = bytes[from + k]
                let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                if lower != abbreviation[k] { same = false; break }
            }
            if same && (from == 0 || !isLetter(bytes[from - 1])) { return true }
        }
        return false
    }

    /// Words from `from` to the next item dash, sentence end or line end.
    private static func wordsAhead(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var words = 0, inWord = false, k = from
        while k < bytes.count {
            let c = bytes[k]
            if c == 0x0A || (c == 0x2D && k > from && bytes[k - 1] == 0x20) || ((c == 0x2E || c == 0x3B) && k + 1 < bytes.count && bytes[k + 1] == 0x20) { break }
            if c == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            k += 1
        }
        return words
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
}
