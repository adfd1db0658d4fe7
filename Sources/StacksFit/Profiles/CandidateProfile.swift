/// A date in a profile: a year, a month or a day.
public struct ProfileDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses YYYY, YYYY-MM or YYYY-MM-DD.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1900...2200).contains(year) else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil }
            self.day = day
        }
    }

    /// The date as a fractional year, taking a missing month as the middle of the year.
    public var fractionalYear: Double {
        let m = Double(month ?? 6) - 1 + (month == nil ? 0.5 : 0)
        let d = Double((day ?? 15) - 1) / 30.0
        return Double(year) + (m + d) / 12.0
    }

    public static func < (a: ProfileDate, b: ProfileDate) -> Bool { a.fractionalYear < b.fractionalYear }

    public var description: String {
        var s = String(year)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }
}

/// A degree, completed or under way.
public struct ProfileDegree: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable { case completed, inProgress = "in-progress" }
    public var title: String
    public var institution: String?
    public var alaAccredited: Bool?
    public var status: Status
    /// When it was completed, or when it is expected.
    public var date: ProfileDate?

    /// True for a library master's (MLS, MLIS, MSLS, MSIS, MLibSci, "Master of Library…").
    public var isLibraryMasters: Bool {
        let words = Tokenizer.norms(title.replacingOccurrences(of: ".", with: ""))
        let abbreviations: Set<String> = ["mls", "mlis", "msls", "msis", "mslis", "mlibsci", "mils", "msi", "mis", "mlisc", "mlitt"]
        if words.contains(where: { abbreviations.contains($0) }) { return true }
        let text = " " + words.joined(separator: " ") + " "
        let master = text.contains(" master ") || text.contains(" masters ") || text.contains(" ms ") || text.contains(" ma ")
        return master && [" library ", " information science ", " information studie ", " librarianship "].contains { text.contains($0) }
    }
}

/// A course taken.
public struct ProfileCourse: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, CaseIterable { case introductory, core, advanced }
    public var title: String
    public var code: String?
    public var level: Level?
    public var term: String?
    public var description: String?
    public var skills: [String] = []
}

/// A job, internship, practicum or volunteer role.
public struct ProfileExperience: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case professional, paraprofessional, internship, practicum, volunteer }
    public var title: String
    public var organization: String?
    public var kind: Kind?
    public var start: ProfileDate?
    /// nil with `current` true means "present".
    public var end: ProfileDate?
    public var current: Bool = false
    public var hoursPerWeek: Double?
    public var duties: [String] = []
}

/// A candidate: what they studied and what they did.
public struct CandidateProfile: Sendable, Hashable {
    public enum Format: String, Sendable { case yaml = "stacksfit-yaml", jsonResume = "json-resume" }
    public var name: String
    /// The side of the divide they want to move toward.
    public var goal: Side?
    public var degrees: [ProfileDegree] = []
    public var coursework: [ProfileCourse] = []
    public var experience: [ProfileExperience] = []
    public var skills: [String] = []
    public var languages: [String] = []
    /// The file it was read from.
    public var source: String
    public var format: Format

    public init(name: String, source: String, format: Format) {
        self.name = name
        self.source = source
        self.format = format
    }
}

import Foundation
