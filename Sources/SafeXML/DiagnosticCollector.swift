import CLibXML2

/// Collects the errors of one parse, schema compilation or validation.
///
/// libxml2 reports errors through C callbacks; each run gets its own collector, reached
/// through the parser context's `_private` or the validation context's user data, so no
/// global error handler is ever installed and concurrent runs never mix their errors.
final class DiagnosticCollector {
    let file: String
    let source: SourceText
    /// Finds the location of a libxml2 node, for errors that name one; the second argument
    /// is the (cleaned) message.
    var locate: (xmlNodePtr, String) -> SourceLocation? = { _, _ in nil }
    private(set) var errors: [XMLError] = []
    /// When set, validation reports go here as they are, instead of becoming messages.
    var validationReport: ((UnsafePointer<xmlError>) -> Void)?

    init(file: String, source: SourceText) {
        self.file = file
        self.source = source
    }

    func record(_ error: XMLError) {
        errors.append(error)
    }

    /// Records a libxml2 error, skipping warnings.
    func record(_ error: UnsafePointer<xmlError>) {
        if let validationReport {
            validationReport(error)
            return
        }
        let value = error.pointee
        guard value.level != XML_ERR_WARNING, value.level != XML_ERR_NONE else { return }
        let message = value.message.map { Self.message(String(cString: $0)) } ?? "unknown error"
        var location: SourceLocation?
        if let node = value.node {
            location = locate(node.assumingMemoryBound(to: xmlNode.self), message)
        }
        if location == nil {
            // Parser errors: line in `line`, column in `int2` (libxml2's documented use).
            let line = max(Int(value.line), 1)
            let column =
                value.domain == Int32(XML_FROM_PARSER.rawValue)
                    || value.domain == Int32(XML_FROM_NAMESPACE.rawValue) ? max(Int(value.int2), 1) : 1
            location = SourceLocation(file: file, line: line, column: column)
        }
        record(XMLError(message: message, location: location!))
    }

    /// Turns a libxml2 message into one line without libxml2-specific advice.
    static func message(_ raw: String) -> String {
        var lines = raw.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: " ")
        }
        lines.removeAll { $0.isEmpty }
        guard var first = lines.first else { return "unknown error" }
        if first.hasPrefix("Excessive depth in document: ") {
            let limit = first.dropFirst("Excessive depth in document: ".count).prefix { $0.isNumber }
            return "elements are nested more than \(limit) levels deep"
        }
        if first.hasPrefix("Input is not proper UTF-8") {
            first = "input is not proper UTF-8"
            if lines.count > 1, lines[1].hasPrefix("Bytes: ") {
                first += " (bytes \(lines[1].dropFirst("Bytes: ".count)))"
            }
            return first
        }
        var message = lines.joined(separator: " ").replacing(" , ", with: ", ")
        // RELAX NG messages may start with the reporting function's name.
        if message.hasPrefix("xmlRelaxNG"), let colon = message.firstIndex(of: ":"),
            !message[..<colon].contains(" ")
        {
            message = String(message[message.index(after: colon)...].drop { $0 == " " })
        }
        return message
    }

    /// The collector behind a parser context's `_private`.
    static func from(parserContext context: UnsafeMutableRawPointer?) -> DiagnosticCollector? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let collector = parser.pointee._private else { return nil }
        return Unmanaged<DiagnosticCollector>.fromOpaque(collector).takeUnretainedValue()
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return String(slice)
    }
}
