import Foundation
import Testing
@testable import StacksFit

/// The native string helpers replace Foundation calls on hot paths; they must agree with Foundation.
@Suite("Fast text helpers")
struct FastTextTests {
    /// Strings with ASCII and Unicode spaces, line breaks and non-ASCII letters at both ends.
    static let samples = [
        "", " ", "\t\t", "  Albany, NY  ", "\u{00A0}Québec\u{2009}", "\nline\n", "\u{3000}東京\u{3000}",
        "\u{2028}x\u{2029}", "\u{0085}y\u{0085}", ".,Boston.,", "#12 Main St.", "naïve", "\r\n\tmixed \u{202F}",
        "– Remote –", "emoji 📚 ", "\u{200B}zero-width\u{200B}",
    ]

    @Test("trimming agrees with Foundation's trimmingCharacters", arguments: samples)
    func trimming(_ text: String) {
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimming(".,#") == text.trimmingCharacters(in: CharacterSet(charactersIn: ".,#")))
        let sub = text.dropFirst(0)
        #expect(sub.trimmingSpaces == sub.trimmingCharacters(in: .whitespaces))
    }

    @Test("includes, firstRange and lastRange agree with Foundation's contains and range(of:)")
    func search() {
        let texts = ["Cataloging Librarian - Northfield College - Albany", "Café – Québec – Montréal", "a - b", "", "no separator"]
        let needles = [" - ", " – ", "Québec", "é", "Albany", "zzz", "a"]
        for text in texts {
            for needle in needles {
                #expect(text.includes(needle) == text.contains(needle), "\(text) / \(needle)")
                let mine = FastText.lastRange(of: needle, in: text)
                let theirs = text.range(of: needle, options: .backwards)
                #expect(mine == theirs, "\(text) / \(needle)")
                #expect(FastText.firstRange(of: needle, in: text) == text.range(of: needle), "\(text) / \(needle)")
                if let mine { #expect(String(text[mine]) == needle) }
            }
        }
        #expect("anything".includes("") == "anything".contains(""))
    }

    @Test("Needles finds what a plain case-insensitive search finds, for one-byte, multi-byte and overlapping phrases")
    func needles() {
        let phrases = ["$", "£", "salary", "sal", "pay range", "til ", "time", "ti", "€", "Hourly"]
        let needles = FastText.Needles(phrases)
        var random = SplitMix64(seed: 7)
        let alphabet = Array("salry timepRANGEhoulyk $£€ ".unicodeScalars)
        var texts = ["", "s", "$", "SALARY", "a sal", "until ", "til", "until", "Pay Range:", "€", "hourly", "T", "xtix"]
        for _ in 0..<3_000 {
            let length = Int(random.next() % 12)
            texts.append(String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })))
        }
        for text in texts {
            let lower = String(text.unicodeScalars.map { $0.value < 0x80 ? Character($0).lowercased().first! : Character($0) })
            let expected = phrases.contains { lower.contains($0.lowercased()) }
            #expect(needles.occurs(in: text) == expected, "\(text)")
        }
        #expect(!FastText.Needles([]).occurs(in: "anything"))
    }

    @Test("Needles agrees with a plain search for phrases of one to seven bytes, sharing their heads, in any case")
    func needlesOfEveryLength() {
        // Phrases that share their first two, three or four bytes, are prefixes of each other, or hold
        // multi-byte characters, so every table and every look-up of the scan is exercised.
        let phrases = ["p", "po", "pos", "post", "posted", "posting", "postal", "é", "né", "os t", "st é", "€", "ost€",
                       "\0po", "\0p", "\0pos", "St", "st", "É"]
        let needles = FastText.Needles(phrases)
        let groups = FastText.Needles(groups: phrases.map { [$0] })
        var random = SplitMix64(seed: 29)
        let alphabet = Array("pPoOsStTeEdDiInNgGaAlL é€É\0".unicodeScalars)
        for _ in 0..<5_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 16)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let lower = String(text.unicodeScalars.map { $0.value < 0x80 ? Character($0).lowercased().first! : Character($0) })
            let bytes = Array(lower.utf8)
            // (A phrase is looked for lower-cased; the text only in ASCII: "É" is found as "é", never as "É".)
            let expected = phrases.indices.reduce(UInt32(0)) { found, k in
                let phrase = Array(phrases[k].lowercased().utf8)
                let holds = bytes.count >= phrase.count && (0...(bytes.count - phrase.count)).contains { Array(bytes[$0..<($0 + phrase.count)]) == phrase }
                return holds ? found | 1 << UInt32(k) : found
            }
            #expect(groups.groups(in: text) == expected, "\(text)")
            #expect(needles.occurs(in: text) == (expected != 0), "\(text)")
        }
    }

    @Test("the groups of a text's lines found in one pass, with its bytes hashed on the way, are each line's own groups")
    func needlesOverLines() {
        let phrases = ["p", "po", "pos", "post", "posted", "posting", "postal", "é", "né", "os t", "st é", "€", "ost€", "St", "É"]
        let groups = FastText.Needles(groups: phrases.map { [$0] })
        var random = SplitMix64(seed: 37)
        let alphabet = Array("pPoOsStTeEdDiInNgGaAlL é€É\n\n\r".unicodeScalars)
        for _ in 0..<5_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { all in
                let ranges = FastText.lineRanges(all)
                var hash = FNV1a()
                hash.add("seed")
                let found = groups.groups(in: all, ranges: ranges, hashing: &hash)
                #expect(found == ranges.map { groups.groups(in: UnsafeBufferPointer(rebasing: all[$0])) }, "\(text.debugDescription)")
                #expect(found == groups.groups(in: all, ranges: ranges), "\(text.debugDescription)")
                var plain = FNV1a()
                plain.add("seed")
                plain.add(text)
                #expect(hash.value == plain.value, "\(text.debugDescription)")
            }
        }
    }

    @Test("Needles.groups reports each group exactly when that group's phrases alone would be found")
    func needleGroups() {
        let groups = [["$", "usd"], ["until", "til "], ["time", "ti"], ["£"], ["location", "city:"]]
        let together = FastText.Needles(groups: groups)
        let apart = groups.map { FastText.Needles($0) }
        var random = SplitMix64(seed: 13)
        let alphabet = Array("untilTIMEcy:$sd£ lo".unicodeScalars)
        for _ in 0..<3_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 14)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let expected = apart.indices.reduce(UInt32(0)) { $0 | (apart[$1].occurs(in: text) ? 1 << UInt32($1) : 0) }
            #expect(together.groups(in: text) == expected, "\(text)")
        }
        #expect(together.groups(in: "Salary $50,000 until filled; full time; Location: Albany") == 0b10111)
    }

    @Test("words: lower-cased letters and digits, the same on the ASCII fast path as by Unicode's rules")
    func words() {
        #expect(FastText.words("Full-Time, 40 HOURS/week") == ["full", "time", "40", "hours", "week"])
        #expect(FastText.words("Café ÉTÉ – Zürich 2026") == ["café", "été", "zürich", "2026"])
        #expect(FastText.words("") == [])
        #expect(FastText.words(" ,; ") == [])
        var random = SplitMix64(seed: 3)
        let alphabet = Array("aZ9 -_.@[`{/:\t\nQz0".unicodeScalars)
        for _ in 0..<2_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 16)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let expected = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            #expect(FastText.words(text) == expected, "\(text)")
            // The same text with a non-ASCII word after it goes the Unicode way.
            #expect(FastText.words(text + " é") == expected + ["é"], "\(text)")
        }
    }

    @Test("holdsByte tells exactly whether a word's eight bytes hold a byte, or one below a limit; firstNonASCII finds the first high byte")
    func wordTests() {
        var random = SplitMix64(seed: 41)
        for _ in 0..<20_000 {
            // Bytes drawn mostly near the byte looked for, so that borrows between bytes are exercised.
            let byte = UInt8(truncatingIfNeeded: random.next())
            let bytes = (0..<8).map { _ in random.next() % 2 == 0 ? byte &+ UInt8(truncatingIfNeeded: random.next() % 3) &- 1 : UInt8(truncatingIfNeeded: random.next()) }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(FastText.holdsByte(word, byte) == bytes.contains(byte), "\(bytes) \(byte)")
            let limit: UInt8 = random.next() % 16 == 0 ? 0x80 : byte & 0x7F
            #expect(FastText.holdsByte(word, below: limit) == bytes.contains { $0 < limit }, "\(bytes) below \(limit)")
            let text = bytes.map { $0 % 3 == 0 ? $0 : $0 & 0x7F } + Array(repeating: 0x61, count: Int(random.next() % 12))
            text.withUnsafeBufferPointer { buffer in
                let from = Int(random.next() % UInt64(buffer.count))
                #expect(FastText.firstNonASCII(in: buffer, from: from) == (buffer[from...].firstIndex { $0 >= 0x80 } ?? buffer.count))
            }
        }
    }

    @Test("isBullet knows exactly the bullets' bytes, and firstBulletOffset finds them in text")
    func bullets() {
        for first: UInt8 in [0xE2, 0xEF, 0xE3] {
            for second in UInt8(0x80)...0xBF {
                for third in UInt8(0x80)...0xBF {
                    let scalar = String(decoding: [first, second, third], as: UTF8.self).unicodeScalars.first!
                    #expect(FastText.isBullet(first, second, third) == FastText.bullets.contains(scalar))
                }
            }
        }
        #expect(FastText.firstBulletOffset("Required \u{25CF} MLIS") == 9)
        #expect(FastText.firstBulletOffset("Required: MLIS; Alma; R\u{00E9}sum\u{00E9} \u{2022}") == 31)
        #expect(FastText.firstBulletOffset("\u{201C}Required\u{201D} \u{2014} MLIS") == nil)
    }

    @Test("words: curly quotes, dashes and no-break spaces separate on the byte path as Unicode's rules say")
    func typographicWords() {
        #expect(FastText.plainWords("Full\u{2011}time \u{201C}Reference\u{201D} \u{2014} 20\u{00A0}hrs\u{2026}") == ["full", "time", "reference", "20", "hrs"])
        #expect(FastText.plainWords("Café") == nil)
        #expect(FastText.plainWords("a\u{2028}b") == nil)
        // Bullets: the middle dot, geometric shapes, a Symbol-font bullet pasted from a word processor.
        #expect(FastText.plainWords("\u{00B7} MLS\u{25CF}Alma \u{F0B7} RDA\u{25FE}") == ["mls", "alma", "rda"])
        #expect(FastText.plainWords("\u{25FE}\u{FE0F} RDA") == nil)
        // Latin-1 symbols separate; its letters and numbers do not.
        #expect(FastText.plainWords("Alma\u{00AE} \u{00A9}2026 \u{00A7}3") == ["alma", "2026", "3"])
        #expect(FastText.plainWords("1\u{00BD} days") == nil)
        let separators = (0xA0...0xF1FF).compactMap(Unicode.Scalar.init).filter(FastText.isTypographicSeparator)
        #expect(separators.count == 23 + 24 + 47 + 96 + 256)
        for scalar in separators {
            // Never part of a word, and never joined to the letter before it into one character.
            #expect(!scalar.properties.isAlphabetic && scalar.properties.numericType == nil, "\(scalar.value)")
            #expect("a\(scalar)9".count == 3, "\(scalar.value)")
            let character = Character(scalar)
            #expect(!character.isLetter && !character.isNumber, "\(scalar.value)")
        }
        var random = SplitMix64(seed: 5)
        let ascii = Array("aZ9 -.Qz0".unicodeScalars)
        // The scalars just outside each range, which the byte path must leave to the slow one.
        let outside = [0x9F, 0xAA, 0xB2, 0xB5, 0xB9, 0xBA, 0xBC, 0xC0, 0x200F, 0x2028, 0x202F, 0x205F, 0x259F, 0x2600, 0xEFFF, 0xF100].compactMap(Unicode.Scalar.init)
        #expect(!outside.contains(where: FastText.isTypographicSeparator))
        for _ in 0..<6_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 16)).map { _ in
                switch random.next() % 8 {
                case 0..<4: ascii[Int(random.next() % UInt64(ascii.count))]
                case 7: outside[Int(random.next() % UInt64(outside.count))]
                default: separators[Int(random.next() % UInt64(separators.count))]
                }
            }))
            let byCharacters = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            let plain = !text.unicodeScalars.contains(where: outside.contains)
            #expect(FastText.plainWords(text) == (plain ? byCharacters : nil), "\(text.unicodeScalars.map(\.value))")
            #expect(FastText.words(text) == byCharacters, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("lowercasedWord agrees with String.lowercased, ASCII or not")
    func lowercasedWord() {
        for word in ["Albany", "MLIS", "", "x", "Zürich", "ÉTÉ", "straße", "İstanbul", "ǅungla"] {
            let scalars = Array(word.unicodeScalars)
            #expect(FastText.lowercasedWord(scalars[...]) == word.lowercased(), "\(word)")
            if scalars.count > 2 { #expect(FastText.lowercasedWord(scalars[1..<3]) == String(String.UnicodeScalarView(scalars[1..<3])).lowercased()) }
        }
    }

    @Test("hasPrefixIgnoringCase agrees with lower-casing the text and comparing characters")
    func prefix() {
        #expect(FastText.hasPrefixIgnoringCase("Location: Albany", "location:"))
        #expect(FastText.hasPrefixIgnoringCase("LOCATION:", "location:"))
        #expect(!FastText.hasPrefixIgnoringCase("Locat", "location:"))
        #expect(!FastText.hasPrefixIgnoringCase("Job location:", "location:"))
        // A mark joins the colon into another character; the Kelvin sign lower-cases to "k".
        #expect(!FastText.hasPrefixIgnoringCase("location:\u{301} Albany", "location:"))
        #expect(FastText.hasPrefixIgnoringCase("Wor\u{212A} Location: Albany", "work location:"))
        var random = SplitMix64(seed: 9)
        let alphabet = Array("aboutAB :\r\n\u{301}\u{212A}é\u{130}".unicodeScalars)
        for _ in 0..<3_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 20)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            for prefix in ["about ", "ab", "a", ":", "bout a"] {
                #expect(FastText.hasPrefixIgnoringCase(text, prefix) == text.lowercased().hasPrefix(prefix), "\(text.debugDescription) / \(prefix)")
            }
        }
    }

    @Test("lines split on line feeds only and drop empty lines")
    func lines() {
        #expect(FastText.lines("a\nb\n\nc\n") == ["a", "b", "c"])
        #expect(FastText.lines("") == [])
        #expect(FastText.lines("é\nü") == ["é", "ü"])
    }

    @Test("isBulletCharacter agrees with the set of bullet characters, for every character of one scalar and with a mark")
    func bulletCharacters() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // (A scalar and a mark make one character, or two when the scalar takes no mark.)
            for c in [String(scalar), String(scalar) + "\u{0301}", String(scalar) + "\u{FE0F}"].flatMap(Array.init) {
                #expect(FastText.isBulletCharacter(c) == FastText.bulletCharacters.contains(c), "\(value)")
            }
        }
    }

    @Test("split on bytes gives the pieces splitting on characters gives, for strings and substrings")
    func splitOnBytes() {
        var random = SplitMix64(seed: 67)
        // Separators, and what may join one into another character: marks, a prepended sign, CR before LF.
        let pieces = ["a", "New York", " ", ",", "-", "\n", "\r", "\r\n", "é", "\u{0301}", "\u{0600}", "\u{200D}", "’", "日", "  "]
        var onBytes = 0
        for _ in 0..<4_000 {
            let text = (0..<Int(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for separator in [" ", ",", "-", "\n"] as [Character] {
                let byte = separator.asciiValue!
                #expect(FastText.split(text, separator: byte) == text.split(separator: separator), "\(Array(text.unicodeScalars)) / \(byte)")
                let inner = text.dropFirst()
                #expect(FastText.split(inner, separator: byte) == inner.split(separator: separator), "\(Array(inner.unicodeScalars)) / \(byte)")
                if !text.unicodeScalars.contains(where: { $0.value >= 0x80 }), text.contains(separator) { onBytes += 1 }
            }
        }
        #expect(onBytes > 500, "\(onBytes)")
    }

    @Test("joinedLines gives what joining with line feeds gives")
    func joinedLines() {
        var random = SplitMix64(seed: 83)
        let pieces = ["", "a", "New York, NY", "é ü", "\r\n", String(repeating: "long line ", count: 9), "日本", "\u{0301}"]
        for _ in 0..<2_000 {
            let lines = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(FastText.joinedLines(lines) == lines.joined(separator: "\n"), "\(lines)")
            #expect(Array(FastText.joinedLines(lines).utf8) == Array(lines.joined(separator: "\n").utf8))
        }
    }

    @Test("firstLines gives what splitting on line feeds (empty pieces left out) gives, no further than asked")
    func firstLines() {
        let pieces = ["", "a", "é ü", "line one", "\r", "  "]
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: "\n")
            for count in 0...5 {
                let expected = text.utf8.split(separator: 0x0A, maxSplits: count).prefix(count).map { String(Substring($0)) }
                #expect(FastText.firstLines(text, count) == expected, "\(text.debugDescription) / \(count)")
            }
        }
        #expect(FastText.lines("a\n\nb\nc") == FastText.firstLines("a\n\nb\nc", 9))
    }

    @Test("scalar fast paths and trimming agree with Unicode and Foundation on every scalar up to U+3000")
    func scalarProperties() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let padded = String(scalar) + "a" + String(scalar)
            if scalar.isAlphabeticFast != scalar.properties.isAlphabetic || scalar.isWhitespaceFast != scalar.properties.isWhitespace
                || padded.trimmingSpaces != padded.trimmingCharacters(in: .whitespaces)
                || padded.trimmingWhitespace != padded.trimmingCharacters(in: .whitespacesAndNewlines) {
                disagreements.append("U+" + String(value, radix: 16))
            }
        }
        #expect(disagreements.isEmpty)
    }

    @Test("collapse folds every kind of space into one and trims", arguments: [
        ("  a \t b\n", "a b"), ("x\u{00A0}\u{00A0}y", "x y"), ("\u{2003}é\u{200B}ü\u{3000}", "é ü"),
        ("\u{FEFF}start", "start"), ("a\u{0085}b", "a b"), ("€ 5", "€ 5"), ("\u{E2}", "\u{E2}"), ("", ""),
    ])
    func collapse(_ pair: (String, String)) {
        #expect(HTMLText.collapse(pair.0) == pair.1)
    }

    @Test("endsPossessive agrees with hasSuffix(\"'s\") || hasSuffix(\"’s\")", arguments: [
        "library's", "library’s", "libraries'", "s", "'s", "’s", "x’s", "xs", "", "boss", "it's", "é's", "’", "a’sb",
    ])
    func possessive(_ word: String) {
        #expect(word.endsPossessive == (word.hasSuffix("'s") || word.hasSuffix("’s")), "\(word)")
        #expect(word[...].endsPossessive == word.endsPossessive)
    }
}
