import Foundation
import Testing
@testable import StacksFit

/// URL inputs against a local server the tests start and stop themselves.
@Suite("HTTP inputs", .serialized)
struct HTTPInputTests {
    static let feedCP1252: [UInt8] = {
        let text = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Jobs</title><link>/jobs/</link>
        <item><title>Reference Librarian</title><link>postings/7</link>
        <description>Don\u{2019}t miss it \u{2014} salary $50,000 - $55,000.</description></item></channel></rss>
        """
        return Array(text.unicodeScalars.map { scalar -> UInt8 in
            TextDecoder.windows1252Byte(scalar) ?? 0x3F
        })
    }()

    private func withServer(_ routes: [String: LocalHTTPServer.Route], _ body: (LocalHTTPServer) async throws -> Void) async throws {
        let server = try LocalHTTPServer(routes: routes)
        defer { server.stop() }
        try await body(server)
    }

    @Test("a feed over HTTP: the Content-Type charset decides, links resolve against the final URL")
    func charsetAndRedirectBase() async throws {
        try await withServer([
            "/feed": .init(headers: ["Content-Type": "application/rss+xml; charset=windows-1252"], body: Self.feedCP1252),
            "/old": .init(status: 301, headers: ["Location": "/feed"]),
        ]) { server in
            let input = Input.url(try #require(URL(string: server.url("/old"))))
            let result = await PostingBatch.parseOne(input, limits: InputLimits())
            let posting = try #require(result.postings.first)
            #expect(posting.text == "Don’t miss it — salary $50,000 - $55,000.")
            #expect(posting.url == server.url("/postings/7"))
            #expect(posting.source.feedLink == server.url("/jobs/"))
            #expect(posting.source.input == server.url("/old"))
            #expect(result.problems.isEmpty)
        }
    }

    @Test("too many redirects is an error that names the limit")
    func redirectLimit() async throws {
        var routes: [String: LocalHTTPServer.Route] = [:]
        for i in 0..<8 { routes["/r\(i)"] = .init(status: 302, headers: ["Location": "/r\(i + 1)"]) }
        try await withServer(routes) { server in
            let input = Input.url(try #require(URL(string: server.url("/r0"))))
            let result = await PostingBatch.parseOne(input, limits: InputLimits(maxRedirects: 3))
            #expect(result.postings.isEmpty)
            #expect(result.problems.first?.severity == .error)
            #expect(result.problems.first?.message.contains("redirects") == true)
        }
    }

    @Test("a body over the size cap is refused, with or without Content-Length")
    func sizeCap() async throws {
        let big = [UInt8](repeating: 0x61, count: 300_000)
        try await withServer([
            "/big": .init(headers: ["Content-Type": "text/html"], body: big),
            "/stream": .init(headers: ["Content-Type": "text/html"], body: big, omitLength: true),
        ]) { server in
            for path in ["/big", "/stream"] {
                let input = Input.url(try #require(URL(string: server.url(path))))
                let result = await PostingBatch.parseOne(input, limits: InputLimits(maxBytes: 100_000))
                #expect(result.postings.isEmpty, "\(path)")
                #expect(result.problems.first?.message.contains("larger than") == true, "\(path)")
            }
        }
    }

    @Test("a slow server times out with a clear message")
    func timeout() async throws {
        try await withServer([
            "/slow": .init(body: Array("<html><body><h1>x</h1></body></html>".utf8), delay: 3),
        ]) { server in
            let input = Input.url(try #require(URL(string: server.url("/slow"))))
            let start = Date()
            let result = await PostingBatch.parseOne(input, limits: InputLimits(timeout: 1))
            #expect(Date().timeIntervalSince(start) < 3)
            #expect(result.problems.first?.message.contains("timed out") == true)
        }
    }

    @Test("an HTTP error status is reported, not parsed")
    func notFound() async throws {
        try await withServer([:]) { server in
            let input = Input.url(try #require(URL(string: server.url("/missing"))))
            let result = await PostingBatch.parseOne(input, limits: InputLimits())
            #expect(result.postings.isEmpty)
            #expect(result.problems.first?.message == "the server answered HTTP 404")
        }
    }
}
