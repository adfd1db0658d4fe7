import Foundation
import Testing
@testable import StacksFit

/// End-to-end: the built `stacksfit` binary, its output and its exit status.
@Suite("stacksfit parse (binary)", .serialized)
struct ParseCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `stacksfit` executable next to the test bundle.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // swift test runs the tests from a bundle folder on some platforms: look upward.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("stacksfit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return TestData.root.appendingPathComponent(".build/debug/stacksfit")
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = TestData.root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test("the binary exists (swift test builds it)")
    func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
    }

    @Test("json: the contract on the bundled examples, exit 0, deterministic byte for byte")
    func json() throws {
        let first = try run(["parse", "--format", "json", "Listings/"])
        #expect(first.status == 0, "\(first.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(doc["schemaVersion"] as? Int == 1)
        let postings = try #require(doc["postings"] as? [[String: Any]])
        #expect(postings.count >= 20)
        let keys: Set<String> = ["id", "title", "employer", "url", "guid", "author", "categories", "location", "employmentType",
                                 "salary", "datePosted", "dateUpdated", "validThrough", "sections", "descriptionHTML", "text", "source"]
        for posting in postings {
            #expect(keys.isSubset(of: Set(posting.keys)))
            let source = try #require(posting["source"] as? [String: Any])
            #expect(Set(["input", "format", "index", "feedTitle", "feedLink", "wellFormed"]).isSubset(of: Set(source.keys)))
            #expect((posting["title"] as? String)?.isEmpty == false)
        }
        // Absent values are null, never "".
        #expect(!first.stdout.contains(": \"\""))
        let second = try run(["parse", "--format", "json", "Listings/"])
        #expect(first.stdout == second.stdout)
    }

    @Test("jsonl: one posting per line; problems as JSON lines on standard error")
    func jsonLines() throws {
        let result = try run(["parse", "--format", "jsonl", "Listings/legacy-board.rss"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let posting = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect((posting["source"] as? [String: Any])?["wellFormed"] as? Bool == false)
        let problem = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(problem["severity"] as? String == "warning")
        #expect(problem["line"] as? Int == 6)
    }

    @Test("a single feed streamed as jsonl writes, chunk after chunk, what the batch path writes, in order")
    func streamedFeedMatchesBatch() throws {
        let items = (0..<1_100).map { k in
            "<item><title>Cataloging Librarian \(k)</title><guid>job-\(k)</guid><description>&lt;p&gt;Original cataloging in RDA and MARC 21; \(k % 7 + 1) years of experience; salary $\(50_000 + k)&lt;/p&gt;</description></item>"
        }
        let feed = "<rss version=\"2.0\"><channel><title>Board</title>" + items.joined() + "</channel></rss>"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stacksfit-stream-\(UUID().uuidString).rss")
        try Data(feed.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let streamed = try run(["parse", "--format", "jsonl", file.path])   // one file: streamed
        let batch = try run(["parse", "--format", "jsonl", file.path, file.path])  // two inputs: the batch path
        #expect(streamed.status == 0 && batch.status == 0)
        let lines = streamed.stdout.split(separator: "\n")
        #expect(lines.count == 1_100)
        #expect(lines.map(String.init) == batch.stdout.split(separator: "\n").prefix(1_100).map(String.init))
        #expect(lines.last?.contains("Cataloging Librarian 1099") == true)
    }

    @Test("standard input with -")
    func standardInput() throws {
        let feed = "<rss version=\"2.0\"><channel><item><title>Cataloger</title><description>RDA &amp; MARC</description></item></channel></rss>"
        let result = try run(["parse", "--format", "json", "-"], stdin: Data(feed.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"title\" : \"Cataloger\""))
        #expect(result.stdout.contains("\"input\" : \"-\""))
    }

    @Test("a bad input is reported with its name and the others are still read: exit 1")
    func badInputDoesNotStopTheBatch() throws {
        let result = try run(["parse", "--format", "json", "Listings/academic-jobs.rss", "no/such/file.rss"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/file.rss: error: file is not readable or does not exist"))
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((doc["postings"] as? [Any])?.count == 4)
        #expect((doc["problems"] as? [[String: Any]])?.contains { $0["input"] as? String == "no/such/file.rss" } == true)
    }

    @Test("the size limit gives a clear error")
    func sizeLimit() throws {
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("sf-big-\(UUID().uuidString).html")
        try Data(repeating: 0x61, count: 1_100_000).write(to: big)
        defer { try? FileManager.default.removeItem(at: big) }
        let result = try run(["parse", "--max-size", "1", big.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("larger than the 1 MiB limit"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try run(["parse", "--format", "xml", "Listings/"]).status == 2)
        #expect(try run(["parse", "--max-size", "0", "Listings/"]).status == 2)
        #expect(try run(["parse"]).status == 2)
    }

    @Test("json carries each posting's skills, requirements and lean")
    func analysisInJSON() throws {
        let result = try run(["parse", "--format", "json", "Listings/cataloging-librarian-jsonld.html"])
        #expect(result.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let posting = try #require((doc["postings"] as? [[String: Any]])?.first)
        let skills = try #require(posting["skills"] as? [[String: Any]])
        #expect(skills.contains { $0["id"] as? String == "rda" && $0["section"] as? String == "required" })
        #expect(skills.allSatisfy { Set(["id", "label", "side", "section", "evidence"]).isSubset(of: Set($0.keys)) })
        let requirements = try #require(posting["requirements"] as? [String: Any])
        #expect(requirements["mlsRequired"] as? Bool == true)
        #expect(requirements["minYearsExperience"] as? Int == 2)
        let lean = try #require(posting["lean"] as? [String: Any])
        #expect(lean["label"] as? String == "technical")
        let technical = try #require(lean["technical"] as? Double), user = try #require(lean["user"] as? Double)
        #expect(abs(technical + user - 1) < 0.011)
    }

    @Test("skills: lean, requirements and marked evidence; a bad taxonomy is a usage error naming the file")
    func skillsCommand() throws {
        let result = try run(["skills", "Listings/reference-instruction.html"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Lean: technical"))
        #expect(result.stdout.contains("Requires: ALA-accredited MLS/MLIS"))
        #expect(result.stdout.contains("«"))
        // The references asked for in How to Apply are not reference service.
        #expect(!result.stdout.contains("«three professional references»"))
        let bad = try run(["skills", "--taxonomy", "no/such/taxonomy.json", "Listings/reference-instruction.html"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no/such/taxonomy.json"))
    }

    @Test("profile init writes a template that profile check accepts; a bad profile exits 1 naming file and line")
    func profileCommands() throws {
        let template = try run(["profile", "init"])
        #expect(template.status == 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sf-profile-\(UUID().uuidString).yaml")
        try Data(template.stdout.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = try run(["profile", "check", file.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Coursework lean:"))
        #expect(check.stdout.contains("Experience lean:"))
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("sf-bad-\(UUID().uuidString).yaml")
        try Data("name: A\nexperience:\n  - title: X\n    start: 2024-13\n".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        let failed = try run(["profile", "check", bad.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains(bad.path + ":4:"))
    }

    @Test("rank: table, json (OUTPUT.md), csv and markdown, deterministic; explain a feed item by index")
    func rank() throws {
        let table = try run(["rank", "--profile", "Profiles/daniel-reyes.yaml", "Listings/"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Ranked for Daniel Reyes"))
        let json = try run(["rank", "--profile", "Profiles/daniel-reyes.yaml", "--format", "json", "Listings/"])
        let again = try run(["rank", "--profile", "Profiles/daniel-reyes.yaml", "--format", "json", "Listings/"])
        #expect(json.stdout == again.stdout)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["schemaVersion"] as? Int == 1)
        let results = try #require(doc["results"] as? [[String: Any]])
        #expect(results.count >= 20)
        #expect(results.map { $0["rank"] as? Int } == Array(1...results.count).map { Optional($0) })
        let scores = results.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        for r in results {
            let components = try #require(r["components"] as? [String: Double])
            #expect(abs(components.values.reduce(0, +) - (r["score"] as? Double ?? -1)) < 0.11)
            #expect(Set(["posting", "matched", "missing", "gates", "explanation"]).isSubset(of: Set(r.keys)))
        }
        let top = try #require(results.first?["posting"] as? [String: Any])
        #expect((top["title"] as? String)?.contains("Catalog") == true || (top["title"] as? String)?.contains("Technical") == true)
        let csv = try run(["rank", "--profile", "Profiles/daniel-reyes.yaml", "--format", "csv", "--top", "3", "Listings/"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "rank,score,id,title,employer,city,region,remote,salary_min,salary_max,salary_period,lean,lean_technical,mls_required,gates_failed,top_reason,url")
        #expect(rows.count == 4)
        let md = try run(["rank", "--profile", "Profiles/daniel-reyes.yaml", "--format", "markdown", "--top", "2", "Listings/"])
        #expect(md.stdout.hasPrefix("# Postings ranked for Daniel Reyes"))
        let explain = try run(["explain", "--profile", "Profiles/maya-okafor.yaml", "--index", "4", "Listings/academic-jobs.rss"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("What would raise this score most"))
        #expect(explain.stdout.contains("Acquisitions"))
        #expect(try run(["rank", "--profile", "Profiles/daniel-reyes.yaml", "--type", "NOPE", "Listings/"]).status == 2)
    }

    @Test("table: one row per posting and a count")
    func table() throws {
        let result = try run(["parse", "Listings/reference-instruction.html"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Reference & Instruction Librarian"))
        #expect(result.stdout.contains("Burlington, VT"))
        #expect(result.stdout.contains("$58,000–64,000/yr"))
        #expect(result.stdout.hasSuffix("1 posting from 1 input\n"))
    }
}
