import ArgumentParser
import StacksFit

/// The inputs and options every command that reads postings shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files, folders, URLs, or - for standard input.")
    var inputs: [String]

    @Option(name: .long, help: "Largest input to read, in MiB.")
    var maxSize: Int = 50

    @Option(name: .long, help: "Seconds to wait for a URL.")
    var timeout: Double = 30

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of MiB") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    var limits: InputLimits { InputLimits(maxBytes: maxSize << 20, timeout: timeout) }

    /// The inputs expanded (folders walked), with a problem for each argument that names nothing.
    func expanded() -> (inputs: [Input], problems: [Problem]) { Input.expand(inputs) }

    /// Every posting of every input, read in parallel, and every problem met on the way.
    func readPostings() async -> (postings: [JobPosting], problems: [Problem]) {
        let (expanded, problems) = expanded()
        var all = (postings: [JobPosting](), problems: problems)
        for result in await PostingBatch.parse(expanded, limits: limits) {
            all.postings += result.postings
            all.problems += result.problems
        }
        return all
    }
}
