import ArgumentParser
import StacksFit

/// `--index` / `--id`: which posting of a feed a one-posting command works on.
struct PostingChoice: ParsableArguments {
    @Option(name: .long, help: "Which posting of a feed, from 1.")
    var index: Int?

    @Option(name: .long, help: "Which posting of a feed, by its id (guid or URL).")
    var id: String?

    func validate() throws {
        if index != nil && id != nil { throw ValidationError("choose a posting with --index or --id, not both") }
    }

    /// The chosen posting, or nil with an error problem; a warning when several were read and none chosen.
    func choose(from postings: [JobPosting], inputs: [String]) -> (JobPosting?, [Problem]) {
        let input = inputs.joined(separator: " ")
        if let id {
            let chosen = postings.first { $0.id == id || $0.guid == id || $0.url == id }
            return (chosen, chosen == nil ? [Problem(input: input, severity: .error, message: "no posting with id '\(id)'")] : [])
        }
        if let index {
            let chosen = index >= 1 && index <= postings.count ? postings[index - 1] : nil
            return (chosen, chosen == nil ? [Problem(input: input, severity: .error, message: "no posting number \(index) (there are \(postings.count))")] : [])
        }
        guard postings.count > 1 else { return (postings.first, []) }
        return (postings.first, [Problem(input: input, severity: .warning,
                                         message: "\(postings.count) postings read; using the first (choose with --index or --id)")])
    }
}
