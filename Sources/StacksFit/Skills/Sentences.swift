/// Splits a section's text into sentences: one per line, and lines at ". ", "; ", "? ", "! " when what
/// follows starts a new sentence (an upper-case letter, a digit or a bullet), and at list bullets
/// (• ● ▪ ■ ◦), " -- ", and " - " before a capital or digit between items.
/// Works on UTF-8 bytes; abbreviations such as "e.g." and "Ph.D." do not end a sentence.
enum Sentences {
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        let bytes = Array(text.utf8)
        let n = bytes.count
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09 || bytes[a] == 0x0D) { a += 1 }
            while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D) { b -= 1 }
            if b > a { sentences.append(String(decoding: bytes[a..<b], as: UTF8.self)) }
        }
        while i < n {
            let b = bytes[i]
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
            // A bullet between items: • ● ▪ ■ ◦ (three bytes each, starting E2).
            if b == 0xE2, i + 3 < n, i > start, isBullet(bytes[i + 1], bytes[i + 2]) {
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
            // " - " before a capital between items run together: "MLS or equivalent - 3+ years … - Excellent …".
            if b == 0x2D, i > start, i + 2 < n, bytes[i - 1] == 0x20, bytes[i + 1] == 0x20,
               (bytes[i + 2] >= 0x41 && bytes[i + 2] <= 0x5A) || (bytes[i + 2] >= 0x30 && bytes[i + 2] <= 0x39) {
                emit(i)
                start = i + 1
                i += 1
                continue
            }
            i += 1
        }
        emit(n)
        return sentences
    }

    private static let abbreviations: [[UInt8]] = ["e.g", "i.e", "etc", "dr", "mr", "ms", "mrs", "st", "u.s", "no", "vs", "ph.d", "inc", "a.m", "p.m", "jr", "sr"]
        .map { Array($0.utf8) }

    /// True when the "." at `dot` ends a known abbreviation (case-insensitive, whole word).
    private static func endsWithAbbreviation(_ bytes: [UInt8], at dot: Int) -> Bool {
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

    private static func isBullet(_ second: UInt8, _ third: UInt8) -> Bool {
        switch (second, third) {
        case (0x80, 0xA2), (0x97, 0x8F), (0x96, 0xAA), (0x96, 0xA0), (0x97, 0xA6): true
        default: false
        }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
}
