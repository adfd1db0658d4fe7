import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit profile`: candidate profiles, in stacksfit's YAML or JSON Resume.
struct Profile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check candidate profiles, or start a new one.",
        subcommands: [Check.self, Init.self]
    )

    /// `stacksfit profile check FILE…`
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate profiles and show what stacksfit reads from them.",
            discussion: """
            For each profile: the library degree and its status, years of professional and of all library \
            work, the lean of the coursework and of the experience on the divide, every skill with its \
            strength (from work, coursework and the skills listed) and its best evidence, and anything that \
            looks missing. Errors name the file, line and column; unknown keys are warnings.
            """
        )

        @OptionGroup var taxonomyOptions: TaxonomyOptions

        @Argument(help: "Profile files (.yaml, .yml or JSON Resume .json).")
        var files: [String]

        func run() async throws {
            let analyzer = CandidateAnalyzer(extractor: try taxonomyOptions.extractor())
            let output = Output()
            var failed = false
            for (i, file) in files.enumerated() {
                if i > 0 { output.write("") }
                do {
                    let result = try ProfileReader.read(contentsOf: file)
                    output.write(ProfileReport.format(analyzer.analyse(result.profile), warnings: result.warnings))
                } catch {
                    FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    /// `stacksfit profile init`
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a commented profile template to fill in.")

        func run() throws {
            Output().write(ProfileTemplate.yaml)
        }
    }
}
