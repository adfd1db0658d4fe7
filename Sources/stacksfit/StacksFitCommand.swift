import ArgumentParser

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
        subcommands: [Parse.self]
    )
}
