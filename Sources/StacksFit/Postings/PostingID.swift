/// Stable ids for postings: the guid, else the URL, else a hash of the content.
enum PostingID {
    /// - Parameter contentHash: the hash of the content, when it was made on the way; taken only when the
    ///   posting's title, employer and text are still those it was made of.
    static func make(for posting: JobPosting, contentHash: ContentHash? = nil) -> String {
        if let guid = posting.guid, !guid.isEmpty { return guid }
        if let url = posting.url, !url.isEmpty { return url }
        if let contentHash, contentHash.covers(posting) { return "sha:" + contentHash.hash.hex }
        var hash = titleAndEmployerHash(posting)
        hash.add(posting.text)
        return "sha:" + hash.hex
    }

    /// Whether the posting's id is a hash of its content: it has neither guid nor URL.
    static func hashesContent(_ posting: JobPosting) -> Bool {
        (posting.guid ?? "").isEmpty && (posting.url ?? "").isEmpty
    }

    /// A hash of a posting's content made on the way (by ``FieldFiller/fill(_:header:)``), and what it was
    /// made of.
    struct ContentHash {
        let hash: FNV1a
        let title: String?
        let employer: String?
        let text: String

        /// Whether the posting's title, employer and text are those the hash was made of. (A text that is
        /// the same string compares at once.)
        func covers(_ posting: JobPosting) -> Bool {
            posting.title == title && posting.employer == employer && posting.text == text
        }
    }

    /// The hash of a posting's title and employer, which the bytes of its text are then folded into.
    static func titleAndEmployerHash(_ posting: JobPosting) -> FNV1a {
        var hash = FNV1a()
        hash.add(posting.title ?? "")
        hash.add("\u{1F}")
        hash.add(posting.employer ?? "")
        hash.add("\u{1F}")
        return hash
    }
}
