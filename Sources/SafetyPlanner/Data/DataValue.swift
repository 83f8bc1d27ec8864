/// A validated data value, as templates see it: text, a list, or a record.
///
/// Numbers arrive here as text (an age is printed, never computed with), absent keys
/// and `null` are simply not in the record, and empty text counts as absent, so
/// `if has="…"` and write-in lines agree about what is missing.
///
/// Not `indirect`: every payload is already a reference (a string, an array or a
/// dictionary), so a value needs no box of its own on the heap.
public enum DataValue: Equatable, Sendable {
    case text(String)
    case list([DataValue])
    case record([String: DataValue])

    /// Whether the value holds anything to print: non-empty text, a non-empty list, or
    /// a record with at least one present key.
    public var isPresent: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .list(let elements): return !elements.isEmpty
        case .record(let fields): return fields.values.contains { $0.isPresent }
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
