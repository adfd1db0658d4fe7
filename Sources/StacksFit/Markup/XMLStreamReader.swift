import CLibXML2

/// Reads an XML document as a stream, handing over one small ``MarkupTree`` per record (a feed's
/// `item` or `entry`) so that a 100,000-item feed never exists as one tree in memory.
///
/// Safety: recover mode, no network, no DTD loading, no entity substitution by libxml2 (declared
/// internal entities are expanded by ``EntityExpander`` within a budget), external entities refused
/// by the process-wide loader, and the text mended by ``XMLRepair`` first.
public enum XMLStreamReader {
    /// What to do with an element the reader meets.
    public enum Disposition: Sendable {
        /// Read into it and keep classifying its children.
        case descend
        /// Hand it over whole as a record.
        case record
        /// Hand it over whole as header information (a feed's title or link).
        case header
        /// Skip it and everything inside.
        case skip
    }

    /// What the reader learnt about the document as a whole.
    public struct Summary: Sendable {
        /// The document element's local name, namespace and attributes ("rss", version "2.0").
        public var rootName: String?
        public var rootNamespace: String?
        public var rootAttributes: [MarkupTree.Attribute] = []
        /// Errors and warnings, first ones first, with lines.
        public var diagnostics: [MarkupDiagnostic] = []
        /// False when the document was not well-formed XML (it was recovered).
        public var wellFormed = true
        /// Places ``XMLRepair`` rewrote before parsing, and the first of them.
        public var repairs = 0
        public var firstRepair: MarkupDiagnostic?
        /// True when entity expansion hit its budget (a likely entity bomb).
        public var entityBudgetExhausted = false
        /// What was left out before parsing, as warnings (see ``AttributeCap``).
        public var notes: [MarkupDiagnostic] = []
    }

    /// Streams `utf8` through libxml2's reader.
    /// - Parameters:
    ///   - utf8: the document, already transcoded to UTF-8.
    ///   - baseURI: the document's address, the last resort for relative links.
    ///   - classify: decides, from local name, namespace and depth (root = 0), what to do with an element.
    ///   - handle: receives each record or header as its own tree; `baseURI` of that tree is the base
    ///     in force at its parent (`xml:base` included); `wellFormedSoFar` is false once any repair or
    ///     error has been seen.
    public static func read(_ utf8: [UInt8], baseURI: String?, decodedLossy: Bool = false,
                            classify: (_ name: String, _ namespace: String?, _ depth: Int) -> Disposition,
                            handle: (_ kind: Disposition, _ tree: MarkupTree, _ wellFormedSoFar: Bool) -> Void) -> Summary {
        _ = LibXML.ready
        var summary = Summary()
        let repaired = XMLRepair.repair(utf8)
        if repaired.changes > 0 {
            summary.repairs = repaired.changes
            summary.wellFormed = false
            summary.firstRepair = MarkupDiagnostic(
                line: repaired.firstLine, isError: true,
                message: "not well-formed XML: \(repaired.changes) undefined entit\(repaired.changes == 1 ? "y" : "ies"), bare ampersand\(repaired.changes == 1 ? "" : "s") or control character\(repaired.changes == 1 ? "" : "s") (first: \(repaired.example ?? "?")) read as text")
        }
        // A tag with thousands of attributes would take libxml2 quadratic time.
        let capped = AttributeCap.apply(repaired.bytes, html: false)
        if let warning = AttributeCap.diagnostic(capped) { summary.notes.append(warning) }
        let bytes = capped.bytes
        guard !bytes.isEmpty else {
            summary.wellFormed = false
            summary.diagnostics.append(MarkupDiagnostic(line: nil, isError: true, message: "document is empty"))
            return summary
        }
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        let sink = DiagnosticSink()
        let unmanagedSink = Unmanaged.passRetained(sink)
        defer { unmanagedSink.release() }
        var expander = EntityExpander()
        var records = 0

        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(clamping: chars.count),
                                                      baseURI, "UTF-8", options) else {
                    summary.wellFormed = false
                    summary.diagnostics.append(MarkupDiagnostic(line: nil, isError: true, message: "libxml2 could not start a reader"))
                    return
                }
                defer { xmlFreeTextReader(reader) }
                xmlTextReaderSetStructuredErrorHandler(reader, DiagnosticSink.callback, unmanagedSink.toOpaque())
                var status = xmlTextReaderRead(reader)
                while status == 1 {
                    guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else {
                        status = xmlTextReaderRead(reader)
                        continue
                    }
                    let depth = Int(xmlTextReaderDepth(reader))
                    let name = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
                    let namespace = LibXML.string(xmlTextReaderConstNamespaceUri(reader))
                    if depth == 0 && summary.rootName == nil {
                        summary.rootName = name
                        summary.rootNamespace = namespace
                        if let node = xmlTextReaderCurrentNode(reader) {
                            LibXML.copyAttributes(node, into: &summary.rootAttributes, expander: &expander)
                        }
                    }
                    let disposition = classify(name, namespace, depth)
                    switch disposition {
                    case .descend:
                        status = xmlTextReaderRead(reader)
                    case .skip:
                        status = xmlTextReaderNext(reader)
                    case .record, .header:
                        if let node = xmlTextReaderExpand(reader) {
                            if disposition == .record { records += 1 }
                            var tree = MarkupTree()
                            tree.baseURI = inheritedBase(of: node) ?? baseURI
                            LibXML.copy(node, withSiblings: false, into: &tree, parent: -1, expander: &expander)
                            handle(disposition, tree, repaired.changes == 0 && sink.errorCount == 0 && !decodedLossy)
                        }
                        status = xmlTextReaderNext(reader)
                    }
                }
                if status < 0 { summary.wellFormed = false }
            }
        }
        if records == 0 && (sink.errorCount > 0 || !summary.wellFormed) {
            // The reader gives up at a fatal error before handing over what came before it in the
            // same chunk; libxml2's DOM parser in recover mode keeps more. Small documents only reach here.
            records = recoverWithDOM(bytes, baseURI: baseURI, classify: classify, expander: &expander, handle: handle)
        }
        summary.entityBudgetExhausted = expander.exhausted
        summary.diagnostics.append(contentsOf: sink.diagnostics)
        if sink.errorCount > 0 { summary.wellFormed = false }
        if summary.rootName == nil {
            summary.wellFormed = false
            if sink.diagnostics.isEmpty {
                summary.diagnostics.append(MarkupDiagnostic(line: nil, isError: true, message: "no XML element found"))
            }
        }
        return summary
    }

    /// Parses the whole document with the DOM parser in recover mode and hands over records and
    /// headers as ``read(_:baseURI:decodedLossy:classify:handle:)`` would. Returns the records handed over.
    private static func recoverWithDOM(_ bytes: [UInt8], baseURI: String?,
                                       classify: (_ name: String, _ namespace: String?, _ depth: Int) -> Disposition,
                                       expander: inout EntityExpander,
                                       handle: (_ kind: Disposition, _ tree: MarkupTree, _ wellFormedSoFar: Bool) -> Void) -> Int {
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        guard let ctxt = xmlNewParserCtxt() else { return 0 }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { xmlCtxtReadMemory(ctxt, $0.baseAddress, Int32(clamping: $0.count), baseURI, "UTF-8", options) }
        }
        guard let doc else { return 0 }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return 0 }
        var records = 0
        var stack: [(xmlNodePtr, Int)] = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = LibXML.string(node.pointee.name) ?? ""
            let namespace = node.pointee.ns.flatMap { LibXML.string($0.pointee.href) }
            let disposition = classify(name, namespace, depth)
            switch disposition {
            case .descend:
                var children: [(xmlNodePtr, Int)] = []
                var child = node.pointee.children
                while let c = child { children.append((c, depth + 1)); child = c.pointee.next }
                stack.append(contentsOf: children.reversed())
            case .skip:
                break
            case .record, .header:
                if disposition == .record { records += 1 }
                var tree = MarkupTree()
                tree.baseURI = inheritedBase(of: node) ?? baseURI
                LibXML.copy(node, withSiblings: false, into: &tree, parent: -1, expander: &expander)
                handle(disposition, tree, false)
            }
        }
        return records
    }

    /// The base URI in force for `node`'s content, from its parent's `xml:base` chain and the document URL.
    private static func inheritedBase(of node: xmlNodePtr) -> String? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE,
              let doc = node.pointee.doc, let base = xmlNodeGetBase(doc, parent) else {
            if let doc = node.pointee.doc { return LibXML.string(doc.pointee.URL) }
            return nil
        }
        defer { stacksfit_xmlFree(base) }
        return LibXML.string(base)
    }
}

extension LibXML {
    static func copyAttributes(_ node: xmlNodePtr, into attributes: inout [MarkupTree.Attribute],
                               expander: inout EntityExpander) {
        var scratch = MarkupTree()
        copy(node, withSiblings: false, into: &scratch, parent: -1, expander: &expander)
        if !scratch.isEmpty { attributes = Array(scratch.attributes(scratch.root)) }
    }
}
