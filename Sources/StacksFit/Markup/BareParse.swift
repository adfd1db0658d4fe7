import CLibXML2

/// A bare libxml2 parse-and-free, with the same options stacksfit uses, as the benchmark's baseline.
package enum BareParse {
    /// Parses `utf8` as XML into a whole DOM and frees it; returns the number of top-level children seen.
    @discardableResult
    package static func xml(_ utf8: [UInt8]) -> Int {
        _ = LibXML.ready
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        let doc = utf8.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, "UTF-8", options) }
        }
        guard let doc else { return 0 }
        defer { xmlFreeDoc(doc) }
        return Int(xmlChildElementCount(xmlDocGetRootElement(doc)))
    }

    /// Parses `utf8` as HTML and frees it.
    @discardableResult
    package static func html(_ utf8: [UInt8]) -> Int {
        _ = LibXML.ready
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        let doc = utf8.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32(clamping: $0.count), nil, "UTF-8", options) }
        }
        guard let doc else { return 0 }
        defer { xmlFreeDoc(doc) }
        return Int(xmlChildElementCount(xmlDocGetRootElement(doc)))
    }
}

