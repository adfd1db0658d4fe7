import Foundation
import StacksFit

/// A deterministic generator of realistic library job postings, as RSS feeds and HTML pages.
struct Corpus {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let titles = ["Cataloging & Metadata Librarian", "Reference and Instruction Librarian", "Electronic Resources Librarian",
                         "Youth Services Librarian", "Access Services Supervisor", "Archivist", "Library Systems Librarian",
                         "Acquisitions Specialist", "Outreach Librarian", "Library Director", "Teen Services Librarian"]
    static let employers = ["Northfield College Library", "Harbor Falls Public Library", "Genesee Valley University Libraries",
                            "Riverbend Public Library", "Saguaro University Libraries", "Alder Creek Public Library"]
    static let places = ["Albany, NY", "Erie, PA", "Tucson, AZ", "Burlington, VT", "Dubuque, IA", "Kingston, ON"]
    static let duties = [
        "Performs original and copy cataloging of print and electronic resources using RDA, MARC 21 and LCSH.",
        "Provides reference services at the desk, by chat (LibAnswers) and in research consultations.",
        "Teaches information literacy sessions aligned with the ACRL Framework and builds LibGuides.",
        "Manages electronic resources licensing, EZproxy, the link resolver and COUNTER usage statistics.",
        "Plans storytime, early literacy and summer reading programs for children and families.",
        "Supervises circulation, course reserves and interlibrary loan (ILLiad) with student workers.",
        "Processes archival collections following DACS and creates EAD finding aids in ArchivesSpace.",
        "Administers the library services platform (Alma/Primo VE), writes SQL reports and Python scripts.",
    ]
    static let required = [
        "ALA-accredited MLS/MLIS (or equivalent).", "Two years of professional cataloging experience.",
        "3+ years of experience in academic libraries.", "Knowledge of RDA, MARC 21 and authority control.",
        "Excellent communication and customer service skills.", "Experience teaching one-shot instruction sessions.",
    ]

    /// One posting body as HTML, about 2-3 KB.
    mutating func body() -> String {
        var html = "<h3>Responsibilities</h3><ul>"
        for _ in 0..<6 { html += "<li>\(pick(Self.duties))</li>" }
        html += "</ul><h3>Required Qualifications</h3><ul>"
        for _ in 0..<4 { html += "<li>\(pick(Self.required))</li>" }
        html += "</ul><h3>Preferred Qualifications</h3><p>\(pick(Self.required)) \(pick(Self.duties))</p>"
        let low = 40 + Int(next() % 30)
        html += "<h3>Salary</h3><p>$\(low),000 - $\(low + 8),000 annually, full-time with benefits.</p>"
        html += "<h3>How to Apply</h3><p>Application deadline: March \(1 + next() % 28), 2027. Send a letter, CV &amp; three references.</p>"
        html += "<p>Location: \(pick(Self.places))</p>"
        return html
    }

    /// An RSS 2.0 feed of `items` postings with entity-escaped descriptions.
    mutating func feed(items: Int) -> [UInt8] {
        var ignored: [[UInt8]]? = nil
        return feed(items: items, bodies: &ignored)
    }

    /// The same feed; when `bodies` is non-nil it also receives each item's description as HTML bytes.
    mutating func feed(items: Int, bodies: inout [[UInt8]]?) -> [UInt8] {
        // Built as bytes item by item, so the generator never holds the document twice.
        var out: [UInt8] = []
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench jobs</title><link>https://jobs.example.org/</link>\n".utf8)
        for i in 0..<items {
            let html = body()
            bodies?.append(Array(html.utf8))
            let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            let title = "\(pick(Self.titles)) - \(pick(Self.employers))".replacingOccurrences(of: "&", with: "&amp;")
            out.append(contentsOf: "<item><title>\(title)</title><link>https://jobs.example.org/\(i)</link>".utf8)
            out.append(contentsOf: "<guid>job-\(i)</guid><pubDate>Tue, 03 Nov 2026 09:30:00 -0500</pubDate><category>Libraries</category>".utf8)
            out.append(contentsOf: "<description>\(escaped)</description></item>\n".utf8)
        }
        out.append(contentsOf: "</channel></rss>\n".utf8)
        return out
    }

    /// One HTML page with navigation, a posting and a footer.
    mutating func page() -> [UInt8] {
        let title = pick(Self.titles)
        var out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(title) | Jobs</title></head><body>"
        out += "<header><nav><a href=\"/\">Home</a> <a href=\"/jobs\">Jobs</a></nav></header><main><article>"
        out += "<h1>\(title)</h1><p>\(pick(Self.employers)) · \(pick(Self.places))</p>" + body()
        out += "</article></main><aside class=\"similar-jobs\"><h2>Similar jobs</h2><ul><li>Other job</li></ul></aside>"
        out += "<footer>© Example</footer></body></html>"
        return Array(out.utf8)
    }

    static let jobs: [(title: String, kind: String, duties: [String])] = [
        ("Cataloging Assistant", "paraprofessional", ["Copy catalogs print monographs in OCLC Connexion using RDA and MARC 21", "Verifies headings against LCSH and the LC Name Authority File"]),
        ("Reference Assistant", "paraprofessional", ["Answers reference questions at the desk and by chat in LibAnswers", "Helps students find articles in research databases"]),
        ("Library Page", "paraprofessional", ["Shelves and shelf-reads the collection", "Checks materials in and out at the circulation desk"]),
        ("Youth Services Intern", "internship", ["Plans and leads storytime for preschoolers", "Helps run the summer reading program"]),
        ("Archives Practicum Student", "practicum", ["Processes a manuscript collection following DACS", "Writes an EAD finding aid in ArchivesSpace"]),
        ("Electronic Resources Assistant", "paraprofessional", ["Troubleshoots EZproxy and link resolver access problems", "Gathers COUNTER usage statistics"]),
        ("Instruction Librarian", "professional", ["Teaches information literacy one-shot sessions aligned with the ACRL Framework", "Builds LibGuides for courses"]),
        ("Systems Librarian", "professional", ["Administers Alma and Primo VE", "Writes Python scripts and SQL reports"]),
    ]
    static let courses: [(title: String, level: String)] = [
        ("Organization of Information", "core"), ("Cataloging and Classification", "advanced"), ("Metadata", "advanced"),
        ("Reference Sources and Services", "core"), ("Information Literacy Instruction", "advanced"), ("Youth Services", "advanced"),
        ("Archival Arrangement and Description", "advanced"), ("Electronic Resources Management", "advanced"), ("Library Systems", "advanced"),
        ("Collection Development", "core"), ("Management of Libraries", "core"), ("Digital Libraries", "advanced"),
    ]

    /// A candidate profile in stacksfit's YAML: one to three jobs and three to six courses from both sides.
    mutating func profile(_ n: Int) -> String {
        var yaml = "name: Student \(n)\ngoal: \(pick(["technical", "user"]))\ndegrees:\n  - {title: MLIS, alaAccredited: true, status: in-progress, date: 2027-05}\ncoursework:\n"
        var titles = Set<String>()
        for _ in 0..<(3 + Int(next() % 4)) {
            let c = pick(Self.courses)
            guard titles.insert(c.title).inserted else { continue }
            yaml += "  - {title: \(c.title), level: \(c.level)}\n"
        }
        yaml += "experience:\n"
        for j in 0..<(1 + Int(next() % 3)) {
            let job = pick(Self.jobs)
            let start = 2019 + Int(next() % 6)
            yaml += "  - title: \(job.title)\n    organization: Library \(j)\n    kind: \(job.kind)\n    start: \(start)-0\(1 + next() % 9)\n"
            yaml += "    end: \(j == 0 ? "present" : String(start + 1 + Int(next() % 2)) + "-06")\n    hoursPerWeek: \(10 + 5 * Int(next() % 7))\n    duties:\n"
            for d in job.duties { yaml += "      - \(d)\n" }
        }
        return yaml
    }
}
