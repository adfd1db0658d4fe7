/// Reads the gates of a posting: degrees, certifications, years of experience, languages, supervision.
enum RequirementsExtractor {
    /// Whether a sentence states something required, preferred, or neither.
    enum Strength { case required, preferred }

    static func requirements(of posting: JobPosting) -> Requirements {
        requirements(of: SkillExtractor.sentences(of: posting))
    }

    /// The requirements stated in a posting's sentences (split and tokenised once, by the extractor).
    static func requirements(of sentences: [SkillExtractor.Sentence]) -> Requirements {
        var requirements = Requirements()
        var years: Int?
        var alternativeYears: Int?
        var professionalYears = false
        for item in sentences where item.section != .about && item.section != .compensation {
            // Each reading below needs one of its cues; most sentences hold none, and their words are
            // never made strings.
            let text = WordText(forms: item.scan.words.forms(of: item.words))
            let cued = item.words.isEmpty ? 0 : text.groups(of: Self.cues)
            guard cued != 0 else { continue }
            let sentence = item.string
            let norms = item.scan.words.norms(of: item.words)
            let strength = Self.strength(of: norms, in: item.section)
            // A long run-on line ("MLIS from an ALA-accredited institution Knowledge of … 2+ years experience
            // in a law library preferred General computer skills …") holds several items: the degree and the
            // years are each preferred only when a preferred word stands near them.
            let runOn = strength == .preferred && item.section != .preferred && norms.count > 24
            // ("A library school degree or some library school coursework is preferred": no anchor but "degree".)
            let degreeAnchor = norms.firstIndex { degreeAnchors.contains($0) } ?? norms.firstIndex(of: "degree")
            let degreeStrength = runOn ? Self.localStrength(norms, near: degreeAnchor) : strength
            let yearsStrength = runOn ? Self.localStrength(norms, near: norms.firstIndex(of: "year")) : strength
            var used = false

            let found = cued & Cue.degree.rawValue != 0 ? degrees(in: text) : []
            // "MLS or PhD in a relevant subject", "an MLS candidate, recent graduate, or 1-2 years of experience":
            // another way in, so the library degree is no gate and those years are not required either.
            let route = found.contains { $0.hasPrefix("ALA-accredited") } ? offersAnotherRoute(norms) : nil
            let otherRoute = route != nil
            for degree in found {
                // "Laura Schimming, MLS, Assistant Director" in a contact block names someone's degree, not the job's.
                if item.section != .required && item.section != .preferred && !norms.contains(where: { degreeContext.contains($0) }) { continue }
                used = true
                if degreeStrength == .required && item.section != .application {
                    if !requirements.degrees.contains(degree) { requirements.degrees.append(degree) }
                    if degree.hasPrefix("ALA-accredited") && !otherRoute { requirements.mlsRequired = true }
                } else if !requirements.preferredDegrees.contains(degree) {
                    requirements.preferredDegrees.append(degree)
                }
            }
            if yearsStrength == .required && item.section != .application {
                // Years offered instead of the degree are not required; years beside either degree are.
                if route != .experience, cued & Cue.years.rawValue != 0, let y = yearsOfExperience(in: norms, experienceHeading: item.experienceHeading) {
                    // Each required statement must be met, so the posting asks for the largest of them; a
                    // statement that offers another way in ("; or a bachelor's degree and four years",
                    // "may substitute") can only lower it.
                    // Alternatives are kept apart, so their order in the posting does not matter.
                    let alternative = norms.first == "or" || norms.contains(where: { substitutionWords.contains($0) })
                    if alternative {
                        alternativeYears = min(alternativeYears ?? y, y)
                    } else if y >= (years ?? 0) {
                        professionalYears = norms.contains("professional")
                        years = y
                    }
                    used = true
                }
            }
            // Languages item by item: "Must be fluent in Spanish, with French preferred" asks for Spanish though
            // the sentence says preferred (then only a language with "required" or "must" nearest counts).
            if item.section != .application && item.section != .preferred && cued & Cue.language.rawValue != 0 {
                for language in languages(in: norms, raw: sentence, requiredOnly: true, explicitly: strength == .preferred)
                where !requirements.languages.contains(language) {
                    requirements.languages.append(language)
                    used = true
                }
            }
            if strength == .required && item.section != .application {
                for certification in cued & Cue.certification.rawValue != 0 ? certifications(in: text) : []
                where !requirements.certifications.contains(certification) {
                    requirements.certifications.append(certification)
                    used = true
                }
                if cued & Cue.supervision.rawValue != 0, let supervision = supervision(in: norms) {
                    requirements.supervisionRequired = true
                    if let y = supervision { requirements.supervisoryYears = max(requirements.supervisoryYears ?? 0, y) }
                    used = true
                }
            }
            if used && !requirements.evidence.contains(sentence) { requirements.evidence.append(sentence) }
        }
        // Another way in lowers the figure; on its own ("four years may substitute for the MLS") it sets none.
        requirements.minYearsExperience = years.map { current in alternativeYears.map { min(current, $0) } ?? current }
        requirements.professionalYearsRequired = professionalYears
        // A required MLS makes a preferred one redundant.
        if requirements.mlsRequired { requirements.preferredDegrees.removeAll { $0.hasPrefix("ALA-accredited") } }
        return requirements
    }

    /// The last word of a library degree as written: "MLS", "MLIS", "M.L.S." ("s"), "library science".
    static let libraryDegreeWords: Set<String> = ["mls", "mlis", "msls", "msis", "mslis", "mis", "mlibsci", "s", "science", "study"]

    /// The groups of ``cues``: what each reading needs before it can find anything.
    enum Cue: UInt32 {
        /// A degree's phrase (``degreeCueList``).
        case degree = 1
        /// A certification's phrase (``certificationCueList``).
        case certification = 2
        /// "year" or "yr": years of experience count them.
        case years = 4
        /// The first word of a language's name.
        case language = 8
        /// A word starting "supervis" or "manag".
        case supervision = 16
    }

    /// Each reading's cues, as groups in the order of ``Cue``, found in one scan of a sentence.
    static let cues = FastText.Needles(groups: [
        degreeCueList, certificationCueList, [" year ", " yr "],
        Array(Set(languageNorms.compactMap { $0.1.first.map { " \($0) " } })).sorted(), [" supervis", " manag"],
    ])

    /// Another way in than the library degree: another degree, experience instead, or being a student
    /// working toward it.
    enum Route { case degree, experience, enrollment }

    /// The other way in a sentence with a library degree offers, if any: another degree after "or" ("or
    /// PhD", "or JD", "or M.A. in History"), years of experience ("or have 1-2 years"), or study toward it.
    static func offersAnotherRoute(_ norms: [String]) -> Route? {
        for (k, word) in norms.enumerated() where word == "or" && k > 0 {
            // "one or two years" is a range and "or equivalent" no other way in.
            if Int(norms[k - 1]) != nil || numberWords[norms[k - 1]] != nil { continue }
            let next = norms[(k + 1)..<min(norms.count, k + 6)]
            // "MLS or equivalent work experience", "or equivalent combination of education and experience":
            // experience instead of the degree.
            // (Not "MLS (or equivalent) and experience working in …", which asks for both, nor "MLS or equivalent,
            // relevant experience …", whose comma the words do not show: only "equivalent experience",
            // "equivalent combination" and "equivalent work, library or professional experience".)
            if let e = next.prefix(2).firstIndex(of: "equivalent"), e + 1 < norms.count,
               ["experience", "combination"].contains(norms[e + 1])
                || (e + 2 < norms.count && norms[e + 2] == "experience" && ["work", "library", "professional"].contains(norms[e + 1])),
               libraryDegreeWords.contains(norms[k - 1]) || norms[max(0, k - 8)..<k].contains(where: { ["mls", "mlis", "ala", "accredited", "library"].contains($0) }) {
                return .experience
            }
            if next.first == "equivalent" || next.starts(with: ["its", "equivalent"]) || next.starts(with: ["the", "equivalent"])
                || next.starts(with: ["an", "equivalent"]) { continue }
            // Another degree right after the library degree: "MLS or PhD", "MLS/MLIS or MA in Archives" (not
            // "an additional Master's degree or Doctorate", a second requirement, nor "or MS in LIS", the same degree).
            // ("and/or" is "or": "a Master's degree from an ALA-accredited institution and/or a Master's degree in
            // Archival Studies".)
            let andOr = norms[k - 1] == "and"
            let before = norms[max(0, k - 8)..<(andOr ? k - 1 : k)]
            // ("Master's degree in Library Science from an ALA-accredited institution or advanced degree …":
            // the accreditation names the library degree too.)
            let nearDegree = libraryDegreeWords.contains(norms[andOr && k >= 2 ? k - 2 : k - 1])
                || (before.contains(where: { ["mls", "mlis", "msls", "msis", "mslis", "ala", "accredited"].contains($0) })
                    && !before.contains(where: { ["and", "additional", "second", "plus"].contains($0) }))
            // (Up to "and": "or advanced degree and significant library experience" is another degree; "or
            // from a master's level program in library and information studies" the same.)
            let sameField = norms[(k + 1)..<min(norms.count, k + 10)].prefix { $0 != "and" }
                .contains(where: { ["library", "lis", "librarianship", "information"].contains($0) })
            // "MLS and/or experience working in ILS support"
            if next.first == "experience", before.contains(where: { ["mls", "mlis", "msls", "msis", "mslis", "s"].contains($0) }) { return .experience }
            if nearDegree && !sameField {
                // (Not "or a master's degree from a program accredited by ALA": the same degree.)
                if next.prefix(3).contains(where: { ["phd", "doctorate", "jd", "ma", "ms", "ph", "master"].contains($0) }),
                   !norms[(k + 1)...].prefix(12).contains("ala") {
                    return .degree
                }
                // "or a related degree", "or comparable degree", "or similar graduate degree", "or other
                // advanced degree"; not when that, too, must come "from an ALA-accredited institution".
                if next.prefix(4).contains(where: { ["related", "relevant", "comparable", "allied", "similar", "other", "advanced"].contains($0) }),
                   !norms[k...].contains(where: { $0 == "ala" || $0 == "accredited" }) {
                    return .degree
                }
                if next.first == "m" && next.dropFirst().first == "a" || next.first == "j" && next.dropFirst().first == "d" {
                    return .degree // "or M.A. in History", "or J.D."
                }
            }
            // "Graduate degree in Latin American art history … or an MLIS": the library degree is the other
            // way in, after another degree.
            if next.prefix(2).contains(where: { libraryAbbreviations.contains($0) }),
               norms[..<k].contains(where: { ["degree", "master", "phd", "doctorate"].contains($0) }),
               !norms[..<k].contains(where: { libraryAbbreviations.contains($0) || ["library", "lis", "librarianship", "ala", "information"].contains($0) }) {
                return .degree
            }
            // "… recent graduate, or have 1-2 years": experience instead of the degree (not "two years, or one
            // year with an MLS", where the years are part of both ways in). The figure must open the alternative
            // ("or 2 years", "or have 1-2 years"), not come later ("library or information science, 1 year"),
            // and "a related field" is no figure.
            let opening = next.first == "have" || next.first == "with" ? next.dropFirst().prefix(1) : next.prefix(1)
            if next.contains("year"),
               opening.contains(where: { Int($0) != nil || ($0 != "a" && $0 != "an" && numberWords[$0] != nil) }),
               !norms[..<k].contains("year") {
                return .experience
            }
        }
        // "Must be enrolled in an ALA-accredited program or have recently graduated", "MLS or advanced MLS
        // candidate": a student is who the job is for, so the finished degree is no gate. (Asked last: "a
        // MLS candidate, recent graduate, or have 1-2 years" also offers experience instead, and those
        // years are then not required.)
        return admitsStudents(norms) ? .enrollment : nil
    }


    /// The library degree's abbreviations, as words.
    static let libraryAbbreviations: Set<String> = ["mls", "mlis", "msls", "msis", "mslis"]

    /// True when a sentence that names the library degree also takes students working toward it: "enrolled
    /// in an ALA-accredited program", "current enrollment in an MLS program", "candidates pursuing an MLS",
    /// "working toward a MLIS degree", "nearing graduation", "MLS student", "advanced MLS candidate", "MLIS
    /// instructional design intern". Not the students a library serves or employs ("undergraduate students",
    /// "student assistants"), "the successful candidate", nor "pursuing professional development".
    static func admitsStudents(_ norms: [String]) -> Bool {
        for (i, word) in norms.enumerated() {
            let after = norms[(i + 1)..<min(norms.count, i + 7)]
            switch word {
            case "enrolled", "enrollment", "enrolment", "pursuing":
                if after.contains(where: degreeWords.contains) { return true }
            case "working", "progress":
                if after.first == "toward", after.dropFirst().prefix(3).contains(where: degreeWords.contains) { return true }
            case "nearing":
                if after.first.map({ ["graduation", "completion"].contains($0) }) == true { return true }
            case "credit", "coursework":
                // "or completion of 12 credits towards the degree", "coursework toward the MLS"
                if after.first == "toward" { return true }
            case "student", "candidate", "intern":
                // Only the library degree's own students, named right before: "MLIS students", "library
                // school student", "degree candidate"; "a current student in an MLS program" (not "high school
                // students", nor "serves current students and faculty").
                let reach = word == "intern" ? 3 : 2
                let before = norms[max(0, i - reach)..<i]
                let employed = after.first.map { ["worker", "assistant", "employee", "staff", "success", "population", "body", "learning"].contains($0) } ?? false
                let ownDegree = before.indices.contains { k in
                    studentDegreeWords.contains(before[k]) || (before[k] == "school" && k > 0 && norms[k - 1] == "library")
                }
                if !employed, ownDegree || (word == "student" && before.last == "current" && after.first == "in" && after.contains(where: Self.degreeWords.contains)) {
                    return true
                }
            default: continue
            }
        }
        return false
    }

    /// Words after which "enrolled", "pursuing" or "working toward" name the library degree's program.
    private static let degreeWords: Set<String> = libraryAbbreviations.union(["s", "library", "school", "degree", "lis", "master", "program", "accredited", "ala"])
    /// Words that, right before "student" or "candidate", make them the library degree's own.
    private static let studentDegreeWords: Set<String> = libraryAbbreviations.union(["s", "library", "degree", "lis", "master"])

    /// Words that may stand before "management experience" when it means managing people.
    static let managementOfPeople: Set<String> = ["of", "year", "and", "or", "library", "staff", "personnel", "supervisory", "progressive",
                                                  "progressively", "significant", "prior", "previous", "demonstrated", "proven", "successful",
                                                  "professional", "including", "with", "some", "administrative", "senior", "middle", "team", "leadership", "people"]

    /// Words of a statement that offers another way to qualify.
    static let substitutionWords: Set<String> = ["substitute", "substituted", "lieu"]

    /// Words that show a sentence states a degree the job asks for, outside a qualifications section.
    static let degreeContext: Set<String> = [
        "degree", "master", "required", "require", "requirement", "preferred", "must", "hold", "have", "candidate", "applicant",
        "equivalent", "accredited", "graduate", "enrollment", "enrolled", "program", "qualification", "education", "bachelor",
        "essential", "necessary", "need", "needed",
    ]

    /// The words a degree requirement starts from, for placing a nearby "preferred".
    static let degreeAnchors: Set<String> = ["mls", "mlis", "msls", "msis", "mslis", "master", "ala"]

    /// Required unless a preferred word stands within a few words of the item at `index`.
    static func localStrength(_ norms: [String], near index: Int?) -> Strength {
        guard let index else { return .required }
        let window = norms[max(0, index - 3)..<min(norms.count, index + 9)]
        return window.contains(where: { nearPreferredWords.contains($0) }) && !window.contains("required") ? .preferred : .required
    }

    /// Words that make a whole sentence preferred ("plus" only as "a plus" or at the end).
    static let preferredWords: Set<String> = ["preferred", "prefer", "desired", "desirable", "plus", "ideally", "ideal", "asset", "bonus",
                                              "welcome", "advantage", "recommended", "preference"]
    /// Words that make the item they stand beside preferred, in a run-on line.
    static let nearPreferredWords: Set<String> = ["preferred", "prefer", "desired", "desirable", "recommended", "ideally", "preference"]

    /// Required unless the sentence or its section says preferred.
    static func strength(of norms: [String], in section: PostingSection.Kind) -> Strength {
        if section == .preferred { return .preferred }
        // "plus" is preferred only as "a plus" or at the end ("MLS plus 2 years" requires both).
        let preferredWord = norms.indices.contains { k in
            norms[k] == "plus" ? (k == norms.count - 1 || (k > 0 && ["a", "big", "definite"].contains(norms[k - 1]))) : preferredWords.contains(norms[k])
        }
        if preferredWord && !norms.contains("required") { return .preferred }
        return .required
    }

    // MARK: - degrees

    /// Phrases that name a library degree (with " master ", " ala " or an abbreviation beside them).
    static let mls = [" mls ", " mlis ", " msls ", " msis ", " mlibsci ", " mslis ", " mils ", " mis ", " mi ", " msi ",
                      " master of library ", " master of information ", " master of science in library ", " master of science in information ",
                      " library science ", " library and information ", " ala accredited ", " ala ", " information science from an ala ",
                      " master degree in library ", " master in library ", " masters in library ", " american library association ",
                      " m l s ", " m l i s ", " a l a accredited ", " library school degree "]

    /// Every degree below needs one of these phrases: a sentence holding none (most) names no degree.
    /// They are the degree group of ``cues``, which `requirements(of:)` scans before it asks for degrees.
    static let degreeCueList = mls + [
        " second master ", " additional master ", " second advanced ", " subject master ", " second graduate ", " additional advanced ",
        " additional graduate ",
        " bachelor ", " ba ", " bs ", " undergraduate degree ", " b a b s ", " b a or b s ",
        " associate degree ", " associate s degree ", " aa degree ", " two year degree ",
        " phd ", " ph d ", " doctorate ", " doctoral degree ",
        " jd ", " j d ", " juris doctor ", " law degree ",
    ]

    /// The degrees a sentence names; asked only of a sentence holding one of ``degreeCueList``.
    static func degrees(in text: WordText) -> [String] {
        var found: [String] = []
        let isMLS = mls.contains { text.contains($0) } && (text.contains(" master ") || text.contains(" mls ") || text.contains(" mlis ")
            || text.contains(" msls ") || text.contains(" msis ") || text.contains(" mlibsci ") || text.contains(" mslis ") || text.contains(" ala ")
            || text.contains(" m l s ") || text.contains(" m l i s ") || text.contains(" a l a ") || text.contains(" library school degree "))
        if isMLS {
            let equivalent = text.contains(" or equivalent ") || text.contains(" or its equivalent ") || text.contains(" or an equivalent ")
                || text.contains(" equivalent degree ")
            found.append("ALA-accredited MLS/MLIS" + (equivalent ? " (or equivalent)" : ""))
        }
        if text.contains(" second master ") || text.contains(" additional master ") || text.contains(" second advanced ") || text.contains(" subject master ")
            || text.contains(" second graduate ") || text.contains(" additional advanced ") || text.contains(" additional graduate ") {
            found.append("Second master's degree")
        }
        // ("B.A./B.S. in Computer Science" and "BA/BS" name the degree without the word.)
        if text.contains(" bachelor ") || text.contains(" ba ") && text.contains(" degree ") || text.contains(" bs ") && text.contains(" degree ") || text.contains(" undergraduate degree ")
            || text.contains(" b a b s ") || text.contains(" b a or b s ") || text.contains(" ba bs ") {
            found.append("Bachelor's degree")
        }
        if text.contains(" associate degree ") || text.contains(" associate s degree ") || text.contains(" aa degree ") || text.contains(" two year degree ") {
            found.append("Associate's degree")
        }
        if text.contains(" phd ") || text.contains(" ph d ") || text.contains(" doctorate ") || text.contains(" doctoral degree ") {
            found.append("Doctorate")
        }
        if text.contains(" jd ") || text.contains(" j d ") || text.contains(" juris doctor ") || text.contains(" law degree ") {
            found.append("Law degree (JD)")
        }
        return found
    }

    // MARK: - certifications

    /// Every certification below needs one of these phrases (or a longer one holding it, such as
    /// " teaching certificate "): a sentence holding none (most) names none. They are the certification
    /// group of ``cues``, which `requirements(of:)` scans before it asks for certifications.
    static let certificationCueList = [
        " school librarian ", " library media specialist ", " teacher librarian ", " school library ",
        " teacher certification ", " instructional certificate ", " certified teacher ", " teaching ",
        " certified archivist ", " public librarian ", " librarian certificate ", " librarian certification ",
        " director certification ", " library director certif ",
    ]

    /// The certifications a sentence asks for; asked only of a sentence holding one of ``certificationCueList``.
    static func certifications(in text: WordText) -> [String] {
        // "… within 24 months of hire" is a condition of the job, not a gate before it.
        let afterHire = text.contains(" within ") && (text.contains(" of hire ") || text.contains(" month ") || text.contains(" of employment "))
            || text.contains(" eligible for ") || text.contains(" obtain ") || text.contains(" willingness to ")
        guard !afterHire else { return [] }
        var found: [String] = []
        let certWords = [" certification ", " certificate ", " certified ", " endorsement ", " license ", " licensure ", " credential "]
        let certified = certWords.contains { text.contains($0) }
        if certified && (text.contains(" school library media ") || text.contains(" school librarian ") || text.contains(" library media specialist ")
            || text.contains(" teacher librarian ") || text.contains(" school library ")) {
            found.append("school-library-media")
        }
        if text.contains(" teaching certificate ") || text.contains(" teaching certification ") || text.contains(" teaching license ")
            || text.contains(" teacher certification ") || text.contains(" instructional certificate ") || text.contains(" teaching credential ")
            || text.contains(" certified teacher ") || (certified && text.contains(" teaching ")) {
            found.append("teaching")
        }
        if text.contains(" certified archivist ") || text.contains(" academy of certified archivist ") {
            found.append("certified-archivist")
        }
        if certified && (text.contains(" public librarian ") || text.contains(" librarian certificate ") || text.contains(" librarian certification ")
            || text.contains(" professional librarian certificate ")) {
            found.append("public-librarian")
        }
        if certified && (text.contains(" director certification ") || text.contains(" library director certif ")) {
            found.append("director")
        }
        return found
    }

    // MARK: - experience

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "a": 1, "an": 1, "twelve": 12, "fifteen": 15,
    ]

    /// "two years", "3+ years", "at least five (5) years of professional experience", "2-3 years" → the minimum
    /// a candidate needs. Alternatives ("two years, or one year with an MLS") give the smallest; a part of a
    /// whole ("five years …, at least one of which supervisory") and separate requirements give the largest.
    /// - Parameter experienceHeading: the section's heading names experience ("Required Experience: 3 years
    ///   of performing original cataloging"), so the sentence need not.
    static func yearsOfExperience(in norms: [String], experienceHeading: Bool = false) -> Int? {
        guard experienceHeading || norms.contains("experience") || norms.contains("working") || norms.contains("work") else { return nil }
        var best: Int?
        var lastYear: Int?
        for (i, token) in norms.enumerated() where token == "year" || token == "yr" {
            // Look back over "(5)", "+", "or more", a range "2 3", and "at least" / "minimum of".
            var k = i - 1
            var value: Int?
            while k >= 0 && k >= i - 4 {
                let t = norms[k]
                if let n = Int(t), n > 0, n < 40 { value = n }
                // A number word further back starts a range ("two-three years", "two to three years"); "a"
                // and "an" never override a number ("a minimum of two years").
                else if let n = numberWords[t], k == i - 1 || value == nil || (t != "a" && t != "an") { value = n }
                else if ["or", "more", "plus", "least", "at", "minimum", "of", "to"].contains(t) { }
                else { break }
                k -= 1
            }
            guard var years = value else { continue }
            // A range "2-3 years" reads "2 3": the first number is the minimum.
            if i >= 2, let first = Int(norms[i - 2]), let second = Int(norms[i - 1]), first < second { years = first }
            // Not "a year of" in "within one year of hire" or "a 2 year appointment".
            let after = i + 1 < norms.count ? norms[i + 1] : ""
            if ["appointment", "term", "contract", "position", "old", "ago", "renewable", "project", "grant", "fellowship",
                "residency", "internship", "program", "period", "commitment", "assignment"].contains(after) { continue }
            if i >= 2, ["within", "first", "after", "every", "per"].contains(norms[max(0, k)]) { continue }
            if let previous = best, let last = lastYear {
                // "… or one year with an MLS", "… or a bachelor's and …": "or" that opens another qualification,
                // not "in an academic or public library".
                let between = norms[(last + 1)..<i]
                let alternatives = between.indices.contains { j in
                    between[j] == "or" && j + 1 < i && (Int(norms[j + 1]) != nil || numberWords[norms[j + 1]] != nil
                        || ["bachelor", "master", "mls", "mlis", "degree", "equivalent"].contains(norms[j + 1]))
                }
                best = alternatives ? min(previous, years) : max(previous, years)
            } else {
                best = years
            }
            lastYear = i
        }
        return best
    }

    /// Phrases that ask for experience supervising people.
    static let supervisionCues = FastText.Needles([
        " supervisory experience ", " supervisory role ", " supervisory position ", " experience supervising ",
        " supervision of ", " supervising staff ", " supervising student ", " supervisory capacity ", " experience managing staff ",
        " supervisory or administrative ", " supervisory or management ", " managerial experience ", " management of full time staff ",
        " supervisory skill ", " managerial responsibility ", " managerial responsibilities ", " personnel management ",
        " managerial position ", " managerial capacity ", " supervisory and training experience ",
    ])

    /// Supervisory experience required; the years when stated ("including two in a supervisory role").
    static func supervision(in norms: [String]) -> Int?? {
        // Every phrase of `supervisionCues` and "management experience" hold a word starting "supervis" or
        // "manag"; most sentences have none.
        guard norms.contains(where: { $0.hasPrefix("supervis") || $0.hasPrefix("manag") }) else { return nil }
        // "Under the (general) supervision of the curator" is who supervises the job: leave those words out.
        var own: [String] = []
        var k = norms.contains("under") ? 0 : norms.count
        if k > 0 { own = norms }
        while k < norms.count {
            if norms[k] == "under" {
                var j = k + 1
                while j < norms.count, ["the", "general", "direct", "immediate"].contains(norms[j]) { j += 1 }
                if j + 1 < norms.count, norms[j] == "supervision", norms[j + 1] == "of" { k = j + 2; continue }
            }
            own.append(norms[k])
            k += 1
        }
        let text = WordText(own)
        // "3 to 4 years of management experience", but not project, data or records management.
        // Only management of people: the word before "management" must not name what is managed
        // ("electronic resources management experience", "budget management experience").
        let managing = own.indices.contains { k in
            own[k] == "management" && k + 1 < own.count && own[k + 1] == "experience"
                && (k == 0 || managementOfPeople.contains(own[k - 1]) || Int(own[k - 1]) != nil || numberWords[own[k - 1]] != nil)
        }
        guard managing || text.holdsAny(of: supervisionCues) else { return nil }
        // "including two in a supervisory role", "2 years of supervisory experience"
        for (i, token) in norms.enumerated() {
            // "one" counts only as "one year" ("one of the staff" is no number of years).
            let n = Int(token) ?? numberWords[token].flatMap { $0 > 1 || (i + 1 < norms.count && norms[i + 1] == "year") ? $0 : nil }
            guard var value = n, i + 1 < norms.count else { continue }
            // "3 to 4 years", "3-4 years": the lower figure.
            if i >= 2, norms[i - 1] == "to", let low = Int(norms[i - 2]) ?? numberWords[norms[i - 2]] { value = min(value, low) }
            if i >= 1, Int(token) != nil, let low = Int(norms[i - 1]), low < value { value = low } // "3-4 years", not "2) Four years"
            // "Three or more years of supervisory experience": past "or more" and "plus" to the years.
            var j = i + 1
            while j < norms.count - 1, ["or", "more", "plus"].contains(norms[j]) { j += 1 }
            let rest = norms[j...].prefix(5).joined(separator: " ")
            // "2-3 years experience managing staff", "three years of experience supervising librarians"
            let managingPeople = rest.hasPrefix("year") && norms[(j + 1)...].prefix(4).contains(where: { ["supervising", "managing"].contains($0) })
                && norms[(j + 1)...].prefix(6).contains(where: { ["staff", "people", "employee", "personnel", "librarian", "team"].contains($0) })
            if managingPeople || rest.hasPrefix("in a supervisory") || rest.hasPrefix("year of supervisory") || rest.hasPrefix("year supervisory")
                || rest.hasPrefix("year of supervis") || rest.hasPrefix("year in a supervisory") || rest.hasPrefix("year of managerial")
                || (managing && rest.hasPrefix("year") && norms[j...].prefix(5).contains("management")) {
                return .some(value)
            }
            // "five years of experience in an administrative or supervisory capacity", "five years of
            // experience working as a professional librarian in a managerial position"
            let clause = norms[j...].prefix(13)
            if rest.hasPrefix("year"), clause.contains(where: { ["capacity", "position", "role"].contains($0) }),
               clause.contains(where: { ["supervisory", "managerial"].contains($0) }),
               !norms[(j + 1)...].prefix(12).contains(where: { Int($0) != nil || numberWords[$0].map { $0 > 1 } == true }) {
                return .some(value)
            }
            // "at least one year of which must have been in a supervisory or administrative capacity"
            if rest.hasPrefix("year of which"), norms[(i + 1)...].prefix(10).contains("supervisory") {
                return .some(value)
            }
        }
        return .some(nil)
    }

    // MARK: - languages

    static let languageNames = ["Spanish", "French", "German", "Italian", "Portuguese", "Russian", "Chinese", "Mandarin", "Cantonese",
                                "Japanese", "Korean", "Arabic", "Hebrew", "Yiddish", "Persian", "Farsi", "Turkish", "Polish", "Ukrainian",
                                "Czech", "Greek", "Latin", "Hindi", "Urdu", "Bengali", "Vietnamese", "Thai", "Tagalog", "Swahili", "Dutch",
                                "Swedish", "Norwegian", "Danish", "Finnish", "Hungarian", "Romanian", "Armenian", "Haitian Creole",
                                "American Sign Language", "ASL", "Navajo", "Ojibwe", "Cherokee", "Tibetan", "Sanskrit", "Punjabi", "Somali",
                                "Hmong", "Karen", "Amharic", "Tamil", "Khmer", "Nepali", "Burmese", "Tigrinya", "Indonesian", "Malay",
                                "Gujarati", "Telugu", "Marathi", "Albanian", "Serbian", "Croatian", "Bosnian", "Georgian", "Pashto", "Dari"]

    static let languageCues: Set<String> = ["knowledge", "fluency", "fluent", "proficiency", "proficient", "bilingual", "speak", "speaking", "read",
                                            "reading", "language", "languages", "competency", "competence", "command", "native",
                                            // "communication skills … in both Spanish and English"
                                            "communication", "oral", "written", "both"]
    /// The first normalised word of every language's name.
    static let languageFirstWords: Set<String> = Set(languageNorms.compactMap(\.1.first))

    /// Each language's name and its normalised words, worked out once.
    static let languageNorms: [(String, [String])] = languageNames.map { ($0, Tokenizer.norms($0)) }

    /// The strength of the nearest "required" or preferred word within four words after the item at
    /// `index` (of `span` words), or else within four words before it; nil when there is none.
    static func nearestStrength(_ norms: [String], around index: Int, span: Int) -> Strength? {
        func strength(_ word: String) -> Strength? {
            word == "required" || word == "require" || word == "must" ? .required : nearPreferredWords.contains(word) ? .preferred : nil
        }
        for word in norms[min(norms.count, index + span)..<min(norms.count, index + span + 4)] {
            if let found = strength(word) { return found }
            // ("fluent in Spanish, with French preferred": the word belongs to the next language.)
            if languageFirstWords.contains(word) { break }
        }
        for word in norms[max(0, index - 4)..<index].reversed() {
            if let found = strength(word) { return found }
        }
        return nil
    }

    /// Languages a sentence asks for: "reading knowledge of German and French", "fluency in Spanish", "bilingual (English/Spanish)".
    /// - Parameters:
    ///   - requiredOnly: leave out a language a nearby word says is only preferred.
    ///   - explicitly: keep only a language a nearby word says is required (in a sentence that says preferred).
    static func languages(in norms: [String], raw sentence: String, requiredOnly: Bool = false, explicitly: Bool = false) -> [String] {
        guard norms.contains(where: { languageCues.contains($0) }) else { return [] }
        var found: [String] = []
        for (name, parts) in languageNorms {
            guard parts.count <= norms.count else { continue }
            var capitalised: Bool?
            for i in 0...(norms.count - parts.count) where norms[i] == parts[0] && norms[i..<(i + parts.count)].elementsEqual(parts) {
                // The name must be written with a capital somewhere ("Latin" the language, not "latin" in a list
                // of words): searched for only once its words are found.
                if capitalised == nil { capitalised = FastText.firstRange(of: String(name.prefix { $0 != " " }), in: sentence) != nil }
                guard capitalised == true else { break }
                // "Latin American art" names a region, not the language.
                let next = i + parts.count < norms.count ? norms[i + parts.count] : ""
                if name == "Latin" && (next == "american" || next == "america") { continue }
                // "English and Spanish required; knowledge of Portuguese preferred": the nearest word of
                // strength after the language (or else before it) decides.
                if requiredOnly {
                    let nearest = Self.nearestStrength(norms, around: i, span: parts.count)
                    if nearest == .preferred || (explicitly && nearest != .required) { continue }
                }
                let canonical = name == "ASL" ? "American Sign Language" : name == "Farsi" ? "Persian" : name
                if !found.contains(canonical) { found.append(canonical) }
                break
            }
        }
        return found
    }
}

/// A sentence's normalised words joined by single spaces and padded with one at each end, searched as
/// bytes. `String.contains(String)` goes through Foundation on Linux, and with dozens of phrases per
/// sentence it was most of the time spent analysing a posting.
struct WordText {
    private let bytes: ArraySlice<UInt8>

    /// The text of normal forms a scan kept (``ScannedWords/forms(of:)``).
    init(forms: ArraySlice<UInt8>) { bytes = forms }

    init(_ norms: [String]) {
        var bytes: [UInt8] = [0x20]
        bytes.reserveCapacity(norms.reduce(2) { $0 + $1.utf8.count + 1 })
        for word in norms {
            bytes.append(contentsOf: word.utf8)
            bytes.append(0x20)
        }
        self.bytes = bytes[...]
    }

    /// The groups of the needles that occur in the text (bit `g` for group `g`), in one scan.
    func groups(of needles: FastText.Needles) -> UInt32 {
        bytes.withUnsafeBufferPointer { needles.groups(in: $0) }
    }

    /// True when any of the needles occurs in the text, in one scan.
    func holdsAny(of needles: FastText.Needles) -> Bool {
        bytes.withUnsafeBufferPointer { needles.occurs(in: $0) }
    }

    /// True when the needle occurs in the text (byte for byte; the words are already lower case).
    func contains(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            n.isEmpty || bytes.withUnsafeBufferPointer { FastText.firstOffset(of: n, in: $0) != nil }
        }
    }
}
