import Foundation

/// Every number of the scoring model in one place, overridable with `--weights FILE` (JSON, any subset of keys).
public struct ScoringWeights: Sendable, Codable, Hashable {
    /// Points for covering what the posting asks, weighted by section.
    public var skills: Double = 70
    /// Points for experience against the posting's years.
    public var experience: Double = 15
    /// Points for meeting the posting's requirements (degree, certifications, years, supervision).
    public var requirements: Double = 10
    /// Points for a posting on the side of the divide the candidate wants to move toward.
    public var goal: Double = 5
    /// The share of the score each failed gate takes off, applied one after another (so the score
    /// never goes below 0 and postings keep their order among themselves).
    public var degreePenalty: Double = 0.35
    public var certificationPenalty: Double = 0.5
    public var yearsPenalty: Double = 0.2
    public var supervisionPenalty: Double = 0.1
    /// Strength at which a skill earns full credit.
    public var fullCreditStrength: Double = 0.55
    /// The most a related or broader skill can earn (never full credit).
    public var relatedCredit: Double = 0.5
    /// The most a narrower skill earns for the general one the posting asks (Alma for ILS administration).
    public var narrowerCredit: Double = 0.8
    /// Cross-cutting skills (communication…) count this much of their section weight.
    public var crossCuttingWeight: Double = 0.5
    /// Paraprofessional, internship and practicum years count this much toward the years a posting that
    /// requires an MLS asks for (in full for postings that do not).
    public var supportYearsFactor: Double = 0.5

    public init() {}

    /// Every weight by its JSON key: the one table that decoding, encoding and validation read.
    static let keys: [(name: String, path: any WritableKeyPath<ScoringWeights, Double> & Sendable)] = [
        ("skills", \.skills), ("experience", \.experience), ("requirements", \.requirements), ("goal", \.goal),
        ("degreePenalty", \.degreePenalty), ("certificationPenalty", \.certificationPenalty), ("yearsPenalty", \.yearsPenalty),
        ("supervisionPenalty", \.supervisionPenalty), ("fullCreditStrength", \.fullCreditStrength), ("relatedCredit", \.relatedCredit),
        ("narrowerCredit", \.narrowerCredit), ("crossCuttingWeight", \.crossCuttingWeight), ("supportYearsFactor", \.supportYearsFactor),
    ]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads any subset of the keys over the defaults.
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: Key.self)
        for (name, path) in Self.keys {
            if let value = try c.decodeIfPresent(Double.self, forKey: Key(stringValue: name)) { self[keyPath: path] = value }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (name, path) in Self.keys { try c.encode(self[keyPath: path], forKey: Key(stringValue: name)) }
    }

    /// Reads a weights file; a bad file is an error naming it and the key.
    public static func load(contentsOf path: String) throws -> ScoringWeights {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Taxonomy.LoadError(file: path, message: "file is not readable or does not exist")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Taxonomy.LoadError(file: path, message: "expected a JSON object of weights")
        }
        let known = Set(keys.map(\.name))
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw Taxonomy.LoadError(file: path, message: "unknown weight '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        let weights: ScoringWeights
        do { weights = try JSONDecoder().decode(ScoringWeights.self, from: data) } catch {
            throw Taxonomy.LoadError(file: path, message: "every weight must be a number")
        }
        // Points are at most 1,000 each; penalties and credits are shares; the strength for full credit is above 0.
        for (name, keyPath) in keys {
            let value = weights[keyPath: keyPath]
            let shares: Set<String> = ["degreePenalty", "certificationPenalty", "yearsPenalty", "supervisionPenalty", "relatedCredit",
                                       "narrowerCredit", "crossCuttingWeight", "supportYearsFactor", "fullCreditStrength"]
            let limit = shares.contains(name) ? 1.0 : 1_000
            guard value.isFinite, value >= 0, value <= limit, name != "fullCreditStrength" || value > 0 else {
                throw Taxonomy.LoadError(file: path, message: "weight '\(name)' must be a number from 0 to \(limit == 1 ? "1" : "1,000")\(name == "fullCreditStrength" ? ", above 0" : "")")
            }
        }
        return weights
    }
}
