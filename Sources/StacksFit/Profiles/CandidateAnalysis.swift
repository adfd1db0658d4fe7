/// One piece of evidence for a skill: which entry of the profile, and how much it counts.
public struct SkillEvidence: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case work, course, volunteer, degree, skill }
    public var kind: Kind
    /// The job title, course title, volunteer role, degree or skill exactly as the profile gives it.
    public var title: String
    public var organization: String?
    /// How long, how much, how recent, or what level: "2.0 years at 20 h/week, current".
    public var detail: String
    /// The line it was read from (a duty, a course description), when not the title itself.
    public var sentence: String?
    /// Its strength, 0…1.
    public var strength: Double
}

/// How strongly a candidate has a skill, from work and from coursework, kept apart.
public struct SkillStrength: Sendable, Hashable {
    public var skill: Skill
    /// The combined strength, 0…1, saturating.
    public var strength: Double
    /// From work (jobs, internships, practica, volunteering).
    public var work: Double
    /// From coursework.
    public var coursework: Double
    /// From the list of skills the candidate names.
    public var listed: Double
    public var evidence: [SkillEvidence]
}

/// A candidate understood: skills with strengths and evidence, years, degree status, and leans.
public struct CandidateAnalysis: Sendable {
    public enum DegreeStatus: Sendable, Hashable {
        case none
        case completed(ProfileDate?)
        case inProgress(expected: ProfileDate?)
    }
    public var profile: CandidateProfile
    /// Skills, strongest first.
    public var skills: [SkillStrength]
    /// Full-time-equivalent years of professional library work.
    public var professionalYears: Double
    /// Full-time-equivalent years of any library work (professional, paraprofessional, internships, practica).
    public var relevantYears: Double
    /// Years in jobs whose duties include supervision.
    public var supervisoryYears: Double
    /// The library master's (MLS/MLIS…), if any.
    public var libraryDegree: DegreeStatus
    public var courseworkLean: Lean?
    public var experienceLean: Lean?
    /// Things that look missing ("'Cataloging Assistant' has no dates").
    public var notes: [String]

    /// The strength entry for a skill id.
    public func strength(of id: String) -> SkillStrength? { skills.first { $0.skill.id == id } }

    /// The same candidate with one more piece of evidence for a skill (for "what if" questions).
    public func adding(_ skill: Skill, _ evidence: SkillEvidence) -> CandidateAnalysis {
        var copy = self
        let isWork = evidence.kind == .work || evidence.kind == .volunteer
        if let i = copy.skills.firstIndex(where: { $0.skill.id == skill.id }) {
            var s = copy.skills[i]
            s.strength = 1 - (1 - s.strength) * (1 - evidence.strength)
            if isWork { s.work = 1 - (1 - s.work) * (1 - evidence.strength) } else { s.coursework = 1 - (1 - s.coursework) * (1 - evidence.strength) }
            s.evidence.insert(evidence, at: 0)
            copy.skills[i] = s
        } else {
            copy.skills.append(SkillStrength(skill: skill, strength: evidence.strength, work: isWork ? evidence.strength : 0,
                                             coursework: isWork ? 0 : evidence.strength, listed: 0, evidence: [evidence]))
        }
        return copy
    }
}

/// Turns a profile into evidence per skill, with the strength model of the README.
public struct CandidateAnalyzer: Sendable {
    public let extractor: SkillExtractor
    /// The day recency is measured from.
    public var today: ProfileDate

    /// Weights of the strength model (see the README's "Strength model").
    public static let kindWeight: [ProfileExperience.Kind: Double] = [
        .professional: 1.0, .paraprofessional: 0.75, .internship: 0.55, .practicum: 0.5, .volunteer: 0.4,
    ]
    public static let defaultHours: [ProfileExperience.Kind: Double] = [
        .professional: 40, .paraprofessional: 40, .internship: 15, .practicum: 10, .volunteer: 5,
    ]
    public static let courseWeight: [ProfileCourse.Level: Double] = [.introductory: 0.15, .core: 0.22, .advanced: 0.28]
    public static let listedWeight = 0.15
    /// Years for work to reach 63% of its full strength; recency halves strength in about 4 years.
    public static let durationScale = 1.5
    public static let recencyScale = 6.0

    public init(extractor: SkillExtractor, today: ProfileDate = ProfileInference.today) {
        self.extractor = extractor
        self.today = today
    }

    /// The strength one job gives a skill it shows: kind × duration × hours × recency (at most 0.9).
    public func workStrength(kind: ProfileExperience.Kind, years: Double, hoursPerWeek: Double, yearsSinceEnd: Double, inDuties: Bool = true) -> Double {
        let duration = 1 - exp(-max(0, years) / Self.durationScale)
        let hours = (min(max(hoursPerWeek, 0), 40) / 40).squareRoot()
        let recency = exp(-max(0, yearsSinceEnd) / Self.recencyScale)
        return 0.9 * (Self.kindWeight[kind] ?? 0.5) * duration * hours * recency * (inDuties ? 1 : 0.7)
    }

    public func analyse(_ profile: CandidateProfile) -> CandidateAnalysis {
        var evidence: [String: [SkillEvidence]] = [:]
        var notes: [String] = []
        func add(_ id: String, _ e: SkillEvidence) {
            guard e.strength > 0 else { return }
            if let existing = evidence[id]?.firstIndex(where: { $0.kind == e.kind && $0.title == e.title && $0.organization == e.organization }) {
                if e.strength > evidence[id]![existing].strength { evidence[id]![existing] = e }
            } else {
                evidence[id, default: []].append(e)
            }
        }

        // Work.
        var professionalYears = 0.0, relevantYears = 0.0, supervisoryYears = 0.0
        for job in profile.experience {
            let kind = job.kind ?? ProfileInference.kind(title: job.title, text: job.duties.joined(separator: " "))
            let hours = job.hoursPerWeek ?? Self.defaultHours[kind] ?? 40
            var years = 1.0
            var sinceEnd = 0.0
            if let start = job.start {
                let end = job.current ? today : (job.end ?? today)
                years = max(1.0 / 12, end.fractionalYear - start.fractionalYear)
                sinceEnd = job.current ? 0 : max(0, today.fractionalYear - end.fractionalYear)
                if job.end == nil && !job.current { notes.append("'\(job.title)' has a start but no end: taken as current") }
            } else {
                notes.append("'\(job.title)' has no dates: counted as one year, recent")
            }
            if job.duties.isEmpty { notes.append("'\(job.title)' lists no duties: only its title shows its skills") }
            let fte = years * min(hours, 40) / 40
            if kind == .professional { professionalYears += fte }
            if kind != .volunteer { relevantYears += fte }
            let detail = String(format: "%.1f year%@ at %.0f h/week, %@", years, years == 1 ? "" : "s", hours,
                                job.current ? "current" : sinceEnd < 0.1 ? "just ended" : String(format: "ended %.1f years ago", sinceEnd))
            let evidenceKind: SkillEvidence.Kind = kind == .volunteer ? .volunteer : .work
            var supervises = false
            for line in job.duties {
                for mention in extractor.mentions(in: line, section: .duties) {
                    if mention.skill.id == "supervision" { supervises = true }
                    add(mention.skill.id, SkillEvidence(kind: evidenceKind, title: job.title, organization: job.organization, detail: detail,
                                                         sentence: line, strength: workStrength(kind: kind, years: years, hoursPerWeek: hours, yearsSinceEnd: sinceEnd)))
                }
            }
            for mention in extractor.mentions(in: job.title, section: .duties) {
                if mention.skill.id == "supervision" { supervises = true }
                add(mention.skill.id, SkillEvidence(kind: evidenceKind, title: job.title, organization: job.organization, detail: detail, sentence: nil,
                                                     strength: workStrength(kind: kind, years: years, hoursPerWeek: hours, yearsSinceEnd: sinceEnd, inDuties: false)))
            }
            if supervises { supervisoryYears += years }
        }

        // Coursework.
        for course in profile.coursework {
            let level = course.level ?? ProfileInference.level(title: course.title, code: course.code)
            let weight = Self.courseWeight[level] ?? 0.22
            let detail = "\(level.rawValue) course" + (course.term.map { ", \($0)" } ?? "")
            var ids = CourseLexicon.skills(forTitle: course.title, in: extractor.taxonomy)
            ids += extractor.mentions(in: course.title, section: .duties).map(\.skill.id)
            for id in ids {
                add(id, SkillEvidence(kind: .course, title: course.title, organization: course.code, detail: detail, sentence: nil, strength: weight))
            }
            for sentence in Sentences.split(course.description ?? "") {
                for mention in extractor.mentions(in: sentence, section: .duties) {
                    add(mention.skill.id, SkillEvidence(kind: .course, title: course.title, organization: course.code, detail: detail,
                                                         sentence: sentence, strength: weight * 0.8))
                }
            }
            for skill in course.skills {
                for id in skillIDs(named: skill) {
                    add(id, SkillEvidence(kind: .course, title: course.title, organization: course.code, detail: detail, sentence: skill, strength: weight))
                }
            }
        }

        // Skills the candidate lists.
        for skill in profile.skills {
            for id in skillIDs(named: skill) {
                add(id, SkillEvidence(kind: .skill, title: skill, organization: nil, detail: "listed", sentence: nil, strength: Self.listedWeight))
            }
        }

        // Combine, saturating: 1 − Π(1 − s).
        var strengths: [SkillStrength] = []
        for (id, items) in evidence {
            guard let skill = extractor.taxonomy[id] else { continue }
            func combine(_ kinds: Set<SkillEvidence.Kind>) -> Double {
                1 - items.filter { kinds.contains($0.kind) }.reduce(1.0) { $0 * (1 - $1.strength) }
            }
            let work = combine([.work, .volunteer]), course = combine([.course]), listed = combine([.skill, .degree])
            let total = 1 - (1 - work) * (1 - course) * (1 - listed)
            strengths.append(SkillStrength(skill: skill, strength: total, work: work, coursework: course, listed: listed,
                                           evidence: items.sorted { $0.strength > $1.strength }))
        }
        strengths.sort { ($0.strength, $1.skill.id) > ($1.strength, $0.skill.id) }

        // The library degree.
        var degree = CandidateAnalysis.DegreeStatus.none
        if let mls = profile.degrees.first(where: { $0.isLibraryMasters && $0.status == .completed }) {
            degree = .completed(mls.date)
        } else if let mls = profile.degrees.first(where: { $0.isLibraryMasters }) {
            degree = .inProgress(expected: mls.date)
            if mls.date == nil { notes.append("'\(mls.title)' is in progress with no expected date") }
        }
        if profile.degrees.isEmpty { notes.append("no degrees listed") }
        if profile.experience.isEmpty { notes.append("no experience listed") }

        func lean(_ part: (SkillStrength) -> Double) -> Lean? {
            var technical = 0.0, user = 0.0
            for s in strengths {
                let v = part(s)
                switch s.skill.side {
                case .technical?: technical += v
                case .user?: user += v
                case .some: technical += v / 2; user += v / 2
                case nil: break
                }
            }
            return Lean(technical: technical, user: user)
        }
        return CandidateAnalysis(profile: profile, skills: strengths, professionalYears: professionalYears, relevantYears: relevantYears,
                                 supervisoryYears: supervisoryYears, libraryDegree: degree,
                                 courseworkLean: lean(\.coursework), experienceLean: lean(\.work), notes: notes)
    }

    /// Skill ids named by a free-text skill ("MarcEdit", "reference interview", "rda").
    func skillIDs(named text: String) -> [String] {
        let norms = Tokenizer.norms(text).joined(separator: " ")
        if let direct = extractor.taxonomy.skills.first(where: { $0.id == text.lowercased() || Tokenizer.norms($0.label).joined(separator: " ") == norms }) {
            return [direct.id]
        }
        return Array(Set(extractor.mentions(in: text, section: .duties).map(\.skill.id))).sorted()
    }
}

import Foundation
