import Foundation

/// Finds schema.org JobPosting objects in a page's JSON-LD, repairing the JSON real sites emit.
enum JSONLDReader {
    /// Every JobPosting object in the page's `application/ld+json` scripts, in document order.
    /// - Returns: the objects and a note for each script that could not be read even after repair.
    static func postings(in tree: MarkupTree) -> (objects: [[String: Any]], failures: [(line: Int, message: String)]) {
        var objects: [[String: Any]] = []
        var failures: [(Int, String)] = []
        for node in tree.walkDescendants(tree.root) where tree.isElement(node) && tree.name(node) == "script" {
            guard let type = tree.attribute("type", of: node)?.lowercased(), type.contains("ld+json") else { continue }
            let raw = tree.text(of: node)
            guard let data = repair(raw).data(using: .utf8) else { continue }
            do {
                let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                let index = identified(in: json)
                objects.append(contentsOf: jobPostings(in: json).map { resolvingReferences($0, index: index) })
            } catch {
                failures.append((tree.line(node), "JSON-LD that could not be read even after repair: \(error.localizedDescription)"))
            }
        }
        return (objects, failures)
    }

    /// Collects JobPosting objects from parsed JSON, looking into arrays, `@graph` and nested values.
    static func jobPostings(in json: Any) -> [[String: Any]] {
        var found: [[String: Any]] = []
        var stack: [(Any, Int)] = [(json, 0)]
        while let (value, depth) = stack.popLast() {
            guard depth < 32 else { continue }
            if let array = value as? [Any] {
                for element in array.reversed() { stack.append((element, depth + 1)) }
            } else if let object = value as? [String: Any] {
                if isJobPosting(object) {
                    found.append(object)
                    continue
                }
                for key in ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item", "about"] {
                    if let nested = object[key] { stack.append((nested, depth + 1)) }
                }
            }
        }
        return found
    }

    /// Every object with an `@id` and more than that id, by id.
    static func identified(in json: Any) -> [String: [String: Any]] {
        var index: [String: [String: Any]] = [:]
        var stack: [(Any, Int)] = [(json, 0)]
        while let (value, depth) = stack.popLast() {
            guard depth < 32 else { continue }
            if let array = value as? [Any] {
                stack.append(contentsOf: array.map { ($0, depth + 1) })
            } else if let object = value as? [String: Any] {
                if let id = object["@id"] as? String, object.count > 1, index[id] == nil { index[id] = object }
                stack.append(contentsOf: object.values.map { ($0, depth + 1) })
            }
        }
        return index
    }

    /// Replaces `{"@id": …}` references in a posting's organisation and place by the objects they name.
    static func resolvingReferences(_ posting: [String: Any], index: [String: [String: Any]]) -> [String: Any] {
        var result = posting
        for key in ["hiringOrganization", "jobLocation", "baseSalary"] {
            guard let value = posting[key] else { continue }
            func resolve(_ v: Any) -> Any {
                if let ref = v as? [String: Any], ref.count == 1, let id = ref["@id"] as? String, let target = index[id] { return target }
                return v
            }
            if let array = value as? [Any] { result[key] = array.map(resolve) } else { result[key] = resolve(value) }
        }
        return result
    }

    static func isJobPosting(_ object: [String: Any]) -> Bool {
        let types: [String]
        if let t = object["@type"] as? String { types = [t] } else { types = (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? [] }
        return types.contains { $0 == "JobPosting" || $0.hasSuffix("/JobPosting") || $0.hasSuffix(":JobPosting") }
    }

    /// Repairs the usual damage: HTML comment or CDATA wrappers, `//` and `/* */` comments, trailing
    /// commas, raw control characters and invalid escapes inside strings.
    static func repair(_ raw: String) -> String {
        var text = raw.trimmingWhitespace
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA[", "/*<![CDATA[*/"] where text.hasPrefix(wrapper) {
            text = String(text.dropFirst(wrapper.count))
        }
        for wrapper in ["-->", "//]]>", "]]>", "/*]]>*/"] where text.hasSuffix(wrapper) {
            text = String(text.dropLast(wrapper.count))
        }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var inString = false
        var pendingComma = false // a comma held back until we know what follows
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if inString {
                if c == "\\" {
                    if i + 1 < n {
                        let next = scalars[i + 1]
                        if "\"\\/bfnrtu".unicodeScalars.contains(next) {
                            out.append(c)
                            out.append(next)
                        } else {
                            out.append(next) // "\'" and friends: drop the backslash
                        }
                        i += 2
                        continue
                    }
                } else if c == "\"" {
                    inString = false
                } else if c.value < 0x20 {
                    out.append(contentsOf: (c == "\n" ? "\\n" : c == "\t" ? "\\t" : c == "\r" ? "\\r" : " ").unicodeScalars)
                    i += 1
                    continue
                }
                out.append(c)
                i += 1
                continue
            }
            if c == "/" && i + 1 < n && scalars[i + 1] == "/" {
                while i < n && scalars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && i + 1 < n && scalars[i + 1] == "*" {
                i += 2
                while i + 1 < n && !(scalars[i] == "*" && scalars[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            if c == "," {
                if pendingComma { i += 1; continue } // ",," → ","
                pendingComma = true
                i += 1
                continue
            }
            if c.isWhitespaceFast || c.value < 0x20 {
                i += 1
                if !pendingComma { out.append(" ") }
                continue
            }
            if pendingComma {
                if c != "}" && c != "]" { out.append(",") }
                pendingComma = false
            }
            if c == "\"" { inString = true }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
