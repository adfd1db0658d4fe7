import ArgumentParser
import Foundation
import StacksFit

/// `--profile P` and `--weights FILE`, for the commands that score a candidate.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The candidate: a stacksfit YAML profile or a JSON Resume.", valueName: "file"))
    var profile: String

    @Option(name: .long, help: ArgumentHelp("Scoring weights (JSON) to use instead of the defaults.", valueName: "file"))
    var weights: String?

    func scoringWeights() throws -> ScoringWeights {
        do { return try weights.map(ScoringWeights.load(contentsOf:)) ?? ScoringWeights() } catch let error as Taxonomy.LoadError {
            throw ValidationError(error.description)
        }
    }

    /// The candidate analysed; a bad profile is an error naming file, line and column (exit 1).
    func candidate(_ extractor: SkillExtractor) throws -> CandidateAnalysis {
        do {
            let result = try ProfileReader.read(contentsOf: profile)
            Diagnostics.report(result.warnings, jsonLines: false)
            return CandidateAnalyzer(extractor: extractor).analyse(result.profile)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
