import Foundation

/// Where a job is.
///
/// `region` is a US or Canadian postal abbreviation ("NY", "ON"); `country` is ISO 3166
/// alpha-2 ("US", "CA", "GB"). `remote` is true only for fully remote work, not for hybrid.
public struct Place: Sendable, Hashable, Codable {
    /// The city or town, as written.
    public var city: String?
    /// The postal abbreviation of the US state/territory or Canadian province/territory.
    public var region: String?
    /// ISO 3166 alpha-2 country code.
    public var country: String?
    /// True when the job can be done remotely (not merely hybrid).
    public var remote: Bool

    /// Makes a place from its parts.
    public init(city: String? = nil, region: String? = nil, country: String? = nil, remote: Bool = false) {
        self.city = city
        self.region = region
        self.country = country
        self.remote = remote
    }
}

/// Reads job locations ("Albany, NY", "Kingston, Ontario, Canada", "Remote (U.S.)"…).
///
/// Rules a reviewer should know:
/// - A two-letter code that is both a state and a country ("CA", "IN", "GA") is read as the
///   state, unless it follows a state or province ("Kingston, ON, CA" → Canada).
/// - "Hybrid" anywhere means `remote == false`, even if "remote" is also written
///   ("Hybrid remote"); "non-remote" / "not remote" do not count as remote.
/// - ZIP and Canadian postal codes are dropped; with a street address before the city
///   ("123 Main St, Albany, NY 12207") the city is the part just before the region.
/// - Text longer than 80 characters without a recognisable region gives nil.
public enum PlaceParser {
    /// Parses "Albany, NY", "New York, New York", "Kingston, Ontario, Canada", "Remote (U.S.)", "Hybrid – Boston, MA 02115"…
    ///
    /// Returns nil when the text names no place and does not say the job is remote.
    public static func parse(_ text: String) -> Place? {
        // Most places are a few words between commas ("New York, NY"): read at once.
        if let parts = plainParts(text) {
            return interpret(parts: parts).map { Place(city: $0.city, region: $0.region, country: $0.country) }
        }
        return parseAnyText(text)
    }

    /// ``parse(_:)`` of any text, without the shortcut for plain places (for the test that holds the two together).
    static func parseAnyText(_ text: String) -> Place? {
        // On ASCII text, collapsing on bytes splits at the same white space as Character.isWhitespace.
        let ascii = FastText.isASCII(text)
        let flat = ascii ? HTMLText.collapse(text)
            : text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        // A location field is short; a paragraph is not a place. (A text has no more characters than bytes.)
        guard !flat.isEmpty, flat.utf8.count <= 300 || flat.count <= 300 else { return nil }
        // (ASCII is looked at for the cues, which ignore case, before it is lower-cased.)
        let remote = ascii && !remoteCues.occurs(in: flat) ? false : isRemote(flat.lowercased())

        var found: [Interpretation] = []
        for segment in segments(flat) {
            let cleaned = stripWorkMode(segment)
            if !cleaned.isEmpty, let found1 = interpret(cleaned) { found.append(found1) }
        }
        let best = found.first { $0.region != nil }
            ?? found.first { $0.country != nil && $0.city != nil }
            ?? found.first { $0.country != nil }
            ?? found.first
        let long = flat.utf8.count > 80 && flat.count > 80
        guard var place = best else {
            return remote && !long ? Place(remote: true) : nil
        }
        if long, place.region == nil { return nil }
        if place.country == nil {
            place.country = found.first { $0.country != nil && $0.city == nil && $0.region == nil }?.country
        }
        return Place(city: place.city, region: place.region, country: place.country, remote: remote)
    }

    /// The postal abbreviation for a US state/territory or Canadian province given by name or code ("New York" → "NY", "ont." → "ON"), and its country code.
    public static func region(_ name: String) -> (code: String, country: String)? {
        let k = key(name)
        guard !k.isEmpty else { return nil }
        return regionIndex[k]
    }

    /// ISO 3166 alpha-2 for a country name or code ("United States", "USA", "U.S.", "Canada", "CA" → …).
    public static func countryCode(_ name: String) -> String? {
        let k = key(name)
        guard !k.isEmpty else { return nil }
        if let code = countryIndex[k] { return code }
        if k.count == 2, alpha2.contains(k.uppercased()) { return k.uppercased() }
        return nil
    }

    // MARK: Reading a location

    struct Interpretation {
        var city: String?
        var region: String?
        var country: String?
    }

    /// Splits on list separators and dashes, and makes parenthesised text its own segment.
    static func segments(_ text: String) -> [String] {
        asciiSegments(text) ?? characterSegments(text)
    }

    /// ``segments(_:)`` read character by character, as any text may be.
    static func characterSegments(_ text: String) -> [String] {
        split(Array(text)) { ch -> SegmentMark in
            switch ch {
            case "(", "[": .open
            case ")", "]": .close
            case "-": .hyphen
            case " ": .space
            case ";", "|", "•", "·", "–", "—", "/", ":", "\n": .separator
            default: .other
            }
        }.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// ``segments(_:)`` of ASCII text without carriage returns (one character a byte), on its bytes; nil for other text.
    static func asciiSegments(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            // Most places ("New York, NY") hold no mark but spaces: they are one segment.
            if bytes.allSatisfy({ let mark = asciiMark($0); return mark == .other || mark == .space }) {
                let whole = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                return whole.isEmpty ? [] : [whole]
            }
            return split(bytes, asciiMark).map { String(decoding: $0, as: UTF8.self).trimmingSpaces }.filter { !$0.isEmpty }
        }
    }

    /// What a character (or byte) is to ``split(_:_:)``.
    private enum SegmentMark { case open, close, separator, hyphen, space, other }

    /// What an ASCII byte is to ``split(_:_:)``.
    private static func asciiMark(_ b: UInt8) -> SegmentMark {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: "["): .open
        case UInt8(ascii: ")"), UInt8(ascii: "]"): .close
        case UInt8(ascii: "-"): .hyphen
        case 0x20: .space
        case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: ":"), 0x0A: .separator
        default: .other
        }
    }

    /// The segments of ``segments(_:)`` as runs of characters or bytes: cut at separators and at a hyphen
    /// with a space on each side, with bracketed text a segment of its own (appended when it closes).
    private static func split<Text: RandomAccessCollection>(_ text: Text, _ mark: (Text.Element) -> SegmentMark) -> [[Text.Element]]
        where Text.Index == Int {
        var out: [[Text.Element]] = []
        var current: [Text.Element] = [], inner: [Text.Element] = []
        var depth = 0
        for i in text.indices {
            let ch = text[i]
            let kind = mark(ch)
            if kind == .open {
                depth += 1
                continue
            }
            if kind == .close {
                if depth > 0 { depth -= 1 }
                if depth == 0, !inner.isEmpty {
                    out.append(inner)
                    inner = []
                }
                continue
            }
            let spacedHyphen = kind == .hyphen && i > text.startIndex && i + 1 < text.endIndex
                && mark(text[i - 1]) == .space && mark(text[i + 1]) == .space
            let separator = spacedHyphen || kind == .separator
            if depth > 0 {
                if separator {
                    out.append(inner)
                    inner = []
                } else {
                    inner.append(ch)
                }
            } else if separator {
                out.append(current)
                current = []
            } else {
                current.append(ch)
            }
        }
        out.append(current)
        out.append(inner)
        return out
    }

    static let modeWords: Set<String> = [
        "remote", "remotely", "telecommute", "telecommuting", "telework", "teleworking",
        "hybrid", "onsite", "on-site", "in-person", "inperson", "virtual", "wfh", "flexible",
    ]

    static let modeFiller: Set<String> = [
        "fully", "100%", "100", "eligible", "friendly", "first", "option", "options", "optional",
        "possible", "available", "ok", "okay", "only", "based", "within", "in", "or", "and",
        "position", "work", "from", "home", "anywhere", "nationwide", "-", "with", "some",
        "role", "job", "also", "considered", "the", "a", "location", "us-based", "partially",
        "partly", "mostly", "primarily", "opportunity", "schedule",
    ]

    /// Removes "Remote", "Hybrid", "Work from home" and their filler words from a segment.
    /// Text without any of these cannot hold a work-mode word, "only" or a "-based" suffix.
    static let modeCues = FastText.Needles([
        "remote", "telecommut", "telework", "hybrid", "onsite", "on-site", "in-person", "inperson", "virtual", "wfh",
        "flexible", "only", "-based", "home",
    ])

    /// Whether every word of `segment` (cut at spaces) has a letter or digit (or a character outside ASCII).
    /// ASCII is read on its bytes, without cutting it.
    static func everyWordHasLetterOrDigit(_ segment: String) -> Bool {
        func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20) &- 0x61 < 26 || (b >= 0x30 && b <= 0x39) }
        var segment = segment
        let onBytes: Bool? = segment.withUTF8 { bytes in
            // (Outside ASCII a combining mark may follow a space: then the two are one character, which
            // cutting at characters does not cut at. Such text is cut by characters below.)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var inWord = false, wordHasOne = false
            for b in bytes {
                if b == 0x20 {
                    if inWord && !wordHasOne { return false }
                    inWord = false
                    wordHasOne = false
                } else {
                    inWord = true
                    if isWordByte(b) { wordHasOne = true }
                }
            }
            return !inWord || wordHasOne
        }
        return onBytes ?? FastText.split(segment, separator: 0x20).allSatisfy { $0.utf8.contains(where: isWordByte) }
    }

    static func stripWorkMode(_ segment: String) -> String {
        // Nothing to drop: no mode cue, and every word has a letter or digit (a word of bare punctuation is dropped).
        if !modeCues.occurs(in: segment), everyWordHasLetterOrDigit(segment) {
            return FastText.singleSpaced(segment).trimming(" ,-:")
        }
        let words = FastText.split(segment, separator: 0x20).map(String.init)
        let bare = words.map { w -> String in
            var b = w.lowercased().trimming(",.;:!?\"'()")
            if b.hasSuffix("-based"), b.count > 6 { b.removeLast(6) }
            return b
        }
        let joined = bare.joined(separator: " ")
        let hasMode = bare.contains { modeWords.contains($0) || $0.hasPrefix("remote-") || $0.hasPrefix("hybrid-") }
            || joined.contains("work from home") || joined.contains("work-from-home")
        var kept: [String] = []
        for (w, b) in zip(words, bare) {
            let drop = hasMode ? (modeWords.contains(b) || modeFiller.contains(b)) : b == "only"
            if drop || b.hasPrefix("remote-")
                || b.hasPrefix("hybrid-") || b == "work-from-home" || b.isEmpty {
                // A trailing comma on a dropped word still separates what follows.
                if w.hasSuffix(","), !kept.isEmpty { kept[kept.count - 1] += "," }
                continue
            }
            if w.lowercased().hasSuffix("-based") {
                kept.append(String(w.dropLast(6)))
            } else {
                kept.append(w)
            }
        }
        return kept.joined(separator: " ")
            .trimming(" ,-:")
    }

    /// Reads one segment: "[address,] city, region [postal] [, country]".
    static func interpret(_ segment: String) -> Interpretation? {
        interpret(parts: FastText.split(segment, separator: 0x2C)
            .map { stripPostalCodes(String($0)).trimmingSpaces }
            .filter { !$0.isEmpty })
    }

    /// The parts of a plain place: at most 80 bytes of ASCII letters and stops in words of at least one
    /// letter, one space between words, and ", " between parts, with any spaces around them; nil for any
    /// other text, or one that holds a cue of remote work or a work mode. For such a text every step before
    /// ``interpret(parts:)`` gives back what it is given once the outer spaces are gone (one segment,
    /// nothing to collapse, trim or drop, no postal code), so the place is the interpretation of these parts.
    static func plainParts(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { whole -> [String]? in
            // The spaces around a place ("Location: Albany, NY") are collapsed away by the full reading.
            var lo = 0, hi = whole.count
            while lo < hi, whole[lo] == UInt8(ascii: " ") { lo += 1 }
            while hi > lo, whole[hi - 1] == UInt8(ascii: " ") { hi -= 1 }
            let bytes = UnsafeBufferPointer(rebasing: whole[lo..<hi])
            let n = bytes.count
            guard n > 0, n <= 80 else { return nil }
            var parts: [String] = []
            var start = 0
            var wordHasLetter = false
            var i = 0
            while i < n {
                let b = bytes[i]
                if (b | 0x20) &- 0x61 < 26 {
                    wordHasLetter = true
                } else if b == UInt8(ascii: " ") {
                    guard wordHasLetter, i + 1 < n, bytes[i + 1] != UInt8(ascii: " "), bytes[i + 1] != UInt8(ascii: ",") else { return nil }
                    wordHasLetter = false
                } else if b == UInt8(ascii: ",") {
                    guard wordHasLetter, i + 2 < n, bytes[i + 1] == UInt8(ascii: " "),
                          bytes[i + 2] != UInt8(ascii: " "), bytes[i + 2] != UInt8(ascii: ",") else { return nil }
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    i += 2
                    start = i
                    wordHasLetter = false
                    continue
                } else if b != UInt8(ascii: ".") {
                    return nil
                }
                i += 1
            }
            guard wordHasLetter, !modeCues.occurs(in: bytes), !remoteCues.occurs(in: bytes) else { return nil }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return parts
        }
    }

    /// Reads the comma-separated parts of a segment, trimmed, their postal codes dropped, none empty.
    static func interpret(parts: [String]) -> Interpretation? {
        var parts = parts
        guard !parts.isEmpty else { return nil }
        var result = Interpretation()
        if let last = parts.last, let code = countryCode(last) {
            let followsRegion = parts.count >= 2 && region(parts[parts.count - 2]) != nil
            if region(last) == nil || followsRegion {
                result.country = code
                parts.removeLast()
            }
        }
        if let last = parts.last {
            if let r = region(last) {
                result.region = r.code
                result.country = result.country ?? r.country
                parts.removeLast()
            } else if let split = trailingRegion(last) {
                result.region = split.region.code
                result.country = result.country ?? split.region.country
                parts[parts.count - 1] = split.prefix
            }
        }
        if let last = parts.last {
            result.city = cleanCity(last)
        }
        if result.city == nil, result.region == nil, result.country == nil { return nil }
        return result
    }

    static let directionalWords: Set<String> = [
        "port", "north", "south", "east", "west", "new", "fort", "mount", "lake", "city", "saint",
        "st", "san", "santa", "el", "la", "los", "las", "old", "upper", "lower", "little", "grand",
    ]

    /// "Boston MA" → ("Boston", MA); "Charleston West Virginia" → ("Charleston", WV).
    static func trailingRegion(_ part: String) -> (prefix: String, region: (code: String, country: String))? {
        let words = FastText.split(part, separator: 0x20).map(String.init)
        for size in stride(from: 3, through: 1, by: -1) where words.count > size {
            let suffixWords = words[(words.count - size)...]
            let suffix = suffixWords.joined(separator: " ")
            guard let r = region(suffix) else { continue }
            if size == 1 {
                let w = suffix
                let isCode = w.count == 2 && w == w.uppercased()
                let abbreviated = w.contains(".") && w.startsUppercase
                let fullName = key(w).count > 3 && w.startsUppercase
                guard isCode || abbreviated || fullName else { continue }
            }
            let prefixWords = words[..<(words.count - size)]
            if prefixWords.count == 1, let only = prefixWords.first,
               directionalWords.contains(only.lowercased().trimming(".")) {
                continue
            }
            return (prefixWords.joined(separator: " "), r)
        }
        return nil
    }

    /// Drops US ZIP codes ("12207", "12207-1234") and Canadian postal codes ("K7L 3N6", "K7L3N6").
    static func stripPostalCodes(_ part: String) -> String {
        // Every postal code has a digit; without one, only the spacing would change.
        guard FastText.hasDigit(part) else { return FastText.singleSpaced(part) }
        let words = FastText.split(part, separator: 0x20).map(String.init)
        var kept: [String] = []
        var i = 0
        // On bytes: any byte outside ASCII fails the pattern, as any character outside ASCII would.
        func shape(_ w: String, _ pattern: StaticString) -> Bool {
            guard w.utf8.count == pattern.utf8CodeUnitCount else { return false }
            return pattern.withUTF8Buffer { p in
                for (c, k) in zip(w.utf8, p) {
                    switch k {
                    case UInt8(ascii: "9"): if c &- 0x30 >= 10 { return false }
                    case UInt8(ascii: "A"): if (c | 0x20) &- 0x61 >= 26 { return false }
                    default: if c != k { return false }
                    }
                }
                return true
            }
        }
        while i < words.count {
            let w = words[i].trimming(".,")
            if shape(w, "99999") || shape(w, "99999-9999") || shape(w, "A9A9A9") {
                i += 1
                continue
            }
            if shape(w, "A9A"), i + 1 < words.count,
               shape(words[i + 1].trimming(".,"), "9A9") {
                i += 2
                continue
            }
            kept.append(words[i])
            i += 1
        }
        return kept.joined(separator: " ")
    }

    static let streetWords: Set<String> = [
        "st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard", "dr", "drive", "ln",
        "lane", "way", "pl", "place", "ct", "court", "hwy", "highway", "pkwy", "parkway", "sq",
        "square", "ter", "terrace", "cir", "circle", "suite", "ste", "floor", "fl", "box", "plaza",
        "pike", "trail", "row", "mall", "walk", "loop",
    ]

    static let cityStopWords: Set<String> = [
        "until", "filled", "tbd", "tba", "asap", "n/a", "na", "none", "various", "varies",
        "multiple", "several", "see", "description", "below", "above", "negotiable", "anywhere",
        "nationwide", "worldwide", "statewide", "global", "international", "online", "remote",
        "hybrid", "position", "positions", "full", "part", "time", "open", "apply", "salary",
        "job", "jobs", "location", "locations", "work", "address", "is", "are", "will", "we",
        "our", "you", "your", "please", "immediately", "any", "all", "library", "university",
        "college", "campus", "department", "building", "branch", "office", "other", "required",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "pending",
        "closed", "available", "unknown", "not", "applicable", "headquarters", "hq",
    ]

    /// The city in a part, after dropping a street address before it; nil when it doesn't look like one.
    static func cleanCity(_ part: String) -> String? {
        var words = FastText.split(part, separator: 0x20).map(String.init)
        if words.contains(where: hasNumber) {
            guard let lastStreet = words.lastIndex(where: {
                streetWords.contains($0.lowercased().trimming(".,#"))
            }) else { return nil }
            words = Array(words[(lastStreet + 1)...])
            while let first = words.first, hasNumber(first) || first.hasPrefix("#") {
                words.removeFirst()
            }
            guard !words.contains(where: hasNumber) else { return nil }
        }
        guard !words.isEmpty, words.count <= 5 else { return nil }
        let city = words.joined(separator: " ")
        guard hasCityShape(city) else { return nil }
        for w in words {
            let b = w.lowercased().trimming(".,")
            if cityStopWords.contains(b) { return nil }
            // (A word without a hyphen is its only piece, tested just above.)
            if FastText.contains(0x2D, in: b),
               FastText.split(b, separator: 0x2D).contains(where: { cityStopWords.contains(String($0)) }) { return nil }
        }
        return city
    }

    /// Whether a word has a character that is a number: on ASCII, a digit.
    static func hasNumber(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 < 0x80 } ? word.utf8.contains { $0 &- 0x30 < 10 } : word.contains(where: \.isNumber)
    }

    /// At most 40 characters, a letter first, then letters, spaces, hyphens, apostrophes and stops.
    static func hasCityShape(_ city: String) -> Bool {
        asciiCityShape(city) ?? (city.count <= 40 && city.first?.isLetter == true
            && city.allSatisfy { $0.isLetter || " -'’.".contains($0) })
    }

    /// ``hasCityShape(_:)`` read on the bytes of ASCII text without carriage returns (one character a
    /// byte); nil for other text.
    static func asciiCityShape(_ city: String) -> Bool? {
        guard city.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        guard city.utf8.count <= 40, let first = city.utf8.first, (first | 0x20) &- 0x61 < 26 else { return false }
        return city.utf8.allSatisfy { ($0 | 0x20) &- 0x61 < 26 || $0 == 0x20 || $0 == 0x2D || $0 == 0x27 || $0 == 0x2E }
    }

    static let remoteWords: Set<String> = [
        "remote", "remotely", "telecommute", "telecommuting", "telework", "teleworking", "wfh",
        "virtual", "work-from-home",
    ]

    static let remoteCues = FastText.Needles(["remote", "telecommut", "telework", "wfh", "virtual", "work"])

    /// Whether a lower-cased location says the work is (fully) remote.
    static func isRemote(_ lower: String) -> Bool {
        // Every remote word, prefix and "work from home" holds one of these.
        guard remoteCues.occurs(in: lower) else { return false }
        let words = lower.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
        if words.contains(where: { $0 == "hybrid" || $0.hasPrefix("hybrid-") }) { return false }
        for (i, w) in words.enumerated() {
            let hit = remoteWords.contains(w) || w.hasPrefix("remote-") || w.hasPrefix("telecommut")
                || (w == "work" && i + 2 < words.count && words[i + 1] == "from" && words[i + 2] == "home")
            guard hit else { continue }
            if i > 0, ["no", "not", "non"].contains(words[i - 1]) { continue }
            return true
        }
        return false
    }

    // MARK: Tables

    /// A comparison key: lower-case ASCII letters only, accents folded ("N.Y." → "ny", "Québec" → "quebec").
    static func key(_ s: String) -> String {
        // ASCII keeps its letters, lower-cased, read on bytes.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: s.utf8.count) { out in
                var count = 0
                for b in s.utf8 where (b | 0x20) &- 0x61 < 26 {
                    out[count] = b | 0x20
                    count += 1
                }
                return count
            }
        }
        var out = String.UnicodeScalarView()
        for c in s.lowercased().unicodeScalars {
            switch c {
            case "a"..."z": out.append(c)
            case "à", "á", "â", "ä", "ã": out.append("a")
            case "é", "è", "ê", "ë": out.append("e")
            case "í", "ì", "î", "ï": out.append("i")
            case "ó", "ò", "ô", "ö", "õ": out.append("o")
            case "ú", "ù", "û", "ü": out.append("u")
            case "ç": out.append("c")
            case "ñ": out.append("n")
            default: continue
            }
        }
        return String(out)
    }

    /// Code, country and the names and abbreviations used for each region.
    static let regions: [(code: String, country: String, names: [String])] = [
        ("AL", "US", ["Alabama", "Ala."]),
        ("AK", "US", ["Alaska", "Alas."]),
        ("AZ", "US", ["Arizona", "Ariz."]),
        ("AR", "US", ["Arkansas", "Ark."]),
        ("CA", "US", ["California", "Calif.", "Cal.", "Cali"]),
        ("CO", "US", ["Colorado", "Colo.", "Col."]),
        ("CT", "US", ["Connecticut", "Conn."]),
        ("DE", "US", ["Delaware", "Del."]),
        ("DC", "US", ["District of Columbia", "D.C.", "Dist. of Columbia", "Dist. Columbia"]),
        ("FL", "US", ["Florida", "Fla.", "Flor."]),
        ("GA", "US", ["Georgia", "Ga."]),
        ("HI", "US", ["Hawaii", "Hawai'i", "Hawaiʻi"]),
        ("ID", "US", ["Idaho", "Ida."]),
        ("IL", "US", ["Illinois", "Ill.", "Ills."]),
        ("IN", "US", ["Indiana", "Ind."]),
        ("IA", "US", ["Iowa", "Ia."]),
        ("KS", "US", ["Kansas", "Kan.", "Kans."]),
        ("KY", "US", ["Kentucky", "Ky."]),
        ("LA", "US", ["Louisiana", "La."]),
        ("ME", "US", ["Maine", "Me."]),
        ("MD", "US", ["Maryland", "Md."]),
        ("MA", "US", ["Massachusetts", "Mass."]),
        ("MI", "US", ["Michigan", "Mich."]),
        ("MN", "US", ["Minnesota", "Minn."]),
        ("MS", "US", ["Mississippi", "Miss."]),
        ("MO", "US", ["Missouri", "Mo."]),
        ("MT", "US", ["Montana", "Mont."]),
        ("NE", "US", ["Nebraska", "Neb.", "Nebr."]),
        ("NV", "US", ["Nevada", "Nev."]),
        ("NH", "US", ["New Hampshire", "N.H."]),
        ("NJ", "US", ["New Jersey", "N.J."]),
        ("NM", "US", ["New Mexico", "N.M.", "N.Mex.", "N. Mex."]),
        ("NY", "US", ["New York", "N.Y.", "New York State", "NYS"]),
        ("NC", "US", ["North Carolina", "N.C.", "N. Car."]),
        ("ND", "US", ["North Dakota", "N.D.", "N.Dak.", "N. Dak."]),
        ("OH", "US", ["Ohio"]),
        ("OK", "US", ["Oklahoma", "Okla."]),
        ("OR", "US", ["Oregon", "Ore.", "Oreg."]),
        ("PA", "US", ["Pennsylvania", "Pa.", "Penn.", "Penna."]),
        ("RI", "US", ["Rhode Island", "R.I."]),
        ("SC", "US", ["South Carolina", "S.C.", "S. Car."]),
        ("SD", "US", ["South Dakota", "S.D.", "S.Dak.", "S. Dak."]),
        ("TN", "US", ["Tennessee", "Tenn."]),
        ("TX", "US", ["Texas", "Tex."]),
        ("UT", "US", ["Utah"]),
        ("VT", "US", ["Vermont", "Vt."]),
        ("VA", "US", ["Virginia", "Va.", "Virg."]),
        ("WA", "US", ["Washington", "Wash.", "Washington State"]),
        ("WV", "US", ["West Virginia", "W.Va.", "W. Va.", "W.V."]),
        ("WI", "US", ["Wisconsin", "Wis.", "Wisc."]),
        ("WY", "US", ["Wyoming", "Wyo."]),
        ("PR", "US", ["Puerto Rico", "P.R."]),
        ("GU", "US", ["Guam"]),
        ("VI", "US", ["U.S. Virgin Islands", "US Virgin Islands", "Virgin Islands", "USVI",
                      "United States Virgin Islands"]),
        ("AS", "US", ["American Samoa"]),
        ("MP", "US", ["Northern Mariana Islands", "Northern Marianas", "CNMI"]),
        ("UM", "US", ["U.S. Minor Outlying Islands"]),
        ("AB", "CA", ["Alberta", "Alta."]),
        ("BC", "CA", ["British Columbia", "B.C."]),
        ("MB", "CA", ["Manitoba", "Man."]),
        ("NB", "CA", ["New Brunswick", "N.B."]),
        ("NL", "CA", ["Newfoundland and Labrador", "Newfoundland & Labrador", "Newfoundland",
                      "Nfld.", "NF", "N.L.", "Labrador"]),
        ("NS", "CA", ["Nova Scotia", "N.S."]),
        ("NT", "CA", ["Northwest Territories", "N.W.T.", "NWT"]),
        ("NU", "CA", ["Nunavut", "Nvt."]),
        ("ON", "CA", ["Ontario", "Ont."]),
        ("PE", "CA", ["Prince Edward Island", "P.E.I.", "PEI"]),
        ("QC", "CA", ["Quebec", "Québec", "Que.", "Qué.", "P.Q.", "PQ"]),
        ("SK", "CA", ["Saskatchewan", "Sask."]),
        ("YT", "CA", ["Yukon", "Yukon Territory", "Y.T.", "Yuk."]),
    ]

    static let regionIndex: [String: (code: String, country: String)] = {
        var index: [String: (code: String, country: String)] = [:]
        for r in regions {
            index[key(r.code)] = (r.code, r.country)
            for name in r.names where index[key(name)] == nil {
                index[key(name)] = (r.code, r.country)
            }
        }
        return index
    }()

    static let countryNames: [(code: String, names: [String])] = [
        ("US", ["United States", "United States of America", "USA", "U.S.", "U.S.A.", "America", "US of A"]),
        ("CA", ["Canada", "CAN"]),
        ("GB", ["United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "England", "Scotland",
                "Wales", "Northern Ireland", "GBR"]),
        ("IE", ["Ireland", "Republic of Ireland", "Éire", "IRL"]),
        ("AU", ["Australia", "AUS"]), ("NZ", ["New Zealand", "Aotearoa", "NZL"]),
        ("DE", ["Germany", "Deutschland", "DEU"]), ("FR", ["France", "FRA"]),
        ("ES", ["Spain", "España"]), ("IT", ["Italy", "Italia"]), ("PT", ["Portugal"]),
        ("NL", ["Netherlands", "The Netherlands", "Holland"]), ("BE", ["Belgium"]),
        ("LU", ["Luxembourg"]), ("CH", ["Switzerland"]), ("AT", ["Austria"]),
        ("SE", ["Sweden"]), ("NO", ["Norway"]), ("DK", ["Denmark"]), ("FI", ["Finland"]),
        ("IS", ["Iceland"]), ("GR", ["Greece"]), ("PL", ["Poland"]),
        ("CZ", ["Czech Republic", "Czechia"]), ("SK", ["Slovakia"]), ("HU", ["Hungary"]),
        ("RO", ["Romania"]), ("BG", ["Bulgaria"]), ("HR", ["Croatia"]), ("SI", ["Slovenia"]),
        ("RS", ["Serbia"]), ("EE", ["Estonia"]), ("LV", ["Latvia"]), ("LT", ["Lithuania"]),
        ("UA", ["Ukraine"]), ("RU", ["Russia", "Russian Federation"]),
        ("TR", ["Turkey", "Türkiye", "Turkiye"]), ("IL", ["Israel"]),
        ("AE", ["United Arab Emirates", "UAE", "U.A.E."]), ("QA", ["Qatar"]),
        ("SA", ["Saudi Arabia"]), ("EG", ["Egypt"]), ("MA", ["Morocco"]),
        ("ZA", ["South Africa"]), ("NG", ["Nigeria"]), ("KE", ["Kenya"]), ("GH", ["Ghana"]),
        ("ET", ["Ethiopia"]), ("MX", ["Mexico", "México", "MEX"]), ("BR", ["Brazil", "Brasil"]),
        ("AR", ["Argentina"]), ("CL", ["Chile"]), ("CO", ["Colombia"]), ("PE", ["Peru", "Perú"]),
        ("JM", ["Jamaica"]), ("TT", ["Trinidad and Tobago", "Trinidad"]), ("BS", ["Bahamas", "The Bahamas"]),
        ("IN", ["India"]), ("PK", ["Pakistan"]), ("BD", ["Bangladesh"]), ("LK", ["Sri Lanka"]),
        ("CN", ["China", "People's Republic of China", "PRC"]), ("HK", ["Hong Kong"]),
        ("TW", ["Taiwan"]), ("JP", ["Japan"]), ("KR", ["South Korea", "Korea", "Republic of Korea"]),
        ("SG", ["Singapore"]), ("MY", ["Malaysia"]), ("ID", ["Indonesia"]), ("TH", ["Thailand"]),
        ("VN", ["Vietnam", "Viet Nam"]), ("PH", ["Philippines", "The Philippines"]),
        ("PR", ["Puerto Rico"]),
    ]

    static let countryIndex: [String: String] = {
        var index: [String: String] = [:]
        for c in countryNames {
            for name in c.names where index[key(name)] == nil { index[key(name)] = c.code }
        }
        return index
    }()

    /// Every ISO 3166-1 alpha-2 code.
    static let alpha2: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ \
        BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM \
        DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS \
        GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN \
        KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ \
        MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM \
        PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV \
        SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI \
        VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))
}
