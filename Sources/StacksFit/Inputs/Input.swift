import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One thing the user asked stacksfit to read: a file, standard input, or an http(s) URL.
public enum Input: Sendable, Hashable {
    case file(String)
    case standardInput
    case url(URL)

    /// The name problems and postings report it by, exactly as the user gave it (paths relative).
    public var name: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        case .url(let url): return url.absoluteString
        }
    }
}

/// Limits applied to every input.
public struct InputLimits: Sendable {
    /// The most bytes read from one input (default 50 MiB).
    public var maxBytes: Int = 50 << 20
    /// Seconds an HTTP request may take.
    public var timeout: TimeInterval = 30
    /// Redirects followed before giving up.
    public var maxRedirects: Int = 5

    public init(maxBytes: Int = 50 << 20, timeout: TimeInterval = 30, maxRedirects: Int = 5) {
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.maxRedirects = maxRedirects
    }
}

/// The bytes of one input, with what is needed to decode them and resolve their links.
public struct LoadedInput: Sendable {
    public var input: Input
    public var bytes: [UInt8]
    /// The address relative links resolve against: the final URL after redirects; nil for files and standard input.
    public var baseURI: String?
    /// The `charset` of an HTTP `Content-Type`.
    public var httpCharset: String?
}

/// Why an input could not be read.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var input: String
    public var message: String
    public var description: String { "\(input): \(message)" }
}

extension Input {
    /// Turns command-line arguments into inputs: files as given, folders walked recursively (hidden
    /// files skipped, files sorted by path), `-` for standard input, and http(s) URLs.
    /// - Returns: the inputs, and a problem for each argument that names nothing readable.
    public static func expand(_ arguments: [String]) -> (inputs: [Input], problems: [Problem]) {
        var inputs: [Input] = []
        var problems: [Problem] = []
        let fm = FileManager.default
        for argument in arguments {
            if argument == "-" { inputs.append(.standardInput); continue }
            let lower = argument.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                if let url = URL(string: argument), url.host != nil { inputs.append(.url(url)) } else {
                    problems.append(Problem(input: argument, severity: .error, message: "not a valid URL"))
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(Problem(input: argument, severity: .error, message: "file is not readable or does not exist"))
                continue
            }
            guard isDirectory.boolValue else { inputs.append(.file(argument)); continue }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: argument) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") { walker.skipDescendants(); continue }
                    let path = (argument as NSString).appendingPathComponent(relative)
                    var dir: ObjCBool = false
                    if fm.fileExists(atPath: path, isDirectory: &dir), !dir.boolValue { found.append(path) }
                }
            }
            if found.isEmpty {
                problems.append(Problem(input: argument, severity: .warning, message: "folder holds no files"))
            }
            inputs += found.sorted().map { Input.file($0) }
        }
        return (inputs, problems)
    }

    /// Reads the input's bytes within `limits`.
    public func load(limits: InputLimits = InputLimits()) async throws -> LoadedInput {
        switch self {
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InputError(input: path, message: "file is not readable or does not exist")
            }
            defer { try? handle.close() }
            let data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data()
            guard data.count <= limits.maxBytes else {
                throw InputError(input: path, message: "larger than the \(Self.describe(limits.maxBytes)) limit (raise it with --max-size)")
            }
            // A local file has no web address: relative links stay relative unless xml:base says more.
            return LoadedInput(input: self, bytes: [UInt8](data), baseURI: nil, httpCharset: nil)
        case .standardInput:
            let data = try FileHandle.standardInput.read(upToCount: limits.maxBytes + 1) ?? Data()
            guard data.count <= limits.maxBytes else {
                throw InputError(input: "-", message: "standard input is larger than the \(Self.describe(limits.maxBytes)) limit (raise it with --max-size)")
            }
            return LoadedInput(input: self, bytes: [UInt8](data), baseURI: nil, httpCharset: nil)
        case .url(let url):
            return try await HTTPFetcher(limits: limits).fetch(url, input: self)
        }
    }

    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes)-byte"
    }
}
