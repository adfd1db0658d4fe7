import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit gaps`: the missing skills that would raise a candidate's fit most across a set of postings.
struct Gaps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which missing skills would raise the fit most across the postings, and whether a course or work would do it.",
        discussion: """
        Each skill the postings ask for and the profile lacks (or has weakly) is tested by rescoring every posting \
        with one advanced course, and with one year of full-time library work, added to the profile. Gains are score points.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var profileOptions: ProfileOptions

    @Option(name: .shortAndLong, help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Option(name: .long, help: "How many skills to show.")
    var top: Int = 6

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() async throws {
        let extractor = try taxonomyOptions.extractor()
        let weights = try profileOptions.scoringWeights()
        let candidate = try profileOptions.candidate(extractor)
        let (postings, problems) = await inputOptions.readPostings()
        let ranker = Ranker(extractor: extractor, weights: weights)
        let fits = ranker.rank(ranker.prepare(postings), for: candidate)
        let advice = GapAdvisor(taxonomy: extractor.taxonomy, weights: weights).advise(candidate, fits: fits, considered: max(12, top * 2), limit: top)
        switch format {
        case .text: Output().write(GapsReport.text(advice, candidate: candidate, postings: fits.count))
        case .markdown: Output().write(GapsReport.markdown(advice, candidate: candidate, postings: fits.count))
        case .json: Output().write(try GapsReport.json(advice, candidate: candidate, postings: fits.count))
        }
        try Diagnostics.finish(problems, jsonLines: false)
    }
}
