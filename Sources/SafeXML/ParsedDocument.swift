import CLibXML2

/// libxml2 is initialised once, before any parser runs, as its thread-safety rules require.
private let libxml2Initialized: Void = xmlInitParser()

/// The only parser options SafeXML ever uses.
///
/// No `NOENT` (it would expand external entities), `DTDLOAD`, `DTDATTR`, `RECOVER`,
/// `XINCLUDE` or `HUGE`; `NONET` stops any network access even if a DOCTYPE slipped through.
private let parseOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
)

/// The message for a refused document type declaration.
let doctypeNotAllowedMessage = "DOCTYPE is not allowed"

/// Refuses a DOCTYPE as soon as libxml2 has read its name, before any of its subset.
///
/// Stopping the parser here means no entity declaration (no entity bomb) and no external
/// subset or entity (`SYSTEM "file:///…"`) is ever read.
private let refuseDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let collector = DiagnosticCollector.from(parserContext: context) {
        let location: SourceLocation
        if let offset = collector.source.doctypeOffset() {
            let position = collector.source.position(ofOffset: offset)
            location = SourceLocation(file: collector.file, line: position.line, column: position.column)
        } else {
            let input = parser.pointee.input
            location = SourceLocation(
                file: collector.file,
                line: max(Int(input?.pointee.line ?? 1), 1),
                column: max(Int(input?.pointee.col ?? 1), 1)
            )
        }
        collector.record(XMLError(message: doctypeNotAllowedMessage, location: location))
    }
    xmlStopParser(parser)
}

/// The parser's structured error handler; libxml2 passes the parser context as user data.
private let collectParserError: xmlStructuredErrorFunc = { context, error in
    guard let error, let collector = DiagnosticCollector.from(parserContext: context) else { return }
    collector.record(UnsafePointer(error))
}

/// An error handler that drops every report (a probe's validation, whose answer is all that counts).
let ignoreError: xmlStructuredErrorFunc = { _, _ in }

/// A validation or schema-compilation error handler; the user data is the collector itself.
let collectError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue().record(UnsafePointer(error))
}

/// A libxml2 document parsed securely from memory, with the location of every element.
///
/// Owns the `xmlDoc` and frees it when released; converts it to plain Swift values with
/// `makeRoot()`.
final class ParsedDocument {
    let doc: xmlDocPtr
    let file: String
    let source: SourceText
    /// Element locations by node address, filled once after parsing.
    private(set) var locations: [UnsafeMutableRawPointer: SourceLocation] = [:]

    /// Parses `bytes`, throwing the first error.
    init(_ bytes: [UInt8], file: String, maxBytes: Int) throws(XMLError) {
        _ = libxml2Initialized
        // Every SafeXML entry point (parse, diagnose, schema loading) starts here and then
        // validates or compiles on the same thread, so this covers all of them.
        clibxml2_discard_generic_errors()
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard !bytes.isEmpty else {
            throw XMLError(message: "document is empty", location: start)
        }
        let limit = min(maxBytes, Int(Int32.max))
        guard bytes.count <= limit else {
            throw XMLError(message: "input is larger than \(limit) bytes", location: start)
        }
        self.file = file
        source = SourceText(bytes)

        guard let parser = xmlNewParserCtxt() else {
            throw XMLError(message: "out of memory", location: start)
        }
        defer { xmlFreeParserCtxt(parser) }
        let collector = DiagnosticCollector(file: file, source: source)
        parser.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        parser.pointee.sax.pointee.internalSubset = refuseDoctype
        parser.pointee.sax.pointee.externalSubset = refuseDoctype
        parser.pointee.sax.pointee.serror = collectParserError
        parser.pointee.sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)

        let result = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(parser, $0, Int32(buffer.count), nil, nil, parseOptions)
                }
            }
        }
        parser.pointee._private = nil
        if let first = collector.errors.first {
            if let result { xmlFreeDoc(result) }
            throw first
        }
        guard let result, parser.pointee.wellFormed != 0, xmlDocGetRootElement(result) != nil else {
            if let result { xmlFreeDoc(result) }
            throw XMLError(message: "document is not well-formed", location: start)
        }
        doc = result
        computeLocations()
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// Finds the location of each element: by scanning the source for start tags when that
    /// matches libxml2's tree, else on the line libxml2 recorded.
    private func computeLocations() {
        var elements: [xmlNodePtr] = []
        Self.collectElements(xmlDocGetRootElement(doc), into: &elements)
        let offsets = source.startTagOffsets()
        if offsets.count == elements.count {
            for (element, offset) in zip(elements, offsets) {
                let position = source.position(ofOffset: offset)
                locations[UnsafeMutableRawPointer(element)] =
                    SourceLocation(file: file, line: position.line, column: position.column)
            }
            return
        }
        var seen: [String: Int] = [:]
        for element in elements {
            let line = Int(xmlGetLineNo(element))
            let name = Self.qualifiedName(element)
            let key = "\(line) \(name)"
            let occurrence = (seen[key] ?? 0) + 1
            seen[key] = occurrence
            let column = source.column(ofTag: name, line: line, occurrence: occurrence) ?? 1
            locations[UnsafeMutableRawPointer(element)] =
                SourceLocation(file: file, line: max(line, 1), column: column)
        }
    }

    /// Appends `node` and its descendant elements in document order (depth ≤ 256 is
    /// guaranteed by libxml2's nesting limit, so recursion is safe).
    private static func collectElements(_ node: xmlNodePtr?, into elements: inout [xmlNodePtr]) {
        guard let node, node.pointee.type == XML_ELEMENT_NODE else { return }
        elements.append(node)
        var child = node.pointee.children
        while let current = child {
            collectElements(current, into: &elements)
            child = current.pointee.next
        }
    }

    static func qualifiedName(_ node: xmlNodePtr) -> String {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        if let prefix = node.pointee.ns?.pointee.prefix {
            return String(cString: prefix) + ":" + name
        }
        return name
    }

    /// The location of an element node, or of the element that holds a non-element node.
    func location(of node: xmlNodePtr) -> SourceLocation? {
        var current: xmlNodePtr? = node
        while let candidate = current {
            if let location = locations[UnsafeMutableRawPointer(candidate)] { return location }
            current = candidate.pointee.parent
        }
        return nil
    }

    /// Validates the document and returns every problem, in plain words, in document order.
    ///
    /// libxml2 decides whether the document is valid. When it is not, `SchemaExplainer`
    /// says why, with the schema's model; when there is no model (a construct it does not
    /// know), or it finds nothing, libxml2's own reports are worded plainly instead
    /// (`SchemaFallback`). No libxml2 wording is ever returned.
    func validate(against schema: RelaxNGSchema) -> [XMLError] {
        guard let context = xmlRelaxNGNewValidCtxt(schema.schema) else {
            return [XMLError(message: "out of memory", location: SourceLocation(file: file, line: 1, column: 1))]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        var reports: [SchemaFallback.Report] = []
        let collector = DiagnosticCollector(file: file, source: source)
        collector.validationReport = { [unowned self] error in
            let value = error.pointee
            guard value.level != XML_ERR_WARNING, value.level != XML_ERR_NONE else { return }
            let node = value.node?.assumingMemoryBound(to: xmlNode.self)
            let element = node.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0 : $0.pointee.parent }
            reports.append(
                SchemaFallback.Report(
                    code: Int(value.code), element: element.map(Self.qualifiedName),
                    // str1 names an expected element or an attribute for these codes only;
                    // for others it may hold a value from the document.
                    name: [SchemaFallback.noElement, SchemaFallback.elementName, SchemaFallback.invalidAttribute]
                        .contains(Int(value.code)) ? value.str1.map { String(cString: $0) } : nil,
                    location: node.flatMap { self.location(of: $0) }
                        ?? SourceLocation(file: self.file, line: max(Int(value.line), 1), column: 1)))
        }
        let status = withExtendedLifetime(collector) {
            xmlRelaxNGSetValidStructuredErrors(context, collectError, Unmanaged.passUnretained(collector).toOpaque())
            return xmlRelaxNGValidateDoc(context, doc)
        }
        guard status != 0 || !reports.isEmpty else { return [] }
        if let model = schema.model {
            var explainer = SchemaExplainer(model: model, source: source)
            if let problems = explainer.explain(makeRoot()), !problems.isEmpty { return problems }
        }
        let root = xmlDocGetRootElement(doc).flatMap { location(of: $0) }
        return SchemaFallback.problems(
            reports, schemaFile: schema.file, root: root ?? SourceLocation(file: file, line: 1, column: 1))
    }

    /// Whether the document matches `schema`, with no messages (`SchemaDatatypes`' probes).
    func isValid(against schema: RelaxNGSchema) -> Bool {
        guard let context = xmlRelaxNGNewValidCtxt(schema.schema) else { return false }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(context, ignoreError, nil)
        return xmlRelaxNGValidateDoc(context, doc) == 0
    }

    /// Converts the root element to plain Swift values.
    func makeRoot() -> Element {
        makeElement(xmlDocGetRootElement(doc)!)
    }

    /// Names and namespace URIs already converted, by address: libxml2 keeps one copy of
    /// each name (in the parser's dictionary) and of each namespace, so most elements share
    /// one `String` instead of decoding and allocating their own.
    private var strings: [UnsafeRawPointer: String] = [:]

    private func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        if let string = strings[UnsafeRawPointer(pointer)] { return string }
        let string = String(cString: pointer)
        strings[UnsafeRawPointer(pointer)] = string
        return string
    }

    private func makeElement(_ node: xmlNodePtr) -> Element {
        let location = locations[UnsafeMutableRawPointer(node)] ?? SourceLocation(file: file, line: 1, column: 1)
        var attributes: [Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            let value: String
            if let text = xmlNodeListGetString(doc, attribute.pointee.children, 1) {
                defer { clibxml2_free(text) }
                value = String(cString: text)
            } else {
                value = ""
            }
            attributes.append(
                Attribute(
                    name: attribute.pointee.name.map(string) ?? "",
                    namespace: attribute.pointee.ns?.pointee.href.map(string),
                    value: value,
                    location: location
                )
            )
            property = attribute.pointee.next
        }
        var children: [Node] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(makeElement(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = current.pointee.content.map { String(cString: $0) } ?? ""
                if case .text(let previous) = children.last {
                    children[children.count - 1] = .text(previous + text)
                } else if !text.isEmpty {
                    children.append(.text(text))
                }
            default:
                break  // comments, processing instructions
            }
            child = current.pointee.next
        }
        return Element(
            name: node.pointee.name.map(string) ?? "",
            namespace: node.pointee.ns?.pointee.href.map(string),
            attributes: attributes,
            children: children,
            location: location
        )
    }
}
