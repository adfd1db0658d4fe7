extension JobPosting: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, title, employer, url, guid, author, categories, location, employmentType, salary
        case datePosted, dateUpdated, validThrough, sections, descriptionHTML, text, source
    }

    /// Encodes the posting as the `schemaVersion` 1 contract: absent values are `null`, never left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(employer, forKey: .employer)
        try c.encode(url, forKey: .url)
        try c.encode(guid, forKey: .guid)
        try c.encode(author, forKey: .author)
        try c.encode(categories, forKey: .categories)
        try c.encode(location, forKey: .location)
        try c.encode(employmentType, forKey: .employmentType)
        try c.encode(salary, forKey: .salary)
        try c.encode(datePosted, forKey: .datePosted)
        try c.encode(dateUpdated, forKey: .dateUpdated)
        try c.encode(validThrough, forKey: .validThrough)
        try c.encode(sections, forKey: .sections)
        try c.encode(descriptionHTML, forKey: .descriptionHTML)
        try c.encode(text, forKey: .text)
        try c.encode(source, forKey: .source)
    }
}

extension PostingSection {
    private enum Keys: String, CodingKey { case kind, heading, text }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(heading, forKey: .heading)
        try c.encode(text, forKey: .text)
    }
}

extension PostingSource {
    private enum Keys: String, CodingKey { case input, format, index, feedTitle, feedLink, wellFormed }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(input, forKey: .input)
        try c.encode(format, forKey: .format)
        try c.encode(index, forKey: .index)
        try c.encode(feedTitle, forKey: .feedTitle)
        try c.encode(feedLink, forKey: .feedLink)
        try c.encode(wellFormed, forKey: .wellFormed)
    }
}

extension Problem {
    private enum Keys: String, CodingKey { case input, line, severity, message }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(input, forKey: .input)
        try c.encode(line, forKey: .line)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
    }
}
