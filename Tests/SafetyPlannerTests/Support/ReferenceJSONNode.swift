@testable import SafetyPlanner

/// A JSON value parsed by the reference parser (`JSONParser`), remembering where it was
/// written: the line and column of each value, and object members in the order written.
struct JSONNode: Equatable, Sendable {
    indirect enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        /// A number as written (`16`, `-2.5e3`); it is never converted to a binary float.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    struct Member: Equatable, Sendable {
        var key: String
        var line: Int
        var column: Int
        var value: JSONNode
    }

    var value: Value
    var line: Int
    var column: Int

    /// The JSON type's name as a reader knows it, for "expected … but found …" messages.
    var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "text"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
