import CLibXML2

/// A compiled RELAX NG schema (XML syntax), safe to share between threads for validation.
///
/// The schema text is parsed with the same secure parser as documents, so it may not have a
/// DOCTYPE either. It must be self-contained: `include` and `externalRef` are refused, since
/// libxml2 would read the files they name with default options. Each validation gets its
/// own libxml2 validation context, which is what makes concurrent use safe.
public final class RelaxNGSchema: @unchecked Sendable {
    /// The compiled schema; read-only after `init`.
    let schema: xmlRelaxNGPtr
    /// The schema's file name, used in locations of schema errors.
    public let file: String

    /// Compiles a schema.
    ///
    /// - Parameters:
    ///   - bytes: The schema in RELAX NG's XML syntax.
    ///   - file: The file name to put in locations; it is not opened.
    /// - Throws: `XMLError` located in `file` when the schema is not well-formed XML, uses
    ///   `include` or `externalRef`, or is not a correct RELAX NG schema.
    public init(_ bytes: [UInt8], file: String) throws(XMLError) {
        let parsed = try ParsedDocument(bytes, file: file, maxBytes: 1 << 20)
        if let error = Self.externalReference(in: parsed.makeRoot()) { throw error }

        guard let parserContext = xmlRelaxNGNewDocParserCtxt(parsed.doc) else {
            throw XMLError(message: "out of memory", location: SourceLocation(file: file, line: 1, column: 1))
        }
        defer { xmlRelaxNGFreeParserCtxt(parserContext) }
        // libxml2 compiles a copy of the document and rewrites it, so node addresses are of
        // no use here: locate by the line libxml2 reports and the element's name on it.
        let collector = DiagnosticCollector(file: file, source: parsed.source)
        collector.locate = { node, _ in
            guard node.pointee.type == XML_ELEMENT_NODE else { return nil }
            let line = Int(xmlGetLineNo(node))
            guard line > 0 else { return nil }
            let name = ParsedDocument.qualifiedName(node)
            let column = parsed.source.column(ofTag: name, line: line, occurrence: 1) ?? 1
            return SourceLocation(file: file, line: line, column: column)
        }
        let compiled = withExtendedLifetime(collector) {
            xmlRelaxNGSetParserStructuredErrors(
                parserContext,
                collectError,
                Unmanaged.passUnretained(collector).toOpaque()
            )
            return xmlRelaxNGParse(parserContext)
        }
        if let first = collector.errors.first {
            if let compiled { xmlRelaxNGFree(compiled) }
            throw first
        }
        guard let compiled else {
            throw XMLError(
                message: "not a valid RELAX NG schema",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        schema = compiled
        self.file = file
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    private static let structureNamespace = "http://relaxng.org/ns/structure/1.0"

    /// The first `include` or `externalRef` element, as an error.
    private static func externalReference(in element: Element) -> XMLError? {
        if element.namespace == structureNamespace, element.name == "include" || element.name == "externalRef" {
            return XMLError(message: "RELAX NG \(element.name) is not allowed", location: element.location)
        }
        for child in element.elements {
            if let error = externalReference(in: child) { return error }
        }
        return nil
    }
}
