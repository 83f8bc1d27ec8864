import SafetyPlanner

/// Standard error without Foundation.
package enum StandardError {
    /// Writes `text` as it is; a file name in it that is not UTF-8 is written as its own
    /// bytes (`PathBytes`).
    package static func write(_ text: String) {
        _ = FileDescriptor.writeAll(2, PathBytes.bytes(of: text))
    }
}
