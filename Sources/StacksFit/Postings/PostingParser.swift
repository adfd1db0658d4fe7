/// Turns the bytes of one input (a feed or a page) into job postings and problems.
///
/// The format is recognised from the content; the encoding from the byte-order mark, the HTTP
/// charset, the document's own declaration, or UTF-8 with windows-1252 for invalid bytes.
public enum PostingParser {
    /// Everything read from one input.
    public struct Result: Sendable {
        public var postings: [JobPosting] = []
        public var problems: [Problem] = []
    }

    /// Parses one input, handing each posting to `emit` as soon as it is read (feeds stream item by item).
    /// - Parameters:
    ///   - bytes: the raw input.
    ///   - input: the name to report it by (a path, "-" or a URL).
    ///   - baseURI: the address relative links resolve against (the URL, or a `file://` URL).
    ///   - httpCharset: the charset from an HTTP `Content-Type`, when there was one.
    /// - Returns: the problems found and whether the input was well-formed; postings go to `emit`.
    public static func parse(_ bytes: [UInt8], input: String, baseURI: String? = nil, httpCharset: String? = nil,
                             emit: (JobPosting) -> Void) -> (problems: [Problem], wellFormed: Bool) {
        var problems: [Problem] = []
        var wellFormed = true
        let decoded = TextDecoder.decode(bytes, httpCharset: httpCharset)
        for note in decoded.notes {
            problems.append(Problem(input: input, severity: .warning, message: note))
        }
        let kind = FormatSniffer.sniff(decoded.utf8)
        switch kind {
        case .feed(let format):
            let reader = FeedReader(input: input, baseURI: baseURI)
            var count = 0
            let summary = reader.read(decoded.utf8, format: format, decodedLossy: decoded.lossy) { posting in
                count += 1
                emit(posting)
            }
            wellFormed = summary.wellFormed && !decoded.lossy
            if let repair = summary.firstRepair {
                problems.append(Problem(input: input, line: repair.line, severity: .warning, message: repair.message))
            }
            let errors = summary.diagnostics.filter(\.isError)
            if let first = errors.first {
                problems.append(Problem(input: input, line: first.line, severity: count == 0 ? .error : .warning,
                                        message: "not well-formed XML, recovered what could be read: \(first.message)"))
            }
            for note in summary.notes {
                problems.append(Problem(input: input, line: note.line, severity: .warning, message: note.message))
            }
            if summary.entityBudgetExhausted {
                problems.append(Problem(input: input, severity: .warning,
                                        message: "entity expansion stopped at its limit (an entity bomb?); text was cut"))
            }
            if count == 0 && errors.isEmpty {
                problems.append(Problem(input: input, severity: wellFormed ? .warning : .error,
                                        message: wellFormed ? "the feed has no items" : "the feed has no items and was not read cleanly"))
            }
        case .unknown:
            let empty = decoded.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
            problems.append(Problem(input: input, severity: .error,
                                    message: empty ? "the input is empty" : "not a feed or a web page: no markup found"))
            return (problems, false)
        case .page:
            let tree = HTMLParser.parse(decoded.utf8, baseURI: baseURI)
            for diagnostic in tree.diagnostics {
                problems.append(Problem(input: input, line: diagnostic.line, severity: diagnostic.isError ? .error : .warning,
                                        message: diagnostic.message))
            }
            let postings = PageReader(input: input).read(tree)
            if postings.isEmpty {
                problems.append(Problem(input: input, severity: .error, message: "no job posting found in this page"))
            }
            postings.forEach(emit)
        }
        return (problems, wellFormed)
    }

    /// Parses one input and collects its postings. Postings of a document that turned out not to be
    /// well-formed are all marked `wellFormed: false`.
    public static func parse(_ bytes: [UInt8], input: String, baseURI: String? = nil, httpCharset: String? = nil) -> Result {
        var result = Result()
        let outcome = parse(bytes, input: input, baseURI: baseURI, httpCharset: httpCharset) { result.postings.append($0) }
        result.problems = outcome.problems
        if !outcome.wellFormed {
            for i in result.postings.indices { result.postings[i].source.wellFormed = false }
        }
        return result
    }
}

