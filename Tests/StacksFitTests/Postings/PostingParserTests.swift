import Testing
@testable import StacksFit

/// Format recognition by content, and inputs that hold no posting.
@Suite("Posting parser")
struct PostingParserTests {
    @Test("formats are recognised by content, not by name", arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"0.91\"><channel><item><title>A</title></item></channel></rss>", PostingSource.Format.rss091),
        ("<rss version=\"0.92\"><channel><item><title>A</title></item></channel></rss>", .rss092),
        ("<rss><channel><item><title>A</title></item></channel></rss>", .rss2),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><item><title>A</title></item></rdf:RDF>", .rss1),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><item><title>A</title></item></rdf:RDF>", .rss090),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>A</title></entry></feed>", .atom),
        ("<!DOCTYPE html><html><body><h1>A</h1><p>Duties: cataloging.</p></body></html>", .html),
        ("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\"><rss version=\"2.0\"><channel><item><title>A</title></item></channel></rss>", .rss2),
    ])
    func sniffing(_ text: String, _ format: PostingSource.Format) throws {
        let result = PostingParser.parse(Array(text.utf8), input: "x")
        #expect(try #require(result.postings.first).source.format == format)
        #expect(result.postings.first?.title == "A")
    }

    @Test("inputs without a posting are errors, never silence", arguments: [
        ("", "the input is empty"),
        ("   \n", "the input is empty"),
        ("{\"json\": true}", "not a feed or a web page: no markup found"),
        ("<html><body></body></html>", "no job posting found in this page"),
        ("<!-- just a comment -->", "not a feed or a web page: no markup found"),
        ("<rss version=\"2.0\"><channel><title>T</title></channel></rss", "not well-formed XML, recovered what could be read: expected '>'"),
    ])
    func nothingFound(_ text: String, _ message: String) {
        let result = PostingParser.parse(Array(text.utf8), input: "x")
        #expect(result.postings.isEmpty)
        #expect(result.problems.contains { $0.severity == .error && $0.message == message }, "\(result.problems)")
    }

    @Test("ids: guid, else URL, else a content hash that is stable")
    func ids() throws {
        let feed = """
        <rss version="2.0"><channel>
        <item><title>A</title><guid isPermaLink="false">g-1</guid><link>https://x.org/1</link></item>
        <item><title>B</title><link>https://x.org/2</link></item>
        <item><title>C</title><description>Body</description></item>
        </channel></rss>
        """
        let first = PostingParser.parse(Array(feed.utf8), input: "x").postings.map(\.id)
        let second = PostingParser.parse(Array(feed.utf8), input: "y").postings.map(\.id)
        #expect(first[0] == "g-1")
        #expect(first[1] == "https://x.org/2")
        #expect(first[2].hasPrefix("sha:") && first[2].count == 20)
        #expect(first == second)
        // The content hash made beside the scan for cues is the hash of the title, employer and text.
        let page = "<html><body><main><h1>Cataloger</h1><p>Employer: Ellery Library</p>\n\n<p>Salary: $50,000 a year.</p><p>Ongoing</p></main></body></html>"
        let plainText = PostingParser.parse(Array("Metadata Librarian\nNo pay stated.\n".utf8), input: "notes.txt").postings
        for posting in PostingParser.parse(Array(page.utf8), input: "p.html").postings + PostingParser.parse(Array(feed.utf8), input: "x").postings + plainText {
            var hash = FNV1a()
            hash.add(posting.title ?? ""); hash.add("\u{1F}"); hash.add(posting.employer ?? ""); hash.add("\u{1F}"); hash.add(posting.text)
            #expect(posting.id == (posting.guid ?? "").nilIfEmpty ?? (posting.url ?? "").nilIfEmpty ?? "sha:" + hash.hex, "\(posting.title ?? "")")
            // A hash made of other content than the posting's is not taken.
            let stale = PostingID.ContentHash(hash: FNV1a(), title: posting.title, employer: posting.employer, text: posting.text + "x")
            #expect(PostingID.make(for: posting, contentHash: stale) == posting.id)
        }
    }

    @Test("a run-in label before bullets in one paragraph starts a section (Princeton's 'Required ● …')")
    func runInLabels() throws {
        let page = """
        <html><head><title>Project Conservator</title></head><body><main><h1>Project Conservator</h1>
        <p>Required ● Master’s degree in conservation ● Experience conducting condition surveys</p>
        <p>Preferred ● Three years of experience with collection moves ● Knowledge of a foreign language</p>
        <p>Fun facts ● a place of learning</p>
        </main></body></html>
        """
        let posting = try #require(PostingParser.parse(Array(page.utf8), input: "p.html").postings.first)
        let kinds = posting.sections.map(\.kind)
        #expect(kinds.contains(.required) && kinds.contains(.preferred), "\(posting.sections)")
        let preferred = try #require(posting.sections.first { $0.kind == .preferred })
        #expect(preferred.text.hasPrefix("Three years of experience with collection moves\nKnowledge of a foreign language\n"))
        // A bullet after words that name no section leaves the paragraph alone.
        #expect(posting.text.contains("Fun facts ● a place of learning"))
        // A label that is not a list of qualifications or duties leaves its paragraph alone.
        #expect(PostingBody.runInLabel("Salary: $55,000 – $60,000 • Full-time") == nil)
        #expect(PostingBody.runInLabel("Apply by March 1 • Open until filled") == nil)
        // Preferred years do not gate.
        let analysis = SkillExtractor(taxonomy: try Taxonomy.bundled()).analyse(posting)
        #expect(analysis.requirements.minYearsExperience == nil)
    }

    @Test("runInLabel finds its bullet and cuts its items on bytes where the characters read the same: random paragraphs against the character reading")
    func runInLabelOnBytes() {
        // The reading by characters that the byte path must agree with.
        func reference(_ text: String) -> (String, [String])? {
            guard let first = text.prefix(60).firstIndex(where: { FastText.bulletCharacters.contains($0) }) else { return nil }
            let label = text[..<first].trimmingSpaces.trimming(":")
            guard !label.isEmpty, label.split(separator: " ").count <= 4, !FastText.hasDigit(label),
                  [.required, .preferred, .duties].contains(SectionClassifier.kind(ofHeading: label)) else { return nil }
            let items = text[first...].split(whereSeparator: { FastText.bulletCharacters.contains($0) }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            return items.isEmpty ? nil : (label, items)
        }
        var random = SplitMix64(seed: 41)
        // Labels, bullets, and what may join a bullet into another character: marks, joiners, selectors, CR.
        let pieces = ["Required", "Preferred", "Duties:", " ", "MLS", "é", "\u{0301}", "\u{200D}", "\u{FE0F}", "\r", "\n",
                      "•", "●", "▪", "\u{F0B7}", "x", "Qualifications", "2", "—", String(repeating: "long words ", count: 5)]
        var labelled = 0, cutOnBytes = 0
        for k in 0..<4_000 {
            // Half the paragraphs open with a label and a bullet, so that both readings often find one.
            let opening = k % 2 == 0 ? ["Required", "Preferred", "Duties:"][k / 2 % 3] + " " + pieces[11 + k / 6 % 4] : ""
            let text = opening + (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let mine = PostingBody.runInLabel(text), expected = reference(text)
            #expect(mine?.0 == expected?.0 && mine?.1 == expected?.1, "\(Array(text.unicodeScalars))")
            if expected != nil { labelled += 1 }
            if let expected, let first = text.unicodeScalars.firstIndex(where: { FastText.bullets.contains($0) }),
               FastText.plainBulletOffsets(text, from: text.utf8.distance(from: text.startIndex, to: first)) != nil,
               !expected.1.isEmpty { cutOnBytes += 1 }
        }
        #expect(labelled > 1_000)
        #expect(cutOnBytes > 300, "the byte cut is tried often enough: \(cutOnBytes)")
        // A bullet about the sixtieth character, after a label padded with spaces and line breaks.
        for padding in 40...60 {
            for breaks in ["", "\r\n", "\r\n\r\n", "é"] {
                let text = "Required" + breaks + String(repeating: " ", count: padding) + "• MLS • Alma"
                let mine = PostingBody.runInLabel(text), expected = reference(text)
                #expect(mine?.0 == expected?.0 && mine?.1 == expected?.1, "\(padding) \(Array(breaks.unicodeScalars))")
            }
        }
    }

    @Test("a page's paragraph typed line by line: its first line heads a section, its requirements are read line by line")
    func handBrokenParagraphs() throws {
        let html = """
        <html><head><title>Children's Librarian</title></head><body><main><h1>Children's Librarian</h1>
        <h3>Qualifications</h3>
        <p>About you
        You have an ALA-accredited Master's Degree in Library and Information Studies
        New York State Public Librarian's Professional Certificate required at time of employment
        Four years professional librarian experience preferred</p>
        <h3>Compensation</h3><p>$60,000</p></main></body></html>
        """
        let posting = try #require(PostingParser.parse(Array(html.utf8), input: "p.html").postings.first)
        // "About you" asks for the person: it opens no "About" section of the employer's.
        #expect(posting.sections.map(\.kind) == [.required, .compensation], "\(posting.sections)")
        #expect(SectionClassifier.kind(ofHeading: "About you") != .about)
        #expect(SectionClassifier.kind(ofHeading: "About the Library") == .about)
        let requirements = RequirementsExtractor.requirements(of: posting)
        #expect(requirements.mlsRequired)
        #expect(requirements.minYearsExperience == nil, "the four years are preferred, on a line of their own")
        #expect(requirements.certifications == ["public-librarian"])
    }

    @Test("a plain-text description's capitalised labels start sections; a capitalised line in HTML does not")
    func capitalLabelsInPlainText() throws {
        let text = """
        Northfield College seeks a Head of Technical Services.

        RESPONSIBILITIES: Oversees cataloging and acquisitions.
        REQUIRED QUALIFICATIONS: ALA-accredited MLS.
        CLOSING DATE: March 1, 2027.
        TO APPLY: Send a letter and the names of three references.
        """
        let feed = "<rss version=\"0.91\"><channel><title>Jobline</title><item><title>Head</title><description>\(text)</description></item></channel></rss>"
        let posting = try #require(PostingParser.parse(Array(feed.utf8), input: "f.rss").postings.first)
        #expect(posting.sections.map(\.kind) == [.other, .duties, .required, .application, .application], "\(posting.sections)")
        #expect(posting.sections.first { $0.kind == .required }?.text == "ALA-accredited MLS.")
        // Lower case, too long or no known kind: not a label.
        #expect(PostingBody.capitalLabel("Responsibilities: oversees cataloging") == nil)
        #expect(PostingBody.capitalLabel("NOTE: the library is closed on Sundays") == nil)
        #expect(PostingBody.capitalLabel("REQUIRED: ") == nil)
        // In an HTML description, such a line stays in its section.
        let html = "<rss version=\"2.0\"><channel><item><title>Head</title><description>&lt;h3&gt;Description&lt;/h3&gt;&lt;p&gt;CLOSING DATE: March 1.&lt;/p&gt;&lt;p&gt;Catalogs rare books.&lt;/p&gt;</description></item></channel></rss>"
        let page = try #require(PostingParser.parse(Array(html.utf8), input: "h.rss").postings.first)
        #expect(page.sections.map(\.kind) == [.duties], "\(page.sections)")
    }

    @Test("text that holds no markup is not read as HTML: a CDATA '<!DOCTYPE', 'salary < $50k'")
    func textWithoutMarkup() throws {
        #expect(!FeedReader.looksLikeMarkup(" <!DOCTYPE "))
        #expect(!FeedReader.looksLikeMarkup("salary < $50k & benefits"))
        #expect(FeedReader.looksLikeMarkup("a <b>bold</b> move"))
        #expect(FeedReader.looksLikeMarkup("caf&eacute;"))
        #expect(FeedReader.looksLikeMarkup("caf&#233;"))
        #expect(FeedReader.looksLikeMarkup("x <!-- note --> y"))
        let feed = "<rss><channel><item><title>A</title><description><![CDATA[ <!DOCTYPE ]]></description></item></channel></rss>"
        let posting = try #require(PostingParser.parse(Array(feed.utf8), input: "d.rss").postings.first)
        #expect(posting.text == "<!DOCTYPE")
    }

    @Test("a posting's link is only ever http(s) or relative: javascript: and data: links are refused")
    func hostileLinks() throws {
        let page = try #require(try TestData.parse(TestData.fixture("hostile-posting.html")).postings.first)
        #expect(page.url == nil)
        #expect(page.employer?.contains("Hostile Public Library") == true)
        let feed = Array("""
        <rss version="2.0"><channel><title>t</title>
        <item><title>Cataloger</title><link>javascript:alert(1)</link><description>Original cataloging with RDA and MARC 21 for the library.</description></item>
        <item><title>Archivist</title><link> https://jobs.example.org/2 </link><description>Processes collections following DACS and writes EAD.</description></item>
        </channel></rss>
        """.utf8)
        let items = PostingParser.parse(feed, input: "f.rss").postings
        #expect(items.count == 2)
        #expect(items[0].url == nil)
        #expect(items[1].url?.contains("https://jobs.example.org/2") == true)
        #expect(URIResolver.webLink("JaVaScRiPt:alert(1)") == nil && URIResolver.webLink("data:text/html,x") == nil && URIResolver.webLink("/jobs/1") == "/jobs/1")
    }

    @Test("a link's scheme is read as browsers read it: white space and control characters inside are ignored")
    func linkSchemes() {
        // The reading the scheme test replaced: filter the characters, then look for "letters:".
        func reference(_ r: String) -> String? {
            let trimmed = r.filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
            guard URIResolver.isAbsolute(trimmed) else { return nil }
            return trimmed.prefix { $0 != ":" }.lowercased()
        }
        #expect(URIResolver.scheme(of: " java\tscript:alert(1)") == "javascript")
        #expect(URIResolver.scheme(of: "HTTPS://example.org") == "https")
        #expect(URIResolver.scheme(of: "/jobs/1?a=b:c") == nil)
        #expect(URIResolver.scheme(of: "1http:x") == nil)
        var random = SplitMix64(seed: 5)
        let alphabet = Array(" \t\n\r:hTtP1+.-é\u{0}\u{7F}\u{A0}/\u{301}\u{212A}".unicodeScalars)
        for _ in 0..<3_000 {
            let text = String(String.UnicodeScalarView((0..<Int(random.next() % 10)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            #expect(URIResolver.scheme(of: text) == reference(text), "\(text.debugDescription)")
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
