/// Mends the two ways job-board text most often garbles punctuation.
///
/// - C1 control characters (`&#146;`, or bytes that were windows-1252 read as ISO-8859-1) become the
///   characters windows-1252 meant: `don\u{92}t` → `don’t`.
/// - UTF-8 read as windows-1252 and encoded again ("mojibake"): `â€™` → `’`, `Ã©` → `é`.
enum TextRepair {
    /// The repaired text; the input itself when nothing needed mending (the common, fast case).
    static func clean(_ text: String) -> String {
        var suspicious = false
        for byte in text.utf8 where byte == 0xC2 || byte == 0xC3 || byte == 0xC5 || byte == 0xE2 {
            suspicious = true
            break
        }
        guard suspicious else { return text }
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
