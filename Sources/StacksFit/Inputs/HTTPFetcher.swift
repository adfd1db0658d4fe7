import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches one URL with a timeout, a redirect limit and a size cap, and reports its charset.
struct HTTPFetcher {
    let limits: InputLimits

    func fetch(_ url: URL, input: Input) async throws -> LoadedInput {
        let delegate = FetchDelegate(limits: limits)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.timeout
        configuration.timeoutIntervalForResource = limits.timeout
        configuration.httpAdditionalHeaders = ["User-Agent": "stacksfit/0.1 (+library job postings)",
                                               "Accept": "text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"]
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let outcome: FetchDelegate.Outcome = await withCheckedContinuation { continuation in
            delegate.start(continuation)
            session.dataTask(with: url).resume()
        }
        let name = input.name
        if let failure = outcome.failure { throw InputError(input: name, message: failure) }
        guard let response = outcome.response as? HTTPURLResponse else {
            throw InputError(input: name, message: "no HTTP response")
        }
        guard (200..<300).contains(response.statusCode) else {
            throw InputError(input: name, message: "the server answered HTTP \(response.statusCode)")
        }
        let contentType = response.value(forHTTPHeaderField: "Content-Type")
        return LoadedInput(input: input, bytes: outcome.bytes, baseURI: response.url?.absoluteString ?? url.absoluteString,
                           httpCharset: Self.charset(contentType))
    }

    /// The `charset` parameter of a `Content-Type` header.
    static func charset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }
}

/// Collects one response's bytes, cancelling past the size cap or the redirect limit.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Outcome: @unchecked Sendable {
        var bytes: [UInt8] = []
        var response: URLResponse?
        var failure: String?
    }

    private let limits: InputLimits
    private let lock = NSLock()
    private var outcome = Outcome()
    private var redirects = 0
    private var continuation: CheckedContinuation<Outcome, Never>?

    init(limits: InputLimits) { self.limits = limits }

    func start(_ continuation: CheckedContinuation<Outcome, Never>) {
        lock.withLock { self.continuation = continuation }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let allowed: Bool = lock.withLock {
            redirects += 1
            if redirects > limits.maxRedirects {
                outcome.failure = "more than \(limits.maxRedirects) redirects"
                return false
            }
            return true
        }
        if allowed { completionHandler(request) } else { completionHandler(nil); task.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let tooLarge: Bool = lock.withLock {
            outcome.response = response
            if response.expectedContentLength > Int64(limits.maxBytes) {
                outcome.failure = "larger than the \(Input.describe(limits.maxBytes)) limit (raise it with --max-size)"
                return true
            }
            return false
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow: Bool = lock.withLock {
            outcome.bytes.append(contentsOf: data)
            if outcome.bytes.count > limits.maxBytes {
                outcome.failure = "larger than the \(Input.describe(limits.maxBytes)) limit (raise it with --max-size)"
                return true
            }
            return false
        }
        if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (result, continuation): (Outcome, CheckedContinuation<Outcome, Never>?) = lock.withLock {
            if let error, outcome.failure == nil {
                let nsError = error as NSError
                outcome.failure = nsError.code == NSURLErrorTimedOut
                    ? "timed out after \(Int(limits.timeout)) s" : "could not be fetched: \(error.localizedDescription)"
            }
            defer { self.continuation = nil }
            return (outcome, self.continuation)
        }
        continuation?.resume(returning: result)
    }
}
