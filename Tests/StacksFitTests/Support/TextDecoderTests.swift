import Foundation
import Testing
@testable import StacksFit

@Suite("Text decoding")
struct TextDecoderTests {
    private func text(_ decoded: DecodedText) -> String { String(decoding: decoded.utf8, as: UTF8.self) }

    @Test("declared encodings: the XML declaration, then <meta charset> or http-equiv, in any case and quoting")
    func declarations() {
        func declared(_ head: String) -> String? { TextDecoder.declaredEncoding(Array(head.utf8)).map { $0.label + "/" + $0.source } }
        #expect(declared("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>") == "iso-8859-1/declaration")
        #expect(declared("<?xml version='1.0' encoding = 'windows-1252' ?><rss/>") == "windows-1252/declaration")
        #expect(declared("<?xml version=\"1.0\"?><html><meta charset=utf-8>") == "utf-8/meta")
        #expect(declared("<?xml version=\"1.0\" encoding=\"\"?><meta charset='koi8-r'/>") == "koi8-r/meta")
        #expect(declared("<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Windows-1252\">") == "windows-1252/meta")
        #expect(declared("<meta name=\"viewport\"><meta charset = \"UTF-8\" />") == "utf-8/meta")
        #expect(declared("<meta charset><p>charset=x</p>") == nil)
        #expect(declared("<p>no declaration</p>") == nil)
        #expect(declared("<meta charset=\"") == nil)
        #expect(declared("") == nil)
    }

    @Test("UTF-8 with and without a byte-order mark")
    func utf8() {
        let plain = TextDecoder.decode(Array("café “x”".utf8))
        #expect(text(plain) == "café “x”")
        #expect(plain.encoding == "utf-8" && !plain.lossy)
        let bom = TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("<a/>".utf8))
        #expect(text(bom) == "<a/>")
        #expect(bom.source == "bom")
    }

    @Test("UTF-16 in both byte orders, with a mark and sniffed without one")
    func utf16() {
        let sample = "<?xml version=\"1.0\"?><r>é “q”</r>"
        let le = Array(sample.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(sample.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(text(TextDecoder.decode([0xFF, 0xFE] + le)) == sample)
        #expect(text(TextDecoder.decode([0xFE, 0xFF] + be)) == sample)
        #expect(text(TextDecoder.decode(le)) == sample)
        #expect(TextDecoder.decode(be).encoding == "utf-16be")
    }

    @Test("the HTTP charset wins over the document's declaration")
    func httpWins() {
        let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><r>".utf8) + [0x93, 0x71, 0x94] + Array("</r>".utf8)
        let decoded = TextDecoder.decode(bytes, httpCharset: "windows-1252")
        #expect(text(decoded).contains("“q”"))
        #expect(decoded.source == "http")
    }

    @Test("ISO-8859-1 declarations are read as windows-1252, as browsers do")
    func latin1MeansWindows1252() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>don".utf8) + [0x92] + Array("t caf".utf8) + [0xE9] + Array("</r>".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(text(decoded).contains("don’t café"))
        #expect(decoded.encoding == "windows-1252")
    }

    @Test("<meta charset> and http-equiv are found")
    func metaCharset() {
        let a = Array("<html><head><meta charset=\"windows-1252\"></head><body>".utf8) + [0x96] + Array("</body>".utf8)
        #expect(text(TextDecoder.decode(a)).contains("–"))
        let b = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head><body>".utf8) + [0xF0, 0xD2, 0xC9] + Array("</body>".utf8)
        let decoded = TextDecoder.decode(b)
        #expect(decoded.encoding == "koi8-r")
        #expect(text(decoded).contains("При"))
    }

    @Test("invalid UTF-8 bytes are read as windows-1252, valid sequences kept, and it is reported")
    func invalidUTF8() {
        let bytes = Array("naïve ".utf8) + [0x93] + Array("quoted".utf8) + [0x94]
        let decoded = TextDecoder.decode(bytes)
        #expect(text(decoded) == "naïve “quoted”")
        #expect(decoded.lossy)
        #expect(decoded.notes.first?.contains("2 bytes") == true)
    }

    @Test("the UTF-8 check agrees with the standard library's validation on random bytes, mostly ASCII")
    func validity() {
        var random = SplitMix64(seed: 17)
        let pieces: [[UInt8]] = [Array("plain ascii text ".utf8), Array("café – “x” 😀".utf8), [0xC3], [0x80], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x80], [0xF0, 0x9F, 0x98], Array("12345678".utf8)]
        for _ in 0..<2_000 {
            let bytes = (0..<Int(random.next() % 8)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(TextDecoder.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
        // Any bytes at all, after runs of ASCII of every length (the check reads eight at a time).
        for _ in 0..<20_000 {
            let bytes = [UInt8](repeating: 0x61, count: Int(random.next() % 11)) + (0..<Int(random.next() % 6)).map { _ in
                random.next() % 3 == 0 ? UInt8(random.next() % 0x80) : UInt8(0x80 + random.next() % 0x80)
            }
            #expect(TextDecoder.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("an unknown encoding is reported and read as UTF-8")
    func unknownEncoding() {
        let decoded = TextDecoder.decode(Array("<?xml version=\"1.0\" encoding=\"bogus\"?><r>ok</r>".utf8))
        #expect(decoded.lossy)
        #expect(decoded.notes.first?.contains("bogus") == true)
        #expect(text(decoded).hasSuffix("<r>ok</r>"))
    }

    @Test("mojibake and C1 controls are mended; ordinary accents are left alone", arguments: [
        ("don\u{92}t", "don’t"),
        ("â€œquotedâ€\u{9D}", "“quoted”"),
        ("CafÃ© crÃ¨me", "Café crème"),
        ("Café crème, São Paulo, Zürich", "Café crème, São Paulo, Zürich"),
        ("1 € – 2 €", "1 € – 2 €"),
    ])
    func repair(_ input: String, _ expected: String) {
        #expect(TextRepair.clean(input) == expected)
    }

    @Test("the quick test for text that may need mending passes over ASCII runs and still agrees byte by byte")
    func quickRepairTest() {
        // The test read one byte at a time.
        func byteByByte(_ text: String) -> Bool {
            var previousWasLeadLike = false, afterC2 = false, afterC3 = false
            for byte in text.utf8 {
                if afterC2 {
                    if byte >= 0x80 && byte <= 0x9F { return true }
                    afterC2 = false
                    if previousWasLeadLike { return true }
                    previousWasLeadLike = false
                    continue
                }
                if afterC3 {
                    afterC3 = false
                    previousWasLeadLike = byte >= 0x82 && byte <= 0xB4
                    continue
                }
                switch byte {
                case 0xC2: afterC2 = true
                case 0xC3: afterC3 = true
                case 0xC5, 0xC6, 0xCB, 0xE2:
                    if previousWasLeadLike { return true }
                    previousWasLeadLike = false
                default:
                    if byte < 0x80 || byte >= 0xC0 { previousWasLeadLike = false }
                }
            }
            return false
        }
        let pieces = ["abcdefgh", "x", " ", "Ã", "©", "â", "€", "\u{9D}", "\u{92}", "é", "“", "Â", "\u{A0}", "Å", "“quoted”"]
        var random = SplitMix64(seed: 31)
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(TextRepair.mayNeedRepair(text) == byteByByte(text), "\(text.debugDescription)")
        }
    }
}
