/// A position in a source file; lines and columns count from 1, columns in Unicode scalars (characters).
///
/// Every `Element` and every `XMLError` carries one, so any diagnostic can be printed in the
/// compiler's `file:line:column` form that editors link. A location may also name a file as
/// a whole, with no position in it (`init(file:)`: an output, a folder, a file given as an
/// argument); it prints as the file's name alone.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the parser (not resolved against the file system).
    public var file: String
    /// The line, counting from 1; 0 for the file as a whole.
    public var line: Int
    /// The column in Unicode scalars, counting from 1; 0 for the file as a whole.
    public var column: Int

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - file: The file name to print.
    ///   - line: The line, counting from 1.
    ///   - column: The column in Unicode scalars, counting from 1.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The file as a whole, with no line or column; prints as `file`.
    public init(file: String) {
        self.init(file: file, line: 0, column: 0)
    }

    /// Whether this names the file as a whole rather than a position in it.
    public var isWholeFile: Bool { line == 0 }

    /// The location as `file:line:column`, or `file` for the file as a whole.
    public var description: String { isWholeFile ? file : "\(file):\(line):\(column)" }

    /// The one printed form of every error of the package, `file:line:column: error: message`
    /// (`file: error: message` for the file as a whole; `error: message` with no location).
    ///
    /// - Parameters:
    ///   - message: One sentence, without the value that caused it.
    ///   - location: Where, or nil when the problem is in no file (the PDF engine).
    public static func errorLine(_ message: String, at location: SourceLocation?) -> String {
        guard let location else { return "error: " + message }
        return "\(location): error: \(message)"
    }
}
