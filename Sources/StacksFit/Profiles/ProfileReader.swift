import Foundation
import Yams

/// Why a profile could not be read: the file, the place, and what was expected.
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return place + ": " + message
    }
}

/// Reads a candidate profile: stacksfit's YAML, or a JSON Resume (schema 1.x). Both are read as
/// YAML node trees, so every error and warning can point at its line and column.
public enum ProfileReader {
    /// The profile and the warnings met on the way (unknown keys, inferred values).
    public struct Result: Sendable {
        public var profile: CandidateProfile
        public var warnings: [Problem]
    }

    /// Reads the file at `path`.
    public static func read(contentsOf path: String) throws(ProfileError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(file: path, message: "file is not readable or does not exist")
        }
        let text = String(decoding: TextDecoder.decode([UInt8](data)).utf8, as: UTF8.self)
        return try read(text, file: path)
    }

    /// Reads a profile from its text; `file` names it in messages.
    public static func read(_ text: String, file: String) throws(ProfileError) -> Result {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ProfileError(file: file, message: "the file is empty: expected a profile (see `stacksfit profile init`)")
            }
            root = node
        } catch let error as ProfileError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw ProfileError(file: file, message: "could not be read: \(error)")
        }
        var reader = NodeReader(file: file)
        let profile: CandidateProfile
        let map = try reader.mapping(root, "a profile: a mapping with name, degrees, coursework, experience")
        if map["basics"] != nil || map["work"] != nil || map["education"] != nil || map["$schema"] != nil {
            profile = try JSONResumeReader.read(map, reader: &reader)
        } else {
            profile = try YAMLProfileReader.read(map, reader: &reader)
        }
        return Result(profile: profile, warnings: reader.warnings)
    }

    private static func describe(_ error: YamlError, file: String) -> ProfileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return ProfileError(file: file, line: mark.line, column: mark.column, message: "not valid YAML or JSON: \(problem)")
        default:
            return ProfileError(file: file, message: "not valid YAML or JSON: \(error)")
        }
    }
}

/// Reads typed values out of YAML nodes, with positions for every message.
struct NodeReader {
    let file: String
    var warnings: [Problem] = []

    func error(_ node: Node?, _ message: String) -> ProfileError {
        ProfileError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    mutating func warn(_ node: Node?, _ message: String) {
        warnings.append(Problem(input: file, line: node?.mark?.line, severity: .warning, message: message))
    }

    func mapping(_ node: Node, _ expected: String) throws(ProfileError) -> Node.Mapping {
        guard let map = node.mapping else { throw error(node, "expected \(expected)") }
        return map
    }

    func sequence(_ node: Node, _ expected: String) throws(ProfileError) -> [Node] {
        if let seq = node.sequence { return Array(seq) }
        throw error(node, "expected \(expected)")
    }

    func string(_ node: Node, _ what: String) throws(ProfileError) -> String {
        guard let scalar = node.scalar else { throw error(node, "expected \(what) as text") }
        return scalar.string
    }

    /// A required text field.
    func required(_ map: Node.Mapping, _ key: String, in what: String, at node: Node) throws(ProfileError) -> String {
        guard let value = map[key] else { throw error(node, "\(what) has no '\(key)'") }
        let text = try string(value, "'\(key)'").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error(value, "'\(key)' is empty") }
        return text
    }

    func optional(_ map: Node.Mapping, _ key: String) throws(ProfileError) -> String? {
        guard let value = map[key] else { return nil }
        if case .scalar(let s) = value, ["", "~", "null", "Null", "NULL"].contains(s.string) && s.style == .plain { return nil }
        let text = try string(value, "'\(key)'").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// A list of text: a sequence of scalars, or one scalar.
    func strings(_ map: Node.Mapping, _ key: String) throws(ProfileError) -> [String] {
        guard let value = map[key] else { return [] }
        if let scalar = value.scalar { return scalar.string.isEmpty ? [] : [scalar.string] }
        var out: [String] = []
        for item in try sequence(value, "'\(key)' as a list") {
            let text = try string(item, "each entry of '\(key)'").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { out.append(text) }
        }
        return out
    }

    func date(_ map: Node.Mapping, _ key: String) throws(ProfileError) -> (date: ProfileDate?, present: Bool) {
        guard let value = map[key], let text = try optional(map, key) else { return (nil, false) }
        if ["present", "current", "now", "ongoing"].contains(text.lowercased()) { return (nil, true) }
        guard let date = ProfileDate(text) else {
            throw error(value, "'\(key)' is '\(text)': expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or present")
        }
        return (date, false)
    }

    func number(_ map: Node.Mapping, _ key: String) throws(ProfileError) -> Double? {
        guard let value = map[key], let text = try optional(map, key) else { return nil }
        guard let n = Double(text), n >= 0, n <= 100 else { throw error(value, "'\(key)' is '\(text)': expected a number of hours from 0 to 100") }
        return n
    }

    /// Warns about keys outside `known`.
    mutating func checkKeys(_ map: Node.Mapping, known: Set<String>, in what: String) {
        for (key, _) in map {
            guard let name = key.scalar?.string, !known.contains(name) else { continue }
            warn(key, "unknown key '\(name)' in \(what) (ignored; expected one of: \(known.sorted().joined(separator: ", ")))")
        }
    }

    func choice<T: RawRepresentable>(_ map: Node.Mapping, _ key: String, _ type: T.Type, allowed: [String]) throws(ProfileError) -> T? where T.RawValue == String {
        guard let value = map[key], let text = try optional(map, key) else { return nil }
        guard let choice = T(rawValue: text.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")) else {
            throw error(value, "'\(key)' is '\(text)': expected one of \(allowed.joined(separator: ", "))")
        }
        return choice
    }
}

/// stacksfit's own YAML profile.
enum YAMLProfileReader {
    static func read(_ map: Node.Mapping, reader: inout NodeReader) throws(ProfileError) -> CandidateProfile {
        let rootNode = Node.mapping(map)
        reader.checkKeys(map, known: ["name", "goal", "degrees", "coursework", "experience", "skills", "languages"], in: "the profile")
        var profile = CandidateProfile(name: try reader.required(map, "name", in: "the profile", at: rootNode), source: reader.file, format: .yaml)
        if let goal = try reader.optional(map, "goal") {
            guard let side = Side(rawValue: goal.lowercased()), side.isSideOfDivide else {
                throw reader.error(map["goal"], "'goal' is '\(goal)': expected technical or user")
            }
            profile.goal = side
        }
        for node in try map["degrees"].map({ node throws(ProfileError) in try reader.sequence(node, "'degrees' as a list") }) ?? [] {
            let d = try reader.mapping(node, "a degree with title, status and date")
            reader.checkKeys(d, known: ["title", "institution", "alaAccredited", "status", "date"], in: "a degree")
            var degree = ProfileDegree(title: try reader.required(d, "title", in: "a degree", at: node), status: .completed)
            degree.institution = try reader.optional(d, "institution")
            if let ala = try reader.optional(d, "alaAccredited") {
                guard let flag = Bool(ala.lowercased()) ?? (ala.lowercased() == "yes" ? true : ala.lowercased() == "no" ? false : nil) else {
                    throw reader.error(d["alaAccredited"], "'alaAccredited' is '\(ala)': expected true or false")
                }
                degree.alaAccredited = flag
            }
            degree.status = try reader.choice(d, "status", ProfileDegree.Status.self, allowed: ["completed", "in-progress"]) ?? .completed
            degree.date = try reader.date(d, "date").date
            profile.degrees.append(degree)
        }
        for node in try map["coursework"].map({ node throws(ProfileError) in try reader.sequence(node, "'coursework' as a list") }) ?? [] {
            let c = try reader.mapping(node, "a course with a title")
            reader.checkKeys(c, known: ["title", "code", "level", "term", "description", "skills"], in: "a course")
            var course = ProfileCourse(title: try reader.required(c, "title", in: "a course", at: node))
            course.code = try reader.optional(c, "code")
            course.level = try reader.choice(c, "level", ProfileCourse.Level.self, allowed: ["introductory", "core", "advanced"])
            course.term = try reader.optional(c, "term")
            course.description = try reader.optional(c, "description")
            course.skills = try reader.strings(c, "skills")
            profile.coursework.append(course)
        }
        for node in try map["experience"].map({ node throws(ProfileError) in try reader.sequence(node, "'experience' as a list") }) ?? [] {
            let e = try reader.mapping(node, "an experience entry with title, organization, start, end and duties")
            reader.checkKeys(e, known: ["title", "organization", "kind", "start", "end", "hoursPerWeek", "duties"], in: "an experience entry")
            var job = ProfileExperience(title: try reader.required(e, "title", in: "an experience entry", at: node))
            job.organization = try reader.optional(e, "organization")
            job.kind = try reader.choice(e, "kind", ProfileExperience.Kind.self, allowed: ProfileExperience.Kind.allCases.map(\.rawValue))
            job.start = try reader.date(e, "start").date
            let end = try reader.date(e, "end")
            job.end = end.date
            job.current = end.present
            if let s = job.start, let f = job.end, f < s { throw reader.error(e["end"], "'end' (\(f)) is before 'start' (\(s))") }
            job.hoursPerWeek = try reader.number(e, "hoursPerWeek")
            job.duties = try reader.strings(e, "duties")
            profile.experience.append(job)
        }
        profile.skills = try reader.strings(map, "skills")
        profile.languages = try reader.strings(map, "languages")
        return profile
    }
}

/// The JSON Resume standard (jsonresume.org, schema 1.x), with an optional `x-stacksfit` extension.
enum JSONResumeReader {
    static let standardKeys: Set<String> = ["$schema", "basics", "work", "volunteer", "education", "awards", "certificates",
                                            "publications", "skills", "languages", "interests", "references", "projects", "meta", "x-stacksfit"]

    static func read(_ map: Node.Mapping, reader: inout NodeReader) throws(ProfileError) -> CandidateProfile {
        reader.checkKeys(map, known: standardKeys, in: "the JSON Resume")
        var name = (reader.file as NSString).lastPathComponent
        if let basics = map["basics"] {
            let b = try reader.mapping(basics, "'basics' as an object")
            name = try reader.optional(b, "name") ?? name
        }
        var profile = CandidateProfile(name: name, source: reader.file, format: .jsonResume)
        if let ext = map["x-stacksfit"] {
            let x = try reader.mapping(ext, "'x-stacksfit' as an object")
            reader.checkKeys(x, known: ["goal"], in: "x-stacksfit")
            if let goal = try reader.optional(x, "goal") {
                guard let side = Side(rawValue: goal.lowercased()), side.isSideOfDivide else {
                    throw reader.error(x["goal"], "'goal' is '\(goal)': expected technical or user")
                }
                profile.goal = side
            }
        }
        for (key, volunteer) in [("work", false), ("volunteer", true)] {
            guard let list = map[key] else { continue }
            for node in try reader.sequence(list, "'\(key)' as a list") {
                let w = try reader.mapping(node, "a \(key) entry as an object")
                reader.checkKeys(w, known: ["name", "organization", "position", "url", "startDate", "endDate", "summary", "highlights", "location", "description"], in: "a \(key) entry")
                var job = ProfileExperience(title: try reader.optional(w, "position") ?? "Untitled position")
                if try reader.optional(w, "position") == nil { reader.warn(node, "a \(key) entry has no 'position'; its title is unknown") }
                let primary = try reader.optional(w, volunteer ? "organization" : "name")
                let secondary = try reader.optional(w, volunteer ? "name" : "organization")
                job.organization = primary ?? secondary
                job.start = try reader.date(w, "startDate").date
                let end = try reader.date(w, "endDate")
                job.end = end.date
                job.current = end.present || (end.date == nil && job.start != nil)
                if let s = job.start, let f = job.end, f < s { throw reader.error(w["endDate"], "'endDate' (\(f)) is before 'startDate' (\(s))") }
                let summary = try reader.optional(w, "summary")
                job.duties = (summary.map { [$0] } ?? []) + (try reader.strings(w, "highlights"))
                let words = ([job.title] + job.duties).joined(separator: " ")
                job.kind = volunteer ? .volunteer : ProfileInference.kind(title: job.title, text: words)
                job.hoursPerWeek = ProfileInference.hours(in: words)
                profile.experience.append(job)
            }
        }
        if let list = map["education"] {
            for node in try reader.sequence(list, "'education' as a list") {
                let e = try reader.mapping(node, "an education entry as an object")
                reader.checkKeys(e, known: ["institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses"], in: "an education entry")
                let title = [try reader.optional(e, "studyType"), try reader.optional(e, "area")].compactMap { $0 }.joined(separator: ", ")
                var degree = ProfileDegree(title: title.isEmpty ? "Degree" : title, status: .completed)
                degree.institution = try reader.optional(e, "institution")
                degree.date = try reader.date(e, "endDate").date
                if let date = degree.date, date > ProfileInference.today { degree.status = .inProgress }
                if degree.date == nil, try reader.date(e, "startDate").date != nil { degree.status = .inProgress }
                profile.degrees.append(degree)
                for course in try reader.strings(e, "courses") {
                    profile.coursework.append(ProfileInference.course(from: course))
                }
            }
        }
        if let list = map["skills"] {
            for node in try reader.sequence(list, "'skills' as a list") {
                if let text = node.scalar?.string { profile.skills.append(text); continue }
                let s = try reader.mapping(node, "a skill as an object with name and keywords")
                if let name = try reader.optional(s, "name") { profile.skills.append(name) }
                profile.skills += try reader.strings(s, "keywords")
            }
        }
        if let list = map["languages"] {
            for node in try reader.sequence(list, "'languages' as a list") {
                if let text = node.scalar?.string { profile.languages.append(text); continue }
                let l = try reader.mapping(node, "a language as an object")
                if let language = try reader.optional(l, "language") { profile.languages.append(language) }
            }
        }
        return profile
    }
}
