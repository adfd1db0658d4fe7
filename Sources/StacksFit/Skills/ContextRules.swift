/// The rules that decide what an ambiguous word means in its sentence, whether a mention is
/// negated, whether a sentence is about the institution rather than the job, and whether a mention
/// names something the job does not ask for: a colleague or unit, a format in a list, a count of
/// holdings, a web address, a term of employment. Each rule is tested with a sentence where the word
/// is a skill and one where it is not (SkillExtractorTests).
enum ContextRules {
    enum Decision { case accept, reject, code }

    /// Decides an ambiguous word at `span` of a sentence's words.
    /// - Parameters:
    ///   - word: the ambiguous word, normalised ("reference", "instruction", "programming"…).
    ///   - w: the sentence's words.
    static func decide(word: String, _ w: SentenceWords, at span: Range<Int>, section: PostingSection.Kind) -> Decision {
        let i = span.lowerBound
        let before = w.at(i - 1)
        let before2 = w.at(i - 2)
        let after = w.at(span.upperBound)
        let after2 = w.at(span.upperBound + 1)
        let plural = w.raw(i).utf8.last.map { $0 | 0x20 == 0x73 } ?? false
        switch word {
        case "reference":
            // "three professional references", "letters of reference", "reference checks", application text.
            if section == .application { return .reject }
            if plural { return .reject }
            if Words.referenceNotAfter.contains(after) { return .reject }
            // "the OAIS reference model", "a reference implementation", "reference manager" (Zotero): not the desk.
            if Words.referenceModel.contains(after) { return .reject }
            if Words.referenceOf.contains(before) && !Words.referenceDesk.contains(after) {
                return .reject
            }
            if w.containsAny(of: Words.referenceApplying) && !Words.referenceService.contains(after) {
                return .reject
            }
            return .accept
        case "instruction":
            // "follow instructions", "application instructions"; yes to "library instruction", "instruction sessions".
            if section == .application { return .reject }
            if plural && Words.directionsBefore.contains(before) {
                return .reject
            }
            if plural && w.containsAny(of: Words.applying) { return .reject }
            if Words.teaching.contains(before) || Words.teachingAfter.contains(after) || w.containsAny(of: Words.teachingContext) {
                return .accept
            }
            return .reject
        case "programming":
            if Words.code.contains(before) || Words.code.contains(after) || Words.code.contains(after2) { return .code }
            if Words.events.contains(before) || Words.events.contains(before2) || w.containsAny(of: Words.eventNouns) {
                return .accept
            }
            return w.containsAny(of: Words.code) ? .code : .accept
        case "circulation":
            if Words.notLending.contains(before) { return .reject }
            if after == .of && Words.circulated.contains(after2) {
                return .reject
            }
            return .accept
        case "collection":
            // Only collection development and management; never "collection of fees" or "data collection".
            if after == .of { return .reject }
            if Words.collected.contains(before) {
                return .reject
            }
            if Words.building.contains(after) || Words.verbs.contains(before) || Words.verbs.contains(before2) { return .accept }
            return .reject
        case "program":
            // Public programs ("adult programs", "programs for teens"), never a degree or certification program,
            // nor "the Library's programs and services" (everything it does).
            if after == .and && Words.everythingItDoes.contains(after2) { return .reject }
            guard plural || after == .planning || after == .development && before != .professional else { return .reject }
            if Words.notEvents.contains(before) || Words.notEvents.contains(before2) || w.containsAny(of: Words.degreeProgram) {
                return .reject
            }
            if Words.audience.contains(before) || Words.audience.contains(before2) || Words.makers.contains(before) || Words.makers.contains(before2)
                || (after == .for && Words.programAudience.contains(after2)) {
                return .accept
            }
            return .reject
        case "select", "selecting", "selected":
            // "Selects materials for the collection" is selection; "select candidates" is not.
            return w.containsAny(of: Words.selected) ? .accept : .reject
        case "train", "training", "trained":
            // Training staff, volunteers and student workers; not "NACO training" or "training provided".
            if Words.trainingGiven.contains(before) || after == .provided { return .reject }
            // Students are staff when they are hired, supervised or scheduled.
            let studentWorkers = w.contains(.student) && w.containsAny(of: Words.employing)
            return !w.containsAny(of: Words.people) && !studentWorkers ? .reject : .accept
        case "chat":
            // Chat reference: "by phone and through chat", "chat service".
            return w.containsAny(of: Words.chatContext) ? .accept : .reject
        case "counter":
            // The COUNTER usage-statistics standard, not a service counter.
            if w.raw(i) == "COUNTER" || before == .project { return .accept }
            if Words.counterAfter.contains(after) { return .accept }
            return .reject
        case "fast":
            // FAST, the faceted subject headings, not "a fast-paced environment".
            if after == .paced { return .reject }
            if w.raw(i) == "FAST" { return .accept }
            return Words.fastContext.contains(after) || Words.fastContext.contains(before) ? .accept : .reject
        case "supervision":
            // "Works under the supervision of the Head of Cataloging" describes the job's boss, not a skill.
            if before == .under || (before == .the && before2 == .under) || before == .general && before2 == .under {
                return .reject
            }
            return .accept
        default:
            return .accept
        }
    }

    /// The word lists of ``decide(word:_:at:section:)``, built once.
    private enum Words {
        static let teaching: WordSet = ["library", "information", "literacy", "bibliographic", "research", "classroom", "course", "integrated",
            "shot", "one", "embedded", "online", "provide", "provides", "providing", "deliver", "delivers",
            "delivering", "teaching", "and", "reference", "in", "lead", "leads", "coordinate", "coordinates",
            "design", "designs", "plan", "plans", "assess", "user", "group", "person", "virtual", "formal",
            "point", "need"]
        static let teachingAfter: WordSet = ["session", "program", "librarian", "class", "course", "and", "coordinator", "design",
            "service", "activity", "initiative", "team", "to", "for", "in", "at", "workshop", "outreach", "assessment"]
        static let code: WordSet = ["python", "java", "javascript", "php", "ruby", "perl", "sql", "language", "scripting", "script", "software",
            "api", "computer", "coding", "code", "developer", "development", "xslt", "xquery", "r", "bash", "shell",
            "git", "github", "object", "oriented", "web", "application", "database", "html", "css"]
        private static let eventWords: Set<String> = ["adult", "children", "child", "teen", "youth", "family", "public", "library", "community", "summer",
            "stem", "steam", "cultural", "educational", "virtual", "in", "person", "program", "event", "outreach",
            "storytime", "audience", "attendance", "patron", "families", "reading", "age", "early", "literacy",
            "craft", "club", "series", "senior", "tween", "preschool", "plan", "plans", "planning", "develop",
            "develops", "deliver", "delivers", "lead", "leads", "coordinate", "coordinates"]
        static let building: WordSet = ["development", "management", "assessment", "analysis", "building", "budget", "maintenance",
            "strategy", "policy", "decision", "evaluation", "review", "use", "growth", "planning", "need"]
        static let verbs: WordSet = ["develop", "develops", "developing", "build", "builds", "building", "manage", "manages", "managing",
            "maintain", "maintains", "maintaining", "weed", "weeds", "weeding", "evaluate", "evaluates",
            "evaluating", "select", "selects", "selecting", "curate", "curates", "curating", "shape", "grow",
            "circulating", "print", "general", "subject", "juvenile", "adult", "youth", "teen",
            "children", "nonfiction", "fiction", "local", "diverse", "relevant", "responsive", "inclusive"]
        static let audience: WordSet = ["adult", "teen", "children", "child", "family", "families", "youth", "public", "library", "storytime",
            "stem", "steam", "craft", "community", "cultural", "educational", "virtual", "senior", "tween",
            "preschool", "literacy", "author", "all", "age", "reading", "summer", "bilingual", "sensory", "nature",
            "outreach", "engaging", "innovative", "creative", "inclusive", "lifelong", "learning", "enrichment"]
        static let makers: WordSet = ["plan", "planning", "present", "presenting", "deliver", "delivering", "lead", "leading", "design",
            "designing", "host", "hosting", "develop", "developing", "coordinate", "coordinating", "evaluate",
            "evaluating", "promote", "promoting", "run", "running", "offer", "implement", "implementing"]
        static let notEvents: WordSet = ["degree", "accredited", "certification", "graduate", "mls", "mlis", "master", "academic", "doctoral",
            "training", "grant", "funding", "software", "computer", "exchange", "study", "internship", "residency",
            "federal", "depository", "approval", "assessment", "instruction"]
        // "Trains students in legal research" is instruction; student workers and assistants are staff.
        static let people: WordSet = ["staff", "volunteer", "employee", "assistant", "worker", "team", "colleague", "paraprofessional", "page", "intern", "personnel"]
        static let fastContext: WordSet = ["heading", "subject", "lcsh", "vocabulary", "oclc", "facet", "term"]
        static let events = WordSet(eventWords)
        static let eventNouns = WordSet(eventWords.subtracting(["in", "plan", "plans", "develop", "develops", "deliver", "delivers", "lead", "leads",
            "coordinate", "coordinates", "library"]))
        static let referenceNotAfter: WordSet = ["letter", "check", "number", "list", "available", "upon", "provided"]
        static let referenceModel: WordSet = ["model", "implementation", "architecture", "manager", "management", "data", "image", "genome"]
        static let referenceOf: WordSet = ["of", "with", "in", "for", "cross", "professional", "personal", "three", "two", "four", "3", "2", "4", "work"]
        static let referenceDesk: WordSet = ["desk", "service", "interview", "question", "librarian"]
        static let referenceApplying: WordSet = ["submit", "contact", "name", "applicant", "application", "include", "list", "letter"]
        static let referenceService: WordSet = ["desk", "service", "interview", "question", "source", "collection"]
        static let directionsBefore: WordSet = ["follow", "following", "application", "written", "detailed", "specific", "these", "the", "oral",
            "verbal", "supervisor", "posted"]
        static let applying: WordSet = ["apply", "applying", "application", "follow", "submit"]
        static let teachingContext: WordSet = ["teach", "teaching", "student", "learner", "literacy", "faculty", "class"]
        static let notLending: WordSet = ["air", "blood", "newspaper", "magazine", "paid"]
        static let circulated: WordSet = ["newsletter", "document", "memo", "information", "draft", "minute", "report", "survey", "paper", "the",
            "a", "agenda", "notice"]
        static let collected: WordSet = ["data", "fee", "fine", "payment", "money", "revenue", "statistic", "debt", "sample", "specimen", "trash",
            "garbage", "special"]
        static let everythingItDoes: WordSet = ["service", "collection", "policy", "operation", "initiative"]
        static let degreeProgram: WordSet = ["accredited", "enrollment", "enrolled", "degree"]
        static let programAudience: WordSet = ["children", "child", "teen", "adult", "families", "family", "all", "youth", "senior", "patron", "kid",
            "tween"]
        static let selected: WordSet = ["collection", "material", "title", "book", "resource", "item", "database", "journal", "media", "medium",
            "fiction", "nonfiction", "area", "subject"]
        static let trainingGiven: WordSet = ["naco", "on", "will", "provided", "ongoing", "receive", "formal"]
        static let employing: WordSet = ["hire", "supervise", "schedule", "employ", "evaluate"]
        static let chatContext: WordSet = ["reference", "question", "patron", "user", "student", "help", "research", "service", "desk", "libanswer",
            "virtual", "email", "phone"]
        static let counterAfter: WordSet = ["5", "r5", "4", "r4", "compliant", "report", "statistic", "standard", "data", "usage", "and"]
    }

    private static let unitNouns: Set<String> = ["department", "unit", "division", "team", "group", "section", "committee"]
    private static let namedUnits: Set<String> = ["library", "center", "centre"]
    private static let leadingVerbs: Set<String> = ["lead", "manage", "oversee", "direct", "coordinate", "run", "head", "build", "develop", "establish"]
    private static let colleagueDeterminers: Set<String> = ["the", "our", "with", "to", "a"]
    /// A unit of an organisation: "team", "department"…, or a capitalised "Library" or "Center" in a name.
    private static func isUnitWord(_ w: SentenceWords, _ k: Int) -> Bool {
        w.classes[k].contains(.unitNoun) || (w.classes[k].contains(.namedUnit) && w.startsUppercase(k))
    }
    private static let roleNouns: Set<String> = ["librarian", "coordinator", "department", "unit", "team", "office", "specialist",
                                                 "manager", "director", "head", "supervisor", "committee", "division", "staff", "assistant",
                                                 "group", "council", "archivist", "curator"]

    /// True when the words at `span` name a colleague or a department rather than a skill the job asks
    /// for: "with the Electronic Resources Librarian", "reports to the Head of Technical Services".
    /// The posting's own title ("The Electronic Resources Librarian manages …") is not a colleague.
    static func namesColleague(_ w: SentenceWords, at span: Range<Int>, ownTitle: TitleWords) -> Bool {
        let classes = w.classes
        let before = w.at(span.lowerBound - 1)
        // Each rule below needs a determiner before, an "of" or "for" within four words, a capitalised name or
        // a unit word after; most
        // mentions have none of them, and leave before any set is built.
        let back = max(0, span.lowerBound - 4)..<span.lowerBound
        // A possessive before counts as a determiner: "the library's collection strategy group".
        let possessive = span.lowerBound > 0 && w.endsPossessive(span.lowerBound - 1)
        let determiner = (span.lowerBound > 0 && classes[span.lowerBound - 1].contains(.colleagueDeterminer)) || possessive
        let capitalised = span.lowerBound > 0 && span.count > 1
        // A unit word right after the mention: "Cataloging teams", "Conservation Center" (but the job's own unit
        // when it leads it: "leads the Digital Scholarship Center").
        let leads = classes[max(0, span.lowerBound - 3)..<span.lowerBound].contains { $0.contains(.leadingVerb) }
        let unitAfter = !leads && span.upperBound < w.count && isUnitWord(w, span.upperBound)
        guard determiner || w.contains(.of, in: back) || w.contains(.for, in: back) || capitalised || unitAfter else { return false }
        // "reporting to the Library Director", "reports to Collection Development": whom the job reports to.
        let to = span.lowerBound - (before == .the ? 2 : 1)
        if to >= 1, w[to] == toWord, reportVerbs.contains(w[to - 1]) { return true }
        let isTitle = span.upperBound < w.count && classes[span.upperBound].contains(.roleNoun)
            && span.allSatisfy { ownTitle.words.contains(w.norm($0)) } && ownTitle.words.contains(w.norm(span.upperBound))
        if isTitle { return false }
        if determiner {
            // "the Electronic Resources Librarian", "the Library Technology & Discovery department"
            let next = span.upperBound..<min(w.count, span.upperBound + 3)
            if let k = next.first(where: { classes[$0].contains(.roleNoun) }),
               !w.containsAny(of: colleagueBreaks, in: next.lowerBound..<k) || k == next.lowerBound {
                return true
            }
        }
        // "Head of Access & User Services", "Director of Technical Services".
        // The words between "of" and the mention must belong to the name ("Head of Access & User Services"),
        // not start a new clause ("Head of Circulation; performs original cataloging").
        // "serves as the coordinator of access services" is the job itself (not "leaders such as the Head of …").
        // ("Associate Dean for User Services, Outreach and Assessment" too.)
        if let of = back.last(where: { w[$0] == .of || w[$0] == .for }), of > 0, headsOfUnits.contains(w[of - 1]),
           !(max(0, of - 4)..<(of - 1)).contains(where: { j in
               w[j] == .as && j > 0 && servingAs.contains(w[j - 1])
           }) {
            let between = (of + 1)..<span.lowerBound
            let partOfName = between.allSatisfy { k in
                w[k] == .and || w[k] == .the || w.startsUppercase(k)
            }
            if partOfName { return true }
        }
        // A capitalised name followed by a unit word: "the Metadata & Discovery Services unit", also opening
        // the sentence ("Collection Development team meets weekly").
        if !leads, span.count > 1, span.allSatisfy({ w.startsUppercase($0) }) {
            if w.containsAny(of: unitNames, in: span.upperBound..<min(w.count, span.upperBound + 3)) {
                return true
            }
        }
        // A capitalised name that runs on past the mention to a unit word: "with the Outreach and Community
        // Engagement team". Only capitalised words and "and" may stand between.
        // "the Original and Special Materials Cataloging teams", "the Conservation Center Library": a unit word
        // right after a capitalised mention that itself follows a capitalised word.
        if unitAfter, span.lowerBound > 1, span.allSatisfy({ w.startsUppercase($0) }),
           w.startsUppercase(span.lowerBound - 1) {
            return true
        }
        // "works closely with staff in Collection Development, Research Services, Rare Books and Special
        // Collections, …", "work closely with Web Development": capitalised names of the units the job works
        // beside, after a verb of working together and "with", with only names, "staff in", "the" and "and"
        // between.
        // (Names of two words or more: "coordinates with OCLC", "collaborate with Alma administrators" name
        // a product.)
        if span.lowerBound > 1, span.count > 1, span.allSatisfy({ w.startsUppercase($0) }),
           let with = (max(1, span.lowerBound - 16)..<span.lowerBound).last(where: { w[$0] == withWord }),
           workingTogether.contains(w[with - 1]),
           ((with + 1)..<span.lowerBound).allSatisfy({ k in w.startsUppercase(k) || listGlue.contains(w[k]) }) {
            return true
        }
        // The name must follow "the" or a possessive: "experience with Alma, Primo VE and Microsoft Office" is a list.
        if !leads, before == .the || possessive, span.allSatisfy({ w.startsUppercase($0) }) {
            var k = span.upperBound
            var named = false
            while k < min(w.count, span.upperBound + 5) {
                if isUnitWord(w, k) { return named || k == span.upperBound }
                guard w[k] == .and || w.startsUppercase(k) else { break }
                named = named || w[k] != .and
                k += 1
            }
        }
        return false
    }
    private static let colleagueBreaks: WordSet = ["and", "or", "in", "for", "with"]
    private static let toWord: Word = "to"
    private static let withWord: Word = "with"
    private static let reportVerbs: WordSet = ["report", "reporting"]
    private static let workingTogether: WordSet = ["closely", "collaborate", "collaborating", "collaboration", "coordinate", "coordinating",
                                                   "liaise", "partner", "partnering"]
    private static let listGlue: WordSet = ["and", "the", "staff", "in", "of", "colleague"]
    private static let headsOfUnits: WordSet = ["head", "director", "department", "dean", "manager", "coordinator", "office"]
    private static let servingAs: WordSet = ["serve", "act", "function", "work"]
    private static let unitNames: WordSet = ["department", "unit", "division", "team", "office", "group", "section", "program", "committee"]

    /// Classes of words that the sentence-wide rules look for, as bits of each word in ``lexicon``:
    /// ``SentenceWords`` reads them by each word's number, so a rule asks "is there a role word?" without
    /// looking at every word of the sentence again.
    struct WordClass: OptionSet {
        let rawValue: UInt32
        static let role = WordClass(rawValue: 1)
        static let statement = WordClass(rawValue: 2)
        static let collection = WordClass(rawValue: 4)
        static let holding = WordClass(rawValue: 8)
        static let one = WordClass(rawValue: 16)
        static let reportNoun = WordClass(rawValue: 32)
        static let provision = WordClass(rawValue: 64)
        static let nameLineInstitution = WordClass(rawValue: 128)
        static let colleagueDeterminer = WordClass(rawValue: 256)
        static let leadingVerb = WordClass(rawValue: 512)
        static let unitNoun = WordClass(rawValue: 1024)
        static let namedUnit = WordClass(rawValue: 2048)
        static let roleNoun = WordClass(rawValue: 4096)
        /// A word that starts with a digit (set by ``SentenceWords``, not in the lexicon).
        static let number = WordClass(rawValue: 1 << 31)
    }

    /// The words of the classes above, then every other word a rule names (``ruleWords``); the phrase
    /// matcher's vocabulary starts from it.
    static let lexicon: Vocabulary = {
        let classes: [(WordClass, Set<String>)] = [
            (.role, roleWords), (.statement, statementCues), (.collection, ["collection", "holding"]), (.holding, ["holding"]),
            (.one, ["one"]), (.reportNoun, reportNouns), (.provision, ["term", "clause", "provision"]),
            (.nameLineInstitution, nameLineInstitutions), (.colleagueDeterminer, colleagueDeterminers),
            (.leadingVerb, leadingVerbs), (.unitNoun, unitNouns), (.namedUnit, namedUnits), (.roleNoun, roleNouns),
        ]
        var words = Vocabulary()
        for (wordClass, members) in classes { words.mark(members.sorted(), wordClass.rawValue) }
        for word in ruleWords { words.intern(word) }
        return words
    }()

    /// Whether a sentence holds the words that the report and license rules look for at all.
    struct Cues {
        var reporting = false
        var provisions = false
        /// Whether a word of the sentence starts with a digit: a count of holdings needs one.
        var digits = false
        init(classes: [WordClass]) {
            let all = classes.reduce(into: WordClass()) { $0.formUnion($1) }
            reporting = all.contains(.reportNoun)
            provisions = all.contains(.provision)
            digits = all.contains(.number)
        }
    }

    fileprivate static let reportNouns: Set<String> = ["report", "dashboard", "statistic", "metric", "analytic", "visualization", "visualisation", "chart"]

    /// True when the words at `span` name what is reported on, not work done: "reports and dashboards for
    /// circulation, acquisitions and e-resource usage" is reporting, not circulation or acquisitions.
    /// Skills that are themselves about data (usage statistics, assessment, SQL) are never excluded here.
    static func isReportedOn(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        // "… reports and dashboards for circulation, acquisitions and …": a reporting noun, then for/on/about,
        // then a short list that holds the mention.
        let start = max(0, span.lowerBound - 9)
        var k = span.lowerBound - 1
        while k >= start {
            if reportedOn.contains(w[k]) {
                return (max(0, k - 3)..<k).contains { w.classes[$0].contains(.reportNoun) }
            }
            // Only list words and other nouns of the list may stand between.
            if w.classes[k].contains(.reportNoun) || reportListEnds.contains(w[k]) { return false }
            k -= 1
        }
        return false
    }
    private static let reportedOn: WordSet = ["for", "on", "about", "covering"]
    private static let reportListEnds: WordSet = ["to", "in", "with", "by", "from", "at"]

    static let reportingSkills: Set<String> = ["usage-statistics", "assessment-statistics", "data-analysis", "sql", "collection-assessment",
                                               "assessment-of-learning", "ux-research", "user-research"]

    /// True when the words at `span` are one of the provisions a license lists: "review license terms
    /// (perpetual access, interlibrary loan, text and data mining, accessibility, governing law)" asks for
    /// licensing, not for interlibrary loan or accessibility work.
    static func isLicenseProvision(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        let back = max(0, span.lowerBound - 12)..<span.lowerBound
        guard let k = back.last(where: { w.classes[$0].contains(.provision) }), k > back.lowerBound else { return false }
        return licenses.contains(w[k - 1])
    }
    private static let licenses: WordSet = ["license", "licence", "licensing", "contract"]

    private static let deviceHelp: WordSet = ["help", "helps", "helping", "helper", "app", "apps", "device", "devices", "smartphone",
                                                  "smartphones", "tablet", "tablets", "download", "downloading", "printer", "printers"]
    /// "helps patrons with computers, printers, e-books and job applications": e-books as a patron's
    /// device question, not the management of electronic resources.
    static func isDeviceHelp(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        let phrase = w.phrase(span)
        guard ["e book", "ebook", "e books", "ebooks"].contains(phrase) || phrase.hasPrefix("e book") else { return false }
        return w.containsAny(of: deviceHelp)
    }

    /// Words that show a library system is administered, not merely used.
    private static let administering: WordSet = [
        "administer", "administration", "administrator", "administering", "configure", "configuration", "configuring", "manage",
        "managing", "management", "maintain", "maintaining", "maintenance", "migration", "migrate", "migrating", "implement",
        "implementation", "implementing", "troubleshoot", "troubleshooting", "upgrade", "setting", "optimize", "oversee",
        "oversees", "integration", "integrate", "load", "loads", "api", "apis",
    ]
    /// The bare names of a library system ("an integrated library system", "the ILS") mean the skill of
    /// administering one only beside words of administration; "experience with an integrated library
    /// system" is using one.
    static func isSystemMerelyUsed(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        let phrase = w.phrase(span)
        guard ["integrated library system", "ils", "library service platform", "library services platform", "lsp", "library management system"].contains(phrase) else { return false }
        return !w.containsAny(of: administering, in: 0..<span.lowerBound) && !w.containsAny(of: administering, in: span.upperBound..<w.count)
    }

    // MARK: Terms of the job, people, formats and units

    /// Words that make professional development a term of the job rather than a skill it asks for.
    private static let expectationWords: WordSet = [
        "engage", "engaging", "participate", "participating", "participation", "pursue", "attend", "attending",
        "expected", "expectation", "commitment", "committed", "involvement", "involved", "active", "actively",
        "contribute", "contributing", "allowance", "budget", "fund", "funding", "opportunity", "eligible",
    ]
    /// "Engage in professional development, scholarship and service", "participate in professional
    /// organizations", "support for continuing education": what the employer expects of or offers every
    /// librarian, counted as boilerplate. Planning or delivering it for others ("plans continuing education
    /// for member libraries") still counts.
    static func isTermOfEmployment(_ w: SentenceWords) -> Bool {
        w.containsAny(of: expectationWords) && !w.containsAny(of: deliveringWords)
    }
    /// "Coordinate professional development opportunities for library staff" delivers it.
    private static let deliveringWords: WordSet = ["coordinate", "plan", "deliver", "design", "lead", "organize", "organise",
                                                       "facilitate", "present", "teach", "train", "develop"]

    /// Person nouns that a phrase can end on ("archivists", "subject specialists", "systems librarians").
    private static let personNouns: WordSet = [
        "archivist", "specialist", "librarian", "cataloger", "cataloguer", "curator", "technician", "developer",
        "programmer", "conservator", "bibliographer",
    ]
    /// "works with digitization staff, archivists and subject specialists": the people the job works beside.
    /// Their skill is theirs, not asked of the candidate. "Experience as a subject specialist" still counts.
    private static let coworkerOpeners: WordSet = ["with", "alongside", "among", "colleague"]
    private static let ownExperience: WordSet = ["experience", "familiarity", "familiar", "knowledge", "proficiency", "proficient",
                                                     "comfort", "comfortable", "expertise", "skill", "skilled"]
    private static let coworkerStops: WordSet = ["as", "a", "an", "experience", "for", "to", "of", "is", "are", "be", "being", "hire", "recruit"]
    static func namesCoworkers(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard !span.isEmpty, personNouns.contains(w[span.upperBound - 1]) else { return false }
        var k = span.lowerBound - 1
        let start = max(0, span.lowerBound - 10)
        while k >= start {
            let word = w[k]
            // "experience with subject specialists' tools" is the candidate's own experience.
            if coworkerOpeners.contains(word) { return k == 0 || !ownExperience.contains(w[k - 1]) }
            if coworkerStops.contains(word) { return false }
            k -= 1
        }
        return false
    }

    /// Words for kinds of material: a list of them names formats, not work ("monographs, scores and
    /// electronic resources", "a print and digital collection").
    private static let formatWords: WordSet = [
        "print", "monograph", "score", "audiovisual", "av", "media", "serial", "book", "dvd", "map", "microform",
        "physical", "tangible", "analog", "paper", "manuscript", "photograph",
    ]
    /// True when "electronic resources" or "digital collection" is one format in a list of formats:
    /// "catalogs monographs, scores, audiovisual materials and electronic resources" asks for cataloging,
    /// not for managing electronic resources.
    static func isMaterialFormat(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.lowerBound > 0, w[span.lowerBound - 1] == .and || w[span.lowerBound - 1] == .or else { return false }
        // "Manage print and electronic resources" still manages them.
        return w.containsAny(of: formatWords, in: max(0, span.lowerBound - 7)..<(span.lowerBound - 1)) && !w.containsAny(of: formatManagement)
    }

    private static let formatManagement: WordSet = [
        "manage", "managing", "management", "license", "licensing", "troubleshoot", "troubleshooting", "renew", "renewal",
        "subscription", "negotiate", "access", "knowledge", "experience", "familiarity",
    ]

    /// Units that can be the object of "the day-to-day operation of …" and still mean running the library.
    private static let wholeLibrary: WordSet = ["library", "branch", "building", "facility", "center", "centre", "system", "district"]
    /// "manages the day-to-day operation of the circulation desk, interlibrary loan and course reserves":
    /// running one service, not administering the library.
    static func isOperationOfAUnit(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard w[span.upperBound - 1] == .operation,
              span.upperBound + 1 < w.count, w[span.upperBound] == .of else { return false }
        // "of the library", "of a busy branch library", "of all three branches", "of Hillman Library".
        return !w.containsAny(of: wholeLibrary, in: (span.upperBound + 1)..<min(w.count, span.upperBound + 5))
    }

    /// "sessions for First-Year Seminar and ENGL 101", "the library's partnership with the First-Year
    /// Seminar": a course the library serves or partners with, not a credit-bearing course the librarian
    /// teaches.
    private static let servedBy: WordSet = ["for", "in", "into", "within", "with"]
    private static let servingWords: WordSet = ["session", "one", "shot", "workshop", "visit", "class", "partnership", "support"]
    static func isCourseServed(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.lowerBound > 0 else { return false }
        var k = span.lowerBound - 1
        if w[k] == .the, k > 0 { k -= 1 }
        guard servedBy.contains(w[k]) else { return false }
        return w.containsAny(of: servingWords, in: 0..<span.lowerBound) && !w.contains(.credit) && !w.contains(.record)
    }

    /// "review data management plans for federal grant applications": the grant is someone else's and the
    /// skill is what is done for it. Writing, preparing or seeking grants still counts.
    static func isGrantServed(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.lowerBound > 1 else { return false }
        // "plans for federal grant applications": a deliverable, then "for", then (perhaps one word) the grant.
        guard let k = (max(0, span.lowerBound - 2)..<span.lowerBound).last(where: { w[$0] == .for }), k > 0,
              grantDeliverables.contains(w[k - 1]) else { return false }
        return !w.containsAny(of: grantWriting)
    }
    private static let grantDeliverables: WordSet = ["plan", "budget", "support", "letter", "documentation", "review", "assistance",
                                                         "consultation", "help", "guidance", "data", "statement"]
    private static let grantWriting: WordSet = ["write", "writing", "prepare", "preparing", "draft", "drafting", "seek", "seeking",
                                                    "submit", "submitting", "pursue", "apply"]

    /// Words of search software: beside them "indexing" is building a search index, not subject indexing.
    private static let searchWords: WordSet = [
        "solr", "elasticsearch", "opensearch", "lucene", "vufind", "blacklight", "discovery", "engine", "facet",
        "reindex", "api", "harvest", "harvesting", "oai",
    ]
    /// "Fluency in" and "fluent in" mean a language only when one is named: "information fluency in the
    /// disciplines" is not a language.
    static func isLanguageCueWithoutLanguage(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard w[span.upperBound - 1] == .in else { return false }
        if span.lowerBound > 0, fluencies.contains(w[span.lowerBound - 1]) { return true }
        return RequirementsExtractor.languages(in: w.norms, raw: w.sentence).isEmpty
    }
    private static let fluencies: WordSet = ["information", "digital", "data", "technology", "media", "technological"]

    /// "the Library's programs and services" is everything a library does, not public programming.
    static func isProgramsAndServices(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.upperBound + 1 < w.count, w[span.upperBound] == .and,
              Words.everythingItDoes.contains(w[span.upperBound + 1]) else { return false }
        // "the Library's programs and services", "our programs and services"; not "delivers programs and services for teens".
        return w.contains(.library, in: span) || libraryOwners.contains(w.at(span.lowerBound - 1))
    }
    private static let libraryOwners: WordSet = ["library", "its", "our", "their"]

    /// "tasks performed by this classification", "job classification": the civil-service class of a job.
    static func isJobClassification(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.count == 1, w[span.lowerBound] == .classification else { return false }
        return jobClassBefore.contains(w.at(span.lowerBound - 1)) || jobClassAfter.contains(w.at(span.upperBound))
    }
    /// (Also "the Carnegie Classification" of universities and a "protected classification" under equal-opportunity law.)
    private static let jobClassBefore: WordSet = ["this", "job", "position", "service", "civil", "title", "pay", "salary", "same", "carnegie", "protected"]

    /// "a master's degree from an accredited library program": the degree's program, not public programs.
    /// Only a mention that ends on the word "program" (not "programs", "programming", "program planning"),
    /// with "accredited", "degree" or "enrolled" in the four words before it.
    static func isDegreeProgram(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard w.raw(span.upperBound - 1).lowercased() == "program" else { return false }
        return w.containsAny(of: Words.degreeProgram, in: max(0, span.lowerBound - 4)..<span.lowerBound)
    }

    /// "Serves as the Library's liaison with the Office of Legal Counsel", "the library's liaison to youth-serving
    /// agencies": a generic liaison ("serve as liaison", "library liaison") is liaison librarianship only
    /// beside the academic side it serves ("to faculty", "in assigned subject areas", "departments").
    static func isLiaisonOutsideAcademe(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        // (Not "the Library Liaison program", which is the academic one.)
        guard w.contains(.library, in: span) || w.contains(serveWord, in: span), !w.contains(programWord, in: span) else { return false }
        return !w.containsAny(of: academicSide)
    }
    private static let serveWord: Word = "serve"
    private static let programWord: Word = "program"
    private static let academicSide: WordSet = ["faculty", "department", "subject", "discipline", "academic", "course", "curriculum",
                                                "college", "research", "student", "area", "education"]

    /// "bar-coding" is processing, not code.
    static func isBarCoding(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        w.at(span.lowerBound - 1) == barWord
    }
    private static let barWord: Word = "bar"
    private static let jobClassAfter: WordSet = ["title", "specification", "series", "level"]

    /// "a diverse, multilingual population": the community, not a language the job needs.
    static func isMultilingualCommunity(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.count == 1, w[span.lowerBound] == .multilingual, span.upperBound < w.count else { return false }
        return communities.contains(w[span.upperBound])
    }
    private static let communities: WordSet = ["population", "community", "patron", "user", "city", "neighborhood", "area", "society", "student",
                                               "audience", "clientele", "environment", "campus", "collection"]

    /// "the accessibility and visibility of the collections": access to collections, not accessibility for
    /// people with disabilities.
    static func isCollectionAccess(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.count == 1, w[span.lowerBound] == .accessibility else { return false }
        let next = span.upperBound..<min(w.count, span.upperBound + 5)
        return (w.at(next.lowerBound) == .and && next.count > 1 && accessTo.contains(w[next.lowerBound + 1]))
            || (w.at(next.lowerBound) == .of && w.containsAny(of: accessedThings, in: next)
                && !w.norms.contains(where: { $0.hasPrefix("disabilit") }))
    }
    private static let accessTo: WordSet = ["visibility", "discoverability", "availability", "preservation"]
    private static let accessedThings: WordSet = ["collection", "record", "holding", "archive"]

    /// "adapt to changing policies and procedures", "follow library policies and procedures": policies kept,
    /// not made. Policy development needs a verb of making them in the sentence.
    static func isPolicyFollowed(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard w.contains(.procedure, in: span) else { return false }
        return !w.containsAny(of: policyMaking)
    }
    private static let policyMaking: WordSet = ["develop", "developing", "development", "create", "creating", "write", "writing", "draft",
                                                    "drafting", "formulate", "formulating", "establish", "establishing", "revise", "revising",
                                                    "update", "updating", "contribute", "contributes", "implement", "implementing", "review",
                                                    "reviewing", "set", "shape", "recommend", "maintain", "design"]

    private static let serviceAdjectives: WordSet = ["excellent", "positive", "great", "seamless", "exceptional", "outstanding",
                                                         "rate", "best", "superior", "welcoming", "quality", "better"]
    /// "a first-rate user experience" is service language, not UX work.
    static func isServiceExperience(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        span.count == 2 && w[span.lowerBound] == .user && w[span.lowerBound + 1] == .experience && span.lowerBound > 0
            && serviceAdjectives.contains(w[span.lowerBound - 1])
    }

    /// "Support the VuFind discovery layer, including indexing from FOLIO": search indexing, a systems task.
    static func isSearchIndexing(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        guard span.count == 1, w[span.lowerBound] == .indexing else { return false }
        return w.containsAny(of: searchWords)
    }

    /// "Maintain integrations with campus identity systems, patron loads, bursar exports, and resource
    /// sharing": the services a job connects, not work it does in them. The caller applies it to user
    /// services only: connecting systems is itself the technical work.
    private static let connectives: WordSet = ["with", "to", "between"]
    private static let integrationWords: WordSet = ["integration", "integrate", "integrating", "interface", "connector", "connection"]
    static func isIntegratedSystem(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        var k = span.lowerBound - 1
        let start = max(0, span.lowerBound - 24)
        while k > start {
            if connectives.contains(w[k]) { return integrationWords.contains(w[k - 1]) }
            k -= 1
        }
        return false
    }

    /// True when the mention is one kind of item in a count of holdings: "more than 400,000 digitized
    /// photographs, manuscripts, oral histories and university publications" describes a collection; the
    /// work asked for is in the sentence's verbs, which other phrases catch.
    private static let holdingsWork: WordSet = ["manage", "managing", "access", "catalog", "cataloging", "process", "processing",
                                                    "support", "supporting", "maintain", "maintaining", "select", "selecting", "license",
                                                    "licensing", "oversee", "overseeing", "digitize", "digitizing", "circulate", "handle"]
    private static let holdingsListEnds: WordSet = ["with", "to", "in", "for", "by", "of", "from", "using", "use", "manage",
                                                        "maintain", "create", "describe", "catalog"]
    static func isHoldingsCount(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        // "Manages access to more than 80,000 electronic resources" is work with them.
        guard !w.containsAny(of: holdingsWork) else { return false }
        var k = span.lowerBound - 1
        let start = max(0, span.lowerBound - 10)
        while k >= start {
            if w.isNumber(k) {
                let word = w.norm(k)
                // "400,000" is two tokens, "400" and "000"; the scan meets the second first.
                let next = k + 1 < span.lowerBound ? w[k + 1] : Word(id: Vocabulary.unknown)
                // A year ("Starting July 2025, lead digitization …") is no count.
                let year = Int(word).map { (1900...2100).contains($0) } ?? false
                return (word.utf8.count >= 4 && !year) || word == "000" || largeNumbers.contains(next)
            }
            // The list must run from the count to the mention: a preposition or verb word ends it.
            if holdingsListEnds.contains(w[k]) { return false }
            k -= 1
        }
        return false
    }
    private static let largeNumbers: WordSet = ["000", "million", "thousand"]

    private static let nameLineInstitutions: Set<String> = ["library", "university", "college", "department", "district", "school", "museum"]
    private static let nameLineConnectives: WordSet = ["and", "of", "the", "for", "at"]
    private static let nameSeparators = FastText.Needles(["—", "–", " - ", "|", "·", "•", ":"])

    /// True for a line that only names an institution and its unit, every word capitalised:
    /// "Saguaro University Libraries — Collection Strategies & Electronic Resources". It names where the
    /// job sits; what the job asks for is in the sentences. The line must be cut by a dash, bar, bullet
    /// or colon: "Knowledge of the Library of Congress Classification System" is a requirement.
    static func isNameLine(_ w: SentenceWords) -> Bool {
        // "Skills: Library of Congress Classification, RDA, MARC" is a list: a name line has no commas.
        guard w.count >= 3, w.classes.contains(where: { $0.contains(.nameLineInstitution) }),
              !w.sentence.utf8.contains(UInt8(ascii: ",")), nameSeparators.occurs(in: w.sentence),
              !w.contains(.congress) else { return false }
        return w.indices.allSatisfy { k in
            nameLineConnectives.contains(w[k]) || w.startsUppercase(k)
        }
    }

    private static let webCues = FastText.Needles(["://", "www.", "@", ".edu", ".org", ".com", ".gov", ".net", ".php", ".htm", ".asp"])
    private static let topLevel: Set<Substring> = ["edu", "org", "com", "gov", "net", "us", "uk", "ca", "io", "info", "php", "html", "htm", "aspx", "asp", "jsp"]

    /// The web addresses and e-mail addresses in a sentence: "jobs.php", "libguides.mssm.edu",
    /// "https://…/index.html". Words inside them are not skills.
    static func webAddresses(in sentence: String) -> [Range<String.Index>] {
        // Every address has "@", "/" or a dot right before a letter; most sentences have none of these.
        guard mayHoldAddress(sentence), webCues.occurs(in: sentence) else { return [] }
        var ranges: [Range<String.Index>] = []
        func close(_ from: String.Index, _ end: String.Index) {
            let chunk = sentence[from..<end].trimming(".,;:!?)(\"'<>[]").lowercased()
            // A host name: two or more labels, the last a known top-level domain or file type ("jobs.php").
            let labels = (chunk.split(separator: "/").first ?? "").split(separator: ".", omittingEmptySubsequences: false)
            let isHost = labels.count >= 2 && !labels.contains(where: \.isEmpty) && topLevel.contains(labels[labels.count - 1])
            if chunk.includes("://") || chunk.hasPrefix("www.") || chunk.includes("@") || isHost { ranges.append(from..<end) }
        }
        // Words run between white space; only a word with ".", "@" or "/" can be an address.
        var chunks: [Range<Int>] = []
        var text = sentence
        text.withUTF8 { bytes in
            var from = -1
            var marked = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                var length = 1
                let space: Bool
                if b < 0x80 {
                    space = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else {
                    length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                    var iterator = bytes[i..<min(bytes.count, i + length)].makeIterator()
                    var decoder = UTF8()
                    if case .scalarValue(let scalar) = decoder.decode(&iterator) { space = scalar.properties.isWhitespace } else { space = false }
                }
                if space {
                    if marked && from >= 0 { chunks.append(from..<i) }
                    from = -1
                    marked = false
                } else {
                    if from < 0 { from = i }
                    if b == 0x2E || b == 0x40 || b == 0x2F { marked = true }
                }
                i += length
            }
            if marked && from >= 0 { chunks.append(from..<bytes.count) }
        }
        let utf8 = sentence.utf8
        for chunk in chunks {
            close(utf8.index(utf8.startIndex, offsetBy: chunk.lowerBound), utf8.index(utf8.startIndex, offsetBy: chunk.upperBound))
        }
        return ranges
    }

    /// A byte scan: "@", "/", or "." followed by a letter or digit.
    private static func mayHoldAddress(_ sentence: String) -> Bool {
        var sentence = sentence
        return sentence.withUTF8 { bytes in
            var dot = false
            for b in bytes {
                if b == 0x40 || b == 0x2F { return true }
                if dot && (b >= 0x61 && b <= 0x7A || b >= 0x41 && b <= 0x5A || b >= 0x30 && b <= 0x39) { return true }
                dot = b == 0x2E
            }
            return false
        }
    }

    // MARK: Rules by skill

    /// What a rule sees of one mention: the sentence's words and where the mention stands.
    struct Mention {
        var words: SentenceWords
        var span: Range<Int>
    }

    /// The rules that concern one skill only, by its id; each says that a mention of the skill is not asked for.
    /// One lookup per mention finds the few that apply.
    private static let rulesBySkill: [String: [@Sendable (Mention) -> Bool]] = [
        "ils-lsp-administration": [{ isSystemMerelyUsed($0.words, at: $0.span) }],
        "electronic-resources": [{ isDeviceHelp($0.words, at: $0.span) }, { isMaterialFormat($0.words, at: $0.span) }],
        "digitization": [{ isMaterialFormat($0.words, at: $0.span) }],
        "library-administration": [{ isOperationOfAUnit($0.words, at: $0.span) }],
        "credit-bearing-courses": [{ isCourseServed($0.words, at: $0.span) }],
        "grant-writing": [{ isGrantServed($0.words, at: $0.span) }],
        "subject-analysis": [{ isSearchIndexing($0.words, at: $0.span) }],
        "foreign-languages": [{ isLanguageCueWithoutLanguage($0.words, at: $0.span) }, { isMultilingualCommunity($0.words, at: $0.span) }],
        "ux-usability": [{ isServiceExperience($0.words, at: $0.span) }],
        "public-programming": [{ isProgramsAndServices($0.words, at: $0.span) }, { isDegreeProgram($0.words, at: $0.span) }],
        "computer-programming": [{ isBarCoding($0.words, at: $0.span) }],
        "liaison-librarianship": [{ isLiaisonOutsideAcademe($0.words, at: $0.span) }],
        "classification": [{ isJobClassification($0.words, at: $0.span) }],
        "accessibility": [{ isCollectionAccess($0.words, at: $0.span) }],
        "policy-development": [{ isPolicyFollowed($0.words, at: $0.span) }],
    ]

    /// Which rules apply to one skill, worked out once for each skill of a taxonomy.
    struct SkillRules: Sendable {
        /// Whether what a report covers is no mention of the skill (``isReportedOn(_:at:)``): skills that are
        /// themselves about data (usage statistics, assessment, SQL) are always asked for.
        var reportedOn: Bool
        /// Whether a license's provisions are no mention of it (licensing itself is).
        var licenseProvision: Bool
        /// Whether a service a system is connected to is no mention of it: user services and cross-cutting
        /// skills; connecting systems is itself the technical work.
        var integratedSystem: Bool
        /// Whether it can be a term of the job rather than a skill (professional development).
        var termOfEmployment: Bool
        /// The rules of this skill alone.
        var own: [@Sendable (Mention) -> Bool]

        init(_ skill: Skill) {
            reportedOn = !reportingSkills.contains(skill.id)
            licenseProvision = skill.id != "licensing" && skill.id != "e-resource-licensing"
            integratedSystem = skill.side == .user || skill.side == nil
            termOfEmployment = skill.id == "professional-development"
            own = rulesBySkill[skill.id] ?? []
        }
    }

    /// True when a rule of this skill, or a rule for every skill of its kind, says the mention is not one
    /// the job asks for: what a report covers, a license's provisions, a service a system is connected to.
    static func dropsMention(_ mention: Mention, rules: SkillRules, cues: Cues) -> Bool {
        if cues.reporting && rules.reportedOn && isReportedOn(mention.words, at: mention.span) { return true }
        if cues.provisions && rules.licenseProvision && isLicenseProvision(mention.words, at: mention.span) { return true }
        if rules.integratedSystem && isIntegratedSystem(mention.words, at: mention.span) { return true }
        return rules.own.contains { $0(mention) }
    }

    private static let negators: WordSet = ["not", "no", "never", "without", "nor"]
    private static let negatedAfter: [[Word]] = [
        ["not", "required"], ["not", "necessary"], ["not", "needed"], ["not", "expected"], ["not", "essential"],
        ["is", "not"], ["are", "not"], ["not", "a", "requirement"], ["unnecessary"], ["not", "mandatory"],
    ]

    /// True when the mention at `span` is denied: "no cataloging experience", "not responsible for
    /// cataloging", "cataloging experience is not required".
    static func isNegated(_ w: SentenceWords, at span: Range<Int>) -> Bool {
        let start = max(0, span.lowerBound - 4)
        for k in start..<span.lowerBound where negators.contains(w[k]) {
            // "not only … but also" is not a negation.
            if w[k] == .not && w.at(k + 1) == .only { continue }
            return true
        }
        let end = min(w.count, span.upperBound + 6)
        guard span.upperBound < end else { return false }
        let window = span.upperBound..<end
        // Every pattern holds "not" or "unnecessary": skip the pattern search when neither is near.
        guard w.contains(.not, in: window) || w.contains(.unnecessary, in: window) else { return false }
        for pattern in negatedAfter where window.count >= pattern.count {
            for k in window.lowerBound...(window.upperBound - pattern.count) where pattern.indices.allSatisfy({ w[k + $0] == pattern[$0] }) {
                // "… is not required but preferred" still asks for it a little: count as negated only when
                // no "preferred"/"plus" follows.
                if w.contains(.preferred, in: window) || w.contains(.plus, in: window) { return false }
                return true
            }
        }
        return false
    }

    private static let institutionDeterminers: WordSet = ["the", "our", "this", "we", "its"]
    private static let institutionWords: WordSet = ["library", "university", "college", "we", "our", "system", "district", "school", "museum", "campus", "department"]
    private static let institutionVerbs: WordSet = ["offer", "offers", "serve", "serves", "provide", "provides", "has", "have", "hold", "holds",
                                                        "house", "houses", "is", "are", "include", "includes", "welcome", "welcomes", "operate",
                                                        "operates", "support", "supports", "feature", "features", "boast", "boasts", "answered",
                                                        "answer", "answers", "taught", "teach", "teaches", "circulate", "circulates", "host", "hosts",
                                                        "pride", "prides", "value", "values", "celebrate", "celebrates"]
    private static let roleWords: Set<String> = ["librarian", "candidate", "position", "you", "incumbent", "individual", "person", "will",
                                                 "successful", "specialist", "coordinator", "assistant", "archivist", "director", "supervisor",
                                                 "manager", "technician", "role", "responsibility", "responsible", "must", "should", "ability"]

    private static let countedNouns: WordSet = ["volume", "book", "item", "title", "manuscript", "photograph", "record"]
    private static let statementCues: Set<String> = ["home", "opportunity", "action", "eeo"]
    private static let holdingVerbs: WordSet = ["include", "span", "comprise", "contain", "feature", "number", "range", "encompass"]
    private static let boastWords: WordSet = ["leading", "largest", "oldest", "premier", "top", "finest", "best", "most"]

    /// True for a sentence about the institution, not the job: "The library offers instruction to
    /// 20,000 students", "Our reference desk answered 30,000 questions".
    static func isAboutTheInstitution(_ w: SentenceWords) -> Bool {
        guard !w.isEmpty else { return false }
        let first = w[0]
        // One pass notes what the rules below need; most sentences need none of them.
        var collectionAt: [Int] = []
        var roleWord = false, digits = false, statement = false, one = false, holding = false
        for (k, bits) in w.classes.enumerated() where !bits.isEmpty {
            if bits.contains(.number) { digits = true; continue }
            if bits.contains(.collection) { collectionAt.append(k) }
            if bits.contains(.holding) { holding = true }
            if bits.contains(.one) { one = true }
            if bits.contains(.statement) { statement = true }
            if bits.contains(.role) { roleWord = true }
        }
        // "Its collections include manuscripts, oral histories and …", "the collections in the RBML span …":
        // a description of holdings.
        for k in collectionAt where w.containsAny(of: holdingVerbs, in: (k + 1)..<min(w.count, k + 3)) {
            return true
        }
        guard !roleWord else { return false }
        for k in collectionAt where w.containsAny(of: holdingsSpan, in: (k + 1)..<min(w.count, k + 5)) {
            return true
        }
        // "Some 500,000 printed books and 14 miles of manuscripts … form the core of RBML holdings."
        // A large number right before what it counts ("500,000 volumes") or beside the word "holdings".
        if digits || w.contains(.million) {
            let counts = w.indices.contains { k in
                let large: Bool
                if w.isNumber(k) {
                    let word = w.norm(k)
                    large = word == "000" || (word.utf8.count >= 4 && word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                                              && !(1900...2100).contains(Int(word) ?? 0))
                } else {
                    large = w[k] == .million
                }
                return large && w.containsAny(of: countedNouns, in: (k + 1)..<min(w.count, k + 3))
            }
            if counts || holding && w.containsAny(of: largeCounts) { return true }
        }
        // "The RBML is also home to …", "PUL is one of the world's leading research libraries", and
        // equal-opportunity statements.
        if statement {
            let text = WordText(w.norms)
            if text.contains(" is home to ") || text.contains(" is also home to ") || text.contains(" equal opportunity ")
                || text.contains(" affirmative action ") || text.contains(" eeo ") {
                return true
            }
        }
        if one, let k = w.indices.first(where: { w[$0] == .one }), k + 2 < w.count, w[k + 1] == .of, w[k + 2] == .the,
           w.containsAny(of: boastWords, in: (k + 3)..<min(w.count, k + 7)) {
            return true
        }
        // The sentence's subject is the institution: "The library offers", "Our reference desk answered",
        // "We serve", "Genesee Valley University Libraries is".
        var subject = false
        if institutionDeterminers.contains(first) || institutionWords.contains(first) {
            subject = w.containsAny(of: institutionWords, in: 0..<min(w.count, 4)) || first == .we
        } else if let k = (0..<min(w.count, 5)).first(where: { institutionWords.contains(w[$0]) }), k + 1 < w.count,
                  institutionVerbs.contains(w[k + 1]) {
            subject = true
        }
        return subject && w.containsAny(of: institutionVerbs, in: 0..<min(w.count, 8))
    }
    /// Builds every word list of the rules and every ``Word`` constant, and says how many there are: a
    /// word missing from ``ruleWords`` stops the program at a list's first use, so a test builds them all
    /// (a new list belongs here too).
    static func buildWordLists() -> Int {
        let sets: [WordSet] = [Words.teaching, Words.teachingAfter, Words.code, Words.building, Words.verbs,
            Words.audience, Words.makers, Words.notEvents, Words.people, Words.fastContext, Words.events,
            Words.eventNouns, Words.referenceNotAfter, Words.referenceModel, Words.referenceOf, Words.referenceDesk,
            Words.referenceApplying, Words.referenceService, Words.directionsBefore, Words.applying,
            Words.teachingContext, Words.notLending, Words.circulated, Words.collected, Words.everythingItDoes,
            Words.degreeProgram, Words.programAudience, Words.selected, Words.trainingGiven, Words.employing,
            Words.chatContext, Words.counterAfter, colleagueBreaks, headsOfUnits, servingAs, unitNames, reportedOn,
            reportListEnds, licenses, deviceHelp, administering, expectationWords, deliveringWords, personNouns,
            coworkerOpeners, ownExperience, coworkerStops, formatWords, formatManagement, wholeLibrary, servedBy,
            servingWords, grantDeliverables, grantWriting, searchWords, fluencies, libraryOwners, jobClassBefore,
            jobClassAfter, communities, accessTo, accessedThings, policyMaking, serviceAdjectives, connectives,
            integrationWords, holdingsWork, holdingsListEnds, largeNumbers, nameLineConnectives, negators,
            institutionDeterminers, institutionWords, institutionVerbs, countedNouns, holdingVerbs, boastWords,
            holdingsSpan, largeCounts, academicSide, reportVerbs, workingTogether, listGlue]
        let constants: [Word] = [.accessibility, .and, .`as`, .classification, .congress, .credit, .development,
            .experience, .`for`, .general, .`in`, .indexing, .library, .million, .multilingual, .not, .of, .one,
            .only, .operation, .or, .paced, .planning, .plus, .preferred, .procedure, .professional, .project,
            .provided, .record, .student, .the, .under, .unnecessary, .user, .we, barWord, serveWord, programWord, toWord, withWord]
        return sets.count + negatedAfter.count + constants.count
    }

    private static let holdingsSpan: WordSet = ["span", "comprise", "encompass"]
    private static let largeCounts: WordSet = ["000", "million"]
}
