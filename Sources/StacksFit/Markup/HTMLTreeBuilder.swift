import CLibXML2

/// Builds a ``MarkupTree`` straight from the events of libxml2's HTML parser, without libxml2
/// building a tree of its own that would then be copied and freed.
///
/// It gives the tree that copying libxml2's DOM gives (a test compares the two on every page it
/// has), which means following libxml2's tree builder (`SAX2.c`) where it matters:
/// - consecutive character events make one text node (CDATA, the content of `<script>` and
///   `<style>`, one node of its own); a comment or processing instruction ends a text node, though
///   neither is kept;
/// - an element's line is where its start tag ended; a text node's, where its first piece was read;
///   a CDATA node's, its previous sibling's, else its parent's;
/// - an element's name loses a prefix before a colon (`<o:p>`, which Word pastes everywhere, is a `p`,
///   in no namespace); attribute names keep theirs;
/// - an attribute written without a value is empty, except HTML's boolean attributes
///   (`checked`, `selected`…), whose value is their name;
/// - text outside every element is dropped; an element that starts when every element has closed
///   goes under the root, unless the document's first node is not the root (a comment or processing
///   instruction came before it, or there is a doctype anywhere: libxml2 puts the doctype first),
///   when libxml2 puts it beside the root and it is dropped (only the root is read).
///
/// One difference: libxml2 keeps line numbers up to 65,535 and guesses beyond; this keeps the real line.
///
/// It also stops libxml2 that would run for minutes. libxml2 looks each end tag up among all the open
/// elements, and reports one it cannot place as an error: 100,000 `<div>`s and 100,000 stray `</span>`s
/// (1.2 MB) take it twelve seconds, and a 50 MiB page of them hours. The builder adds up, at every such
/// error, what the look-up cost (see ``lookUpCost(_:name:placed:)``) and stops the parser past
/// ``searchBudget``, keeping what it has read; ``stoppedAt`` says where.
struct HTMLTreeBuilder {
    /// End-tag look-up steps past which the parser is stopped: about a second of its time. The real pages
    /// and examples peak at 187.
    static let searchBudget = 1_000_000_000

    private(set) var tree = MarkupTree()
    /// The open elements, innermost last, each with the line of its last child so far (for CDATA).
    private var open: [(index: Int32, lastChildLine: Int32?)] = []
    /// The depth inside elements that are dropped with their content.
    private var ignoredDepth = 0
    /// Whether the document's first node is something other than the root (a doctype, comment or
    /// processing instruction), which decides where an element after the root goes.
    private var rootIsNotFirst = false
    /// Where the character data not yet made a node starts among the tree's text bytes, when there is
    /// some: it is appended there as it is read, and made a node by ``flush()``.
    private var pendingStart: Int?
    private var pendingIsCDATA = false
    private var pendingLine: Int32 = 0
    /// End-tag look-up steps so far, counted from the parser's errors.
    private(set) var searchWork = 0
    /// The line where the parser was stopped, when it was.
    private(set) var stoppedAt: Int32?
    /// Where in the input the last end tag that was found was looked up.
    private var lastLookUp: UnsafePointer<xmlChar>?

    /// - Parameter textCapacity: the room to make for the text at first (only a hint: the text grows as it must).
    init(baseURI: String?, textCapacity: Int) {
        tree.baseURI = baseURI
        tree.reserveTextCapacity(textCapacity)
    }

    /// Parses `utf8` with `ctxt`, whose options are already chosen, and returns the tree.
    static func parse(_ utf8: [UInt8], context ctxt: htmlParserCtxtPtr, baseURI: String?, options: Int32) -> MarkupTree {
        // The builder lives behind a pointer the callbacks reach through the context: a struct there
        // needs neither reference counting nor run-time exclusivity checks on every event.
        let builder = UnsafeMutablePointer<HTMLTreeBuilder>.allocate(capacity: 1)
        // (A page's text is seldom longer than the page: an entity's text is shorter than the entity.)
        builder.initialize(to: HTMLTreeBuilder(baseURI: baseURI, textCapacity: utf8.count))
        defer { builder.deinitialize(count: 1).deallocate() }
        let handler = ctxt.pointee.sax!
        handler.pointee = htmlSAXHandler()
        // (The magic number makes libxml2 report errors to `serror`; the HTML parser reads no other field for it.)
        handler.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        handler.pointee.serror = { ctx, error in
            guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self), let me = HTMLTreeBuilder.of(ctx),
                  let error, error.pointee.code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue) else { return }
            // Closing down to an element reports every element it closes on the way, all at one place in
            // the input: only the first report stands for a look-up.
            let placed = error.pointee.str2 != nil, position = ctxt.pointee.input?.pointee.cur
            if placed {
                guard position != me.pointee.lastLookUp else { return }
                me.pointee.lastLookUp = position
            }
            me.pointee.searchWork += HTMLTreeBuilder.lookUpCost(ctxt, name: error.pointee.str1, placed: placed)
            if me.pointee.searchWork > HTMLTreeBuilder.searchBudget, me.pointee.stoppedAt == nil {
                me.pointee.stoppedAt = HTMLTreeBuilder.line(ctx)
                xmlStopParser(ctxt)
            }
        }
        handler.pointee.startElement = { ctx, name, attributes in
            HTMLTreeBuilder.of(ctx)?.pointee.startElement(name, attributes, line: HTMLTreeBuilder.line(ctx))
        }
        handler.pointee.endElement = { ctx, _ in HTMLTreeBuilder.of(ctx)?.pointee.endElement() }
        handler.pointee.characters = { ctx, bytes, count in
            HTMLTreeBuilder.of(ctx)?.pointee.characters(bytes, count, cdata: false, line: HTMLTreeBuilder.line(ctx))
        }
        handler.pointee.cdataBlock = { ctx, bytes, count in
            HTMLTreeBuilder.of(ctx)?.pointee.characters(bytes, count, cdata: true, line: HTMLTreeBuilder.line(ctx))
        }
        handler.pointee.comment = { ctx, _ in HTMLTreeBuilder.of(ctx)?.pointee.otherNode(line: HTMLTreeBuilder.line(ctx)) }
        handler.pointee.processingInstruction = { ctx, _, _ in HTMLTreeBuilder.of(ctx)?.pointee.otherNode(line: nil) }
        // A doctype, wherever it is, becomes the document's first node, and does not end a text node.
        handler.pointee.internalSubset = { ctx, _, _, _ in HTMLTreeBuilder.of(ctx)?.pointee.rootIsNotFirst = true }
        ctxt.pointee._private = UnsafeMutableRawPointer(builder)
        let doc: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(clamping: chars.count), baseURI, "UTF-8", options)
            }
        }
        if let doc { xmlFreeDoc(doc) } // none is built without a start-document handler
        ctxt.pointee._private = nil
        builder.pointee.flush()
        var tree = builder.pointee.tree
        if let line = builder.pointee.stoppedAt {
            tree.diagnostics.append(MarkupDiagnostic(
                line: Int(line), isError: false,
                message: "stopped reading here: end tags that close nothing, against thousands of open elements, would take libxml2 minutes; the rest of the page is left out"))
        }
        return tree
    }

    /// What libxml2's look-up of an end tag among the open elements cost: all of them for one it could
    /// not place ("Unexpected end tag"), else those above the element it names (a "mismatch": an element
    /// it may not close stands between).
    private static func lookUpCost(_ ctxt: UnsafeMutablePointer<xmlParserCtxt>, name: UnsafeMutablePointer<CChar>?, placed: Bool) -> Int {
        let open = Int(ctxt.pointee.nameNr)
        guard placed, let name, let names = ctxt.pointee.nameTab else { return open }
        let wanted = UnsafeRawPointer(name).assumingMemoryBound(to: xmlChar.self)
        var k = open - 1
        while k >= 0, xmlStrEqual(names[k], wanted) == 0 { k -= 1 }
        return open - k
    }

    /// The builder a callback's context carries.
    private static func of(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTreeBuilder>? {
        ctx?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: HTMLTreeBuilder.self)
    }

    /// The line the parser has reached.
    private static func line(_ ctx: UnsafeMutableRawPointer?) -> Int32 {
        ctx?.assumingMemoryBound(to: xmlParserCtxt.self).pointee.input?.pointee.line ?? 0
    }

    // MARK: events

    private mutating func startElement(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int32) {
        flush()
        if ignoredDepth > 0 || (open.isEmpty && !tree.isEmpty && rootIsNotFirst) {
            ignoredDepth += 1
            return
        }
        let from = tree.attributeCount
        if var pair = attributes {
            while let attributeName = pair[0] {
                let value = pair[1].map { LibXML.string($0) ?? "" }
                    ?? (htmlIsBooleanAttr(attributeName) != 0 ? LibXML.string(attributeName) ?? "" : "")
                tree.appendAttribute(MarkupTree.Attribute(name: LibXML.string(attributeName) ?? "", namespace: nil,
                                                          value: TextRepair.clean(value)))
                pair += 2
            }
        }
        let parent = open.last?.index ?? (tree.isEmpty ? -1 : tree.root.index)
        let index = tree.appendElement(name: number(of: name), attributesFrom: from, parent: parent, line: line)
        if !open.isEmpty { open[open.count - 1].lastChildLine = line }
        open.append((index, nil))
    }

    /// The number in the tree of an element's local name, remembered by where libxml2 keeps the name: the
    /// parser hands the same few names over and over, from its dictionary. (A hit is still compared byte
    /// for byte, so the numbers never depend on how libxml2 keeps its names. A prefixed name, "o:p", is
    /// kept as its local name and so never hits: it is looked up in the tree each time, which is rare.)
    private mutating func number(of name: UnsafePointer<xmlChar>?) -> Int32 {
        guard let name else { return 0 } // the number of "", as for text
        let slot = Int(UInt(bitPattern: name) >> 3) & (Self.cacheSize - 1)
        let bytes = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
        if nameCache[slot].pointer == name, tree.name(numbered: nameCache[slot].number, is: bytes) {
            return nameCache[slot].number
        }
        let number = tree.number(of: Self.localName(String(decoding: bytes, as: UTF8.self)))
        nameCache[slot] = (name, number)
        return number
    }

    private static let cacheSize = 64

    /// Names met so far, by where libxml2 keeps them (see ``number(of:)``).
    private var nameCache = [(pointer: UnsafePointer<xmlChar>?, number: Int32)](repeating: (nil, 0), count: cacheSize)

    private mutating func endElement() {
        flush()
        if ignoredDepth > 0 {
            ignoredDepth -= 1
            return
        }
        _ = open.popLast()
    }

    private mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32, cdata: Bool, line: Int32) {
        guard let bytes, count > 0, !open.isEmpty, ignoredDepth == 0 else { return }
        if pendingStart != nil && pendingIsCDATA != cdata { flush() }
        if pendingStart == nil {
            pendingStart = tree.textByteCount
            pendingIsCDATA = cdata
            // A text node's line is where its first piece was read; a CDATA node's, its previous
            // sibling's, else its parent's.
            let parent = open[open.count - 1]
            pendingLine = cdata ? parent.lastChildLine ?? Int32(clamping: tree.line(MarkupTree.Node(parent.index))) : line
        }
        tree.appendTextBytes(UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    /// A comment (with its line) or processing instruction: not kept, but it ends a text node.
    private mutating func otherNode(line: Int32?) {
        flush()
        if tree.isEmpty { rootIsNotFirst = true }
        guard ignoredDepth == 0, !open.isEmpty else { return }
        open[open.count - 1].lastChildLine = line
    }

    /// Makes the pending character data a node.
    private mutating func flush() {
        guard let start = pendingStart else { return }
        tree.appendText(from: start, parent: open[open.count - 1].index, line: pendingLine)
        open[open.count - 1].lastChildLine = pendingIsCDATA ? nil : pendingLine
        pendingStart = nil
    }
}

extension HTMLTreeBuilder {
    /// An element's name as libxml2's tree builder keeps it (`xmlSplitQName`): what follows the first
    /// colon when the colon is neither first nor last. (The prefix names no namespace in HTML.)
    static func localName(_ raw: String) -> String {
        let utf8 = raw.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), colon != utf8.startIndex,
              utf8.index(after: colon) != utf8.endIndex else { return raw }
        return String(raw[utf8.index(after: colon)...])
    }
}
