/// What common LIS course titles teach, beyond the words they use: "Knowledge Organization" is
/// subject analysis and classification; "Reference Sources and Services" is reference work.
enum CourseLexicon {
    /// Course-title phrases (normalised, matched as whole words) and the skill ids they imply.
    static let entries: [(phrase: String, skills: [String])] = [
        ("knowledge organization", ["subject-analysis", "classification", "metadata"]),
        ("organization of information", ["cataloging", "metadata", "classification"]),
        ("organizing information", ["cataloging", "metadata", "classification"]),
        ("information organization", ["cataloging", "metadata", "classification"]),
        ("cataloging and classification", ["cataloging", "descriptive-cataloging", "classification", "rda", "marc21"]),
        ("cataloguing and classification", ["cataloging", "descriptive-cataloging", "classification", "rda", "marc21"]),
        ("descriptive cataloging", ["descriptive-cataloging", "rda", "marc21"]),
        ("subject cataloging", ["subject-analysis", "lcsh", "classification"]),
        ("metadata design", ["metadata", "dublin-core", "mods-mads"]),
        ("metadata", ["metadata"]),
        ("reference sources", ["reference-services", "reference-interview"]),
        ("reference and information services", ["reference-services", "reference-interview"]),
        ("information sources and services", ["reference-services", "reference-interview"]),
        ("reference services", ["reference-services", "reference-interview"]),
        ("information literacy", ["information-literacy-instruction", "instructional-design"]),
        ("instruction", ["information-literacy-instruction", "instructional-design"]),
        ("instructional design", ["instructional-design"]),
        ("user instruction", ["information-literacy-instruction"]),
        ("collection development", ["collection-development", "selection"]),
        ("collection management", ["collection-development", "collection-assessment"]),
        ("materials for children", ["youth-services", "readers-advisory"]),
        ("children s literature", ["youth-services", "readers-advisory"]),
        ("youth services", ["youth-services", "public-programming"]),
        ("young adult", ["teen-services", "readers-advisory"]),
        ("storytelling", ["storytime-early-literacy"]),
        ("readers advisory", ["readers-advisory"]),
        ("public library", ["adult-services", "public-programming", "community-partnerships"]),
        ("archival arrangement", ["arrangement-description", "archives"]),
        ("archives and records", ["archives", "records-management"]),
        ("archival", ["archives"]),
        ("records management", ["records-management"]),
        ("digital libraries", ["digitization", "institutional-repositories", "metadata"]),
        ("digital preservation", ["digital-preservation"]),
        ("digital humanities", ["digital-scholarship"]),
        ("database design", ["sql"]),
        ("database management", ["sql"]),
        ("information architecture", ["ux-usability", "web-development"]),
        ("user experience", ["ux-usability"]),
        ("usability", ["ux-usability"]),
        ("web design", ["web-development", "cms"]),
        ("library systems", ["library-systems", "ils-lsp-administration"]),
        ("information technology", ["library-systems"]),
        ("programming for", ["computer-programming"]),
        ("library management", ["library-administration", "budgeting", "supervision"]),
        ("management of libraries", ["library-administration", "budgeting", "supervision"]),
        ("management of information organizations", ["library-administration", "budgeting", "strategic-planning"]),
        ("leadership", ["leadership"]),
        ("research methods", ["data-analysis", "research-support"]),
        ("data curation", ["research-data-management"]),
        ("electronic resources", ["electronic-resources", "licensing"]),
        ("acquisitions", ["acquisitions"]),
        ("health sciences", ["health-sciences-librarianship", "pubmed"]),
        ("medical librarianship", ["health-sciences-librarianship", "pubmed"]),
        ("government information", ["government-documents"]),
        ("school library", ["school-library-collaboration", "curriculum-integration"]),
        ("rare books", ["rare-books-dcrm", "special-collections"]),
        ("special collections", ["special-collections"]),
        ("preservation", ["preservation-conservation"]),
        ("copyright", ["copyright"]),
        ("scholarly communication", ["scholarly-publishing", "open-access"]),
        ("outreach", ["outreach", "marketing-promotion"]),
        ("marketing", ["marketing-promotion"]),
    ]

    private static let compiled: [([String], [String])] = entries.map { (Tokenizer.norms($0.phrase), $0.skills) }

    /// The skill ids a course title implies, known to `taxonomy`.
    static func skills(forTitle title: String, in taxonomy: Taxonomy) -> [String] {
        let words = Tokenizer.norms(title)
        var found: [String] = []
        for (phrase, skills) in compiled where contains(words, phrase) {
            for id in skills where taxonomy[id] != nil && !found.contains(id) { found.append(id) }
        }
        return found
    }

    private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        for i in 0...(words.count - phrase.count) where Array(words[i..<(i + phrase.count)]) == phrase { return true }
        return false
    }
}
