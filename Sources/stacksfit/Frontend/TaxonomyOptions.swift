import ArgumentParser
import Foundation
import StacksFit

/// `--taxonomy FILE`: the skills taxonomy to use instead of the bundled one.
struct TaxonomyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A taxonomy JSON file to use instead of the bundled one.", valueName: "file"))
    var taxonomy: String?

    /// The extractor for the chosen taxonomy; a bad file is a usage error that names it.
    func extractor() throws -> SkillExtractor {
        do {
            let loaded = try taxonomy.map { try Taxonomy(contentsOf: URL(fileURLWithPath: $0)) } ?? Taxonomy.bundled()
            return SkillExtractor(taxonomy: loaded)
        } catch let error as Taxonomy.LoadError {
            throw ValidationError(error.description)
        }
    }
}
