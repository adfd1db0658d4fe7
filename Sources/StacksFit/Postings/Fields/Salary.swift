import Foundation

/// The span of time a pay figure is for, as schema.org's `unitText` names it.
public enum SalaryPeriod: String, Sendable, Codable, Hashable {
    case hour = "HOUR"
    case day = "DAY"
    case week = "WEEK"
    case month = "MONTH"
    case year = "YEAR"
}

/// A pay range as the posting states it.
///
/// A single figure ("$24.50/hour") has `min == max`; "up to $70,000" has only `max`;
/// "Starting at $55k" and "$55k+" have only `min`.
public struct Salary: Sendable, Hashable, Codable {
    /// The lower bound, in `currency` units.
    public var min: Double?
    /// The upper bound, in `currency` units.
    public var max: Double?
    /// ISO 4217 code ("USD", "CAD", "GBP", "EUR"…), nil when the text gave no currency.
    public var currency: String?
    /// What the figures are paid per; nil when neither stated nor inferable.
    public var period: SalaryPeriod?

    /// Makes a salary from its parts.
    public init(min: Double?, max: Double?, currency: String?, period: SalaryPeriod?) {
        self.min = min
        self.max = max
        self.currency = currency
        self.period = period
    }
}

/// Finds pay statements ("$58,000 – $64,000 annually", "$24.50/hour", "Starting at $55k") in text.
///
/// Rules a reviewer should know:
/// - A figure counts as pay when it carries a currency sign or code, or a pay word ("salary",
///   "pay", "compensation", "wage", "rate", "stipend", "starting at"…) comes shortly before it in
///   the same sentence, or a pay period follows it ("24.50 per hour").
/// - Figures that are dates, years, phone numbers, percentages, "403(b)", ordinals, job or
///   requisition numbers, grades/steps, or counts ("40 hours", "20,000 students", "3+ years")
///   are never pay; neither are "$2 million", "$500 signing bonus", "$25 application fee".
/// - "$" is USD unless "CAD", "CDN", "C$" or "Canadian" is next to it.
/// - Without a stated period: under 300 → hour, 10,000 and more → year, otherwise nil. A stated
///   period that has no ``SalaryPeriod`` ("biweekly", "semi-monthly") gives nil and no guess.
/// - A dot followed by exactly three digits is a thousands separator ("€45.000" = 45000).
public enum SalaryParser {
    /// The first pay statement in a piece of text, or nil.
    public static func parse(_ text: String) -> Salary? {
        guard FastText.hasDigit(text) else { return nil }
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenize(scalars)
        guard tokens.contains(where: { $0.kind == .number }) else { return nil }
        let context = Context(tokens: tokens, scalars: scalars)
        for i in tokens.indices where tokens[i].kind == .number {
            if let salary = context.salary(at: i) { return salary }
        }
        return nil
    }

    /// Maps schema.org unitText ("YEAR", "HOUR", "annual", "per hour"…) to a period.
    ///
    /// Also takes UN/CEFACT unit codes (ANN, HUR, DAY, WEE, MON); "biweekly" and the like give nil.
    public static func period(fromUnit unit: String) -> SalaryPeriod? {
        var words = unit.lowercased()
            .split(whereSeparator: { !$0.isLetter })
            .map(String.init)
        if words.first == "per" || words.first == "a" || words.first == "an" || words.first == "each" {
            words.removeFirst()
        }
        let joined = words.joined()
        if joined == "pa" { return .year }
        if let p = unitWords[joined] { return p }
        if let p = periodAdjectives[joined] { return p }
        switch joined {
        case "ann": return .year
        case "hur": return .hour
        case "wee": return .week
        case "mon": return .month
        case "perdiem", "diem": return .day
        default: return nil
        }
    }

    // MARK: Tables

    static let unitWords: [String: SalaryPeriod] = [
        "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour, "h": .hour,
        "day": .day, "days": .day, "diem": .day,
        "week": .week, "weeks": .week, "wk": .week, "wks": .week,
        "month": .month, "months": .month, "mo": .month, "mos": .month, "mth": .month, "mon": .month,
        "year": .year, "years": .year, "yr": .year, "yrs": .year, "annum": .year, "y": .year,
    ]

    static let periodAdjectives: [String: SalaryPeriod] = [
        "hourly": .hour, "daily": .day, "weekly": .week, "monthly": .month,
        "annually": .year, "annual": .year, "yearly": .year, "annum": .year,
    ]

    /// Stated periods that no ``SalaryPeriod`` represents.
    static let oddPeriods: Set<String> = [
        "biweekly", "fortnightly", "semimonthly", "bimonthly", "semiweekly",
    ]

    static let payWords: Set<String> = [
        "salary", "salaries", "pay", "pays", "compensation", "wage", "wages", "rate",
        "rates", "stipend", "earnings", "earn", "income", "remuneration", "hiring", "starting",
        "hourly", "annual", "annually", "yearly", "monthly", "weekly",
    ]

    /// Currency codes written as words.
    static let codes: [String: String] = [
        "usd": "USD", "cad": "CAD", "cdn": "CAD", "gbp": "GBP", "eur": "EUR", "aud": "AUD",
        "nzd": "NZD", "chf": "CHF", "jpy": "JPY", "inr": "INR", "mxn": "MXN",
    ]

    /// Letters written straight before "$".
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD",
        "cdn": "CAD", "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD",
        "hk": "HKD", "s": "SGD", "sg": "SGD", "mx": "MXN",
    ]

    /// Currency symbols; the tokenizer assumes every one but "$" lies above U+00A2.
    static let symbols: [Unicode.Scalar: String] = [
        "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    ]

    /// Words right after a figure that make it a count, not pay.
    static let unitDenials: Set<String> = [
        "hour", "hours", "hr", "hrs", "year", "years", "yr", "yrs", "month", "months", "week",
        "weeks", "day", "days", "minute", "minutes", "am", "pm", "percent", "pct", "fte",
    ]

    /// Hyphens and dashes, which may join a unit to the word after it ("year-end").
    static let dashes: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "–", "—", "−"]

    /// The units in ``unitDenials`` that state a pay period when written bare after a figure in a currency.
    static let bareUnitPeriods: [String: SalaryPeriod] = [
        "hour": .hour, "hr": .hour, "day": .day, "week": .week, "month": .month, "year": .year, "yr": .year,
    ]

    /// Words soon after a figure that make it something other than pay.
    static let nounDenials: Set<String> = [
        "million", "billion", "bn", "bonus", "budget", "budgets", "grant", "grants", "fund",
        "funds", "funding", "fee", "fees", "allowance", "reimbursement", "relocation",
        "deductible", "tuition", "students", "student", "staff", "employees", "people",
        "patrons", "members", "volumes", "items", "titles", "branches", "locations",
        "positions", "credits", "credit", "semester", "miles", "square", "sq", "feet", "ft",
        "visitors", "users", "collections", "databases", "hires", "openings", "vacancies",
        "librarians", "faculty", "residents", "population", "books", "records",
        "holiday", "holidays", "vacation", "leave", "sick", "pto", "paid", "times", "questions", "sessions",
        // "an annual budget of over $8M ($7.5M salaries, $500K operations)": lines of a budget.
        "operations", "operating", "expenses", "costs", "capital", "salaries",
    ]

    /// Words before a figure (in its clause, nearer than any pay word) that make it money other than pay,
    /// or a count: "an annual budget of $308,000", "annual visits exceeding 385,000".
    static let moneyNotPay: Set<String> = [
        "visits", "visitors", "searches", "checkouts", "circulation", "circulations", "volumes", "residents", "population",
        "budget", "budgets", "endowment", "revenue", "revenues", "expenditure", "expenditures", "campaign", "raised",
        "gift", "gifts", "donation", "donations", "grant", "grants", "award", "awarded", "renovation", "project", "projects",
    ]

    /// Words right before a figure that make it an identifier or a grade.
    static let labelDenials: Set<String> = [
        "grade", "band", "level", "step", "class", "no", "number", "num", "req", "requisition",
        "id", "job", "posting", "position", "room", "suite", "box", "ext", "extension", "code",
        "zip", "local", "chapter", "section", "title", "tier", "pg", "sg", "schedule", "ref",
        "reference", "vacancy", "announcement", "unit", "route", "highway", "floor",
    ]

    static let maxWords: Set<String> = ["max", "maximum", "exceed"]
    static let minWords: Set<String> = ["min", "minimum", "starting", "starts", "least", "from"]

    // MARK: Tokens

    struct Token {
        enum Kind { case number, word, symbol, punct }
        var kind: Kind
        var start: Int
        var end: Int
        var spaceBefore: Bool
        var scalar: Unicode.Scalar = " "
        var value = 0.0
        var digits = 0
        var grouped = false
        var kSuffix = false
        /// Letters follow the digits with no space ("15th", "10am").
        var lettersAttached = false
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
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
                var token = lexNumber(s, i, spaceBefore: space)
                var j = token.end
                if j < s.count, s[j] == "k" || s[j] == "K",
                   j + 1 >= s.count || !s[j + 1].isAlphabeticFast {
                    token.kSuffix = true
                    // "$110,000k" already counts in thousands: the k is a slip, not a multiplier.
                    if token.value < 1000 { token.value *= 1000 }
                    j += 1
                    token.end = j
                } else if j < s.count, s[j].isAlphabeticFast {
                    token.lettersAttached = true
                }
                tokens.append(token)
                i = j
            } else if c.isAlphabeticFast {
                var j = i
                while j < s.count, s[j].isAlphabeticFast, !isDigit(s[j]) { j += 1 }
                // (Its lower-cased word is made only when a rule reads it: see ``Context/word(_:)``.)
                tokens.append(Token(kind: .word, start: i, end: j, spaceBefore: space))
                i = j
            } else {
                // (Every currency symbol but "$" lies above U+00A2: commas and stops are not looked up.)
                let isSymbol = c == "$" || (c.value > 0xA2 && symbols[c] != nil)
                var token = Token(kind: isSymbol ? .symbol : .punct, start: i, end: i + 1, spaceBefore: space)
                token.scalar = c
                tokens.append(token)
                i += 1
            }
            space = false
        }
        return tokens
    }

    /// Reads "58,000", "24.50", "45.000", "58,000.00", "45.000,00" starting at `i`.
    static func lexNumber(_ s: [Unicode.Scalar], _ i: Int, spaceBefore: Bool) -> Token {
        // The groups of digits, each `starts[k]..<ends[k]`, and the separators between them.
        var starts = [i], ends: [Int] = [], seps: [Unicode.Scalar] = []
        var j = i
        while j < s.count {
            if isDigit(s[j]) {
                j += 1
            } else if s[j] == "," || s[j] == ".", j + 1 < s.count, isDigit(s[j + 1]) {
                ends.append(j)
                seps.append(s[j])
                j += 1
                starts.append(j)
            } else {
                break
            }
        }
        ends.append(j)
        func length(_ k: Int) -> Int { ends[k] - starts[k] }
        let count = starts.count

        // How many groups make up the number, and whether the last one is a decimal fraction.
        var used = 1
        var decimal = false
        if let lastSep = seps.last {
            let kinds = (seps.contains(",") ? 1 : 0) + (seps.contains(".") ? 1 : 0)
            let thousands: (Int) -> Bool = { groups in
                length(0) <= 3 && (1..<groups).allSatisfy { length($0) == 3 }
            }
            if kinds == 1, thousands(count) {
                used = count
            } else if kinds == 1, seps.count == 1, lastSep == "." || length(count - 1) <= 2 {
                used = 2
                decimal = true
            } else if kinds == 2, length(count - 1) <= 2, !seps.dropLast().contains(lastSep),
                      thousands(count - 1) {
                used = count
                decimal = true
            }
        }
        var token = Token(kind: .number, start: i, end: ends[used - 1], spaceBefore: spaceBefore)
        token.grouped = used > 1
        let integerGroups = decimal ? 0..<(used - 1) : 0..<used
        token.digits = integerGroups.reduce(0) { $0 + length($1) }
        let fraction = decimal ? length(used - 1) : 0
        if token.digits + fraction <= 15 {
            // All the digits of the groups used (the fraction's too) as one integer below 2^53, divided by a
            // power of ten that is exact: one rounding, as reading the decimal text gives.
            var whole = 0
            for k in 0..<used {
                for d in starts[k]..<ends[k] { whole = whole * 10 + Int(s[d].value - 48) }
            }
            token.value = Double(whole) / powersOfTen[fraction]
        } else {
            var text = ""
            for k in integerGroups { text.unicodeScalars.append(contentsOf: s[starts[k]..<ends[k]]) }
            if decimal {
                text += "."
                text.unicodeScalars.append(contentsOf: s[starts[used - 1]..<ends[used - 1]])
            }
            // A figure too long to be a number (hundreds of digits) is none: JSON has no infinity.
            token.value = Double(text).flatMap { $0.isFinite ? $0 : nil } ?? 0
        }
        return token
    }

    /// 10⁰ to 10¹⁵, each exact as a `Double`.
    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { p, _ in p * 10 } }

    /// Scalar ranges that hold phone numbers.
    static func phoneRanges(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        // North-American phone numbers: (518) 555-1212, 518-555-1212, 518.555.1212, 518 555 1212.
        var i = 0
        while i < s.count {
            let startsHere = (s[i] == "(" || isDigit(s[i])) && (i == 0 || !isDigit(s[i - 1]))
            if startsHere, let end = phoneEnd(s, i) {
                ranges.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }

    private static func phoneEnd(_ s: [Unicode.Scalar], _ start: Int) -> Int? {
        var i = start
        func digits(_ n: Int) -> Bool {
            guard i + n <= s.count else { return false }
            for k in i..<(i + n) where !isDigit(s[k]) { return false }
            if i + n < s.count, isDigit(s[i + n]) { return false }
            i += n
            return true
        }
        let paren = s[i] == "("
        if paren { i += 1 }
        guard digits(3) else { return nil }
        if paren {
            guard i < s.count, s[i] == ")" else { return nil }
            i += 1
            if i < s.count, s[i] == " " { i += 1 }
        } else {
            guard i < s.count, ["-", ".", " "].contains(s[i]) else { return nil }
            i += 1
        }
        guard digits(3) else { return nil }
        guard i < s.count, ["-", ".", " "].contains(s[i]) else { return nil }
        i += 1
        guard digits(4) else { return nil }
        return i
    }

    // MARK: Reading amounts

    struct Amount {
        var value: Double
        var currency: String?
        /// The currency came from an explicit code (not a bare "$").
        var explicitCode: Bool
        var firstToken: Int
        /// The token after the number (and its currency suffix).
        var next: Int
        var numberToken: Int
        var kSuffix: Bool
        /// The period a bare singular unit after the figure states ("$24.21 hour"); `next` is past it.
        var unitPeriod: SalaryPeriod?
    }

    enum PeriodMatch {
        case period(SalaryPeriod)
        case unrepresentable
    }

    final class Context {
        let tokens: [Token]
        private let scalars: [Unicode.Scalar]
        /// The phone numbers and dates of the text, looked for only once a figure passes every other test:
        /// most lines that reach the parser hold no pay at all.
        private lazy var phones: [Range<Int>] = SalaryParser.phoneRanges(scalars)
        /// The dates, read only as far as a figure asks (made at the first figure that asks; optional rather
        /// than lazy, so that the scan is advanced in place).
        private var dates: DateParser.DateScan?
        /// The lower-cased words of the word tokens read so far: the rules read only those near figures.
        private var words: [String?]

        init(tokens: [Token], scalars: [Unicode.Scalar]) {
            self.tokens = tokens
            self.scalars = scalars
            words = Array(repeating: nil, count: tokens.count)
        }

        /// The lower-cased word of token `i`, which is a word token.
        private func lowered(_ i: Int) -> String {
            if let w = words[i] { return w }
            let w = FastText.lowercasedWord(scalars[tokens[i].start..<tokens[i].end])
            words[i] = w
            return w
        }

        func word(_ i: Int) -> String? {
            i >= 0 && i < tokens.count && tokens[i].kind == .word ? lowered(i) : nil
        }

        func isPunct(_ i: Int, _ set: [Unicode.Scalar]) -> Bool {
            i >= 0 && i < tokens.count && tokens[i].kind == .punct && set.contains(tokens[i].scalar)
        }

        func isExcluded(_ t: Token) -> Bool {
            if phones.contains(where: { $0.overlaps(t.start..<t.end) }) { return true }
            // A date that overlaps the figure starts before the figure ends.
            if dates == nil { dates = DateParser.DateScan(scalars) }
            dates!.scan(before: t.end)
            return dates!.found.contains { $0.range.overlaps(t.start..<t.end) }
        }

        /// Whether token `i` ends a sentence (a full stop, "!", "?" or ";" followed by space).
        func endsSentence(_ i: Int) -> Bool {
            guard tokens[i].kind == .punct else { return false }
            switch tokens[i].scalar {
            case ";", "!", "?": return true
            case ".": return i + 1 < tokens.count && tokens[i + 1].spaceBefore
            default: return false
            }
        }

        /// The words before token `i`, nearest first, within the same sentence and 60 scalars.
        func wordsBefore(_ i: Int, limit: Int = 8) -> [String] {
            var out: [String] = []
            var k = i - 1
            let floor = (i < tokens.count ? tokens[i].start : 0) - 60
            while k >= 0, out.count < limit, tokens[k].start >= floor {
                if endsSentence(k) { break }
                if tokens[k].kind == .word { out.append(lowered(k)) }
                k -= 1
            }
            return out
        }

        /// Reads a currency-marked or bare figure whose number is token `n`.
        /// - Parameter rangeCurrency: for the second figure of a range, the first figure's currency, which a
        ///   bare unit after the second figure ("$24-26 hour") also reads as its period.
        /// - Parameter excluding: false to leave the costly test for dates and phone numbers to the caller.
        func amount(number n: Int, rangeCurrency: String? = nil, excluding: Bool = true) -> Amount? {
            let t = tokens[n]
            guard t.kind == .number, t.value > 0 else { return nil }
            var currency: String?
            var explicit = false
            var first = n
            // Prefix: "$", "US$", "C$", "CAD $", "USD ", "£", "€".
            if n >= 1, tokens[n - 1].kind == .symbol, let sym = symbols[tokens[n - 1].scalar] {
                currency = sym
                first = n - 1
                if n >= 2, tokens[n - 2].kind == .word {
                    let w = lowered(n - 2)
                    if !tokens[n - 1].spaceBefore, tokens[n - 1].scalar == "$", let code = dollarPrefixes[w] {
                        currency = code
                        explicit = true
                        first = n - 2
                    } else if let code = codes[w] {
                        currency = code
                        explicit = true
                        first = n - 2
                    }
                }
            } else if n >= 1, let w = word(n - 1), let code = codes[w] {
                currency = code
                explicit = true
                first = n - 1
            }
            var next = n + 1
            // Suffix: "USD", "CAD", "dollars", "€".
            if currency == nil || !explicit {
                if let w = word(next), let code = codes[w] {
                    currency = code
                    explicit = true
                    next += 1
                } else if let w = word(next), w == "dollars" || w == "dollar" {
                    currency = currency ?? "USD"
                    next += 1
                } else if let w = word(next), w == "canadian", word(next + 1)?.hasPrefix("dollar") == true {
                    currency = "CAD"
                    explicit = true
                    next += 2
                } else if currency == nil, next < tokens.count, tokens[next].kind == .symbol,
                          let sym = symbols[tokens[next].scalar] {
                    currency = sym
                    next += 1
                }
            }
            if currency == "USD", !explicit, mentionsCanada(around: n) { currency = "CAD" }

            // Never pay: percentages, identifiers, counts.
            if isPunct(n + 1, ["%"]) || word(n + 1) == "percent" { return nil }
            if isPunct(n - 1, ["#"]) || (n >= 1 && tokens[n - 1].kind == .symbol && isPunct(n - 2, ["#"])) {
                return nil
            }
            var after = n + 1
            if isPunct(after, ["+"]) { after += 1 }
            // A unit right after the figure makes it a count ("40 hours", "3+ years"), except a singular one
            // after a figure in a currency that ends its phrase, which is its period ("$24.21 hour"); see
            // ``endsBareUnit(_:)``.
            var unitPeriod: SalaryPeriod?
            if let w = word(after), unitDenials.contains(w) {
                guard (currency ?? rangeCurrency) != nil, after == n + 1, let p = bareUnitPeriods[w], endsBareUnit(after) else { return nil }
                unitPeriod = p
                next = after + 1
            }
            // "$8M", "$2.5bn": millions or billions glued to the figure.
            if t.lettersAttached, let w = word(n + 1), ["m", "mm", "mn", "mil", "b", "bn"].contains(w) { return nil }
            // (A unit taken as the period does not count among the words read here.)
            for k in (n + 1)...min(n + (unitPeriod == nil ? 3 : 4), tokens.count) where k < tokens.count {
                if let w = word(k), nounDenials.contains(w) { return nil }
                if tokens[k].kind != .word && !isPunct(k, ["+", "-"]) { break }
            }
            // Glued to letters before it: a code such as "SL2" or "h00210", never pay.
            if !t.spaceBefore, n >= 1, tokens[n - 1].kind == .word || isPunct(n - 1, ["_"]) { return nil }
            // Part of a web address ("/id/12617/hourly_…") or a time of day ("3:00 pm").
            if (isPunct(n - 1, ["/"]) && !t.spaceBefore && isPunct(n + 1, ["/"]) && !tokens[n + 1].spaceBefore)
                || (isPunct(n + 1, [":"]) && !tokens[n + 1].spaceBefore && n + 2 < tokens.count && tokens[n + 2].kind == .number)
                || (isPunct(n - 1, [":"]) && !t.spaceBefore && n >= 2 && tokens[n - 2].kind == .number) { return nil }
            if currency == nil {
                // "three (3) references", "two (2) years": a count spelled twice.
                if isPunct(n - 1, ["("]) && isPunct(n + 1, [")"]) { return nil }
                if t.lettersAttached || isPunct(n + 1, ["("]) && !tokens[n + 1].spaceBefore { return nil }
                // "24/7", or the day in "July 1".
                if isPunct(n - 1, ["/"]) && !t.spaceBefore && n >= 2 && tokens[n - 2].kind == .number {
                    return nil
                }
                if let w = word(n - 1), DateParser.months[w] != nil { return nil }
                if let w = word(n + 1), DateParser.months[w] != nil { return nil }
                if !t.grouped, !t.kSuffix, t.digits == 4, (1900...2100).contains(Int(t.value)) { return nil }
                // A label such as "Grade 18", "Req 10452", "Job No. 123".
                var k = n - 1
                while k >= 0, n - k <= 3, tokens[k].kind == .punct,
                      [":", "#", ".", "-"].contains(tokens[k].scalar) { k -= 1 }
                if let w = word(k), labelDenials.contains(w) { return nil }
            }
            // Last, as finding every date and phone number in the text costs more than all the tests above.
            guard !excluding || !isExcluded(t) else { return nil }
            return Amount(value: t.value, currency: currency, explicitCode: explicit, firstToken: first,
                          next: next, numberToken: n, kSuffix: t.kSuffix, unitPeriod: unitPeriod)
        }

        /// Whether the bare unit at token `u` ends its phrase, as a period does: the text ends, or punctuation
        /// follows (a dash glued between it and a word makes a compound: "a $2,000 year-end bonus"), or a word
        /// that joins another figure ("$24 hour to $26 hour"). Any other word makes the unit part of something
        /// else: "$18 Day Shift", "a $3,000 year one bonus", "$55,000 HR contact".
        func endsBareUnit(_ u: Int) -> Bool {
            let f = u + 1
            guard f < tokens.count else { return true }
            if tokens[f].kind == .punct {
                let joinsWord = !tokens[f].spaceBefore && dashes.contains(tokens[f].scalar) && word(f + 1) != nil
                return !joinsWord
            }
            return ["and", "to", "or", "plus"].contains(word(f) ?? "")
        }

        func mentionsCanada(around n: Int) -> Bool {
            let lo = Swift.max(0, n - 8), hi = Swift.min(tokens.count, n + 9)
            for k in lo..<hi {
                if let w = word(k), ["cad", "cdn", "canadian"].contains(w) { return true }
            }
            return false
        }

        /// A pay period written at token `i`: "/hr", "per hour", "an hour", "annually", "(yearly)".
        func period(at i: Int) -> (match: PeriodMatch, next: Int)? {
            var k = i
            if isPunct(k, ["("]) { k += 1 }
            func close(_ end: Int) -> Int { isPunct(end, [")"]) ? end + 1 : end }
            if isPunct(k, ["/"]), let w = word(k + 1) {
                if let p = unitWords[w] ?? periodAdjectives[w] { return (.period(p), close(k + 2)) }
                return nil
            }
            guard let w = word(k) else { return nil }
            if w == "per" || w == "an" || w == "a" || w == "each" {
                guard let u = word(k + 1) else { return nil }
                if let p = unitWords[u] { return (.period(p), close(k + 2)) }
                if w == "per", u == "pay" { return (.unrepresentable, close(k + 2)) }
                return nil
            }
            if w == "p", isPunct(k + 1, ["."]), word(k + 2) == "a" {
                return (.period(.year), close(isPunct(k + 3, ["."]) ? k + 4 : k + 3))
            }
            if let p = periodAdjectives[w] { return (.period(p), close(k + 1)) }
            if oddPeriods.contains(w) { return (.unrepresentable, close(k + 1)) }
            if (w == "bi" || w == "semi"), isPunct(k + 1, ["-"]),
               let u = word(k + 2), ["weekly", "monthly", "annually", "annual"].contains(u) {
                return (.unrepresentable, close(k + 3))
            }
            if w == "every", word(k + 1) == "two", word(k + 2) == "weeks" {
                return (.unrepresentable, close(k + 3))
            }
            return nil
        }

        /// A period stated before the figure in the same clause ("hourly rate of $24.50").
        func periodBefore(_ i: Int) -> PeriodMatch? {
            for w in wordsBefore(i, limit: 6) {
                if let p = periodAdjectives[w] { return .period(p) }
                if oddPeriods.contains(w) { return .unrepresentable }
            }
            return nil
        }

        func salary(at n: Int) -> Salary? {
            // (Whether the figure is part of a date or a phone number is asked last, only of a figure that
            // would be pay: the answer is nil either way.)
            guard var a = amount(number: n, excluding: false) else { return nil }
            let before = wordsBefore(a.firstToken)
            let payContext = before.contains { payWords.contains($0) }

            var next = a.next
            var stated = a.unitPeriod.map(PeriodMatch.period)
            if stated == nil, let p = period(at: next) {
                stated = p.match
                next = p.next
            }
            var hasPeriodAfter = stated != nil
            // A range: "$58,000 - $64,000", "$24 to $26/hr", "between $55K and $60K".
            var b: Amount?
            if isPunct(next, ["-", "–", "—", "−", "~"])
                || ["to", "and", "through", "thru"].contains(word(next) ?? "") {
                var k = next + 1
                if k < tokens.count, tokens[k].kind == .symbol { k += 1 }
                else if let w = word(k), codes[w] != nil { k += 1 }
                if k + 1 < tokens.count, tokens[k].kind == .word, tokens[k + 1].kind == .symbol,
                   dollarPrefixes[lowered(k)] != nil { k += 2 }
                if k < tokens.count, tokens[k].kind == .number, var second = amount(number: k, rangeCurrency: a.currency) {
                    if second.currency == nil { second.currency = a.currency }
                    if a.currency == nil { a.currency = second.currency }
                    b = second
                    next = second.next
                    if let p = second.unitPeriod {
                        stated = .period(p)
                        hasPeriodAfter = true
                    } else if let p = period(at: next) {
                        stated = p.match
                        next = p.next
                        hasPeriodAfter = true
                    }
                }
            }
            if stated == nil { stated = periodBefore(a.firstToken) }

            guard a.currency != nil || payContext || hasPeriodAfter else { return nil }
            // "an annual budget of over $8M", "raised $250,000": money, but not pay. Only a word within a few
            // of the figure counts ("Digital Projects Librarian, $60,000 per year" is pay), never when a pay
            // period follows, and never when a pay word is nearer.
            if !hasPeriodAfter, let money = before.prefix(4).firstIndex(where: { moneyNotPay.contains($0) }),
               money < (before.firstIndex(where: { payWords.contains($0) && !["annual", "annually", "yearly"].contains($0) }) ?? before.count) {
                return nil
            }

            var low: Double? = a.value
            var high: Double? = a.value
            if var second = b {
                var firstValue = a.value
                if second.kSuffix, !a.kSuffix, firstValue < 1000 { firstValue *= 1000 }
                if a.kSuffix, !second.kSuffix, second.value < 1000 { second.value *= 1000 }
                // "$60-68,000": the low figure written without its thousands.
                if !a.kSuffix, firstValue < 1000, firstValue.rounded() == firstValue, second.value >= 10_000,
                   firstValue * 1000 <= second.value, firstValue * 1000 * 2 >= second.value { firstValue *= 1000 }
                low = Swift.min(firstValue, second.value)
                high = Swift.max(firstValue, second.value)
            } else {
                // Open-ended: "up to $70,000", "Starting at $55k", "$55k+", "$40,000 and up".
                let near = Array(before.prefix(3))
                let plus = isPunct(a.numberToken + 1, ["+"])
                    || (isPunct(a.next, ["+"]))
                    || (word(next) == "and" && ["up", "above", "over"].contains(word(next + 1) ?? ""))
                    || (word(next) == "or" && ["more", "higher", "above"].contains(word(next + 1) ?? ""))
                let upTo = (near.count >= 2 && near[0] == "to" && near[1] == "up")
                    || (near.count >= 3 && near[0] == "of" && near[1] == "to" && near[2] == "up")
                    || near.contains { maxWords.contains($0) }
                    || (near.count >= 2 && near[0] == "than" && near[1] == "more")
                let from = plus || near.contains { minWords.contains($0) }
                    || (near.count >= 2 && near[0] == "than" && near[1] == "less")
                if upTo {
                    low = nil
                } else if from {
                    high = nil
                }
            }
            let period: SalaryPeriod?
            switch stated {
            case .period(let p)?: period = p
            case .unrepresentable?: period = nil
            case nil:
                let reference = low ?? high ?? 0
                period = reference < 300 ? .hour : reference >= 10_000 ? .year : nil
            }
            guard !isExcluded(tokens[n]) else { return nil }
            return Salary(min: low, max: high, currency: a.currency, period: period)
        }
    }
}
