/// Finds the same posting arriving through several feeds or pages: the same URL or guid, or
/// near-identical text (64-bit SimHash over word 3-shingles, at most 3 bits apart).
public enum Deduplicator {
    /// Groups of indices into `postings` that are one posting; the first of each group is kept.
    public static func groups(_ postings: [JobPosting]) -> [[Int]] {
        var parent = Array(postings.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var byKey: [String: Int] = [:]
        for (i, p) in postings.enumerated() {
            for key in [p.url.map(normalise), p.guid.map { "guid:" + $0 }].compactMap({ $0 }) {
                if let j = byKey[key] { union(i, j) } else { byKey[key] = i }
            }
        }
        // SimHash with four 16-bit bands: two hashes within 3 bits share at least one band exactly.
        // Each posting's hash on all cores: tokenising every text was the serial part of ranking.
        let hashes = Parallel.map(postings) { simhash(($0.title ?? "") + "\n" + $0.text) }
        var bands: [Int: [Int]] = [:]
        for (i, h) in hashes.enumerated() where h != 0 {
            for band in 0..<4 {
                let key = band << 16 | Int((h >> (16 * UInt64(band))) & 0xFFFF)
                for j in bands[key] ?? [] where (hashes[j] ^ h).nonzeroBitCount <= 3 { union(i, j) }
                bands[key, default: []].append(i)
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in postings.indices { groups[find(i), default: []].append(i) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    static func normalise(_ url: String) -> String {
        var u = url.lowercased()
        for prefix in ["https://", "http://"] where u.hasPrefix(prefix) { u.removeFirst(prefix.count) }
        if u.hasPrefix("www.") { u.removeFirst(4) }
        while u.hasSuffix("/") { u.removeLast() }
        return "url:" + u
    }

    /// SimHash of the text's word 3-shingles; 0 for texts too short to judge (under 20 words).
    static func simhash(_ text: String) -> UInt64 {
        let words = Tokenizer.norms(text)
        guard words.count >= 20 else { return 0 }
        var counts = [Int](repeating: 0, count: 64)
        for i in 0..<(words.count - 2) {
            var h = FNV1a()
            h.add(words[i]); h.add(" "); h.add(words[i + 1]); h.add(" "); h.add(words[i + 2])
            for bit in 0..<64 { counts[bit] += (h.value >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where counts[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }
}
