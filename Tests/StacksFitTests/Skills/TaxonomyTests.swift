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
