import CLibXML2

/// Resolves relative references against a base URI the way RFC 3986 says, with libxml2's resolver.
public enum URIResolver {
    /// `reference` resolved against `base`; `reference` unchanged when there is no base or it is absolute.
    public static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let base, !base.isEmpty else { return trimmed }
        if trimmed.isEmpty { return base }
        if isAbsolute(trimmed) { return trimmed }
        _ = LibXML.ready
        let built: UnsafeMutablePointer<xmlChar>? = trimmed.withCString { r in
            base.withCString { b in
                xmlBuildURI(UnsafeRawPointer(r).assumingMemoryBound(to: xmlChar.self),
                            UnsafeRawPointer(b).assumingMemoryBound(to: xmlChar.self))
            }
        }
        guard let built else { return trimmed }
        defer { stacksfit_xmlFree(built) }
        return LibXML.string(built) ?? trimmed
    }

    /// True when `reference` starts with a scheme ("https:", "mailto:").
    public static func isAbsolute(_ reference: String) -> Bool {
        guard let colon = reference.firstIndex(of: ":") else { return false }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

import Foundation
