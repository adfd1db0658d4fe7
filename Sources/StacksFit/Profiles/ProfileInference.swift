import Foundation

/// What a profile leaves unsaid, inferred from its words: the kind of a job, its hours, a course's
/// level and code.
public enum ProfileInference {
    /// The date analyses measure recency from (UTC today).
    public static var today: ProfileDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return ProfileDate(year: parts.year ?? 2026, month: parts.month, day: parts.day)
    }

    /// The kind of a job from its title and description ("Practicum", "Library Technician", "Volunteer").
    public static func kind(title: String, text: String = "") -> ProfileExperience.Kind {
        let t = " " + Tokenizer.norms(title).joined(separator: " ") + " "
        let all = " " + Tokenizer.norms(title + " " + text).joined(separator: " ") + " "
        if t.contains(" practicum ") || all.contains(" practicum ") && !t.contains(" librarian ") { return .practicum }
        if t.contains(" intern ") || t.contains(" internship ") || t.contains(" fellow ") && t.contains(" student ") { return .internship }
        if t.contains(" volunteer ") { return .volunteer }
        let professional = [" librarian ", " archivist ", " curator ", " director ", " head ", " manager ", " coordinator ", " dean ",
                            " analyst ", " developer ", " engineer ", " officer ", " chief ", " supervisor ", " specialist "]
        let support = [" assistant ", " technician ", " associate ", " clerk ", " aide ", " page ", " student worker ", " student assistant ",
                       " paraprofessional ", " circulation desk ", " shelver ", " tech "]
        if support.contains(where: { t.contains($0) }) && !t.contains(" librarian ") { return .paraprofessional }
        if professional.contains(where: { t.contains($0) }) { return .professional }
        return .paraprofessional
    }

    /// Hours per week stated in text: "20 hours per week", "20 hrs/wk", "part-time" (20), "full-time" (40).
    public static func hours(in text: String) -> Double? {
        let norms = Tokenizer.norms(text)
        for (i, token) in norms.enumerated() {
            guard let n = Double(token), n > 0, n <= 80, i + 1 < norms.count else { continue }
            let next = norms[i + 1]
            if ["hour", "hr", "hrs", "h"].contains(next) {
                let rest = norms[(i + 2)..<min(norms.count, i + 5)]
                if rest.contains("week") || rest.contains("wk") || rest.contains("weekly") { return n }
            }
        }
        let joined = " " + norms.joined(separator: " ") + " "
        if joined.contains(" part time ") || joined.contains(" parttime ") { return 20 }
        if joined.contains(" full time ") || joined.contains(" fulltime ") { return 40 }
        return nil
    }

    /// A course from a plain string such as "LIS 655 Advanced Cataloging" or "Metadata Design (Fall 2025)".
    public static func course(from text: String) -> ProfileCourse {
        var title = text.trimmingCharacters(in: .whitespaces)
        var code: String?
        // A leading code: letters, a space or not, digits ("LIS 655", "INFO5200", "LIS-610:").
        let scalars = Array(title)
        var i = 0
        while i < scalars.count && scalars[i].isLetter && scalars[i].isUppercase { i += 1 }
        let letters = i
        while i < scalars.count && (scalars[i] == " " || scalars[i] == "-") { i += 1 }
        let digitsStart = i
        while i < scalars.count && scalars[i].isNumber { i += 1 }
        if letters >= 2 && letters <= 5 && i - digitsStart >= 3 && i - digitsStart <= 4 {
            code = String(scalars[0..<i])
            title = String(scalars[i...]).trimmingCharacters(in: CharacterSet(charactersIn: " :-–—."))
        }
        var course = ProfileCourse(title: title.isEmpty ? text : title, code: code)
        course.level = level(title: course.title, code: code)
        return course
    }

    /// A course's level from its title and code: "Advanced …", "Seminar" → advanced; "Introduction to …",
    /// "Foundations …" → introductory; a code numbered 600 or higher → advanced, below 500 → introductory.
    public static func level(title: String, code: String?) -> ProfileCourse.Level {
        let t = " " + Tokenizer.norms(title).joined(separator: " ") + " "
        if [" advanced ", " seminar ", " ii ", " topics in ", " special topic "].contains(where: { t.contains($0) }) { return .advanced }
        if [" introduction ", " intro ", " foundation ", " principle ", " fundamental ", " basic ", " overview ", " survey "].contains(where: { t.contains($0) }) {
            return .introductory
        }
        if let code, let number = Int(code.filter(\.isNumber)) {
            let hundreds = number >= 1000 ? number / 1000 * 100 : number
            if hundreds >= 600 { return .advanced }
            if hundreds < 500 { return .introductory }
        }
        return .core
    }
}
