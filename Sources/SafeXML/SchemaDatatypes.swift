import CLibXML2
import Synchronization

/// Checks values against a schema's `<data>` and `<value>` leaves with libxml2 itself, and
/// says in plain words what a leaf allows.
///
/// Each leaf is compiled once, on first use, into a schema of its own (`Leaf.probe`: one
/// element `v` whose text is the leaf), and a value is checked by validating `<v>value</v>`.
/// So a pattern, a length or a date means exactly what it means to libxml2's validation,
/// which found the document invalid in the first place.
final class SchemaDatatypes: Sendable {
    private let leaves: [Leaf]
    private let probes = Mutex<[Int: RelaxNGSchema]>([:])

    init(leaves: [Leaf]) {
        self.leaves = leaves
    }

    /// Whether the leaf allows `value`; a leaf libxml2 cannot check allows anything.
    func allows(_ index: Int, _ value: String) -> Bool {
        let leaf = leaves[index]
        if case .data(let library, let type, let parameters, let hasExcept) = leaf.kind, library.isEmpty,
            type == "string" || type == "token", parameters.isEmpty, !hasExcept
        {
            return true
        }
        let schema: RelaxNGSchema
        if let compiled = probes.withLock({ $0[index] }) {
            schema = compiled
        } else {
            guard let compiled = try? RelaxNGSchema(Array(leaf.probe.utf8), file: "probe.rng", explaining: false)
            else { return true }
            probes.withLock { $0[index] = compiled }
            schema = compiled
        }
        let document = "<v>" + Self.escaped(value) + "</v>"
        guard let parsed = try? ParsedDocument(Array(document.utf8), file: "probe.xml", maxBytes: Int(Int32.max))
        else { return true }
        return parsed.isValid(against: schema)
    }

    /// The schema that checks a value against `leaf` (a `<data>` or `<value>` element).
    static func probe(for leaf: Element, library: String, namespace: String) -> String {
        var attributes = leaf.attributes.filter {
            $0.namespace == nil && $0.name != "datatypeLibrary" && $0.name != "ns"
        }
        .map { " \($0.name)=\"\(escaped($0.value))\"" }.joined()
        attributes += " datatypeLibrary=\"\(escaped(library))\" ns=\"\(escaped(namespace))\""
        return "<element xmlns=\"\(SchemaModel.structureNamespace)\" name=\"v\" ns=\"\">"
            + "<\(leaf.name)\(attributes)>\(serializedChildren(of: leaf))</\(leaf.name)></element>"
    }

    /// The RELAX NG children of a leaf (`param`, `except` and what it holds) and its text.
    private static func serializedChildren(of element: Element) -> String {
        var result = ""
        for child in element.children {
            switch child {
            case .text(let text):
                result += escaped(text)
            case .element(let child) where child.namespace == SchemaModel.structureNamespace:
                let attributes = child.attributes.filter { $0.namespace == nil }.map {
                    " \($0.name)=\"\(escaped($0.value))\""
                }.joined()
                result += "<\(child.name)\(attributes)>\(serializedChildren(of: child))</\(child.name)>"
            case .element:
                break  // annotations
            }
        }
        return result
    }

    /// Text as XML character data or attribute value, carriage returns kept.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: Plain words

    /// What a pattern allows, as a noun phrase ("line or organisation", "a date written
    /// YYYY-MM-DD"), or nil when it cannot be said without the schema's own words (a
    /// pattern parameter).
    func describe(_ pattern: Pattern) -> String? {
        switch pattern {
        case .leaf(let index):
            return describe(leaves[index])
        case .choice:
            let value = Self.withoutAttributes(pattern)
            if value != pattern { return describe(value) }
            let alternatives = pattern.alternatives.filter { $0 != .empty }
            let values = alternatives.compactMap { alternative -> String? in
                if case .leaf(let index) = alternative, case .value(_, _, let text) = leaves[index].kind {
                    return "\"\(text.trimmingSpaces)\""
                }
                return nil
            }
            if values.count == alternatives.count { return Self.oneOf(values) }
            let phrases = alternatives.map(describe)
            guard phrases.allSatisfy({ $0 != nil }) else { return nil }
            return Self.oneOf(phrases.map { $0! })
        case .list(let inner):
            var item = inner
            if case .oneOrMore(let repeated) = inner { item = repeated }
            if case .choice(.oneOrMore(let repeated), .empty) = inner { item = repeated }
            if case .leaf(let index) = item, case .data(_, let type, let parameters, false) = leaves[index].kind,
                type == "token" || type == "string", parameters.isEmpty
            {
                return "one or more words, separated by spaces"
            }
            guard let words = describe(item) else { return nil }
            if case .leaf(let index) = item, case .data = leaves[index].kind {
                return "one or more of \(words), separated by spaces"
            }
            return "one or more of \(words.replacing(" or ", with: ", ")), separated by spaces"
        case .group, .interleave:
            // An element's content: its attributes are said apart.
            let value = Self.withoutAttributes(pattern)
            return value == pattern ? nil : describe(value)
        default:
            return nil
        }
    }

    private func describe(_ leaf: Leaf) -> String? {
        switch leaf.kind {
        case .value(_, _, let text):
            return "\"\(text.trimmingSpaces)\""
        case .data(let library, let type, let parameters, let hasExcept):
            guard !hasExcept else { return nil }
            var minimum: String?
            var maximum: String?
            for parameter in parameters {
                switch parameter.name {
                case "minLength": minimum = parameter.value.trimmingSpaces
                case "maxLength": maximum = parameter.value.trimmingSpaces
                default: return nil  // a pattern, or another facet: the schema's own words are needed
                }
            }
            if ["string", "token", "normalizedString"].contains(type) {
                var parts = ["plain text"]
                if let minimum, minimum != "0" {
                    parts.append(minimum == "1" ? "not empty" : "at least \(minimum) characters")
                }
                if let maximum { parts.append("at most \(maximum) characters") }
                return parts.joined(separator: ", ")
            }
            guard !library.isEmpty, minimum == nil, maximum == nil else { return nil }
            switch type {
            case "date": return "a date written YYYY-MM-DD, e.g. 2026-11-29"
            case "positiveInteger": return "a whole number from 1 up, e.g. 3"
            case "nonNegativeInteger": return "a whole number from 0 up"
            case "integer": return "a whole number"
            case "boolean": return "true or false"
            case "language": return "a language tag, e.g. en or es-MX"
            case "NCName":
                return "a name of letters, digits, hyphens, underscores and full stops that starts with a letter"
            case "anyURI": return "a web address"
            default: return nil
            }
        }
    }

    /// A pattern with its attributes left out (what an element's text must be).
    static func withoutAttributes(_ pattern: Pattern) -> Pattern {
        switch pattern {
        case .attribute: return .empty
        case .group(let a, let b): return .sequence(withoutAttributes(a), withoutAttributes(b))
        case .interleave(let a, let b): return .interleaving(withoutAttributes(a), withoutAttributes(b))
        case .choice(let a, let b): return .either(withoutAttributes(a), withoutAttributes(b))
        default: return pattern
        }
    }

    /// "a", "a or b", "a, b or c".
    static func oneOf(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}
