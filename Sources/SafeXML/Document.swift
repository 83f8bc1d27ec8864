/// A parsed XML document: the input stage of SafetyPlanner.
///
/// `Document.parse` turns the bytes of a template or catalog into plain `Element` values,
/// refusing anything hostile (a DOCTYPE, entities, oversized or over-deep input), and
/// optionally validates them against a `RelaxNGSchema`. The next stage reads `root` and
/// reports its own errors at each `Element.location`.
public struct Document: Sendable {
    /// The file name given to the parser, used in every location.
    public var file: String
    /// The root element.
    public var root: Element

    /// Creates a document from values.
    ///
    /// - Parameters:
    ///   - file: The file name.
    ///   - root: The root element.
    public init(file: String, root: Element) {
        self.file = file
        self.root = root
    }

    /// Parses `bytes` securely, optionally validates them, and throws the first error.
    ///
    /// The input must be well-formed XML without a DOCTYPE; only character references and
    /// the five predefined entities are replaced. No file or network resource is ever read.
    /// Elements may nest at most 256 levels deep.
    ///
    /// - Parameters:
    ///   - bytes: The document, normally UTF-8.
    ///   - file: The file name to put in locations; it is not opened.
    ///   - schema: A RELAX NG schema to validate against, or `nil`.
    ///   - maxBytes: The largest input accepted; larger input is refused before parsing.
    /// - Returns: The document as plain values.
    /// - Throws: `XMLError` for empty or oversized input, the first syntax error, a DOCTYPE,
    ///   or the first schema problem, in plain words.
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        schema: RelaxNGSchema? = nil,
        maxBytes: Int = 1 << 20
    ) throws(XMLError) -> Document {
        let parsed = try ParsedDocument(bytes, file: file, maxBytes: maxBytes)
        if let schema, let first = parsed.validate(against: schema).first {
            throw first
        }
        return Document(file: file, root: parsed.makeRoot())
    }

    /// Parses and validates `bytes` and returns every problem, for a `check` command.
    ///
    /// A syntax error (or refused input) is returned alone, since parsing stops there;
    /// otherwise every way the document does not match the schema, each once, in plain
    /// words at its place, in document order (`SchemaExplainer`).
    ///
    /// - Parameters:
    ///   - bytes: The document, normally UTF-8.
    ///   - file: The file name to put in locations; it is not opened.
    ///   - schema: A RELAX NG schema to validate against, or `nil` to check syntax only.
    ///   - maxBytes: The largest input accepted.
    /// - Returns: The problems found; an empty array means the document is valid.
    public static func diagnose(
        _ bytes: [UInt8],
        file: String,
        schema: RelaxNGSchema?,
        maxBytes: Int = 1 << 20
    ) -> [XMLError] {
        let parsed: ParsedDocument
        do {
            parsed = try ParsedDocument(bytes, file: file, maxBytes: maxBytes)
        } catch {
            return [error]
        }
        guard let schema else { return [] }
        return parsed.validate(against: schema)
    }
}
