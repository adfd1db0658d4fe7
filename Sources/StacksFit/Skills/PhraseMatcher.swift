/// A token trie over every phrase of the taxonomy: one left-to-right pass over a sentence's tokens
/// finds the longest phrase at each position (leftmost-longest, non-overlapping).
struct PhraseMatcher: Sendable {
    /// What a phrase stands for: a skill by its place in the taxonomy's list, and, for a bare word that a
    /// context rule decides ("reference"), the word's place in ``ambiguousWords``.
    struct Target: Sendable, Hashable {
        var skill: Int
        var ambiguous: Int = -1
    }

    /// The taxonomy's ambiguous words, normalised, as the targets name them.
    private(set) var ambiguousWords: [String] = []

    struct Match: Sendable {
        var tokens: Range<Int>
        var targets: [Target]
    }

    private struct Node: Sendable {
        /// The words that lead on from here, by number, and where each leads.
        var words: [Int32] = []
        var children: [Int32] = []
        var targets: [Target] = []

        func child(_ word: Int32) -> Int32? {
            for k in words.indices where words[k] == word { return children[k] }
            return nil
        }
    }

    private var nodes: [Node] = [Node()]
    /// The trie's edges in flat arrays, for the scan: node `n` leads on by `edgeWords[edgeStarts[n]..<edgeStarts[n + 1]]`
    /// to the nodes beside them in `edgeChildren`, and `hasTargets[n]` says whether a phrase ends there.
    /// (Reading a node's own arrays would retain and release them at every step.)
    private var edgeStarts: [Int32] = []
    private var edgeWords: [Int32] = []
    private var edgeChildren: [Int32] = []
    private var hasTargets: [Bool] = []
    /// The root's children by word number: every phrase starts here, so it is an array, not a search.
    private var roots: [Int32] = []
    /// The phrases' words, numbered; postings are scanned against it.
    /// Its first words are the context rules' (``ContextRules/lexicon``), so that a word's number also
    /// gives the rules' classes of its word and compares with the words the rules name.
    private(set) var vocabulary = ContextRules.lexicon
    private(set) var longest = 0
    /// By word number: whether the word is one of the taxonomy's ambiguous words.
    private var ambiguous: [Bool] = []

    init(_ taxonomy: Taxonomy) {
        let ambiguousLabels = Set(taxonomy.ambiguous.keys.map { Tokenizer.norms($0) })
        for (position, skill) in taxonomy.skills.enumerated() {
            for phrase in skill.phrases { insert(Tokenizer.norms(phrase), Target(skill: position)) }
            // The label is a phrase too ("Original cataloging"), unless it is one of the ambiguous words.
            let label = Tokenizer.norms(skill.label)
            if !ambiguousLabels.contains(label) { insert(label, Target(skill: position)) }
        }
        for (word, skill) in taxonomy.ambiguous.sorted(by: { $0.key < $1.key }) {
            guard let position = taxonomy.position(of: skill) else { continue }
            // Two spellings of one word ("program", "programs") are one target.
            let normal = Tokenizer.norms(word).joined(separator: " ")
            let index = ambiguousWords.firstIndex(of: normal) ?? ambiguousWords.count
            if index == ambiguousWords.count { ambiguousWords.append(normal) }
            insert(Tokenizer.norms(word), Target(skill: position, ambiguous: index))
        }
        roots = Array(repeating: -1, count: vocabulary.count)
        for (k, word) in nodes[0].words.enumerated() { roots[Int(word)] = nodes[0].children[k] }
        for node in nodes {
            edgeStarts.append(Int32(edgeWords.count))
            edgeWords += node.words
            edgeChildren += node.children
            hasTargets.append(!node.targets.isEmpty)
        }
        edgeStarts.append(Int32(edgeWords.count))
        ambiguous = Array(repeating: false, count: vocabulary.count)
        for word in taxonomy.ambiguous.keys {
            let id = vocabulary.id(of: Tokenizer.norms(word).joined(separator: " "))
            if id >= 0 { ambiguous[Int(id)] = true }
        }
    }

    /// True when word number `id` is one of the taxonomy's ambiguous words (a context rule decides it).
    func isAmbiguous(_ id: Int32) -> Bool { id >= 0 && Int(id) < ambiguous.count && ambiguous[Int(id)] }

    private mutating func insert(_ tokens: [String], _ target: Target) {
        guard !tokens.isEmpty else { return }
        var node = 0
        for token in tokens {
            let word = vocabulary.intern(token)
            if let child = nodes[node].child(word) {
                node = Int(child)
            } else {
                nodes.append(Node())
                nodes[node].words.append(word)
                nodes[node].children.append(Int32(nodes.count - 1))
                node = nodes.count - 1
            }
        }
        if !nodes[node].targets.contains(target) { nodes[node].targets.append(target) }
        longest = max(longest, tokens.count)
    }

    /// Every match in a sentence's words, numbered in ``vocabulary``, left to right: the words of `range`
    /// (all of them by default), with the matches' words counted from its start.
    func matches(_ ids: [Int32], in range: Range<Int>? = nil) -> [Match] {
        let range = range ?? ids.indices
        var result: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let first = ids[i]
            guard first >= 0, roots[Int(first)] >= 0 else { i += 1; continue }
            var node = Int(roots[Int(first)])
            var best: (end: Int, node: Int)?
            var j = i + 1
            if hasTargets[node] { best = (j, node) }
            while j < range.upperBound, ids[j] >= 0, let child = child(of: node, ids[j]) {
                node = child
                j += 1
                if hasTargets[node] { best = (j, node) }
            }
            if let best {
                result.append(Match(tokens: (i - range.lowerBound)..<(best.end - range.lowerBound), targets: nodes[best.node].targets))
                i = best.end
            } else {
                i += 1
            }
        }
        return result
    }

    /// Where word number `word` leads from node `node`, if anywhere.
    @inline(__always)
    private func child(of node: Int, _ word: Int32) -> Int? {
        for k in Int(edgeStarts[node])..<Int(edgeStarts[node + 1]) where edgeWords[k] == word { return Int(edgeChildren[k]) }
        return nil
    }
}
