import CLibXML2
import Synchronization

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
    /// The schema's source, from which the model that words validation problems is made.
    private let root: Element?
    /// That model, made the first time a document does not match (`SchemaModel`); nil
    /// inside when the schema uses a construct it does not know.
    private let explainingModel = Mutex<SchemaModel??>(nil)

    /// Compiles a schema.
    ///
    /// - Parameters:
    ///   - bytes: The schema in RELAX NG's XML syntax.
    ///   - file: The file name to put in locations; it is not opened.
    /// - Throws: `XMLError` located in `file` when the schema is not well-formed XML, uses
    ///   `include` or `externalRef`, or is not a correct RELAX NG schema.
    public convenience init(_ bytes: [UInt8], file: String) throws(XMLError) {
        try self.init(bytes, file: file, explaining: true)
    }

    /// A schema; `explaining: false` for one that never words problems (`SchemaDatatypes`'
    /// probes, which only answer whether a value is allowed).
    init(_ bytes: [UInt8], file: String, explaining: Bool) throws(XMLError) {
        let parsed = try ParsedDocument(bytes, file: file, maxBytes: 1 << 20)
        let root = parsed.makeRoot()
        if let error = Self.externalReference(in: root) { throw error }

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
        self.root = explaining ? root : nil
    }

    /// The places of the schema's rules for a value that have no plain words (see
    /// `SchemaModel.rulesWithoutWords`), for a test that every shipped rule has them; nil
    /// when the schema uses a construct the model does not know.
    package func rulesWithoutWords() -> [SourceLocation]? {
        model?.rulesWithoutWords()
    }

    /// The model that words a document's problems, made on first use; nil when the schema
    /// uses a construct it does not know, or explains nothing.
    var model: SchemaModel? {
        explainingModel.withLock { stored in
            if let made = stored { return made }
            let made = root.flatMap { SchemaModel.build(from: $0, file: file) }
            stored = .some(made)
            return made
        }
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
