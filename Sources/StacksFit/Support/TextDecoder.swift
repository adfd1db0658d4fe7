#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes turned into UTF-8, with what was learnt on the way.
public struct DecodedText: Sendable {
    /// The text as UTF-8, without a byte-order mark.
    public var utf8: [UInt8]
    /// The encoding the bytes were read as ("utf-8", "windows-1252", "utf-16le", …).
    public var encoding: String
    /// Where the encoding came from: "bom", "http", "declaration", "meta", "sniffed", "default".
    public var source: String
    /// Things a person should know ("3 invalid UTF-8 bytes read as windows-1252").
    public var notes: [String] = []
    /// True when the declared encoding was wrong or unknown, or bytes had to be guessed.
    public var lossy = false
}

/// Finds the encoding of a feed or page and transcodes it to UTF-8.
///
/// Order of evidence: byte-order mark, the bytes of UTF-16/32 without one, the HTTP `Content-Type`
/// charset, the XML declaration or `<meta charset>`, then UTF-8. Labels follow the WHATWG Encoding
/// Standard where it matters (ISO-8859-1 and US-ASCII are read as windows-1252), and invalid UTF-8
/// bytes are read as windows-1252, so curly quotes and dashes pasted from a word processor come out right.
public enum TextDecoder {
    /// Decodes `bytes`.
    /// - Parameters:
    ///   - bytes: the raw input.
    ///   - httpCharset: the `charset` parameter of an HTTP `Content-Type`, when the bytes came over HTTP.
    public static func decode(_ bytes: [UInt8], httpCharset: String? = nil) -> DecodedText {
        // 1. Byte-order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), label: "utf-8", source: "bom")
        }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return utf32(Array(bytes.dropFirst(4)), bigEndian: false, source: "bom") }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return utf32(Array(bytes.dropFirst(4)), bigEndian: true, source: "bom") }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(Array(bytes.dropFirst(2)), bigEndian: false, source: "bom") }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(Array(bytes.dropFirst(2)), bigEndian: true, source: "bom") }
        // 2. "<" in UTF-16 or UTF-32 without a mark.
        if bytes.starts(with: [0x3C, 0, 0, 0]) { return utf32(bytes, bigEndian: false, source: "sniffed") }
        if bytes.starts(with: [0, 0, 0, 0x3C]) { return utf32(bytes, bigEndian: true, source: "sniffed") }
        if bytes.starts(with: [0x3C, 0, 0x3F, 0]) || bytes.starts(with: [0x3C, 0, 0x21, 0]) { return utf16(bytes, bigEndian: false, source: "sniffed") }
        if bytes.starts(with: [0, 0x3C, 0, 0x3F]) || bytes.starts(with: [0, 0x3C, 0, 0x21]) { return utf16(bytes, bigEndian: true, source: "sniffed") }
        // 3. HTTP, then 4. the document's own declaration.
        var label: String?
        var source = "default"
        if let httpCharset, !httpCharset.isEmpty {
            label = httpCharset
            source = "http"
        } else if let declared = declaredEncoding(bytes) {
            label = declared.label
            source = declared.source
        }
        guard let label else { return utf8(bytes, label: "utf-8", source: source) }
        return decode(bytes, label: label, source: source)
    }

    /// Decodes `bytes` as the encoding `label` names.
    public static func decode(_ bytes: [UInt8], label: String, source: String) -> DecodedText {
        let name = label.trimmingSpaces.trimming("\"'").lowercased()
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            return utf8(bytes, label: "utf-8", source: source)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
             "cp1252", "x-cp1252", "iso_8859-1", "cp819", "ibm819", "iso-ir-100", "ansi_x3.4-1968":
            // WHATWG: these labels all mean windows-1252; ASCII that is really UTF-8 stays readable.
            if isValidUTF8(bytes) && bytes.contains(where: { $0 >= 0x80 }) && name.contains("ascii") {
                return utf8(bytes, label: "utf-8", source: source)
            }
            return DecodedText(utf8: windows1252(bytes), encoding: "windows-1252", source: source)
        case "utf-16", "utf16", "utf-16le", "utf-16be":
            // Declared UTF-16 in bytes that were readable as ASCII means the declaration is wrong.
            var result = utf8(bytes, label: "utf-8", source: source)
            result.notes.append("declared \(name) but the bytes are not UTF-16; read as UTF-8")
            result.lossy = true
            return result
        default:
            if let converted = iconvToUTF8(bytes, from: name) {
                return DecodedText(utf8: converted, encoding: name, source: source)
            }
            var result = utf8(bytes, label: "utf-8", source: source)
            result.notes.insert("unknown or unusable encoding '\(label)'; read as UTF-8", at: 0)
            result.lossy = true
            return result
        }
    }

    // MARK: - declarations

    /// The encoding named by an XML declaration or an HTML `<meta>` in the first 4 KiB.
    static func declaredEncoding(_ bytes: [UInt8]) -> (label: String, source: String)? {
        // The head of the document read as lower-case ASCII (other bytes as spaces), without copying it.
        let head = bytes.prefix(4096)
        struct Lowered: RandomAccessCollection {
            let bytes: ArraySlice<UInt8>
            var startIndex: Int { bytes.startIndex }
            var endIndex: Int { bytes.endIndex }
            subscript(i: Int) -> UInt8 { bytes[i] < 0x80 ? FastText.lower(bytes[i]) : 0x20 }
        }
        let lower = Lowered(bytes: head)
        func find(_ needle: StaticString, in range: Range<Int>) -> Range<Int>? {
            needle.withUTF8Buffer { pattern in
                FastText.firstOffset(of: pattern, in: lower[range])
                    .map { (range.lowerBound + $0)..<(range.lowerBound + $0 + pattern.count) }
            }
        }
        func text(_ range: Range<Int>) -> String { String(decoding: lower[range], as: UTF8.self) }
        func skipSpaces(_ i: Int, _ end: Int) -> Int {
            var i = i
            while i < end, lower[i] == 0x20 { i += 1 }
            return i
        }
        if lower.starts(with: "<?xml".utf8), let end = find("?>", in: 0..<lower.count) {
            // encoding = "label" or 'label', inside the declaration.
            if let name = find("encoding", in: 0..<end.lowerBound) {
                var i = skipSpaces(name.upperBound, end.lowerBound)
                if i < end.lowerBound, lower[i] == UInt8(ascii: "=") {
                    i = skipSpaces(i + 1, end.lowerBound)
                    if i < end.lowerBound, lower[i] == UInt8(ascii: "\"") || lower[i] == UInt8(ascii: "'") {
                        let quote = lower[i]
                        let start = i + 1
                        var stop = start
                        while stop < end.lowerBound, lower[stop] != quote { stop += 1 }
                        if stop > start { return (text(start..<stop), "declaration") }
                    }
                }
            }
        }
        var from = 0
        while let meta = find("<meta", in: from..<lower.count) {
            let close = lower[meta.upperBound...].firstIndex(of: UInt8(ascii: ">")) ?? lower.count
            if let charset = find("charset", in: meta.upperBound..<close) {
                var i = skipSpaces(charset.upperBound, close)
                if i < close, lower[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < close, lower[i] == 0x20 || lower[i] == UInt8(ascii: "\"") || lower[i] == UInt8(ascii: "'") { i += 1 }
                    var stop = i
                    while stop < close, !" \"';/>".utf8.contains(lower[stop]) { stop += 1 }
                    if stop > i { return (text(i..<stop), "meta") }
                }
            }
            from = close
        }
        return nil
    }

    // MARK: - decoders

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or scalars past U+10FFFF).
    /// Runs of ASCII, most of a page, are checked eight bytes at a time.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// ``isValidUTF8(_:)`` of bytes in a buffer.
    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buffer.count
        var i = 0
        while i < n {
            i = FastText.firstNonASCII(in: buffer, from: i)
            guard i < n else { return true }
            let lead = buffer[i]
            // The second byte's range depends on the lead (Unicode's table 3-7); the others are 80–BF.
            let length: Int, low: UInt8, high: UInt8
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return false
            }
            guard i + length <= n, (low...high).contains(buffer[i + 1]) else { return false }
            for k in 2..<length where buffer[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// UTF-8, with every byte that is not part of a valid sequence read as windows-1252.
    private static func utf8(_ bytes: [UInt8], label: String, source: String) -> DecodedText {
        if isValidUTF8(bytes) { return DecodedText(utf8: bytes, encoding: label, source: source) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var invalid = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { output.append(b); i += 1; continue }
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            if length > 0, i + length <= n, isValidUTF8(Array(bytes[i..<(i + length)])) {
                output.append(contentsOf: bytes[i..<(i + length)])
                i += length
                continue
            }
            invalid += 1
            appendScalar(windows1252Scalar(b), to: &output)
            i += 1
        }
        var result = DecodedText(utf8: output, encoding: label, source: source)
        result.notes.append("\(invalid) byte\(invalid == 1 ? " that is" : "s that are") not valid UTF-8 read as windows-1252")
        result.lossy = true
        return result
    }

    private static func utf16(_ bytes: [UInt8], bigEndian: Bool, source: String) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
            i += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        return DecodedText(utf8: Array(text.utf8), encoding: bigEndian ? "utf-16be" : "utf-16le", source: source)
    }

    private static func utf32(_ bytes: [UInt8], bigEndian: Bool, source: String) -> DecodedText {
        var output: [UInt8] = []
        var i = 0
        while i + 3 < bytes.count {
            let v = bigEndian
                ? UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
                : UInt32(bytes[i + 3]) << 24 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i])
            appendScalar(Unicode.Scalar(v) ?? "\u{FFFD}", to: &output)
            i += 4
        }
        return DecodedText(utf8: output, encoding: bigEndian ? "utf-32be" : "utf-32le", source: source)
    }

    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { output.append(b) } else { appendScalar(windows1252Scalar(b), to: &output) }
        }
        return output
    }

    private static let high1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The character windows-1252 gives a byte.
    static func windows1252Scalar(_ b: UInt8) -> Unicode.Scalar {
        if b >= 0x80 && b <= 0x9F { return Unicode.Scalar(high1252[Int(b - 0x80)]) ?? "\u{FFFD}" }
        return Unicode.Scalar(b)
    }

    /// The windows-1252 byte for a character, when it has one (the inverse of ``windows1252Scalar(_:)``).
    static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v < 0x80 || (v >= 0xA0 && v <= 0xFF) { return UInt8(v) }
        if let i = high1252.firstIndex(of: v) { return UInt8(0x80 + i) }
        return nil
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private static func iconvToUTF8(_ bytes: [UInt8], from label: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", label)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        // Skip one undecodable byte and go on; give up on anything else.
                        guard errno == EILSEQ || errno == EINVAL, inLeft > 0, outLeft >= 3 else { return nil }
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                            outPointer?.pointee = CChar(bitPattern: byte)
                            outPointer = outPointer.map { $0 + 1 }
                        }
                        outLeft -= 3
                    }
                }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output.prefix(produced))
    }
}

import Foundation
