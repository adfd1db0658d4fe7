/// Cheap, ASCII-case-insensitive substring tests on UTF-8, used as prefilters on hot paths:
/// one pass over the bytes decides whether a slower, exact parser needs to look at a line at all.
enum FastText {
    /// A set of lower-case needles, indexed by their first byte.
    struct Needles: Sendable {
        private let byFirst: [[[UInt8]]]

        init(_ words: [String]) {
            var table = [[[UInt8]]](repeating: [], count: 256)
            for word in words {
                let bytes = Array(word.lowercased().utf8)
                guard let first = bytes.first else { continue }
                table[Int(first)].append(bytes)
            }
            byFirst = table
        }

        /// True when `text` contains any needle, ignoring ASCII case.
        func occurs(in text: String) -> Bool {
            var text = text
            return text.withUTF8 { haystack in
                let count = haystack.count
                var i = 0
                while i < count {
                    let candidates = byFirst[Int(FastText.lower(haystack[i]))]
                    if !candidates.isEmpty {
                        for needle in candidates where i + needle.count <= count {
                            var k = 1
                            while k < needle.count && FastText.lower(haystack[i + k]) == needle[k] { k += 1 }
                            if k == needle.count { return true }
                        }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// True when `text` holds an ASCII digit.
    static func hasDigit(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
