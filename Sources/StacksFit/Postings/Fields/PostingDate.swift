import Foundation

/// A calendar date, with a UTC time when the source gave one.
///
/// When the source stated a time, the time zone has already been applied: `year`, `month`
/// and `day` are then the UTC date and `secondsIntoDay` the UTC time of day. A date given
/// without a time keeps the calendar date as written and has `secondsIntoDay == nil`.
///
/// Dates order chronologically; a date without a time sorts before the same date with any time.
/// It encodes and decodes as a single ISO 8601 string (see ``iso8601``).
public struct PostingDate: Sendable, Hashable, Comparable, Codable {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int
    /// UTC seconds since midnight (0..<86400) when a time was known, else nil.
    public var secondsIntoDay: Int?

    /// Makes a date from its parts as given; no validation is done (``DateParser`` validates).
    public init(year: Int, month: Int, day: Int, secondsIntoDay: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsIntoDay = secondsIntoDay
    }

    /// ISO 8601: "2026-02-01", or "2026-02-01T09:30:00Z" when a time is known.
    public var iso8601: String {
        var out = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        if let secs = secondsIntoDay {
            out += "T" + Self.pad(secs / 3600, 2) + ":" + Self.pad(secs % 3600 / 60, 2)
                + ":" + Self.pad(secs % 60, 2) + "Z"
        }
        return out
    }

    /// Chronological order; a date without a time comes before the same date with a time.
    public static func < (lhs: PostingDate, rhs: PostingDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.secondsIntoDay ?? -1)
            < (rhs.year, rhs.month, rhs.day, rhs.secondsIntoDay ?? -1)
    }

    /// Decodes from one ISO 8601 / RFC 3339 string ("2026-02-01" or "2026-02-01T09:30:00Z").
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = DateParser.parseISO8601(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not an ISO 8601 date: \(text)")
        }
        self = date
    }

    /// Encodes as the single string ``iso8601``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian)

    /// Whether `year` is a Gregorian leap year.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`, or 0 for a month out of range.
    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 for a civil date (H. Hinnant's `days_from_civil`).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date for a count of days since 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDayNumber days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return value < 0 ? "-" + padded : padded
    }
}

/// Parses the dates found in feeds (RFC 822/1123, RFC 3339/W3CDTF) and in job ads
/// ("March 15th, 2026", "3/15/26", "15 March 2026"…).
///
/// Conventions:
/// - A time without a zone is taken as UTC (as feedparser does); an unknown zone name is ignored.
/// - Single military zone letters follow the military convention (A = UTC+1 … M = UTC+12,
///   N = UTC−1 … Y = UTC−12, Z = UTC), not RFC 822's inverted table; they must be upper case.
/// - US zone names without daylight information (ET, CT, MT, PT) are taken as standard time.
/// - Two-digit years: 00–49 → 2000s, 50–99 → 1900s. Years outside 1900...2200 are rejected.
/// - All-numeric dates are US month-first ("03/15/26"); day-first is used only when the first
///   number cannot be a month ("15/03/2026"). A leading four-digit year means year-month-day.
/// - Reduced-precision W3CDTF ("2026", "2026-10") parse to the first day of the year/month,
///   and only when nothing but white space follows; ``firstDate(in:)`` never takes them.
public enum DateParser {
    /// Parses the date forms found in feeds and job ads; nil when the text holds no date.
    ///
    /// The date must start the text (after an optional weekday); trailing text is ignored.
    public static func parse(_ text: String) -> PostingDate? {
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenize(scalars)
        guard let first = tokens.first else { return nil }
        if first.kind == .number, first.digits == 4 {
            switch scanISO(scalars, from: first.start, requireDay: false) {
            case .date(let date, _): return date
            case .invalid: return nil
            case .noMatch: break
            }
        }
        return parseTokens(tokens, from: 0)?.date
    }

    /// Finds the first date inside running text ("Posted on October 3, 2026 by HR") — used for deadlines.
    ///
    /// Only full dates (with a day) count; a bare year or "March 2026" is not a date here.
    public static func firstDate(in text: String) -> PostingDate? {
        guard FastText.hasDigit(text) else { return nil }
        return firstDateMatch(in: Array(text.unicodeScalars))?.date
    }

    /// Parses an ISO 8601 / RFC 3339 string that must be wholly a date (used by `Codable`).
    static func parseISO8601(_ text: String) -> PostingDate? {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start].isWhitespaceFast { start += 1 }
        guard let iso = parseISO(scalars, from: start, requireDay: false),
              scalars[iso.end...].allSatisfy({ $0.isWhitespaceFast }) else { return nil }
        return iso.date
    }

    /// The first full date in `scalars` with the scalar range it covers.
    static func firstDateMatch(in scalars: [Unicode.Scalar]) -> (date: PostingDate, range: Range<Int>)? {
        allDateMatches(in: scalars, limit: 1).first
    }

    /// Every full date in `scalars`, left to right, with the scalar ranges they cover.
    static func allDateMatches(in scalars: [Unicode.Scalar], limit: Int = .max)
        -> [(date: PostingDate, range: Range<Int>)] {
        mayHoldDate(scalars) ? scanDateMatches(in: scalars, limit: limit) : []
    }

    /// False when `scalars` cannot hold a date: every date this parser reads names a month (a whole word,
    /// as ``tokenize(_:)`` cuts words, that is one of ``months``) or writes digits on both sides of "/", "-"
    /// or ".". Most lines that a salary or deadline parser reads have neither, and are not tokenised for
    /// dates; "summary", "primary" and "decision" hold a month's head but are no month.
    static func mayHoldDate(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 3 else { return false }
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.isAlphabeticFast {
                // A word as the tokenizer cuts it (letters, no digit). Only ASCII letters make a month: no
                // other letter lower-cases to one of a month's.
                var j = i + 1
                var ascii = c.value < 0x80
                while j < s.count, s[j].isAlphabeticFast, !isDigit(s[j]) {
                    if s[j].value >= 0x80 { ascii = false }
                    j += 1
                }
                if ascii, j - i >= 3, j - i <= 9,
                   monthHeads.contains((s[i].value | 0x20) << 16 | (s[i + 1].value | 0x20) << 8 | (s[i + 2].value | 0x20)),
                   months[FastText.lowercasedWord(s[i..<j])] != nil {
                    return true
                }
                // (A letter is no separator: the test below needs no position inside the word.)
                i = j
                continue
            }
            let v = c.value
            if i >= 1, i + 1 < s.count, v == 0x2F || v == 0x2D || v == 0x2E, isDigit(s[i - 1]), isDigit(s[i + 1]) { return true }
            i += 1
        }
        return false
    }

    /// The first three letters of every month name, each packed into one number.
    private static let monthHeads: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// ``allDateMatches(in:limit:)`` without the quick test for text that cannot hold a date.
    static func scanDateMatches(in scalars: [Unicode.Scalar], limit: Int = .max)
        -> [(date: PostingDate, range: Range<Int>)] {
        var scan = DateScan(scalars, tokens: tokenize(scalars))
        while !scan.isDone, scan.found.count < limit { scan.step() }
        return scan.found
    }

    /// The dates of a text, found left to right as far as they are wanted: a caller that asks whether a
    /// place in the text lies in a date need not read past it (each date is found at the token it starts
    /// with, so those that start before a place are all found once the scan has passed it).
    struct DateScan {
        private let scalars: [Unicode.Scalar]
        private let tokens: [Token]
        private var i = 0
        /// The dates found so far, in the order they start.
        private(set) var found: [(date: PostingDate, range: Range<Int>)] = []

        /// A scan of `scalars` (none when the quick test says they hold no date).
        init(_ scalars: [Unicode.Scalar]) {
            self.init(scalars, tokens: DateParser.mayHoldDate(scalars) ? DateParser.tokenize(scalars) : [])
        }

        fileprivate init(_ scalars: [Unicode.Scalar], tokens: [Token]) {
            self.scalars = scalars
            self.tokens = tokens
        }

        var isDone: Bool { i >= tokens.count }

        /// Finds every date that starts before scalar `position`.
        mutating func scan(before position: Int) {
            while i < tokens.count, tokens[i].start < position { step() }
        }

        /// Reads on from the next token: a date starting there, or nothing.
        mutating func step() {
            let token = tokens[i]
            if token.kind == .punct {
                i += 1
                return
            }
            if token.kind == .number, token.digits == 4,
               let iso = DateParser.parseISO(scalars, from: token.start, requireDay: true) {
                found.append((iso.date, token.start..<iso.end))
                while i < tokens.count, tokens[i].start < iso.end { i += 1 }
                return
            }
            if !DateParser.insideNumberRun(tokens, i), let match = DateParser.parseTokens(tokens, from: i) {
                found.append((match.date, token.start..<tokens[match.next - 1].end))
                i = match.next
                return
            }
            i += 1
        }
    }

    // MARK: Tokens

    struct Token {
        enum Kind { case number, word, punct }
        var kind: Kind
        /// White space came right before this token (or it starts the text).
        var spaceBefore: Bool
        /// A number written with an ordinal suffix ("15th").
        var ordinal = false
        /// The word was written all in upper case.
        var upper = false
        var punct: Unicode.Scalar = " "
        var start: Int
        var end: Int
        var value = 0
        var digits = 0
        /// Lower-cased letters of a word the grammar reads (``grammarWords``); "" for any other word of
        /// ASCII letters, which the grammar only knows as a word.
        var word = ""

        init(kind: Kind, start: Int, end: Int, spaceBefore: Bool) {
            self.kind = kind
            self.start = start
            self.end = end
            self.spaceBefore = spaceBefore
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// - Parameter allWords: give every word its lower-cased letters, not only the grammar's (for the test
    ///   that holds the grammar to reading them all).
    static func tokenize(_ s: [Unicode.Scalar], allWords: Bool = false) -> [Token] {
        var tokens: [Token] = []
        // (About one token in four scalars of prose: room made once, not grown a token at a time.)
        tokens.reserveCapacity(s.count / 4 + 8)
        var i = 0
        var space = true
        while i < s.count {
            let c = s[i]
            if c.isWhitespaceFast {
                space = true
                i += 1
                continue
            }
            if isDigit(c) {
                var j = i
                var value = 0
                while j < s.count, isDigit(s[j]) {
                    if j - i < 12 { value = value * 10 + Int(s[j].value - 48) }
                    j += 1
                }
                var token = Token(kind: .number, start: i, end: j, spaceBefore: space)
                token.value = value
                token.digits = j - i
                var k = j
                while k < s.count, s[k].isAlphabeticFast, !isDigit(s[k]) { k += 1 }
                // "st", "nd", "rd" or "th" in any case (no letter outside ASCII lower-cases to one of theirs).
                if k - j == 2, s[j].value < 0x80, s[j + 1].value < 0x80,
                   Self.ordinalSuffixes.contains((s[j].value | 0x20) << 8 | (s[j + 1].value | 0x20)) {
                    token.ordinal = true
                    token.end = k
                }
                tokens.append(token)
                i = token.end
            } else if c.isAlphabeticFast {
                var j = i
                var ascii = true
                while j < s.count, s[j].isAlphabeticFast, !isDigit(s[j]) {
                    if s[j].value >= 0x80 { ascii = false }
                    j += 1
                }
                var token = Token(kind: .word, start: i, end: j, spaceBefore: space)
                // Only the words the grammar reads become strings: it compares words with nothing else.
                if !ascii || allWords || Self.isGrammarWord(s, i, j) { token.word = FastText.lowercasedWord(s[i..<j]) }
                token.upper = s[i..<j].allSatisfy { $0.value >= 65 && $0.value <= 90 }
                tokens.append(token)
                i = j
            } else {
                var token = Token(kind: .punct, start: i, end: i + 1, spaceBefore: space)
                token.punct = c
                tokens.append(token)
                i += 1
            }
            space = false
        }
        return tokens
    }

    /// "st", "nd", "rd" and "th", each packed into one number.
    private static let ordinalSuffixes: [UInt32] = ["st", "nd", "rd", "th"].map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// Every word the grammar compares a token with: months, weekdays, zones, "at", "of", "am", "pm"…
    /// (The zones hold "gmt", "utc", "ut" and "z"; the military zones every letter but "j", "a", "p" and "m" among them.)
    static let grammarWords: Set<String> = Set(months.keys).union(weekdays).union(zoneNames.keys).union(militaryZones.keys)
        .union(["at", "of", "am", "pm"])

    /// The grammar's words of at most eight letters, each packed into one number (first letter highest).
    private static let grammarKeys = Set(grammarWords.filter { $0.utf8.count <= 8 }.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })
    /// The grammar's longer words.
    private static let longGrammarWords = grammarWords.filter { $0.utf8.count > 8 }.map { Array($0.utf8) }

    /// Whether the ASCII letters `s[i..<j]` lower-case to one of ``grammarWords``, told from their values.
    private static func isGrammarWord(_ s: [Unicode.Scalar], _ i: Int, _ j: Int) -> Bool {
        guard j - i <= 8 else {
            return longGrammarWords.contains { word in
                word.count == j - i && zip(word, s[i..<j]).allSatisfy { UInt32($0) == $1.value | 0x20 }
            }
        }
        var key: UInt64 = 0
        for k in i..<j { key = key << 8 | UInt64(s[k].value | 0x20) }
        return grammarKeys.contains(key)
    }

    // MARK: Tables

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "febr": 2, "february": 2, "mar": 3, "march": 3,
        "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
        "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
        "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur",
        "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
    ]

    /// Zone names to offsets in minutes east of UTC.
    static let zoneNames: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
        "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
        "est": -300, "edt": -240, "et": -300,
        "cst": -360, "cdt": -300, "ct": -360,
        "mst": -420, "mdt": -360, "mt": -420,
        "pst": -480, "pdt": -420, "pt": -480,
        "akst": -540, "akdt": -480, "hst": -600,
        "ast": -240, "adt": -180, "nst": -210, "ndt": -150,
        "jst": 540, "aest": 600, "aedt": 660,
    ]

    /// Military single-letter zones in hours east of UTC (J is not used).
    static let militaryZones: [String: Int] = [
        "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9,
        "k": 10, "l": 11, "m": 12, "n": -1, "o": -2, "p": -3, "q": -4, "r": -5,
        "s": -6, "t": -7, "u": -8, "v": -9, "w": -10, "x": -11, "y": -12, "z": 0,
    ]

    // MARK: Token grammar

    /// True when token `i` continues a run like "1.2.3" or "10/5" (so a date cannot start there).
    fileprivate static func insideNumberRun(_ t: [Token], _ i: Int) -> Bool {
        guard t[i].kind == .number, i >= 2, !t[i].spaceBefore else { return false }
        let sep = t[i - 1]
        return sep.kind == .punct && ["/", "-", ".", ":"].contains(sep.punct)
            && t[i - 2].kind == .number && !sep.spaceBefore
    }

    private static func isPunct(_ t: [Token], _ i: Int, _ set: [Unicode.Scalar]) -> Bool {
        i < t.count && t[i].kind == .punct && set.contains(t[i].punct)
    }

    private static func skip(_ t: [Token], _ i: inout Int, _ set: [Unicode.Scalar], max: Int = 2) {
        var n = 0
        while n < max, isPunct(t, i, set) {
            i += 1
            n += 1
        }
    }

    private static func year(_ token: Token) -> Int? {
        guard token.kind == .number, !token.ordinal else { return nil }
        switch token.digits {
        case 4: return token.value
        case 2: return token.value < 50 ? 2000 + token.value : 1900 + token.value
        default: return nil
        }
    }

    /// A number followed straight away by ":" and more digits ("12:00") is a time, not a year.
    private static func followedByColon(_ t: [Token], _ i: Int) -> Bool {
        i + 2 < t.count && t[i + 1].kind == .punct && t[i + 1].punct == ":" && !t[i + 1].spaceBefore
            && t[i + 2].kind == .number && !t[i + 2].spaceBefore
    }

    /// Parses a date (with optional time and zone) starting at token `i`.
    static func parseTokens(_ t: [Token], from i: Int) -> (date: PostingDate, next: Int)? {
        var j = i
        // (A word the grammar does not read has no letters here: it is no weekday or month, unhashed.)
        if j < t.count, t[j].kind == .word, !t[j].word.isEmpty, weekdays.contains(t[j].word) {
            j += 1
            skip(t, &j, [",", "."])
        }
        guard j < t.count else { return nil }
        var y = 0, m = 0, d = 0, next = j
        var timeFromAsctime: (seconds: Int, offset: Int)?
        if t[j].kind == .number {
            if let r = dayMonthYear(t, j) {
                (y, m, d, next) = r
            } else if let r = numericDate(t, j) {
                (y, m, d, next) = r
            } else {
                return nil
            }
        } else if t[j].kind == .word, !t[j].word.isEmpty, months[t[j].word] != nil {
            guard let r = monthFirst(t, j) else { return nil }
            (y, m, d, next) = (r.y, r.m, r.d, r.next)
            timeFromAsctime = r.time
        } else {
            return nil
        }
        guard (1900...2200).contains(y), (1...12).contains(m),
              d >= 1, d <= PostingDate.daysInMonth(m, year: y) else { return nil }

        var seconds: Int?
        var offset = 0
        if let asc = timeFromAsctime {
            seconds = asc.seconds
            offset = asc.offset
        } else {
            var k = next
            if isPunct(t, k, [",", "@"]) || (k < t.count && t[k].kind == .word && t[k].word == "at") {
                k += 1
            }
            switch parseTime(t, k) {
            case .invalid:
                return nil
            case .time(let secs, let after):
                seconds = secs
                next = after
                if let zone = parseZone(t, after) {
                    offset = zone.minutes * 60
                    next = zone.next
                }
            case .none:
                break
            }
        }
        guard let date = make(year: y, month: m, day: d, seconds: seconds, offsetSeconds: offset) else {
            return nil
        }
        return (date, next)
    }

    /// "15 March 2026", "03 Nov 26", "3-Nov-2026", "15th of March, 2026".
    private static func dayMonthYear(_ t: [Token], _ i: Int) -> (Int, Int, Int, Int)? {
        guard t[i].kind == .number, t[i].digits <= 2 else { return nil }
        let d = t[i].value
        var k = i + 1
        skip(t, &k, [",", ".", "-", "/"])
        if k < t.count, t[k].kind == .word, t[k].word == "of" { k += 1 }
        guard k < t.count, t[k].kind == .word, let m = months[t[k].word] else { return nil }
        k += 1
        skip(t, &k, [",", ".", "-", "/"])
        guard k < t.count, let y = year(t[k]), !followedByColon(t, k) else { return nil }
        return (y, m, d, k + 1)
    }

    /// "March 15, 2026", "Mar. 15th 2026", "Dec 1 2026", and asctime "Nov 3 09:30:00 2026".
    private static func monthFirst(_ t: [Token], _ i: Int)
        -> (y: Int, m: Int, d: Int, next: Int, time: (seconds: Int, offset: Int)?)? {
        guard let m = months[t[i].word] else { return nil }
        var k = i + 1
        skip(t, &k, [".", ",", "-"])
        guard k < t.count, t[k].kind == .number, t[k].digits <= 2 else { return nil }
        let d = t[k].value
        k += 1
        if !t[k - 1].ordinal, case .time(let secs, let after) = parseTime(t, k) {
            var n = after
            var offset = 0
            if let zone = parseZone(t, n) {
                offset = zone.minutes * 60
                n = zone.next
            }
            if n < t.count, t[n].kind == .number, t[n].digits == 4 {
                return (t[n].value, m, d, n + 1, (secs, offset))
            }
            return nil
        }
        skip(t, &k, [",", ".", "-"])
        guard k < t.count, t[k].kind == .number, t[k].digits == 4, !t[k].ordinal,
              !followedByColon(t, k) else { return nil }
        return (t[k].value, m, d, k + 1, nil)
    }

    /// "3/15/2026", "03/15/26", "2026/03/15", "15/03/2026" (day-first only when unambiguous).
    private static func numericDate(_ t: [Token], _ i: Int) -> (Int, Int, Int, Int)? {
        guard i + 4 < t.count else { return nil }
        let a = t[i], s1 = t[i + 1], b = t[i + 2], s2 = t[i + 3], c = t[i + 4]
        guard a.kind == .number, b.kind == .number, c.kind == .number,
              s1.kind == .punct, s2.kind == .punct, s1.punct == s2.punct,
              ["/", "-", "."].contains(s1.punct),
              !s1.spaceBefore, !b.spaceBefore, !s2.spaceBefore, !c.spaceBefore,
              !a.ordinal, !b.ordinal, !c.ordinal else { return nil }
        // Not part of a longer run such as "1.2.3.4" or a phone number.
        if i + 6 < t.count, t[i + 5].kind == .punct, t[i + 5].punct == s1.punct, !t[i + 5].spaceBefore,
           t[i + 6].kind == .number, !t[i + 6].spaceBefore {
            return nil
        }
        if a.digits == 4, b.digits <= 2, c.digits <= 2 {
            return (a.value, b.value, c.value, i + 5)
        }
        guard a.digits <= 2, b.digits <= 2, let y = year(c) else { return nil }
        if a.value <= 12 { return (y, a.value, b.value, i + 5) }
        return (y, b.value, a.value, i + 5)
    }

    enum TimeResult {
        case none
        case invalid
        case time(seconds: Int, next: Int)
    }

    /// "09:30", "09:30:00", "9:30:15.25", "5:00 PM", "5 p.m.".
    static func parseTime(_ t: [Token], _ i: Int) -> TimeResult {
        guard i < t.count, t[i].kind == .number, t[i].digits <= 2, !t[i].ordinal else { return .none }
        var h = t[i].value
        var minute = 0, second = 0
        var k = i + 1
        var colon = false
        // Minutes and seconds are normally two digits; "1:2:3" is seen in the wild too.
        func adjacentNumber(_ at: Int, maxDigits: Int?) -> Bool {
            at + 1 < t.count && t[at].kind == .punct && !t[at].spaceBefore
                && t[at + 1].kind == .number && !t[at + 1].spaceBefore && !t[at + 1].ordinal
                && (maxDigits.map { t[at + 1].digits <= $0 } ?? true)
        }
        if isPunct(t, k, [":"]), adjacentNumber(k, maxDigits: 2) {
            minute = t[k + 1].value
            k += 2
            colon = true
            if isPunct(t, k, [":"]), adjacentNumber(k, maxDigits: 2) {
                second = t[k + 1].value
                k += 2
                if isPunct(t, k, [".", ","]), adjacentNumber(k, maxDigits: nil) { k += 2 }
            }
        }
        var pm: Bool?
        if k < t.count, t[k].kind == .word {
            let w = t[k].word
            if w == "am" || w == "pm" {
                pm = w == "pm"
                k += 1
                if isPunct(t, k, ["."]), !t[k].spaceBefore { k += 1 }
            } else if (w == "a" || w == "p"), k + 2 < t.count, isPunct(t, k + 1, ["."]),
                      !t[k + 1].spaceBefore, t[k + 2].kind == .word, t[k + 2].word == "m",
                      !t[k + 2].spaceBefore {
                pm = w == "p"
                k += 3
                if isPunct(t, k, ["."]), !t[k].spaceBefore { k += 1 }
            }
        }
        if !colon && pm == nil { return .none }
        if let pm {
            guard (1...12).contains(h) else { return .invalid }
            h = h % 12 + (pm ? 12 : 0)
        }
        guard h <= 24, minute <= 59, second <= 60, h < 24 || (minute == 0 && second == 0) else {
            return .invalid
        }
        // A leap second (:60) stays within its minute.
        return .time(seconds: h * 3600 + minute * 60 + min(second, 59), next: k)
    }

    /// A zone after a time: "GMT", "EST", "Z", "-0500", "+05:30", "GMT+2", "(UTC)", a military letter.
    static func parseZone(_ t: [Token], _ i: Int) -> (minutes: Int, next: Int)? {
        var k = i
        let paren = isPunct(t, k, ["("])
        if paren { k += 1 }
        guard k < t.count else { return nil }
        var minutes: Int
        if t[k].kind == .word {
            let w = t[k].word
            if ["gmt", "utc", "ut", "z"].contains(w) {
                minutes = 0
                k += 1
                if k < t.count, !t[k].spaceBefore, let off = signedOffset(t, k) {
                    minutes = off.minutes
                    k = off.next
                }
            } else if let z = zoneNames[w] {
                minutes = z
                k += 1
            } else if w.unicodeScalars.count == 1, t[k].upper, let z = militaryZones[w],
                      !(isPunct(t, k + 1, ["."]) && !t[k + 1].spaceBefore) {
                minutes = z * 60
                k += 1
            } else {
                return nil
            }
        } else if let off = signedOffset(t, k) {
            minutes = off.minutes
            k = off.next
        } else {
            return nil
        }
        if paren, isPunct(t, k, [")"]) { k += 1 }
        return (minutes, k)
    }

    /// "+0500", "-05:00", "+5", "−0430" starting at token `i`.
    private static func signedOffset(_ t: [Token], _ i: Int) -> (minutes: Int, next: Int)? {
        guard i + 1 < t.count, t[i].kind == .punct else { return nil }
        let sign: Int
        switch t[i].punct {
        case "+": sign = 1
        case "-", "\u{2212}": sign = -1
        default: return nil
        }
        let n = t[i + 1]
        guard n.kind == .number, !n.spaceBefore, !n.ordinal else { return nil }
        var hours: Int, mins = 0, next = i + 2
        if n.digits == 4 {
            hours = n.value / 100
            mins = n.value % 100
        } else if n.digits <= 2 {
            hours = n.value
            if isPunct(t, next, [":"]), !t[next].spaceBefore, next + 1 < t.count,
               t[next + 1].kind == .number, t[next + 1].digits == 2, !t[next + 1].spaceBefore {
                mins = t[next + 1].value
                next += 2
            }
        } else {
            return nil
        }
        guard hours <= 14, mins <= 59 else { return nil }
        return (sign * (hours * 60 + mins), next)
    }

    // MARK: ISO 8601 / RFC 3339 / W3CDTF

    /// Parses "2026", "2026-10", "2026-10-14", "2026-10-14T08:00:00.5-04:00", "2026-10-14 08:00z"…
    /// starting at scalar `p`. Reduced-precision forms need `requireDay == false` and nothing after them.
    static func parseISO(_ s: [Unicode.Scalar], from p: Int, requireDay: Bool)
        -> (date: PostingDate, end: Int)? {
        if case .date(let date, let end) = scanISO(s, from: p, requireDay: requireDay) { return (date, end) }
        return nil
    }

    enum ISOResult {
        case date(PostingDate, end: Int)
        /// ISO-shaped but impossible ("2026-02-30", "2026-10-14T08:61:00Z").
        case invalid
        case noMatch
    }

    static func scanISO(_ s: [Unicode.Scalar], from p: Int, requireDay: Bool) -> ISOResult {
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= s.count else { return nil }
            var v = 0
            for k in at..<(at + count) {
                guard isDigit(s[k]) else { return nil }
                v = v * 10 + Int(s[k].value - 48)
            }
            if at + count < s.count, isDigit(s[at + count]) { return nil }
            return v
        }
        func atEnd(_ i: Int) -> Bool {
            i >= s.count || s[i...].allSatisfy { $0.isWhitespaceFast }
        }
        guard let y = number(p, 4) else { return .noMatch }
        var i = p + 4
        guard i < s.count, s[i] == "-" else {
            guard !requireDay, atEnd(i) else { return .noMatch }
            return make(year: y, month: 1, day: 1, seconds: nil, offsetSeconds: 0).map { .date($0, end: i) } ?? .invalid
        }
        guard let m = number(i + 1, 2) else { return .noMatch }
        i += 3
        guard i < s.count, s[i] == "-" else {
            guard !requireDay, atEnd(i) else { return .noMatch }
            return make(year: y, month: m, day: 1, seconds: nil, offsetSeconds: 0).map { .date($0, end: i) } ?? .invalid
        }
        guard let d = number(i + 1, 2) else { return .noMatch }
        i += 3

        var seconds: Int?
        var offset = 0
        var end = i
        if i < s.count, ["T", "t", " "].contains(s[i]), let h = number(i + 1, 2),
           i + 3 < s.count, s[i + 3] == ":", let minute = number(i + 4, 2) {
            var k = i + 6
            var second = 0
            if k < s.count, s[k] == ":", let sec = number(k + 1, 2) {
                second = sec
                k += 3
                if k + 1 < s.count, s[k] == "." || s[k] == ",", isDigit(s[k + 1]) {
                    k += 1
                    while k < s.count, isDigit(s[k]) { k += 1 }
                }
            }
            guard h <= 24, minute <= 59, second <= 60, h < 24 || (minute == 0 && second == 0) else {
                return .invalid
            }
            seconds = h * 3600 + minute * 60 + min(second, 59)
            var z = k
            if z + 1 < s.count, s[z] == " ", ["+", "-", "Z", "\u{2212}"].contains(s[z + 1]) { z += 1 }
            if z < s.count, s[z] == "Z" || s[z] == "z" {
                k = z + 1
            } else if z < s.count, s[z] == "+" || s[z] == "-" || s[z] == "\u{2212}" {
                let sign = s[z] == "+" ? 1 : -1
                var hh: Int?, mm = 0, e = z + 1
                if let v = number(z + 1, 4) {
                    hh = v / 100
                    mm = v % 100
                    e = z + 5
                } else if let v = number(z + 1, 2) {
                    hh = v
                    e = z + 3
                    if e < s.count, s[e] == ":", let v2 = number(e + 1, 2) {
                        mm = v2
                        e += 3
                    }
                }
                if let hh, hh <= 14, mm <= 59 {
                    offset = sign * (hh * 3600 + mm * 60)
                    k = e
                }
            }
            end = k
        }
        return make(year: y, month: m, day: d, seconds: seconds, offsetSeconds: offset).map { .date($0, end: end) }
            ?? .invalid
    }

    // MARK: Assembly

    /// Validates the parts and applies the zone offset, rolling the date as needed.
    static func make(year: Int, month: Int, day: Int, seconds: Int?, offsetSeconds: Int) -> PostingDate? {
        guard (1900...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= PostingDate.daysInMonth(month, year: year) else { return nil }
        guard let seconds else { return PostingDate(year: year, month: month, day: day) }
        let utc = seconds - offsetSeconds
        let dayShift = utc >= 0 ? utc / 86_400 : -((-utc + 86_399) / 86_400)
        let secs = utc - dayShift * 86_400
        let days = PostingDate.dayNumber(year: year, month: month, day: day) + dayShift
        let civil = PostingDate.civil(fromDayNumber: days)
        guard (1900...2200).contains(civil.year) else { return nil }
        return PostingDate(year: civil.year, month: civil.month, day: civil.day, secondsIntoDay: secs)
    }
}
