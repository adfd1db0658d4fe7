/// Splits a section's text into sentences: one per line, and lines at ". ", "; ", "? ", "! " or
/// " • " when what follows starts a new sentence (an upper-case letter, a digit or a bullet).
enum Sentences {
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var current = ""
            let characters = Array(line)
            var i = 0
            while i < characters.count {
                let c = characters[i]
                current.append(c)
                let isStop = c == "." || c == ";" || c == "?" || c == "!" || c == "•"
                if isStop, i + 2 < characters.count, characters[i + 1] == " " {
                    let next = characters[i + 2]
                    let abbreviation = c == "." && Self.endsWithAbbreviation(current)
                    if !abbreviation && (next.isUppercase || next.isNumber || next == "•" || next == "-" || c == ";" || c == "•") {
                        append(current, to: &sentences)
                        current = ""
                        i += 2
                        continue
                    }
                }
                i += 1
            }
            append(current, to: &sentences)
        }
        return sentences
    }

    private static let abbreviations = ["e.g.", "i.e.", "etc.", "dr.", "mr.", "ms.", "mrs.", "st.", "u.s.", "no.", "vs.", "ph.d.", "inc.", "a.m.", "p.m.", "jr.", "sr."]

    private static func endsWithAbbreviation(_ text: String) -> Bool {
        let tail = text.suffix(6).lowercased()
        return abbreviations.contains { tail.hasSuffix($0) && (tail.count == $0.count || !(tail.dropLast($0.count).last?.isLetter ?? false)) }
    }

    private static func append(_ sentence: String, to sentences: inout [String]) {
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { sentences.append(trimmed) }
    }
}

import Foundation
