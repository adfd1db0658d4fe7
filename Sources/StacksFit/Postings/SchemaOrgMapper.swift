import Foundation

/// Maps a schema.org JobPosting (from JSON-LD or microdata) onto a ``JobPosting``.
enum SchemaOrgMapper {
    static func posting(_ object: [String: Any], source: PostingSource, baseURI: String?) -> JobPosting {
        var posting = JobPosting(id: "", source: source)
        posting.title = text(object["title"]) ?? text(object["name"])
        posting.employer = name(object["hiringOrganization"])
        if let url = text(object["url"]) { posting.url = URIResolver.webLink(URIResolver.resolve(url, against: baseURI)) }
        posting.location = place(object)
        posting.employmentType = list(object["employmentType"]).compactMap { text($0).flatMap(EmploymentType.init(describing:)) }.first
        posting.salary = salary(object["baseSalary"]) ?? salary(object["estimatedSalary"])
        posting.datePosted = text(object["datePosted"]).flatMap(DateParser.parse)
        posting.validThrough = text(object["validThrough"]).flatMap(DateParser.parse)
        for category in list(object["occupationalCategory"]) + list(object["industry"]) {
            if let c = text(category), !posting.categories.contains(c) { posting.categories.append(c) }
        }

        // The body: the description, then the named parts schema.org has for what the description lacks.
        var html = ""
        if let description = object["description"] {
            if let micro = description as? MicrodataHTML { html = micro.html } else { html = rawText(description) ?? "" }
            if !html.contains("<") { html = html.split(separator: "\n", omittingEmptySubsequences: true).map { "<p>\(escape(String($0)))</p>" }.joined() }
        }
        var body = PostingBody(fragment: html, baseURI: baseURI)
        let extra: [(String, PostingSection.Kind, String)] = [
            ("responsibilities", .duties, "Responsibilities"),
            ("qualifications", .required, "Qualifications"),
            ("educationRequirements", .required, "Education"),
            ("experienceRequirements", .required, "Experience"),
            ("skills", .required, "Skills"),
            ("jobBenefits", .compensation, "Benefits"),
        ]
        for (key, kind, heading) in extra {
            guard let value = object[key] else { continue }
            let parts = list(value).compactMap { part -> String? in
                if let dict = part as? [String: Any] {
                    if let months = dict["monthsOfExperience"] as? NSNumber { return "\(months.intValue / 12) years of experience" }
                    return text(dict["credentialCategory"]) ?? text(dict["name"]) ?? text(dict["description"])
                }
                return rawText(part).map { HTMLText.collapse(textOfHTML($0)) }
            }.filter { !$0.isEmpty }
            guard !parts.isEmpty else { continue }
            let joined = parts.joined(separator: "\n")
            if body.text.contains(joined.prefix(60)) { continue } // already in the description
            body.sections.append(PostingSection(kind: kind, heading: heading, text: joined))
            body.text += (body.text.isEmpty ? "" : "\n") + heading + "\n" + joined
        }
        posting.sections = body.sections
        posting.text = body.text
        posting.descriptionHTML = body.html.isEmpty ? nil : body.html
        return posting
    }

    // MARK: - values

    static func list(_ value: Any?) -> [Any] {
        guard let value else { return [] }
        if let array = value as? [Any] { return array }
        return [value]
    }

    /// A JSON value as trimmed plain text (entities decoded), or nil.
    static func text(_ value: Any?) -> String? {
        guard let raw = rawText(value) else { return nil }
        let decoded = HTMLText.collapse(HTMLEntities.decode(raw))
        return decoded.isEmpty ? nil : decoded
    }

    static func rawText(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let a as [Any]: return a.first.flatMap(rawText)
        case let m as MicrodataHTML: return m.html
        default: return nil
        }
    }

    static func name(_ value: Any?) -> String? {
        if let dict = value as? [String: Any] { return text(dict["name"]) ?? text(dict["legalName"]) }
        if let array = value as? [Any] { return array.lazy.compactMap { name($0) }.first }
        return text(value)
    }

    static func place(_ object: [String: Any]) -> Place? {
        var place = Place(city: nil, region: nil, country: nil, remote: false)
        let type = list(object["jobLocationType"]).compactMap { text($0) }.joined(separator: " ").uppercased()
        place.remote = type.contains("TELECOMMUTE") || type.contains("REMOTE")
        for location in list(object["jobLocation"]) {
            if let dict = location as? [String: Any] {
                let address = dict["address"] ?? dict
                if let a = address as? [String: Any] {
                    place.city = text(a["addressLocality"])
                    if let region = text(a["addressRegion"]) {
                        let known = PlaceParser.region(region)
                        place.region = known?.code ?? region
                        place.country = known?.country
                    }
                    if let country = text(a["addressCountry"]) ?? name(a["addressCountry"]) {
                        place.country = PlaceParser.countryCode(country) ?? country
                    }
                } else if let s = text(address), let parsed = PlaceParser.parse(s) {
                    place.city = parsed.city
                    place.region = parsed.region
                    place.country = parsed.country
                }
            } else if let s = text(location), let parsed = PlaceParser.parse(s) {
                place.city = parsed.city
                place.region = parsed.region
                place.country = parsed.country
                place.remote = place.remote || parsed.remote
            }
            if place.city != nil || place.region != nil { break }
        }
        if !place.remote, list(object["applicantLocationRequirements"]).isEmpty == false, type.isEmpty == false {
            place.remote = true
        }
        if place.city == nil && place.region == nil && place.country == nil && !place.remote { return nil }
        return place
    }

    static func salary(_ value: Any?) -> Salary? {
        guard let value else { return nil }
        if let number = value as? NSNumber {
            return Salary(min: number.doubleValue, max: number.doubleValue, currency: nil, period: nil)
        }
        if let s = value as? String { return SalaryParser.parse(s) }
        guard let dict = value as? [String: Any] else { return nil }
        // An ISO 4217 code is three letters; anything else is not a currency we can name.
        let code = text(dict["currency"])?.uppercased().trimmingSpaces
        let currency = code.flatMap { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isLetter } ? $0 : nil }
        var salary = Salary(min: nil, max: nil, currency: currency, period: nil)
        var unit = text(dict["unitText"])
        if let quantity = dict["value"] as? [String: Any] {
            salary.min = number(quantity["minValue"]) ?? number(quantity["value"])
            salary.max = number(quantity["maxValue"]) ?? number(quantity["value"])
            unit = text(quantity["unitText"]) ?? unit
        } else if let n = number(dict["value"]) {
            salary.min = n
            salary.max = n
        } else {
            salary.min = number(dict["minValue"])
            salary.max = number(dict["maxValue"])
        }
        salary.period = unit.flatMap(SalaryParser.period(fromUnit:))
        if salary.min == nil && salary.max == nil { return nil }
        if let lo = salary.min, let hi = salary.max, lo > hi { salary.min = hi; salary.max = lo }
        return salary
    }

    /// A number from JSON-LD; nil for one too large to be finite (hundreds of digits), which JSON cannot hold.
    static func number(_ value: Any?) -> Double? {
        var number: Double?
        if let n = value as? NSNumber { number = n.doubleValue }
        if let s = value as? String { number = Double(s.filter { $0.isNumber || $0 == "." }) }
        return number.flatMap { $0.isFinite ? $0 : nil }
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        HTMLSanitizer.escape(s, into: &out, attribute: false)
        return out
    }

    private static func textOfHTML(_ html: String) -> String {
        guard html.contains("<") else { return HTMLEntities.decode(html) }
        let tree = HTMLParser.parseFragment(html)
        return tree.isEmpty ? html : HTMLText.text(tree, tree.root)
    }
}
