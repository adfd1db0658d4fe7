import Foundation
import Testing
@testable import StacksFit

/// End-to-end: the report commands of the built binary, their files and exit statuses.
@Suite("stacksfit talking-points, gaps, market, report (binary)", .serialized)
struct ReportCommandTests {
    let cli = ParseCommandTests()

    @Test("talking-points writes JSON whose every point cites the profile; --index picks within a feed")
    func talkingPoints() throws {
        let run = try cli.run(["talking-points", "--profile", "Profiles/maya-okafor.yaml", "--format", "json", "Listings/reference-instruction.html"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let points = try #require(json["points"] as? [[String: Any]])
        #expect((4...6).contains(points.count))
        #expect(points.allSatisfy { ($0["profileEvidence"] as? [Any])?.isEmpty == false })
        let feed = try cli.run(["talking-points", "--profile", "Profiles/lee-chen.json", "--index", "2", "Listings/academic-jobs.rss"])
        #expect(feed.status == 0 && feed.stdout.hasPrefix("Talking points for Lee Chen"))
        let bad = try cli.run(["talking-points", "--profile", "Profiles/lee-chen.json", "--index", "99", "Listings/academic-jobs.rss"])
        #expect(bad.status == 1 && bad.stderr.contains("no posting number 99"))
    }

    @Test("market and gaps print their JSON")
    func marketAndGaps() throws {
        let market = try cli.run(["market", "--format", "json", "Listings/"])
        #expect(market.status == 0)
        let m = try #require(try JSONSerialization.jsonObject(with: Data(market.stdout.utf8)) as? [String: Any])
        #expect(m["postings"] as? Int == 21 && m["mlsRequired"] is Double)
        let gaps = try cli.run(["gaps", "--profile", "Profiles/jordan-baptiste.yaml", "--top", "3", "--format", "json", "Listings/"])
        #expect(gaps.status == 0)
        let g = try #require(try JSONSerialization.jsonObject(with: Data(gaps.stdout.utf8)) as? [String: Any])
        #expect((g["gaps"] as? [Any])?.count == 3)
    }

    @Test("rank --format html writes one self-contained page")
    func rankHTML() throws {
        let run = try cli.run(["rank", "--profile", "Profiles/sam-whitaker.yaml", "--format", "html", "--top", "5", "Listings/"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>") && run.stdout.contains("<svg"))
        #expect(run.stdout.components(separatedBy: "<details class=\"posting\"").count - 1 == 5)
        #expect(!run.stdout.contains("<link") && !run.stdout.contains("<script"))
    }

    @Test("report writes every file, reports a bad profile with its line, and finishes the batch (exit 1)")
    func batch() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stacksfit-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let profiles = base.appendingPathComponent("profiles"), out = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        for name in ["maya-okafor.yaml", "lee-chen.json"] {
            try FileManager.default.copyItem(at: TestData.root.appendingPathComponent("Profiles/" + name), to: profiles.appendingPathComponent(name))
        }
        try Data("name: Broken\nskills: [unclosed\n".utf8).write(to: profiles.appendingPathComponent("broken.yaml"))
        let run = try cli.run(["report", "--profiles", profiles.path, "--out", out.path, "Listings/"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.yaml:2") || run.stderr.contains("broken.yaml:3"), "\(run.stderr)")
        #expect(run.stderr.contains("report: 2 of 3 profiles"))
        for file in ["index.html", "pairs.csv", "summary.json", "maya-okafor.html", "maya-okafor.md", "lee-chen.html", "lee-chen.md"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        let pairs = try String(contentsOf: out.appendingPathComponent("pairs.csv"), encoding: .utf8)
        #expect(pairs.split(separator: "\n").count == 1 + 2 * 21)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        #expect(summary["profiles"] as? Int == 2 && summary["profilesRead"] as? Int == 3)
        #expect((summary["problems"] as? [[String: Any]])?.contains { ($0["input"] as? String)?.hasSuffix("broken.yaml") == true } == true)
    }
}
