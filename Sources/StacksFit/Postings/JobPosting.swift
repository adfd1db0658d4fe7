/// One job posting, from whatever source it came, in the shape of schema.org's JobPosting.
public struct JobPosting: Sendable, Hashable {
    /// A stable id: the feed's guid or the canonical URL when present, else a content hash.
    public var id: String
    public var title: String?
    public var employer: String?
    public var url: String?
    /// The RSS guid or Atom id exactly as given.
    public var guid: String?
    /// The item's author or `dc:creator` name.
    public var author: String?
    public var categories: [String] = []
    public var location: Place?
    public var employmentType: EmploymentType?
    public var salary: Salary?
    public var datePosted: PostingDate?
    public var dateUpdated: PostingDate?
    /// The closing date; nil when none is stated or the posting is open until filled.
    public var validThrough: PostingDate?
    public var sections: [PostingSection] = []
    /// The body as sanitized HTML (no script, style, event handlers or `javascript:` links).
    public var descriptionHTML: String?
    /// The body as plain text: one line per paragraph or list item, white space collapsed within lines.
    public var text: String = ""
    public var source: PostingSource

    public init(id: String, source: PostingSource) {
        self.id = id
        self.source = source
    }
}

/// One headed part of a posting's body.
public struct PostingSection: Sendable, Hashable, Codable {
    /// What the section is for.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case duties, required, preferred, about, compensation, application, other
    }
    public var kind: Kind
    /// The heading or bold label as written, or nil for text before the first heading.
    public var heading: String?
    public var text: String

    public init(kind: Kind, heading: String?, text: String) {
        self.kind = kind
        self.heading = heading
        self.text = text
    }
}

/// Where a posting came from.
public struct PostingSource: Sendable, Hashable, Codable {
    /// The formats stacksfit reads.
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        case rss090, rss091, rss092, rss2, rss1, atom
        case htmlJSONLD = "html-jsonld"
        case htmlMicrodata = "html-microdata"
        case html
    }
    /// The input as the user named it: a path, "-" or a URL.
    public var input: String
    public var format: Format
    /// The posting's position within its input, from 0.
    public var index: Int
    public var feedTitle: String?
    public var feedLink: String?
    /// False when the XML had to be recovered (it was not well-formed).
    public var wellFormed: Bool

    public init(input: String, format: Format, index: Int, feedTitle: String? = nil,
                feedLink: String? = nil, wellFormed: Bool = true) {
        self.input = input
        self.format = format
        self.index = index
        self.feedTitle = feedTitle
        self.feedLink = feedLink
        self.wellFormed = wellFormed
    }
}

/// Something wrong with an input, reported instead of dropped.
public struct Problem: Sendable, Hashable, Codable, Error {
    public enum Severity: String, Sendable, Hashable, Codable { case warning, error }
    /// The input as the user named it.
    public var input: String
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(input: String, line: Int? = nil, severity: Severity, message: String) {
        self.input = input
        self.line = line
        self.severity = severity
        self.message = message
    }
}
