/// Which missing skills, if gained, would raise a candidate's fit most across a set of postings, and
/// whether a course or work experience would do it. Every figure comes from rescoring the postings with
/// the skill added, so it obeys the same scoring principles (section weights, partial credit, gates).
public struct GapAdvisor: Sendable {
    /// One skill worth gaining.
    public struct Advice: Sendable, Hashable {
        public var skill: Skill
        /// Postings that ask for it (outside boilerplate).
        public var postings: Int
        /// Of those, postings that ask for it in their required qualifications.
        public var required: Int
        /// Average points gained over the postings that ask for it: with one advanced course, with a year of full-time library work.
        public var courseGain: Double
        public var workGain: Double
        /// Average points gained across every posting of the set (what ranks the advice).
        public var courseGainOverall: Double
        public var workGainOverall: Double

        /// The better route: "course" when a course does at least 70% of what work would, else "work".
        public var route: String { courseGain >= 0.7 * workGain ? "course" : "work" }

        /// "A course in Metadata: +6.1 on average over the 14 postings that ask for it (work experience: +8.0)."
        public var sentence: String {
            let what = route == "course" ? "A course in \(skill.label)" : "Work experience in \(skill.label)"
            let gain = route == "course" ? courseGain : workGain
            let other = route == "course" ? String(format: "a year of library work: %+.1f", workGain) : String(format: "a course alone: %+.1f", courseGain)
            return String(format: "%@: %+.1f on average over the %d posting%@ that ask for it (%@).", what, gain, postings, postings == 1 ? "" : "s", other)
        }
    }

    public let taxonomy: Taxonomy
    public let weights: ScoringWeights
    /// The hypothetical evidence: an advanced course, and a year of full-time paraprofessional work.
    public let courseStrength: Double
    public let workStrength: Double

    public init(taxonomy: Taxonomy, weights: ScoringWeights = ScoringWeights(), analyzer: CandidateAnalyzer? = nil) {
        self.taxonomy = taxonomy
        self.weights = weights
        courseStrength = CandidateAnalyzer.courseWeight[.advanced] ?? 0.28
        let analyzer = analyzer ?? CandidateAnalyzer(extractor: SkillExtractor(taxonomy: taxonomy))
        workStrength = analyzer.workStrength(kind: .paraprofessional, years: 1, hoursPerWeek: 40, yearsSinceEnd: 0)
    }

    /// The skills whose gain would lift the fit most across the postings of `fits`, best first.
    /// - Parameters:
    ///   - fits: the candidate's current fits (from `Ranker.rank`).
    ///   - considered: how many of the most-missed skills to test.
    public func advise(_ candidate: CandidateAnalysis, fits: [Fit], considered: Int = 12, limit: Int = 6) -> [Advice] {
        advise(candidate, postings: fits.map { PreparedPosting(posting: $0.posting, analysis: $0.analysis) }, scores: fits.map(\.score),
               considered: considered, limit: limit)
    }

    /// The same from prepared postings and the candidate's current score for each (from `FitScorer.quickScore`).
    /// - Parameter plans: each posting's `FitScorer.plan`, when already built (a batch builds them once for all candidates).
    public func advise(_ candidate: CandidateAnalysis, postings: [PreparedPosting], scores: [Double], plans: [FitScorer.Plan]? = nil,
                       considered: Int = 12, limit: Int = 6) -> [Advice] {
        guard !postings.isEmpty, postings.count == scores.count, (plans?.count ?? postings.count) == postings.count else { return [] }
        let scorer = FitScorer(candidate: candidate, taxonomy: taxonomy, weights: weights)
        let plans = plans ?? postings.map { FitScorer.plan($0.analysis, taxonomy: taxonomy, weights: weights) }
        // Gaining a skill changes only the skill component: the rest of each score is worked out once.
        var requirements: [Int: FitScorer.Tally] = [:]
        // The skills most missed, weighted by how much of each posting's skill component they hold. All by
        // taxonomy position, from the plans: no string or skill value is touched per posting.
        let count = taxonomy.skills.count
        var missed = [Double](repeating: 0, count: count)
        var asking = [Int](repeating: 0, count: count), required = [Int](repeating: 0, count: count)
        for plan in plans {
            for ask in plan.asks {
                asking[ask.skill] += 1
                if ask.required { required[ask.skill] += 1 }
                let credit = scorer.credits[ask.skill]
                if credit < 0.99, plan.totalWeight > 0 { missed[ask.skill] += ask.weight * (1 - credit) / plan.totalWeight }
            }
        }
        let ranked = (0..<count).filter { missed[$0] > 0 }
            .sorted { (missed[$0], taxonomy.skills[$1].id) > (missed[$1], taxonomy.skills[$0].id) }
        let candidates = ranked.prefix(considered)

        var advice: [Advice] = []
        for position in candidates {
            let skill = taxonomy.skills[position]
            let neighbourIDs = [skill.id] + skill.broader + skill.related + taxonomy.skills.filter { $0.broader.contains(skill.id) || $0.related.contains(skill.id) }.map(\.id)
            let neighbours = Set(neighbourIDs.compactMap { taxonomy.position(of: $0) })
            let affected = plans.indices.filter { i in plans[i].entries.contains { neighbours.contains($0.skill) } }
            for i in affected where requirements[i] == nil { requirements[i] = scorer.requirementsOnly(postings[i].posting, analysis: postings[i].analysis) }
            func gain(_ evidence: SkillEvidence) -> (asking: Double, overall: Double) {
                let variant = FitScorer(candidate: candidate.adding(skill, evidence), taxonomy: taxonomy, weights: weights)
                var sum = 0.0, askingSum = 0.0
                for i in affected {
                    let delta = variant.rescore(plans[i], requirements: requirements[i]!) - scores[i]
                    sum += delta
                    if plans[i].asks.contains(where: { $0.skill == position }) { askingSum += delta }
                }
                let n = asking[position]
                return (n > 0 ? askingSum / Double(n) : 0, sum / Double(postings.count))
            }
            let course = gain(SkillEvidence(kind: .course, title: "a course in \(skill.label)", organization: nil, detail: "hypothetical advanced course",
                                            sentence: nil, strength: courseStrength))
            let work = gain(SkillEvidence(kind: .work, title: "a year of work in \(skill.label)", organization: nil, detail: "hypothetical, 1 year at 40 h/week",
                                          sentence: nil, strength: workStrength))
            guard asking[position] > 0, max(course.overall, work.overall) > 0.005 else { continue }
            advice.append(Advice(skill: skill, postings: asking[position], required: required[position], courseGain: course.asking, workGain: work.asking,
                                 courseGainOverall: course.overall, workGainOverall: work.overall))
        }
        advice.sort { (max($0.courseGainOverall, $0.workGainOverall), $1.skill.id) > (max($1.courseGainOverall, $1.workGainOverall), $0.skill.id) }
        return Array(advice.prefix(limit))
    }
}
