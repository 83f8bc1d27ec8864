@testable import SafetyPlanner

/// The two-pass reference reader: a parsed JSON tree checked against a `DataShape`,
/// collecting every problem. `PlanData.parse` reads files in one pass
/// (`DataReader`); `OnePassDataReadingTests` compares the two.
struct DataValidator {
    var file: String
    var errors: [DataError] = []

    init(file: String) {
        self.file = file
    }

    /// Returns the validated value, or nil (with errors recorded) when the node does not fit.
    /// `null` validates to nil without an error: it means "not given".
    mutating func validate(_ node: JSONNode, against shape: DataShape, path: String) -> DataValue? {
        validate(node, against: shape, path: { path })
    }

    /// `validate(_:against:path:)` with the path made only when a problem is reported:
    /// building it for every value was a large part of reading a record.
    private mutating func validate(_ node: JSONNode, against shape: DataShape, path: () -> String) -> DataValue? {
        if case .null = node.value { return nil }
        switch (shape, node.value) {
        case (.text(let rule), .string(let text)):
            return validateText(text, rule: rule, node: node, path: path)
        case (.integer(let range), .number(let literal)):
            guard let value = DataRules.integer(literal, in: range) else {
                report(node, path, DataRules.integerProblem(range))
                return nil
            }
            return value
        case (.list(let elementShape), .array(let elements)):
            var values: [DataValue] = []
            for (offset, element) in elements.enumerated() {
                if let value = validate(element, against: elementShape, path: { "\(path())[\(offset)]" }) {
                    values.append(value)
                }
            }
            return .list(values)
        case (.record(let fields), .object(let members)):
            return validateRecord(members, fields: fields, path: path)
        default:
            report(node, path, "expected \(shape.typeName), found \(node.typeName)")
            return nil
        }
    }

    private mutating func validateText(_ text: String, rule: DataShape.TextRule, node: JSONNode, path: () -> String)
        -> DataValue?
    {
        if let problem = DataRules.textProblem(text, rule: rule) {
            report(node, path, problem)
            return nil
        }
        return .text(DataRules.canonicalText(text, rule: rule))
    }

    private mutating func validateRecord(_ members: [JSONNode.Member], fields: [DataFieldShape], path: () -> String)
        -> DataValue
    {
        var values = DataRecord()
        var seen: Set<String> = []
        // Few keys are compared with the earlier ones directly rather than hashed.
        let isSmall = members.count <= 16
        for (position, member) in members.enumerated() {
            func memberPath() -> String {
                let parent = path()
                return parent.isEmpty ? member.key : "\(parent).\(member.key)"
            }
            let isDuplicate =
                isSmall
                ? members[..<position].contains { $0.key == member.key } : !seen.insert(member.key).inserted
            let known = fields.first(where: { $0.name == member.key })
            guard !isDuplicate else {
                errors.append(
                    DataError(
                        file: file, line: member.line, column: member.column,
                        path: known == nil ? DataRules.unknownKeyPath(parent: path()) : memberPath(),
                        message: "duplicate key"
                    ))
                continue
            }
            guard let field = known else {
                errors.append(
                    DataError(
                        file: file, line: member.line, column: member.column,
                        path: DataRules.unknownKeyPath(parent: path()),
                        message: DataRules.unknownKeyMessage(member.key, fields: fields)))
                continue
            }
            if let value = validate(member.value, against: field.shape, path: memberPath) {
                values[member.key] = value
            }
        }
        return .record(values)
    }

    private mutating func report(_ node: JSONNode, _ path: () -> String, _ message: String) {
        let path = path()
        errors.append(
            DataError(
                file: file, line: node.line, column: node.column, path: path.isEmpty ? nil : path, message: message))
    }
}

extension JSONParser {
    /// Parses one JSON document; only whitespace may follow it.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        if DataRules.looksLikeUTF16(bytes) { throw parser.error(DataRules.utf16Message) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.error("the data file is empty") }
        let node = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("unexpected text after the end of the JSON value")
        }
        return node
    }
}
