import Foundation

/// Where a skill sits on the divide between technical services and user services.
public enum Side: String, Sendable, Hashable, Codable, CaseIterable {
    case technical, user
    // Bridging areas: between the two sides.
    case technology, collections, archives, management, research
    case scholarlyCommunication = "scholarly-communication"

    /// True for the two sides of the divide; false for the bridging areas.
    public var isSideOfDivide: Bool { self == .technical || self == .user }
}

/// One skill of the LIS taxonomy.
public struct Skill: Sendable, Hashable, Codable, Identifiable {
    /// Stable, kebab-case id ("cataloging-original").
    public var id: String { get { box.fields.id } set { update { $0.id = newValue } } }
    public var label: String { get { box.fields.label } set { update { $0.label = newValue } } }
    /// Its side, or nil for cross-cutting skills such as communication.
    public var side: Side? { get { box.fields.side } set { update { $0.side = newValue } } }
    /// Its area in ALA's Core Competences ("organization-of-knowledge").
    public var alaArea: String? { get { box.fields.alaArea } set { update { $0.alaArea = newValue } } }
    /// The words that express it in ads, lower case.
    public var phrases: [String] { get { box.fields.phrases } set { update { $0.phrases = newValue } } }
    /// Broader skills (RDA → cataloging), for partial credit.
    public var broader: [String] { get { box.fields.broader } set { update { $0.broader = newValue } } }
    /// Related skills, for partial credit.
    public var related: [String] { get { box.fields.related } set { update { $0.related = newValue } } }
    /// A first-person sentence on how this skill serves the other side of the divide.
    public var bridge: String? { get { box.fields.bridge } set { update { $0.bridge = newValue } } }

    /// The fields live in one shared, copy-on-write box: every mention carries its skill, and copying
    /// eight strings and arrays per mention cost more than finding the mention.
    private struct Fields: Hashable, Sendable {
        var id: String
        var label: String
        var side: Side?
        var alaArea: String?
        var phrases: [String]
        var broader: [String]
        var related: [String]
        var bridge: String?
    }
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
    private var box: Box

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    public static func == (a: Skill, b: Skill) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    private enum CodingKeys: String, CodingKey { case id, label, side, alaArea, phrases, broader, related, bridge }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        box = Box(Fields(
            id: try c.decode(String.self, forKey: .id),
            label: try c.decode(String.self, forKey: .label),
            side: try c.decodeIfPresent(Side.self, forKey: .side),
            alaArea: try c.decodeIfPresent(String.self, forKey: .alaArea),
            phrases: try c.decodeIfPresent([String].self, forKey: .phrases) ?? [],
            broader: try c.decodeIfPresent([String].self, forKey: .broader) ?? [],
            related: try c.decodeIfPresent([String].self, forKey: .related) ?? [],
            bridge: try c.decodeIfPresent(String.self, forKey: .bridge)))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(side, forKey: .side)
        try c.encodeIfPresent(alaArea, forKey: .alaArea)
        try c.encode(phrases, forKey: .phrases)
        try c.encode(broader, forKey: .broader)
        try c.encode(related, forKey: .related)
        try c.encodeIfPresent(bridge, forKey: .bridge)
    }

    public init(id: String, label: String, side: Side?, alaArea: String? = nil, phrases: [String],
                broader: [String] = [], related: [String] = [], bridge: String? = nil) {
        box = Box(Fields(id: id, label: label, side: side, alaArea: alaArea, phrases: phrases,
                         broader: broader, related: related, bridge: bridge))
    }
}

/// The LIS skills taxonomy: skills by id, and the ambiguous bare words that context rules decide.
public struct Taxonomy: Sendable {
    public let skills: [Skill]
    /// Bare words that mean a skill only in the right context ("reference" → reference services).
    public let ambiguous: [String: String]
    private let index: [String: Int]

    private struct File: Decodable {
        var version: Int
        var skills: [Skill]
        var ambiguous: [String: String]?
    }

    /// Why a taxonomy file was refused.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// Builds a taxonomy, checking that ids are unique and every relation names a known skill.
    public init(skills: [Skill], ambiguous: [String: String] = [:], name: String = "taxonomy") throws {
        var index: [String: Int] = [:]
        for (i, skill) in skills.enumerated() {
            guard index[skill.id] == nil else { throw LoadError(file: name, message: "skill id '\(skill.id)' appears twice") }
            index[skill.id] = i
        }
        for skill in skills {
            for other in skill.broader + skill.related where index[other] == nil {
                throw LoadError(file: name, message: "skill '\(skill.id)' names unknown skill '\(other)'")
            }
        }
        for (word, id) in ambiguous where index[id] == nil {
            throw LoadError(file: name, message: "ambiguous word '\(word)' names unknown skill '\(id)'")
        }
        self.skills = skills
        self.ambiguous = ambiguous
        self.index = index
    }

    /// Reads a taxonomy JSON file (the format of the bundled `taxonomy.json`).
    public init(contentsOf url: URL) throws {
        let name = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LoadError(file: name, message: "file is not readable or does not exist")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch let error as DecodingError {
            throw LoadError(file: name, message: Self.describe(error))
        }
        guard file.version == 1 else { throw LoadError(file: name, message: "version \(file.version) is not supported (expected 1)") }
        try self.init(skills: file.skills, ambiguous: file.ambiguous ?? [:], name: name)
    }

    /// The taxonomy shipped with stacksfit.
    public static func bundled() throws -> Taxonomy {
        guard let url = Bundle.module.url(forResource: "taxonomy", withExtension: "json") else {
            throw LoadError(file: "taxonomy.json", message: "the bundled taxonomy is missing from the installation")
        }
        return try Taxonomy(contentsOf: url)
    }

    /// The skill with this id.
    public subscript(id: String) -> Skill? { index[id].map { skills[$0] } }

    /// Where the skill with this id sits in `skills`.
    public func position(of id: String) -> Int? { index[id] }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
