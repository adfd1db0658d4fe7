import Testing
@testable import StacksFit

@Suite("Name table")
struct NameTableTests {
    @Test("finds what a dictionary finds: every key, and random names near them")
    func agreesWithDictionary() {
        var entries: [String: Int] = [:]
        for (k, name) in (HTMLText.blockElements.union(HTMLText.invisible).union(HTMLSanitizer.allowed).union(HTMLSanitizer.dropped)).sorted().enumerated() {
            entries[name] = k
        }
        let table = NameTable(entries)
        for (name, value) in entries { #expect(table[name] == value, "\(name)") }
        var random = SplitMix64(seed: 61)
        let letters = Array("abdhilmnoprstuv126-:KÅ\u{212A}é\u{0301}".unicodeScalars)
        var hits = 0
        for _ in 0..<20_000 {
            let name = String(String.UnicodeScalarView((0..<Int(random.next() % 6)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }))
            #expect(table[name] == entries[name], "\(name.debugDescription)")
            if entries[name] != nil { hits += 1 }
        }
        #expect(hits > 100, "\(hits)")
        #expect(table[""] == nil && table["DIV"] == nil && table["div "] == nil)
    }
}
