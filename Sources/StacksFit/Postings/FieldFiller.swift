/// Fills the fields a posting's structured data left empty from its text: salary, place, employment
/// type, closing date, date posted and employer.
enum FieldFiller {
    /// - Parameters:
    ///   - posting: the posting to complete; values already set are kept.
    ///   - header: the lines right under a page's title, where boards put employer and place.
    /// - Returns: the hash of the posting's content for its id (``PostingID/make(for:contentHash:)``), when
    ///   it was made on the way: folding the text into it beside the scan for cues costs next to nothing.
    @discardableResult
    static func fill(_ posting: inout JobPosting, header: [String] = []) -> PostingID.ContentHash? {
        let lines = Lines(posting.text)
        let sections = posting.sections
        // The employer first, which the content hash starts with (it reads none of the fields below).
        if posting.employer == nil {
            posting.employer = employer(sections: sections, lines: lines, header: header, title: posting.title)
        }
        // Every line is scanned once for the cue words of all the parsers below; a parser reads only the
        // lines that hold its cues, and only those become strings. (Not at all when structured data filled
        // every field they serve.)
        let needsCues = posting.salary == nil || posting.location == nil || posting.employmentType == nil
            || posting.validThrough == nil || posting.datePosted == nil
        var contentHash = needsCues && PostingID.hashesContent(posting) ? PostingID.titleAndEmployerHash(posting) : nil
        let cues = needsCues ? lines.cues(hashing: &contentHash) : []

        if posting.salary == nil {
            // Lines that name pay first, then the compensation sections, then the other lines that carry a currency.
            let named = cues.indices.filter { cues[$0].contains(.pay) }.map(lines.line)
            let compensation = sections.filter { $0.kind == .compensation }.map(\.text)
            // (A line that also names pay was read above: it would fail again.)
            let withCurrency = cues.indices.filter { cues[$0].contains(.currency) && !cues[$0].contains(.pay) }.map(lines.line)
            for text in named + compensation + withCurrency {
                if let salary = SalaryParser.parse(text) { posting.salary = salary; break }
            }
        }
        if posting.location == nil {
            let cued = cues.indices.filter { cues[$0].contains(.location) }.map(lines.line)
            posting.location = place(sections: sections, cuedLines: cued, header: header, title: posting.title)
        }
        if posting.employmentType == nil {
            for k in cues.indices where cues[k].contains(.employment) {
                if let type = EmploymentType.first(inCued: lines.line(k)) { posting.employmentType = type; break }
            }
            if posting.employmentType == nil, let title = posting.title {
                posting.employmentType = EmploymentType.first(in: title)
            }
        }
        if posting.validThrough == nil {
            // A section headed "Closing date" / "Deadline" holds just the date.
            search: for section in sections {
                guard let heading = section.heading, namesClosingDate(heading),
                      !DeadlineParser.isOpenUntilFilled(section.text) else { continue }
                // Not the day review begins: "CLOSING DATE / Review of resumes to begin July 31. Posting closes
                // on September 15." (the cued lines below read that one), but "August 16, 2018; review of
                // resumes to begin immediately".
                for line in FastText.lines(section.text) {
                    let before = line.range(of: "review", options: .caseInsensitive).map { String(line[..<$0.lowerBound]) } ?? line
                    if let date = DateParser.firstDate(in: before) { posting.validThrough = date; break search }
                }
            }
        }
        if posting.validThrough == nil {
            // Application lines first, then every line. A line that says the posting stays open until
            // filled ends the search: it closes on no date.
            /// Whether `text` settles the search.
            func settles(_ text: String, _ cue: Cue) -> Bool {
                if cue.contains(.open), DeadlineParser.isOpenUntilFilled(cued: text) { return true }
                if cue.contains(.closing), let date = DeadlineParser.closingDate(inCued: text) {
                    posting.validThrough = date
                    return true
                }
                return false
            }
            let application = sections.filter { $0.kind == .application }.flatMap { FastText.lines($0.text) }
            search: do {
                for text in application {
                    let cue = Cue.of(text)
                    if !cue.isDisjoint(with: [.open, .closing]), settles(text, cue) { break search }
                }
                for k in cues.indices where !cues[k].isDisjoint(with: [.open, .closing]) {
                    if settles(lines.line(k), cues[k]) { break search }
                }
            }
        }
        if posting.datePosted == nil {
            for section in sections where ["posted", "date posted", "posting date", "posted on"].contains((section.heading ?? "").lowercased()) {
                if let date = DateParser.firstDate(in: section.text) { posting.datePosted = date; break }
            }
        }
        if posting.datePosted == nil {
            for k in cues.indices.prefix(12) + cues.indices.suffix(6) where cues[k].contains(.posted) {
                if let date = DateParser.firstDate(in: lines.line(k)) { posting.datePosted = date; break }
            }
        }
        // "$" is written but often not, as in "24.98 per hour": the place's currency, when the place is known.
        if posting.salary != nil, posting.salary?.currency == nil, let country = posting.location?.country,
           let currency = currencyOfCountry[country] {
            posting.salary?.currency = currency
        }
        return contentHash.map { PostingID.ContentHash(hash: $0, title: posting.title, employer: posting.employer, text: posting.text) }
    }

    /// The words of a heading over a section that holds just the closing date.
    static let closingHeadings = ["closing date", "deadline", "apply by", "applications due", "close date", "closes"]
    private static let closingHeadingNeedles = FastText.Needles(closingHeadings)

    /// Whether a section heading says the section holds the closing date ("Application Deadline").
    static func namesClosingDate(_ heading: String) -> Bool {
        // An ASCII heading is read on its bytes, ignoring case; only a character outside ASCII (the Kelvin
        // sign) lower-cases to an ASCII letter.
        if FastText.isASCII(heading) { return closingHeadingNeedles.occurs(in: heading) }
        let lower = heading.lowercased()
        return closingHeadings.contains { lower.includes($0) }
    }

    /// A text's lines (split on "\n", empty ones left out) as byte ranges, made strings one by one as
    /// they are wanted: most lines are only scanned for cues.
    struct Lines {
        private let bytes: [UInt8]
        private let ranges: [Range<Int>]

        init(_ text: String) {
            bytes = Array(text.utf8)
            ranges = bytes.withUnsafeBufferPointer { FastText.lineRanges($0) }
        }

        var count: Int { ranges.count }

        /// Line `k`.
        func line(_ k: Int) -> String { String(decoding: bytes[ranges[k]], as: UTF8.self) }

        /// Where `byte` first stands in line `k` (an offset into the line), or nil.
        func firstOffset(of byte: UInt8, inLine k: Int) -> Int? {
            bytes.withUnsafeBufferPointer { all in
                let start = all.baseAddress! + ranges[k].lowerBound
                return memchr(start, Int32(byte), ranges[k].count).map { UnsafeRawPointer($0) - UnsafeRawPointer(start) }
            }
        }

        /// The cues of every line, and every byte of the text folded into `hash` when there is one.
        func cues(hashing hash: inout FNV1a?) -> [Cue] {
            bytes.withUnsafeBufferPointer { all in
                guard var folded = hash else { return Cue.scanner.groups(in: all, ranges: ranges).map(Cue.init(rawValue:)) }
                defer { hash = folded }
                return Cue.scanner.groups(in: all, ranges: ranges, hashing: &folded).map(Cue.init(rawValue:))
            }
        }
    }

    /// The parsers whose cue words a line holds.
    struct Cue: OptionSet {
        let rawValue: UInt32
        static let pay = Cue(rawValue: 1 << 0)
        static let currency = Cue(rawValue: 1 << 1)
        static let location = Cue(rawValue: 1 << 2)
        static let posted = Cue(rawValue: 1 << 3)
        static let employment = Cue(rawValue: 1 << 4)
        static let open = Cue(rawValue: 1 << 5)
        static let closing = Cue(rawValue: 1 << 6)

        /// The groups in the order of the bits above.
        fileprivate static let scanner = FastText.Needles(groups: [
            ["salary", "compensation", "pay range", "pay rate", "hiring range", "wage", "hourly", "starting at"],
            ["$", "usd", "cad", "£", "€"],
            ["location", "city:"],
            ["posted", "date:"],
            EmploymentType.cueWords,
            DeadlineParser.openCues,
            DeadlineParser.closingCues,
        ])

        static func of(_ line: String) -> Cue { Cue(rawValue: scanner.groups(in: line)) }
    }

    /// The currency pay is in when a posting in this country states none.
    static let currencyOfCountry: [String: String] = ["US": "USD", "CA": "CAD", "GB": "GBP", "AU": "AUD", "NZ": "NZD", "IE": "EUR"]

    /// What boards put between the parts of a header line: "Northfield College Library · Albany, NY".
    static let headerSeparators: Set<Character> = ["·", "|", "•", "–", "—"]
    /// (With U+0387, which the set holds as "·", in its own bytes.)
    private static let headerSeparatorBytes = FastText.Needles(headerSeparators.map(String.init) + ["\u{0387}"])

    /// `headerSeparators.contains(c)` without hashing: a character of one scalar among the separators or
    /// U+0387, which Unicode holds canonically equal to "·" (as Swift's characters do).
    static func isHeaderSeparator(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return isHeaderSeparator(first.value)
    }

    /// Whether a scalar, standing as a character of its own, is one of ``headerSeparators`` (or U+0387).
    private static func isHeaderSeparator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xB7, 0x387, 0x7C, 0x2022, 0x2013, 0x2014: return true
        default: return false
        }
    }

    /// The pieces of a header line between its separators. A line holding none (header lines are often
    /// whole paragraphs) is its own piece, found without reading it character by character.
    static func headerPieces(_ line: String) -> [Substring] {
        guard headerSeparatorBytes.occurs(in: line) else { return line.isEmpty ? [] : [line[...]] }
        var bytes = line
        guard let pieces = bytes.withUTF8(plainHeaderPieces) else { return line.split(whereSeparator: isHeaderSeparator) }
        let utf8 = line.utf8
        return pieces.map { line[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// ``headerPieces(_:)`` as byte ranges, for a line of ASCII and ``FastText/isTypographicSeparator(_:)``
    /// alone (nil for any other line): there no scalar joins the one before it into a character, so each
    /// separator is a character of its own, cut out on its bytes.
    private static func plainHeaderPieces(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var pieces: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            let width: Int, scalar: UInt32
            switch bytes[i] {
            case ..<0x80:
                (width, scalar) = (1, UInt32(bytes[i]))
            default:
                width = FastText.typographicSeparatorWidth(bytes, at: i)
                guard width > 0 else { return nil }
                // A typographic separator is two bytes (110xxxxx 10xxxxxx) or three (1110xxxx 10xxxxxx 10xxxxxx).
                let tail = UInt32(bytes[i + width - 1] & 0x3F)
                scalar = width == 2 ? UInt32(bytes[i] & 0x1F) << 6 | tail
                    : UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | tail
            }
            guard isHeaderSeparator(scalar) else {
                i += width
                continue
            }
            if i > start { pieces.append(start..<i) }
            i += width
            start = i
        }
        if bytes.count > start { pieces.append(start..<bytes.count) }
        return pieces
    }

    // MARK: - place

    /// - Parameter cuedLines: the lines that say "location" or "city:".
    private static func place(sections: [PostingSection], cuedLines: [String], header: [String], title: String?) -> Place? {
        // A "Location" section or label wins.
        for section in sections where FastText.hasPrefixIgnoringCase(section.heading ?? "", "location") {
            for line in section.text.split(separator: "\n").prefix(3) {
                // ("Regular/Temporary: Regular" under an empty "Location" heading is another field: a labelled
                // line is a place only with its region or country.)
                if let p = PlaceParser.parse(String(line)), !line.utf8.contains(UInt8(ascii: ":")) || p.region != nil || p.country != nil { return p }
            }
        }
        for line in cuedLines {
            for label in ["location:", "job location:", "location -", "city:", "work location:"] where FastText.hasPrefixIgnoringCase(line, label) {
                let value = String(line.dropFirst(label.count))
                if let p = PlaceParser.parse(value) { return p }
                // "Location: Manhattan, KS. Salary: …" — the place ends at the first sentence break.
                let clause = FastText.firstRange(of: ". ", in: value).map { String(value[..<$0.lowerBound]) } ?? value
                let cut = clause.split(whereSeparator: { ";|·•(".contains($0) }).first.map(String.init) ?? clause
                if let p = PlaceParser.parse(cut) { return p }
            }
        }
        // Header lines such as "Northfield College Library · Albany, NY · Full-time".
        for line in header + (title.map { [$0] } ?? []) {
            // Only a piece with a comma or "remote" is tried, and every piece is part of the line.
            guard line.includes(",") || remoteWord.occurs(in: line) else { continue }
            // Each piece, then the whole line (unless the line is its only piece).
            let pieces = headerPieces(line).map(String.init)
            for piece in pieces == [line] ? pieces : pieces + [line] {
                let trimmed = piece.trimmingSpaces
                // (Header lines are often whole paragraphs: count no further than the limit, and not at all when
                // the bytes are within it.)
                guard trimmed.utf8.count <= 80 || trimmed.prefix(81).count <= 80, trimmed.includes(",") || remoteWord.occurs(in: trimmed) else { continue }
                if let p = PlaceParser.parse(trimmed), p.region != nil || p.remote { return p }
            }
        }
        return nil
    }

    /// "remote" in any case. (Ignoring ASCII case finds what lower-casing would: no other character
    /// lower-cases to one of its letters.)
    private static let remoteWord = FastText.Needles(["remote"])

    // MARK: - employer

    static let organisationWords = [
        "library", "libraries", "university", "college", "museum", "archive", "archives", "society", "council",
        "institute", "center", "centre", "school", "district", "foundation", "inc", "llc", "company", "consortium",
        "system", "department", "county", "city of", "town of", "board", "association", "trust", "hospital",
        "academy", "group", "office", "network", "services", "corporation", "corp", "agency", "commission",
    ]

    private static let organisationWordSet = Set(organisationWords.filter { !$0.contains(" ") })
    /// The one-word ``organisationWords`` as bytes, by their length.
    private static let organisationWordBytes: [[[UInt8]]] = organisationWordSet.sorted().reduce(into: []) { table, word in
        let bytes = Array(word.utf8)
        while table.count <= bytes.count { table.append([]) }
        table[bytes.count].append(bytes)
    }
    private static let organisationPhrases = FastText.Needles(organisationWords.filter { $0.contains(" ") })

    static func looksLikeOrganisation(_ text: String) -> Bool {
        var text = text
        // ASCII without carriage returns (one character a byte) is read on its bytes.
        let onBytes: Bool? = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            // At least two words between spaces: a space between the first and the last other byte.
            // (Not a sentence: "Passionate about quality programs and services?")
            guard bytes.count <= 100, bytes.last != UInt8(ascii: "."), bytes.last != UInt8(ascii: "?"), bytes.last != UInt8(ascii: "!"),
                  let first = bytes.firstIndex(where: { $0 != 0x20 }), let last = bytes.lastIndex(where: { $0 != 0x20 }),
                  bytes[first..<last].contains(0x20) else { return false }
            // Each run of letters is a word, compared on its bytes with the words of its length.
            var i = 0
            while i < bytes.count {
                guard (bytes[i] | 0x20) &- 0x61 < 26 else {
                    i += 1
                    continue
                }
                let start = i
                while i < bytes.count, (bytes[i] | 0x20) &- 0x61 < 26 { i += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if word.count < organisationWordBytes.count,
                   organisationWordBytes[word.count].contains(where: { FastText.equalIgnoringCase(word, $0) }) { return true }
            }
            return organisationPhrases.occurs(in: bytes)
        }
        if let onBytes { return onBytes }
        guard text.prefix(101).count <= 100, !text.hasSuffix("."), !text.hasSuffix("?"), !text.hasSuffix("!"),
              text.split(separator: " ").count >= 2 else { return false }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { organisationWordSet.contains(String($0)) } || organisationPhrases.occurs(in: text)
    }

    /// The labels of an employer line, in the order they are tried.
    static let employerLabels = ["employer:", "organization:", "organisation:", "institution:", "hiring organization:", "company:", "library:", "agency:", "department:"]

    private static func employer(sections: [PostingSection], lines: Lines, header: [String], title: String?) -> String? {
        // "Department: University Libraries" names the unit inside the employer a title names ("… - Stony
        // Brook University"): a department is the employer only when the title names none.
        let labelled = labelledEmployer(lines)
        if let named = labelled.named { return named }
        if let title {
            for separator in [" - ", " – ", " — ", " at ", " | "] {
                if let r = FastText.lastRange(of: separator, in: title) {
                    let right = title[r.upperBound...].trimmingSpaces
                    if looksLikeOrganisation(right) { return right }
                }
            }
        }
        if let department = labelled.department { return department }
        for line in header.prefix(3) {
            for piece in headerPieces(line).map({ $0.trimmingSpaces }) {
                guard !piece.includes(":"), title.map({ !piece.includes($0) && !$0.includes(piece) }) ?? true else { continue }
                if looksLikeOrganisation(piece) && (!piece.includes(",") || PlaceParser.parse(piece)?.region == nil) { return piece }
            }
        }
        return nil
    }

    /// The value of the first line among the first 40 that opens with an employer's label ("Employer:
    /// …"), and of the first that opens with "Department:".
    private static func labelledEmployer(_ lines: Lines) -> (named: String?, department: String?) {
        var department: String?
        for k in 0..<min(lines.count, 40) {
            // A line that opens with a label (ASCII, its one colon last: no other character lower-cases to
            // its letters) has its first colon where the label's is; only a label of that length is tried.
            guard let colon = lines.firstOffset(of: UInt8(ascii: ":"), inLine: k),
                  employerLabels.contains(where: { $0.utf8.count == colon + 1 }) else { continue }
            let line = lines.line(k)
            for label in employerLabels where label.utf8.count == colon + 1 && FastText.hasPrefixIgnoringCase(line, label) {
                let value = line.dropFirst(label.count).trimmingSpaces
                guard !value.isEmpty && value.count <= 100 else { continue }
                if label != "department:" { return (value, department) }
                department = department ?? value
            }
        }
        return (nil, department)
    }
}

import Foundation
