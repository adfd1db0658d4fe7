extension SkillMention: Encodable {
    private enum Keys: String, CodingKey { case id, label, side, section, evidence, matched, weight, boilerplate }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(skill.id, forKey: .id)
        try c.encode(skill.label, forKey: .label)
        try c.encode(skill.side, forKey: .side)
        try c.encode(section, forKey: .section)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(String(evidence[matched]), forKey: .matched)
        try c.encode((weight * 100).rounded() / 100, forKey: .weight)
        try c.encode(boilerplate, forKey: .boilerplate)
    }
}

extension Requirements: Encodable {
    private enum Keys: String, CodingKey {
        case mlsRequired, degrees, preferredDegrees, minYearsExperience, professionalYearsRequired, certifications, languages
        case supervisionRequired, supervisoryYears, evidence
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(mlsRequired, forKey: .mlsRequired)
        try c.encode(degrees, forKey: .degrees)
        try c.encode(preferredDegrees, forKey: .preferredDegrees)
        try c.encode(minYearsExperience, forKey: .minYearsExperience)
        try c.encode(professionalYearsRequired, forKey: .professionalYearsRequired)
        try c.encode(certifications, forKey: .certifications)
        try c.encode(languages, forKey: .languages)
        try c.encode(supervisionRequired, forKey: .supervisionRequired)
        try c.encode(supervisoryYears, forKey: .supervisoryYears)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// A posting with its analysis, encoded as one object: the posting's keys plus `skills`,
/// `requirements` and `lean` (OUTPUT.md).
public struct AnalyzedPosting: Encodable, Sendable {
    public var posting: JobPosting
    public var analysis: PostingAnalysis?

    public init(posting: JobPosting, analysis: PostingAnalysis?) {
        self.posting = posting
        self.analysis = analysis
    }

    private enum Keys: String, CodingKey { case skills, requirements, lean }

    public func encode(to encoder: any Encoder) throws {
        try posting.encode(to: encoder)
        guard let analysis else { return }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(analysis.skills, forKey: .skills)
        try c.encode(analysis.requirements, forKey: .requirements)
        try c.encode(analysis.lean, forKey: .lean)
    }
}
