import SafeXML

/// A problem in a data file or a batch record, printed as `file:line:column: error: path: message`.
///
/// Messages name the key (its JSON path, such as `supports[1].phone`) and the expected
/// type, never the value: the value may be a young person's address or phone number.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the problem is: a position in the file, or the file as a whole
    /// (`SourceLocation(file:)`, for a problem with no place in it, such as a stage that
    /// disagrees with `--stage`).
    public var location: SourceLocation
    /// The JSON path of the key, or nil for a problem with the file as a whole.
    public var path: String?
    /// One sentence, without the value.
    public var message: String

    /// Creates a problem at a location.
    public init(at location: SourceLocation, path: String?, message: String) {
        self.location = location
        self.path = path
        self.message = message
    }

    /// Creates a problem at a line and column (counting from 1) of `file`.
    public init(file: String, line: Int, column: Int, path: String?, message: String) {
        self.init(at: SourceLocation(file: file, line: line, column: column), path: path, message: message)
    }

    /// The data file's name as given on the command line.
    public var file: String { location.file }

    /// The line, counting from 1.
    public var line: Int {
        get { location.line }
        set { location.line = newValue }
    }

    /// The column, counting from 1.
    public var column: Int { location.column }

    /// `file:line:column: error: path: message` (STYLE.md §6).
    public var description: String {
        SourceLocation.errorLine(path.map { $0 + ": " + message } ?? message, at: location)
    }
}

/// Every problem found in one data file (or batch record), in reading order.
public struct DataErrors: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problems, in reading order; never empty.
    public var errors: [DataError]

    /// Creates the list.
    public init(_ errors: [DataError]) {
        self.errors = errors
    }

    /// One line per problem.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
