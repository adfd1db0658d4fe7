import Foundation
import Testing
@testable import StacksFit

/// The libxml2 2.9.14 traps the parser must not fall into, and hostile input.
@Suite("Markup safety")
struct MarkupSafetyTests {
    @Test("escaping replaces exactly &, <, > (and \" in attributes), whatever surrounds them")
    func escaping() {
        // Scalar by scalar: a ">" that a combining mark joins into one character must still be escaped.
        func reference(_ text: String, attribute: Bool) -> String {
            text.unicodeScalars.map { c -> String in
                switch c {
                case "&": "&amp;"
                case "<": "&lt;"
                case ">": "&gt;"
                case "\"" where attribute: "&quot;"
                default: String(c)
                }
            }.joined()
        }
        var random = SplitMix64(seed: 21)
        // Long runs of plain letters too: eight bytes without a special one are passed over at once.
        // (And the bytes next to the special ones, which the word test must not take for them.)
        let alphabet = Array("aaaaaaaaaaaa&<>\"é “”\u{301}$%'=?:;".unicodeScalars)
        for _ in 0..<4_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 70)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            for attribute in [false, true] {
                var out = "prefix:"
                HTMLSanitizer.escape(text, into: &out, attribute: attribute)
                #expect(out == "prefix:" + reference(text, attribute: attribute), "\(text.debugDescription)")
            }
        }
    }

    private func feed(_ itemBody: String, prolog: String = "") -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="utf-8"?>\(prolog)
        <rss version="2.0"><channel><title>T</title>
        <item><title>Job</title><description>\(itemBody)</description></item>
        </channel></rss>
        """.utf8)
    }

    @Test("an undefined entity does not swallow later &amp; &lt; &gt;")
    func undefinedEntityKeepsLaterEscapes() throws {
        let result = PostingParser.parse(feed("Caf&eacute; &nbsp;x &amp;amp; y &amp;lt;3"), input: "t.rss")
        let posting = try #require(result.postings.first)
        #expect(posting.text == "Café x & y <3")
        #expect(posting.source.wellFormed == false)
        #expect(result.problems.contains { $0.line == 3 && $0.message.contains("&eacute;") })
    }

    @Test("a plain recover-mode read of the same bytes loses them (the trap is real)")
    func trapIsReal() {
        // Without XMLRepair libxml2 drops "&amp;" after the first undefined entity; prove the
        // repair is what keeps it, by checking the repair changed the bytes.
        let repaired = XMLRepair.repair(Array("<r>&eacute; x &amp; y</r>".utf8))
        #expect(repaired.changes == 1)
        #expect(String(decoding: repaired.bytes, as: UTF8.self) == "<r>&#233; x &amp; y</r>")
    }

    @Test("HTML's upper-case hexadecimal reference (&#X41;) reads as its character, and marks the feed not well-formed")
    func upperCaseHexReference() throws {
        let repaired = XMLRepair.repair(Array("<r>&#X41;&#x42;&#67;</r>".utf8))
        #expect(repaired.changes == 1)
        #expect(String(decoding: repaired.bytes, as: UTF8.self) == "<r>&#x41;&#x42;&#67;</r>")
        let result = PostingParser.parse(feed("Caf&#XE9; &amp; more"), input: "t.rss")
        let posting = try #require(result.postings.first)
        #expect(posting.text == "Café & more")
        #expect(posting.source.wellFormed == false)
    }

    @Test("bare ampersands survive as text")
    func bareAmpersand() throws {
        let result = PostingParser.parse(feed("Q&A desk &amp; more, a=1&b=2"), input: "t.rss")
        #expect(try #require(result.postings.first).text == "Q&A desk & more, a=1&b=2")
    }

    @Test("XXE naming a local file returns nothing of it")
    func externalEntityIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sf-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        let prolog = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(secret.path)\"><!ENTITY xxe2 SYSTEM \"file://\(secret.path)\">]>"
        let bytes = feed("before &xxe; &xxe2; after", prolog: prolog)
        let result = PostingParser.parse(bytes, input: "xxe.rss", baseURI: dir.appendingPathComponent("x.rss").absoluteString)
        let json = try PostingsJSON.format(postings: result.postings, problems: result.problems)
        #expect(!json.contains("TOP-SECRET"))
        #expect(result.postings.first?.text.contains("before") == true)
    }

    @Test("billion laughs finishes fast and small")
    func billionLaughs() throws {
        var prolog = "<!DOCTYPE rss [<!ENTITY lol \"lol\">"
        for i in 1...9 {
            let previous = i == 1 ? "lol" : "lol\(i - 1)"
            prolog += "<!ENTITY lol\(i) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        prolog += "]>"
        let start = Date()
        let result = PostingParser.parse(feed("&lol9;", prolog: prolog), input: "bomb.rss")
        #expect(Date().timeIntervalSince(start) < 5)
        let text = result.postings.first?.text ?? ""
        #expect(text.utf8.count <= 1 << 20)
    }

    @Test("quadratic blow-up is cut at the expansion budget")
    func quadraticBlowup() throws {
        let big = String(repeating: "a", count: 50_000)
        let prolog = "<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>"
        let body = String(repeating: "&big;", count: 2_000) // 100 MB if expanded in full
        let start = Date()
        let result = PostingParser.parse(feed(body, prolog: prolog), input: "quad.rss")
        #expect(Date().timeIntervalSince(start) < 10)
        #expect((result.postings.first?.text.utf8.count ?? 0) <= 1 << 20)
        #expect(result.problems.contains { $0.message.contains("entity expansion") })
    }

    @Test("a 300-deep tag soup keeps its text")
    func deepTagSoup() throws {
        let html = "<html><body><h1>Deep</h1>" + String(repeating: "<div><span>", count: 300)
            + "Cataloging required" + String(repeating: "</span></div>", count: 300) + "</body></html>"
        let result = PostingParser.parse(Array(html.utf8), input: "deep.html")
        #expect(try #require(result.postings.first).text.contains("Cataloging required"))
    }

    @Test("100,000-deep nesting neither crashes nor loses text")
    func veryDeepNesting() throws {
        let html = "<html><body><h1>Deeper</h1>" + String(repeating: "<div>", count: 100_000) + "bottom text"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let result = PostingParser.parse(Array(html.utf8), input: "deeper.html")
        #expect(try #require(result.postings.first).text.contains("bottom text"))
    }

    @Test("a tag with 100,000 attributes (quadratic in libxml2) is read fast, with its first 1,000, and said so")
    func manyAttributes() throws {
        let attributes = (0..<100_000).map { "a\($0)=\"v > \($0)\"" }.joined(separator: " ")
        let html = "<html><body><h1>Attributes</h1>\n\n<p \(attributes)>Cataloging required</p></body></html>"
        let start = Date()
        let result = PostingParser.parse(Array(html.utf8), input: "attributes.html")
        #expect(Date().timeIntervalSince(start) < 10) // uncapped, libxml2 alone takes minutes
        #expect(try #require(result.postings.first).text.contains("Cataloging required"))
        let warning = try #require(result.problems.first { $0.message.contains("attributes") })
        #expect(warning.severity == .warning && warning.line == 3)
        let tree = HTMLParser.parse(Array(html.utf8))
        let p = try #require(tree.walkDescendants(tree.root).first { tree.name($0) == "p" })
        #expect(tree.attributes(p).count == AttributeCap.limit)
        #expect(tree.attribute("a999", of: p) == "v > 999" && tree.attribute("a1000", of: p) == nil)
    }

    @Test("stray end tags against 100,000 open elements (quadratic in libxml2) stop the parser, keeping what was read")
    func strayEndTagsAgainstDeepNesting() throws {
        for body in [String(repeating: "<div>", count: 100_000) + "Cataloging required" + String(repeating: "</span>", count: 100_000),
                     // Each <div> closes the <p> before it, so every </p> closes nothing.
                     String(repeating: "<div><p>", count: 100_000) + "Cataloging required" + String(repeating: "</p></div>", count: 100_000)] {
            let html = "<html><body><h1>Deep</h1>\n" + body + "</body></html>"
            let start = Date()
            let result = PostingParser.parse(Array(html.utf8), input: "stray.html")
            #expect(Date().timeIntervalSince(start) < 10) // unstopped, libxml2 alone takes 12 s and 7 s
            #expect(try #require(result.postings.first).text.contains("Cataloging required"))
            let warning = try #require(result.problems.first { $0.message.contains("stopped reading") })
            #expect(warning.severity == .warning && warning.line == 2)
        }
        // Deep nesting closed in order costs nothing and is read whole.
        let nested = "<html><body><h1>Deep</h1>" + String(repeating: "<div>", count: 100_000) + "x"
            + String(repeating: "</div>", count: 100_000) + "<p>after</p></body></html>"
        let whole = PostingParser.parse(Array(nested.utf8), input: "nested.html")
        #expect(try #require(whole.postings.first).text.contains("after"))
        #expect(!whole.problems.contains { $0.message.contains("stopped reading") })
        // Nor are end tags that a <div> keeps from closing their <b>: each is found at once (0.08 s in libxml2).
        let bold = "<html><body><h1>Bold</h1>" + String(repeating: "<b><div>", count: 100_000) + "x"
            + String(repeating: "</b>", count: 100_000) + "<p>after</p></body></html>"
        #expect(!PostingParser.parse(Array(bold.utf8), input: "bold.html").problems.contains { $0.message.contains("stopped reading") })
        // But an end tag found deep below elements it may not close, again and again, is stopped, even
        // with one of those elements closed between each (2 s in libxml2 for 50,000; quadratic).
        let mismatched = "<html><body><h1>Deep</h1><x>" + String(repeating: "<table>", count: 50_000) + "y"
            + String(repeating: "</x></table>", count: 50_000)
        #expect(PostingParser.parse(Array(mismatched.utf8), input: "mismatched.html").problems.contains { $0.message.contains("stopped reading") })
    }

    @Test("a feed item with 100,000 attributes is read fast, and said so")
    func manyAttributesInAFeed() throws {
        let attributes = (0..<100_000).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n<item \(attributes)><title>Cataloger</title>"
            + "<description>Cataloging required</description></item></channel></rss>"
        let start = Date()
        let result = PostingParser.parse(Array(rss.utf8), input: "attributes.rss")
        #expect(Date().timeIntervalSince(start) < 10) // uncapped, libxml2 alone takes about ten seconds
        #expect(try #require(result.postings.first).title == "Cataloger")
        let warning = try #require(result.problems.first { $0.message.contains("attributes") })
        #expect(warning.severity == .warning && warning.line == 3)
    }

    @Test("the attribute cap leaves tags within the limit alone, keeps what follows the last attribute, and is not fooled")
    func attributeCapShapes() {
        let many = (0..<AttributeCap.limit).map { "b\($0)" }.joined(separator: " ")
        let more = (0..<1_500).map { "c\($0)=\"\($0)\"" }.joined(separator: " ")
        let words = (0..<3_000).map { "w\($0)" }.joined(separator: " ")
        func cap(_ text: String, html: Bool = true) -> (cut: Int, text: String) {
            let result = AttributeCap.apply(Array(text.utf8), html: html)
            return (result.tagsCut, String(decoding: result.bytes, as: UTF8.self))
        }
        // Within the limit, and text that only looks like tags: the input itself.
        for html in ["<p \(many)>x</p>", "<script>if (a <b \(words)) {}</script><p>y</p>", "<!-- <x \(words) --><p>z</p>",
                     "<style>p <x \(words) {}</style>", "<p 1=\">\" \(more)>"] {
            #expect(cap(html) == (0, html), "\(html.prefix(40))")
        }
        // Past it: the attributes past the limit go, and nothing else (a quoted ">", "/>" and stray bytes stay).
        #expect(cap("<p a='>' \(many)>q</p>") == (1, "<p a='>' \(many.replacingOccurrences(of: " b999", with: " "))>q</p>"))
        let kept = (0..<AttributeCap.limit).map { "c\($0)=\"\($0)\"" }.joined(separator: " ")
        #expect(cap("<br \(more)/><p>x</p>") == (1, "<br \(kept) /><p>x</p>"))
        #expect(cap("<item \(more)/><item>x</item>", html: false) == (1, "<item \(kept) /><item>x</item>"))
        #expect(cap("<p \(more) %% >t</p>").text == "<p \(kept)  %% >t</p>")
        // Where libxml2 reads markup that hides a tag from a naive scan, the cap still finds the tag.
        for (html, isHTML) in [("<?x <!-- ><p \(more)>", true), ("<script/><p \(more)>", true), ("</ <p \(more)>", true),
                               ("<![CDATA[<!--]]><item \(more)>", false), ("<script><item \(more)>", false),
                               ("<!DOCTYPE x \"<\" ><p \(more)>", true)] {
            #expect(cap(html, html: isHTML).cut == 1, "\(html.prefix(30))")
        }
    }

    @Test("a truncated feed keeps the items before the break and says where it broke")
    func truncatedFeed() throws {
        let text = """
        <rss version="2.0"><channel><title>T</title>
        <item><title>First</title></item>
        <item><title>Second</title></item>
        <item><title>Thi
        """
        let result = PostingParser.parse(Array(text.utf8), input: "cut.rss")
        #expect(result.postings.map(\.title).prefix(2) == ["First", "Second"])
        #expect(result.postings.allSatisfy { !$0.source.wellFormed })
        #expect(result.problems.contains { $0.line != nil && $0.message.contains("not well-formed") })
    }

    @Test("the sanitizer drops script, handlers and javascript: links")
    func sanitizer() {
        let tree = HTMLParser.parseFragment("""
        <p onclick="steal()">Hi <a href="javascript:alert(1)">x</a> <a href="/jobs/1">y</a></p>\
        <script>alert(1)</script><img src="x.png" onerror="alert(2)"><style>p{}</style>
        """, baseURI: "https://example.org/a/")
        let html = HTMLSanitizer.html(tree, tree.root)
        #expect(!html.contains("script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript"))
        #expect(html.contains("href=\"https://example.org/jobs/1\""))
        #expect(html.contains("<img src=\"https://example.org/a/x.png\" />"))
    }
}
