/// Cheap, ASCII-case-insensitive substring tests on UTF-8, for prefilters on hot paths
/// (Foundation's `contains` and Unicode property look-ups cost far more per line).
enum FastText {
    /// True when `text` contains any of `needles` (which must be lower-case ASCII), ignoring ASCII case.
    static func containsAny(_ text: String, _ needles: [StaticString]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            for needle in needles where contains(haystack, needle) { return true }
            return false
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, haystack.count >= n else { return n == 0 }
        return needle.withUTF8Buffer { pattern in
            let first = pattern[0]
            var i = 0
            let last = haystack.count - n
            while i <= last {
                if lower(haystack[i]) == first {
                    var k = 1
                    while k < n && lower(haystack[i + k]) == pattern[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
