import Testing
@testable import StacksFit

@Suite("HTML text")
struct HTMLTextTests {
    @Test("white space of every kind collapses to one space; other characters pass through", arguments: [
        ("  a\u{00A0}\u{00A0}b\u{2003}c\u{FEFF} “d”  ", "a b c “d”"),
        ("café — naïve\t\n\r x", "café — naïve x"),
        ("\u{3000}日本\u{3000}語\u{2028}", "日本 語"),
        ("…’–‘", "…’–‘"),
        ("", ""),
        ("\u{00A0}", ""),
        ("a\u{0085}b\u{202F}c", "a b c"),
    ])
    func collapse(_ input: String, _ expected: String) {
        #expect(HTMLText.collapse(input) == expected)
    }

    @Test("bold labels and headings become section headings")
    func blocks() {
        let tree = HTMLParser.parseFragment("""
        <h2>About the Position</h2><p>Text one.</p>
        <p><b>Qualifications:</b> MLS required.</p>
        <p><strong>Salary</strong>: $50,000</p>
        <ul><li><b>Bold</b> start of a list item is not a label</li></ul>
        <p>How to apply:</p><p>Send a letter.</p>
        """)
        let blocks = HTMLText.blocks(tree, tree.root)
        #expect(blocks.filter(\.isHeading).map(\.text) == ["About the Position", "Qualifications", "Salary", "How to apply"])
        #expect(blocks.contains { $0.text == "MLS required." && !$0.isHeading })
        #expect(blocks.contains { $0.text == "$50,000" && !$0.isHeading })
        #expect(blocks.contains { $0.text == "Bold start of a list item is not a label" })
    }

    @Test("a paragraph typed line by line keeps its lines; prose wrapped by hand stays one paragraph (35% of real pages)", arguments: [
        // A list kept in one paragraph (Markdown's soft breaks), as the real METRO pages have them.
        ("<p>Organize and file all loose-leaf supplements\nGeneral clerical tasks (e.g. bar-coding)\nSorting and checking in mail</p>",
         ["Organize and file all loose-leaf supplements", "General clerical tasks (e.g. bar-coding)", "Sorting and checking in mail"], [String]()),
        // An address, and a first line that names a section heads the lines after it.
        ("<p>Education Required\nMLS required\n2 years of experience</p>", ["MLS required", "2 years of experience"], ["Education Required"]),
        ("<p>Great Neck Library\n159 Bayview Ave\nGreat Neck, NY 11023</p>", ["Great Neck Library", "159 Bayview Ave", "Great Neck, NY 11023"], []),
        // A last line is no heading, nor a line with a label's colon inside it.
        ("<p>Salary: Commensurate with experience\nMLS required</p>", ["Salary: Commensurate with experience", "MLS required"], []),
        // Prose wrapped by hand: a line ends on "the" or a comma, or the next starts in lower case.
        ("<p>Reports to the\nHead of Technical Services.</p>", ["Reports to the Head of Technical Services."], []),
        ("<p>Works with faculty,\nStudents and staff.</p>", ["Works with faculty, Students and staff."], []),
        ("<p>Master's degree from an ALA-accredited\ninstitution; experience with Alma.</p>", ["Master's degree from an ALA-accredited institution; experience with Alma."], []),
        // Bullets the run-in label reading splits stay one block for it.
        ("<p>Required\n● MLS\n● Two years</p>", ["Required ● MLS ● Two years"], []),
    ] as [(String, [String], [String])])
    func handBrokenLines(_ html: String, _ lines: [String], _ headings: [String]) {
        let tree = HTMLParser.parseFragment(html)
        let blocks = HTMLText.blocks(tree, tree.root)
        #expect(blocks.filter { !$0.isHeading }.map(\.text) == lines, "\(blocks)")
        #expect(blocks.filter(\.isHeading).map(\.text) == headings, "\(blocks)")
    }
}

@Suite("White space")
struct WhiteSpaceTests {
    @Test("collapse and hasVisibleCharacter take for white space exactly Unicode's, and the no-break, zero-width and byte-order marks")
    func sameWhiteSpace() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value), value != 0 else { continue }
            let text = String(scalar)
            let space = scalar.properties.isWhitespace || [0xA0, 0x200B, 0xFEFF].contains(value)
            #expect(HTMLText.collapse(text).isEmpty == space, "U+\(String(value, radix: 16))")
            #expect(HTMLText.hasVisibleCharacter(text) == !space, "U+\(String(value, radix: 16))")
        }
        #expect(HTMLText.collapse("\u{FEFF}").isEmpty && !HTMLText.hasVisibleCharacter("\u{FEFF}"))
        #expect(HTMLText.hasVisibleCharacter(" \u{3000}x") && !HTMLText.hasVisibleCharacter(" \n\u{00A0}\u{2003}"))
    }

    @Test("collapse on random text: the words between white space, joined by one space")
    func collapseRandomText() {
        var random = SplitMix64(seed: 31)
        let alphabet = Array("ab .,\t\n\r\u{1}\u{1F}\u{7F}\u{00A0}\u{0085}é’\u{2003}\u{200B}\u{3000}\u{FEFF}日-".unicodeScalars)
        func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || [0xA0, 0x200B, 0xFEFF].contains(c.value) }
        // Long runs of mostly printable ASCII too, where eight bytes are read at a time.
        let prose = Array("abcdefghijklmnopqrstuvwxyz  .\u{7F}\u{1}".unicodeScalars)
        var handedBack = 0
        for k in 0..<10_000 {
            let letters = k % 2 == 0 ? alphabet : prose + [alphabet[Int(random.next() % UInt64(alphabet.count))]]
            let scalars = (0..<Int(random.next() % (k % 2 == 0 ? 24 : 64))).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
            let text = String(String.UnicodeScalarView(scalars))
            let words = scalars.split(whereSeparator: isSpace).map { String(String.UnicodeScalarView($0)) }
            #expect(HTMLText.collapse(text) == words.joined(separator: " "), "\(scalars.map { String($0.value, radix: 16) })")
            // Exactly printable ASCII that collapsing leaves as it is, is handed back without a copy.
            let already = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 } && words.joined(separator: " ") == text
            var copy = text
            #expect(copy.withUTF8(HTMLText.isCollapsed) == already, "\(scalars.map { String($0.value, radix: 16) })")
            // Bytes are collapsed in one pass, collapsed already or not.
            #expect(copy.withUTF8(HTMLText.collapse(utf8:)) == words.joined(separator: " "), "\(scalars.map { String($0.value, radix: 16) })")
            if already { handedBack += 1 }
        }
        #expect(handedBack > 500, "\(handedBack)")
    }

    @Test("hand-broken lines on random paragraphs: the byte reading agrees with a reading of words and lines")
    func handBrokenLinesRandom() {
        var random = SplitMix64(seed: 57)
        let words = ["the", "The", "of", "and", "Mail", "a", "A", "in", "Sorting", "cataloging", "2", "x", "will", "Willow", "an,", "x-", "é", "Érudit",
                     "theme", "andes", "(of", "of)", "MLS", "\u{00A0}", "Tom's", "end."]
        let gaps = [" ", "  ", "\n", " \n ", "\n\n", "\t\n", "\r\n", "\n", "\n"]
        let midPhrase: Set<String> = ["the", "of", "to", "and", "a", "an", "in", "for", "with", "or", "by", "on", "at", "as", "from", "our",
                                      "your", "their", "its", "is", "are", "be", "will", "that", "this"]
        /// The rule, read on lines and words: every line after the first opens with an ASCII capital or digit, and
        /// no line before a break ends on a comma, a hyphen, or (after a space, or as the whole line) a word of
        /// midPhrase in any ASCII case.
        func reference(_ text: String) -> [String]? {
            guard text.unicodeScalars.contains("\n") else { return nil }
            let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var l = line
                while let f = l.first, isSpace(f) { l.removeFirst() }
                while let e = l.last, isSpace(e) { l.removeLast() }
                return String(String.UnicodeScalarView(l))
            }.filter { !$0.isEmpty }
            guard lines.count >= 2 else { return nil }
            for (k, line) in lines.enumerated() {
                if k > 0, !(line.unicodeScalars.first.map { ("A"..."Z").contains($0) || ("0"..."9").contains($0) } ?? false) { return nil }
                if k < lines.count - 1 {
                    if line.unicodeScalars.last == "," || line.unicodeScalars.last == "-" { return nil }
                    let last = String(String.UnicodeScalarView(line.unicodeScalars.split(separator: " ", omittingEmptySubsequences: false).last ?? []))
                    if last.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }), midPhrase.contains(last.lowercased()) { return nil }
                }
            }
            return lines.map { HTMLText.collapse($0 as String) }.filter { !$0.isEmpty }
        }
        var split = 0
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 8) {
                text += words[Int(random.next() % UInt64(words.count))]
                text += gaps[Int(random.next() % UInt64(gaps.count))]
            }
            var copy = text
            let found = copy.withUTF8(HTMLText.handBrokenLines)
            #expect(found == reference(text), "\(Array(text.utf8))")
            if found != nil { split += 1 }
        }
        #expect(split > 100, "\(split)")
    }
}
