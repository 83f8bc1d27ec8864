/// A position in a source file; lines and columns count from 1, columns in Unicode scalars (characters).
///
/// Every `Element` and every `XMLError` carries one, so any diagnostic can be printed in the
/// compiler's `file:line:column` form that editors link.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the parser (not resolved against the file system).
    public var file: String
    /// The line, counting from 1.
    public var line: Int
    /// The column in Unicode scalars, counting from 1.
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

    /// The location as `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
