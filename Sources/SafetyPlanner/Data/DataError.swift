/// A problem in a data file, printed as `file:line:column: error: path: message`.
///
/// Messages name the key (its JSON path, such as `supports[1].phone`) and the expected
/// type, never the value: the value may be a young person's address or phone number.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data file's name as given on the command line.
    public var file: String
    /// Where the problem is; lines and columns count from 1.
    public var line: Int
    public var column: Int
    /// The JSON path of the key, or nil for a problem with the file as a whole.
    public var path: String?
    /// One sentence, without the value.
    public var message: String

    public init(file: String, line: Int, column: Int, path: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        let prefix = "\(file):\(line):\(column): error: "
        guard let path else { return prefix + message }
        return prefix + path + ": " + message
    }
}

/// Every problem found in one data file, in reading order.
public struct DataErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [DataError]

    public init(_ errors: [DataError]) {
        self.errors = errors
    }

    /// One line per problem.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
