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
}
