import Foundation
import Testing
@testable import StacksFit

@Suite("Market and gap advice")
struct MarketAndGapsTests {
    static func posting(_ title: String, _ text: String, salary: Salary? = nil, url: String? = nil) -> JobPosting {
        var p = JobPosting(id: title, source: PostingSource(input: title, format: .html, index: 0))
        p.title = title
        p.url = url
        p.sections = [PostingSection(kind: .required, heading: nil, text: text)]
        p.text = text
        p.salary = salary
        return p
    }

    @Test("the market over the bundled listings adds up, and counts each skill once per posting outside boilerplate")
    func marketOverListings() async throws {
        let examples = try await Examples.load()
        let prepared = Ranker(extractor: examples.extractor).prepare(examples.postings)
        let market = MarketSummary(prepared)
        #expect(market.postings == 21)
        #expect(market.technical + market.user + market.mixed + market.unplaced == market.postings)
        #expect(market.technical >= 4 && market.user >= 6)
        let mls = prepared.filter(\.analysis.requirements.mlsRequired).count
        #expect(abs(market.mlsRequired - Double(mls) / 21) < 1e-9)
        let reference = try #require(market.skills.first { $0.skill.id == "reference-services" })
        let asking = prepared.filter { $0.analysis.mentions.contains { $0.skill.id == "reference-services" && $0.weight > SkillExtractor.boilerplateWeight } }.count
        #expect(reference.postings == asking)
        #expect(market.skills.map(\.postings) == market.skills.map(\.postings).sorted(by: >))
        let yearly = try #require(market.salary[.year])
        #expect(yearly.min <= yearly.median && yearly.median <= yearly.max)
        // The one Canadian-dollar salary is left out of the US-dollar range, and counted as left out.
        #expect(yearly.currency == "USD" && yearly.otherCurrency == 1)
        #expect(yearly.postings + yearly.otherCurrency == prepared.filter { $0.posting.salary?.period == .year }.count)
    }

    @Test("pay ranges: each posting counts at the middle of its range, by side; duplicates count once")
    func salaryBySide() throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let cataloging = "Original cataloging with RDA, MARC 21 and LCSH; authority control."
        let reference = "Staff the reference desk, teach information literacy instruction sessions and plan outreach programs."
        let postings = [
            Self.posting("A", cataloging, salary: Salary(min: 50000, max: 60000, currency: "USD", period: .year), url: "https://x/a"),
            Self.posting("B", cataloging, salary: Salary(min: 70000, max: nil, currency: "USD", period: .year), url: "https://x/b"),
            Self.posting("C", reference, salary: Salary(min: 40000, max: 50000, currency: "USD", period: .year), url: "https://x/c"),
            Self.posting("C again", reference, salary: Salary(min: 40000, max: 50000, currency: "USD", period: .year), url: "https://x/c"),
            Self.posting("D", reference, salary: Salary(min: 20, max: 22, currency: "USD", period: .hour), url: "https://x/d"),
            Self.posting("E", reference + " Also outreach.", salary: Salary(min: 35_000, max: nil, currency: "USD", period: .hour), url: "https://x/e"),
        ]
        let market = MarketSummary(Ranker(extractor: extractor).prepare(postings))
        #expect(market.postings == 5)
        #expect(market.duplicatesMerged == 1)
        #expect(market.technical == 2 && market.user == 3)
        #expect(market.salary[.year] == .init(min: 45000, median: 55000, max: 70000, postings: 3, currency: "USD"))
        #expect(market.salaryBySide[.technical]?[.year] == .init(min: 55000, median: 62500, max: 70000, postings: 2, currency: "USD"))
        // "$35,000 an hour" is a misreading: left out of the range, and counted.
        #expect(market.salaryBySide[.user]?[.hour] == .init(min: 21, median: 21, max: 21, postings: 1, currency: "USD", implausible: 1))
        #expect(market.salary[.hour]?.implausible == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(market.json().utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["postings"] as? Int == 5)
        #expect((json["lean"] as? [String: Int])?["technical"] == 2)
        #expect(((json["salary"] as? [String: Any])?["YEAR"] as? [String: Any])?["median"] as? Double == 55000)
        #expect((json["skills"] as? [[String: Any]])?.first?["skill"] is String)
    }

    @Test("gap advice: gains are what rescoring gives, the best first, and never for a skill already held in full")
    func gapsAreRescored() async throws {
        let examples = try await Examples.load()
        let maya = try examples.candidate("maya-okafor.yaml")
        let ranker = Ranker(extractor: examples.extractor)
        let fits = ranker.rank(ranker.prepare(examples.postings), for: maya)
        let advisor = GapAdvisor(taxonomy: examples.extractor.taxonomy)
        let advice = advisor.advise(maya, fits: fits)
        #expect(!advice.isEmpty && advice.count <= 6)
        let overall = advice.map { max($0.courseGainOverall, $0.workGainOverall) }
        #expect(overall == overall.sorted(by: >))
        for a in advice {
            #expect((maya.strength(of: a.skill.id)?.strength ?? 0) < 0.55, "\(a.skill.id) is already held in full")
            #expect(a.workGain >= a.courseGain, "a year of work is stronger evidence than one course")
        }
        // Recompute the first advice's course gain by hand.
        let first = try #require(advice.first)
        let course = SkillEvidence(kind: .course, title: "c", organization: nil, detail: "", sentence: nil, strength: advisor.courseStrength)
        let scorer = FitScorer(candidate: maya.adding(first.skill, course), taxonomy: examples.extractor.taxonomy)
        let total = fits.reduce(0.0) { $0 + scorer.score($1.posting, analysis: $1.analysis).score - $1.score }
        #expect(abs(total / Double(fits.count) - first.courseGainOverall) < 1e-9)
        #expect(first.sentence.contains("\(first.postings) posting"))
    }

    @Test("a cataloger looking at reference jobs is told to gain user-services skills")
    func catalogerGaps() throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let profile = try ProfileReader.read("""
        name: C
        degrees: [{title: MLIS, status: completed, date: 2018}]
        experience:
          - {title: Cataloging Librarian, kind: professional, start: 2019-01, end: present, duties: [Original cataloging using RDA and MARC 21]}
        """, file: "c.yaml").profile
        let candidate = CandidateAnalyzer(extractor: extractor, today: Examples.today).analyse(profile)
        let postings = (1...3).map { Self.posting("R\($0)", "Staff the reference desk and answer research questions; teach information literacy instruction sessions; cataloging of gifts.") }
        let ranker = Ranker(extractor: extractor)
        let advice = GapAdvisor(taxonomy: extractor.taxonomy).advise(candidate, fits: ranker.rank(ranker.prepare(postings), for: candidate))
        #expect(advice.first?.skill.side == .user)
        #expect(!advice.contains { $0.skill.id == "cataloging" })
        #expect(advice.allSatisfy { $0.postings == 3 })
    }

    @Test("a period whose every figure is implausible still reports them; other currencies are not judged by dollar bounds")
    func implausibleOnly() throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let text = "Staff the reference desk and teach information literacy instruction sessions."
        let postings = [
            Self.posting("A", text, salary: Salary(min: 2, max: 3, currency: "USD", period: .hour), url: "https://x/a"),
            Self.posting("B", text + " Outreach.", salary: Salary(min: 5_000_000, max: 6_000_000, currency: "JPY", period: .year), url: "https://x/b"),
            Self.posting("C", text + " Storytime.", salary: Salary(min: 5_500_000, max: 5_500_000, currency: "JPY", period: .year), url: "https://x/c"),
        ]
        let market = MarketSummary(Ranker(extractor: extractor).prepare(postings))
        #expect(market.salary[.hour] == nil)
        #expect(market.salaryImplausible[.hour] == 1)
        #expect(market.salary[.year]?.currency == "JPY" && market.salary[.year]?.postings == 2 && market.salary[.year]?.implausible == 0)
        #expect(market.text().contains("hourly: no believable figure (1 implausible left out)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(market.json().utf8)) as? [String: Any])
        #expect((json["salaryImplausible"] as? [String: Int])?["HOUR"] == 1)
    }

    @Test("with no postings, gap advice says so rather than that nothing is missing")
    func noPostings() throws {
        let extractor = SkillExtractor(taxonomy: try Taxonomy.bundled())
        let candidate = CandidateAnalyzer(extractor: extractor, today: Examples.today)
            .analyse(try ProfileReader.read("name: C\nskills: [cataloging]\n", file: "c.yaml").profile)
        let advice = GapAdvisor(taxonomy: extractor.taxonomy).advise(candidate, fits: [])
        #expect(advice.isEmpty)
        #expect(GapsReport.text(advice, candidate: candidate, postings: 0).contains("No postings were read"))
        #expect(PersonReport(candidate: candidate, fits: [], gaps: []).html().contains("No postings were read"))
        #expect(MarketSummary([]).text().hasPrefix("Market: 0 postings"))
    }
}
