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

        /// The key written at `range` of `bytes`.
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            count = range.count
            (low, high) = (0, 0)
            #if _endian(little)
                if range.lowerBound + 16 <= bytes.count, let base = bytes.baseAddress {
                    // Two words read at once, and the bytes after the key masked off.
                    let raw = UnsafeRawPointer(base + range.lowerBound)
                    low = raw.loadUnaligned(as: UInt64.self)
                    high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    if count < 8 {
                        low &= ~(UInt64.max << (8 * count))
                        high = 0
                    } else if count < 16 {
                        high &= ~(UInt64.max << (8 * (count - 8)))
                    }
                    return
                }
            #endif
            for offset in 0..<min(count, 16) {
                let byte = UInt64(bytes[range.lowerBound + offset])
                if offset < 8 {
                    low |= byte << (8 * offset)
                } else {
                    high |= byte << (8 * (offset - 8))
                }
            }
        }

        /// Where the key's search starts in a table of `1 << (64 - shift)` slots.
        func slot(shift: Int) -> Int {
            let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed >> UInt64(shift))
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
    /// An open-addressing table of the keys: a field's index, or -1 for an empty slot; at
    /// least half of it empty.
    let slots: [Int16]
    let slotShift: Int
    /// Whether every field name is ASCII: only then is a plain ASCII key matched by its
    /// bytes, since an ASCII key equals (as `String`s do) an ASCII name only when their bytes do.
    let hasASCIIKeys: Bool
    /// The room a record read is made with: every field, up to 12 (a record rarely has all
    /// of them, and a larger one grows once).
    let recordCapacity: Int

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
        keys = fields.map { field in
            Array(field.name.utf8).withUnsafeBufferPointer { Key($0, 0..<$0.count) }
        }
        var bits = 3
        while 1 << bits < 2 * fields.count { bits += 1 }
        var slots = [Int16](repeating: -1, count: 1 << bits)
        for (index, key) in keys.enumerated() {
            var slot = key.slot(shift: 64 - bits)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int16(index)
        }
        (self.slots, slotShift) = (slots, 64 - bits)
        hasASCIIKeys = fields.allSatisfy { $0.name.utf8.allSatisfy { $0 < 0x80 } }
        recordCapacity = min(fields.count, 12)
    }

    /// The index of the field named by the ASCII key at `range` of `bytes`, or nil; needs
    /// `hasASCIIKeys`.
    func field(named range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let key = Key(bytes, range)
        var slot = key.slot(shift: slotShift)
        while true {
            let index = Int(slots[slot])
            guard index >= 0 else { return nil }
            let candidate = keys[index]
            if candidate.low == key.low && candidate.high == key.high && candidate.count == key.count
                && (key.count <= 16 || fields[index].name.utf8.elementsEqual(bytes[range]))
            {
                return index
            }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The index of the first field whose name equals `name`, or nil.
    func field(named name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    /// The data file's shape, `DataShape.planData`, prepared once.
    static let planData = ReadingShape(.planData)
}
