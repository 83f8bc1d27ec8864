import SafeXML

/// One problem `safetyplan lint` found: where, how serious, which rule, and what to do.
///
/// It prints in the compiler's form that editors link, with the rule's name at the end:
/// `Templates/catalog/stages.xml:30:5: error: "you must" pushes the youth; … [pressure]`.
/// Messages quote the words of a template (which are the agency's own), never a youth's data.
public struct LintDiagnostic: Equatable, Sendable, CustomStringConvertible {
    /// How serious a problem is: an error fails `lint` (exit 1), a warning does not.
    public enum Severity: String, Sendable {
        case warning
        case error
    }

    /// Where the problem is (the word itself when the rule points at a word).
    public var location: SourceLocation
    /// Warning or error.
    public var severity: Severity
    /// The check that found it.
    public var rule: LintRule
    /// One or two sentences: what is wrong and what to write instead.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ rule: LintRule, _ message: String, at location: SourceLocation) {
        self.location = location
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    /// `file:line:column: warning|error: message [rule]`.
    public var description: String {
        let place = location.isWholeFile ? location.file : location.description
        return "\(place): \(severity.rawValue): \(message) [\(rule.name)]"
    }
}
