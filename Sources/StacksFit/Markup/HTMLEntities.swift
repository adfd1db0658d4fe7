import CLibXML2

/// Decodes HTML character references in text that did not come through a markup parser
/// (JSON-LD strings, attribute values copied by hand).
public enum HTMLEntities {
    /// `text` with `&amp;`, `&eacute;`, `&#8217;` and `&#x2019;` replaced by their characters;
    /// unknown names are left as written.
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        _ = LibXML.ready
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest.index(after: amp)
            guard let semi = rest[after...].prefix(32).firstIndex(of: ";") else {
                output.append("&")
                rest = rest[after...]
                continue
            }
            let name = String(rest[after..<semi])
            if name.hasPrefix("#"), let scalar = CharacterReference.scalar(name) {
                output.unicodeScalars.append(scalar)
            } else if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                      let entity = name.withCString({ htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }),
                      let scalar = Unicode.Scalar(entity.pointee.value) {
                output.unicodeScalars.append(scalar)
            } else {
                output += rest[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        output += rest
        return output
    }
}
