import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit rank`: the postings a candidate fits best, and why.
struct Rank: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank postings by how well a candidate fits them, with reasons.",
        discussion: """
        Each score (0-100) adds up from components: skills (what the posting asks, weighted by section, \
        against the candidate's evidence from work and coursework), experience, requirements met, the \
        candidate's goal side, and penalties for failed gates (degree, certification, years, supervision). \
        The same posting from several feeds is ranked once.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown, html }

    @OptionGroup var profileOptions: ProfileOptions

    @Option(name: .shortAndLong, help: "Output format: table, json, csv, markdown or html (markdown and html are full reports, with explanations, a chart and gap advice).")
    var format: Format = .table

    @Option(name: .long, help: "Show only the best N postings.")
    var top: Int?

    @Flag(name: .long, help: "Only remote postings.")
    var remote = false

    @Option(name: .long, help: ArgumentHelp("Only postings in this region (postal code such as NY; repeatable).", valueName: "code"))
    var region: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only postings paying at least this much a year (hourly pay × 2,080).", valueName: "amount"))
    var minSalary: Double?

    @Option(name: .long, help: ArgumentHelp("Only this employment type (FULL_TIME, PART_TIME, …; repeatable).", valueName: "type"))
    var type: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only postings posted on or after this date (YYYY-MM-DD).", valueName: "date"))
    var postedSince: String?

    @Option(name: .long, help: ArgumentHelp("Only postings closing on or after this date (YYYY-MM-DD).", valueName: "date"))
    var closingAfter: String?

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func filter() throws -> PostingFilter {
        var filter = PostingFilter()
        filter.remoteOnly = remote
        filter.regions = Set(region.map { $0.uppercased() })
        filter.minimumAnnualSalary = minSalary
        for t in type {
            guard let parsed = EmploymentType(describing: t) else { throw ValidationError("--type '\(t)' is not an employment type (FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER)") }
            filter.employmentTypes.insert(parsed)
        }
        if let postedSince {
            guard let date = DateParser.parse(postedSince) else { throw ValidationError("--posted-since '\(postedSince)' is not a date (YYYY-MM-DD)") }
            filter.postedSince = date
        }
        if let closingAfter {
            guard let date = DateParser.parse(closingAfter) else { throw ValidationError("--closing-after '\(closingAfter)' is not a date (YYYY-MM-DD)") }
            filter.closingAfter = date
        }
        return filter
    }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() async throws {
        let extractor = try taxonomyOptions.extractor()
        let weights = try profileOptions.scoringWeights()
        let filter = try filter()
        let candidate = try profileOptions.candidate(extractor)
        let (postings, problems) = await inputOptions.readPostings()
        let ranker = Ranker(extractor: extractor, weights: weights)
        let all = ranker.rank(ranker.prepare(postings, filter: filter), for: candidate)
        let fits = top.map { Array(all.prefix($0)) } ?? all
        let output = Output()
        switch format {
        case .table:
            let terminal = isatty(STDOUT_FILENO) == 1
            output.write(RankReport.table(fits, profile: candidate, width: terminal ? Output.terminalWidth() ?? 120 : 160))
        case .json: output.write(try RankReport.json(fits, profile: candidate, problems: problems))
        case .csv: output.write(RankReport.csv(fits))
        case .markdown, .html:
            let gaps = GapAdvisor(taxonomy: extractor.taxonomy, weights: weights).advise(candidate, fits: all)
            let report = PersonReport(candidate: candidate, fits: fits, gaps: gaps, weights: weights, problems: problems, postingsRanked: all.count)
            output.write(format == .html ? report.html() : report.markdown())
        }
        try Diagnostics.finish(problems, jsonLines: false)
    }
}

/// `stacksfit explain`: one posting's score, requirement by requirement.
struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one posting's score for a candidate, requirement by requirement.",
        discussion: "POSTING is a file or URL; in a feed, choose the posting with --index (from 1) or --id."
    )

    @OptionGroup var profileOptions: ProfileOptions

    @OptionGroup var choice: PostingChoice

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() async throws {
        let chosen = try await ChosenFit.score(profileOptions, choice, inputOptions, taxonomyOptions)
        if let fit = chosen.fit { Output().write(ExplainReport.format(fit, candidate: chosen.candidate, weights: chosen.weights)) }
        try Diagnostics.finish(chosen.problems, jsonLines: false)
    }
}
