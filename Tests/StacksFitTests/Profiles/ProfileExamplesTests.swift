import Foundation
import Testing
@testable import StacksFit

/// The bundled example profiles in Profiles/: each reads cleanly and says what its story is.
@Suite("Profiles examples")
struct ProfileExamplesTests {
    static let analyzer: CandidateAnalyzer? = (try? Taxonomy.bundled()).map {
        CandidateAnalyzer(extractor: SkillExtractor(taxonomy: $0), today: ProfileDate(year: 2026, month: 11, day: 29))
    }

    private func analyse(_ name: String) throws -> (CandidateAnalysis, [Problem]) {
        let analyzer = try #require(Self.analyzer)
        let result = try ProfileReader.read(contentsOf: TestData.root.appendingPathComponent("Profiles/\(name)").path)
        return (analyzer.analyse(result.profile), result.warnings)
    }

    @Test("every example reads without errors or warnings, in both formats")
    func all() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestData.root.appendingPathComponent("Profiles").path).sorted()
        #expect(files.count >= 6)
        #expect(files.contains { $0.hasSuffix(".json") } && files.contains { $0.hasSuffix(".yaml") })
        for file in files {
            let (analysis, warnings) = try analyse(file)
            #expect(warnings.isEmpty, "\(file): \(warnings)")
            #expect(!analysis.skills.isEmpty, "\(file)")
        }
    }

    @Test("Maya: coursework on the user side, work on the technical side")
    func maya() throws {
        let (a, _) = try analyse("maya-okafor.yaml")
        #expect(a.courseworkLean?.label == .user)
        #expect(a.experienceLean?.label == .technical)
        if case .inProgress = a.libraryDegree {} else { Issue.record("MLIS should be in progress") }
        #expect((a.strength(of: "cataloging-copy")?.work ?? 0) > (a.strength(of: "reference-services")?.strength ?? 1))
    }

    @Test("Daniel, the cataloger: technical on both, years of professional work and supervision")
    func daniel() throws {
        let (a, _) = try analyse("daniel-reyes.yaml")
        #expect(a.experienceLean?.label == .technical)
        #expect(a.professionalYears > 5)
        #expect(a.supervisoryYears > 0)
        #expect((a.strength(of: "cataloging-original")?.strength ?? 0) > 0.6)
    }

    @Test("Priya, JSON Resume: youth services, kinds and hours inferred from standard fields")
    func priya() throws {
        let (a, _) = try analyse("priya-natarajan.json")
        #expect(a.experienceLean?.label == .user)
        #expect(a.profile.format == .jsonResume)
        #expect(a.profile.experience.contains { $0.hoursPerWeek == 20 })
        #expect(a.strength(of: "storytime-early-literacy") != nil)
    }

    @Test("Alex, JSON Resume: a technician's kind is inferred; coursework technical, work user")
    func alex() throws {
        let (a, _) = try analyse("alex-moreno.json")
        #expect(a.profile.experience.contains { $0.title.contains("Technician") && $0.kind == .paraprofessional })
        #expect(a.courseworkLean?.label == .technical)
        #expect(a.experienceLean?.label == .user)
    }
}
