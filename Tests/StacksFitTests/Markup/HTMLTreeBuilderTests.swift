import CLibXML2
import Foundation
import Testing
@testable import StacksFit

/// The tree built from libxml2's parser events is the tree that copying libxml2's own DOM gives,
/// node for node: names, attributes, text, shape and lines.
@Suite("HTML tree builder")
struct HTMLTreeBuilderTests {
    /// The reference: libxml2 builds its DOM, which is copied and freed.
    private func domTree(_ utf8: [UInt8]) -> MarkupTree {
        _ = LibXML.ready
        var tree = MarkupTree()
        guard !utf8.isEmpty, let ctxt = htmlNewParserCtxt() else { return tree }
        defer { htmlFreeParserCtxt(ctxt) }
        let doc: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlCtxtReadMemory(ctxt, $0.baseAddress, Int32($0.count), nil, "UTF-8", HTMLParser.options)
            }
        }
        guard let doc else { return tree }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return tree }
        var expander = EntityExpander()
        LibXML.copy(root, withSiblings: false, into: &tree, parent: -1, expander: &expander)
        return tree
    }

    /// Every node of a tree, as one comparable line each.
    private func nodes(_ tree: MarkupTree, attributesKept: Int = .max) -> [String] {
        tree.storage.indices.map { k in
            let s = tree.storage[k], node = MarkupTree.Node(Int32(k))
            return "\(s.kind) \(tree.name(node)) \(tree.namespace(node) ?? "-") \(tree.attributes(node).prefix(attributesKept).map { "\($0.name)=\($0.value)" }) \(s.parent) \(s.firstChild) \(s.lastChild) \(s.nextSibling) line \(s.line) \(tree.ownText(node).debugDescription)"
        }
    }

    private func expectSameTree(_ html: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let built = nodes(HTMLParser.parse(html)), reference = nodes(domTree(html))
        #expect(built.count == reference.count, "\(label): \(built.count) nodes, the DOM has \(reference.count)", sourceLocation: sourceLocation)
        if let k = zip(built, reference).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(label): node \(k) is \(built[k]); the DOM's is \(reference[k])", sourceLocation: sourceLocation)
        }
    }

    @Test("text read as bytes becomes a node as a string made of them would, mended: bytes that are no UTF-8 replaced, windows-1252 controls and mojibake repaired")
    func textBytesMended() {
        var samples: [[UInt8]] = [Array("plain".utf8), Array("don\u{92}t".utf8), Array("cafÃ©".utf8), [0x61, 0xFF, 0x62],
                                  [0xE2, 0x82], Array("â€™".utf8), [0xC2, 0x92, 0xED, 0xA0, 0x80], Array("日本".utf8)]
        var random = SplitMix64(seed: 17)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0xC3], [0xA9], [0xC2], [0x92], [0xE2], [0x80], [0x99], [0xFF], Array("é".utf8)]
        for _ in 0..<2_000 {
            samples.append((0..<(1 + Int(random.next() % 8))).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] })
        }
        var tree = MarkupTree()
        tree.append(.element, name: "p", parent: -1, line: 1)
        var nodes: [(MarkupTree.Node, String)] = []
        for bytes in samples {
            let start = tree.textByteCount
            // In pieces, as libxml2 hands them over.
            for piece in [bytes.prefix(bytes.count / 2), bytes.dropFirst(bytes.count / 2)] {
                Array(piece).withUnsafeBufferPointer { tree.appendTextBytes($0) }
            }
            let node = MarkupTree.Node(tree.appendText(from: start, parent: 0, line: 1))
            nodes.append((node, TextRepair.clean(String(decoding: bytes, as: UTF8.self))))
        }
        // Each node keeps its own text once later ones are mended.
        for (node, expected) in nodes {
            #expect(tree.ownText(node) == expected, "\(Array(expected.utf8))")
            #expect(tree.withOwnText(node) { Array($0) } == Array(expected.utf8))
        }
        #expect(tree.text(of: tree.root) == nodes.map(\.1).joined())
        #expect(tree.textLength(of: tree.root) == nodes.map(\.1.utf8.count).reduce(0, +))
    }

    @Test("element names are kept once per tree, told apart by their bytes, however many there are")
    func namesKeptOnce() {
        var tree = MarkupTree()
        let spellings = ["caf\u{E9}", "cafe\u{301}", "p", "P", ""] + (0..<200).map { "n\($0)" }
        var nodes: [(MarkupTree.Node, String)] = []
        let root = tree.append(.element, name: "root", parent: -1, line: 1)
        for round in 0..<3 {
            for (k, name) in spellings.enumerated() {
                let namespace = k % 7 == 0 ? nil : "urn:x:\(k % 3)"
                let node = MarkupTree.Node(tree.append(.element, name: name, namespace: namespace,
                                                       attributes: [.init(name: "r", namespace: nil, value: "\(round)")], parent: root, line: 1))
                nodes.append((node, name))
                #expect(tree.namespace(node) == namespace)
                #expect(tree.attribute("r", of: node) == "\(round)")
            }
        }
        for (node, name) in nodes { #expect(Array(tree.name(node).utf8) == Array(name.utf8), "\(name)") }
        #expect(tree.elements(tree.root, named: "cafe\u{301}").count == 6) // equal as strings to "café": both spellings
        #expect(tree.attributes(tree.root).isEmpty)
    }

    @Test("the shapes where libxml2's tree builder does something particular", arguments: [
        "<p>one &amp; two</p>",
        "<p>before<!-- a comment -->after</p>",
        "<p>a<?pi x?>b</p>",
        "<div><script>var a = '<b>';</script>text<style>p{}</style><script>1</script></div>",
        "<div><!-- c --><script>x</script></div>",
        "<input type=checkbox checked><option selected>x</option><td nowrap>y<a href>z</a><a href=\"\">w</a>",
        "<html><body>in</body></html><p>after the root</p>tail",
        "<!DOCTYPE html><html><body>in</body></html><p>after the root</p>tail",
        "<!-- first --><html><body>in</body></html><p>after the root</p>tail",
        "<html><body>in</body></html><!-- c --><p>after</p><?pi?><div>more</div>",
        "text before any tag<b>bold</b>",
        "<html>\n\n<head>\n<title>t</title>\n</head>\n<body>\n\n<p>\nline\nbreaks\n</p>\n</body>\n</html>",
        "<table><tr><td>a<td>b</table><ul><li>1<li>2</ul>",
        "<p>" + String(repeating: "long text &eacute; ", count: 400) + "</p>",
        "<b>" + String(repeating: "<i>", count: 300) + "deep" + String(repeating: "</i>", count: 300) + "</b>",
        "",
        "   ",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body> <p> x </p> </body></html>",
        "<p>caf\u{E9} \u{2014} \u{201C}quoted\u{201D}</p>",
        "<p>a<!DOCTYPE html>b</p>",
        "<html><body>x</body></html><!DOCTYPE html><p>after</p>",
        "<p>Duties<o:p></o:p></p><o:p>x</o:p>",
        "<a:b:c>y</a:b:c><:x>z</:x><x:>w</x:><xml:lang>v</xml:lang><p xml:lang=\"en\" o:x=\"1\">u</p>",
        // More names than the tree compares in turn, and more than the builder remembers by address.
        "<div>" + (0..<300).map { "<x\($0) a=\"\($0)\">t\($0)<p>p</p></x\($0)>" }.joined() + "<p>last</p></div>",
    ])
    func particularShapes(html: String) {
        expectSameTree(Array(html.utf8), html)
    }

    @Test("a page whose tags carry more attributes than the cap reads as libxml2 reads it, each tag keeping its first 1,000")
    func attributeCapKeepsTheTree() {
        var random = SplitMix64(seed: 99)
        var serial = 0
        func attributes(_ count: Int) -> String {
            (0..<count).map { _ -> String in
                serial += 1
                switch random.below(8) {
                case 0: return "u\(serial)=v\(serial)"
                case 1: return "s\(serial)='x > \(serial)'"
                case 2: return "bare\(serial)"
                case 3: return "%junk\(serial)"
                default: return "q\(serial)=\"v \(serial)\""
                }
            }.joined(separator: random.below(5) == 0 ? "\n " : " ")
        }
        for round in 0..<12 {
            var html = "<html><body>"
            for _ in 0..<(2 + random.below(4)) {
                let name = ["p", "div", "span", "b", "br", "td"][random.below(6)]
                let count = random.below(3) == 0 ? random.below(40) : 900 + random.below(400)
                html += "<\(name) \(attributes(count))\(random.below(4) == 0 ? "/" : "")>text \(round)<!-- <i \(attributes(3))> --><?pi x?>"
                if random.below(3) == 0 { html += "<script>var a = '<b \(attributes(5))>';</script>" }
                html += "</\(name)>"
            }
            let bytes = Array(html.utf8)
            let a = nodes(HTMLParser.parse(bytes)), b = nodes(domTree(bytes), attributesKept: AttributeCap.limit)
            #expect(a.count == b.count, "round \(round): \(a.count) nodes, the DOM has \(b.count)")
            if let k = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                // Show where the two descriptions part.
                let at = zip(a[k], b[k]).prefix { $0 == $1 }.count
                Issue.record("round \(round): node \(k) parts at \(a[k].dropFirst(max(0, at - 80)).prefix(200)) | the DOM's: \(b[k].dropFirst(max(0, at - 80)).prefix(200))")
            }
        }
    }

    @Test("every example page, and damaged copies of them")
    func examplesAndMutations() throws {
        var pages: [(String, [UInt8])] = []
        for url in [TestData.root.appendingPathComponent("Listings"), TestData.root.appendingPathComponent("Tests/StacksFitTests/Fixtures")] {
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where file.hasSuffix(".html") || file.hasSuffix(".htm") {
                let bytes = [UInt8](try Data(contentsOf: url.appendingPathComponent(file)))
                pages.append((file, TextDecoder.decode(bytes).utf8))
            }
        }
        #expect(pages.count >= 6)
        let tokens = ["<", ">", "</p>", "<p>", "<!--", "-->", "<script>", "</script>", "&amp;", "&nbsp;", "\n", "</html>", "<b>", "<?x ?>", "\"", "<td>",
                      "<!DOCTYPE html>", "<o:p>", "</o:p>", ":"].map { Array($0.utf8) }
        var rng = SplitMix64(seed: 77)
        for (file, page) in pages {
            expectSameTree(page, file)
            for round in 0..<40 {
                var damaged = page
                for _ in 0..<(1 + rng.below(5)) where !damaged.isEmpty {
                    let at = rng.below(damaged.count)
                    if rng.below(3) == 0 {
                        damaged.removeSubrange(at..<min(damaged.count, at + 1 + rng.below(40)))
                    } else {
                        damaged.insert(contentsOf: tokens[rng.below(tokens.count)], at: at)
                    }
                }
                expectSameTree(damaged, "\(file), damage \(round)")
            }
        }
    }
}
