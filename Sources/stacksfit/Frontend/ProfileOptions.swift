import ArgumentParser
import Foundation
import StacksFit

/// `--weights FILE`, for every command that scores.
struct WeightsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Scoring weights (JSON) to use instead of the defaults.", valueName: "file"))
    var weights: String?

    /// The weights in the file, or the defaults; a bad file is a usage error (exit 2).
    func scoringWeights() throws -> ScoringWeights {
        do { return try weights.map(ScoringWeights.load(contentsOf:)) ?? ScoringWeights() } catch let error as Taxonomy.LoadError {
            throw ValidationError(error.description)
        }
    }
}

/// `--profile P` and `--weights FILE`, for the commands that score a candidate.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The candidate: a stacksfit YAML profile or a JSON Resume.", valueName: "file"))
    var profile: String

    @OptionGroup var weightsOptions: WeightsOptions

    func scoringWeights() throws -> ScoringWeights { try weightsOptions.scoringWeights() }

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

/// What `explain` and `talking-points` share: the candidate, and the one posting chosen from the inputs, scored.
struct ChosenFit {
    var fit: Fit?
    var candidate: CandidateAnalysis
    var extractor: SkillExtractor
    var weights: ScoringWeights
    /// Problems reading the inputs or choosing the posting.
    var problems: [Problem]

    static func score(_ profile: ProfileOptions, _ choice: PostingChoice, _ inputs: InputOptions, _ taxonomy: TaxonomyOptions) async throws -> ChosenFit {
        let extractor = try taxonomy.extractor()
        let weights = try profile.scoringWeights()
        let candidate = try profile.candidate(extractor)
        let (postings, read) = await inputs.readPostings()
        let (chosen, choosing) = choice.choose(from: postings, inputs: inputs.inputs)
        let fit = chosen.map { FitScorer(candidate: candidate, taxonomy: extractor.taxonomy, weights: weights).score($0, analysis: extractor.analyse($0)) }
        return ChosenFit(fit: fit, candidate: candidate, extractor: extractor, weights: weights, problems: read + choosing)
    }
}
