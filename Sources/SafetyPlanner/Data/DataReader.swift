/// Reads a data file in one pass: the bytes are parsed as strict JSON (RFC 8259) and
/// validated against a `ReadingShape` at once, straight into `DataValue`s.
///
/// The data file is read with our own reader rather than Foundation's `JSONDecoder`
/// because a plan's data needs what that decoder cannot give: the line and column of a
/// syntax error, duplicate keys reported instead of silently dropped, and problems reported
/// in reading order. A syntax error stops reading and is the only error; otherwise every
/// validation problem is collected in reading order. (The tests keep a two-pass reader —
/// a tree parser, then a validator — that this one must agree with.) A value that is not validated (under a duplicate
/// or unknown key, or of the wrong type) is still scanned, for its syntax.
///
/// What made reading a record expensive is done only when needed: positions are kept as
/// byte offsets and turned into a line and column when a problem is reported; a key written
/// plainly in ASCII is matched by its bytes; text without escapes becomes a `String` from
/// its bytes in one copy; paths are made only for messages.
struct DataReader {
    /// How deep arrays and objects may nest; the data file needs four levels at most.
    static let maximumDepth = 32

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    /// Where reading starts: after a byte order mark, which is not counted in columns.
    let start: Int
    var index: Int
    var depth = 0
    var errors: [DataError] = []
    /// The last position worked out, to count lines and columns from.
    var mark: (offset: Int, line: Int, column: Int)
    /// The elements read so far of the lists being read, a stack.
    var elements: [DataValue] = []
    /// The UTF-8 of a string with escapes, as it is decoded.
    var decoded: [UInt8] = []
    /// The catalog's sign ids that `.signID` text must be one of; nil: checked for form only.
    var signIDs: [String]?

    /// Reads one JSON document and validates it against `shape`; returns the validated
    /// value (nil for `null` or a value of the wrong type) and the problems found.
    static func read(
        _ bytes: [UInt8], shape: ReadingShape, file: String, signIDs: [String]? = nil
    ) throws(DataError) -> (value: DataValue?, errors: [DataError]) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
            var reader = DataReader(bytes: buffer, file: file)
            reader.signIDs = signIDs
            return try reader.readDocument(shape)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        start = hasByteOrderMark ? 3 : 0
        index = start
        mark = (start, 1, 1)
        // Enough for a usual record, so that the stack is not grown element by element.
        elements.reserveCapacity(32)
    }

    private mutating func readDocument(_ shape: ReadingShape) throws(DataError) -> (DataValue?, [DataError]) {
        if DataRules.looksLikeUTF16(bytes) { throw error(DataRules.utf16Message, at: 0) }
        skipWhitespace()
        guard index < bytes.count else { throw error("the data file is empty") }
        let valueStart = index
        if shape.kind == .record, current != UInt8(ascii: "{") {
            // Not an object: its syntax first, then what the top level must be.
            let typeName = try skipValue()
            skipWhitespace()
            guard index == bytes.count else { throw error("unexpected text after the end of the JSON value") }
            throw error(DataRules.notAnObjectMessage(found: typeName ?? "null"), at: valueStart)
        }
        let value = try readValue(shape, path: { "" })
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the end of the JSON value") }
        return (value, errors)
    }

    // MARK: Positions and problems

    /// The line and column of `offset`, counted as the tests' reference parser counts them: a line feed
    /// starts a line, and every byte but a UTF-8 continuation byte is a column.
    private func position(of offset: Int) -> (offset: Int, line: Int, column: Int) {
        var (line, column) = (mark.line, mark.column)
        var from = mark.offset
        if offset < from { (from, line, column) = (start, 1, 1) }
        for byte in bytes[from..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (offset, line, column)
    }

    /// A syntax error at a position: it stops reading. The message never contains input
    /// text, because the data describes a young person and the people around them.
    private func error(_ message: String, at offset: Int? = nil) -> DataError {
        let (_, line, column) = position(of: offset ?? index)
        return DataError(file: file, line: line, column: column, path: nil, message: message)
    }

    /// Records a problem with the value at `offset`; an empty path is the whole file's.
    private mutating func problem(at offset: Int, path: String?, _ message: String) {
        mark = position(of: offset)
        errors.append(DataError(file: file, line: mark.line, column: mark.column, path: path, message: message))
    }

    // MARK: Bytes

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                    || byte == UInt8(ascii: "\r")
            else { return }
            index += 1
        }
    }

    private mutating func enter() throws(DataError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("lists and objects nest more than \(Self.maximumDepth) levels deep")
        }
    }

    // MARK: Validated values

    /// Reads a value and validates it against `shape`; `path` is made only when a problem is reported.
    private mutating func readValue(_ shape: ReadingShape, path: () -> String) throws(DataError) -> DataValue? {
        let start = index
        guard let byte = current else { throw error("unexpected end of file; a value was expected") }
        switch shape.kind {
        case .record where byte == UInt8(ascii: "{"):
            return try readRecord(shape, path: path)
        case .list where byte == UInt8(ascii: "["):
            return try readList(of: shape.element!, path: path)
        case .text where byte == UInt8(ascii: "\""):
            let text = try readString()
            if shape.rule != .any, let problem = DataRules.textProblem(text, rule: shape.rule, signIDs: signIDs) {
                report(at: start, path: path, problem)
                return nil
            }
            return .text(shape.rule == .stage ? DataRules.canonicalText(text, rule: .stage) : text)
        case .integer where byte == UInt8(ascii: "-") || Self.isDigit(byte):
            let literal = try readNumber()
            guard let value = DataRules.integer(literal, in: shape.range) else {
                report(at: start, path: path, DataRules.integerProblem(shape.range))
                return nil
            }
            return value
        default:
            // `null` (not given), a value of the wrong type, or a syntax error.
            let typeName = try skipValue()
            guard let typeName else { return nil }
            report(at: start, path: path, "expected \(shape.shape.typeName), found \(typeName)")
            return nil
        }
    }

    private mutating func report(at offset: Int, path: () -> String, _ message: String) {
        let path = path()
        problem(at: offset, path: path.isEmpty ? nil : path, message)
    }

    private mutating func readRecord(_ record: ReadingShape, path: () -> String) throws(DataError)
        -> DataValue
    {
        try enter()
        index += 1  // {
        // Room for the fields up front: a record rarely has unknown keys.
        var values = DataRecord(capacity: record.recordCapacity)
        // The fields read so far, for duplicates; and the unknown keys, compared directly while few.
        var seenFields = SmallBitSet()
        var unknownKeys: [String] = []
        var unknownKeySet: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .record(values)
        }
        // The last comma between members, for a comma just before `}`.
        var comma = index
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw keyExpected(comma: comma) }
            let keyStart = index
            let token = try readStringToken()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            skipWhitespace()
            // The key as written, and the field it names.
            let key: String
            let field: Int?
            if case .plain(let range, isASCII: true) = token, record.hasASCIIKeys {
                field = record.field(named: range, in: bytes)
                key = field.map { record.fields[$0].name } ?? Self.string(token, in: bytes)
            } else {
                key = Self.string(token, in: bytes)
                field = record.field(named: key)
            }
            func memberPath() -> String {
                let parent = path()
                return parent.isEmpty ? key : "\(parent).\(key)"
            }
            let isDuplicate: Bool
            if let field {
                isDuplicate = !seenFields.insert(field)
            } else if unknownKeys.count < 16 {
                isDuplicate = unknownKeys.contains(key)
                unknownKeys.append(key)
                if unknownKeys.count == 16 { unknownKeySet = Set(unknownKeys) }
            } else {
                isDuplicate = !unknownKeySet.insert(key).inserted
            }
            if isDuplicate {
                // An unknown key is not printed, even when it is given twice.
                problem(
                    at: keyStart, path: field == nil ? DataRules.unknownKeyPath(parent: path()) : memberPath(),
                    "duplicate key")
                _ = try skipValue()
            } else if let field {
                if let value = try readValue(record.fieldShapes[field], path: memberPath) {
                    values.appendNew(key, value)
                }
            } else {
                problem(
                    at: keyStart, path: DataRules.unknownKeyPath(parent: path()),
                    DataRules.unknownKeyMessage(key, fields: record.fields))
                _ = try skipValue()
            }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                comma = index
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .record(values)
            case nil:
                throw error("unexpected end of file inside an object")
            default:
                throw error("expected ',' or '}' after an object member")
            }
        }
    }

    /// The error where a key was expected (after `{` or the comma at `comma`): a comma
    /// just before `}`, curly quotes, the end of the file, or anything else.
    private func keyExpected(comma: Int) -> DataError {
        if current == UInt8(ascii: "}") { return error(DataRules.trailingCommaMessage(before: "}"), at: comma) }
        if DataRules.isCurlyQuote(bytes, at: index) { return error(DataRules.curlyQuotesMessage) }
        return error(current == nil ? "unexpected end of file inside an object" : "expected a key in double quotes")
    }

    private mutating func readList(of element: ReadingShape, path: () -> String) throws(DataError) -> DataValue {
        try enter()
        index += 1  // [
        let base = elements.count
        defer { elements.removeSubrange(base...) }
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .list([])
        }
        var offset = 0
        var comma = index
        while true {
            skipWhitespace()
            if offset > 0, current == UInt8(ascii: "]") {
                throw error(DataRules.trailingCommaMessage(before: "]"), at: comma)
            }
            if let value = try readValue(element, path: { "\(path())[\(offset)]" }) {
                elements.append(value)
            }
            offset += 1
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                comma = index
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .list(Array(elements[base...]))
            case nil:
                throw error("unexpected end of file inside a list")
            default:
                throw error("expected ',' or ']' after a list element")
            }
        }
    }

    // MARK: Values not validated

    /// Scans a value for its syntax only; returns its type's name as messages say it, or
    /// nil for `null`.
    private mutating func skipValue() throws(DataError) -> String? {
        guard let byte = current else { throw error("unexpected end of file; a value was expected") }
        switch byte {
        case UInt8(ascii: "{"):
            try skipObject()
            return "an object"
        case UInt8(ascii: "["):
            try skipArray()
            return "a list"
        case UInt8(ascii: "\""):
            _ = try readStringToken()
            return "text"
        case UInt8(ascii: "t"):
            try expectWord("true")
            return "a boolean"
        case UInt8(ascii: "f"):
            try expectWord("false")
            return "a boolean"
        case UInt8(ascii: "n"):
            try expectWord("null")
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber()
            return "a number"
        default:
            if DataRules.isCurlyQuote(bytes, at: index) { throw error(DataRules.curlyQuotesMessage) }
            throw error("unexpected character; a value was expected")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(DataError) {
        let start = index
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard current == expected else { throw error("unexpected word; expected \(word)", at: start) }
            index += 1
        }
        if let next = current, Self.isLetter(next) { throw error("unexpected word; expected \(word)", at: start) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private mutating func skipObject() throws(DataError) {
        try enter()
        index += 1  // {
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        // The last comma between members, for a comma just before `}`.
        var comma = index
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw keyExpected(comma: comma) }
            _ = try readStringToken()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            skipWhitespace()
            _ = try skipValue()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                comma = index
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return
            case nil:
                throw error("unexpected end of file inside an object")
            default:
                throw error("expected ',' or '}' after an object member")
            }
        }
    }

    private mutating func skipArray() throws(DataError) {
        try enter()
        index += 1  // [
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        var (comma, isFirst) = (index, true)
        while true {
            skipWhitespace()
            if !isFirst, current == UInt8(ascii: "]") {
                throw error(DataRules.trailingCommaMessage(before: "]"), at: comma)
            }
            isFirst = false
            _ = try skipValue()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                comma = index
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return
            case nil:
                throw error("unexpected end of file inside a list")
            default:
                throw error("expected ',' or ']' after a list element")
            }
        }
    }

    // MARK: Numbers

    /// Reads a number and returns it as written.
    private mutating func readNumber() throws(DataError) -> String {
        let start = index
        try skipNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func skipNumber() throws(DataError) {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw error("malformed number", at: start) }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let byte = current, Self.isDigit(byte) else { throw error("malformed number", at: start) }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, Self.isDigit(byte) else { throw error("malformed number", at: start) }
            skipDigits()
        }
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    // MARK: Strings

    /// A string read from the input: a run of its bytes when it has no escape (valid UTF-8,
    /// checked), or the decoded text.
    private enum StringToken {
        case plain(Range<Int>, isASCII: Bool)
        case decoded(String)
    }

    /// The text of a string read.
    private static func string(_ token: StringToken, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch token {
        case .plain(let range, let isASCII):
            let span = UnsafeBufferPointer(rebasing: bytes[range]).span
            return String(copying: UTF8Span(unchecked: span, isKnownASCII: isASCII))
        case .decoded(let text):
            return text
        }
    }

    private mutating func readString() throws(DataError) -> String {
        Self.string(try readStringToken(), in: bytes)
    }

    /// Reads a string, with the index at its opening quote.
    private mutating func readStringToken() throws(DataError) -> StringToken {
        let open = index
        let (end, isASCII) = Self.scanRun(bytes, from: open + 1)
        index = end
        guard end < bytes.count else { throw error("unterminated string", at: open) }
        switch bytes[end] {
        case UInt8(ascii: "\\"):
            return .decoded(try readEscapedString(open: open, runStart: open + 1, isASCII: isASCII))
        case UInt8(ascii: "\""):
            let range = (open + 1)..<end
            if !isASCII { try validate(range, open: open) }
            index += 1
            return .plain(range, isASCII: isASCII)
        default:
            throw error("a control character must be escaped inside a string")
        }
    }

    /// Finds where a run of a string's bytes ends: the offset of the first quote, backslash
    /// or control character from `start` (or the end of the input), and whether the bytes
    /// before it are ASCII. Eight bytes are looked at a time while none of them ends the run.
    @inline(__always)
    private static func scanRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, isASCII: Bool) {
        let count = bytes.count
        var index = start
        var bits: UInt64 = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let high: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
                let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
                // The high bit of each byte that ends the run, and perhaps of bytes after
                // it, never of bytes before it (a borrow only moves up).
                let ends =
                    (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word))
                    & high
                #if _endian(little)
                    if ends != 0 {
                        let before = ends.trailingZeroBitCount / 8
                        bits |= word & ~(UInt64.max << (8 * before))
                        return (index + before, bits & high == 0)
                    }
                #else
                    if ends != 0 { break }
                #endif
                bits |= word
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            bits |= UInt64(byte)
            index += 1
        }
        return (index, bits & 0x8080_8080_8080_8080 == 0)
    }

    /// Reads the rest of a string from its first escape, at the index; the run before it
    /// starts at `runStart` and is ASCII or not as `isASCII` says.
    private mutating func readEscapedString(open: Int, runStart: Int, isASCII: Bool) throws(DataError) -> String {
        decoded.removeAll(keepingCapacity: true)
        decoded.reserveCapacity(512)
        var (runStart, isASCII) = (runStart, isASCII)
        while true {
            guard index < bytes.count else { throw error("unterminated string", at: open) }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                if !isASCII { try validate(runStart..<index, open: open) }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                return decoded.withUnsafeBufferPointer { String(copying: UTF8Span(unchecked: $0.span)) }
            case UInt8(ascii: "\\"):
                if !isASCII { try validate(runStart..<index, open: open) }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                let scalar = try readEscape()
                if scalar.isASCII {
                    decoded.append(UInt8(scalar.value))
                } else {
                    decoded.append(contentsOf: scalar.utf8)
                }
                runStart = index
                (index, isASCII) = Self.scanRun(bytes, from: index)
            default:
                throw error("a control character must be escaped inside a string")
            }
        }
    }

    /// Checks that the bytes of a run of a string are UTF-8.
    private func validate(_ range: Range<Int>, open: Int) throws(DataError) {
        guard (try? UTF8Span(validating: UnsafeBufferPointer(rebasing: bytes[range]).span)) != nil else {
            throw error("text is not valid UTF-8", at: open)
        }
    }

    /// Reads an escape sequence after its backslash.
    private mutating func readEscape() throws(DataError) -> Unicode.Scalar {
        let escape = index
        var bad: DataError { error("invalid escape sequence", at: escape) }
        guard let byte = current else { throw bad }
        index += 1
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
            guard let high = readHex4() else { throw bad }
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\") else { throw bad }
                index += 1
                guard current == UInt8(ascii: "u") else { throw bad }
                index += 1
                guard let low = readHex4(), (0xDC00..<0xE000).contains(low) else { throw bad }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw bad }
            return scalar
        default:
            throw bad
        }
    }

    /// Reads four hexadecimal digits, or returns nil at the first byte that is not one.
    private mutating func readHex4() -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigit(byte) else { return nil }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The value of an ASCII hexadecimal digit, or nil.
    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// A set of small non-negative integers (field indices): a word for the first 64, a `Set` beyond.
struct SmallBitSet {
    private var word: UInt64 = 0
    private var rest: Set<Int> = []

    /// Inserts `member`; returns whether it was not there before.
    mutating func insert(_ member: Int) -> Bool {
        guard member < 64 else { return rest.insert(member).inserted }
        let bit: UInt64 = 1 << member
        defer { word |= bit }
        return word & bit == 0
    }

}
