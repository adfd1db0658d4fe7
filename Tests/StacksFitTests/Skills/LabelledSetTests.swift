import Foundation
import Testing
@testable import StacksFit

/// Skills, requirements and lean measured against a labelled set: the Listings/ examples and
/// focused fixtures, labelled by hand (Fixtures/skills-labels.json).
@Suite("Labelled set", .serialized)
struct LabelledSetTests {
    struct Label: Decodable {
        struct Reqs: Decodable {
            var mlsRequired: Bool
            var minYearsExperience: Int?
            var certifications: [String]
            var languages: [String]
        }
        var file: String?
        var title: String?
        var text: String?
        var skills: [String]
        var notSkills: [String]?
        var requirements: Reqs
        var lean: String
    }

    struct Scores {
        var postings = 0
        var truePositives = 0
        var predicted = 0
        var gold = 0
        var trapsHit: [String] = []
        var requirementFields = 0
        var requirementHits = 0
        var leanHits = 0
        var misses: [String] = []
        var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        var requirementAccuracy: Double { requirementFields == 0 ? 0 : Double(requirementHits) / Double(requirementFields) }
        var leanAccuracy: Double { postings == 0 ? 0 : Double(leanHits) / Double(postings) }
    }

    /// A posting from a labelled plain text: "Label: rest" lines become bold-labelled sections.
    static func posting(fromText text: String) -> JobPosting {
        var html = ""
        for line in text.split(separator: "\n") {
            var escaped = ""
            HTMLSanitizer.escape(String(line), into: &escaped, attribute: false)
            if let colon = escaped.firstIndex(of: ":"), escaped[..<colon].split(separator: " ").count <= 4 {
                html += "<p><b>" + escaped[...colon] + "</b>" + escaped[escaped.index(after: colon)...] + "</p>"
            } else {
                html += "<p>" + escaped + "</p>"
            }
        }
        let body = PostingBody(fragment: html, baseURI: nil)
        var posting = JobPosting(id: "fixture", source: PostingSource(input: "fixture", format: .html, index: 0))
        posting.sections = body.sections
        posting.text = body.text
        return posting
    }

    static func score() throws -> Scores {
        let labels = try JSONDecoder().decode([Label].self, from: Data(contentsOf: TestData.fixture("skills-labels.json")))
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        var cache: [String: [JobPosting]] = [:]
        var scores = Scores()
        for label in labels {
            let subject: JobPosting
            if let file = label.file {
                if cache[file] == nil { cache[file] = try TestData.parse(TestData.root.appendingPathComponent(file)).postings }
                guard let found = cache[file]?.first(where: { $0.title == label.title }) else {
                    scores.misses.append("no posting titled \(label.title ?? "?") in \(file)")
                    continue
                }
                subject = found
            } else {
                subject = posting(fromText: label.text ?? "")
            }
            let analysis = extractor.analyse(subject)
            let asked = Set(analysis.skills.filter { $0.weight > SkillExtractor.boilerplateWeight }.map(\.skill.id))
            let gold = Set(label.skills)
            scores.postings += 1
            scores.truePositives += asked.intersection(gold).count
            scores.predicted += asked.count
            scores.gold += gold.count
            let name = label.title ?? String((label.text ?? "").prefix(30))
            for id in asked.intersection(Set(label.notSkills ?? [])) { scores.trapsHit.append("\(name): \(id)") }
            for id in gold.subtracting(asked).sorted() { scores.misses.append("\(name): missed \(id)") }
            for id in asked.subtracting(gold).sorted() {
                let m = analysis.skills.first { $0.skill.id == id }
                scores.misses.append("\(name): extra \(id) «\(m.map { String($0.evidence[$0.matched]) } ?? "")» in \(m?.section.rawValue ?? "")")
            }
            let r = analysis.requirements
            let checks = [
                r.mlsRequired == label.requirements.mlsRequired,
                r.minYearsExperience == label.requirements.minYearsExperience,
                Set(r.certifications) == Set(label.requirements.certifications),
                Set(r.languages) == Set(label.requirements.languages),
            ]
            scores.requirementFields += checks.count
            scores.requirementHits += checks.filter { $0 }.count
            if !checks.allSatisfy({ $0 }) {
                scores.misses.append("\(name): requirements \(checks) got mls=\(r.mlsRequired) years=\(String(describing: r.minYearsExperience)) certs=\(r.certifications) langs=\(r.languages)")
            }
            if analysis.lean?.label.rawValue == label.lean { scores.leanHits += 1 } else {
                scores.misses.append("\(name): lean \(analysis.lean?.label.rawValue ?? "none") (expected \(label.lean))")
            }
        }
        return scores
    }

    // The floors are the measured values of this commit, rounded down: a change that lowers them
    // fails. The issue aims at precision ≥ 0.90 and recall ≥ 0.85; see the README for the figures.
    static let floorPrecision = 0.90
    static let floorRecall = 0.93
    static let floorRequirements = 0.99
    static let floorLean = 0.96
    /// Labelled traps (notSkills) the extractor still falls into; see the README.
    static let ceilingTraps = 1

    @Test("precision, recall, requirement and lean accuracy stay at or above their measured floors")
    func measured() throws {
        let s = try Self.score()
        print(String(format: "labelled set: %d postings; skills precision %.3f recall %.3f (%d/%d/%d); requirements %.3f; lean %.3f; traps hit %d",
                     s.postings, s.precision, s.recall, s.truePositives, s.predicted, s.gold, s.requirementAccuracy, s.leanAccuracy, s.trapsHit.count))
        if ProcessInfo.processInfo.environment["STACKSFIT_LABEL_DETAILS"] != nil {
            for line in s.misses + s.trapsHit.map({ "TRAP " + $0 }) { print("  " + line) }
        }
        #expect(s.postings >= 20)
        #expect(s.precision >= Self.floorPrecision)
        #expect(s.recall >= Self.floorRecall)
        #expect(s.requirementAccuracy >= Self.floorRequirements)
        #expect(s.leanAccuracy >= Self.floorLean)
        #expect(s.trapsHit.count <= Self.ceilingTraps, "\(s.trapsHit)")
    }
}
