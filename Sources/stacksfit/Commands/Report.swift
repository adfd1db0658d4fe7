import ArgumentParser
import Foundation
import StacksFit

/// `stacksfit report`: a career centre's batch over a whole cohort and a whole market.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank every profile of a folder against the postings: a report per student, a cohort index, pairs.csv and summary.json.",
        discussion: """
        Writes into OUT: <profile>.html and <profile>.md for each profile (YAML or JSON Resume) in the folder, \
        index.html (students × best postings, the cohort's leans against the market's, the skills the market asks \
        for against how many students have them), pairs.csv (one row per profile × posting) and summary.json. \
        Runs on all cores. A profile that cannot be read is reported with its file and line, and the batch goes on.
        """
    )

    @Option(name: .long, help: ArgumentHelp("A folder of profiles (searched recursively for .yaml, .yml and .json).", valueName: "dir"))
    var profiles: String

    @Option(name: .long, help: ArgumentHelp("The folder to write the reports into (created when missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "How many postings each student's report shows in full (pairs.csv always has them all).")
    var top: Int = 25

    @OptionGroup var weightsOptions: WeightsOptions

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() async throws {
        let extractor = try taxonomyOptions.extractor()
        let scoring = try weightsOptions.scoringWeights()
        let folder = URL(fileURLWithPath: out)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            FileHandle.standardError.write(Data("\(out): cannot create the output folder: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        let files: [String]
        do { files = try CohortBatch.profiles(in: profiles) } catch {
            FileHandle.standardError.write(Data("\(String(describing: error))\n".utf8))
            throw ExitCode(1)
        }
        var problems: [Problem] = []
        if files.isEmpty { problems.append(Problem(input: profiles, severity: .error, message: "no profiles (.yaml, .yml, .json) in this folder")) }

        let (postings, read) = await inputOptions.readPostings()
        problems += read
        let ranker = Ranker(extractor: extractor, weights: scoring)
        let prepared = ranker.prepare(postings)
        var batch = CohortBatch(extractor: extractor, weights: scoring)
        batch.reportTop = top
        let progress = Progress(total: files.count)
        let writeFailures = Failures()
        let (members, profileProblems) = batch.run(profiles: files, prepared: prepared) { member in
            if let member {
                let report = PersonReport(candidate: member.candidate, fits: member.best, gaps: member.gaps, weights: scoring, postingsRanked: prepared.count)
                do {
                    try Data(report.html().utf8).write(to: folder.appendingPathComponent(member.slug + ".html"))
                    try Data(report.markdown().utf8).write(to: folder.appendingPathComponent(member.slug + ".md"))
                } catch {
                    writeFailures.add(Problem(input: member.file, severity: .error, message: "could not write its report: \(error.localizedDescription)"))
                }
            }
            progress.step()
        }
        progress.finish()
        problems += profileProblems + writeFailures.all
        let cohort = CohortReport(members: members, prepared: prepared, problems: problems, profilesRead: files.count)
        do {
            try Data(cohort.indexHTML().utf8).write(to: folder.appendingPathComponent("index.html"))
            try cohort.writePairs(to: folder.appendingPathComponent("pairs.csv"))
            try Data(cohort.summaryJSON().utf8).write(to: folder.appendingPathComponent("summary.json"))
        } catch {
            FileHandle.standardError.write(Data("\(out): could not write the cohort report: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("report: \(members.count) of \(files.count) profiles × \(prepared.count) postings written to \(out)/ (index.html, pairs.csv, summary.json)\n".utf8))
        try Diagnostics.finish(problems, jsonLines: false)
    }
}

/// Problems met on worker threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var problems: [Problem] = []
    func add(_ p: Problem) { lock.lock(); problems.append(p); lock.unlock() }
    var all: [Problem] { lock.lock(); defer { lock.unlock() }; return problems }
}

/// A progress bar on a terminal; quiet lines (every tenth) when standard error is not one.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private var lastLine = -1
    private let terminal = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    func step() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if terminal {
            let width = 30, filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r  \(bar) \(done)/\(total) profiles".utf8))
        } else {
            let tenth = total == 0 ? 10 : done * 10 / total
            if tenth > lastLine && (tenth < 10 || done == total) {
                lastLine = tenth
                FileHandle.standardError.write(Data("report: \(done) of \(total) profiles done\n".utf8))
            }
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if terminal && total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
