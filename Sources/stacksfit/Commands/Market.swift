import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit market`: what a set of postings asks for, with no profile.
struct Market: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a job market: postings, share on each side of the divide, skills most asked for, degree requirements, pay.",
        discussion: "Duplicates (the same posting through two feeds) are counted once. Pay is the middle of each posting's range, by period and by side."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Option(name: .shortAndLong, help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Option(name: .long, help: "How many of the most asked-for skills to list (json lists all unless given).")
    var top: Int?

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() async throws {
        let extractor = try taxonomyOptions.extractor()
        let (postings, problems) = await inputOptions.readPostings()
        let market = MarketSummary(Ranker(extractor: extractor).prepare(postings))
        switch format {
        case .text: Output().write(market.text(top: top ?? 15))
        case .markdown: Output().write(market.markdown(top: top ?? 15))
        case .json: Output().write(try market.json(top: top))
        }
        try Diagnostics.finish(problems, jsonLines: false)
    }
}
