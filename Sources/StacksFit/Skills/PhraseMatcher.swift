/// A token trie over every phrase of the taxonomy: one left-to-right pass over a sentence's tokens
/// finds the longest phrase at each position (leftmost-longest, non-overlapping).
struct PhraseMatcher: Sendable {
    /// What a phrase stands for.
    enum Target: Sendable, Hashable {
        case skill(String)
        /// A bare word that a context rule decides ("reference").
        case ambiguous(word: String, skill: String)
    }

    struct Match: Sendable {
        var tokens: Range<Int>
        var targets: [Target]
    }

    private struct Node: Sendable {
        var next: [String: Int32] = [:]
        var targets: [Target] = []
    }

    private var nodes: [Node] = [Node()]
    private(set) var longest = 0

    init(_ taxonomy: Taxonomy) {
        let ambiguousWords = Set(taxonomy.ambiguous.keys.map { Tokenizer.norms($0) })
        for skill in taxonomy.skills {
            for phrase in skill.phrases { insert(Tokenizer.norms(phrase), .skill(skill.id)) }
            // The label is a phrase too ("Original cataloging"), unless it is one of the ambiguous words.
            let label = Tokenizer.norms(skill.label)
            if !ambiguousWords.contains(label) { insert(label, .skill(skill.id)) }
        }
        for (word, skill) in taxonomy.ambiguous.sorted(by: { $0.key < $1.key }) {
            insert(Tokenizer.norms(word), .ambiguous(word: Tokenizer.norms(word).joined(separator: " "), skill: skill))
        }
    }

    private mutating func insert(_ tokens: [String], _ target: Target) {
        guard !tokens.isEmpty else { return }
        var node = 0
        for token in tokens {
            if let child = nodes[node].next[token] {
                node = Int(child)
            } else {
                nodes.append(Node())
                nodes[node].next[token] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        if !nodes[node].targets.contains(target) { nodes[node].targets.append(target) }
        longest = max(longest, tokens.count)
    }

    /// Every match in `tokens`, left to right.
    func matches(_ tokens: [Token]) -> [Match] {
        var result: [Match] = []
        var i = 0
        while i < tokens.count {
            var node = 0
            var best: (end: Int, targets: [Target])?
            var j = i
            while j < tokens.count, let child = nodes[node].next[tokens[j].norm] {
                node = Int(child)
                j += 1
                if !nodes[node].targets.isEmpty { best = (j, nodes[node].targets) }
            }
            if let best {
                result.append(Match(tokens: i..<best.end, targets: best.targets))
                i = best.end
            } else {
                i += 1
            }
        }
        return result
    }
}
