/// Plain words for libxml2's own validation reports, when `SchemaExplainer` cannot word a
/// problem (a schema construct the model does not know, or a walk that found nothing).
///
/// libxml2's messages name its internals ("Element call failed to validate content") and
/// one of them holds a value from the document ("Extra data in list: …"), so none is
/// shown: each report's code becomes a sentence that names the element, and the schema to
/// read for the rule. Reports at the same element become one message.
enum SchemaFallback {
    /// One libxml2 validation report, without its message.
    struct Report {
        /// libxml2's `xmlRelaxNGValidErr` code.
        var code: Int
        /// The element the report is about (its qualified name), if it names one.
        var element: String?
        /// A name from the schema or the markup that the code says `str1` holds (an
        /// expected element, an attribute's name); never a value.
        var name: String?
        var location: SourceLocation
    }

    // The codes of libxml2's xmlRelaxNGValidErr (relaxng.h) that are worded here.
    static let listExtra = 8, elementName = 13, elementNoNamespace = 15, elementWrongNamespace = 17
    static let elementNotEmpty = 21, noElement = 22, attributeValid = 24, contentValid = 25
    static let extraContent = 26, invalidAttribute = 27, dataElement = 28, datatype = 31, value = 32, list = 33
    static let elementWrong = 38, textWrong = 39

    /// The problems the reports tell of, one per element, in the reports' order; one at the
    /// root when there is none.
    static func problems(_ reports: [Report], schemaFile: String, root: SourceLocation) -> [XMLError] {
        var chosen: [SourceLocation: Report] = [:]
        var order: [SourceLocation] = []
        for report in reports {
            guard let existing = chosen[report.location] else {
                chosen[report.location] = report
                order.append(report.location)
                continue
            }
            // The more telling report at one place: not the summary "failed to validate".
            if [attributeValid, contentValid].contains(existing.code),
                ![attributeValid, contentValid].contains(report.code)
            {
                chosen[report.location] = report
            }
        }
        let problems = order.map { XMLError(message: message(chosen[$0]!, schemaFile: schemaFile), location: $0) }
        return problems.isEmpty
            ? [
                XMLError(
                    message: "the file does not follow \(schemaFile); compare it with \(schemaFile)", location: root)
            ]
            : problems
    }

    static func message(_ report: Report, schemaFile: String) -> String {
        let element = report.element.map { "<\($0)>" } ?? "this element"
        let name = report.name.flatMap { $0.isEmpty ? nil : $0 }
        switch report.code {
        case elementWrong:
            return "\(element) cannot come here; see where it goes in \(schemaFile)"
        case textWrong:
            return "text is not allowed directly in \(element); put it inside one of its elements, or remove it"
        case invalidAttribute:
            return name.map {
                "the attribute '\($0)' on \(element) is not allowed, or its value is not in a form \(schemaFile) allows"
            }
                ?? "\(element) has an attribute \(schemaFile) does not allow"
        case attributeValid:
            return "\(element) lacks an attribute, or has one whose value is not in a form \(schemaFile) allows"
        case noElement:
            return name.map { "\(element) is missing <\($0)>" }
                ?? "\(element) is missing an element; see what it holds in \(schemaFile)"
        case elementName:
            return name.map { "<\($0)> comes here, not \(element)" } ?? "\(element) cannot come here; see \(schemaFile)"
        case elementNoNamespace, elementWrongNamespace:
            return "\(element) needs the namespace \(schemaFile) gives it"
        case dataElement:
            return "\(element) holds only text; remove the elements in it"
        case elementNotEmpty:
            return "\(element) must be empty"
        case extraContent:
            return "\(element) holds more than \(schemaFile) allows"
        case listExtra, contentValid, datatype, value, list:
            return "\(element) holds something in a form \(schemaFile) does not allow; see its rule there"
        default:
            return "\(element) does not follow \(schemaFile); see its rule there"
        }
    }
}
