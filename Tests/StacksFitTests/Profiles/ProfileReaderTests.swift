import Foundation
import Testing
@testable import StacksFit

@Suite("Profile reading")
struct ProfileReaderTests {
    private func read(_ text: String) throws -> ProfileReader.Result {
        do { return try ProfileReader.read(text, file: "p.yaml") } catch { throw error }
    }

    private func error(_ text: String) -> ProfileError? {
        do { _ = try ProfileReader.read(text, file: "p.yaml"); return nil } catch { return error }
    }

    @Test("the template reads back, with every field")
    func template() throws {
        let result = try read(ProfileTemplate.yaml)
        let p = result.profile
        #expect(result.warnings.isEmpty)
        #expect(p.name == "Maya Okafor")
        #expect(p.goal == .technical)
        #expect(p.degrees.first?.status == .inProgress)
        #expect(p.degrees.first?.date == ProfileDate(year: 2027, month: 5))
        #expect(p.degrees.first?.alaAccredited == true)
        #expect(p.degrees.first?.isLibraryMasters == true)
        #expect(p.coursework.first?.level == .core)
        #expect(p.coursework.first?.skills == ["reference interview", "LibAnswers"])
        let job = try #require(p.experience.first)
        #expect(job.kind == .paraprofessional)
        #expect(job.current)
        #expect(job.hoursPerWeek == 20)
        #expect(job.duties.count == 2)
        #expect(p.skills == ["MarcEdit", "Excel"])
        #expect(p.languages == ["Spanish"])
    }

    @Test("every validation error names the file, line and column and says what was expected", arguments: [
        ("goal: technical\n", "the profile has no 'name'", 1),
        ("name: A\nexperience:\n  - title: X\n    start: 2024-13\n", "'start' is '2024-13': expected a date as YYYY, YYYY-MM or YYYY-MM-DD, or present", 4),
        ("name: A\nexperience:\n  - title: X\n    start: 2024\n    end: 2023\n", "'end' (2023) is before 'start' (2024)", 5),
        ("name: A\nexperience:\n  - title: X\n    kind: boss\n", "'kind' is 'boss': expected one of professional, paraprofessional, internship, practicum, volunteer", 4),
        ("name: A\nexperience:\n  - title: X\n    hoursPerWeek: lots\n", "'hoursPerWeek' is 'lots': expected a number of hours from 0 to 100", 4),
        ("name: A\ngoal: sideways\n", "'goal' is 'sideways': expected technical or user", 2),
        ("name: A\ndegrees: MLIS\n", "expected 'degrees' as a list", 2),
        ("name: A\ncoursework:\n  - level: core\n", "a course has no 'title'", 3),
        ("name: A\ncoursework:\n  - title: X\n    level: expert\n", "'level' is 'expert': expected one of introductory, core, advanced", 4),
        ("name: A\ndegrees:\n  - title: MLIS\n    status: almost\n", "'status' is 'almost': expected one of completed, in-progress", 4),
        ("name: [unclosed\n", "not valid YAML or JSON", 2),
        ("", "the file is empty", nil),
    ] as [(String, String, Int?)])
    func errors(_ text: String, _ message: String, _ line: Int?) throws {
        let e = try #require(error(text), "\(text) was accepted")
        #expect(e.file == "p.yaml")
        #expect(e.message.contains(message), "\(e.message)")
        if let line {
            #expect(e.line == line, "\(e)")
            #expect(e.column != nil)
            #expect(e.description.hasPrefix("p.yaml:\(line):"))
        }
    }

    @Test("unknown keys are warnings with their line, not silence")
    func unknownKeys() throws {
        let result = try read("name: A\nfavourite: tea\nexperience:\n  - title: X\n    salary: 10\n")
        #expect(result.warnings.count == 2)
        #expect(result.warnings[0].line == 2 && result.warnings[0].message.contains("unknown key 'favourite'"))
        #expect(result.warnings[1].line == 5 && result.warnings[1].message.contains("'salary'"))
    }

    @Test("JSON Resume: standard fields only, with kind, hours, level and course codes inferred")
    func jsonResume() throws {
        let json = """
        {"basics": {"name": "Ana Ruiz", "email": "a@example.org"},
         "work": [
           {"name": "Harbor Falls Public Library", "position": "Library Technician", "startDate": "2021-03", "endDate": "2023-08",
            "summary": "Part-time, 20 hours per week.", "highlights": ["Processed interlibrary loan requests in ILLiad"]},
           {"name": "Riverbend University", "position": "Cataloging Practicum", "startDate": "2025-01", "endDate": "2025-05"},
           {"name": "Lakeshore College", "position": "Reference Librarian", "startDate": "2025-09"}],
         "volunteer": [{"organization": "Friends of the Library", "position": "Book sale volunteer", "startDate": "2019"}],
         "education": [{"institution": "Riverbend University", "area": "Library and Information Science", "studyType": "Master of Library Science",
                        "endDate": "2030-05", "courses": ["LIS 655 Advanced Cataloging", "Introduction to Information Science", "LIS 510 Reference Services"]}],
         "skills": [{"name": "Cataloging", "keywords": ["RDA", "MARC 21"]}],
         "languages": [{"language": "Spanish", "fluency": "Native"}],
         "x-stacksfit": {"goal": "user"}}
        """
        let result = try ProfileReader.read(json, file: "a.json")
        let p = result.profile
        #expect(p.format == .jsonResume)
        #expect(p.name == "Ana Ruiz")
        #expect(p.goal == .user)
        #expect(p.experience.map(\.kind) == [.paraprofessional, .practicum, .professional, .volunteer])
        #expect(p.experience[0].hoursPerWeek == 20)
        #expect(p.experience[2].current)
        #expect(p.degrees.first?.status == .inProgress)
        #expect(p.coursework.map(\.code) == ["LIS 655", nil, "LIS 510"])
        #expect(p.coursework.map(\.title) == ["Advanced Cataloging", "Introduction to Information Science", "Reference Services"])
        #expect(p.coursework.map(\.level) == [.advanced, .introductory, .core])
        #expect(p.skills == ["Cataloging", "RDA", "MARC 21"])
        #expect(p.languages == ["Spanish"])
        #expect(result.warnings.isEmpty)
    }

    @Test("kind inferred from titles", arguments: [
        ("Library Technician", ProfileExperience.Kind.paraprofessional),
        ("Cataloging & Metadata Librarian", .professional),
        ("Archives Practicum", .practicum),
        ("Summer Intern, Special Collections", .internship),
        ("Circulation Supervisor", .professional),
        ("Library Assistant II", .paraprofessional),
        ("Storytime Volunteer", .volunteer),
    ])
    func kinds(_ title: String, _ kind: ProfileExperience.Kind) {
        #expect(ProfileInference.kind(title: title) == kind)
    }

    @Test("hours inferred from words", arguments: [
        ("part-time, 20 hours per week", 20.0), ("12 hrs/week", 12.0), ("Full-time position", 40.0), ("a great job", nil),
    ] as [(String, Double?)])
    func hours(_ text: String, _ expected: Double?) {
        #expect(ProfileInference.hours(in: text) == expected)
    }
}
