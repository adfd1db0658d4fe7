/// A posting ready to score: analysed once, with the other sources it also arrived through.
public struct PreparedPosting: Sendable {
    public var posting: JobPosting
    public var analysis: PostingAnalysis
    /// Other sources of the same posting (found through another feed or page).
    public var duplicates: [PostingSource]

    public init(posting: JobPosting, analysis: PostingAnalysis, duplicates: [PostingSource] = []) {
        self.posting = posting
        self.analysis = analysis
        self.duplicates = duplicates
    }
}

/// Ranks postings for one candidate: analyses each posting once, merges duplicates, scores, and sorts
/// by score with a stable tie-break (title, then id), so the same inputs give the same order.
public struct Ranker: Sendable {
    public let extractor: SkillExtractor
    public let weights: ScoringWeights

    public init(extractor: SkillExtractor, weights: ScoringWeights = ScoringWeights()) {
        self.extractor = extractor
        self.weights = weights
    }

    public func rank(_ postings: [JobPosting], for candidate: CandidateAnalysis, filter: PostingFilter = PostingFilter()) -> [Fit] {
        rank(prepare(postings, filter: filter), for: candidate)
    }

    /// The postings the filter admits, duplicates merged, each analysed once (on all cores): the work
    /// shared by every candidate of a batch.
    public func prepare(_ postings: [JobPosting], filter: PostingFilter = PostingFilter()) -> [PreparedPosting] {
        let admitted = postings.filter(filter.admits)
        let groups = Deduplicator.groups(admitted)
        let extractor = self.extractor
        return Parallel.map(groups) { group in
            PreparedPosting(posting: admitted[group[0]], analysis: extractor.analyse(admitted[group[0]]),
                            duplicates: group.dropFirst().map { admitted[$0].source })
        }
    }

    /// Scores prepared postings for one candidate, best first.
    public func rank(_ prepared: [PreparedPosting], for candidate: CandidateAnalysis) -> [Fit] {
        let scorer = FitScorer(candidate: candidate, taxonomy: extractor.taxonomy, weights: weights)
        var fits = prepared.map { item in
            var fit = scorer.score(item.posting, analysis: item.analysis)
            fit.duplicates = item.duplicates
            return fit
        }
        fits.sort { Self.ranksBefore($0.score, $0.posting, $1.score, $1.posting) }
        return fits
    }

    /// The ranking order everywhere: higher score first, then title, then id, so ties never depend on input order.
    public static func ranksBefore(_ scoreA: Double, _ a: JobPosting, _ scoreB: Double, _ b: JobPosting) -> Bool {
        if scoreA != scoreB { return scoreA > scoreB }
        if (a.title ?? "") != (b.title ?? "") { return (a.title ?? "") < (b.title ?? "") }
        return a.id < b.id
    }
}
