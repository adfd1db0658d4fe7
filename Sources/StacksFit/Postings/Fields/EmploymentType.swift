import Foundation

/// How a job is held, in schema.org's `employmentType` vocabulary.
///
/// Mapping choices: "Substitute", "on call", "as needed", "casual" and "relief" are
/// ``perDiem`` (paid by the shift, no set schedule); "seasonal", "limited term", "fixed term"
/// and "interim" are ``temporary``; "freelance", "consultant" and "contract to hire" are
/// ``contractor``; "practicum" and "apprenticeship" are ``intern``.
public enum EmploymentType: String, Sendable, Codable, Hashable, CaseIterable {
    case fullTime = "FULL_TIME"
    case partTime = "PART_TIME"
    case contractor = "CONTRACTOR"
    case temporary = "TEMPORARY"
    case intern = "INTERN"
    case volunteer = "VOLUNTEER"
    case perDiem = "PER_DIEM"
    case other = "OTHER"

    /// From schema.org values or the words ads use ("Full-time", "full time", "FT", "part-time (20 hrs/week)", "Temporary", "Contract", "Internship", "Per diem", "Substitute" → perDiem).
    ///
    /// When the text names several types, one other than full/part time wins
    /// ("Full-time, Temporary" → temporary), as it says more about the job.
    public init?(describing text: String) {
        let trimmed = text.trimmingWhitespace
        let schema = trimmed.uppercased()
            .replacingOccurrences(of: "-", with: "_")
            .replacingOccurrences(of: " ", with: "_")
        if let exact = EmploymentType(rawValue: schema) {
            self = exact
            return
        }
        let words = FastText.words(trimmed)
        let matches = Self.matches(words, Self.strictPatterns + Self.loosePatterns)
        if let specific = matches.first(where: { $0 != .fullTime && $0 != .partTime }) {
            self = specific
        } else if let first = matches.first {
            self = first
        } else {
            return nil
        }
    }

    /// The first employment type a running text states ("This is a full-time, benefits-eligible position") — nil when none.
    ///
    /// Only unambiguous phrases count in running text: "contract position", not "contract";
    /// "internship", not "interns"; "temporary appointment", not "temporary".
    public static func first(in text: String) -> EmploymentType? {
        strictFilter.occurs(in: text) ? first(inCued: text) : nil
    }

    /// `first(in:)` for text already known to hold one of ``cueWords``.
    static func first(inCued text: String) -> EmploymentType? {
        var text = text
        if let plain = text.withUTF8({ FastText.plainWordBounds($0) }) {
            // Words found as byte ranges; only those that may start a pattern, and the few after them,
            // become strings.
            return text.withUTF8 { bytes in
                for i in plain.indices {
                    let word = UnsafeBufferPointer(rebasing: bytes[plain[i]])
                    guard word.count < 32, firstWordShapes[Int(FastText.lower(word[0]))] & (1 << UInt32(word.count)) != 0,
                          let first = strictFirstWordBytes[Int(FastText.lower(word[0]))].first(where: { FastText.equalIgnoringCase(word, $0.word) })
                    else { continue }
                    // Most words that can start a pattern are common ("is", "on", "as", "time"): the word after
                    // them must be one a pattern allows there, tested on its bytes before any word is a string.
                    if !first.alone {
                        guard i + 1 < plain.count else { continue }
                        let next = UnsafeBufferPointer(rebasing: bytes[plain[i + 1]])
                        guard first.next.contains(where: { FastText.equalIgnoringCase(next, $0) }) else { continue }
                    }
                    let words = plain[i..<min(plain.count, i + longestStrictPattern)].map {
                        FastText.lowercasedASCII(UnsafeBufferPointer(rebasing: bytes[$0]))
                    }
                    guard let candidates = strictByFirstWord[words[0]] else { continue }
                    for p in candidates where matches(p, words, at: 0) { return p.type }
                }
                return nil
            }
        }
        let words = FastText.words(text)
        for i in words.indices {
            // Most words cannot start a pattern: test their first byte and length before hashing them.
            guard let first = words[i].utf8.first, words[i].utf8.count < 32,
                  firstWordShapes[Int(first)] & (1 << UInt32(words[i].utf8.count)) != 0,
                  let candidates = strictByFirstWord[words[i]] else { continue }
            for p in candidates where matches(p, words, at: i) { return p.type }
        }
        return nil
    }

    /// The strict patterns, by each word their first position accepts, in their original order.
    private static let strictByFirstWord: [String: [Pattern]] = {
        var index: [String: [Pattern]] = [:]
        for p in strictPatterns {
            for word in p.words.first ?? [] { index[word, default: []].append(p) }
        }
        return index
    }()

    /// The most words a strict pattern has.
    private static let longestStrictPattern = strictPatterns.map(\.words.count).max() ?? 1

    /// The lower-case bytes of the words a strict pattern can start with, by their first byte; for each,
    /// whether a pattern is that word alone, and the words the patterns it starts allow after it.
    private static let strictFirstWordBytes: [[(word: [UInt8], alone: Bool, next: [[UInt8]])]] = {
        var table = [[(word: [UInt8], alone: Bool, next: [[UInt8]])]](repeating: [], count: 256)
        for (word, patterns) in strictByFirstWord.sorted(by: { $0.key < $1.key }) {
            let next = Set(patterns.flatMap { $0.words.dropFirst().first ?? [] }).sorted().map { Array($0.utf8) }
            table[Int(word.utf8.first!)].append((Array(word.utf8), patterns.contains { $0.words.count == 1 }, next))
        }
        return table
    }()

    /// Bit `n` of entry `b` is set when a pattern can start with a word of `n` bytes whose first byte is `b`.
    private static let firstWordShapes: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        for word in strictByFirstWord.keys where word.utf8.count < 32 {
            table[Int(word.utf8.first!)] |= 1 << UInt32(word.utf8.count)
        }
        return table
    }()

    private static func matches(_ p: Pattern, _ words: [String], at i: Int) -> Bool {
        guard i + p.words.count <= words.count else { return false }
        for (offset, alternatives) in p.words.enumerated() where !alternatives.contains(words[i + offset]) {
            return false
        }
        return true
    }

    /// A prefilter: running text without any of these cannot match a strict pattern.
    static let cueWords = [
        "time", "contract", "freelance", "temp", "seasonal", "limited", "fixed", "interim", "intern", "practicum",
        "apprentice", "volunteer", "unpaid", "diem", "call", "needed", "substitute", "casual", "relief",
    ]
    static let strictFilter = FastText.Needles(cueWords)

    // MARK: Matching

    /// A sequence of word alternatives ("temporary" or "temp", then "position" or "role"…).
    typealias Pattern = (words: [Set<String>], type: EmploymentType)

    /// Every type whose pattern matches, ordered by where in the text it starts.
    static func matches(_ words: [String], _ patterns: [Pattern]) -> [EmploymentType] {
        var found: [EmploymentType] = []
        for i in words.indices {
            for p in patterns where i + p.words.count <= words.count {
                var ok = true
                for (offset, alternatives) in p.words.enumerated() where !alternatives.contains(words[i + offset]) {
                    ok = false
                    break
                }
                if ok {
                    found.append(p.type)
                    break
                }
            }
        }
        return found
    }

    static let jobNouns: Set<String> = [
        "position", "positions", "appointment", "role", "job", "assignment", "employment", "basis",
        "post", "opening", "opportunity", "hire", "staff", "employee", "worker", "contract", "full",
        "part", "librarian", "assistant", "clerk", "work",
    ]

    /// Phrases that state a type even in running text.
    static let strictPatterns: [Pattern] = [
        ([["full"], ["time"]], .fullTime),
        ([["fulltime"]], .fullTime),
        ([["part"], ["time"]], .partTime),
        ([["parttime"]], .partTime),
        ([["half"], ["time"]], .partTime),
        ([["contract"], ["to"], ["hire", "perm", "permanent"]], .contractor),
        ([["independent"], ["contractor"]], .contractor),
        ([["contract", "contractor", "contracted"], jobNouns.subtracting(["contract"])], .contractor),
        ([["freelance", "freelancer"]], .contractor),
        ([["temporary", "temp", "seasonal"], jobNouns], .temporary),
        ([["is", "are", "be"], ["temporary", "seasonal"]], .temporary),
        ([["limited", "fixed"], ["term", "duration"]], .temporary),
        ([["term", "time"], ["limited"]], .temporary),
        ([["interim"], ["appointment", "position", "basis"]], .temporary),
        ([["internship", "practicum", "apprenticeship"]], .intern),
        ([["intern"], ["position", "role", "opportunity", "program"]], .intern),
        ([["volunteer"], ["position", "opportunity", "role", "basis", "assignment"]], .volunteer),
        ([["unpaid"], ["position", "role", "volunteer"]], .volunteer),
        ([["per"], ["diem"]], .perDiem),
        ([["perdiem"]], .perDiem),
        ([["on"], ["call"], jobNouns.union(["substitute", "pool"])], .perDiem),
        ([["as"], ["needed"], ["basis", "position", "positions", "employee", "staff"]], .perDiem),
        ([["substitute", "casual", "relief"], jobNouns.union(["pool", "list"])], .perDiem),
    ]

    /// Single words that name a type in a short field ("Temporary", "Contract", "FT").
    static let loosePatterns: [Pattern] = [
        ([["ft", "full"]], .fullTime),
        ([["pt"]], .partTime),
        ([["contract", "contractor", "contracted", "consultant", "consultancy", "1099"]], .contractor),
        ([["temporary", "temp", "seasonal", "interim", "term"]], .temporary),
        ([["intern", "interns", "internship", "internships", "apprentice", "coop"]], .intern),
        ([["co"], ["op"]], .intern),
        ([["volunteer", "volunteers", "unpaid"]], .volunteer),
        ([["substitute", "sub", "casual", "relief", "oncall"]], .perDiem),
        ([["on"], ["call"]], .perDiem),
        ([["as"], ["needed"]], .perDiem),
        ([["prn"]], .perDiem),
        ([["other"]], .other),
    ]
}
