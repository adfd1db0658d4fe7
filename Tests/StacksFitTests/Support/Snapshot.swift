import Foundation
import Testing

/// Compares an output with its snapshot under `Tests/StacksFitTests/Snapshots/`. Run the tests with
/// `STACKSFIT_UPDATE_SNAPSHOTS=1` to rewrite the snapshots after a deliberate change, then review the diff.
enum Snapshot {
    static let folder = TestData.root.appendingPathComponent("Tests/StacksFitTests/Snapshots")

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["STACKSFIT_UPDATE_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot \(name); run with STACKSFIT_UPDATE_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard text != expected else { return }
        let a = text.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record("""
            \(name) differs from its snapshot at line \(line + 1):
              got:      \(line < a.count ? String(a[line].prefix(200)) : "(end)")
              expected: \(line < b.count ? String(b[line].prefix(200)) : "(end)")
            """, sourceLocation: sourceLocation)
    }
}

/// Headless Chromium, for the tests that open reports in a real browser.
enum Browser {
    /// The first Chromium or Chrome on the PATH.
    static let path: String? = {
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"]
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in names {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// True where the tests must have a browser: in CI (`.ci/run` installs Chromium), or where one is installed.
    static var required: Bool { path != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// Loads a file and returns the DOM after scripts would have run, and the browser's log.
    static func dumpDOM(of file: URL) throws -> (dom: String, log: String) {
        let chromium = try #require(path, "no Chromium on the PATH (apt-get install chromium)")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("stacksfit-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=2000", "--dump-dom", file.absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the browser runs, so a full pipe never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        group.wait()
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
