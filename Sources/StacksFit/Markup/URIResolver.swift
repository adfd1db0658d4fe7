import CLibXML2

/// Resolves relative references against a base URI the way RFC 3986 says, with libxml2's resolver.
public enum URIResolver {
    /// `reference` resolved against `base`; `reference` unchanged when there is no base or it is absolute.
    public static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmingWhitespace
        guard let base, !base.isEmpty else { return trimmed }
        if trimmed.isEmpty { return base }
        if isAbsolute(trimmed) { return trimmed }
        _ = LibXML.ready
        // libxml2 refuses non-ASCII (IRIs): percent-encode those bytes first.
        let ascii = Self.percentEncodingNonASCII(trimmed)
        let built: UnsafeMutablePointer<xmlChar>? = ascii.withCString { r in
            base.withCString { b in
                xmlBuildURI(UnsafeRawPointer(r).assumingMemoryBound(to: xmlChar.self),
                            UnsafeRawPointer(b).assumingMemoryBound(to: xmlChar.self))
            }
        }
        guard let built else { return trimmed }
        defer { stacksfit_xmlFree(built) }
        return LibXML.string(built) ?? trimmed
    }

    static func percentEncodingNonASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 || $0 == 0x20 }) else { return text }
        var out = ""
        for byte in text.utf8 {
            if byte >= 0x80 || byte == 0x20 {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    /// True when `reference` starts with a scheme ("https:", "mailto:").
    /// The link when it is one a reader may follow (http or https, or relative); nil for `javascript:`,
    /// `data:` and other schemes, which a posting's link never legitimately uses.
    public static func webLink(_ reference: String?) -> String? {
        guard let reference else { return nil }
        guard let scheme = scheme(of: reference) else { return reference }
        return scheme == "http" || scheme == "https" ? reference : nil
    }

    /// The scheme of a reference, lower-cased, with white space and control characters anywhere in it
    /// ignored, as browsers do ("java\tscript:" is `javascript`). Nil for a relative reference.
    static func scheme(of reference: String) -> String? {
        guard FastText.isASCII(reference) else {
            // Other text by characters, where a mark can join a space or the colon.
            let kept = reference.filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
            return isAbsolute(kept) ? kept.prefix { $0 != ":" }.lowercased() : nil
        }
        // ASCII: each scalar is a character ("\r\n" aside, which is dropped either way).
        var scheme = ""
        for c in reference.unicodeScalars {
            if c == ":" { return scheme.isEmpty ? nil : scheme }
            if c.value < 0x20 || c.isWhitespaceFast { continue }
            let v = c.value
            let isLetter = (v | 0x20) &- 0x61 < 26
            guard isLetter || (!scheme.isEmpty && ((v >= 0x30 && v <= 0x39) || c == "+" || c == "-" || c == ".")) else { return nil }
            scheme.unicodeScalars.append(isLetter ? Unicode.Scalar(v | 0x20)! : c)
        }
        return nil
    }

    public static func isAbsolute(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":") else { return false }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

import Foundation
