/// Escaping for text placed in Markdown: Markdown's own punctuation is backslash-escaped, and `<`, `>` and
/// `&` become entities, so no text from a posting can become raw HTML in any renderer.
enum Markdown {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out.append(" ")
            case "\\", "`", "*", "[", "]", "|": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// A link target for `[text](<url>)`: http(s) only, with every character that could end the link or
    /// open markup percent-encoded; nil for anything else.
    static func link(_ url: String) -> String? {
        guard HTMLPage.safeURL(url) != nil else { return nil }
        var out = ""
        for scalar in url.unicodeScalars {
            if scalar.value < 0x21 || scalar.value == 0x7F || "<>\"'()`\\".unicodeScalars.contains(scalar) {
                out += String(format: "%%%02X", scalar.value & 0xFF)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
