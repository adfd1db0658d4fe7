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
            case "\\", "`", "*", "[", "]", "|": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}
