/// A `DataShape` prepared for `DataReader`: each record's keys as bytes, so that a key
/// written plainly in ASCII is matched without making a `String` of it.
///
/// `planData` is prepared once; `init(_:)` prepares any other shape.
final class ReadingShape: Sendable {
    enum Kind: Sendable {
        case text
        case integer
        case list
        case record
    }

    /// A record's key as bytes: its length and its first 16 bytes, zero-padded, as two words.
    struct Key: Sendable {
        var count: Int
        var low: UInt64
        var high: UInt64

        init<C: Collection<UInt8>>(_ bytes: C) {
            count = bytes.count
            (low, high) = (0, 0)
            for (offset, byte) in bytes.prefix(16).enumerated() {
                if offset < 8 {
                    low |= UInt64(byte) << (8 * offset)
                } else {
                    high |= UInt64(byte) << (8 * (offset - 8))
                }
            }
        }
    }

    /// The shape, for messages.
    let shape: DataShape
    let kind: Kind
    /// The rule of a text shape.
    let rule: DataShape.TextRule
    /// The range of an integer shape.
    let range: ClosedRange<Int>
    /// The element shape of a list shape.
    let element: ReadingShape?
    /// The fields of a record shape, their shapes and their names as keys.
    let fields: [DataFieldShape]
    let fieldShapes: [ReadingShape]
    let keys: [Key]
    /// Whether every field name is ASCII: only then is a plain ASCII key matched by its
    /// bytes, since an ASCII key equals (as `String`s do) an ASCII name only when their bytes do.
    let hasASCIIKeys: Bool

    init(_ shape: DataShape) {
        self.shape = shape
        var (rule, range, element) = (DataShape.TextRule.any, 0...0, ReadingShape?.none)
        var fields: [DataFieldShape] = []
        switch shape {
        case .text(let textRule):
            kind = .text
            rule = textRule
        case .integer(let integerRange):
            kind = .integer
            range = integerRange
        case .list(let elementShape):
            kind = .list
            element = ReadingShape(elementShape)
        case .record(let recordFields):
            kind = .record
            fields = recordFields
        }
        (self.rule, self.range, self.element, self.fields) = (rule, range, element, fields)
        fieldShapes = fields.map { ReadingShape($0.shape) }
        keys = fields.map { Key($0.name.utf8) }
        hasASCIIKeys = fields.allSatisfy { $0.name.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The index of the field named by the ASCII bytes `name`, or nil; needs `hasASCIIKeys`.
    func field(named name: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = name.count
        var (low, high): (UInt64, UInt64) = (0, 0)
        var offset = 0
        while offset < count && offset < 8 {
            low |= UInt64(name[offset]) << (8 * offset)
            offset += 1
        }
        while offset < count && offset < 16 {
            high |= UInt64(name[offset]) << (8 * (offset - 8))
            offset += 1
        }
        return keys.withUnsafeBufferPointer { keys in
            for index in keys.indices {
                let key = keys[index]
                guard key.low == low, key.high == high, key.count == count else { continue }
                if count <= 16 || fields[index].name.utf8.elementsEqual(name) { return index }
            }
            return nil
        }
    }

    /// The index of the first field whose name equals `name`, or nil.
    func field(named name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    /// The data file's shape, `DataShape.planData`, prepared once.
    static let planData = ReadingShape(.planData)
}
