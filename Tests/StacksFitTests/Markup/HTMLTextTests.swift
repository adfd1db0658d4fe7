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
}
