import Foundation
import Testing
@testable import StacksFit

@Suite("Candidate analysis and the strength model")
struct CandidateAnalyzerTests {
    static let analyzer: CandidateAnalyzer? = (try? Taxonomy.bundled()).map {
        CandidateAnalyzer(extractor: SkillExtractor(taxonomy: $0), today: ProfileDate(year: 2026, month: 11, day: 29))
    }

    @Test("work strength grows with duration and hours, falls with time since, and saturates")
    func monotonic() throws {
        let a = try #require(Self.analyzer)
        let s = { (years: Double, hours: Double, since: Double) in
            a.workStrength(kind: .professional, years: years, hoursPerWeek: hours, yearsSinceEnd: since)
        }
        #expect(s(0.5, 40, 0) < s(1, 40, 0))
        #expect(s(1, 40, 0) < s(3, 40, 0))
        #expect(s(3, 40, 0) < s(10, 40, 0))
        #expect(s(10, 40, 0) <= 0.9)
        #expect(s(20, 40, 0) - s(10, 40, 0) < 0.01) // saturated
        #expect(s(2, 10, 0) < s(2, 20, 0) && s(2, 20, 0) < s(2, 40, 0))
        #expect(s(2, 40, 5) < s(2, 40, 1) && s(2, 40, 1) < s(2, 40, 0))
        #expect(a.workStrength(kind: .volunteer, years: 2, hoursPerWeek: 40, yearsSinceEnd: 0)
                < a.workStrength(kind: .paraprofessional, years: 2, hoursPerWeek: 40, yearsSinceEnd: 0))
        #expect(a.workStrength(kind: .paraprofessional, years: 2, hoursPerWeek: 40, yearsSinceEnd: 0)
                < a.workStrength(kind: .professional, years: 2, hoursPerWeek: 40, yearsSinceEnd: 0))
    }

    private func profile(_ yaml: String) throws -> CandidateAnalysis {
        let a = try #require(Self.analyzer)
        return a.analyse(try ProfileReader.read(yaml, file: "t.yaml").profile)
    }

    @Test("a year of cataloging work counts for more than an advanced cataloging course")
    func workBeatsCoursework() throws {
        let worked = try profile("""
        name: W
        experience:
          - title: Cataloger
            kind: professional
            start: 2025-06
            end: 2026-06
            duties: [Original cataloging of print monographs]
        """)
        let studied = try profile("""
        name: S
        coursework:
          - title: Advanced Cataloging
            level: advanced
            description: Original cataloging of print monographs.
        """)
        let w = try #require(worked.strength(of: "cataloging-original")?.strength)
        let c = try #require(studied.strength(of: "cataloging-original")?.strength)
        #expect(w > c)
        #expect(worked.professionalYears > 0.9)
    }

    @Test("more courses and higher levels raise strength, saturating below work's ceiling")
    func courses() throws {
        let one = try profile("name: A\ncoursework:\n  - title: Metadata Design\n    level: introductory\n")
        let advanced = try profile("name: A\ncoursework:\n  - title: Metadata Design\n    level: advanced\n")
        let three = try profile("name: A\ncoursework:\n  - title: Metadata Design\n  - title: Metadata for Digital Collections\n  - title: Advanced Metadata\n")
        let s1 = try #require(one.strength(of: "metadata")?.strength)
        let s2 = try #require(advanced.strength(of: "metadata")?.strength)
        let s3 = try #require(three.strength(of: "metadata")?.strength)
        #expect(s1 < s2)
        #expect(s2 < s3)
        #expect(s3 < 1)
    }

    @Test("coursework and experience leans are kept apart: the student who studied reference and works in cataloging")
    func leans() throws {
        let a = try profile("""
        name: M
        coursework:
          - title: Reference Sources and Services
          - title: Information Literacy Instruction
        experience:
          - title: Cataloging Assistant
            start: 2024-01
            end: present
            hoursPerWeek: 20
            duties:
              - Copy cataloging in OCLC Connexion using RDA and MARC 21
        """)
        #expect(a.courseworkLean?.label == .user)
        #expect(a.experienceLean?.label == .technical)
        let copy = try #require(a.strength(of: "cataloging-copy"))
        #expect(copy.evidence.first?.title == "Cataloging Assistant")
        #expect(copy.evidence.first?.kind == .work)
        #expect(a.relevantYears > 1 && a.professionalYears == 0)
    }

    @Test("missing dates and duties are pointed out")
    func notes() throws {
        let a = try profile("name: N\nexperience:\n  - title: Library Assistant\n")
        #expect(a.notes.contains { $0.contains("no dates") })
        #expect(a.notes.contains { $0.contains("no duties") })
        #expect(a.notes.contains { $0.contains("no degrees") })
    }
}
