/// A validated data value, as templates see it: text, a list, or a record.
///
/// Numbers arrive here as text (an age is printed, never computed with), absent keys
/// and `null` are simply not in the record, and empty text counts as absent, so
/// `if has="…"` and write-in lines agree about what is missing.
///
/// Not `indirect`: every payload is already a reference (a string or an array), so a
/// value needs no box of its own on the heap.
public enum DataValue: Equatable, Sendable {
    case text(String)
    case list([DataValue])
    case record(DataRecord)

    /// Whether the value holds anything to print: non-empty text, a non-empty list, or
    /// a record with at least one present key.
    public var isPresent: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .list(let elements): return !elements.isEmpty
        case .record(let fields): return fields.contains { $0.value.isPresent }
        }
    }

    /// The value under a key of a record, or nil.
    public subscript(key: String) -> DataValue? {
        guard case .record(let fields) = self else { return nil }
        return fields[key]
    }

    /// The text of a text value, or nil.
    public var text: String? {
        guard case .text(let text) = self else { return nil }
        return text
    }

    /// The elements of a list value, or an empty list.
    public var elements: [DataValue] {
        guard case .list(let elements) = self else { return [] }
        return elements
    }
}

/// The fields of a record value, keyed by name, in the order they were read.
///
/// A data file's records are small (the largest shape has 20 keys), so the fields are kept
/// as a list and a key is found by comparing names, which costs less than hashing it, as
/// a dictionary would for every key read and every value printed (measured with callgrind,
/// Benchmarks/README.md). Two records are equal when they have the same keys with equal
/// values, in any order.
public struct DataRecord: Equatable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// A field: its key and value.
    public typealias Element = (key: String, value: DataValue)

    private var fields: [Element]

    /// An empty record.
    public init() {
        fields = []
    }

    /// A record of `fields`; a key given twice keeps its last value.
    public init(_ fields: some Sequence<(String, DataValue)>) {
        self.fields = []
        for (key, value) in fields { self[key] = value }
    }

    /// A record from a literal, fields in the order written.
    public init(dictionaryLiteral elements: (String, DataValue)...) {
        self.init(elements)
    }

    /// An empty record with room for `capacity` fields.
    init(capacity: Int) {
        fields = []
        fields.reserveCapacity(capacity)
    }

    /// The value under `key`, or nil; setting nil removes the key.
    public subscript(key: String) -> DataValue? {
        get {
            for field in fields where field.key == key { return field.value }
            return nil
        }
        set {
            if let index = fields.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    fields[index].value = newValue
                } else {
                    fields.remove(at: index)
                }
            } else if let newValue {
                fields.append((key, newValue))
            }
        }
    }

    /// Adds a field whose key the record does not have (the reader has checked).
    mutating func appendNew(_ key: String, _ value: DataValue) {
        fields.append((key, value))
    }

    /// Whether the record has no field.
    public var isEmpty: Bool { fields.isEmpty }
    /// How many fields it has.
    public var count: Int { fields.count }
    /// The keys, in the order read.
    public var keys: [String] { fields.map(\.key) }
    /// The values, in the order read.
    public var values: [DataValue] { fields.map(\.value) }

    /// The fields in the order read.
    public func makeIterator() -> IndexingIterator<[Element]> {
        fields.makeIterator()
    }

    /// Records are equal when they have the same fields, whatever their order.
    public static func == (left: DataRecord, right: DataRecord) -> Bool {
        left.count == right.count && left.fields.allSatisfy { right[$0.key] == $0.value }
    }
}
