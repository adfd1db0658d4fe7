import Foundation
import Testing
@testable import StacksFit

/// The bundled taxonomy: size, coverage of the field's vocabulary, and consistency.
@Suite("Bundled taxonomy")
struct TaxonomyTests {
    static let taxonomy = try? Taxonomy.bundled()

    @Test("it loads, with at least 150 skills on every side and area")
    func size() throws {
        let taxonomy = try #require(Self.taxonomy)
        #expect(taxonomy.skills.count >= 150)
        let sides = Set(taxonomy.skills.compactMap(\.side))
        #expect(sides == Set(Side.allCases))
        #expect(taxonomy.skills.contains { $0.side == nil })
        let areas: Set<String> = ["foundations", "information-resources", "organization-of-knowledge", "technological-knowledge",
                                  "reference-and-user-services", "research", "continuing-education", "administration-and-management",
                                  "social-justice"]
        for skill in taxonomy.skills {
            if let area = skill.alaArea { #expect(areas.contains(area), "\(skill.id): \(area)") }
            #expect(skill.id == skill.id.lowercased() && !skill.id.contains(" "), "\(skill.id)")
            for phrase in skill.phrases { #expect(phrase == phrase.lowercased(), "\(skill.id): \(phrase)") }
        }
        #expect(taxonomy.skills.filter { $0.bridge != nil }.count >= 50)
    }

    @Test("the tools and standards ads name are all recognised", arguments: [
        "MARC 21", "RDA", "AACR2", "LCSH", "BIBFRAME", "Dublin Core", "MODS", "EAD", "DACS", "Alma", "Sierra", "Koha", "FOLIO",
        "OCLC Connexion", "MarcEdit", "ArchivesSpace", "CONTENTdm", "LibGuides", "LibAnswers", "ILLiad", "EZproxy", "COUNTER",
        "PubMed", "NACO", "LCC", "Dewey Decimal Classification", "MeSH", "OpenRefine", "WorldCat", "Archivematica", "Omeka",
        "interlibrary loan", "ILL", "readers' advisory", "storytime", "information literacy", "cataloguing", "electronic resources",
        "ERM", "link resolver", "collection development", "digital preservation", "copyright", "open access", "grant writing",
    ])
    func vocabulary(_ term: String) throws {
        let taxonomy = try #require(Self.taxonomy)
        let found = SkillExtractor(taxonomy: taxonomy).mentions(in: "Experience with \(term) is required.", section: .required)
        #expect(!found.isEmpty, "\(term) is not recognised")
    }

    @Test("the ambiguous words all have a rule and a skill")
    func ambiguous() throws {
        let taxonomy = try #require(Self.taxonomy)
        for word in ["reference", "instruction", "programming", "circulation", "collection"] {
            #expect(taxonomy.ambiguous[word] != nil || taxonomy.ambiguous[word + "s"] != nil, "\(word)")
        }
    }

    @Test("a broken taxonomy file is refused with its name and the problem", arguments: [
        ("{\"version\": 1, \"skills\": [{\"id\": \"a\", \"label\": \"A\", \"phrases\": []}, {\"id\": \"a\", \"label\": \"B\", \"phrases\": []}]}", "skill id 'a' appears twice"),
        ("{\"version\": 1, \"skills\": [{\"id\": \"a\", \"label\": \"A\", \"phrases\": [], \"broader\": [\"zz\"]}]}", "skill 'a' names unknown skill 'zz'"),
        ("{\"version\": 1, \"skills\": [{\"label\": \"A\"}]}", "missing 'id'"),
        ("{\"version\": 2, \"skills\": []}", "version 2 is not supported"),
    ])
    func broken(_ json: String, _ message: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sf-tax-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try Taxonomy(contentsOf: url)
        } throws: { error in
            let text = "\(error)"
            return text.contains(url.path) && text.contains(message)
        }
    }
}

/// Context rules that need skills only the bundled taxonomy has.
@Suite("Context rules on the bundled taxonomy")
struct BundledContextRuleTests {
    static let extractor = TaxonomyTests.taxonomy.map { SkillExtractor(taxonomy: $0) }

    private func ids(_ sentence: String, _ section: PostingSection.Kind = .duties) throws -> Set<String> {
        let extractor = try #require(Self.extractor)
        return Set(extractor.mentions(in: sentence, section: section).map(\.skill.id))
    }

    @Test("programs: public events vs degree programs", arguments: [
        ("Plan adult programs such as author talks and book clubs.", true),
        ("Experience planning and delivering programs for children.", true),
        ("Current enrollment in an ALA-accredited program.", false),
        ("Must complete the certification program within 24 months.", false),
    ])
    func programs(_ sentence: String, _ meansSkill: Bool) throws {
        #expect(try ids(sentence).contains("public-programming") == meansSkill, "\(sentence)")
    }

    @Test("select: materials vs anything else", arguments: [
        ("Selects, weeds and promotes the young adult collection.", true),
        ("Select and maintain assigned areas of the adult nonfiction collection.", true),
        ("Select appropriate tools for each project.", false),
    ])
    func select(_ sentence: String, _ meansSkill: Bool) throws {
        #expect(try ids(sentence).contains("selection") == meansSkill, "\(sentence)")
    }

    @Test("train: staff training vs training received", arguments: [
        ("Hires, trains, schedules and supervises three part-time staff.", true),
        ("Train staff and volunteers to deliver technology help.", true),
        ("NACO training or independent status.", false),
        ("Training will be provided.", false),
    ])
    func train(_ sentence: String, _ meansSkill: Bool) throws {
        #expect(try ids(sentence).contains("staff-training") == meansSkill, "\(sentence)")
    }

    @Test("chat: reference by chat vs anything else", arguments: [
        ("Provide reference at the desk, by phone and through chat.", true),
        ("Join our team chat on Fridays.", false),
    ])
    func chat(_ sentence: String, _ meansSkill: Bool) throws {
        #expect(try ids(sentence).contains("virtual-reference") == meansSkill, "\(sentence)")
    }

    @Test("a phrase holding an ambiguous word yields both skills: teen programming, young adult collection")
    func embedded() throws {
        let found = try ids("Plans, promotes and leads teen programming; selects the young adult collection.")
        #expect(found.isSuperset(of: ["teen-services", "public-programming", "collection-development"]), "\(found)")
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("the byte-level plural stripping agrees with the string version", arguments: [
        "libraries", "searches", "services", "access", "campus", "analysis", "boxes", "classes", "dishes", "ties", "lies",
        "series", "species", "msls", "bus", "gas", "cats", "cafés", "résumés", "archives", "bibliographies", "s", "ss", "abcs", "naïves", "über",
    ])
    func plurals(_ word: String) {
        #expect(Tokenizer.norms(word) == [Tokenizer.normalise(word)])
    }

    @Test("the vocabulary finds every word it holds as it grows, and no other; a scan numbers words by it")
    func numbered() {
        var vocabulary = Vocabulary()
        let words = (0..<1_500).map { "word\($0)" } + ["library", "cataloging", "café"]
        let numbers = words.map { vocabulary.intern($0) }
        // Growing the table keeps every word where it can be found again.
        #expect(words.map { vocabulary.id(of: $0) } == numbers)
        #expect(vocabulary.id(of: "libraries") == Vocabulary.unknown)
        // Words of every shape, many sharing first byte, last byte and length with words it holds.
        let reference = Dictionary(uniqueKeysWithValues: zip(words, numbers))
        let letters = Array("word0123459é")
        var random = SplitMix64(seed: 61)
        var found = 0
        for _ in 0..<20_000 {
            // A word it holds, one with a character changed (same shape), or any letters.
            var word = Array(words[Int(random.next() % UInt64(words.count))])
            switch random.next() % 3 {
            case 0: break
            case 1: word[Int(random.next() % UInt64(word.count))] = letters[Int(random.next() % UInt64(letters.count))]
            default: word = (0..<(1 + Int(random.next() % 8))).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
            }
            let text = String(word)
            let expected = reference[text] ?? Vocabulary.unknown
            #expect(vocabulary.id(of: text) == expected, "\(text)")
            if expected != Vocabulary.unknown { found += 1 }
        }
        #expect(found > 100, "\(found)")
        let text = "The LIBRARIES' Cataloging — children’s CAFÉS, word7 and word1499; unknownword"
        let scanned = Tokenizer.scan(text, vocabulary: vocabulary)
        #expect(scanned.ids == Tokenizer.norms(text).map { vocabulary.id(of: $0) })
        #expect(scanned.ids.filter { $0 >= 0 } == ["library", "cataloging", "café", "word7", "word1499"].map { vocabulary.id(of: $0) })
    }

    @Test("scanning numbers the same words at the same places as tokenising, and each word's normal form is rebuilt from it as written")
    func scanned() {
        var vocabulary = ContextRules.lexicon
        for word in ["library", "cataloging", "café", "word7", "bibliography", "child"] { vocabulary.intern(word) }
        var rng = SplitMix64(seed: 3)
        let pieces = ["The", "LIBRARIES'", "Cataloging", "—", "children’s", "CAFÉS", "word7", "and", "bibliographies", ";", "naïves",
                      "İstanbul", "3+", "000", "e-books", "don't", "'quoted'", "\u{FFFD}", "ﬁnance", "Straße", "x", "ss", "series", "(", "\n"]
        for _ in 0..<500 {
            let text = (0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                .joined(separator: rng.next() % 3 == 0 ? "" : " ")
            let tokens = Tokenizer.tokens(text)
            let scanned = Tokenizer.scan(text, vocabulary: vocabulary)
            #expect(scanned.ids == tokens.map { vocabulary.id(of: $0.norm) }, "\(text)")
            let words = SentenceWords(text, scanned: scanned, words: 0..<scanned.count, from: 0, vocabulary: vocabulary)
            // A sentence read out of a longer text finds the same words at the same places.
            let within = "• Lead-in: " + text + " — and after"
            let outer = Tokenizer.scan(within, vocabulary: vocabulary)
            let skip = Tokenizer.scan("• Lead-in: ", vocabulary: vocabulary).count
            let inner = SentenceWords(text, scanned: outer, words: skip..<(skip + scanned.count), from: "• Lead-in: ".utf8.count, vocabulary: vocabulary)
            #expect(inner.indices.map { inner[$0] } == words.indices.map { words[$0] }, "\(text)")
            #expect(inner.classes.map(\.rawValue) == words.classes.map(\.rawValue), "\(text)")
            #expect(inner.indices.map { inner.range(of: $0..<($0 + 1)) } == tokens.map(\.range), "\(text)")
            #expect(words.indices.map { words.range(of: $0..<($0 + 1)) } == tokens.map(\.range), "\(text)")
            #expect(words.indices.map(words.norm) == tokens.map(\.norm), "\(text)")
            #expect(words.norms == tokens.map(\.norm), "\(text)")
            #expect(words.indices.map(words.isNumber) == tokens.map { $0.norm.first?.isASCII == true && $0.norm.first?.isNumber == true }, "\(text)")
        }
    }

    @Test("every word a rule names has a number of its own; word sets hold exactly their words")
    func ruleWords() {
        let numbers = ContextRules.ruleWords.map { Word(stringLiteral: $0) }
        #expect(Set(numbers.map(\.id)).count == ContextRules.ruleWords.count)
        let set = WordSet(["of", "library", "000"])
        #expect(ContextRules.ruleWords.filter { set.contains(Word(stringLiteral: $0)) }.sorted() == ["000", "library", "of"])
        #expect(!set.contains(Word(id: Vocabulary.unknown)))
        // Every list the rules use is built from words of the lexicon (a missing one would stop here).
        #expect(ContextRules.buildWordLists() > 100)
        #expect(!set.contains(Word(id: Int32(ContextRules.lexicon.count + 70))))
    }

    @Test("startsUppercase agrees with Character.isUppercase", arguments: ["Library", "library", "École", "école", "", "1st", "Ñandú", "ß"])
    func uppercase(_ word: String) {
        #expect(word.startsUppercase == (word.first?.isUppercase ?? false))
    }
}

@Suite("Sentences")
struct SentencesTests {
    @Test("list bullets and ' -- ' separate items; abbreviations do not end a sentence")
    func split() {
        #expect(Sentences.split("Required ● MLS ● Two years of experience") == ["Required", "MLS", "Two years of experience"])
        #expect(Sentences.split("Education: -- MLS -- Bachelor's degree, preferred.") == ["Education:", "MLS", "Bachelor's degree, preferred."])
        #expect(Sentences.split("Ph.D. preferred. Apply by May.") == ["Ph.D. preferred.", "Apply by May."])
        #expect(Sentences.split("A well-known -- and loved -- library") == ["A well-known", "and loved", "library"])
        #expect(Sentences.split("Required: - MLS or equivalent degree - 3+ years of experience - Excellent communication skills") == ["Required:", "MLS or equivalent degree", "3+ years of experience", "Excellent communication skills"])
        // Not a range, and not a short tail that belongs to its item.
        #expect(Sentences.split("3 - 5 years of experience in a library") == ["3 - 5 years of experience in a library"])
        #expect(Sentences.split("Master's degree in Library Science - Preferred") == ["Master's degree in Library Science - Preferred"])
        #expect(Sentences.split("Bilingual English - Spanish required") == ["Bilingual English - Spanish required"])
        #expect(Sentences.split("• Preferred Qualifications: Experience with Alma") == ["Preferred Qualifications: Experience with Alma"])
        #expect(Sentences.split("A small - but mighty - library") == ["A small - but mighty - library"])
        #expect(Sentences.split("QUALIFICATIONS: \u{F0B7} ALA-accredited Master's Degree \u{F0B7} Minimum 2 years' experience") == ["QUALIFICATIONS:", "ALA-accredited Master's Degree", "Minimum 2 years' experience"])
        #expect(Sentences.split("Preferred Qualifications -Experience in an academic library. -Supervisory experience.") == ["Preferred Qualifications", "Experience in an academic library.", "Supervisory experience."])
        #expect(Sentences.split("A self-motivated, detail-oriented team player") == ["A self-motivated, detail-oriented team player"])
    }

    @Test("a run-on sentence longer than any real one is read in pieces, every word in one piece, in order")
    func runOn() {
        var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
        posting.text = "Intro. " + (0..<2_500).map { $0 % 7 == 0 ? "Reference" : "word\($0)" }.joined(separator: " ") + ". Outro."
        let sentences = SkillExtractor.sentences(of: posting)
        #expect(sentences.map(\.words.count) == [1, 1_000, 1_000, 500, 1])
        #expect(sentences.dropFirst().first?.string.hasPrefix("Reference word1 ") == true)
        #expect(sentences.map(\.words).allSatisfy { !$0.isEmpty } && zip(sentences, sentences.dropFirst()).allSatisfy { $0.words.upperBound == $1.words.lowerBound })
        #expect(sentences.map(\.string).joined(separator: " ") == posting.text)
    }

    @Test("a section scanned once gives each sentence the words, forms and text it has on its own")
    func sectionScan() {
        var rng = SplitMix64(seed: 9)
        let pieces = ["Cataloging", "e.g.", "Ph.D.", "MLS", "-", "--", "•", "\u{F0B7}", ".", ". ", "; ", "! ", "\n", "3 - 5", "years'", "children’s",
                      "Preferred Qualifications:", "Required", "café", "İstanbul", "ﬁnance", "A", "libraries", "-Supervisory", "’", "'"]
        for _ in 0..<400 {
            var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
            posting.text = (0..<Int(rng.next() % 24)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                .joined(separator: rng.next() % 4 == 0 ? "" : " ")
            let sentences = SkillExtractor.sentences(of: posting)
            #expect(sentences.map(\.string) == Sentences.split(posting.text), "\(posting.text)")
            for sentence in sentences {
                let alone = Tokenizer.scan(sentence.string, vocabulary: ContextRules.lexicon, forms: true)
                #expect(Array(sentence.scan.words.ids[sentence.words]) == alone.ids, "\(posting.text)")
                #expect(Array(sentence.scan.words.forms(of: sentence.words)) == (alone.forms.isEmpty ? [0x20] : alone.forms), "\(posting.text)")
            }
        }
    }
}
