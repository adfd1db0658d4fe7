/// Decides what a posting's section is for from its heading ("Essential Functions" → duties).
public enum SectionClassifier {
    // Order matters: the first rule whose words appear in the heading wins.
    private static let rules: [(PostingSection.Kind, [String])] = [
        (.preferred, ["preferred", "desired", "desirable", "nice to have", "bonus", "additional qualifications",
                      "plus if", "ideal candidate will also", "a plus"]),
        (.required, ["required", "minimum qualification", "minimum requirement", "requirements", "qualifications",
                     "must have", "what you bring", "what you'll bring", "what we're looking for", "what we are looking for",
                     "who you are", "skills and abilities", "knowledge, skills", "education and experience",
                     "eligibility", "competencies", "you have", "experience and education", "education"]),
        (.compensation, ["salary", "compensation", "benefits", "pay", "wage", "hiring range", "stipend", "what we offer"]),
        (.application, ["how to apply", "to apply", "application", "apply", "contact", "submission", "deadline",
                        "closing date", "applicants", "selection process"]),
        (.about, ["about the library", "about us", "about the organization", "about the university", "about the college",
                  "about our", "company information", "organization information", "the library", "institution",
                  "who we are", "our library", "the community", "about the city", "about the town", "about the county",
                  "about the district", "about the school", "about the employer", "employer information", "diversity",
                  "equal opportunity", "eeo", "working at", "life at", "about the department", "the university",
                  "the college", "the organization"]),
        (.duties, ["responsibilit", "duties", "essential function", "what you'll do", "what you will do",
                   "job description", "position description", "description", "the role", "about the role",
                   "about the position", "position summary", "job summary", "summary", "overview",
                   "the position", "key tasks", "functions", "scope", "role", "day to day", "day-to-day",
                   "you will", "purpose", "examples of work", "work performed"]),
    ]

    /// Every rule's words as one group each (with curly apostrophes too), found in one scan of a heading.
    private static let ruleWords = FastText.Needles(groups: rules.map { _, words in
        words + words.filter { $0.contains("'") }.map { $0.replacingOccurrences(of: "'", with: "’") }
    })
    /// ("About you" and "About the candidate" ask for the person, not tell of the employer.)
    private static let aboutTheJob = FastText.Needles(["position", "role", "job", "about you", "candidate"])

    /// The kind of section a heading introduces; `.other` when it names none.
    public static func kind(ofHeading heading: String?) -> PostingSection.Kind {
        guard let heading else { return .other }
        // The needles ignore ASCII case; only other text needs Unicode's lower-casing first.
        let lower = FastText.isASCII(heading) ? heading : heading.lowercased()
        if FastText.hasPrefixIgnoringCase(lower, "about ") && !aboutTheJob.occurs(in: lower) { return .about }
        let found = ruleWords.groups(in: lower)
        // The first rule whose words appear wins.
        return found == 0 ? .other : rules[found.trailingZeroBitCount].0
    }

    /// Headings of lists that belong to the page, not the posting ("Similar jobs", "Share this job").
    public static func isPageFurniture(_ heading: String) -> Bool {
        furniture.occurs(in: heading)
    }

    private static let furniture = FastText.Needles([
        "similar job", "related job", "more job", "other job", "recent job", "recently viewed",
        "you may also", "you might also", "share this", "latest job", "featured job", "job alerts",
        "sign up for", "subscribe", "newsletter", "cookie", "follow us", "popular job",
    ])
}

import Foundation
