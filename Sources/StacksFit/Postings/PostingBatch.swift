import Foundation

/// Reads and parses many inputs at once, on all cores, keeping their order.
public enum PostingBatch {
    /// Loads and parses every input; one bad input never stops the others.
    /// - Returns: one result per input, in the order given; an input that could not be read gives a
    ///   result with no postings and an error problem.
    public static func parse(_ inputs: [Input], limits: InputLimits = InputLimits(),
                             concurrency: Int = Parallel.width) async -> [PostingParser.Result] {
        var results = [PostingParser.Result](repeating: PostingParser.Result(), count: inputs.count)
        await withTaskGroup(of: (Int, PostingParser.Result).self) { group in
            var next = 0
            func launch() {
                guard next < inputs.count else { return }
                let index = next
                let input = inputs[index]
                next += 1
                group.addTask { (index, await parseOne(input, limits: limits)) }
            }
            for _ in 0..<max(1, concurrency) { launch() }
            while let (index, result) = await group.next() {
                results[index] = result
                launch()
            }
        }
        return results
    }

    /// Loads and parses one input.
    public static func parseOne(_ input: Input, limits: InputLimits) async -> PostingParser.Result {
        switch await load(input, limits: limits) {
        case .success(let loaded):
            return PostingParser.parse(loaded.bytes, input: input.name, baseURI: loaded.baseURI, httpCharset: loaded.httpCharset)
        case .failure(let problem):
            return PostingParser.Result(postings: [], problems: [problem])
        }
    }

    /// Loads and parses one input, handing each posting to `emit` as soon as it is read (a large feed
    /// streams item by item and nothing accumulates).
    /// - Returns: the problems met.
    public static func parseOne(_ input: Input, limits: InputLimits, emit: (JobPosting) -> Void) async -> [Problem] {
        switch await load(input, limits: limits) {
        case .success(let loaded):
            return PostingParser.parse(loaded.bytes, input: input.name, baseURI: loaded.baseURI, httpCharset: loaded.httpCharset,
                                       emit: emit).problems
        case .failure(let problem):
            return [problem]
        }
    }

    /// The input's bytes, or the problem that stopped reading them.
    private static func load(_ input: Input, limits: InputLimits) async -> Result<LoadedInput, Problem> {
        do {
            return .success(try await input.load(limits: limits))
        } catch let error as InputError {
            return .failure(Problem(input: input.name, severity: .error, message: error.message))
        } catch {
            return .failure(Problem(input: input.name, severity: .error, message: "\(error)"))
        }
    }
}
