import Foundation
import Testing
@testable import StacksFit

@Suite("Scoring principles")
struct FitScorerTests {
    static let taxonomy = try? Taxonomy.bundled()

    private func extractor() throws -> SkillExtractor { SkillExtractor(taxonomy: try #require(Self.taxonomy)) }

    private func candidate(_ yaml: String) throws -> CandidateAnalysis {
        CandidateAnalyzer(extractor: try extractor(), today: ProfileDate(year: 2026, month: 11, day: 29))
            .analyse(try ProfileReader.read(yaml, file: "c.yaml").profile)
    }

    private func posting(_ sections: [(PostingSection.Kind, String)], closing: PostingDate? = nil, title: String = "Librarian") -> JobPosting {
        var p = JobPosting(id: title, source: PostingSource(input: "t", format: .html, index: 0))
        p.title = title
        p.sections = sections.map { PostingSection(kind: $0.0, heading: nil, text: $0.1) }
        p.text = sections.map(\.1).joined(separator: "\n")
        p.validThrough = closing
        return p
    }

    private func score(_ c: CandidateAnalysis, _ p: JobPosting) throws -> Fit {
        let e = try extractor()
        return FitScorer(candidate: c, taxonomy: e.taxonomy).score(p, analysis: e.analyse(p))
    }

    static let cataloger = """
    name: C
    degrees: [{title: MLIS, status: completed, date: 2018}]
    experience:
      - title: Cataloging Librarian
        kind: professional
        start: 2019-01
        end: present
        duties: [Original cataloging using RDA and MARC 21, Authority control and NACO work]
    """

    @Test("components add up to the score, which stays within 0-100")
    func addsUp() throws {
        let fit = try score(try candidate(Self.cataloger), posting([(.required, "Original cataloging experience with RDA."), (.duties, "Staffs the reference desk.")]))
        let sum = fit.components.reduce(0) { $0 + $1.points }
        #expect(abs(sum - fit.score) < 0.051)
        #expect(fit.score >= 0 && fit.score <= 100)
    }

    @Test("a requirement in the required section weighs more than the same one in the preferred section")
    func sectionWeights() throws {
        let c = try candidate(Self.cataloger)
        let required = try score(c, posting([(.required, "Original cataloging with RDA."), (.preferred, "Storytime experience.")]))
        let preferred = try score(c, posting([(.preferred, "Original cataloging with RDA."), (.required, "Storytime experience.")]))
        #expect(required.score > preferred.score)
    }

    @Test("related skills earn partial credit, never full")
    func partialCredit() throws {
        let c = try candidate("""
        name: R
        experience:
          - title: Cataloger
            kind: professional
            start: 2015
            end: present
            duties: [RDA and MARC 21 records every day]
        """)
        let fit = try score(c, posting([(.required, "Experience with BIBFRAME and linked data.")]))
        for match in fit.matched where match.via != nil { #expect(match.credit <= 0.5) }
    }

    @Test("alternatives in one sentence count as one requirement, met by the best of them; a narrower skill earns up to 0.8")
    func alternatives() throws {
        let c = try candidate("""
        name: A
        experience:
          - title: Library Systems Librarian
            kind: professional
            start: 2018
            end: present
            duties: [Administers Alma and writes Alma Analytics reports]
        """)
        let fit = try score(c, posting([(.required, "Experience administering an integrated library system such as FOLIO, Koha, Sierra or Alma.")]))
        let alternatives = fit.matched.filter { ["folio", "koha", "sierra-millennium", "alma"].contains($0.skill.id) }
        #expect(alternatives.count >= 3)
        #expect(alternatives.allSatisfy { $0.credit > 0.9 })
        #expect(fit.missing.filter { ["folio", "koha", "sierra-millennium"].contains($0.skill.id) }.isEmpty)
        let general = try #require(fit.matched.first { $0.skill.id == "ils-lsp-administration" })
        #expect(general.credit > 0.5 && general.credit <= 0.8)
    }

    @Test("'N years of professional experience' counts professional years only")
    func professionalYears() throws {
        let c = try candidate("""
        name: P
        experience:
          - title: Library Assistant
            kind: paraprofessional
            start: 2015
            end: present
            duties: [Copy cataloging with RDA]
        """)
        let professional = try score(c, posting([(.required, "Three years of professional cataloging experience.")]))
        let any = try score(c, posting([(.required, "Three years of cataloging experience.")]))
        #expect(professional.gates.first { $0.kind == .years }?.passed == false)
        #expect(any.gates.first { $0.kind == .years }?.passed == true)
    }

    @Test("--weights: any subset of keys over the defaults; an unknown key is refused with its name")
    func weightsFile() throws {
        let dir = FileManager.default.temporaryDirectory
        let good = dir.appendingPathComponent("sf-w-\(UUID().uuidString).json"), bad = dir.appendingPathComponent("sf-w-\(UUID().uuidString).json")
        try Data("{\"goal\": 20, \"degreePenalty\": 0.5}".utf8).write(to: good)
        try Data("{\"golf\": 1}".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: good); try? FileManager.default.removeItem(at: bad) }
        let weights = try ScoringWeights.load(contentsOf: good.path)
        #expect(weights.goal == 20 && weights.degreePenalty == 0.5)
        #expect(weights.skills == ScoringWeights().skills)
        #expect(try JSONDecoder().decode(ScoringWeights.self, from: JSONEncoder().encode(weights)) == weights)
        #expect { try ScoringWeights.load(contentsOf: bad.path) } throws: { "\($0)".contains("unknown weight 'golf'") }
        // Out of range: a negative or huge weight, a penalty above 1, no strength for full credit.
        for (json, key) in [("{\"skills\": -5}", "skills"), ("{\"goal\": 1e308}", "goal"), ("{\"degreePenalty\": 1.5}", "degreePenalty"),
                            ("{\"fullCreditStrength\": 0}", "fullCreditStrength")] {
            try Data(json.utf8).write(to: bad)
            #expect { try ScoringWeights.load(contentsOf: bad.path) } throws: { "\($0)".contains("weight '\(key)' must be a number from 0") }
        }
    }

    @Test("degree gate: in progress before the likely start passes and says so; after it fails")
    func degreeInProgress() throws {
        let c = try candidate("""
        name: S
        degrees: [{title: MLIS, status: in-progress, date: 2027-05}]
        experience: [{title: Cataloging Assistant, start: 2024-01, end: present, duties: [Copy cataloging with RDA]}]
        """)
        let asks: [(PostingSection.Kind, String)] = [(.required, "ALA-accredited MLS required. Copy cataloging with RDA.")]
        let late = try score(c, posting(asks, closing: PostingDate(year: 2027, month: 4, day: 1)))
        let early = try score(c, posting(asks, closing: PostingDate(year: 2026, month: 12, day: 1)))
        #expect(late.gates.first { $0.kind == .degree }?.passed == true)
        #expect(late.gates.first { $0.kind == .degree }?.detail.contains("expected 2027-05") == true)
        #expect(early.gates.first { $0.kind == .degree }?.passed == false)
        #expect(late.score > early.score)
    }

    @Test("certification and years gates fail with stated shares; supervision too")
    func gates() throws {
        let c = try candidate(Self.cataloger)
        let plain = try score(c, posting([(.required, "Original cataloging with RDA.")]))
        let certified = try score(c, posting([(.required, "Original cataloging with RDA. Valid state school library media certification and a teaching certificate.")]))
        #expect(certified.gates.filter { $0.kind == .certification && !$0.passed }.count == 2)
        #expect(certified.score < plain.score * 0.5)
        let senior = try score(c, posting([(.required, "Original cataloging with RDA. At least fifteen (15) years of professional experience, including two in a supervisory role.")]))
        #expect(senior.gates.contains { $0.kind == .years && !$0.passed })
        #expect(senior.gates.contains { $0.kind == .supervision && !$0.passed })
        #expect(senior.components.contains { $0.name == "gate:years" && $0.detail.contains("−20%") })
    }

    @Test("the goal side is a separate, visible component")
    func goal() throws {
        let user = try candidate(Self.cataloger + "\ngoal: user\n")
        let tech = try candidate(Self.cataloger + "\ngoal: technical\n")
        let p = posting([(.required, "Original cataloging with RDA and MARC 21.")])
        let forUser = try score(user, p), forTech = try score(tech, p)
        #expect(forTech.components.first { $0.name == "goal" }!.points > forUser.components.first { $0.name == "goal" }!.points)
        #expect(forTech.components.first { $0.name == "skills" }!.points == forUser.components.first { $0.name == "skills" }!.points)
    }

    @Test("ranking is deterministic, merges duplicates, and filters")
    func ranking() throws {
        let e = try extractor()
        let c = try candidate(Self.cataloger)
        var a = posting([(.required, "Original cataloging with RDA and MARC 21 for our growing special collections of rare books and manuscripts, with authority control.")], title: "Cataloger")
        a.url = "https://jobs.example.org/1"
        var b = a
        b.source = PostingSource(input: "other.rss", format: .rss2, index: 3)
        b.url = "https://jobs.example.org/1/"
        var remote = posting([(.required, "Staffs the reference desk and teaches information literacy.")], title: "Reference")
        remote.location = Place(city: nil, region: nil, country: "US", remote: true)
        remote.salary = Salary(min: 20, max: 25, currency: "USD", period: .hour)
        let ranker = Ranker(extractor: e)
        let first = ranker.rank([a, remote, b], for: c)
        let second = ranker.rank([a, remote, b], for: c)
        #expect(first.count == 2)
        #expect(first.map(\.posting.id) == second.map(\.posting.id))
        #expect(first.first { $0.posting.title == "Cataloger" }?.duplicates.map(\.input) == ["other.rss"])
        var filter = PostingFilter()
        filter.remoteOnly = true
        #expect(ranker.rank([a, remote], for: c, filter: filter).map(\.posting.title) == ["Reference"])
        filter = PostingFilter()
        filter.minimumAnnualSalary = 60_000
        #expect(ranker.rank([remote], for: c, filter: filter).isEmpty) // 25/hour × 2,080 = 52,000
    }

    @Test("near-identical text is one posting; different postings are not")
    func simhash() {
        let text = String(repeating: "Original cataloging of print and electronic resources using RDA MARC 21 and LCSH in OCLC Connexion. ", count: 4)
        var a = JobPosting(id: "a", source: PostingSource(input: "a", format: .rss2, index: 0))
        a.title = "Cataloger"; a.text = text
        var b = JobPosting(id: "b", source: PostingSource(input: "b", format: .html, index: 0))
        b.title = "Cataloger"; b.text = text + " Apply by March 1."
        var c = JobPosting(id: "c", source: PostingSource(input: "c", format: .html, index: 0))
        c.title = "Teen Librarian"; c.text = String(repeating: "Plans teen programs, gaming nights, anime club and summer reading for young adults at the branch. ", count: 4)
        #expect(Deduplicator.groups([a, b, c]) == [[0, 1], [2]])
    }

    @Test("the quick score, from a shared plan, equals the full score for every example profile and posting")
    func quickScoreIsTheScore() async throws {
        let examples = try await Examples.load()
        for candidate in examples.candidates {
            let scorer = FitScorer(candidate: candidate, taxonomy: examples.extractor.taxonomy)
            for posting in examples.postings {
                let analysis = examples.extractor.analyse(posting)
                let plan = FitScorer.plan(analysis, taxonomy: examples.extractor.taxonomy, weights: ScoringWeights())
                let full = scorer.score(posting, analysis: analysis)
                #expect(scorer.quickScore(posting, analysis: analysis, plan: plan) == full.score, "\(candidate.profile.name): \(posting.title ?? "")")
                #expect(scorer.failedGates(posting, analysis: analysis) == full.gates.filter { !$0.passed }.map(\.kind))
            }
        }
    }
}
