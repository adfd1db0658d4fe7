import Foundation

/// The job market a set of postings shows: how many, where they sit on the divide, the skills most asked
/// for, how many require an ALA-accredited degree, and pay by period and by side.
public struct MarketSummary: Sendable {
    /// The spread of one pay period's figures (each posting counts once, at the middle of its range).
    public struct SalaryRange: Sendable, Hashable, Encodable {
        public var min: Double
        public var median: Double
        public var max: Double
        public var postings: Int
        public var currency: String?
        /// Postings paid in another currency, left out of this range rather than converted.
        public var otherCurrency: Int = 0
        /// Postings whose figure is not believable pay for the period ("$8 a year", "$35,000 an hour"),
        /// most likely a misread posting, left out of the range.
        public var implausible: Int = 0
    }
    public struct SkillDemand: Sendable, Hashable {
        public var skill: Skill
        /// Postings that ask for it outside their boilerplate.
        public var postings: Int
        /// Of those, postings that ask for it in their required qualifications.
        public var required: Int
    }

    /// Distinct postings, duplicates merged.
    public var postings: Int
    /// Copies of a posting found through another source, merged away.
    public var duplicatesMerged: Int
    /// Postings by lean; those that name no skill of either side count as `unplaced`.
    public var technical = 0, user = 0, mixed = 0, unplaced = 0
    public var skills: [SkillDemand]
    /// Share requiring an ALA-accredited MLS/MLIS, 0…1.
    public var mlsRequired: Double
    /// Pay by period ("YEAR", "HOUR"…) over all postings that state it.
    public var salary: [SalaryPeriod: SalaryRange]
    /// The same, by the posting's lean label.
    public var salaryBySide: [Lean.Label: [SalaryPeriod: SalaryRange]]
    /// Figures left out of each period's range as not believable pay (also when none was left to make a range).
    public var salaryImplausible: [SalaryPeriod: Int]

    public init(_ prepared: [PreparedPosting]) {
        postings = prepared.count
        duplicatesMerged = prepared.reduce(0) { $0 + $1.duplicates.count }
        var demand: [String: SkillDemand] = [:]
        var mls = 0
        var pay: [SalaryPeriod: [(Double, String?)]] = [:]
        var payBySide: [Lean.Label: [SalaryPeriod: [(Double, String?)]]] = [:]
        for item in prepared {
            switch item.analysis.lean?.label {
            case .technical?: technical += 1
            case .user?: user += 1
            case .mixed?: mixed += 1
            case nil: unplaced += 1
            }
            if item.analysis.requirements.mlsRequired { mls += 1 }
            var seen: [String: Bool] = [:]
            for mention in item.analysis.mentions where mention.weight > SkillExtractor.boilerplateWeight {
                seen[mention.skill.id] = (seen[mention.skill.id] ?? false) || mention.section == .required
            }
            for (id, required) in seen {
                guard let skill = item.analysis.mentions.first(where: { $0.skill.id == id })?.skill else { continue }
                demand[id, default: SkillDemand(skill: skill, postings: 0, required: 0)].postings += 1
                if required { demand[id]!.required += 1 }
            }
            if let salary = item.posting.salary, let period = salary.period, let middle = Self.middle(salary) {
                pay[period, default: []].append((middle, salary.currency))
                if let label = item.analysis.lean?.label { payBySide[label, default: [:]][period, default: []].append((middle, salary.currency)) }
            }
        }
        skills = demand.values.sorted { ($0.postings, $0.required, $1.skill.id) > ($1.postings, $1.required, $0.skill.id) }
        mlsRequired = postings == 0 ? 0 : Double(mls) / Double(postings)
        salary = [:]
        salaryImplausible = [:]
        for (period, values) in pay {
            let (range, implausible) = Self.range(values, period: period)
            salary[period] = range
            if implausible > 0 { salaryImplausible[period] = implausible }
        }
        salaryBySide = payBySide.mapValues { byPeriod in
            Dictionary(uniqueKeysWithValues: byPeriod.compactMap { period, values in Self.range(values, period: period).range.map { (period, $0) } })
        }
    }

    /// Believable pay for each period, in the currency's units: wide, to leave out only misreadings.
    static let plausible: [SalaryPeriod: ClosedRange<Double>] = [
        .hour: 5...300, .day: 40...2_500, .week: 150...12_000, .month: 600...50_000, .year: 8_000...600_000,
    ]

    static func middle(_ s: Salary) -> Double? {
        switch (s.min, s.max) {
        case let (lo?, hi?): (lo + hi) / 2
        case let (lo?, nil): lo
        case let (nil, hi?): hi
        default: nil
        }
    }

    /// Currencies whose believable pay the bounds of `plausible` describe.
    static let boundedCurrencies: Set<String> = ["", "USD", "CAD", "GBP", "EUR", "AUD", "NZD", "CHF"]

    /// The range of the most common currency's figures (other currencies are left out, not converted), and
    /// how many of that currency's figures were left out as not believable for the period.
    static func range(_ values: [(Double, String?)], period: SalaryPeriod) -> (range: SalaryRange?, implausible: Int) {
        var counts: [String: Int] = [:]
        for (_, c) in values { counts[c ?? "", default: 0] += 1 }
        guard let currency = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return (nil, 0) }
        let same = values.filter { ($0.1 ?? "") == currency }.map(\.0)
        let bounds = boundedCurrencies.contains(currency) ? plausible[period] : nil
        let figures = same.filter { bounds?.contains($0) ?? true }.sorted()
        let implausible = same.count - figures.count
        guard let lo = figures.first, let hi = figures.last else { return (nil, implausible) }
        let n = figures.count
        let median = n % 2 == 1 ? figures[n / 2] : (figures[n / 2 - 1] + figures[n / 2]) / 2
        return (SalaryRange(min: lo, median: median, max: hi, postings: n, currency: currency.isEmpty ? nil : currency,
                            otherCurrency: values.count - same.count, implausible: implausible), implausible)
    }

    // MARK: - Formats

    public func text(top: Int = 15) -> String {
        var lines = ["Market: \(postings) posting\(postings == 1 ? "" : "s")" + (duplicatesMerged > 0 ? " (\(duplicatesMerged) duplicate\(duplicatesMerged == 1 ? "" : "s") merged)" : "")]
        lines.append("  " + divide)
        lines.append("  Requiring an ALA-accredited MLS/MLIS: \(Self.percent(mlsRequired))")
        if !salary.isEmpty || !salaryImplausible.isEmpty {
            lines.append("  Pay (middle of each posting's range):")
            for (period, n) in salaryImplausible.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where salary[period] == nil {
                lines.append("    \(Self.periodName(period)): no believable figure (\(n) implausible left out)")
            }
            for (period, range) in salary.sorted(by: { ($0.value.postings, $1.key.rawValue) > ($1.value.postings, $0.key.rawValue) }) {
                lines.append("    \(Self.periodName(period)): " + Self.describe(range))
                for label in [Lean.Label.technical, .user, .mixed] {
                    if let r = salaryBySide[label]?[period] { lines.append("      \(label.rawValue): " + Self.describe(r)) }
                }
            }
        }
        if !skills.isEmpty {
            lines.append("  Skills most asked for:")
            let width = skills.prefix(top).map(\.skill.label.count).max() ?? 10
            for d in skills.prefix(top) {
                lines.append("    " + d.skill.label.padding(toLength: width, withPad: " ", startingAt: 0) +
                             String(format: "  %3d posting%@ (%d required)  %@", d.postings, d.postings == 1 ? " " : "s", d.required, d.skill.side?.rawValue ?? "cross-cutting"))
            }
        }
        return lines.joined(separator: "\n")
    }

    public func markdown(top: Int = 15) -> String {
        var out = "# The market: \(postings) posting\(postings == 1 ? "" : "s")\n\n"
        out += "| Technical | User services | Mixed | No side | ALA-accredited degree required |\n|---:|---:|---:|---:|---:|\n"
        out += "| \(share(technical)) | \(share(user)) | \(share(mixed)) | \(share(unplaced)) | \(Self.percent(mlsRequired)) |\n"
        if !salary.isEmpty {
            out += "\n## Pay\n\n| Period | Side | Postings | Lowest | Median | Highest |\n|---|---|---:|---:|---:|---:|\n"
            for (period, range) in salary.sorted(by: { ($0.value.postings, $1.key.rawValue) > ($1.value.postings, $0.key.rawValue) }) {
                out += "| \(Self.periodName(period)) | all | \(range.postings) | \(Self.money(range.min, range)) | \(Self.money(range.median, range)) | \(Self.money(range.max, range)) |\n"
                for label in [Lean.Label.technical, .user, .mixed] {
                    if let r = salaryBySide[label]?[period] {
                        out += "| \(Self.periodName(period)) | \(label.rawValue) | \(r.postings) | \(Self.money(r.min, r)) | \(Self.money(r.median, r)) | \(Self.money(r.max, r)) |\n"
                    }
                }
            }
        }
        if !skills.isEmpty {
            out += "\n## Skills most asked for\n\n| Skill | Side | Postings | Required in |\n|---|---|---:|---:|\n"
            for d in skills.prefix(top) { out += "| \(Markdown.escape(d.skill.label)) | \(d.skill.side?.rawValue ?? "cross-cutting") | \(d.postings) | \(d.required) |\n" }
        }
        return out
    }

    public func json(top: Int? = nil) throws -> String {
        try PostingsJSON.pretty(Document(market: self, top: top))
    }

    struct Document: Encodable {
        var market: MarketSummary
        var top: Int?
        enum Keys: String, CodingKey { case schemaVersion, postings, duplicatesMerged, lean, skills, mlsRequired, salary, salaryBySide, salaryImplausible }
        enum SkillKeys: String, CodingKey { case skill, label, side, postings, required }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(PostingsJSON.schemaVersion, forKey: .schemaVersion)
            try c.encode(market.postings, forKey: .postings)
            try c.encode(market.duplicatesMerged, forKey: .duplicatesMerged)
            try c.encode(["technical": market.technical, "user": market.user, "mixed": market.mixed, "none": market.unplaced], forKey: .lean)
            var list = c.nestedUnkeyedContainer(forKey: .skills)
            for d in market.skills.prefix(top ?? market.skills.count) {
                var e = list.nestedContainer(keyedBy: SkillKeys.self)
                try e.encode(d.skill.id, forKey: .skill)
                try e.encode(d.skill.label, forKey: .label)
                try e.encode(d.skill.side, forKey: .side)
                try e.encode(d.postings, forKey: .postings)
                try e.encode(d.required, forKey: .required)
            }
            try c.encode((market.mlsRequired * 1000).rounded() / 1000, forKey: .mlsRequired)
            try c.encode(Dictionary(uniqueKeysWithValues: market.salary.map { ($0.key.rawValue, $0.value) }), forKey: .salary)
            try c.encode(Dictionary(uniqueKeysWithValues: market.salaryBySide.map { side, ranges in
                (side.rawValue, Dictionary(uniqueKeysWithValues: ranges.map { ($0.key.rawValue, $0.value) }))
            }), forKey: .salaryBySide)
            try c.encode(Dictionary(uniqueKeysWithValues: market.salaryImplausible.map { ($0.key.rawValue, $0.value) }), forKey: .salaryImplausible)
        }
    }

    /// "On the divide: 6 (29%) technical, 10 (48%) user services, 5 (24%) mixed".
    public var divide: String {
        "On the divide: \(share(technical)) technical, \(share(user)) user services, \(share(mixed)) mixed" + (unplaced > 0 ? ", \(share(unplaced)) no side" : "")
    }

    func share(_ n: Int) -> String { postings == 0 ? "0" : "\(n) (\(Self.percent(Double(n) / Double(postings))))" }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    static func periodName(_ p: SalaryPeriod) -> String {
        switch p {
        case .year: "yearly"
        case .month: "monthly"
        case .week: "weekly"
        case .day: "daily"
        case .hour: "hourly"
        }
    }

    static func money(_ v: Double, _ r: SalaryRange) -> String {
        let symbol = r.currency == "USD" || r.currency == nil ? "$" : Markdown.escape(r.currency ?? "") + " "
        // Yearly figures in whole units with separators, smaller ones to the cent.
        return symbol + (v >= 1000 ? PostingsTable.amount(v.rounded()) : String(format: "%.2f", v))
    }

    static func describe(_ r: SalaryRange) -> String {
        "\(money(r.min, r)) – \(money(r.max, r)), median \(money(r.median, r)) over \(r.postings) posting\(r.postings == 1 ? "" : "s")" +
            (r.otherCurrency > 0 ? " (\(r.otherCurrency) in another currency left out)" : "") +
            (r.implausible > 0 ? " (\(r.implausible) implausible figure\(r.implausible == 1 ? "" : "s") left out)" : "")
    }
}
