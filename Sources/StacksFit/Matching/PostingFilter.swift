/// The filters of `stacksfit rank`: remote, region, minimum salary, employment type, dates.
public struct PostingFilter: Sendable {
    public var remoteOnly = false
    public var regions: Set<String> = []
    /// Minimum pay per year; hourly, weekly and monthly pay are annualised (2,080 hours, 52 weeks, 12 months).
    public var minimumAnnualSalary: Double?
    public var employmentTypes: Set<EmploymentType> = []
    public var postedSince: PostingDate?
    public var closingAfter: PostingDate?

    public init() {}

    /// True when the posting passes every filter set. Postings that do not state a value pass that filter,
    /// except remote, which must be stated.
    public func admits(_ posting: JobPosting) -> Bool {
        if remoteOnly && posting.location?.remote != true { return false }
        if !regions.isEmpty, let region = posting.location?.region, !regions.contains(region.uppercased()) { return false }
        if let minimum = minimumAnnualSalary, let annual = Self.annual(posting.salary), annual < minimum { return false }
        if !employmentTypes.isEmpty, let type = posting.employmentType, !employmentTypes.contains(type) { return false }
        if let since = postedSince, let posted = posting.datePosted, posted.iso8601.prefix(10) < since.iso8601.prefix(10) { return false }
        if let after = closingAfter, let closing = posting.validThrough, closing.iso8601.prefix(10) < after.iso8601.prefix(10) { return false }
        return true
    }

    /// The most a salary pays per year, when known.
    public static func annual(_ salary: Salary?) -> Double? {
        guard let salary, let amount = salary.max ?? salary.min else { return nil }
        switch salary.period {
        case .hour?: return amount * 2080
        case .day?: return amount * 260
        case .week?: return amount * 52
        case .month?: return amount * 12
        case .year?, nil: return amount
        }
    }
}
