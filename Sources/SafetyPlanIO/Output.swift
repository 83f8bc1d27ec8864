import SafetyPlanner

/// Writing a command's one document: to standard output, or to `-o FILE` (`OutputTarget`).
package enum Output {
    /// Writes `text` to `path`, or to standard output when there is none.
    ///
    /// - Throws: `IOError` when it cannot be written, or `path` is an input.
    package static func write(_ text: String, to path: String?) throws(IOError) {
        guard let path else {
            if let failure = FileDescriptor.writeAll(1, Array(text.utf8)) {
                throw IOError(.cannotWriteStandardOutput(reason: failure), at: nil)
            }
            return
        }
        try OutputTarget.write(Array(text.utf8), to: path)
    }
}
