import Foundation

/// The outputs of `stacksfit gaps`: the skills worth gaining, and how.
public enum GapsReport {
    public static func text(_ advice: [GapAdvisor.Advice], candidate: CandidateAnalysis, postings: Int) -> String {
        var lines = ["What would raise \(candidate.profile.name)'s fit most across \(postings) posting\(postings == 1 ? "" : "s"):"]
        if postings == 0 {
            lines.append("  No postings were read, so there is nothing to measure gaps against.")
        } else if advice.isEmpty {
            lines.append("  Nothing missing would raise the fit: the postings ask for nothing this profile lacks.")
        }
        for (i, a) in advice.enumerated() {
            lines.append("")
            lines.append("\(i + 1). \(a.sentence)")
            lines.append(String(format: "   %@, asked by %d (required by %d); across all postings: course %+.1f, work %+.1f",
                                a.skill.side?.rawValue ?? "cross-cutting", a.postings, a.required, a.courseGainOverall, a.workGainOverall))
        }
        lines.append("")
        lines.append("Gains are score points (0-100) from rescoring each posting with one advanced course, or one year of full-time library work, added to the profile.")
        return lines.joined(separator: "\n")
    }

    public static func markdown(_ advice: [GapAdvisor.Advice], candidate: CandidateAnalysis, postings: Int, heading: String = "#") -> String {
        var out = "\(heading) Skills worth gaining\n\n"
        if postings == 0 { return out + "No postings were read, so there is nothing to measure gaps against.\n" }
        if advice.isEmpty { return out + "Nothing missing would raise the fit: the postings ask for nothing this profile lacks.\n" }
        out += "Across \(postings) posting\(postings == 1 ? "" : "s"), gaining these would raise \(Markdown.escape(candidate.profile.name))'s fit most. "
        out += "Gains are score points from rescoring each posting with one advanced course, or one year of full-time library work, added.\n\n"
        out += "| Skill | Side | Asked by | Required by | Course | Work | Best route |\n|---|---|---:|---:|---:|---:|---|\n"
        for a in advice {
            out += "| \(Markdown.escape(a.skill.label)) | \(a.skill.side?.rawValue ?? "cross-cutting") | \(a.postings) | \(a.required) | "
            out += String(format: "%+.1f | %+.1f | %@ |\n", a.courseGain, a.workGain, a.route)
        }
        out += "\n" + advice.map { "- " + Markdown.escape($0.sentence) }.joined(separator: "\n") + "\n"
        return out
    }

    public static func json(_ advice: [GapAdvisor.Advice], candidate: CandidateAnalysis, postings: Int) throws -> String {
        try PostingsJSON.pretty(Document(advice: advice, name: candidate.profile.name, postings: postings))
    }

    struct Document: Encodable {
        var advice: [GapAdvisor.Advice]
        var name: String
        var postings: Int
        enum Keys: String, CodingKey { case schemaVersion, profile, postings, gaps }
        enum GapKeys: String, CodingKey { case skill, label, side, postings, required, route, course, work, advice }
        enum GainKeys: String, CodingKey { case gain, gainOverall }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(PostingsJSON.schemaVersion, forKey: .schemaVersion)
            try c.encode(name, forKey: .profile)
            try c.encode(postings, forKey: .postings)
            var list = c.nestedUnkeyedContainer(forKey: .gaps)
            for a in advice {
                var e = list.nestedContainer(keyedBy: GapKeys.self)
                try e.encode(a.skill.id, forKey: .skill)
                try e.encode(a.skill.label, forKey: .label)
                try e.encode(a.skill.side, forKey: .side)
                try e.encode(a.postings, forKey: .postings)
                try e.encode(a.required, forKey: .required)
                try e.encode(a.route, forKey: .route)
                var course = e.nestedContainer(keyedBy: GainKeys.self, forKey: .course)
                try course.encode(round1(a.courseGain), forKey: .gain)
                try course.encode(round1(a.courseGainOverall), forKey: .gainOverall)
                var work = e.nestedContainer(keyedBy: GainKeys.self, forKey: .work)
                try work.encode(round1(a.workGain), forKey: .gain)
                try work.encode(round1(a.workGainOverall), forKey: .gainOverall)
                try e.encode(a.sentence, forKey: .advice)
            }
        }
        func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
    }
}
