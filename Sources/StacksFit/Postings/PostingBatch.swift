import Foundation

/// Reads and parses many inputs at once, on all cores, keeping their order.
public enum PostingBatch {
    /// Loads and parses every input; one bad input never stops the others.
    /// - Returns: one result per input, in the order given; an input that could not be read gives a
    ///   result with no postings and an error problem.
    public static func parse(_ inputs: [Input], limits: InputLimits = InputLimits(),
                             concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) async -> [PostingParser.Result] {
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
        do {
            let loaded = try await input.load(limits: limits)
            return PostingParser.parse(loaded.bytes, input: input.name, baseURI: loaded.baseURI,
                                       httpCharset: loaded.httpCharset)
        } catch let error as InputError {
            return PostingParser.Result(postings: [], problems: [Problem(input: input.name, severity: .error, message: error.message)])
        } catch {
            return PostingParser.Result(postings: [], problems: [Problem(input: input.name, severity: .error, message: "\(error)")])
        }
    }
}
