import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit parse`: job postings out of feeds and pages, as JSON, JSON Lines or a table.
struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse job postings from RSS/Atom feeds and HTML pages.",
        discussion: """
        An INPUT is a file, a folder (read recursively; formats are recognised by content), - for \
        standard input, or an http(s):// URL. Problems are reported per input; one bad input never \
        stops the others. Exit status: 0 all read, 1 some inputs failed, 2 usage error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, table
    }

    @Option(name: .shortAndLong, help: "Output format: json, jsonl or table.")
    var format: Format = .table

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() async throws {
        let extractor = try taxonomyOptions.extractor()
        let (expanded, expandProblems) = inputOptions.expanded()
        let limits = inputOptions.limits
        var problems = expandProblems
        var postings: [JobPosting] = []
        let output = Output()

        if format == .jsonl && expanded.count == 1, case .file = expanded[0] {
            // Stream one large feed: at most one chunk of postings waits to be written.
            let result = await streamOne(expanded[0], limits: limits, extractor: extractor, output: output)
            problems += result
        } else {
            for result in await PostingBatch.parse(expanded, limits: limits) {
                postings += result.postings
                problems += result.problems
            }
            // Postings are analysed (and JSON lines encoded) on all cores, in input order.
            switch format {
            case .json:
                let analysed = zip(postings, extractor.analyse(postings)).map(AnalyzedPosting.init)
                output.write(try PostingsJSON.format(postings: analysed, problems: problems))
            case .jsonl:
                // A chunk at a time, so that lines are written as they are ready and never all held at once.
                extractor.analyse(postings) { chunk, analyses in problems += writeLines(chunk, analyses, output: output) }
            case .table:
                if !postings.isEmpty { output.write(PostingsTable.format(postings, leans: extractor.analyse(postings).map(\.lean))) }
                output.write("\(postings.count) posting\(postings.count == 1 ? "" : "s") from \(expanded.count) input\(expanded.count == 1 ? "" : "s")")
            }
        }
        try Diagnostics.finish(problems, jsonLines: format == .jsonl)
    }

    /// Writes analysed postings as JSON lines, encoded on all cores, in order; a posting that cannot be
    /// written is reported, and the others are still written.
    private func writeLines(_ postings: [JobPosting], _ analyses: [PostingAnalysis], output: Output) -> [Problem] {
        let analysed = zip(postings, analyses).map(AnalyzedPosting.init)
        var failures: [Problem] = []
        for (posting, line) in zip(postings, PostingsJSON.lines(analysed)) {
            switch line {
            case .success(let text): output.write(text)
            case .failure(let error):
                failures.append(Problem(input: posting.source.input, severity: .error, message: "could not encode a posting: \(error)"))
            }
        }
        return failures
    }

    /// Streams one feed: items are parsed one by one and written a chunk at a time, so memory stays
    /// bounded whatever the feed's size, and analysis still uses every core.
    private func streamOne(_ input: Input, limits: InputLimits, extractor: SkillExtractor, output: Output) async -> [Problem] {
        var failures: [Problem] = []
        var pending: [JobPosting] = []
        let problems = await PostingBatch.parseOne(input, limits: limits) { posting in
            pending.append(posting)
            if pending.count == SkillExtractor.chunkSize {
                failures += writeLines(pending, extractor.analyse(pending), output: output)
                pending.removeAll(keepingCapacity: true)
            }
        }
        failures += writeLines(pending, extractor.analyse(pending), output: output)
        return problems + failures
    }
}
