/// Stable ids for postings: the guid, else the URL, else a hash of the content.
enum PostingID {
    static func make(for posting: JobPosting) -> String {
        if let guid = posting.guid, !guid.isEmpty { return guid }
        if let url = posting.url, !url.isEmpty { return url }
        var hash = FNV1a()
        hash.add(posting.title ?? "")
        hash.add("\u{1F}")
        hash.add(posting.employer ?? "")
        hash.add("\u{1F}")
        hash.add(posting.text)
        return "sha:" + hash.hex
    }
}

/// 64-bit FNV-1a: small, fast and the same on every platform and run (unlike `Hasher`).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
