/// Mends the two ways job-board text most often garbles punctuation.
///
/// - C1 control characters (`&#146;`, or bytes that were windows-1252 read as ISO-8859-1) become the
///   characters windows-1252 meant: `don\u{92}t` → `don’t`.
/// - UTF-8 read as windows-1252 and encoded again ("mojibake"): `â€™` → `’`, `Ã©` → `é`.
enum TextRepair {
    /// A quick scan for the only byte patterns these repairs act on: a C1 control (C2 80–9F), or a
    /// character U+00C2–U+00F4 (a UTF-8 lead byte read as windows-1252) straight before another
    /// character from windows-1252's upper half (C2/C5/C6/CB/E2 lead bytes).
    static func mayNeedRepair(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayNeedRepair(utf8: $0) }
    }

    /// ``mayNeedRepair(_:)`` of text's UTF-8 bytes.
    static func mayNeedRepair(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Nearly all text is plain ASCII, which needs nothing.
        let firstHigh = FastText.firstNonASCII(in: bytes, from: 0)
        guard firstHigh < bytes.count else { return false }
        return mayNeedRepair(fromHigh: UnsafeBufferPointer(rebasing: bytes[firstHigh...]))
    }

    private static func mayNeedRepair(fromHigh bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasLeadLike = false
        var afterC2 = false
        var afterC3 = false
        var i = 0
        while i < bytes.count {
            // A run of ASCII ends whatever came before it (as its first byte would): pass over it at once.
            if !afterC2 && !afterC3 && bytes[i] < 0x80 {
                i = FastText.firstNonASCII(in: bytes, from: i)
                previousWasLeadLike = false
                continue
            }
            let byte = bytes[i]
            i += 1
            if afterC2 {
                if byte >= 0x80 && byte <= 0x9F { return true }
                afterC2 = false
                if previousWasLeadLike { return true } // U+00A0–U+00BF after a lead-like character
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

    /// The repaired text; the input itself when nothing needed mending (the common, fast case).
    static func clean(_ text: String) -> String {
        guard mayNeedRepair(text) else { return text }
        var scalars = Array(text.unicodeScalars)
        var changed = false
        // C1 controls → windows-1252.
        for i in scalars.indices where scalars[i].value >= 0x80 && scalars[i].value <= 0x9F {
            let mapped = TextDecoder.windows1252Scalar(UInt8(scalars[i].value))
            if mapped.value != scalars[i].value {
                scalars[i] = mapped
                changed = true
            }
        }
        // Mojibake: runs of characters with a high windows-1252 byte that together form valid UTF-8.
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            guard let lead = TextDecoder.windows1252Byte(scalars[i]), lead >= 0xC2, lead <= 0xF4 else {
                output.append(scalars[i])
                i += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var bytes: [UInt8] = [lead]
            var j = i + 1
            while j < scalars.count, bytes.count < length, let b = TextDecoder.windows1252Byte(scalars[j]), b >= 0x80, b <= 0xBF {
                bytes.append(b)
                j += 1
            }
            if bytes.count == length, TextDecoder.isValidUTF8(bytes) {
                output.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
                changed = true
                i = j
            } else {
                output.append(scalars[i])
                i += 1
            }
        }
        guard changed else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: output)
        return String(result)
    }
}
