import Testing
@testable import StacksFit

@Suite("Requirements")
struct RequirementsTests {
    private func requirements(_ sections: [(PostingSection.Kind, String)]) -> Requirements {
        var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
        posting.sections = sections.map { PostingSection(kind: $0.0, heading: nil, text: $0.1) }
        return RequirementsExtractor.requirements(of: posting)
    }

    @Test("degrees, required and preferred", arguments: [
        ("ALA-accredited MLS/MLIS (or equivalent).", PostingSection.Kind.required, true, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        ("Master's degree from an ALA-accredited program conferred by the start date.", .required, true, ["ALA-accredited MLS/MLIS"]),
        ("MLIS preferred.", .required, false, []),
        ("Master's degree in library science.", .preferred, false, []),
        ("Bachelor's degree required; MLS preferred.", .required, false, ["Bachelor's degree"]),
        ("Associate's degree or equivalent experience.", .required, false, ["Associate's degree"]),
    ])
    func degrees(_ text: String, _ kind: PostingSection.Kind, _ mls: Bool, _ degrees: [String]) {
        let r = requirements([(kind, text)])
        #expect(r.mlsRequired == mls, "\(text)")
        #expect(r.degrees == degrees, "\(text): \(r.degrees)")
    }

    @Test("years of experience in any phrasing", arguments: [
        ("Two years of professional cataloging experience.", 2),
        ("3+ years of experience in an academic library.", 3),
        ("At least five (5) years of professional experience, including two in a supervisory role.", 5),
        ("Minimum of one year of library work experience.", 1),
        ("2-3 years of experience with Alma.", 2),
        ("One year of experience working with teens.", 1),
    ])
    func years(_ text: String, _ expected: Int) {
        #expect(requirements([(.required, text)]).minYearsExperience == expected, "\(text)")
    }

    @Test("years stated only as preferred do not gate")
    func preferredYears() {
        #expect(requirements([(.preferred, "Three years of experience.")]).minYearsExperience == nil)
        #expect(requirements([(.required, "A two-year appointment, renewable.")]).minYearsExperience == nil)
    }

    @Test("supervision with its years")
    func supervision() {
        let r = requirements([(.required, "At least five (5) years of professional experience, including two in a supervisory role.")])
        #expect(r.supervisionRequired)
        #expect(r.supervisoryYears == 2)
    }

    @Test("certifications, not those to be earned after hire", arguments: [
        ("Valid state School Library Media Specialist certification and a teaching certificate.", ["school-library-media", "teaching"]),
        ("Certified Archivist designation.", ["certified-archivist"]),
        ("Must obtain state director certification within 24 months of hire.", []),
    ])
    func certifications(_ text: String, _ expected: [String]) {
        #expect(requirements([(.required, text)]).certifications == expected, "\(text)")
    }

    @Test("languages", arguments: [
        ("Reading knowledge of German and French.", ["German", "French"]),
        ("Fluency in Spanish is required.", ["Spanish"]),
        ("Bilingual (English/Spanish).", ["Spanish"]),
    ])
    func languages(_ text: String, _ expected: [String]) {
        #expect(Set(requirements([(.required, text)]).languages) == Set(expected), "\(text)")
    }
}
