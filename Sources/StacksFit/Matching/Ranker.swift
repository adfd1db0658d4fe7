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
        let admitted = postings.filter(filter.admits)
        let scorer = FitScorer(candidate: candidate, taxonomy: extractor.taxonomy, weights: weights)
        var fits: [Fit] = []
        for group in Deduplicator.groups(admitted) {
            let posting = admitted[group[0]]
            var fit = scorer.score(posting, analysis: extractor.analyse(posting))
            fit.duplicates = group.dropFirst().map { admitted[$0].source }
            fits.append(fit)
        }
        fits.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if (a.posting.title ?? "") != (b.posting.title ?? "") { return (a.posting.title ?? "") < (b.posting.title ?? "") }
            return a.posting.id < b.posting.id
        }
        return fits
    }
}
