/// Reading a data file in one pass: the bytes are parsed and validated against a
/// `DataShape` at once, straight into `DataValue`s, by `DataReader`, without the `JSONNode`
/// tree that `JSONParser.parse` builds (building and freeing it was a large part of
/// reading a record; see Benchmarks/README.md).
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
        try DataReader.read(bytes, shape: ReadingShape(shape), file: file)
    }

    /// `parse(_:validating:file:)` with a shape prepared once, such as `ReadingShape.planData`.
    static func parse(
        _ bytes: [UInt8], reading shape: ReadingShape, file: String
    ) throws(SyntaxError) -> (value: DataValue?, errors: [DataError]) {
        try DataReader.read(bytes, shape: shape, file: file)
    }
}
