import Foundation
import Testing
@testable import StacksFit

/// The extractor on a small taxonomy: phrases, plurals, British spelling, context rules, negation, boilerplate.
@Suite("Skill extraction")
struct SkillExtractorTests {
    static let taxonomy: Taxonomy = {
        // Built from the fixture; a failure here fails every test with its message.
        (try? Taxonomy(contentsOf: TestData.fixture("mini-taxonomy.json"))) ?? (try! Taxonomy(skills: []))
    }()
    static let extractor = SkillExtractor(taxonomy: taxonomy)

    private func ids(_ sentence: String, _ section: PostingSection.Kind = .duties) -> [String] {
        Self.extractor.mentions(in: sentence, section: section).map(\.skill.id)
    }

    @Test("the fixture taxonomy loads")
    func loads() {
        #expect(Self.taxonomy.skills.count == 14)
    }

    @Test("phrases match across case, punctuation, plurals and British spelling", arguments: [
        ("Performs original cataloguing of rare books using RDA and MARC 21.", ["cataloging-original", "rda", "marc21"]),
        ("Creates catalog records; maintains authority records (NACO).", ["cataloging", "authority-control", "naco"]),
        ("Staffs the Reference Desk and answers chat reference questions.", ["reference-services"]),
        ("Leads STORY TIME for preschoolers.", ["storytime"]),
    ])
    func phrases(_ sentence: String, _ expected: [String]) {
        #expect(Set(ids(sentence)) == Set(expected))
    }

    @Test("the longest phrase wins: original cataloging, not cataloging")
    func longest() {
        #expect(ids("Original cataloging of serials.") == ["cataloging-original"])
    }

    // MARK: context rules, each with a sentence where the word means the skill and one where it does not

    @Test("reported on: reports about circulation are reporting, not circulation work", arguments: [
        ("Supervises circulation and collection development for the branch.", ["circulation", "collection-development"]),
        ("Builds Alma Analytics reports and dashboards for circulation, collection development and cataloging.", []),
        ("Writes monthly statistics on circulation.", []),
        ("Reports to the Head of Circulation; performs original cataloging.", ["cataloging-original"]),
    ])
    func reportedOn(_ sentence: String, _ expected: [String]) {
        #expect(Set(ids(sentence)) == Set(expected), "\(sentence)")
    }

    static let bundled = SkillExtractor(taxonomy: (try? Taxonomy.bundled()) ?? taxonomy)

    @Test("context: license provisions, systems merely used, device help, coworkers, units, formats, operations, served courses and grants, search indexing, integrations, holdings, name lines, possessives (bundled taxonomy)", arguments: [
        // License provisions, library systems merely used, e-books as a patron's device question.
        ("Review and record license terms (perpetual access, interlibrary loan, accessibility, governing law).", "interlibrary-loan", false),
        ("Coordinate interlibrary loan borrowing and lending in ILLiad.", "interlibrary-loan", true),
        ("Audit the website for accessibility against WCAG 2.1 AA.", "accessibility", true),
        ("Review license terms covering accessibility and text mining.", "accessibility", false),
        ("Negotiate license terms with vendors.", "licensing", true),
        ("Experience with an integrated library system.", "ils-lsp-administration", false),
        ("Administer and configure the integrated library system.", "ils-lsp-administration", true),
        ("Lead the migration to a new library services platform.", "ils-lsp-administration", true),
        ("Experience with a library services platform or ERM system.", "ils-lsp-administration", false),
        ("Helps patrons with computers, printers, e-books and job applications.", "electronic-resources", false),
        ("Manage e-books and e-journals in the knowledge base.", "electronic-resources", true),
        // People the job works beside vs the role the candidate has held.
        ("Works with digitization staff, archivists and subject specialists to make collections discoverable.", "liaison-librarianship", false),
        ("Experience as a subject specialist for the humanities.", "liaison-librarianship", true),
        // A unit's capitalised name vs the work.
        ("Design a curriculum with the Outreach and Community Engagement team.", "outreach", false),
        ("Plan outreach to community organizations.", "outreach", true),
        ("Serve on the library's collection strategy group.", "collection-development", false),
        ("Develop a collection strategy for the health sciences.", "collection-development", true),
        // One format in a list of formats vs managing electronic resources.
        ("Catalog monographs, scores, audiovisual materials and electronic resources.", "electronic-resources", false),
        ("Develop and maintain a current print and digital collection.", "digitization", false),
        ("Manage print and electronic resources for the branch libraries.", "electronic-resources", true),
        ("Manage electronic resources and troubleshoot access problems.", "electronic-resources", true),
        // Running one service vs running the library.
        ("Manage the day-to-day operation of the circulation desk and course reserves.", "library-administration", false),
        ("Oversee the day-to-day operations of the library.", "library-administration", true),
        // A course served by one-shot sessions vs a course taught for credit.
        ("Teach one-shot sessions for First-Year Seminar and ENGL 101.", "credit-bearing-courses", false),
        ("Teach a credit-bearing first-year seminar each semester.", "credit-bearing-courses", true),
        // Plans for someone's grant application vs writing grants.
        ("Review data management plans for federal grant applications.", "grant-writing", false),
        ("Write and manage grant applications to IMLS and the state library.", "grant-writing", true),
        // Search-engine indexing vs subject indexing.
        ("Support the VuFind discovery layer, including indexing from FOLIO.", "subject-analysis", false),
        ("Provide subject indexing and thesaurus maintenance for the journal.", "subject-analysis", true),
        // Services a system is connected to vs the service itself.
        ("Maintain integrations with campus identity systems, bursar exports, and resource sharing.", "interlibrary-loan", false),
        ("Coordinate resource sharing and interlibrary loan for the consortium.", "interlibrary-loan", true),
        // A count of holdings vs work with them.
        ("Make more than 400,000 digitized photographs, manuscripts, oral histories and publications discoverable.", "oral-history", false),
        ("Conduct and process oral histories with community members.", "oral-history", true),
        // A name line vs a sentence.
        ("Saguaro University Libraries — Collection Strategies & Electronic Resources", "electronic-resources", false),
        ("Knowledge of the Library of Congress Classification System", "lcc", true),
        ("Provides in-person and virtual reference services.", "reference-services", true),
        // A phrase that ends on a possessive vs the phrase itself.
        ("Administers the library's integrated library system and discovery layer.", "library-administration", false),
        ("Administer the library and its budget.", "library-administration", true),
        // Digital preservation takes the bare word when a digital-preservation tool is named.
        ("Hands-on experience with Archivematica or a comparable preservation system.", "preservation-conservation", false),
        ("Hands-on experience with book repair and preservation of bound volumes.", "preservation-conservation", true),
        // Words inside web addresses are not skills.
        ("Apply at https://careers.example.edu/jobs.php?id=42 by Friday.", "web-development", false),
        ("Build LibGuides at libguides.mssm.edu for the nursing program.", "libguides", true),
        ("See libguides.mssm.edu for our guides.", "libguides", false),
        ("Experience with PHP and MySQL.", "web-development", true),
        // FAST the headings vs fast the speed.
        ("Thrives in a fast-paced environment.", "fast", false),
        ("Assign LCSH and FAST headings.", "fast", true),
        ("Apply controlled vocabularies such as LCSH, fast and AAT.", "fast", true),
        // Phrases found missing on real postings.
        ("Maintain holdings in OCLC World Share.", "worldshare", true),
        ("Knowledge of NLM cataloging and classification.", "nlm-classification", true),
        ("Plan out-reach to community groups.", "outreach", true),
        ("Oversee the work of volunteers and interns.", "supervision", true),
        // Review: sentences the new rules must leave alone.
        ("Experience with descriptive metadata standards.", "metadata", true),
        ("Experience with supervising staff and student workers.", "supervision", true),
        ("Skills: Library of Congress Classification, RDA, MARC.", "lcc", true),
        ("Experience with Alma, Primo VE and Microsoft Office.", "alma", true),
        ("Knowledge of RDA, MARC and ACRL Instruction Section guidelines.", "rda", true),
        ("Manages access to more than 80,000 electronic resources.", "electronic-resources", true),
        ("Starting July 2025, lead digitization of the yearbook collection.", "digitization", true),
        ("Apply for grant funding from the state library.", "grant-writing", true),
        ("Responsible for grant management and reporting.", "grant-writing", true),
        ("Oversees the day-to-day operations of a busy branch library.", "library-administration", true),
        ("Responsibilities include collection management, preservation, and weeding.", "collection-development", true),
        ("Indexing of local newspapers to aid historical search.", "subject-analysis", true),
        ("Knowledge of print and electronic resources.", "electronic-resources", true),
        ("Thrives in a FAST-PACED environment.", "fast", false),
        // Second hand reading of real postings.
        ("Teach information fluency in the disciplines.", "foreign-languages", false),
        ("Fluency in Spanish and English.", "foreign-languages", true),
        ("Deliver a first-rate user experience to every patron.", "ux-usability", false),
        ("Conduct user experience research and usability testing.", "ux-usability", true),
        ("Training law students and others in the use of legal materials.", "staff-training", false),
        ("Hire and train student workers.", "staff-training", true),
        ("Shape the Library's programs and services for the Institute.", "public-programming", false),
        ("Plan adult programs and author talks.", "public-programming", true),
        ("Staff the reading room of the Conservation Center Library.", "preservation-conservation", false),
        ("Leads the Digital Scholarship Center and its programs.", "digital-scholarship", true),
        ("Collaborate with the Original and Special Materials Cataloging teams.", "cataloging", false),
        ("Serves as the coordinator of access services and document delivery.", "access-services", true),
        ("Provide research services to faculty and students.", "reference-services", true),
        ("Manage the Pollack Library's budget.", "budgeting", true),
        ("Troubleshoot proxy authentication problems.", "ezproxy", true),
        // Third hand reading (held out).
        ("Examples of tasks performed by this classification include staffing the circulation desk.", "classification", false),
        ("Assign call numbers using Library of Congress classification.", "classification", true),
        ("Enjoys providing library services to a diverse, multilingual population.", "foreign-languages", false),
        ("Multilingual candidates are encouraged to apply.", "foreign-languages", true),
        ("Improve the accessibility and visibility of the collections.", "accessibility", false),
        ("Audit web content for accessibility against WCAG.", "accessibility", true),
        ("Report to the Digital Projects Archivist.", "digital-scholarship", false),
        ("Configure the link resolver (Serials Solutions preferred).", "serials", false),
        ("Stay current with emerging technologies.", "library-systems", false),
        // Skills added for what real postings ask: law, IT support, citation managers, design, museum systems.
        ("Conduct legal research in Westlaw and Lexis.", "legal-research", true),
        ("Provide desktop support and manage Active Directory accounts.", "it-support", true),
        ("Teach Zotero and EndNote workshops.", "citation-management", true),
        ("Design flyers in Adobe Creative Suite.", "graphic-design", true),
        ("Build course pages in Canvas.", "graphic-design", false),
        ("Catalog objects in PastPerfect.", "museum-collections-systems", true),
        ("Run the makerspace's 3D printers and laser cutter.", "patron-technology-help", true),
        // Second review: everyday English the new phrases and rules must leave alone.
        ("Must hold a certification from the Academy of Certified Archivists.", "it-support", false),
        ("Build collections that serve the programs it supports.", "it-support", false),
        ("As we embark on a new strategic plan, join us.", "museum-collections-systems", false),
        ("Opportunities for professional development and networking.", "it-support", false),
        ("Apply classification standards consistently across the collection.", "classification", true),
        ("Develops and delivers programs and services for children and teens.", "public-programming", true),
        ("Collaborates with leaders such as the Head of Special Collections.", "special-collections", false),
        ("Ensure accessibility of instructional materials for users with disabilities.", "accessibility", true),
        ("Hire, train and supervise students at the service desk.", "staff-training", true),
        ("Host author and illustrator visits.", "graphic-design", false),
        ("Follow the Web Content Accessibility Guidelines.", "web-development", false),
        ("Fluency in Hmong or Karen preferred.", "foreign-languages", true),
        // Fourth hand reading: skills real postings ask for in other words.
        ("Provide expert literature searching for clinical departments.", "literature-searching", true),
        ("Coordinate volunteers and the Friends group.", "supervision", true),
        ("Create book displays and newsletters.", "marketing-promotion", true),
        ("Develop and implement policies, procedures, and workflows for metadata creation.", "policy-development", true),
        ("Ability to adapt quickly to changing policies and procedures.", "policy-development", false),
        ("Build partnerships with local schools and youth agencies.", "school-library-collaboration", true),
        ("Conversational Spanish or Marshallese.", "foreign-languages", true),
        // Archival collection management vs collection development.
        ("Manage accessioning, collection management and location data in ArchivesSpace.", "collection-development", false),
        // Fifth hand reading of real postings (skills): each new rule with a sentence where it holds and one where it does not.
        ("Ranked among the top public universities, Rutgers is classified in the Carnegie Classification as an R1 university.", "classification", false),
        ("We consider all applicants regardless of race, sex or any other protected classification.", "classification", false),
        ("Assign call numbers using Library of Congress Classification.", "classification", true),
        ("Experience with HTML and CSS programming.", "public-programming", false),
        ("Experience with HTML and CSS programming.", "computer-programming", true),
        ("A master's degree from an ALA-accredited library program.", "public-programming", false),
        ("Plan and deliver library programs for adults and teens.", "public-programming", true),
        ("MLS degree and experience with youth programming.", "public-programming", true),
        ("Bar-coding and labelling of new books.", "computer-programming", false),
        ("Bar-coding and labelling of new books.", "physical-processing", true),
        ("Coding in Python for data cleanup.", "computer-programming", true),
        ("Serves as the Library's liaison with the Office of Legal Counsel on copyright questions.", "liaison-librarianship", false),
        ("Serve as library liaison to the faculty of the School of Nursing.", "liaison-librarianship", true),
        ("Act in the capacity of library liaison in assigned subject areas.", "liaison-librarianship", true),
        ("Participates in the Library Liaison program by marketing services and resources to departments.", "liaison-librarianship", true),
        ("Determines usage patterns of collections by assessing frequency of circulation.", "collection-assessment", true),
        ("Faculty review Library usage patterns and make recommendations regarding services.", "collection-assessment", false),
        ("Evaluate, select, and deselect library materials in assigned areas.", "weeding", true),
        ("Consults and collaborates on evidence syntheses with clinical teams.", "systematic-reviews", true),
        ("Answers in-person directional questions at the information kiosk.", "reference-services", true),
        ("Ability to work collegially and as part of a team.", "collaboration", true),
        ("Knowledge of SIRSI Workflows and OCLC Connexion.", "symphony", true),
        // Seventh reading: the units the job works beside, and whom it reports to.
        ("The AOC also works closely with staff in Collection Development, Research Services, Rare Books and Special Collections.", "collection-development", false),
        ("The AOC also works closely with staff in Collection Development, Research Services, Rare Books and Special Collections.", "special-collections", false),
        ("Works closely with faculty on collection development in the sciences.", "collection-development", true),
        ("Manage a staff of UX specialists who work closely with Web Development.", "web-development", false),
        ("Coordinates with Alma support on the migration.", "alma", true),
        ("The UIX Head reports to the Associate Dean for User Services, Outreach and Assessment.", "outreach", false),
        ("Plans outreach for the Associate Dean's programs.", "outreach", true),
        ("A tenure-track position reporting to the Library Director.", "library-administration", false),
        ("Assists the library director with library operations and budgeting.", "library-administration", true),
        ("Collection Development team meets weekly.", "collection-development", false),
    ])
    func moreContext(_ sentence: String, _ skill: String, _ present: Bool) {
        let found = Self.bundled.mentions(in: sentence, section: .duties).map(\.skill.id)
        #expect(found.contains(skill) == present, "\(sentence) → \(found)")
    }

    @Test("sentences about the institution's holdings, home and standing count as boilerplate (real postings)", arguments: [
        ("The range of collections in the RBML span more than 4,000 years and comprise multiple formats, from cuneiform to the born-digital.", "digital-preservation", true),
        ("Some 500,000 printed books and 14 miles of manuscripts, personal papers, organizational archives and records form the core of RBML holdings.", "archives", true),
        ("The RBML is also home to the University Archives and the archival arm of the Columbia Center for Oral History.", "oral-history", true),
        ("PUL is one of the world’s leading research libraries, serving a diverse community of 5,200 undergraduates.", "cultural-competence", true),
        ("The University is an equal opportunity employer and values a diverse community.", "cultural-competence", true),
        ("Process born-digital collections of 4,000 files with BitCurator.", "digital-preservation", false),
        ("The librarian will manage collections across a range of formats.", "collection-development", false),
        ("Process a high volume of interlibrary loan requests (over 10,000 per year).", "interlibrary-loan", false),
        ("Conduct oral history interviews with alumni.", "oral-history", false),
        // "responsibilities" names the job's own duties (it was once listed un-normalised, and never matched).
        ("Library faculty have academic departmental liaison responsibilities that include collection development and outreach.", "outreach", false),
    ])
    func institutionStatements(_ sentence: String, _ skill: String, _ boilerplate: Bool) throws {
        let mention = try #require(Self.bundled.mentions(in: sentence, section: .duties).first { $0.skill.id == skill }, "\(sentence)")
        #expect(mention.boilerplate == boilerplate, "\(sentence)")
    }

    @Test("professional development as a term of the job counts as boilerplate; planning it for others counts fully", arguments: [
        ("Engage in professional development, scholarship and service.", true),
        ("Participate in library committees and in professional organizations such as MLA.", true),
        ("Plan continuing education workshops for member library staff.", false),
        ("Coordinate professional development opportunities for library staff.", false),
    ])
    func termsOfEmployment(_ sentence: String, _ isTerm: Bool) throws {
        let mention = try #require(Self.bundled.mentions(in: sentence, section: .duties).first { $0.skill.id == "professional-development" })
        #expect(mention.boilerplate == isTerm)
        #expect((mention.weight <= SkillExtractor.boilerplateWeight) == isTerm)
    }

    @Test("references: reference service vs letters of reference", arguments: [
        ("Provides reference and research help to students.", PostingSection.Kind.duties, true),
        ("Covers general reference at the desk two evenings a week.", .duties, true),
        ("Please include the names of three professional references.", .application, false),
        ("Submit a cover letter, CV and three references.", .required, false),
        ("Two letters of reference are required.", .required, false),
        ("Align preservation practice with the OAIS reference model.", .duties, false),
    ])
    func references(_ sentence: String, _ section: PostingSection.Kind, _ meansSkill: Bool) {
        #expect(ids(sentence, section).contains("reference-services") == meansSkill, "\(sentence)")
    }

    @Test("instruction: teaching vs directions", arguments: [
        ("Provides instruction to first-year students in research skills.", true),
        ("Coordinates the instruction program and assesses learning.", true),
        ("Follow the application instructions on our website.", false),
        ("Detailed instructions for applying are below.", false),
    ])
    func instruction(_ sentence: String, _ meansSkill: Bool) {
        #expect(ids(sentence).contains("information-literacy-instruction") == meansSkill, "\(sentence)")
    }

    @Test("programming: events vs code", arguments: [
        ("Plans children's programming and summer reading events.", "public-programming"),
        ("Develops teen programming with community partners.", "public-programming"),
        ("Experience with programming in Python or JavaScript.", "computer-programming"),
        ("Knowledge of programming languages such as Java.", "computer-programming"),
    ])
    func programming(_ sentence: String, _ expected: String) {
        let found = ids(sentence)
        #expect(found.contains(expected), "\(sentence): \(found)")
        let other = expected == "public-programming" ? "computer-programming" : "public-programming"
        #expect(!found.contains(other), "\(sentence): \(found)")
    }

    @Test("circulation: the desk vs a newsletter", arguments: [
        ("Supervises circulation and course reserves.", true),
        ("Manages circulation of the staff newsletter.", false),
    ])
    func circulation(_ sentence: String, _ meansSkill: Bool) {
        #expect(ids(sentence).contains("circulation") == meansSkill, "\(sentence)")
    }

    @Test("collection: building collections vs collecting fees", arguments: [
        ("Develops collections in the social sciences.", true),
        ("Responsible for the collection of fines and fees.", false),
        ("Supports data collection for annual reports.", false),
    ])
    func collection(_ sentence: String, _ meansSkill: Bool) {
        #expect(ids(sentence).contains("collection-development") == meansSkill, "\(sentence)")
    }

    @Test("negation removes the mention", arguments: [
        ("Cataloging experience is not required.", false),
        ("No cataloging experience necessary; we will train.", false),
        ("Not responsible for cataloging.", false),
        ("Cataloging experience required.", true),
        ("Cataloging experience is not required but preferred.", true),
    ])
    func negation(_ sentence: String, _ kept: Bool) {
        #expect(ids(sentence, .required).contains("cataloging") == kept, "\(sentence)")
    }

    @Test("a skill in boilerplate about the institution counts less than one in the duties")
    func boilerplate() throws {
        let about = try #require(Self.extractor.mentions(in: "The library offers library instruction to 20,000 students.", section: .duties).first)
        let duty = try #require(Self.extractor.mentions(in: "Teaches library instruction sessions.", section: .duties).first)
        #expect(about.boilerplate)
        #expect(about.weight < duty.weight)
        let aboutSection = try #require(Self.extractor.mentions(in: "Our busy reference desk answers 30,000 questions.", section: .about).first)
        #expect(aboutSection.weight <= SkillExtractor.boilerplateWeight)
    }

    @Test("evidence: the sentence and the matched words")
    func evidence() throws {
        let mention = try #require(Self.extractor.mentions(in: "Assigns LCSH. Performs copy and original cataloging daily.", section: .duties).first)
        #expect(mention.evidence == "Assigns LCSH. Performs copy and original cataloging daily.")
        #expect(mention.evidence[mention.matched] == "original cataloging")
    }

    @Test("the lexical pass counts the phrases found before any context rule decides them")
    func lexicalPass() {
        var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
        posting.sections = [
            PostingSection(kind: .duties, heading: "Duties", text: "Provides reference service. Catalogs in RDA."),
            PostingSection(kind: .application, heading: "To apply", text: "Send three professional references."),
        ]
        // "reference service", "RDA", and "references" (which the rules turn down in application text).
        #expect(Self.extractor.phraseMatches(in: posting) == 3)
        #expect(Set(Self.extractor.mentions(in: posting).map(\.skill.id)) == ["reference-services", "rda"])
    }

    @Test("the title names the role the text takes as read; not the employer a board appends to it")
    func titleRole() {
        var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
        posting.sections = [PostingSection(kind: .duties, heading: "Duties", text: "Helps students find books for research projects.")]
        posting.title = "Lower/Middle/Upper School Librarian"
        let found = Self.bundled.mentions(in: posting)
        #expect(found.contains { $0.skill.id == "school-library-collaboration" && $0.evidence == "Lower/Middle/Upper School Librarian" }, "\(found.map { ($0.skill.id, $0.evidence) })")
        posting.title = "Web Designer - Lesbian Herstory Archives"
        posting.employer = "Lesbian Herstory Archives"
        #expect(!Self.bundled.mentions(in: posting).contains { $0.skill.id == "archives" })
        // A "Head of …" title names the job itself, not a colleague's unit.
        posting.title = "Head of Technical Services"
        posting.employer = nil
        #expect(Self.bundled.mentions(in: posting).contains { $0.skill.id == "technical-services" && $0.evidence == "Head of Technical Services" })
        #expect(SkillExtractor.role(inTitle: "Archivist - Trinity Church", employer: "Trinity Church") == "Archivist")
        #expect(SkillExtractor.role(inTitle: "Archivist - Records Management", employer: "Trinity Church") == "Archivist - Records Management")
        #expect(SkillExtractor.role(inTitle: "Archivist – Trinity Church", employer: "Trinity Church") == "Archivist")
        #expect(SkillExtractor.role(inTitle: "Archivist | Trinity Church Wall Street", employer: "Trinity Church") == "Archivist")
        #expect(SkillExtractor.role(inTitle: "Archivist-Trinity Church", employer: "Trinity Church") == "Archivist-Trinity Church")
        #expect(SkillExtractor.role(inTitle: "Web Designer at Lesbian Herstory Archives", employer: "Lesbian Herstory Archives") == "Web Designer")
        #expect(SkillExtractor.role(inTitle: "Web Designer attending Lesbian Herstory Archives", employer: "Lesbian Herstory Archives")
                == "Web Designer attending Lesbian Herstory Archives")
        #expect(SkillExtractor.role(inTitle: "Archivist - Trinity", employer: "Trinity Church") == "Archivist - Trinity")
    }

    @Test("lean: technical, user, mixed")
    func lean() throws {
        var posting = JobPosting(id: "x", source: PostingSource(input: "x", format: .html, index: 0))
        posting.sections = [
            PostingSection(kind: .required, heading: "Required", text: "Experience with original cataloging, RDA, MARC and NACO."),
            PostingSection(kind: .about, heading: "About", text: "Our reference desk and storytime are beloved."),
        ]
        let analysis = Self.extractor.analyse(posting)
        let lean = try #require(analysis.lean)
        #expect(lean.label == .technical)
        #expect(lean.technical == 1.0)
        posting.sections.append(PostingSection(kind: .duties, heading: "Duties", text: "Staffs the reference desk. Leads storytime. Teaches information literacy."))
        #expect(Self.extractor.analyse(posting).lean?.label == .mixed)
    }
}
