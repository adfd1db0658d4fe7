import Foundation
import Testing
@testable import StacksFit

/// The bundled examples in Listings/, one test per format, with the facts their authors wrote in.
@Suite("Listings examples")
struct ListingsTests {
    @Test("RSS 2.0: escaped and CDATA HTML, guids, dates, categories")
    func rss2() throws {
        let result = try TestData.parse(TestData.listing("academic-jobs.rss"))
        #expect(result.postings.count == 4)
        let first = try #require(result.postings.first)
        #expect(first.source.format == .rss2)
        #expect(first.source.wellFormed)
        #expect(first.title?.contains("Health Sciences Liaison Librarian") == true)
        #expect(first.datePosted?.iso8601 == "2026-11-10T13:00:00Z")
        #expect(first.salary == Salary(min: 65_000, max: 72_000, currency: "USD", period: .year))
        #expect(first.location?.city == "Greenville")
        #expect(first.location?.region == "SC")
        #expect(first.validThrough?.iso8601 == "2027-02-01")
        #expect(first.source.feedTitle != nil)
        #expect(!first.sections.isEmpty)
        #expect(first.guid != nil && first.id == first.guid)
        let acquisitions = try #require(result.postings.first { $0.title?.contains("Acquisitions") == true })
        #expect(acquisitions.salary == Salary(min: 24.5, max: 24.5, currency: "USD", period: .hour))
        #expect(acquisitions.location?.region == "PA")
        // Escaped HTML in <description> is parsed as HTML, not left as text.
        #expect(!acquisitions.text.contains("<h3>"))
        #expect(acquisitions.sections.contains { $0.kind == .required })
        #expect(result.problems.filter { $0.severity == .error }.isEmpty)
    }

    @Test("RSS 1.0: dc:date in W3CDTF, dc:creator")
    func rss1() throws {
        let result = try TestData.parse(TestData.listing("public-library-jobs.rdf"))
        #expect(result.postings.count == 3)
        let teen = try #require(result.postings.first { $0.title?.contains("Teen Services") == true })
        #expect(teen.source.format == .rss1)
        #expect(teen.datePosted?.iso8601 == "2026-10-14T13:00:00Z")
        #expect(teen.location?.city == "Dubuque")
        #expect(teen.salary?.min == 54_100)
        #expect(teen.salary?.max == 66_200)
        #expect(teen.author != nil)
    }

    @Test("Atom: xml:base and relative links, html / xhtml / text content")
    func atom() throws {
        let result = try TestData.parse(TestData.listing("consortium-jobs.atom"))
        #expect(result.postings.count == 3)
        let urls = result.postings.map(\.url)
        #expect(urls.contains("https://jobs.example.org/libraries/postings/2043"))
        #expect(urls.contains("https://jobs.example.org/archives/2042.html"))
        #expect(urls.contains("https://jobs.example.org/libraries/postings/2041"))
        let preservation = try #require(result.postings.first { $0.title?.contains("Digital Preservation") == true })
        #expect(preservation.location?.region == "ON")
        #expect(preservation.location?.country == "CA")
        #expect(preservation.dateUpdated != nil)
        #expect(preservation.descriptionHTML?.contains("<") == true)
        let ux = try #require(result.postings.first { $0.title?.contains("User Experience") == true })
        #expect(ux.title == "User Experience & Web Services Librarian - Merrimack Valley University Library")
        #expect(result.postings.allSatisfy { $0.source.format == .atom && $0.guid?.hasPrefix("tag:") == true })
    }

    @Test("JSON-LD page: structured data wins, the page fills the rest")
    func jsonLD() throws {
        let result = try TestData.parse(TestData.listing("cataloging-librarian-jsonld.html"))
        let posting = try #require(result.postings.first)
        #expect(result.postings.count == 1)
        #expect(posting.source.format == .htmlJSONLD)
        #expect(posting.title == "Cataloging & Metadata Librarian")
        #expect(posting.employer == "Genesee Valley University Libraries")
        #expect(posting.location?.city == "Rochester")
        #expect(posting.location?.region == "NY")
        #expect(posting.location?.country == "US")
        #expect(posting.salary == Salary(min: 62_000, max: 71_000, currency: "USD", period: .year))
        #expect(posting.employmentType == .fullTime)
        #expect(posting.datePosted?.iso8601 == "2026-10-05")
        #expect(posting.validThrough != nil)
        // Page furniture is not posting text.
        #expect(!posting.text.contains("Similar jobs"))
        #expect(!posting.text.lowercased().contains("cookie"))
    }

    @Test("JSON-LD @graph with two postings and damaged JSON")
    func jsonLDGraph() throws {
        let result = try TestData.parse(TestData.listing("digital-collections-graph.html"))
        #expect(result.postings.count == 2)
        #expect(result.postings.map(\.title) == ["Metadata & Digital Collections Librarian", "Special Collections Archivist"])
        #expect(result.postings.allSatisfy { $0.location?.city == "Lexington" && $0.location?.region == "KY" })
        #expect(result.postings[0].salary?.min == 64_000)
        #expect(result.postings[1].salary?.max == 66_000)
        #expect(result.postings[1].text.contains("’") || result.postings[1].text.contains("'"))
    }

    @Test("microdata page")
    func microdata() throws {
        let result = try TestData.parse(TestData.listing("youth-services-microdata.html"))
        let posting = try #require(result.postings.first)
        #expect(posting.source.format == .htmlMicrodata)
        #expect(posting.title == "Children's Librarian" || posting.title == "Children’s Librarian")
        #expect(posting.employer == "Ellery Memorial Library")
        #expect(posting.location?.city == "Marquette")
        #expect(posting.location?.region == "MI")
        #expect(posting.salary?.min == 29.75)
        #expect(posting.salary?.period == .hour)
        #expect(posting.datePosted?.iso8601 == "2026-10-26")
    }

    @Test("plain headed page: sections, deadline, references in How to Apply")
    func headedPage() throws {
        let result = try TestData.parse(TestData.listing("reference-instruction.html"))
        let posting = try #require(result.postings.first)
        #expect(posting.source.format == .html)
        #expect(posting.title == "Reference & Instruction Librarian")
        #expect(posting.location?.city == "Burlington")
        #expect(posting.location?.region == "VT")
        #expect(posting.salary == Salary(min: 58_000, max: 64_000, currency: "USD", period: .year))
        #expect(posting.validThrough?.iso8601 == "2027-03-15")
        let kinds = Set(posting.sections.map(\.kind))
        #expect(kinds.isSuperset(of: [.duties, .required, .preferred, .compensation, .application]))
        #expect(!posting.text.contains("Similar jobs"))
    }

    @Test("bold labels split sections; open until filled gives no closing date")
    func boldLabels() throws {
        let result = try TestData.parse(TestData.listing("small-library-director-bold-labels.html"))
        let posting = try #require(result.postings.first)
        #expect(posting.title == "Library Director")
        #expect(posting.salary?.min == 55_000)
        #expect(posting.validThrough == nil)
        #expect(posting.sections.contains { $0.kind == .duties })
        #expect(posting.sections.contains { $0.kind == .required })
        #expect(posting.sections.contains { $0.heading == "Salary" || $0.kind == .compensation })
    }

    @Test("tag soup keeps its text and its ampersands")
    func tagSoup() throws {
        let result = try TestData.parse(TestData.listing("access-services-tagsoup.html"))
        let posting = try #require(result.postings.first)
        #expect(posting.title?.contains("Access Services Supervisor") == true)
        #expect(posting.text.contains("Q&A"))
        #expect(posting.location?.city == "Erie")
        #expect(posting.salary?.min == 47_800)
        #expect(posting.descriptionHTML?.contains("javascript:") == false)
    }

    @Test("windows-1252 page: curly quotes and dashes come out right")
    func windows1252() throws {
        let result = try TestData.parse(TestData.listing("electronic-resources-windows1252.html"))
        let posting = try #require(result.postings.first)
        #expect(posting.text.contains("Josée"))
        #expect(posting.text.contains("“") && posting.text.contains("”"))
        #expect(posting.text.contains("—"))
        #expect(posting.salary == Salary(min: 61_200, max: 70_000, currency: "USD", period: .year))
        #expect(posting.location?.city == "Tucson")
    }

    @Test("RSS 0.91 with undefined HTML entities is recovered and marked")
    func legacyFeed() throws {
        let result = try TestData.parse(TestData.listing("legacy-board.rss"))
        let posting = try #require(result.postings.first)
        #expect(posting.source.format == .rss091)
        #expect(posting.source.wellFormed == false)
        #expect(posting.text.contains("—") || posting.text.contains("’") || posting.text.contains("é"))
        #expect(result.problems.contains { $0.severity == .warning && $0.line != nil })
    }

    @Test("every example parses, with a title, and no error")
    func everything() async throws {
        let (inputs, problems) = Input.expand([TestData.root.appendingPathComponent("Listings").path])
        #expect(problems.isEmpty)
        let results = await PostingBatch.parse(inputs)
        let postings = results.flatMap(\.postings)
        #expect(postings.count >= 20)
        #expect(postings.allSatisfy { $0.title != nil && !$0.text.isEmpty })
        #expect(results.flatMap(\.problems).filter { $0.severity == .error }.isEmpty)
        #expect(Set(postings.map(\.id)).count == postings.count)
    }
}
