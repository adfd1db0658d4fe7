import CLibXML2

/// Mends the XML that feeds really contain before libxml2 sees it.
///
/// libxml2 2.9.14 in recover mode silently drops every later `&amp;`, `&lt;` and `&gt;` once it has
/// met one undefined entity (`&nbsp;` in a feed), and drops a bare `&` ("Q&A"). This pass rewrites,
/// outside comments, CDATA sections and processing instructions:
/// - named HTML entities the document does not declare into numeric references (`&eacute;` → `&#233;`),
///   and HTML's upper-case hexadecimal references into XML's (`&#X41;` → `&#x41;`);
/// - other undefined names and bare ampersands into `&amp;` (so "a=1&b=2" survives);
/// - characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return) into nothing.
/// Any rewrite means the original was not well-formed; the caller reports it.
enum XMLRepair {
    /// The outcome of one pass.
    struct Result {
        var bytes: [UInt8]
        /// How many places were rewritten (0: the input is returned unchanged).
        var changes: Int
        /// The line of the first rewrite.
        var firstLine: Int?
        /// The first rewritten reference, for the problem message.
        var example: String?
    }

    /// XML's predefined entities, as bytes: escaped markup in a feed is thousands of "&lt;" and "&gt;",
    /// which are compared on their bytes rather than made strings.
    private static let predefined: [[UInt8]] = ["amp", "lt", "gt", "quot", "apos"].map { Array($0.utf8) }

    static func repair(_ input: [UInt8]) -> Result {
        _ = LibXML.ready
        var output: [UInt8] = []
        var changes = 0
        var firstLine: Int?
        var example: String?
        var declared: Set<String> = []
        var line = 1
        var copiedUpTo = 0 // bytes of input already copied to output (only once changes > 0)
        let count = input.count

        func note(_ at: Int, _ what: String) {
            if changes == 0 {
                output.reserveCapacity(count + 64)
                output.append(contentsOf: input[0..<at])
                firstLine = line
                example = what
            } else {
                output.append(contentsOf: input[copiedUpTo..<at])
            }
            changes += 1
        }

        func skip(from i: Int, past terminator: [UInt8]) -> Int {
            var j = i
            while j + terminator.count <= count {
                if input[j] == terminator[0] && input[j..<(j + terminator.count)].elementsEqual(terminator) {
                    return j + terminator.count
                }
                if input[j] == 0x0A { line += 1 }
                j += 1
            }
            return count
        }

        var i = 0
        while i < count {
            // Text and markup without "<", "&", a line break or a control character need nothing.
            while i < count, input[i] >= 0x20, input[i] != UInt8(ascii: "<"), input[i] != UInt8(ascii: "&") { i += 1 }
            guard i < count else { break }
            let byte = input[i]
            if byte == 0x0A { line += 1; i += 1; continue }
            if byte == UInt8(ascii: "<"), i + 1 < count {
                let next = input[i + 1]
                if next == UInt8(ascii: "!") {
                    if hasPrefix(input, at: i, "<!--") { i = skip(from: i + 4, past: Array("-->".utf8)); continue }
                    if hasPrefix(input, at: i, "<![CDATA[") { i = skip(from: i + 9, past: Array("]]>".utf8)); continue }
                    if hasPrefix(input, at: i, "<!DOCTYPE") || hasPrefix(input, at: i, "<!doctype") {
                        i = doctype(input, from: i, declared: &declared, line: &line)
                        continue
                    }
                } else if next == UInt8(ascii: "?") {
                    i = skip(from: i + 2, past: Array("?>".utf8))
                    continue
                }
                i += 1
                continue
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                note(i, "control character \(byte)")
                copiedUpTo = i + 1
                i += 1
                continue
            }
            guard byte == UInt8(ascii: "&") else { i += 1; continue }
            // A reference?
            var j = i + 1
            if j < count && input[j] == UInt8(ascii: "#") {
                j += 1
                let upperX = j < count && input[j] == UInt8(ascii: "X")
                let hex = upperX || (j < count && input[j] == UInt8(ascii: "x"))
                if hex { j += 1 }
                let start = j
                while j < count && j - start < 10 && isDigit(input[j], hex: hex) { j += 1 }
                if j > start && j < count && input[j] == UInt8(ascii: ";") {
                    if upperX {
                        // "&#X41;" is HTML's spelling; XML knows only "&#x41;", and libxml2 drops the other.
                        note(i, "&#X")
                        output.append(contentsOf: Array("&#x".utf8))
                        copiedUpTo = i + 3
                    }
                    i = j + 1 // a numeric reference
                    continue
                }
                note(i, "&#")
                output.append(contentsOf: Array("&amp;".utf8))
                copiedUpTo = i + 1
                i += 1
                continue
            }
            let start = j
            while j < count && j - start < 40 && isNameByte(input[j], first: j == start) { j += 1 }
            if j > start && j < count && input[j] == UInt8(ascii: ";") {
                if isPredefined(input, start, j) { i = j + 1; continue }
                let name = String(decoding: input[start..<j], as: UTF8.self)
                if declared.contains(name) { i = j + 1; continue }
                note(i, "&\(name);")
                if let entity = name.withCString({
                    htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self))
                }) {
                    output.append(contentsOf: Array("&#\(entity.pointee.value);".utf8))
                } else {
                    output.append(contentsOf: Array("&amp;\(name);".utf8))
                }
                copiedUpTo = j + 1
                i = j + 1
                continue
            }
            note(i, "&")
            output.append(contentsOf: Array("&amp;".utf8))
            copiedUpTo = i + 1
            i += 1
        }
        guard changes > 0 else { return Result(bytes: input, changes: 0, firstLine: nil, example: nil) }
        output.append(contentsOf: input[copiedUpTo..<count])
        return Result(bytes: output, changes: changes, firstLine: firstLine, example: example)
    }

    /// Skips a DOCTYPE (with its internal subset) and records the general entities it declares.
    private static func doctype(_ input: [UInt8], from start: Int, declared: inout Set<String>, line: inout Int) -> Int {
        var i = start
        var depth = 0
        var quote: UInt8 = 0
        while i < input.count {
            let b = input[i]
            if b == 0x0A { line += 1 }
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "]") {
                depth -= 1
            } else if b == UInt8(ascii: ">") && depth <= 0 {
                return i + 1
            } else if b == UInt8(ascii: "<") && hasPrefix(input, at: i, "<!ENTITY") {
                var j = i + 8
                while j < input.count && (input[j] == 0x20 || input[j] == 0x09 || input[j] == 0x0A || input[j] == 0x0D) { j += 1 }
                if j < input.count && input[j] != UInt8(ascii: "%") {
                    let nameStart = j
                    while j < input.count && isNameByte(input[j], first: j == nameStart) { j += 1 }
                    declared.insert(String(decoding: input[nameStart..<j], as: UTF8.self))
                }
            } else if b == UInt8(ascii: "<") && hasPrefix(input, at: i, "<!--") {
                while i + 2 < input.count && !(input[i] == UInt8(ascii: "-") && input[i + 1] == UInt8(ascii: "-") && input[i + 2] == UInt8(ascii: ">")) {
                    if input[i] == 0x0A { line += 1 }
                    i += 1
                }
            }
            i += 1
        }
        return input.count
    }

    /// Whether the name `input[start..<end]` is one of ``predefined``.
    @inline(__always)
    private static func isPredefined(_ input: [UInt8], _ start: Int, _ end: Int) -> Bool {
        predefined.contains { $0.count == end - start && $0.elementsEqual(input[start..<end]) }
    }

    @inline(__always)
    private static func hasPrefix(_ input: [UInt8], at i: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i + n <= input.count else { return false }
        return prefix.withUTF8Buffer { p in
            for k in 0..<n where input[i + k] != p[k] { return false }
            return true
        }
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)))
    }

    @inline(__always)
    private static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
        if first { return letter }
        return letter || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }
}
