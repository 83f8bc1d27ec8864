import SafeXML

/// A problem in a template or catalog file, printed as `file:line:column: error: message`.
///
/// Every error from an XML file the tool loads is one of these, located at the element
/// or attribute at fault, so an agency editing its own copy can go straight to the line.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong; `message` words it.
    public enum Kind: Equatable, Sendable {
        /// The file is not well-formed XML, has a DOCTYPE, or breaks its schema
        /// (libxml2's message, lightly tidied).
        case malformedXML(String)
        case unknownElement(name: String, parent: String)
        case unknownAttribute(name: String, element: String)
        case missingAttribute(name: String, element: String)
        case invalidValue(attribute: String, element: String, expected: String)
        case unknownStage(String)
        case unknownDomain(String)
        case unknownDataPath(String, suggestion: String?)
        case unknownTemplate(String)
        /// A name given on the command line that the template set does not have: the
        /// nearest name of that kind when it looks meant, and every name of that kind
        /// (`noun` is "template" or "form").
        case noSuchTemplate(String, noun: String, suggestion: String?, names: [String])
        case includeCycle(String)
        case misplaced(element: String, reason: String)
        case missingFile(String)
        /// The templates folder (`--templates` or `SAFETYPLAN_TEMPLATES`) does not exist
        /// (`exists` false) or is not a folder; printed in no file.
        case templatesFolderMissing(String, exists: Bool)
        case wrongNamespace(element: String, expected: String)
        /// A file of an agency's folder that is not read: a FIFO, a device, a folder, or a
        /// symbolic link out of the folder; the reason says which.
        case refusedFile(reason: String)
        /// Includes nested more than `TemplateCompiler.maximumIncludeDepth` deep.
        case includesTooDeep(limit: Int)
        /// Blocks nested more than `TemplateCompiler.maximumNesting` deep, counting
        /// included files.
        case nestedTooDeep(limit: Int)
        /// More than `TemplateCompiler.maximumElements` elements once every include is
        /// expanded.
        case expandsTooLarge(limit: Int)
    }

    /// What is wrong.
    public var kind: Kind
    /// The element or attribute at fault, or the file's first line for a file-wide problem.
    public var location: SourceLocation

    /// Creates an error.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Wraps an error from SafeXML, keeping its location.
    init(_ error: XMLError) {
        self.init(.malformedXML(error.message), at: error.location)
    }

    /// `file:line:column: error: message` (STYLE.md §6).
    ///
    /// A problem with the templates folder itself has no place in a file: `error: message`.
    public var description: String {
        if case .templatesFolderMissing = kind { return SourceLocation.errorLine(kind.message, at: nil) }
        return SourceLocation.errorLine(kind.message, at: location)
    }
}

extension TemplateError.Kind {
    /// One sentence saying what is wrong.
    public var message: String {
        switch self {
        case .malformedXML(let message):
            return message
        case .unknownElement(let name, let parent):
            return "unknown element <\(name)> in <\(parent)>"
        case .unknownAttribute(let name, let element):
            return "unknown attribute '\(name)' on <\(element)>"
        case .missingAttribute(let name, let element):
            return "<\(element)> needs the attribute '\(name)'"
        case .invalidValue(let attribute, let element, let expected):
            return "'\(attribute)' on <\(element)> must be \(expected)"
        case .unknownStage(let word):
            return "unknown stage '\(word)'; expected one of \(Stage.allCases.map(\.id).joined(separator: ", "))"
        case .unknownDomain(let word):
            return "unknown domain '\(word)'; expected one of \(Domain.allCases.map(\.id).joined(separator: ", "))"
        case .unknownDataPath(let path, let suggestion):
            guard let suggestion else { return "unknown data path '\(path)'" }
            return "unknown data path '\(path)' (did you mean '\(suggestion)'?)"
        case .unknownTemplate(let name):
            return "no template named '\(name)'"
        case .noSuchTemplate(let name, let noun, let suggestion, let names):
            let list = names.isEmpty ? "there are none" : "\(noun)s: " + names.joined(separator: ", ")
            guard let suggestion else { return "no \(noun) named '\(name)' (\(list))" }
            return "no \(noun) named '\(name)'; did you mean '\(suggestion)'? (\(list))"
        case .includeCycle(let name):
            return "'\(name)' includes itself"
        case .misplaced(let element, let reason):
            return "<\(element)> \(reason)"
        case .missingFile(let name):
            return "the template set has no file '\(name)'"
        case .templatesFolderMissing(let path, let exists):
            return exists
                ? "the templates folder \(path) is not a folder; give the folder that holds the agency's templates"
                : "the templates folder \(path) does not exist"
        case .wrongNamespace(let element, let expected):
            return "<\(element)> is not in the namespace \(expected)"
        case .refusedFile(let reason):
            return reason
        case .includesTooDeep(let limit):
            return "includes are nested more than \(limit) deep"
        case .nestedTooDeep(let limit):
            return "elements are nested more than \(limit) deep, counting included files"
        case .expandsTooLarge(let limit):
            return "the template has more than \(limit) elements once its includes are expanded"
        }
    }
}
