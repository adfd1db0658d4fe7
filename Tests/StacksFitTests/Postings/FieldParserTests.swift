import Foundation
import Testing
@testable import StacksFit

// MARK: - Dates

@Suite("DateParser")
struct DateParserTests {
    @Test("RFC 822 / 1123 and their real-world variants", arguments: [
        ("Tue, 03 Nov 2026 09:30:00 -0500", "2026-11-03T14:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 GMT", "2026-11-03T09:30:00Z"),
        ("03 Nov 2026 09:30:00 GMT", "2026-11-03T09:30:00Z"),            // no weekday
        ("Mon, 03 Nov 2026 09:30:00 GMT", "2026-11-03T09:30:00Z"),       // wrong weekday
        ("Tue, 03 Nov 26 09:30:00 GMT", "2026-11-03T09:30:00Z"),         // two-digit year
        ("Tue, 3 Nov 2026 09:30:00 UT", "2026-11-03T09:30:00Z"),         // single-digit day
        ("Tue, 03 Nov 2026 09:30 UTC", "2026-11-03T09:30:00Z"),          // no seconds
        ("Tue, 03 Nov 2026 09:30:00 Z", "2026-11-03T09:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 EST", "2026-11-03T14:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 EDT", "2026-11-03T13:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 CST", "2026-11-03T15:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 CDT", "2026-11-03T14:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 MST", "2026-11-03T16:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 MDT", "2026-11-03T15:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 PST", "2026-11-03T17:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 PDT", "2026-11-03T16:30:00Z"),
        ("Tue, 03 Nov 2026 09:30:00 A", "2026-11-03T08:30:00Z"),         // military: A = UTC+1
        ("Tue, 03 Nov 2026 09:30:00 N", "2026-11-03T10:30:00Z"),         // military: N = UTC−1
        ("Tue, 03 Nov 2026 09:30:00 +05:30", "2026-11-03T04:00:00Z"),    // offset with colon
        ("Tue, 03 Nov 2026 09:30:00 GMT+2", "2026-11-03T07:30:00Z"),
        ("tue, 03 november 2026 09:30:00 gmt", "2026-11-03T09:30:00Z"),  // lower case, long month
        ("Thu, 03 Sept 2026 09:30:00 GMT", "2026-09-03T09:30:00Z"),
        ("Tue, 03, Nov 2026 09:30:00 GMT", "2026-11-03T09:30:00Z"),      // comma after the day
        ("Tue, 03 Nov 2026 09:30:00 GMT (Coordinated)", "2026-11-03T09:30:00Z"), // trailing junk
        ("Tuesday, 03-Nov-26 09:30:00 GMT", "2026-11-03T09:30:00Z"),     // RFC 850
        ("Tue Nov  3 09:30:00 EST 2026", "2026-11-03T14:30:00Z"),        // asctime
        ("Tue, 03 Nov 2026", "2026-11-03"),                              // date only
        ("Sun, 16 Dec 2012 1:2:3 -0000", "2012-12-16T01:02:03Z"),        // one-digit fields
        ("Sun Dec 16 2012 11:15:32 GMT-0500 (EST)", "2012-12-16T16:15:32Z"), // JavaScript Date
        ("16 Dec 2012 11:15:32 +0100 (CET)", "2012-12-16T10:15:32Z"),
    ])
    func rfc822(input: String, expected: String) {
        #expect(DateParser.parse(input)?.iso8601 == expected)
    }

    @Test("RFC 3339 / W3CDTF", arguments: [
        ("2026-10-14T08:00:00-04:00", "2026-10-14T12:00:00Z"),
        ("2026-10-14T08:00:00Z", "2026-10-14T08:00:00Z"),
        ("2026-10-14T08:00:00.123456Z", "2026-10-14T08:00:00Z"),
        ("2026-10-14T08:00:00+0530", "2026-10-14T02:30:00Z"),
        ("2026-10-14T08:00-04:00", "2026-10-14T12:00:00Z"),
        ("2026-10-14", "2026-10-14"),
        ("2026-10", "2026-10-01"),
        ("2026", "2026-01-01"),
        ("2026-10-14 08:00:00", "2026-10-14T08:00:00Z"),
        ("2026-10-14t08:00:00z", "2026-10-14T08:00:00Z"),
        ("  2026-10-14  ", "2026-10-14"),
        ("2026-10-14T24:00:00Z", "2026-10-15T00:00:00Z"),
        ("2003-12-31T10:14:55-08", "2003-12-31T18:14:55Z"),
        ("2026-06-30T23:59:60Z", "2026-06-30T23:59:59Z"),               // leap second stays in its day
    ])
    func w3cdtf(input: String, expected: String) {
        #expect(DateParser.parse(input)?.iso8601 == expected)
    }

    @Test("Sloppy forms in job ads", arguments: [
        ("March 15, 2026", "2026-03-15"),
        ("March 15th, 2026", "2026-03-15"),
        ("15 March 2026", "2026-03-15"),
        ("15th of March, 2026", "2026-03-15"),
        ("Mar. 15, 2026", "2026-03-15"),
        ("3/15/2026", "2026-03-15"),
        ("03/15/26", "2026-03-15"),
        ("2026/03/15", "2026-03-15"),
        ("Dec 1 2026", "2026-12-01"),
        ("Sept 30, 2026", "2026-09-30"),
        ("15/03/2026", "2026-03-15"),                 // day-first only when the month can't come first
        ("Friday, February 12, 2027", "2027-02-12"),
        ("March 15, 2026 at 5:00 p.m. EST", "2026-03-15T22:00:00Z"),
        ("March 15, 2026 9am", "2026-03-15T09:00:00Z"),
    ])
    func adForms(input: String, expected: String) {
        #expect(DateParser.parse(input)?.iso8601 == expected)
    }

    @Test("Not dates, or impossible ones", arguments: [
        "Open until filled", "ASAP", "Monday", "", "   ", "TBD", "Spring 2027", "March 2026",
        "March 15", "3/15", "Feb 29 2027", "2027-02-29", "1900-02-29", "2100-02-29", "2026-02-30",
        "April 31, 2026", "2026-13-01", "2026-00-10", "13/13/2026", "Tue, 03 Nov 2026 25:00:00 GMT",
        "2026-10-14T08:61:00Z", "1899-12-31", "2201-01-01", "Nov 03 1850", "2026 annual report",
        "2026-10 and more", "10452",
    ])
    func rejects(input: String) {
        #expect(DateParser.parse(input) == nil)
    }

    @Test("Leap days are accepted when real", arguments: [
        ("Feb 29, 2028", "2028-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("29 Feb 2024", "2024-02-29"),
    ])
    func leapDays(input: String, expected: String) {
        #expect(DateParser.parse(input)?.iso8601 == expected)
    }

    @Test("Time zones roll the UTC date across day, month, year and leap-day boundaries", arguments: [
        ("Thu, 31 Dec 2026 22:00:00 -0500", "2027-01-01T03:00:00Z"),
        ("Fri, 01 Jan 2027 01:00:00 +0200", "2026-12-31T23:00:00Z"),
        ("2026-10-14T23:30:00-04:00", "2026-10-15T03:30:00Z"),
        ("2026-03-01T01:00:00+05:00", "2026-02-28T20:00:00Z"),
        ("2028-02-28T23:00:00-02:00", "2028-02-29T01:00:00Z"),
        ("2028-03-01T00:30:00+01:00", "2028-02-29T23:30:00Z"),
        ("Sat, 30 Apr 2026 23:59:59 PDT", "2026-05-01T06:59:59Z"),
    ])
    func rollover(input: String, expected: String) {
        #expect(DateParser.parse(input)?.iso8601 == expected)
    }

    @Test("firstDate finds a date inside running text", arguments: [
        ("Posted on October 3, 2026 by HR", "2026-10-03"),
        ("Req #10452, 3+ years; apply before 2026-11-01.", "2026-11-01"),
        ("Call 518-555-1212 before 12/1/2026", "2026-12-01"),
        ("Interviews the week of Monday, Jan. 11, 2027 in Albany", "2027-01-11"),
    ])
    func firstDate(input: String, expected: String) {
        #expect(DateParser.firstDate(in: input)?.iso8601 == expected)
    }

    @Test("firstDate ignores numbers that are not dates", arguments: [
        "Requires 3-5 years and 2 references", "Version 10.1.2.2026", "In 2026 we grew", "Call 518-555-1212",
        "Open until filled",
    ])
    func firstDateNone(input: String) {
        #expect(DateParser.firstDate(in: input) == nil)
    }

    @Test("text the quick test turns away holds no date the full scan would find")
    func quickTestNeverLosesADate() {
        for month in DateParser.months.keys {
            #expect(DateParser.mayHoldDate(Array("\(month.uppercased()) 1".unicodeScalars)), "\(month)")
        }
        #expect(!DateParser.mayHoldDate(Array("Salary: $52,000 per year, 40 hours".unicodeScalars)))
        // A month's head inside another word is no month.
        #expect(!DateParser.mayHoldDate(Array("Summary of the primary decision; the Mayor applies; Marché".unicodeScalars)))
        let vocabulary = ["Jan", "MARCH", "sept", "Dec.", "15", "2026", "1", "12", "/", "-", ".", ",", " ", "  ", "Monday",
                          "15th", "T", ":", "09", "EST", "of", "the", "x", "–", "é", "2026-01-15", "3/4/2027", "at",
                          "sum", "mary", "pri", "May", "or", "Mayé", "2nd", "\u{212A}", "ﬁ", "Septembers", "Marchioness"]
        var random = SplitMix64(seed: 21)
        var dates = 0
        for _ in 0..<6_000 {
            let text = (0..<Int(random.next() % 9)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined()
            let scalars = Array(text.unicodeScalars)
            let found = DateParser.scanDateMatches(in: scalars)
            dates += found.isEmpty ? 0 : 1
            #expect(found.isEmpty || DateParser.mayHoldDate(scalars), "\(text)")
        }
        #expect(dates > 100)
    }

    @Test("the grammar reads what it reads when every word, not only its own, is a string")
    func onlyGrammarWordsAreStrings() {
        for word in DateParser.grammarWords {
            #expect(DateParser.tokenize(Array(word.uppercased().unicodeScalars)).first?.word == word, "\(word)")
        }
        #expect(DateParser.tokenize(Array("Librarian".unicodeScalars)).first?.word == "")
        let vocabulary = ["Jan", "MARCH", "september", "Wednesday", "WEDNESDAYS", "15", "2026", "1", "12", "/", "-", ".", ",", " ",
                          "15th", "3RD", "2Nd", "T", ":", "09", "30", "EST", "akst", "GMT", "UT", "Z", "z", "K", "j", "at", "of",
                          "am", "PM", "p", "m", "a", "+", "0500", "(", ")", "the", "Librarian", "é", "\u{212A}", "\u{212A}ST", "st"]
        var random = SplitMix64(seed: 33)
        var dates = 0
        // Half the texts follow the shape of a date with a time and zone, each part picked at random.
        let shape: [[String]] = [["Monday", "Wed", "thurs", "Librarian", ""], [", ", " ", ""], ["March", "SEPT", "dec", "Jan.", "15", "3/15/"],
                                 [" "], ["15", "3", "1st", "22ND", "31", "2026"], [", ", " ", "", " of "], ["2026", "27", "1999", "March"],
                                 [" ", " at ", "@", ", "], ["9:30", "17:00:00", "5", "12:15", "2026"], [" ", ""], ["PM", "a.m.", "p. m.", "am", "x", ""],
                                 [" ", ""], ["EST", "GMT+2", "(UTC)", "Z", "K", "akdt", "+05:30", "\u{212A}", "J", "est.", ""]]
        for _ in 0..<8_000 {
            let text = random.next() % 2 == 0
                ? shape.map { $0[Int(random.next() % UInt64($0.count))] }.joined()
                : (0..<Int(random.next() % 12)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                    .joined(separator: random.next() % 2 == 0 ? " " : "")
            let scalars = Array(text.unicodeScalars)
            let tokens = DateParser.tokenize(scalars), all = DateParser.tokenize(scalars, allWords: true)
            #expect(tokens.map(\.end) == all.map(\.end), "\(text)")
            for i in tokens.indices {
                let read = DateParser.parseTokens(tokens, from: i), expected = DateParser.parseTokens(all, from: i)
                #expect(read?.date == expected?.date && read?.next == expected?.next, "\(text) / \(i)")
                dates += read == nil ? 0 : 1
            }
        }
        #expect(dates > 500, "\(dates)")
    }

    @Test("a scan stopped at a place has found every date that starts before it, and only those")
    func scanStopsAtAPlace() {
        let vocabulary = ["Jan", "MARCH", "15", "2026", "1", "/", "-", ",", " ", "15th", "of", "the", "x", "2026-01-15", "3/4/2027", "Monday"]
        var random = SplitMix64(seed: 79)
        var partial = 0
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined()
            let scalars = Array(text.unicodeScalars)
            let all = DateParser.allDateMatches(in: scalars)
            var scan = DateParser.DateScan(scalars)
            // Places in increasing order, as the salary parser asks.
            var place = 0
            while place <= scalars.count + 1 {
                scan.scan(before: place)
                let expected = all.filter { $0.range.lowerBound < place }
                #expect(scan.found.map(\.range) == expected.map(\.range) && scan.found.map(\.date) == expected.map(\.date), "\(text) / \(place)")
                if !expected.isEmpty && expected.count < all.count { partial += 1 }
                place += 1 + Int(random.next() % 6)
            }
        }
        #expect(partial > 100, "\(partial)")
    }

    @Test func iso8601Output() {
        #expect(PostingDate(year: 2026, month: 2, day: 1).iso8601 == "2026-02-01")
        #expect(PostingDate(year: 2026, month: 2, day: 1, secondsIntoDay: 9 * 3600 + 30 * 60).iso8601
            == "2026-02-01T09:30:00Z")
    }

    @Test func codableIsOneISOString() throws {
        let date = PostingDate(year: 2026, month: 2, day: 1, secondsIntoDay: 34_200)
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-01T09:30:00Z"]"#)
        let back = try JSONDecoder().decode([PostingDate].self, from: data)
        #expect(back == [date])
        let dayOnly = try JSONDecoder().decode([PostingDate].self, from: Data(#"["2026-02-01"]"#.utf8))
        #expect(dayOnly == [PostingDate(year: 2026, month: 2, day: 1)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PostingDate].self, from: Data(#"["next Tuesday"]"#.utf8))
        }
    }

    @Test func comparableIsChronological() throws {
        let dates = try ["2027-01-01", "2026-12-31T23:59:59Z", "2026-12-31", "2026-02-01T00:00:00Z", "2026-01-31"]
            .map { try #require(DateParser.parse($0)) }
        #expect(dates.sorted().map(\.iso8601)
            == ["2026-01-31", "2026-02-01T00:00:00Z", "2026-12-31", "2026-12-31T23:59:59Z", "2027-01-01"])
    }
}

// MARK: - Salary

@Suite("SalaryParser")
struct SalaryParserTests {
    @Test("a figure of hundreds of digits is no salary (it would be infinite, which JSON cannot hold), in text or JSON-LD")
    func hugeFigure() {
        let nines = String(repeating: "9", count: 400)
        let salary = SalaryParser.parse("Salary: $" + nines)
        #expect(salary.map { [$0.min, $0.max].compactMap { $0 }.allSatisfy(\.isFinite) } ?? true)
        #expect(SchemaOrgMapper.number(nines) == nil)
        #expect(SchemaOrgMapper.number("58,000") == 58_000)
    }

    @Test("a figure's value read from its digits as an integer is the value its decimal text reads as")
    func figuresReadAsText() {
        /// The figure as text, read the way the parser read it before it read digits as integers.
        func reference(_ s: [Unicode.Scalar], _ i: Int) -> (end: Int, grouped: Bool, digits: Int, value: Double) {
            var groups: [String] = [], groupEnds: [Int] = [], seps: [Unicode.Scalar] = []
            var j = i, current = ""
            while j < s.count {
                if SalaryParser.isDigit(s[j]) {
                    current.unicodeScalars.append(s[j]); j += 1
                } else if s[j] == "," || s[j] == ".", j + 1 < s.count, SalaryParser.isDigit(s[j + 1]) {
                    groups.append(current); groupEnds.append(j); seps.append(s[j]); current = ""; j += 1
                } else { break }
            }
            groups.append(current); groupEnds.append(j)
            var used = 1, decimal = false
            if let lastSep = seps.last, let lastGroup = groups.last {
                let kinds = Set(seps)
                let thousands: (Int) -> Bool = { count in groups[0].count <= 3 && groups[1..<count].allSatisfy { $0.count == 3 } }
                if kinds.count == 1, thousands(groups.count) { used = groups.count }
                else if kinds.count == 1, seps.count == 1, lastSep == "." || lastGroup.count <= 2 { used = 2; decimal = true }
                else if kinds.count == 2, lastGroup.count <= 2, !seps.dropLast().contains(lastSep), thousands(groups.count - 1) { used = groups.count; decimal = true }
            }
            let integer = (decimal ? groups[0..<(used - 1)] : groups[0..<used]).joined()
            let text = decimal ? integer + "." + groups[used - 1] : integer
            return (groupEnds[used - 1], used > 1, integer.count, Double(text).flatMap { $0.isFinite ? $0 : nil } ?? 0)
        }
        let pieces = ["0", "1", "5", "9", "00", "12", "007", "123", "4500", "99999", "31415926535", ",", ".", ", ", "x", "k"]
        var random = SplitMix64(seed: 57)
        for _ in 0..<20_000 {
            let text = "1" + (0..<Int(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let scalars = Array(text.unicodeScalars)
            let token = SalaryParser.lexNumber(scalars, 0, spaceBefore: true)
            let expected = reference(scalars, 0)
            #expect(token.end == expected.end && token.grouped == expected.grouped && token.digits == expected.digits
                    && token.value == expected.value, "\(text): \(token.value) vs \(expected.value)")
        }
    }

    @Test("Pay statements", arguments: [
        ("$58,000 - $64,000", Salary(min: 58_000, max: 64_000, currency: "USD", period: .year)),
        ("$58,000–$64,000", Salary(min: 58_000, max: 64_000, currency: "USD", period: .year)),
        ("$58,000—$64,000", Salary(min: 58_000, max: 64_000, currency: "USD", period: .year)),
        ("$58,000 to $64,000", Salary(min: 58_000, max: 64_000, currency: "USD", period: .year)),
        ("between $58,000 and $64,000", Salary(min: 58_000, max: 64_000, currency: "USD", period: .year)),
        ("61,200–70,000 USD annually", Salary(min: 61_200, max: 70_000, currency: "USD", period: .year)),
        ("$24.50/hour", Salary(min: 24.5, max: 24.5, currency: "USD", period: .hour)),
        ("$60-68,000/year", Salary(min: 60_000, max: 68_000, currency: "USD", period: .year)),
        ("Salary range: $65-70,000 plus benefits", Salary(min: 65_000, max: 70_000, currency: "USD", period: .year)),
        ("minimum $110,000k commensurate with experience", Salary(min: 110_000, max: nil, currency: "USD", period: .year)),
        ("$24-26/hour", Salary(min: 24, max: 26, currency: "USD", period: .hour)),
        ("Circulation Assistant: $17.50/hour", Salary(min: 17.5, max: 17.5, currency: "USD", period: .hour)),
        ("Digital Projects Librarian, $60,000–$65,000 per year", Salary(min: 60_000, max: 65_000, currency: "USD", period: .year)),
        ("$18 an hour M-F", Salary(min: 18, max: 18, currency: "USD", period: .hour)),
        ("$24.50 per hour", Salary(min: 24.5, max: 24.5, currency: "USD", period: .hour)),
        ("$24.50 an hour", Salary(min: 24.5, max: 24.5, currency: "USD", period: .hour)),
        ("hourly rate of $24.50", Salary(min: 24.5, max: 24.5, currency: "USD", period: .hour)),
        ("Starting at $55k", Salary(min: 55_000, max: nil, currency: "USD", period: .year)),
        ("$55K-$60K", Salary(min: 55_000, max: 60_000, currency: "USD", period: .year)),
        ("$55-60K", Salary(min: 55_000, max: 60_000, currency: "USD", period: .year)),
        ("$55k+", Salary(min: 55_000, max: nil, currency: "USD", period: .year)),
        ("$40,000 and up", Salary(min: 40_000, max: nil, currency: "USD", period: .year)),
        ("up to $70,000", Salary(min: nil, max: 70_000, currency: "USD", period: .year)),
        ("not to exceed $70,000", Salary(min: nil, max: 70_000, currency: "USD", period: .year)),
        ("Salary: 58000", Salary(min: 58_000, max: 58_000, currency: nil, period: .year)),
        ("Salary: 58,000-64,000", Salary(min: 58_000, max: 64_000, currency: nil, period: .year)),
        ("£30,000", Salary(min: 30_000, max: 30_000, currency: "GBP", period: .year)),
        ("£30,000 p.a.", Salary(min: 30_000, max: 30_000, currency: "GBP", period: .year)),
        ("€45.000", Salary(min: 45_000, max: 45_000, currency: "EUR", period: .year)),
        ("€45.000,00", Salary(min: 45_000, max: 45_000, currency: "EUR", period: .year)),
        ("CAD $72,000", Salary(min: 72_000, max: 72_000, currency: "CAD", period: .year)),
        ("C$72,000", Salary(min: 72_000, max: 72_000, currency: "CAD", period: .year)),
        ("$72,000 CAD", Salary(min: 72_000, max: 72_000, currency: "CAD", period: .year)),
        ("$72,000 (Canadian)", Salary(min: 72_000, max: 72_000, currency: "CAD", period: .year)),
        ("US$72,000", Salary(min: 72_000, max: 72_000, currency: "USD", period: .year)),
        ("USD 58,000", Salary(min: 58_000, max: 58_000, currency: "USD", period: .year)),
        ("$30,000 per annum", Salary(min: 30_000, max: 30_000, currency: "USD", period: .year)),
        ("$60,000/yr", Salary(min: 60_000, max: 60_000, currency: "USD", period: .year)),
        ("$60,000 a year", Salary(min: 60_000, max: 60_000, currency: "USD", period: .year)),
        ("$60,000 yearly", Salary(min: 60_000, max: 60_000, currency: "USD", period: .year)),
        ("$4,000 per month", Salary(min: 4_000, max: 4_000, currency: "USD", period: .month)),
        ("$4,000 monthly", Salary(min: 4_000, max: 4_000, currency: "USD", period: .month)),
        ("$900 per week", Salary(min: 900, max: 900, currency: "USD", period: .week)),
        ("$2,400 biweekly", Salary(min: 2_400, max: 2_400, currency: "USD", period: nil)),
        ("$3,500", Salary(min: 3_500, max: 3_500, currency: "USD", period: nil)),
        ("Salary range: $58,000 – $64,000 plus benefits",
         Salary(min: 58_000, max: 64_000, currency: "USD", period: .year)),
        ("Salary: $18.00 - $22.00/hr DOE", Salary(min: 18, max: 22, currency: "USD", period: .hour)),
        ("$24/hr - $26/hr", Salary(min: 24, max: 26, currency: "USD", period: .hour)),
        ("Pay: 24.50 per hour", Salary(min: 24.5, max: 24.5, currency: nil, period: .hour)),
        ("Salary: 700-1200 per month", Salary(min: 700, max: 1_200, currency: nil, period: .month)),
        ("$64,000 - $58,000", Salary(min: 58_000, max: 64_000, currency: "USD", period: .year)), // swapped
        ("40 hours/week at $20/hour", Salary(min: 20, max: 20, currency: "USD", period: .hour)),
        // A bare unit after a figure in a currency is its period (two real postings write pay so).
        ("$24.21 hour", Salary(min: 24.21, max: 24.21, currency: "USD", period: .hour)),
        ("Compensation: $24 - $26 hour", Salary(min: 24, max: 26, currency: "USD", period: .hour)),
        ("£30,000 year", Salary(min: 30_000, max: 30_000, currency: "GBP", period: .year)),
        ("USD 900 week", Salary(min: 900, max: 900, currency: "USD", period: .week)),
        ("a $2,000 year-end bonus; salary $58,000", Salary(min: 58_000, max: 58_000, currency: "USD", period: .year)),
        ("$40 hour–$45 hour", Salary(min: 40, max: 45, currency: "USD", period: .hour)),
        ("$24-26 hour", Salary(min: 24, max: 26, currency: "USD", period: .hour)),
        ("Pay: $24 - 26 hour, plus benefits", Salary(min: 24, max: 26, currency: "USD", period: .hour)),
        // (The second figure here counts the hours of a week: no range.)
        ("$15 - 40 hour week", Salary(min: 15, max: 15, currency: "USD", period: .hour)),
        ("$24 hour to $26 hour.", Salary(min: 24, max: 26, currency: "USD", period: .hour)),
        // A unit that opens the next phrase is no period.
        ("$18 Day Shift / $20 Night Shift", Salary(min: 20, max: 20, currency: "USD", period: .hour)),
        // (The figure before "HR" stays unread, as a count, rather than pay per hour.)
        ("$50,000 - $55,000 HR contact: Jane Doe", Salary(min: 50_000, max: 50_000, currency: "USD", period: .year)),
        ("a $1,000 Day 1 bonus and a salary of $52,000", Salary(min: 52_000, max: 52_000, currency: "USD", period: .year)),
        ("Pay grade 18; salary $45,000", Salary(min: 45_000, max: 45_000, currency: "USD", period: .year)),
        ("Salary effective July 1, 2026: $58,000",
         Salary(min: 58_000, max: 58_000, currency: "USD", period: .year)),
        ("Manage a $2 million budget. Salary: $60,000",
         Salary(min: 60_000, max: 60_000, currency: "USD", period: .year)),
        ("Req #10452. Serves 20,000 students. Salary: $51,500",
         Salary(min: 51_500, max: 51_500, currency: "USD", period: .year)),
    ])
    func parses(input: String, expected: Salary) {
        #expect(SalaryParser.parse(input) == expected)
    }

    @Test("Numbers that are not pay", arguments: [
        "Founded in 2026", "serves 20,000 students", "40 hours per week", "Call (518) 555-1212",
        "Call 518-555-1212", "Requires 3+ years of experience", "Req #10452", "403(b) with 5% match",
        "Compensation: 5% match", "Salary: commensurate with experience", "Salary: DOE",
        "competitive salary", "$500 signing bonus", "$25 application fee", "Salary: 2026",
        "Pay grade 18", "Apply by March 15, 2027", "Open until filled", "",
        // Misreadings found in the real-world corpus.
        "Salary Grade: SL2 / Negotiating Unit: UUP", "Manages an annual budget of over $8M ($7.5M operations).",
        "The Library has an annual operating budget of $308,000.", "annual visits exceeding 385,000 and catalog searches",
        "hourly pay scale: https://www.example.edu/download/id/12617/hourly_support_staff_h00210_32919.pdf",
        "Salary and schedule: Saturday 9:00 am - 3:00 pm", "Salary: see the contract; three (3) references required",
        "Manages an annual budget of over $8M ($7.5M salaries, $500K operations).",
        // Units that stay counts: plural, after "+", joined by a hyphen, or after a figure in no currency.
        "$20 hours of training", "$20+ hour", "a $2,000 year-end bonus", "Pay: see schedule; 37.5 hour week",
        "a $2,000 year\u{2011}end bonus", "a $2,000 year end performance bonus", "a $3,000 year one signing bonus",
        // Figures that would be pay but for a date or phone number they are part of (tested last), alone or in a range.
        "Salary review: March 15, 2027", "Hourly pay questions: 518-555-1212", "Salary: $ 518 555 1212",
        "Salary: 12/15/2027 to 01/15/2028", "Pay period: 15 March 2027 - 30 March 2027 per hour",
    ])
    func rejects(input: String) {
        #expect(SalaryParser.parse(input) == nil)
    }

    @Test("pay written without a currency takes the currency of the posting's place")
    func currencyFromPlace() throws {
        let page = "<html><body><main><h1>Library Aide</h1><p>Location: New York, NY</p><p>Salary: 24.98 per hour</p></main></body></html>"
        let posting = try #require(PostingParser.parse(Array(page.utf8), input: "p.html").postings.first)
        #expect(posting.salary?.currency == "USD")
        #expect(posting.salary?.min == 24.98)
        let nowhere = "<html><body><main><h1>Library Aide</h1><p>Salary: 24.98 per hour</p></main></body></html>"
        let unplaced = try #require(PostingParser.parse(Array(nowhere.utf8), input: "p.html").postings.first)
        #expect(unplaced.salary?.currency == nil)
    }

    @Test("every currency symbol but the dollar lies above U+00A2, where the tokenizer looks them up")
    func symbolsAboveCent() {
        for symbol in SalaryParser.symbols.keys where symbol != "$" { #expect(symbol.value > 0xA2, "\(symbol)") }
    }

    @Test("unitText to period", arguments: [
        ("YEAR", SalaryPeriod?.some(.year)), ("HOUR", .hour), ("DAY", .day), ("WEEK", .week), ("MONTH", .month),
        ("annual", .year), ("per hour", .hour), ("a year", .year), ("monthly", .month), ("p.a.", .year),
        ("per annum", .year), ("ANN", .year), ("HUR", .hour), ("per diem", .day),
        ("bi-weekly", nil), ("whenever", nil), ("", nil),
    ])
    func period(unit: String, expected: SalaryPeriod?) {
        #expect(SalaryParser.period(fromUnit: unit) == expected)
    }

    @Test func codableUsesSchemaPeriodNames() throws {
        let salary = Salary(min: 1, max: 2, currency: "USD", period: .hour)
        let json = String(decoding: try JSONEncoder().encode(salary), as: UTF8.self)
        #expect(json.contains(#""period":"HOUR""#))
    }
}

// MARK: - Place

@Suite("PlaceParser")
struct PlaceParserTests {
    @Test("a name's key and a word's numbers read on ASCII bytes as on characters")
    func asciiFastPaths() {
        // The key read scalar by scalar after lower-casing, as for text outside ASCII.
        func reference(_ s: String) -> String {
            String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }))
        }
        var random = SplitMix64(seed: 71)
        for _ in 0..<3_000 {
            let ascii = String(String.UnicodeScalarView((0..<Int(random.next() % 12)).map { _ in Unicode.Scalar(UInt8(random.next() % 128)) }))
            #expect(PlaceParser.key(ascii) == reference(ascii), "\(ascii.debugDescription)")
            #expect(PlaceParser.hasNumber(ascii) == ascii.contains(where: \.isNumber), "\(ascii.debugDescription)")
        }
        #expect(PlaceParser.key("Québec") == "quebec" && PlaceParser.hasNumber("Apt½") && !PlaceParser.hasNumber("Montréal"))
    }

    @Test("Locations", arguments: [
        ("Albany, NY", Place(city: "Albany", region: "NY", country: "US", remote: false)),
        ("New York, New York", Place(city: "New York", region: "NY", country: "US", remote: false)),
        ("Kingston, Ontario, Canada", Place(city: "Kingston", region: "ON", country: "CA", remote: false)),
        ("Kingston, ON K7L 3N6", Place(city: "Kingston", region: "ON", country: "CA", remote: false)),
        ("Kingston, ON, CA", Place(city: "Kingston", region: "ON", country: "CA", remote: false)),
        ("Remote (U.S.)", Place(city: nil, region: nil, country: "US", remote: true)),
        ("Hybrid – Boston, MA 02115", Place(city: "Boston", region: "MA", country: "US", remote: false)),
        ("123 Main St, Albany, NY 12207", Place(city: "Albany", region: "NY", country: "US", remote: false)),
        ("123 Main Street Albany, NY", Place(city: "Albany", region: "NY", country: "US", remote: false)),
        ("Albany", Place(city: "Albany", region: nil, country: nil, remote: false)),
        ("Remote", Place(city: nil, region: nil, country: nil, remote: true)),
        ("Telecommute", Place(city: nil, region: nil, country: nil, remote: true)),
        ("Work from home", Place(city: nil, region: nil, country: nil, remote: true)),
        ("Remote-eligible", Place(city: nil, region: nil, country: nil, remote: true)),
        ("Remote, Canada", Place(city: nil, region: nil, country: "CA", remote: true)),
        ("Fully remote (Canada only)", Place(city: nil, region: nil, country: "CA", remote: true)),
        ("Albany, NY (Hybrid)", Place(city: "Albany", region: "NY", country: "US", remote: false)),
        ("Los Angeles, CA", Place(city: "Los Angeles", region: "CA", country: "US", remote: false)),
        ("Washington, D.C.", Place(city: "Washington", region: "DC", country: "US", remote: false)),
        ("Boston, Mass.", Place(city: "Boston", region: "MA", country: "US", remote: false)),
        ("Sacramento, Calif.", Place(city: "Sacramento", region: "CA", country: "US", remote: false)),
        ("Pittsburgh, Penn.", Place(city: "Pittsburgh", region: "PA", country: "US", remote: false)),
        ("Buffalo, N.Y.", Place(city: "Buffalo", region: "NY", country: "US", remote: false)),
        ("St. Louis, Mo.", Place(city: "St. Louis", region: "MO", country: "US", remote: false)),
        ("Boston MA", Place(city: "Boston", region: "MA", country: "US", remote: false)),
        ("Charleston West Virginia", Place(city: "Charleston", region: "WV", country: "US", remote: false)),
        ("New York, NY 10001, USA", Place(city: "New York", region: "NY", country: "US", remote: false)),
        ("Location: Albany, NY", Place(city: "Albany", region: "NY", country: "US", remote: false)),
        ("Montréal, Québec", Place(city: "Montréal", region: "QC", country: "CA", remote: false)),
        ("San Juan, PR", Place(city: "San Juan", region: "PR", country: "US", remote: false)),
        ("Toronto, Canada", Place(city: "Toronto", region: nil, country: "CA", remote: false)),
        ("London, England", Place(city: "London", region: nil, country: "GB", remote: false)),
        ("Coeur d'Alene, ID", Place(city: "Coeur d'Alene", region: "ID", country: "US", remote: false)),
        ("Not remote - Albany, NY", Place(city: "Albany", region: "NY", country: "US", remote: false)),
        ("Main Library, 100 Washington Ave, Albany, NY 12210",
         Place(city: "Albany", region: "NY", country: "US", remote: false)),
    ])
    func parses(input: String, expected: Place) {
        #expect(PlaceParser.parse(input) == expected)
    }

    @Test("Not places", arguments: [
        "", "Hybrid", "Open until filled", "ASAP", "TBD", "Multiple Locations", "Full-time",
        "This position is located in our main library building in the heart of downtown and offers many amenities.",
    ])
    func rejects(input: String) {
        #expect(PlaceParser.parse(input) == nil)
    }

    @Test("a plain place read at once is read as any text is")
    func plainPlaces() {
        #expect(PlaceParser.plainParts("New York, NY") == ["New York", "NY"])
        #expect(PlaceParser.plainParts("St. Paul, Minn., U.S.A.") == ["St. Paul", "Minn.", "U.S.A."])
        #expect(PlaceParser.plainParts("  Albany, NY ") == ["Albany", "NY"])
        for other in ["Remote, NY", "Hybrid", "Albany, NY 12207", "Albany,NY", " ", "\tAlbany", "Albany\n", "Albany  NY", "Albany, , NY",
                      "Albany, NY,", ". Albany", "Albany (NY)", "Montr\u{E9}al", "Work from home", "Albany, NY - Main"] {
            #expect(PlaceParser.plainParts(other) == nil, "\(other)")
        }
        let words = ["New", "York", "NY", "N.Y.", "ny", "USA", "U.S.", "US", "Canada", "CA", "ON", "ont.", "IN", "Kingston", "Ontario",
                     "Albany", "City", "St.", "Saint", "Port", "West", "Virginia", "WV", "Charleston", "Boston", "MA", "Mass.",
                     "Remote", "remote-first", "hybrid", "only", "Library", "Main", "Street", "Suite", "TBD", "Various", ".", "..",
                     "Washington", "DC", "D.C.", "Puerto", "Rico", "PR", "United", "States", "Kingdom", "UK", "London", "Ireland"]
        let separators = [" ", " ", ", ", ", ", ",", "  ", " , ", ", , "]
        var random = SplitMix64(seed: 41)
        var plain = 0
        for _ in 0..<20_000 {
            var text = words[Int(random.next() % UInt64(words.count))]
            for _ in 0..<Int(random.next() % 6) {
                text += separators[Int(random.next() % UInt64(separators.count))] + words[Int(random.next() % UInt64(words.count))]
            }
            if random.next() % 9 == 0 { text = (random.next() % 2 == 0 ? " " : "") + text + (random.next() % 2 == 0 ? " " : ",") }
            if random.next() % 5 == 0 { text = String(repeating: " ", count: Int(random.next() % 3)) + text + String(repeating: " ", count: Int(random.next() % 3)) }
            if PlaceParser.plainParts(text) != nil { plain += 1 }
            #expect(PlaceParser.parse(text) == PlaceParser.parseAnyText(text), "\(text)")
        }
        #expect(plain > 3_000, "\(plain)")
    }

    @Test("segments: ASCII read on bytes is cut where characters are")
    func segmentsOnBytes() {
        #expect(PlaceParser.segments("Albany, NY (Hybrid) - Main Library; Remote") == ["Hybrid", "Albany, NY", "Main Library", "Remote"])
        #expect(PlaceParser.asciiSegments("Montr\u{E9}al") == nil)
        #expect(PlaceParser.segments("Montr\u{E9}al \u{B7} Qu\u{E9}bec \u{2013} Remote (Canada)") == ["Montr\u{E9}al", "Qu\u{E9}bec", "Canada", "Remote"])
        #expect(PlaceParser.asciiSegments("a\r\nb") == nil)
        let alphabet = Array("aB ,-()[];|/:\nx9")
        var random = SplitMix64(seed: 4)
        for _ in 0..<4_000 {
            let text = String((0..<Int(random.next() % 24)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            #expect(PlaceParser.asciiSegments(text) == PlaceParser.characterSegments(text), "\(text.debugDescription)")
        }
        // Mostly text without marks, which is one segment (found without cutting it).
        let plain = Array("aB ,x9 \t.")
        for k in 0..<4_000 {
            var text = String((0..<Int(random.next() % 24)).map { _ in plain[Int(random.next() % UInt64(plain.count))] })
            if k % 4 == 0 { text.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: text.startIndex) }
            #expect(PlaceParser.asciiSegments(text) == PlaceParser.characterSegments(text), "\(text.debugDescription)")
        }
    }

    @Test("whether every word of a segment has a letter or digit, read on ASCII bytes as on words cut by characters")
    func wordsWithLettersOnBytes() {
        #expect(PlaceParser.everyWordHasLetterOrDigit("Albany, NY 12207"))
        #expect(!PlaceParser.everyWordHasLetterOrDigit("Albany - NY"))
        #expect(PlaceParser.everyWordHasLetterOrDigit("x - \u{301}y")) // the mark joins the space before it
        let alphabet = Array("a9 - , .é\u{301}")
        var random = SplitMix64(seed: 14)
        for _ in 0..<4_000 {
            let text = String((0..<Int(random.next() % 16)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let expected = text.split(separator: " ").allSatisfy { word in
                word.utf8.contains { b in b >= 0x80 || (b | 0x20) &- 0x61 < 26 || (b >= 0x30 && b <= 0x39) }
            }
            #expect(PlaceParser.everyWordHasLetterOrDigit(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("a city's shape and single spacing read on bytes as on characters")
    func cityShapeOnBytes() {
        #expect(PlaceParser.hasCityShape("Saint-Jean-sur-Richelieu"))
        #expect(PlaceParser.hasCityShape("Coeur d'Alene"))
        #expect(!PlaceParser.hasCityShape("3rd Floor"))
        let alphabet = Array("aZ -'.9,\n\tqQ")
        var random = SplitMix64(seed: 6)
        for _ in 0..<4_000 {
            let text = String((0..<Int(random.next() % 48)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let byCharacters = text.count <= 40 && text.first?.isLetter == true && text.allSatisfy { $0.isLetter || " -'’.".contains($0) }
            #expect(PlaceParser.asciiCityShape(text) == byCharacters, "\(text.debugDescription)")
            let spaced = String(text.prefix(12)) + (random.next() % 2 == 0 ? " \u{301}x " : "")
            #expect(FastText.singleSpaced(spaced) == spaced.split(separator: " ").joined(separator: " "), "\(spaced.debugDescription)")
        }
    }

    @Test("Region names, codes and abbreviations", arguments: [
        ("New York", "NY", "US"), ("ny", "NY", "US"), ("N.Y.", "NY", "US"), ("Mass.", "MA", "US"),
        ("Calif.", "CA", "US"), ("Penn.", "PA", "US"), ("District of Columbia", "DC", "US"),
        ("Puerto Rico", "PR", "US"), ("Guam", "GU", "US"), ("U.S. Virgin Islands", "VI", "US"),
        ("W. Va.", "WV", "US"), ("Wyoming", "WY", "US"), ("ont.", "ON", "CA"), ("Ontario", "ON", "CA"),
        ("Québec", "QC", "CA"), ("PEI", "PE", "CA"), ("Newfoundland and Labrador", "NL", "CA"),
        ("Yukon", "YT", "CA"), ("Nunavut", "NU", "CA"), ("B.C.", "BC", "CA"),
    ])
    func region(name: String, code: String, country: String) throws {
        let r = try #require(PlaceParser.region(name))
        #expect(r.code == code)
        #expect(r.country == country)
    }

    @Test func everyStateAndProvinceHasAName() {
        let us = PlaceParser.regions.filter { $0.country == "US" }
        let ca = PlaceParser.regions.filter { $0.country == "CA" }
        #expect(us.count >= 51 + 5)
        #expect(ca.count == 13)
        for r in PlaceParser.regions {
            #expect(PlaceParser.region(r.code)?.code == r.code)
            for name in r.names { #expect(PlaceParser.region(name)?.code == r.code, "\(name)") }
        }
        #expect(PlaceParser.region("Narnia") == nil)
    }

    @Test("Country names and codes", arguments: [
        ("United States", "US"), ("USA", "US"), ("U.S.", "US"), ("United States of America", "US"),
        ("Canada", "CA"), ("CA", "CA"), ("UK", "GB"), ("United Kingdom", "GB"), ("Germany", "DE"),
        ("de", "DE"),
    ])
    func country(name: String, code: String) {
        #expect(PlaceParser.countryCode(name) == code)
    }

    @Test(arguments: ["Narnia", "ZZ", "", "123"])
    func unknownCountry(name: String) {
        #expect(PlaceParser.countryCode(name) == nil)
    }
}

// MARK: - Employment type

@Suite("EmploymentType")
struct EmploymentTypeTests {
    @Test("Short descriptions and schema.org values", arguments: [
        ("Full-time", EmploymentType.fullTime), ("full time", .fullTime), ("FT", .fullTime),
        ("FULL_TIME", .fullTime), ("part-time (20 hrs/week)", .partTime), ("PT", .partTime),
        ("PART_TIME", .partTime), ("Temporary", .temporary), ("Seasonal", .temporary),
        ("Limited term", .temporary), ("Contract", .contractor), ("Contract to hire", .contractor),
        ("CONTRACTOR", .contractor), ("Internship", .intern), ("INTERN", .intern),
        ("Volunteer", .volunteer), ("Per diem", .perDiem), ("PER_DIEM", .perDiem),
        ("Substitute", .perDiem), ("On-call", .perDiem), ("OTHER", .other),
        ("Full-time, Temporary", .temporary), ("Full Time / Part Time", .fullTime),
    ])
    func describing(text: String, expected: EmploymentType) {
        #expect(EmploymentType(describing: text) == expected)
    }

    @Test(arguments: ["", "Librarian", "Benefits eligible", "Exempt"])
    func describingNothing(text: String) {
        #expect(EmploymentType(describing: text) == nil)
    }

    @Test("First type stated in running text", arguments: [
        ("This is a full-time, benefits-eligible position", EmploymentType.fullTime),
        ("This is a temporary, part-time position", .temporary),
        ("Part-time (19 hours per week), evenings", .partTime),
        ("This is a contract position through June", .contractor),
        ("A paid internship for MLIS students", .intern),
        ("Join our substitute librarian pool", .perDiem),
        ("Per diem reference shifts available", .perDiem),
    ])
    func first(text: String, expected: EmploymentType) {
        #expect(EmploymentType.first(in: text) == expected)
    }

    @Test("Running text that names no type", arguments: [
        "You will supervise interns and volunteers", "Experience with contract management",
        "Participate in the on-call rotation for IT", "No type here", "",
    ])
    func firstNone(text: String) {
        #expect(EmploymentType.first(in: text) == nil)
    }

    @Test("first(inCued:) finds, on bytes or not, the first match the pattern-by-pattern search finds")
    func firstAgreesWithPatterns() {
        #expect(EmploymentType.first(inCued: "A \u{201C}part\u{2011}time\u{201D} role") == .partTime)
        #expect(EmploymentType.first(inCued: "Réseau: part time") == .partTime)
        let vocabulary = ["full", "part", "time", "contract", "to", "hire", "temporary", "position", "on", "call",
                          "pool", "as", "needed", "basis", "per", "diem", "limited", "term", "intern", "is",
                          "the", "library", "Full", "TIME", "é", "-", ",", "\u{2014}", "\u{201C}",
                          "fulltime", "Internship", "freelance", "be", "are", "seasonal", "Substitute", "staff", "relief",
                          "fixed", "duration", "interim", "appointment", "volunteer", "unpaid", "role", "Per", "DIEM"]
        var random = SplitMix64(seed: 8)
        for _ in 0..<6_000 {
            let text = (0..<Int(random.next() % 10)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                .joined(separator: random.next() % 4 == 0 ? "\u{00A0}" : " ")
            let expected = EmploymentType.matches(FastText.words(text), EmploymentType.strictPatterns).first
            #expect(EmploymentType.first(inCued: text) == expected, "\(text)")
        }
    }
}

// MARK: - Deadline

@Suite("DeadlineParser")
struct DeadlineParserTests {
    @Test("open until filled, in ASCII and in text with a separate accent mark")
    func openUntilFilled() {
        #expect(DeadlineParser.isOpenUntilFilled("Applications accepted until a candidate from Montreal is selected."))
        // The mark belongs to "Montréal": the words after "until" are the same six.
        #expect(DeadlineParser.isOpenUntilFilled("Applications accepted until a candidate from Montre\u{301}al is selected."))
        #expect(!DeadlineParser.isOpenUntilFilled("Open until March 1, 2027."))
    }

    @Test("a line the byte test turns away holds no closing date the full reading would find")
    func closingByteTest() {
        #expect(DeadlineParser.closingDate(inCued: "Apply by March 15, 2027.") != nil)
        #expect(!DeadlineParser.mayHoldDateAfterCue("We work through branches" + String(repeating: " and more", count: 20) + " since 1990."))
        let vocabulary = ["apply by", "Deadline:", "through", "until", "no later than", "closes", "March", "15", "15,", "2027",
                          "3/15/2027", "2027-03-15", "the", "library", "start", "é", String(repeating: "x", count: 40), "\n", ".", " "]
        var random = SplitMix64(seed: 91)
        var turnedAway = 0
        for _ in 0..<6_000 {
            let text = (0..<Int(random.next() % 14)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                .joined(separator: random.next() % 4 == 0 ? "" : " ")
            guard !DeadlineParser.mayHoldDateAfterCue(text) else { continue }
            turnedAway += 1
            #expect(DeadlineParser.closingDateAfterCues(text) == nil, "\(text)")
        }
        #expect(turnedAway > 500, "\(turnedAway)")
    }

    @Test("the one-pass cue search finds exactly what a search cue by cue finds")
    func cueSearch() {
        func isWordChar(_ c: Unicode.Scalar) -> Bool { c.isAlphabeticFast || (c.value >= 48 && c.value <= 57) }
        func byCue(_ s: [Unicode.Scalar]) -> [String] {
            var found: [String] = []
            for (cue, generic) in DeadlineParser.cueScalars {
                var i = 0
                while i + cue.count <= s.count {
                    if Array(s[i..<(i + cue.count)]) == cue, i == 0 || !isWordChar(s[i - 1]),
                       i + cue.count == s.count || !isWordChar(s[i + cue.count]) {
                        found.append("\(i)-\(i + cue.count)-\(generic)")
                        i += cue.count
                    } else {
                        i += 1
                    }
                }
            }
            return found.sorted()
        }
        let texts = [
            "Application deadline: March 15, 2027; applications due by 3/15/2027",
            "closing date closes closing dateline apply by, apply no later than 1/2",
            "Expiration date expiration date. Open until filled; accepted through May 1 until June 2",
            "reclosing undue noted until2 through-put (closes) deadline",
        ]
        for text in texts {
            let lower = text.unicodeScalars.map(DeadlineParser.asciiLower)
            let found = DeadlineParser.cueOccurrences(in: lower).map { "\($0.start)-\($0.end)-\($0.generic)" }.sorted()
            #expect(found == byCue(lower), "\(text)")
            #expect(!found.isEmpty)
        }
    }

    @Test("Closing dates", arguments: [
        ("Application deadline: March 15, 2027", "2027-03-15"),
        ("Applications due by 3/15/2027", "2027-03-15"),
        ("Closing date: 2027-01-31", "2027-01-31"),
        ("Apply by January 8, 2027", "2027-01-08"),
        ("Position closes Dec 1, 2026", "2026-12-01"),
        ("Posted: Jan 3, 2027 — Closes: Feb 3, 2027", "2027-02-03"),
        ("Applications will be accepted through February 28, 2027.", "2027-02-28"),
        ("Review of applications will begin immediately and applications will be accepted through March 15, 2027.",
         "2027-03-15"),
        ("Deadline to apply: March 15, 2027. Start date: July 1, 2027", "2027-03-15"),
        ("Closing Date:\n  03/01/2027", "2027-03-01"),
        ("Applications received by 2027-02-01 will receive full consideration.", "2027-02-01"),
    ])
    func closingDate(text: String, expected: String) {
        #expect(DeadlineParser.closingDate(in: text)?.iso8601 == expected)
    }

    @Test("No closing date", arguments: [
        "Open until filled",
        "Closing date: Open until filled",
        "Review of applications begins March 1, 2027 and continues until the position is filled.",
        "Review of applications begins March 1, 2027.",
        "Start date: July 1, 2027",
        "Anticipated start date no later than Jan 1, 2027.",
        "Apply by March 15",
        "Due to high volume, no calls please. Posted December 25, 2026.",
        "Application deadline: March 1, 2027; the position remains open until filled.",
        "",
    ])
    func noClosingDate(text: String) {
        #expect(DeadlineParser.closingDate(in: text) == nil)
    }

    @Test("Open until filled", arguments: [
        ("Open until filled", true), ("This position is open until the position is filled.", true),
        ("Open until closed", true), ("Applications accepted until position has been filled", true),
        ("The search will remain open until an appointment is made.", true), ("OUF", true),
        ("Open until further notice", true), ("Application deadline: March 15, 2027", false),
        ("Until March 15, 2027", false), ("", false),
    ])
    func openUntilFilled(text: String, expected: Bool) {
        #expect(DeadlineParser.isOpenUntilFilled(text) == expected)
    }

    @Test("containsWord reads ASCII on bytes as it reads characters")
    func containsWordOnBytes() {
        var random = SplitMix64(seed: 73)
        let pieces = ["start", "Start", "review", "reviews", " ", ".", "-", "\r\n", "2027", "x", "é", "\u{0301}", "begin", "a"]
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = text.split(whereSeparator: { !$0.isLetter }).contains { DeadlineParser.startWords.contains(String($0)) }
            #expect(DeadlineParser.containsWord(text, of: DeadlineParser.startWords) == expected, "\(text.debugDescription)")
        }
    }

    @Test("open until filled gives the same answer read on bytes (plain text: only the words around a starting word made strings) as read word by word")
    func openUntilFilledPassesOver() {
        // The whole reading, by words, that passing over must agree with (the code before the byte test).
        func reference(_ text: String) -> Bool {
            let words = FastText.plainWords(text)
                ?? text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            for (i, w) in words.enumerated() {
                if w == "ouf" { return true }
                if w == "continuous" || w == "continuously" || w == "ongoing" {
                    let around = words[max(0, i - 3)..<min(words.count, i + 4)]
                    if around.contains(where: { ["open", "recruitment", "posting", "basis", "accepted", "review"].contains($0) }) {
                        return true
                    }
                }
                guard w == "until" || w == "till" || w == "til" || w == "untill" else { continue }
                let next = Array(words[(i + 1)..<min(words.count, i + 7)])
                if next.first == "filled" || next.first == "closed" { return true }
                if let stop = next.firstIndex(where: { $0 == "filled" || $0 == "closed" }),
                   next[..<stop].allSatisfy({ DeadlineParser.fillerBeforeFilled.contains($0) }) {
                    return true
                }
                if next.starts(with: ["further", "notice"]) { return true }
                if next.contains("appointment"), next.contains("made") { return true }
                if next.contains(where: { ["candidate", "applicant", "finalist"].contains($0) }),
                   next.contains(where: { ["selected", "hired", "found", "identified", "chosen"].contains($0) }) {
                    return true
                }
            }
            return false
        }
        var random = SplitMix64(seed: 53)
        let pieces = ["still", "until", "Till", "til", "UNTILL", "utilities", "filled", "the position is", "OUF", "ouf.",
                      "ongoing", "Continuously", "open", "recruitment", " ", "-", "é", "\u{0301}", "’", "until\u{0301}", "2027"]
        var open = 0
        for _ in 0..<4_000 {
            let text = (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: " ")
            let mine = DeadlineParser.isOpenUntilFilled(cued: text)
            #expect(mine == reference(text), "\(text.debugDescription)")
            if mine { open += 1 }
        }
        #expect(open > 200, "\(open)")
    }
}

// MARK: - Employer

@Suite("FieldFiller")
struct FieldFillerTests {
    @Test("isHeaderSeparator is the separator set's own test, characters of one scalar or more")
    func headerSeparators() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let marked = String(scalar) + "\u{301}" // one character, unless the scalar cannot take a mark
            for character in [Character(scalar)] + (marked.count == 1 ? [Character(marked)] : []) {
                #expect(FieldFiller.isHeaderSeparator(character) == FieldFiller.headerSeparators.contains(character), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("headerPieces cuts a header line where splitting it at its separator characters does")
    func headerPieces() {
        #expect(FieldFiller.headerPieces("Northfield College Library \u{00B7} Albany, NY | Full-time").map(String.init)
                == ["Northfield College Library ", " Albany, NY ", " Full-time"])
        var random = SplitMix64(seed: 17)
        // Separators, their look-alikes (characters sharing a separator's last bytes), marks
        // and joiners that may make one character of a separator and what follows, carriage returns, letters.
        let alphabet = Array("ab ,|\r\n\u{00B7}\u{0387}\u{2022}\u{2013}\u{2014}\u{2012}\u{2015}\u{25CF}\u{F022}\u{F013}\u{F0B7}\u{2053}\u{25A2}\u{00A0}\u{0301}\u{200D}\u{FE0F}\u{00E9}\u{0600}".unicodeScalars)
        for _ in 0..<20_000 {
            let line = String(String.UnicodeScalarView((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            let pieces = FieldFiller.headerPieces(line)
            let expected = line.split(whereSeparator: { FieldFiller.headerSeparators.contains($0) })
            #expect(pieces.map(String.init) == expected.map(String.init), "\(line.unicodeScalars.map(\.value))")
            #expect(pieces.map(\.startIndex) == expected.map(\.startIndex), "\(line.unicodeScalars.map(\.value))")
        }
    }

    @Test("an employer label opening one of the first lines names the employer, in any case, whatever follows its colon")
    func employerLabels() {
        func employer(_ lines: [String]) -> String? {
            var posting = JobPosting(id: "", source: PostingSource(input: "t", format: .html, index: 0))
            posting.text = lines.joined(separator: "\n")
            FieldFiller.fill(&posting)
            return posting.employer
        }
        #expect(employer(["Note: see below", "Hiring Organization: Ellery Memorial Library"]) == "Ellery Memorial Library")
        #expect(employer(["INSTITUTION:   Northfield College"]) == "Northfield College")
        #expect(employer(["Library: Ellery: Main Branch"]) == "Ellery: Main Branch")
        #expect(employer(["Employer: Université de Montréal"]) == "Université de Montréal")
        #expect(employer(["Employer:", "agency: City of Albany"]) == "City of Albany")
        // "Department:" names the unit inside the employer the title names; it counts only when the title names none.
        var posting = JobPosting(id: "", source: PostingSource(input: "t", format: .html, index: 0))
        posting.title = "Head of Cataloging - Stony Brook University"
        posting.text = "Department: University Libraries\nCampus: West"
        FieldFiller.fill(&posting)
        #expect(posting.employer == "Stony Brook University")
        #expect(employer(["Department: Queens Library Human Resources"]) == "Queens Library Human Resources")
        // A question a header line asks is no organisation.
        #expect(!FieldFiller.looksLikeOrganisation("Passionate about quality programs and services?"))
        #expect(FieldFiller.looksLikeOrganisation("Queens Public Library Services"))
        // A label later in the line, or a label-like word before another colon, is no label.
        #expect(employer(["Contact: Employer: Someone", "Our company: great"]) == nil)
        // Only the first 40 lines are read.
        #expect(employer(Array(repeating: "x", count: 40) + ["Employer: Too Late"]) == nil)
        // The colon filter holds for labels of lower-case ASCII without a "k" (the Kelvin sign lower-cases
        // to one), each with one colon, last.
        for label in FieldFiller.employerLabels {
            #expect(label.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "k") } && label == label.lowercased()
                    && label.firstIndex(of: ":") == label.index(before: label.endIndex), "\(label)")
        }
    }

    @Test("a closing-date section gives the day it closes, not the day review begins; a labelled line under Location is a place only with its region")
    func closingSectionAndLocationSection() {
        func filled(_ sections: [(String, String)]) -> JobPosting {
            var posting = JobPosting(id: "", source: PostingSource(input: "t", format: .html, index: 0))
            posting.sections = sections.map { PostingSection(kind: SectionClassifier.kind(ofHeading: $0.0), heading: $0.0, text: $0.1) }
            posting.text = sections.map { $0.0 + "\n" + $0.1 }.joined(separator: "\n")
            FieldFiller.fill(&posting)
            return posting
        }
        #expect(filled([("CLOSING DATE", "Review of resumes to begin July 31, 2017.\nPosting closes on September 15, 2017.")]).validThrough?.iso8601 == "2017-09-15")
        #expect(filled([("CLOSING DATE", "August 16, 2018; review of resumes to begin immediately.")]).validThrough?.iso8601 == "2018-08-16")
        #expect(filled([("Closing date", "March 1, 2027")]).validThrough?.iso8601 == "2027-03-01")
        #expect(filled([("Location", "Full/Part Time: Full-Time\nRegular/Temporary: Regular")]).location == nil)
        #expect(filled([("Location", "Address: Albany, NY")]).location?.region == "NY")
        #expect(filled([("Location", "Ossining, NY, USA")]).location?.city == "Ossining")
    }

    @Test("a heading names the closing date on its bytes as on its lower-cased characters")
    func closingHeadings() {
        #expect(FieldFiller.namesClosingDate("Application Deadline"))
        #expect(FieldFiller.namesClosingDate("APPLY BY"))
        #expect(FieldFiller.namesClosingDate("Closing date (Québec)"))
        #expect(!FieldFiller.namesClosingDate("How to apply"))
        // The Kelvin sign lower-cases to an ASCII "k", which no phrase holds; a dotted capital I, to "i" and a mark.
        let vocabulary = ["closing", "CLOSING", "date", "Date", "dead", "line", "LINE", "apply", "by", "applications", "due",
                          "close", "closes", "CLOSES", " ", "  ", ":", "é", "\u{212A}", "\u{130}", "-", "x", "Posted"]
        var random = SplitMix64(seed: 33)
        for _ in 0..<4_000 {
            let text = (0..<Int(random.next() % 6)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                .joined(separator: random.next() % 3 == 0 ? "" : " ")
            let lower = text.lowercased()
            #expect(FieldFiller.namesClosingDate(text) == FieldFiller.closingHeadings.contains { lower.contains($0) }, "\(text)")
        }
    }

    @Test("looksLikeOrganisation reads ASCII on its bytes as it reads characters")
    func organisationOnBytes() {
        #expect(FieldFiller.looksLikeOrganisation("Ellery Memorial Library"))
        #expect(FieldFiller.looksLikeOrganisation("City of Albany"))
        #expect(!FieldFiller.looksLikeOrganisation("Library"))
        #expect(!FieldFiller.looksLikeOrganisation("We are a library."))
        func byCharacters(_ text: String) -> Bool {
            guard text.prefix(101).count <= 100, !text.hasSuffix("."), text.split(separator: " ").count >= 2 else { return false }
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
            return words.contains { FieldFiller.organisationWords.contains(String($0)) && !$0.contains(" ") }
                || FieldFiller.organisationWords.filter { $0.contains(" ") }.contains { text.lowercased().contains($0) }
        }
        let vocabulary = ["Library", "LIBRARIES", "univ", "College", "city", "of", "Town", "the", "Albany", "NY", "12207",
                          "Inc.", "co-op", "system", "x", " ", "  ", ".", ",", "-", "—", "é", "\r\n", "library2", "CITY OF"]
        var random = SplitMix64(seed: 12)
        for _ in 0..<4_000 {
            let count = Int(random.next() % 30)
            let text = (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                .joined(separator: random.next() % 3 == 0 ? "" : " ")
            #expect(FieldFiller.looksLikeOrganisation(text) == byCharacters(text), "\(text)")
        }
    }
}
