/// Reading a data file in one pass: the bytes are parsed and validated against a
/// `DataShape` at once, straight into `DataValue`s, without the `JSONNode` tree that
/// `JSONParser.parse` builds (building and freeing it was a large part of reading a record;
/// see Benchmarks/README.md).
///
/// It reports what parsing and then validating the tree report, in the same order: a syntax
/// error stops reading and is the only error; otherwise every validation problem is
/// collected in reading order. A value that is not validated (under a duplicate or
/// unknown key, or of the wrong type) is still parsed, for its syntax.
extension JSONParser {
    /// Parses one JSON document and validates it against `shape`; returns the validated
    /// value (nil for `null` or a value of the wrong type) and the problems found.
    static func parse(
        _ bytes: [UInt8], validating shape: DataShape, file: String
    ) throws(SyntaxError) -> (value: DataValue?, errors: [DataError]) {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.error("the data file is empty") }
        var errors: [DataError] = []
        let value = try parser.parseValue(against: shape, path: { "" }, file: file, errors: &errors)
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("unexpected text after the end of the JSON value")
        }
        return (value, errors)
    }

    /// Parses a value and validates it against `shape`, as the two-pass reference reader in the tests does;
    /// `path` is made only when a problem is reported.
    private mutating func parseValue(
        against shape: DataShape, path: () -> String, file: String, errors: inout [DataError]
    ) throws(SyntaxError) -> DataValue? {
        let (startLine, startColumn) = (line, column)
        guard let byte = current else { throw error("unexpected end of file; a value was expected") }
        switch (byte, shape) {
        case (UInt8(ascii: "{"), .record(let fields)):
            return try parseRecord(fields: fields, path: path, file: file, errors: &errors)
        case (UInt8(ascii: "["), .list(let elementShape)):
            return try parseList(of: elementShape, path: path, file: file, errors: &errors)
        case (UInt8(ascii: "\""), .text(let rule)):
            let text = try parseString()
            if let problem = DataRules.textProblem(text, rule: rule) {
                errors.append(Self.problem(file, startLine, startColumn, path, problem))
                return nil
            }
            return .text(text)
        case (UInt8(ascii: "-"), .integer(let range)), (UInt8(ascii: "0")...UInt8(ascii: "9"), .integer(let range)):
            let literal = try parseNumber()
            guard let value = DataRules.integer(literal, in: range) else {
                errors.append(Self.problem(file, startLine, startColumn, path, DataRules.integerProblem(range)))
                return nil
            }
            return value
        default:
            // `null` (not given), a value of the wrong type, or a syntax error: parsed as a tree.
            let node = try parseValue()
            if case .null = node.value { return nil }
            errors.append(
                Self.problem(
                    file, startLine, startColumn, path, "expected \(shape.typeName), found \(node.typeName)"))
            return nil
        }
    }

    private static func problem(
        _ file: String, _ line: Int, _ column: Int, _ path: () -> String, _ message: String
    ) -> DataError {
        let path = path()
        return DataError(file: file, line: line, column: column, path: path.isEmpty ? nil : path, message: message)
    }

    private mutating func parseRecord(
        fields: [DataFieldShape], path: () -> String, file: String, errors: inout [DataError]
    ) throws(SyntaxError) -> DataValue {
        try enter()
        advance()  // {
        var values: [String: DataValue] = [:]
        // The keys read so far, for duplicates: few are compared directly, more are hashed.
        var keys: [String] = []
        var seen: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return .record(values)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw error(
                    current == nil ? "unexpected end of file inside an object" : "expected a key in double quotes")
            }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            advance()
            skipWhitespace()
            func memberPath() -> String {
                let parent = path()
                return parent.isEmpty ? key : "\(parent).\(key)"
            }
            let isDuplicate: Bool
            if keys.count < 16 {
                isDuplicate = keys.contains(key)
                keys.append(key)
                if keys.count == 16 { seen = Set(keys) }
            } else {
                isDuplicate = !seen.insert(key).inserted
            }
            if isDuplicate {
                errors.append(
                    DataError(
                        file: file, line: keyLine, column: keyColumn, path: memberPath(), message: "duplicate key"))
                _ = try parseValue()
            } else if let field = fields.first(where: { $0.name == key }) {
                if let value = try parseValue(against: field.shape, path: memberPath, file: file, errors: &errors) {
                    values[key] = value
                }
            } else {
                errors.append(
                    DataError(
                        file: file, line: keyLine, column: keyColumn, path: memberPath(),
                        message: DataRules.unknownKeyMessage(key, fields: fields)))
                _ = try parseValue()
            }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "}"):
                advance()
                depth -= 1
                return .record(values)
            case nil:
                throw error("unexpected end of file inside an object")
            default:
                throw error("expected ',' or '}' after an object member")
            }
        }
    }

    private mutating func parseList(
        of elementShape: DataShape, path: () -> String, file: String, errors: inout [DataError]
    ) throws(SyntaxError) -> DataValue {
        try enter()
        advance()  // [
        var values: [DataValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return .list(values)
        }
        var offset = 0
        while true {
            skipWhitespace()
            if let value = try parseValue(
                against: elementShape, path: { "\(path())[\(offset)]" }, file: file, errors: &errors)
            {
                values.append(value)
            }
            offset += 1
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "]"):
                advance()
                depth -= 1
                return .list(values)
            case nil:
                throw error("unexpected end of file inside a list")
            default:
                throw error("expected ',' or ']' after a list element")
            }
        }
    }
}
