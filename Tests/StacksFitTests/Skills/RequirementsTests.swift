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
        // Dotted abbreviations and the association's full name (real postings).
        ("EDUCATION: M.L.S. from an A.L.A.-accredited program required.", .required, true, ["ALA-accredited MLS/MLIS"]),
        ("Master's degree from an American Library Association accredited program.", .required, true, ["ALA-accredited MLS/MLIS"]),
        // Someone's degree in a contact block is not the job's.
        ("Laura Schimming, MLS Assistant Director", .application, false, []),
        ("Laura Schimming, MLS Assistant Director", .other, false, []),
        ("An MLIS is essential.", .other, true, ["ALA-accredited MLS/MLIS"]),
        // Another way in: another degree, or experience instead of the degree (second hand reading).
        ("MLS or PhD or equivalent in a relevant subject area required.", .required, false, ["ALA-accredited MLS/MLIS (or equivalent)", "Doctorate"]),
        ("Must be a MLS/MLIS/MSLIS candidate, recent graduate, or have 1-2 years of professional experience.", .required, false, ["ALA-accredited MLS/MLIS"]),
        ("JD and MLS from accredited institutions.", .required, true, ["ALA-accredited MLS/MLIS", "Law degree (JD)"]),
        ("MLS/MLIS with a concentration in archives or MA in Archives and Public History.", .required, false, ["ALA-accredited MLS/MLIS"]),
        // Review: the same degree by another name, and "a related field", are no other way in.
        ("Master's degree (MLS, MLIS, or MS in LIS) from an ALA-accredited program.", .required, true, ["ALA-accredited MLS/MLIS"]),
        ("Master's degree in library science or a related field, 2 years of professional experience required.", .required, false, ["ALA-accredited MLS/MLIS"]),
        ("MLS plus 2 years of experience.", .required, true, ["ALA-accredited MLS/MLIS"]),
        // Fourth hand reading: other ways in.
        ("Master's Degree in Library and Information Science or a related degree.", .required, false, ["ALA-accredited MLS/MLIS"]),
        // … unless the related degree must also come from an ALA-accredited institution.
        ("Master's in Library Science, Master's in Library Information Studies, or closely related discipline from an ALA-accredited program.", .required, true, ["ALA-accredited MLS/MLIS"]),
        ("MLS or Masters in Art History and/or Architecture.", .required, false, ["ALA-accredited MLS/MLIS"]),
        // Fifth hand reading: "similar", "other" and "advanced" degrees, and the library degree offered second.
        ("MLS or similar graduate degree.", .required, false, ["ALA-accredited MLS/MLIS"]),
        ("Master's degree in Library Science from an ALA-accredited institution or advanced degree and significant library experience required.", .required, false, ["ALA-accredited MLS/MLIS"]),
        ("Graduate degree in Latin American art history, with an emphasis on modern and contemporary art, or an MLIS with expertise in the literature on art from Latin America.", .required, false, ["ALA-accredited MLS/MLIS"]),
        ("MLS or other advanced degree from an ALA-accredited program.", .required, true, ["ALA-accredited MLS/MLIS"]),
        ("Bachelor's degree and an MLS.", .required, true, ["ALA-accredited MLS/MLIS", "Bachelor's degree"]),
        // Seventh hand reading: a bachelor's by its letters alone.
        ("B.A./B.S. in Computer Science, Information Systems, or equivalent.", .required, false, ["Bachelor's degree"]),
        ("BA/BS in a related field.", .required, false, ["Bachelor's degree"]),
        ("Plan B: a backup of the catalog.", .required, false, []),
        ("Library school degree or some library school coursework are preferred.", .required, false, []),
        // … but the same degree by other words is not another way in.
        ("An earned M.L.S. / M.L.I.S or equivalent degree from an ALA accredited institution, or from a master's level program in library and information studies accredited or recognized by the appropriate national body of another country.", .required, true, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        ("A master's degree with a specialty in school librarianship from a program recognized by AASL/ALA (or a master's degree from a program accredited by ALA alongside significant school library experience).", .required, true, ["ALA-accredited MLS/MLIS"]),
        ("Candidates should hold an ALA-accredited Masters Degree in library, information, and/or archival science or an equivalent advanced degree.", .required, true, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        // Seventh hand reading: experience instead of the degree after "or equivalent", and "and/or" another master's.
        ("MLS or equivalent work experience.", .required, false, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        ("Master's in library science from an ALA accredited institution or equivalent combination of education and experience.", .required, false, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        ("A Master's degree from an ALA-accredited institution and/or a Master's degree in Archival Studies.", .required, false, ["ALA-accredited MLS/MLIS"]),
        ("ALA-accredited MLS (or equivalent) and experience working in an automated environment are required.", .required, true, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        ("ALA-accredited MLS or equivalent, relevant experience in academic libraries.", .required, true, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        ("MLS and/or experience working in ILS support.", .required, false, ["ALA-accredited MLS/MLIS"]),
        // Not another way in: "or equivalent" before a list item, a second degree required beside the MLS, "library or information science".
        ("The candidate should have a Master's degree from ALA-accredited program of library or information science, 1 year experience in an academic library.", .required, true, ["ALA-accredited MLS/MLIS"]),
        ("Required: - ALA-accredited Master's Degree in Library/Information Science or equivalent - 3+ years relevant professional experience", .required, true, ["ALA-accredited MLS/MLIS (or equivalent)"]),
        ("MLS, or its equivalent from an ALA-accredited library school, and an additional Master's degree or Doctorate.", .required, true, ["ALA-accredited MLS/MLIS (or equivalent)", "Second master's degree", "Doctorate"]),
        // A list run together with " -- ": the trailing "preferred" belongs to the last item.
        ("Knowledge and Education: -- Master's Degree in Library or Information Science -- Bachelor's degree in Art History, or related experience and knowledge, preferred.", .required, true, ["ALA-accredited MLS/MLIS"]),
    ])
    func degrees(_ text: String, _ kind: PostingSection.Kind, _ mls: Bool, _ degrees: [String]) {
        let r = requirements([(kind, text)])
        #expect(r.mlsRequired == mls, "\(text)")
        #expect(r.degrees == degrees, "\(text): \(r.degrees)")
    }

    @Test("students working toward the library degree are let in: it is no gate (fifth hand reading)", arguments: [
        ("Must be enrolled in an ALA-accredited library and information science graduate program or have recently graduated.", false),
        ("MLS/MLIS from an ALA-accredited program or current enrollment in an accredited MLS/MILS program.", false),
        ("MLS from an ALA-accredited institution (candidates pursuing an MLS degree at an ALA-accredited institution will also be considered).", false),
        ("Holds or currently working toward a MLIS degree.", false),
        ("ALA Accredited MLS, or advanced MLS candidate.", false),
        ("Be a current MLIS student or recent graduate of a MLIS program.", false),
        ("Intern must be a current student in an MLS program from an accredited institution.", false),
        ("This position is intended for current students in an ALA-accredited graduate program in library/information science.", false),
        ("The Library seeks a Master of Library and Information Science (MLIS) instructional design intern for the fall semester.", false),
        ("MLS from an ALA accredited library school or completion of 12 credits towards the degree.", false),
        // The library's own students and staff, the applicant called a candidate, and a career-long pursuit are not.
        ("The successful candidate will have an ALA-accredited MLS and three years of experience.", true),
        ("ALA-accredited MLS required; supervises student assistants and library staff.", true),
        ("MLIS from an ALA-accredited program required to support undergraduate students and faculty.", true),
        ("ALA-accredited MLS and a commitment to pursuing professional growth.", true),
        ("ALA-accredited MLS and certification to teach high school students.", true),
        ("Serves current students and faculty; ALA-accredited MLS required.", true),
    ])
    func studentsLetIn(_ text: String, _ mls: Bool) {
        let r = requirements([(.required, text)])
        #expect(r.mlsRequired == mls, "\(text)")
        #expect(r.degrees.contains("ALA-accredited MLS/MLIS"), "\(text): \(r.degrees)")
    }

    @Test("a second or additional graduate degree, preferred")
    func secondDegrees() {
        #expect(requirements([(.preferred, "Second graduate degree.")]).preferredDegrees == ["Second master's degree"])
        #expect(requirements([(.preferred, "Additional advanced degree.")]).preferredDegrees == ["Second master's degree"])
        #expect(requirements([(.preferred, "Graduate degree in history.")]).preferredDegrees.isEmpty)
    }

    @Test("years of experience in any phrasing", arguments: [
        ("Two years of professional cataloging experience.", 2),
        ("3+ years of experience in an academic library.", 3),
        ("At least five (5) years of professional experience, including two in a supervisory role.", 5),
        ("Minimum of one year of library work experience.", 1),
        ("2-3 years of experience with Alma.", 2),
        ("One year of experience working with teens.", 1),
        // Real postings: ranges in words, a part of a whole, alternatives, and a project's length.
        ("Two-three years of experience applying qualitative or quantitative data analysis methods.", 2),
        ("Two to three years of experience in a public library.", 2),
        ("A minimum of five years of professional library experience subsequent to receiving the MLS, at least one year of which must have been in a supervisory or administrative capacity.", 5),
        ("Two years of experience, or one year of experience with an MLS.", 1),
        ("MLS or PhD in a relevant discipline and three years of professional experience.", 3),
        ("Master's degree in library science or a related field, 2 years of professional experience required.", 2),
        ("MLS plus 2 years of experience.", 2),
        ("Work on a one-year project; a minimum of three years' experience as a professional archivist.", 3),
        ("Two years of experience in an academic or public library, including one year of supervisory experience.", 2),
        ("Two years of experience, or one year of experience with an MLS.", 1),
        ("MLS or PhD in a relevant discipline and three years of professional experience.", 3),
        ("Master's degree in library science or a related field, 2 years of professional experience required.", 2),
        ("MLS plus 2 years of experience.", 2),
    ])
    func years(_ text: String, _ expected: Int) {
        #expect(requirements([(.required, text)]).minYearsExperience == expected, "\(text)")
    }

    @Test("separate required statements of experience: the posting needs the largest")
    func yearsAcrossSentences() {
        let r = requirements([(.required, "A minimum of one year of managerial experience including the management of full-time staff. Two years of post-MLS experience is required. A minimum of one year of librarian experience.")])
        #expect(r.minYearsExperience == 2)
        #expect(r.supervisionRequired)
        #expect(r.supervisoryYears == 1)
    }

    @Test("years under a heading that names experience need not say 'experience' (seventh hand reading)")
    func yearsUnderExperienceHeading() {
        var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
        posting.sections = [PostingSection(kind: .required, heading: "Required Experience", text: "3 years of performing unrevised original cataloging across all formats.")]
        #expect(RequirementsExtractor.requirements(of: posting).minYearsExperience == 3)
        posting.sections = [PostingSection(kind: .required, heading: "Qualifications", text: "3 years of performing unrevised original cataloging across all formats.")]
        #expect(RequirementsExtractor.requirements(of: posting).minYearsExperience == nil)
    }

    @Test("a statement that offers another way in can only lower the years")
    func alternativeStatements() {
        let r = requirements([(.required, "MLS and two years of professional experience; or a bachelor's degree and four years of experience.")])
        #expect(r.minYearsExperience == 2)
        #expect(r.professionalYearsRequired)
        let s = requirements([(.required, "Three years of library experience. A bachelor's degree and five years of experience may substitute for the MLS.")])
        #expect(s.minYearsExperience == 3)
        // The order of the statements does not matter.
        let t = requirements([(.required, "Four years of experience may substitute for the MLS. MLS and 2 years of experience.")])
        #expect(t.minYearsExperience == 2)
    }

    @Test("supervision phrased as management (second hand reading)", arguments: [
        ("Minimum of three years of experience, with increasing managerial responsibilities.", true, nil),
        ("A minimum of 3 to 4 years of management experience.", true, 3),
        ("Effective supervisory skills required.", true, nil),
        ("MLS and eight years of experience, including five years of experience in an administrative or supervisory capacity.", true, 5),
        // "An administrative capacity" alone may be clerical: not read as supervision.
        ("Three years of experience in an administrative capacity.", false, nil),
        ("Two years of electronic resources management experience.", false, nil),
        ("An MLS and five years of library leadership/management experience.", true, 5),
        ("A minimum of three years' library management experience.", true, 3),
        ("2) Four years of supervisory experience.", true, 4),
        ("The ideal candidate will have excellent personnel management skills.", false, nil),
        ("Minimum of 2-3 years experience managing staff.", true, 2),
        ("Supervisory and training experience.", true, nil),
        ("3 or more years of library management experience.", true, 3),
        ("Training experience with new systems.", false, nil),
        // Fifth hand reading: years before "or more", and a managerial position.
        ("Three or more years of supervisory experience.", true, 3),
        ("2+ years of supervisory experience.", true, 2),
        ("A minimum of five years of experience working as a professional librarian in a managerial position in a public library.", true, 5),
        ("Five years of experience in a professional position, including work with the library's managerial staff.", false, nil),
        ("Two years of project management experience.", false, nil),
    ] as [(String, Bool, Int?)])
    func managementAsSupervision(_ text: String, _ required: Bool, _ years: Int?) {
        let r = requirements([(.required, text)])
        #expect(r.supervisionRequired == required, "\(text)")
        #expect(r.supervisoryYears == years, "\(text)")
    }

    @Test("an inline label in a qualifications section makes what follows preferred (4% of real pages)", arguments: [
        "Minimum Qualifications: ALA-accredited MLS. Three years of library experience.\nPREFERRED QUALIFICATIONS\nTwo years of supervisory experience. Reading knowledge of German.",
        "Minimum Qualifications: ALA-accredited MLS. Three years of library experience. Preferred Qualifications: Two years of supervisory experience. Reading knowledge of German.",
        "Minimum Qualifications: - ALA-accredited MLS - Three years of library experience - Strong service orientation Preferred Qualifications - Two years of supervisory experience - Reading knowledge of German",
    ])
    func inlineLabels(_ text: String) {
        let r = requirements([(.required, text)])
        #expect(r.mlsRequired)
        #expect(r.minYearsExperience == 3)
        #expect(!r.supervisionRequired)
        #expect(r.languages.isEmpty)
    }

    @Test("a run-on line of qualifications: 'preferred' counts only near its own item (a real posting)")
    func runOnLine() {
        let line = "MLIS from an ALA-accredited institution Knowledge of professional law librarianship, concepts, principles and practices 2+ years experience in a law library preferred General computer skills and ability to use Microsoft Outlook, Excel, PowerPoint and Word Familiarity with Westlaw is preferred"
        let r = requirements([(.required, line)])
        #expect(r.mlsRequired)
        #expect(r.minYearsExperience == nil)
        let short = requirements([(.required, "MLIS and two years of experience preferred.")])
        #expect(!short.mlsRequired)
        #expect(short.minYearsExperience == nil)
        // A degree with none of the usual anchors is placed by the word "degree".
        let school = requirements([(.required, "A library school degree or some library school coursework is preferred Some familiarity with the digital humanities is preferred Experience engaging with others on social media channels on behalf of an organization")])
        #expect(!school.mlsRequired)
        #expect(school.preferredDegrees == ["ALA-accredited MLS/MLIS"])
    }

    @Test("being supervised is not supervising")
    func underSupervision() {
        let r = requirements([(.required, "Under the supervision of the curator of manuscripts, the Project Archivist will carry out basic description.")])
        #expect(!r.supervisionRequired)
        let both = requirements([(.required, "Under the supervision of the Head of Access Services, provides supervision of student assistants.")])
        #expect(both.supervisionRequired)
        let s = requirements([(.required, "A minimum of five years of professional library experience, at least one year of which must have been in a supervisory or administrative capacity.")])
        #expect(s.supervisionRequired)
        #expect(s.supervisoryYears == 1)
    }

    @Test("years stated only as preferred do not gate")
    func preferredYears() {
        #expect(requirements([(.required, "Two years of library experience recommended.")]).minYearsExperience == nil)
        #expect(requirements([(.required, "Preference given to candidates with three years of experience.")]).minYearsExperience == nil)
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
        ("Strong oral and written communication skills at a professional level in both Spanish and English.", ["Spanish"]),
        ("Excellent written communication skills.", []),
        // Fifth hand reading: a region is no language, and a language named as preferred beside a required one is not required.
        ("Excellent reading, writing, and speaking skills in English and Spanish required; knowledge of Portuguese preferred.", ["Spanish"]),
        ("Reading knowledge of Latin American languages, especially Spanish and Portuguese.", ["Spanish", "Portuguese"]),
        ("Reading knowledge of Latin and Greek.", ["Latin", "Greek"]),
        ("Must be fluent in Spanish, with French preferred.", ["Spanish"]),
        ("Knowledge of the lingua latin of cataloging is required.", []),
    ])
    func languages(_ text: String, _ expected: [String]) {
        #expect(Set(requirements([(.required, text)]).languages) == Set(expected), "\(text)")
    }
}
