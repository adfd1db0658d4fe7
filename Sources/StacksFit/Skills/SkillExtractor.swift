/// Finds the taxonomy's skills in a posting, section by section and sentence by sentence, with
/// context rules for the words that mean a skill only sometimes, negation, and boilerplate.
public struct SkillExtractor: Sendable {
    public let taxonomy: Taxonomy
    private let matcher: PhraseMatcher
    /// The skill that "programming" means when the sentence is about code (its place in the taxonomy).
    private let codingSkill: Int?
    /// What the context rules need to know of each skill, in the taxonomy's order.
    private let skillRules: [ContextRules.SkillRules]
    /// For each skill, in the taxonomy's order, which of ``siblings`` take their bare word when it is found.
    private let siblingBits: [UInt8]

    /// How much a mention counts, by the section it is in.
    public static let sectionWeights: [PostingSection.Kind: Double] = [
        .required: 1.0, .duties: 0.8, .preferred: 0.5, .other: 0.5, .about: 0.15, .compensation: 0.1, .application: 0.05,
    ]
    /// How much a sentence about the institution counts, whatever its section.
    public static let boilerplateWeight = 0.15

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        self.matcher = PhraseMatcher(taxonomy)
        self.codingSkill = taxonomy.skills.firstIndex { $0.id == "computer-programming" }
            ?? taxonomy.skills.firstIndex { $0.phrases.contains("computer programming") }
        self.skillRules = taxonomy.skills.map(ContextRules.SkillRules.init)
        self.siblingBits = taxonomy.skills.map { skill in
            Self.siblings.indices.reduce(0) { bits, s in Self.siblings[s].takesWord(skill) ? bits | 1 << s : bits }
        }
    }

    /// A section's text and its words, scanned once for all its sentences.
    final class SectionScan: Sendable {
        let text: String
        let words: ScannedWords
        init(_ text: String, vocabulary: Vocabulary, forms: Bool) {
            var text = text
            text.makeContiguousUTF8()
            self.text = text
            self.words = Tokenizer.scan(text, vocabulary: vocabulary, forms: forms)
        }
    }

    /// One sentence of a posting: where it stands in its section's text and which of the section's words
    /// are its own. The section is scanned once for both skills and requirements; a sentence's text
    /// becomes a string of its own only when something is found in it.
    struct Sentence {
        var section: PostingSection.Kind
        var scan: SectionScan
        /// The sentence's bytes in the section's UTF-8 text.
        var bytes: Range<Int>
        /// The sentence's words among the section's.
        var words: Range<Int>
        /// Whether the section's heading names experience ("Required Experience"), which its sentences
        /// then take as read: "3 years of performing original cataloging".
        var experienceHeading = false

        var text: Substring {
            let utf8 = scan.text.utf8
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)])
        }
        var string: String { String(text) }
    }

    /// The most words a sentence is read with at once: the real postings' longest sentence has 224.
    static let longestSentence = 1_000

    /// The posting's sentences, section by section (a heading names its section; its words are not a
    /// skill the job asks for).
    /// - Parameter forms: whether each sentence keeps its words' normal forms (``ScannedWords/forms``),
    ///   which the requirements read.
    static func sentences(of posting: JobPosting, vocabulary: Vocabulary = ContextRules.lexicon, forms: Bool = true) -> [Sentence] {
        let sections = posting.sections.isEmpty
            ? [PostingSection(kind: .other, heading: nil, text: posting.text)] : posting.sections
        // The title names the role ("Teen Librarian", "Technical Services Manager"), which the text often
        // takes as read; not the employer a board appends to it ("Web Designer - Lesbian Herstory Archives").
        // Read last, so that a skill the text names too keeps the text's sentence as its evidence.
        let title = posting.title.map { Self.role(inTitle: $0, employer: posting.employer) }.flatMap {
            $0.isEmpty ? nil : PostingSection(kind: .duties, heading: nil, text: $0)
        }
        var sentences: [Sentence] = []
        // (Chained, not appended: a copy of every posting's sections cost the lexical pass 15-20%.)
        for section in [sections, title.map { [$0] } ?? []].joined() {
            // An inline label ("… community. Preferred Qualifications: Demonstrated service …", "… software
            // Preferred Qualifications - Familiarity …") changes what the rest of a qualifications section asks.
            var kind = section.kind
            let relabel = section.kind == .required || section.kind == .preferred || section.kind == .duties || section.kind == .other
            let scan = SectionScan(section.text, vocabulary: vocabulary, forms: forms)
            let experienceHeading = section.heading.map(Self.experienceWord.occurs(in:)) ?? false
            var text = scan.text
            text.withUTF8 { bytes in
                // No word crosses a sentence's bounds (sentences end at spaces, punctuation and bullets), so
                // the section's words fall to its sentences in order.
                var word = 0
                for range in Sentences.ranges(bytes) {
                    while word < scan.words.count && scan.words.start(word) < range.lowerBound { word += 1 }
                    let first = word
                    while word < scan.words.count && scan.words.end(word) <= range.upperBound { word += 1 }
                    // A run-on "sentence" longer than any real one (a page of words with no stop) is read a
                    // piece at a time, so that the rules that look across a sentence stay linear in the text.
                    var from = first
                    repeat {
                        let to = min(word, from + Self.longestSentence)
                        let piece = (from == first ? range.lowerBound : scan.words.start(from))
                            ..< (to == word ? range.upperBound : scan.words.end(to - 1))
                        let label = relabel ? inlineLabel(UnsafeBufferPointer(rebasing: bytes[piece])) : nil
                        if let label, label.leading { kind = label.kind }
                        sentences.append(Sentence(section: kind, scan: scan, bytes: piece, words: from..<to, experienceHeading: experienceHeading))
                        if let label, !label.leading { kind = label.kind }
                        from = to
                    } while from < word
                }
            }
        }
        return sentences
    }

    private static let experienceWord = FastText.Needles(["experience"])

    /// Whether every word of a sentence is a word of the posting's title: the title read as a duty ("Head of
    /// Technical Services"), whose "Head of …" names the job itself, not a colleague's unit.
    private static func isOwnTitle(_ w: SentenceWords, _ ownTitle: TitleWords) -> Bool {
        w.count > 0 && (0..<w.count).allSatisfy { ownTitle.words.contains(w.norm($0)) }
    }

    /// A title without the employer after a dash, bar or "at": "Archivist - Trinity Church" → "Archivist".
    static func role(inTitle title: String, employer: String?) -> String {
        guard var employer, !employer.isEmpty else { return title }
        var title = title
        // On bytes: a space, "-", "|", "at" or a dash's three bytes, a space, then the employer's bytes.
        let cut: Int? = title.withUTF8 { t in
            employer.withUTF8 { e in
                var i = 0
                while i + 2 < t.count {
                    defer { i += 1 }
                    guard t[i] == 0x20 else { continue }
                    let width = t[i + 1] == 0x2D || t[i + 1] == 0x7C ? 1
                        : t[i + 1] | 0x20 == 0x61 && t[i + 2] | 0x20 == 0x74 ? 2 // " at " (FieldFiller reads it too)
                        : t[i + 1] == 0xE2 && i + 3 < t.count && t[i + 2] == 0x80 && (t[i + 3] == 0x93 || t[i + 3] == 0x94) ? 3 : 0
                    let start = i + 2 + width
                    guard width > 0, start <= t.count, t[start - 1] == 0x20, t.count - start >= e.count,
                          memcmp(t.baseAddress! + start, e.baseAddress!, e.count) == 0 else { continue }
                    return i
                }
                return nil
            }
        }
        guard let cut else { return title }
        return String(decoding: title.utf8.prefix(cut), as: UTF8.self)
    }

    private static let labelEndings = ["qualifications", "requirements", "qualifications:", "requirements:"]
    private static let notQualificationLabels = FastText.Needles(["date", "material", "document", "application", "start", "salary", "time"])

    /// A label of requirements at the start of a sentence ("Preferred Qualifications: …", "Required:") or
    /// closing it ("… software Preferred Qualifications"): capitalised words that name required or preferred.
    static func inlineLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> (kind: PostingSection.Kind, leading: Bool)? {
        // Byte tests first: almost no sentence has a colon near its start or ends on one of these words.
        guard bytes.prefix(48).contains(UInt8(ascii: ":")) || labelEndings.contains(where: { FastText.hasSuffixIgnoringCase(bytes, $0) }) else {
            return nil
        }
        return inlineLabel(String(decoding: bytes, as: UTF8.self))
    }

    static func inlineLabel(_ text: String) -> (kind: PostingSection.Kind, leading: Bool)? {
        func kind(_ words: some Collection<Substring>) -> PostingSection.Kind? {
            guard !words.isEmpty, words.count <= 4, words.allSatisfy({ $0.startsUppercase }) else { return nil }
            let label = words.joined(separator: " ")
            // "Preferred Start Date:", "Required Application Materials:" are not qualification labels.
            guard !notQualificationLabels.occurs(in: label) else { return nil }
            let k = SectionClassifier.kind(ofHeading: label)
            return k == .required || k == .preferred ? k : nil
        }
        // Byte tests first: almost no sentence has a colon near its start or ends on one of these words.
        let utf8 = text.utf8
        if let colon = utf8.prefix(48).firstIndex(of: UInt8(ascii: ":")), let k = kind(FastText.split(text[..<colon], separator: 0x20)) {
            return (k, true)
        }
        guard labelEndings.contains(where: { FastText.hasSuffixIgnoringCase(utf8, $0) }) else { return nil }
        let words = FastText.split(text, separator: 0x20)
        // The label closes the sentence, or is the whole of it ("Preferred Qualifications").
        for size in stride(from: min(4, words.count), through: 2, by: -1) {
            if let k = kind(words.suffix(size).map { $0.hasSuffix(":") ? $0.dropLast() : $0 }) { return (k, false) }
        }
        return nil
    }

    /// Every mention in `posting`, in text order (negated mentions left out).
    public func mentions(in posting: JobPosting) -> [SkillMention] {
        mentions(in: Self.sentences(of: posting, vocabulary: matcher.vocabulary, forms: false), title: posting.title)
    }

    /// The lexical pass of ``mentions(in:)`` alone, for the bench: the posting split into sentences, its
    /// words numbered and its phrases matched, with no context rule run. The number of phrases matched.
    package func phraseMatches(in posting: JobPosting) -> Int {
        Self.sentences(of: posting, vocabulary: matcher.vocabulary, forms: false).reduce(0) {
            $0 + matcher.matches($1.scan.words.ids, in: $1.words).count
        }
    }

    func mentions(in sentences: [Sentence], title: String?) -> [SkillMention] {
        let ownTitle = TitleWords(title ?? "")
        var found: [SkillMention] = []
        for sentence in sentences {
            // Most of what follows is needed only when a phrase matches; many sentences match none.
            let matches = matcher.matches(sentence.scan.words.ids, in: sentence.words)
            guard !matches.isEmpty else { continue }
            let words = SentenceWords(sentence.string, scanned: sentence.scan.words, words: sentence.words, from: sentence.bytes.lowerBound,
                                      vocabulary: matcher.vocabulary)
            mentions(words, matches: matches, section: sentence.section, ownTitle: ownTitle, into: &found)
        }
        return found
    }

    /// The mentions in one sentence of a section of this kind.
    /// - Parameter ownTitle: the words of the posting's title, so that its own role is not taken for a colleague.
    public func mentions(in sentence: String, section: PostingSection.Kind, ownTitle: Set<String> = []) -> [SkillMention] {
        let scanned = Tokenizer.scan(sentence, vocabulary: matcher.vocabulary)
        let matches = matcher.matches(scanned.ids)
        guard !matches.isEmpty else { return [] }
        let words = SentenceWords(sentence, scanned: scanned, words: 0..<scanned.count, from: 0, vocabulary: matcher.vocabulary)
        var found: [SkillMention] = []
        mentions(words, matches: matches, section: section, ownTitle: TitleWords(words: ownTitle), into: &found)
        return found
    }

    /// The mentions in one sentence of a section of this kind, given what the phrase matcher found in it.
    private func mentions(_ w: SentenceWords, matches: [PhraseMatcher.Match], section: PostingSection.Kind, ownTitle: TitleWords,
                          into found: inout [SkillMention]) {
        let sentence = w.sentence
        let boilerplate = section == .about || ContextRules.isAboutTheInstitution(w)
        let weight = boilerplate ? min(Self.boilerplateWeight, Self.sectionWeights[section] ?? 0.5)
                                 : (Self.sectionWeights[section] ?? 0.5)
        if ContextRules.isNameLine(w) { return }
        let before = found.count
        // The skills (by place) of the mentions this sentence adds, beside them in `found`.
        var added: [Int] = []
        var ids: [Int] = []
        // Words the rarer rules need, looked for once per sentence rather than once per mention.
        let cues = ContextRules.Cues(classes: w.classes)
        var addresses: [Range<String.Index>]?
        for match in matches {
            let range = w.range(of: match.tokens)
            // "jobs.php", "libguides.mssm.edu": words of an address are not skills. The sentence's addresses
            // are looked for only when a match stands in a run of bytes with an "@", "/" or ".".
            if w.mayTouchAddress(match.tokens) {
                if addresses == nil { addresses = ContextRules.webAddresses(in: sentence) }
                if addresses!.contains(where: { $0.overlaps(range) }) { continue }
            }
            ids.removeAll(keepingCapacity: true)
            for target in match.targets {
                if target.ambiguous < 0 {
                    let id = target.skill
                    ids.append(id)
                    // A phrase can hold an ambiguous word that is a skill of its own: "teen programming" is
                    // teen services and programming; "young adult collection", teen services and collection work.
                    for k in match.tokens where match.tokens.count > 1 && matcher.isAmbiguous(w[k].id) {
                        guard let other = taxonomy.ambiguous[w.norm(k)].flatMap(taxonomy.position(of:)), other != id,
                              !ids.contains(other) else { continue }
                        if ContextRules.decide(word: w.norm(k), w, at: k..<(k + 1), section: section) == .accept {
                            ids.append(other)
                        }
                    }
                } else {
                    switch ContextRules.decide(word: matcher.ambiguousWords[target.ambiguous], w, at: match.tokens, section: section) {
                    case .accept: ids.append(target.skill)
                    case .code: if let codingSkill { ids.append(codingSkill) }
                    case .reject: break
                    }
                }
            }
            guard !ids.isEmpty, !ContextRules.isNegated(w, at: match.tokens),
                  !ContextRules.namesColleague(w, at: match.tokens, ownTitle: ownTitle) || Self.isOwnTitle(w, ownTitle),
                  !ContextRules.namesCoworkers(w, at: match.tokens),
                  !(cues.digits && ContextRules.isHoldingsCount(w, at: match.tokens)) else { continue }
            // A phrase that ends on a possessive names something of its own: "administers the library's
            // ILS" is systems work, not administering the library.
            if match.tokens.count > 1, w.endsPossessive(match.tokens.upperBound - 1) { continue }
            let mention = ContextRules.Mention(words: w, span: match.tokens)
            for id in ids {
                let rules = skillRules[id]
                guard !ContextRules.dropsMention(mention, rules: rules, cues: cues) else { continue }
                let skill = taxonomy.skills[id]
                let term = rules.termOfEmployment && ContextRules.isTermOfEmployment(w)
                added.append(id)
                found.append(SkillMention(skill: skill, section: section, evidence: sentence, matched: range,
                                          weight: term ? min(weight, Self.boilerplateWeight) : weight,
                                          boilerplate: boilerplate || term))
            }
        }
        // A bare word shared with a more specific sibling found in the same sentence belongs to the sibling:
        // "Archivematica or a comparable preservation system" is digital preservation (Archivematica is a
        // tool of it), not conservation; "accessioning, collection management and location data in
        // ArchivesSpace" is archival work, not collection development.
        for (s, sibling) in Self.siblings.enumerated() where added.contains(where: { siblingBits[$0] & 1 << s != 0 }) {
            var k = 0
            while k < added.count {
                let mention = found[before + k]
                if mention.skill.id == sibling.general && sentence[mention.matched].lowercased() == sibling.bare {
                    found.remove(at: before + k)
                    added.remove(at: k)
                } else {
                    k += 1
                }
            }
        }
    }

    /// A general skill, the bare words it shares, and which skills in the same sentence take those words.
    struct Sibling: Sendable {
        var general: String
        var bare: String
        var takesWord: @Sendable (Skill) -> Bool
    }

    static let siblings: [Sibling] = [
        Sibling(general: "preservation-conservation", bare: "preservation") {
            $0.id == "digital-preservation" || $0.broader.contains("digital-preservation")
        },
        Sibling(general: "collection-development", bare: "collection management") {
            $0.id == "arrangement-description" || $0.broader.contains("arrangement-description") || $0.id == "archives"
        },
    ]

    /// Each posting's analysis, worked out on all cores (``Parallel``), in input order.
    public func analyse(_ postings: [JobPosting]) -> [PostingAnalysis] {
        Parallel.map(postings) { analyse($0) }
    }

    /// How many postings ``analyse(_:inChunks:)`` analyses at a time: enough to keep every core busy, few
    /// enough that a large batch's analyses (or a streamed feed's postings) never pile up.
    public static let chunkSize = 512

    /// Analyses `postings` on all cores a chunk at a time, handing each chunk and its analyses to `body`
    /// in input order, so that output can be written as it is ready.
    public func analyse(_ postings: [JobPosting], inChunks body: ([JobPosting], [PostingAnalysis]) throws -> Void) rethrows {
        for start in stride(from: 0, to: postings.count, by: Self.chunkSize) {
            let chunk = Array(postings[start..<min(start + Self.chunkSize, postings.count)])
            try body(chunk, analyse(chunk))
        }
    }

    /// The posting's skills (one mention each, the one that counts most), requirements and lean.
    public func analyse(_ posting: JobPosting) -> PostingAnalysis {
        let sentences = Self.sentences(of: posting, vocabulary: matcher.vocabulary)
        let all = mentions(in: sentences, title: posting.title)
        var best: [String: SkillMention] = [:]
        var order: [String] = []
        for mention in all {
            if let existing = best[mention.skill.id] {
                if mention.weight > existing.weight { best[mention.skill.id] = mention }
            } else {
                best[mention.skill.id] = mention
                order.append(mention.skill.id)
            }
        }
        let skills = order.compactMap { best[$0] }
        // The two sides count fully; a bridging area (technology, archives, …) sits between them and
        // counts half to each; cross-cutting skills count for neither.
        var technical = 0.0, user = 0.0
        for mention in skills where mention.weight > Self.boilerplateWeight {
            switch mention.skill.side {
            case .technical?: technical += mention.weight
            case .user?: user += mention.weight
            case .some: technical += mention.weight / 2; user += mention.weight / 2
            case nil: break
            }
        }
        return PostingAnalysis(skills: skills, mentions: all,
                               requirements: RequirementsExtractor.requirements(of: sentences),
                               lean: Lean(technical: technical, user: user))
    }
}

import Foundation
