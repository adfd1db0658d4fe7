import ArgumentParser
import Foundation
import StacksFit

/// Standard output, one line at a time.
final class Output: @unchecked Sendable {
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// The terminal's width in columns, when standard output is a terminal that says.
    static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
        return Int(size.ws_col)
    }
}

/// Prints problems to standard error as "input:line: severity: message".
enum Diagnostics {
    /// Reports the problems, then exits 1 when any is an error (an input that could not be read).
    static func finish(_ problems: [Problem], jsonLines: Bool) throws {
        report(problems, jsonLines: jsonLines)
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    static func report(_ problems: [Problem], jsonLines: Bool) {
        for problem in problems {
            let line: String
            if jsonLines, let json = try? PostingsJSON.line(problem) {
                line = json
            } else {
                let place = problem.line.map { "\(problem.input):\($0)" } ?? problem.input
                line = "\(place): \(problem.severity.rawValue): \(problem.message)"
            }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
