import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit talking-points`: cover-letter points for one posting, each grounded in the profile.
struct TalkingPointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talking-points",
        abstract: "Four to six cover-letter talking points for one posting, each citing an entry of the profile.",
        discussion: """
        Points are strengths (direct evidence), bridges (experience on the other side of the technical / user \
        services divide, argued with the taxonomy's bridge sentences), gaps (stated honestly, with the related \
        work or coursework that prepares you) and the degree. Nothing is claimed that the profile does not contain. \
        POSTING is a file or URL; in a feed, choose the posting with --index (from 1) or --id.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var profileOptions: ProfileOptions

    @Option(name: .shortAndLong, help: "Output format: text, markdown or json.")
    var format: Format = .text

    @OptionGroup var choice: PostingChoice
    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() async throws {
        let chosen = try await ChosenFit.score(profileOptions, choice, inputOptions, taxonomyOptions)
        if let fit = chosen.fit {
            let candidate = chosen.candidate
            let points = TalkingPoints.points(for: fit, candidate: candidate)
            switch format {
            case .text: Output().write(TalkingPoints.text(points, fit: fit, candidate: candidate))
            case .markdown: Output().write(TalkingPoints.markdown(points, fit: fit, candidate: candidate))
            case .json: Output().write(try TalkingPoints.json(points, fit: fit, candidate: candidate))
            }
        }
        try Diagnostics.finish(chosen.problems, jsonLines: false)
    }
}
