@testable import SafetyPlanner

/// The reference JSON parser: strict (RFC 8259) over UTF-8 bytes, with line and column on
/// every value, building a `JSONNode` tree. The product reads data with `DataReader` in
/// one pass; this parser and `DataValidator` are the two-pass oracle it is compared with
/// (`OnePassDataReadingTests`), sharing its error type, depth limit and hex digits.
///
/// It stops at the first syntax error and reports it with its position; it never
/// echoes the text of a string value back in a message.
struct JSONParser {
    /// A syntax error, as `DataReader` throws it (in the file the comparison reads, `f.json`).
    typealias SyntaxError = DataError

    static let maximumDepth = DataReader.maximumDepth

    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: column)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past one byte, keeping line and column; continuation bytes of a UTF-8
    /// sequence do not advance the column, so columns count characters.
    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func skipWhitespace() {
        while let byte = current,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r")
        {
            advance()
        }
    }

    mutating func parseValue() throws(SyntaxError) -> JSONNode {
        let (startLine, startColumn) = (line, column)
        guard let byte = current else { throw error("unexpected end of file; a value was expected") }
        let value: JSONNode.Value
        switch byte {
        case UInt8(ascii: "{"): value = try parseObject()
        case UInt8(ascii: "["): value = try parseArray()
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        default:
            if DataRules.isCurlyQuote(bytes, at: index) { throw error(DataRules.curlyQuotesMessage) }
            throw error("unexpected character; a value was expected")
        }
        return JSONNode(value: value, line: startLine, column: startColumn)
    }

    mutating func expectWord(_ word: StaticString) throws(SyntaxError) {
        let start = error("unexpected word; expected \(word)")
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard current == expected else { throw start }
            advance()
        }
        if let next = current, Self.isLetter(next) { throw start }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("lists and objects nest more than \(Self.maximumDepth) levels deep")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode.Value {
        try enter()
        advance()  // {
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return .object(members)
        }
        var comma = error("")
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") {
                    throw SyntaxError(
                        message: DataRules.trailingCommaMessage(before: "}"), line: comma.line, column: comma.column)
                }
                if DataRules.isCurlyQuote(bytes, at: index) { throw error(DataRules.curlyQuotesMessage) }
                throw error(
                    current == nil ? "unexpected end of file inside an object" : "expected a key in double quotes")
            }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONNode.Member(key: key, line: keyLine, column: keyColumn, value: value))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                comma = error("")
                advance()
            case UInt8(ascii: "}"):
                advance()
                depth -= 1
                return .object(members)
            case nil:
                throw error("unexpected end of file inside an object")
            default:
                throw error("expected ',' or '}' after an object member")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode.Value {
        try enter()
        advance()  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return .array(elements)
        }
        var comma: SyntaxError?
        while true {
            skipWhitespace()
            if let comma, current == UInt8(ascii: "]") {
                throw SyntaxError(
                    message: DataRules.trailingCommaMessage(before: "]"), line: comma.line, column: comma.column)
            }
            elements.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                comma = error("")
                advance()
            case UInt8(ascii: "]"):
                advance()
                depth -= 1
                return .array(elements)
            case nil:
                throw error("unexpected end of file inside a list")
            default:
                throw error("expected ',' or ']' after a list element")
            }
        }
    }

    mutating func parseNumber() throws(SyntaxError) -> String {
        let start = index
        let startError = error("malformed number")
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, Self.isDigit(first) else { throw startError }
        if first == UInt8(ascii: "0") {
            advance()
        } else {
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard let byte = current, Self.isDigit(byte) else { throw startError }
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let byte = current, Self.isDigit(byte) else { throw startError }
            while let byte = current, Self.isDigit(byte) { advance() }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    mutating func parseString() throws(SyntaxError) -> String {
        let open = error("unterminated string")
        advance()  // "
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ end: Int) throws(SyntaxError) {
            guard runStart < end else { return }
            guard let run = String(validating: bytes[runStart..<end], as: UTF8.self) else {
                throw SyntaxError(message: "text is not valid UTF-8", line: open.line, column: open.column)
            }
            scalars.append(contentsOf: run.unicodeScalars)
        }
        while true {
            guard let byte = current else { throw open }
            switch byte {
            case UInt8(ascii: "\""):
                if scalars.isEmpty {
                    // No escape: the text is one run of the input, decoded once.
                    guard let text = String(validating: bytes[runStart..<index], as: UTF8.self) else {
                        throw SyntaxError(message: "text is not valid UTF-8", line: open.line, column: open.column)
                    }
                    advance()
                    return text
                }
                try flush(index)
                advance()
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(index)
                advance()
                scalars.append(try parseEscape())
                runStart = index
            case 0..<0x20:
                throw error("a control character must be escaped inside a string")
            default:
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
        let bad = error("invalid escape sequence")
        guard let byte = current else { throw bad }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4(bad)
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\") else { throw bad }
                advance()
                guard current == UInt8(ascii: "u") else { throw bad }
                advance()
                let low = try parseHex4(bad)
                guard (0xDC00..<0xE000).contains(low) else { throw bad }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw bad }
            return scalar
        default:
            throw bad
        }
    }

    private mutating func parseHex4(_ bad: SyntaxError) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = DataReader.hexDigit(byte) else { throw bad }
            value = value << 4 | UInt32(digit)
            advance()
        }
        return value
    }
}

extension DataError {
    /// A syntax error of the reference parser, in the file the comparison reads (`f.json`).
    init(message: String, line: Int, column: Int) {
        self.init(file: "f.json", line: line, column: column, path: nil, message: message)
    }
}
