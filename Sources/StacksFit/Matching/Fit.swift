/// How well a candidate fits a posting, and why: a score whose components add up to it, the skills
/// matched and missing with evidence on both sides, the gates, and sentences a person can read.
public struct Fit: Sendable {
    /// One part of the score.
    public struct Component: Sendable, Hashable {
        public var name: String
        public var points: Double
        public var detail: String
    }
    /// A skill the posting asks for, and what the candidate brings to it.
    public struct Match: Sendable, Hashable {
        public var skill: Skill
        public var section: PostingSection.Kind
        /// How much it counts in the skill component (its section weight).
        public var weight: Double
        /// The credit earned, 0…1; below 1 when only a related skill or a weak one is there.
        public var credit: Double
        /// When the credit came through a related skill, that skill.
        public var via: Skill?
        public var postingEvidence: String
        public var profileEvidence: [SkillEvidence]
    }
    /// A requirement that gates the job.
    public struct Gate: Sendable, Hashable {
        public enum Kind: String, Sendable { case degree, certification, years, supervision }
        public var kind: Kind
        public var passed: Bool
        /// Points taken off when failed (0 when passed).
        public var penalty: Double
        public var detail: String
    }

    public var posting: JobPosting
    public var analysis: PostingAnalysis
    /// Other sources of the same posting (found through another feed or page).
    public var duplicates: [PostingSource] = []
    public var score: Double
    public var components: [Component]
    public var matched: [Match]
    public var missing: [Match]
    public var gates: [Gate]
    public var explanation: [String]
}
