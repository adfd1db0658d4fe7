import ArgumentParser
import Foundation

/// `stacksfit`: find the library jobs you fit, and say why.
@main
struct StacksFitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stacksfit",
        abstract: "Find the library and information science jobs you fit, and say why.",
        discussion: """
        Reads job postings from RSS/Atom feeds and HTML pages (files, folders, URLs or standard input).
        Exit status: 0 when every input was read, 1 when some input failed, 2 for usage errors.
        """,
        version: "0.1.0",
        subcommands: [Rank.self, Explain.self, TalkingPointsCommand.self, Gaps.self, Report.self, Market.self, Parse.self, Skills.self, Profile.self]
    )

    /// Runs the command, with usage errors exiting 2 (argument-parser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
