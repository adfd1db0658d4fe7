import Foundation
import Testing
@testable import StacksFit

@Suite("Talking points")
struct TalkingPointsTests {
    /// Every title a profile gives: jobs, courses, degrees, listed skills.
    static func entries(_ p: CandidateProfile) -> [SkillEvidence.Kind: Set<String>] {
        [
            .work: Set(p.experience.map(\.title)), .volunteer: Set(p.experience.map(\.title)),
            .course: Set(p.coursework.map(\.title)), .degree: Set(p.degrees.map(\.title)), .skill: Set(p.skills),
        ]
    }

    @Test("every point, for every example profile and posting, cites a real entry of the profile and a sentence of the posting")
    func everyPointCitesTheProfile() async throws {
        let examples = try await Examples.load()
        var total = 0
        for candidate in examples.candidates {
            let entries = Self.entries(candidate.profile)
            for posting in examples.postings {
                let fit = examples.fit(candidate, posting)
                let points = TalkingPoints.points(for: fit, candidate: candidate)
                #expect(points.count <= 6)
                total += points.count
                for point in points {
                    #expect(!point.profileEvidence.isEmpty, "\(point.text)")
                    for e in point.profileEvidence {
                        #expect(entries[e.kind]?.contains(e.title) == true, "\(candidate.profile.name): '\(e.title)' (\(e.kind)) is not in the profile")
                        #expect(point.text.contains(e.title) || e.kind == .skill, "the point does not name its entry: \(point.text)")
                        if e.kind == .work || e.kind == .volunteer {
                            let job = try #require(candidate.profile.experience.first { $0.title == e.title })
                            #expect(job.organization == e.organization)
                        }
                    }
                    if point.kind != .degree {
                        let sentence = try #require(point.postingEvidence)
                        #expect(posting.text.contains(sentence) || posting.sections.contains { $0.text.contains(sentence) }, "not the posting's sentence: \(sentence)")
                    }
                }
            }
        }
        #expect(total >= examples.candidates.count * examples.postings.count * 3)
    }

    @Test("a candidate with evidence gets four to six points")
    func fourToSix() async throws {
        let examples = try await Examples.load()
        let maya = try examples.candidate("maya-okafor.yaml")
        for title in ["Reference & Instruction Librarian", "Cataloging & Metadata Librarian"] {
            let points = TalkingPoints.points(for: examples.fit(maya, try examples.posting(titled: title)), candidate: maya)
            #expect((4...6).contains(points.count), "\(title): \(points.count)")
        }
    }

    @Test("work on the other side of the divide is bridged with the taxonomy's sentence; coursework never earns a bridge")
    func bridges() async throws {
        let examples = try await Examples.load()
        let maya = try examples.candidate("maya-okafor.yaml")
        let reference = try examples.posting(titled: "Reference & Instruction Librarian")
        let points = TalkingPoints.points(for: examples.fit(maya, reference), candidate: maya)
        let bridge = try #require(points.first { $0.kind == .bridge })
        #expect(bridge.profileEvidence.first?.title == "Cataloging Assistant")
        #expect(bridge.skill?.side == .user)
        let bridges = examples.extractor.taxonomy.skills.compactMap(\.bridge)
        #expect(bridges.contains { bridge.text.hasPrefix($0) })
        // Across every pair, a bridge rests on work or volunteering, never a course.
        for candidate in examples.candidates {
            for posting in examples.postings {
                for point in TalkingPoints.points(for: examples.fit(candidate, posting), candidate: candidate) where point.kind == .bridge {
                    #expect(point.profileEvidence.allSatisfy { $0.kind == .work || $0.kind == .volunteer }, "\(point.text)")
                }
            }
        }
    }

    @Test("coursework is called coursework, a degree in progress is called in progress, and gaps point to the nearest experience")
    func honesty() async throws {
        let examples = try await Examples.load()
        let maya = try examples.candidate("maya-okafor.yaml")
        let reference = try examples.posting(titled: "Reference & Instruction Librarian")
        let points = TalkingPoints.points(for: examples.fit(maya, reference), candidate: maya)
        // Maya has never worked a reference desk: course-based points say "course", none says she worked it.
        for point in points where point.profileEvidence.allSatisfy({ $0.kind == .course }) {
            #expect(point.text.contains("course"), "\(point.text)")
            #expect(!point.text.contains("As "), "\(point.text)")
        }
        #expect(points.contains { $0.text.contains("rather than practised it on the job") })
        let degree = try #require(points.first { $0.kind == .degree })
        #expect(degree.text.contains("I will complete my MLIS") && degree.text.contains("May 2027"))
        // Lacking a skill: the gap is stated before what prepares for it.
        let cataloging = try examples.posting(titled: "Cataloging & Metadata Librarian")
        let gaps = TalkingPoints.points(for: examples.fit(maya, cataloging), candidate: maya).filter { $0.kind == .gap }
        #expect(!gaps.isEmpty)
        // A gap says what the profile shows instead, and neither claims the skill nor denies it (the profile
        // may simply not mention it).
        for gap in gaps {
            #expect(gap.text.contains("The nearest experience I can point to is") || gap.text.contains("coursework rather than"), "\(gap.text)")
            #expect(!gap.text.contains("I have not") && !gap.text.contains("I have never"), "\(gap.text)")
        }
    }

    @Test("duty lines become first-person clauses in the job's tense")
    func clauses() {
        let current = SkillEvidence(kind: .work, title: "T", organization: nil, detail: "1.0 year at 20 h/week, current",
                                    sentence: "Verifies access points against LCSH; corrects headings and sets holdings", strength: 0.5)
        #expect(TalkingPoints.clause(current) == "I verify access points against LCSH and correct headings and set holdings")
        var past = current
        past.detail = "2.0 years at 40 h/week, ended 1.0 years ago"
        past.sentence = "Teaches one-shot sessions and plans storytimes"
        #expect(TalkingPoints.clause(past) == "I taught one-shot sessions and planned storytimes")
        past.sentence = "Reference desk shifts, evenings"
        #expect(TalkingPoints.clause(past) == "my duties included “Reference desk shifts, evenings”")
        #expect(TalkingPoints.phrase("Copy cataloging") == "copy cataloging")
        #expect(TalkingPoints.phrase("Library of Congress Classification") == "Library of Congress Classification")
        #expect(TalkingPoints.phrase("LibGuides") == "LibGuides")
    }

    @Test("the JSON has the shape of OUTPUT.md")
    func json() async throws {
        let examples = try await Examples.load()
        let maya = try examples.candidate("maya-okafor.yaml")
        let fit = examples.fit(maya, try examples.posting(titled: "Reference & Instruction Librarian"))
        let points = TalkingPoints.points(for: fit, candidate: maya)
        let text = try TalkingPoints.json(points, fit: fit, candidate: maya)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect((object["posting"] as? [String: Any])?["title"] as? String == "Reference & Instruction Librarian")
        let list = try #require(object["points"] as? [[String: Any]])
        #expect(list.count == points.count)
        for point in list {
            #expect(["strength", "bridge", "gap", "degree"].contains(point["kind"] as? String ?? ""))
            let evidence = try #require(point["profileEvidence"] as? [[String: Any]])
            #expect(!evidence.isEmpty && evidence.allSatisfy { $0["title"] is String && $0["kind"] is String })
        }
        #expect(try TalkingPoints.json(points, fit: fit, candidate: maya) == text)
    }
}
