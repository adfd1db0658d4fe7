/// Where a skill was found in a posting, and how much it counts.
public struct SkillMention: Sendable, Hashable {
    public var skill: Skill
    /// The section it came from.
    public var section: PostingSection.Kind
    /// The sentence it was found in.
    public var evidence: String
    /// The matched words within `evidence`.
    public var matched: Range<String.Index>
    /// How much the mention counts: by section, less in boilerplate about the institution.
    public var weight: Double
    /// True when the sentence is about the institution, not the job ("The library offers …").
    public var boilerplate: Bool
}

/// What a posting requires before anything else: degrees, certifications, experience, languages.
public struct Requirements: Sendable, Hashable {
    /// An ALA-accredited MLS/MLIS (or equivalent) is required, not merely preferred.
    public var mlsRequired: Bool = false
    /// Required degrees, as canonical labels ("ALA-accredited MLS/MLIS").
    public var degrees: [String] = []
    /// Preferred degrees.
    public var preferredDegrees: [String] = []
    /// The least years of experience the required qualifications state.
    public var minYearsExperience: Int?
    /// True when those years must be professional ("five years of professional experience").
    public var professionalYearsRequired: Bool = false
    /// Required certifications: "school-library-media", "teaching", "certified-archivist", "public-librarian", "director".
    public var certifications: [String] = []
    /// Required languages ("German").
    public var languages: [String] = []
    /// Supervisory experience is required.
    public var supervisionRequired: Bool = false
    /// Years of supervisory experience required, when stated.
    public var supervisoryYears: Int?
    /// The sentences each requirement was read from.
    public var evidence: [String] = []

    public init() {}
}

/// Where a posting sits on the divide: the share of what it asks on each side.
public struct Lean: Sendable, Hashable, Codable {
    public enum Label: String, Sendable, Hashable, Codable { case technical, user, mixed }
    public var technical: Double
    public var user: Double
    public var label: Label

    /// The lean of weights on each side; nil when neither side has any.
    public init?(technical: Double, user: Double, threshold: Double = 0.65) {
        let total = technical + user
        guard total > 0 else { return nil }
        self.technical = (technical / total * 100).rounded() / 100
        self.user = ((1 - technical / total) * 100).rounded() / 100
        self.label = self.technical >= threshold ? .technical : self.user >= threshold ? .user : .mixed
    }
}

/// A posting understood: its skills by section, its requirements and its lean.
public struct PostingAnalysis: Sendable, Hashable {
    /// One mention per skill: the one that counts most.
    public var skills: [SkillMention]
    /// Every mention, in text order.
    public var mentions: [SkillMention]
    public var requirements: Requirements
    public var lean: Lean?
}
