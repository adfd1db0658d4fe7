/// Tells a feed from a page by looking at the document element, not the file name.
enum FormatSniffer {
    enum Kind: Equatable {
        case feed(PostingSource.Format)
        case page
        case unknown
    }

    /// Looks past a byte-order mark, white space, the XML declaration, comments, processing
    /// instructions and a DOCTYPE at the first element's name and `version`.
    static func sniff(_ utf8: [UInt8]) -> Kind {
        var i = 0
        let n = min(utf8.count, 1 << 20)
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < n {
            let b = utf8[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            guard b == UInt8(ascii: "<") else { return looksLikeHTML(utf8) ? .page : .unknown }
            if starts(utf8, i, "<!--") { i = skip(utf8, i + 4, "-->"); continue }
            if starts(utf8, i, "<?") { i = skip(utf8, i + 2, "?>"); continue }
            if starts(utf8, i, "<!") {
                // DOCTYPE: an HTML doctype decides; others are skipped with their internal subset.
                let head = String(decoding: utf8[i..<min(n, i + 14)], as: UTF8.self).lowercased()
                let sawHTMLDoctype = head.hasPrefix("<!doctype html")
                var depth = 0
                while i < n {
                    if utf8[i] == UInt8(ascii: "[") { depth += 1 }
                    if utf8[i] == UInt8(ascii: "]") { depth -= 1 }
                    if utf8[i] == UInt8(ascii: ">") && depth <= 0 { i += 1; break }
                    i += 1
                }
                // An HTML doctype in front of <rss> happens; the document element decides.
                if sawHTMLDoctype, !restStartsWithFeed(utf8, from: i) { return .page }
                continue
            }
            // The first element.
            var j = i + 1
            while j < n, !(utf8[j] == 0x20 || utf8[j] == 0x09 || utf8[j] == 0x0A || utf8[j] == 0x0D || utf8[j] == UInt8(ascii: ">") || utf8[j] == UInt8(ascii: "/")) { j += 1 }
            let qualified = String(decoding: utf8[(i + 1)..<j], as: UTF8.self)
            let local = (qualified.split(separator: ":").last.map(String.init) ?? qualified).lowercased()
            let tagEnd = min(n, (utf8[j..<n].firstIndex(of: UInt8(ascii: ">")) ?? n))
            let tag = String(decoding: utf8[i..<tagEnd], as: UTF8.self)
            switch local {
            case "rss":
                switch attribute("version", in: tag) {
                case "0.91": return .feed(.rss091)
                case "0.92": return .feed(.rss092)
                case "0.90", "0.9": return .feed(.rss090)
                default: return .feed(.rss2)
                }
            case "rdf":
                return .feed(tag.contains("my.netscape.com/rdf/simple/0.9") ? .rss090 : .rss1)
            case "feed":
                return .feed(.atom)
            case "channel":
                return .feed(.rss2)
            default:
                return .page
            }
        }
        return .unknown
    }

    private static func restStartsWithFeed(_ utf8: [UInt8], from i: Int) -> Bool {
        guard let lt = utf8[i..<min(utf8.count, i + 4096)].firstIndex(of: UInt8(ascii: "<")) else { return false }
        let tag = String(decoding: utf8[(lt + 1)..<min(utf8.count, lt + 8)], as: UTF8.self).lowercased()
        return tag.hasPrefix("rss") || tag.hasPrefix("feed") || tag.hasPrefix("rdf:rdf") || tag.hasPrefix("!--")
    }

    private static func looksLikeHTML(_ utf8: [UInt8]) -> Bool {
        let head = String(decoding: utf8.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<body") || head.contains("<div") || head.contains("<p>")
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: name + "=") else { return nil }
        let rest = tag[r.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote }).trimmingSpaces
    }

    private static func starts(_ utf8: [UInt8], _ i: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        return i + p.count <= utf8.count && Array(utf8[i..<(i + p.count)]) == p
    }

    private static func skip(_ utf8: [UInt8], _ i: Int, _ end: String) -> Int {
        let e = Array(end.utf8)
        var j = i
        while j + e.count <= utf8.count {
            if utf8[j] == e[0] && Array(utf8[j..<(j + e.count)]) == e { return j + e.count }
            j += 1
        }
        return utf8.count
    }
}

import Foundation
