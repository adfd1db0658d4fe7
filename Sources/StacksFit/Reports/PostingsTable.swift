/// A readable terminal table of postings: title, employer, place, salary, dates and format.
public enum PostingsTable {
    /// The table, one row per posting, columns cut to fit `width` characters.
    /// - Parameter leans: each posting's lean, when known, drawn as a small bar (T = technical, U = user).
    public static func format(_ postings: [JobPosting], leans: [Lean?]? = nil, width: Int = 120) -> String {
        var header = ["#", "Title", "Employer", "Place", "Salary", "Posted", "Closes", "Format"]
        if leans != nil { header.insert("Lean T↔U", at: 5) }
        var rows: [[String]] = []
        for (i, p) in postings.enumerated() {
            var row = [
                String(i + 1),
                p.title ?? "(no title)",
                p.employer ?? "–",
                describe(p.location),
                describe(p.salary),
                p.datePosted.map { String($0.iso8601.prefix(10)) } ?? "–",
                p.validThrough.map { String($0.iso8601.prefix(10)) } ?? "–",
                p.source.format.rawValue + (p.source.wellFormed ? "" : "*"),
            ]
            if let leans { row.insert(bar(i < leans.count ? leans[i] : nil), at: 5) }
            rows.append(row)
        }
        var limits = [4, 40, 30, 20, 22, 10, 10, 14]
        if leans != nil { limits.insert(9, at: 5) }
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = min(limits[i], max(widths[i], cell.count)) }
        }
        func render(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let cut = cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
                return cut + String(repeating: " ", count: widths[i] - cut.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [render(header), render(widths.map { String(repeating: "─", count: $0) })]
        lines += rows.map(render)
        if postings.contains(where: { !$0.source.wellFormed }) {
            lines.append("* recovered from XML that was not well-formed")
        }
        return lines.joined(separator: "\n")
    }

    /// A five-cell bar from technical (left) to user (right) with the posting's place marked: "T ░█░░░ U".
    public static func bar(_ lean: Lean?) -> String {
        guard let lean else { return "–" }
        let position = min(4, Int((lean.user * 5).rounded(.down)))
        return "T" + (0..<5).map { $0 == position ? "█" : "░" }.joined() + "U"
    }

    /// "Albany, NY", "Remote", or "–".
    public static func describe(_ place: Place?) -> String {
        guard let place else { return "–" }
        var parts = [place.city, place.region].compactMap { $0 }
        if parts.isEmpty, let country = place.country { parts = [country] }
        if place.remote { parts.insert("Remote", at: 0) }
        return parts.isEmpty ? "–" : parts.joined(separator: ", ")
    }

    /// "$58,000–64,000/yr", "$24.50/hr", or "–".
    public static func describe(_ salary: Salary?) -> String {
        guard let salary else { return "–" }
        let symbol = salary.currency == nil || salary.currency == "USD" ? "$" : (salary.currency ?? "") + " "
        var text: String
        switch (salary.min, salary.max) {
        case let (lo?, hi?) where lo == hi: text = symbol + amount(lo)
        case let (lo?, hi?): text = symbol + amount(lo) + "–" + amount(hi)
        case let (lo?, nil): text = symbol + amount(lo) + "+"
        case let (nil, hi?): text = "up to " + symbol + amount(hi)
        default: return "–"
        }
        switch salary.period {
        case .hour?: text += "/hr"
        case .day?: text += "/day"
        case .week?: text += "/wk"
        case .month?: text += "/mo"
        case .year?: text += "/yr"
        case nil: break
        }
        return text
    }

    /// "58,000" for whole amounts, "24.50" otherwise.
    static func amount(_ v: Double) -> String {
        if v.rounded() == v {
            let digits = String(Int(v))
            var out = ""
            for (i, ch) in digits.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            return String(out.reversed())
        }
        let cents = Int((v * 100).rounded())
        return "\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
