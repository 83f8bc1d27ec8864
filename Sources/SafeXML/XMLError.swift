/// One diagnostic from parsing an XML document or validating it against a RELAX NG schema.
///
/// The message is one sentence without a trailing newline. A syntax error keeps libxml2's
/// wording where it is clear and is rewritten where it names libxml2 internals; a schema
/// problem is always said in SafeXML's own plain words, never libxml2's
/// (`SchemaExplainer`).
public struct XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String
    /// Where it is wrong.
    public var location: SourceLocation

    /// Creates a diagnostic.
    ///
    /// - Parameters:
    ///   - message: What is wrong, in one sentence, without a trailing newline.
    ///   - location: Where it is wrong.
    public init(message: String, location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// The diagnostic in the compiler's form, `file:line:column: error: message`.
    public var description: String { SourceLocation.errorLine(message, at: location) }
}
