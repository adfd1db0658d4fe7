import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit skills`: what each posting asks for, where, and on which side of the divide.
struct Skills: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the LIS skills, requirements and lean of each posting, with evidence.",
        discussion: """
        For every posting: its lean on the technical-services / user-services divide, its requirements \
        (degrees, years of experience, certifications, languages, supervision), and a table of skills with \
        the section each came from and the sentence it was found in, the matched words marked.
        """
    )

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() async throws {
        let extractor = try taxonomyOptions.extractor()
        let (expanded, expandProblems) = inputOptions.expanded()
        var problems = expandProblems
        let output = Output()
        let terminal = isatty(STDOUT_FILENO) == 1
        let marking: SkillsReport.Marking = terminal ? .ansi : .plain
        let width = terminal ? Output.terminalWidth() ?? 120 : 160
        var postings: [JobPosting] = []
        for result in await PostingBatch.parse(expanded, limits: inputOptions.limits) {
            problems += result.problems
            postings += result.postings
        }
        // Analysed on all cores a chunk at a time; written in input order.
        var first = true
        extractor.analyse(postings) { chunk, analyses in
            for (posting, analysis) in zip(chunk, analyses) {
                if !first { output.write("") }
                first = false
                output.write(SkillsReport.format(posting, analysis, marking: marking, width: width))
            }
        }
        try Diagnostics.finish(problems, jsonLines: false)
    }
}
