import SafetyPlanner

/// Reading the run's input files, with the size limit checked before a byte is read.
package enum Input {
    /// The bytes of an input file (`FileInput.read`: only regular files, or a descriptor
    /// the shell opened).
    ///
    /// - Throws: `IOError` at `path:1:1`.
    package static func read(_ path: String, maximumBytes: Int) throws(IOError) -> [UInt8] {
        try FileInput.read(path, maximumBytes: maximumBytes)
    }

    /// A data file read and parsed.
    ///
    /// - Throws: `IOError` when it cannot be read, `DataErrors` with its problems.
    package static func readData(_ path: String, maximumBytes: Int) throws -> PlanData {
        try PlanData.parse(read(path, maximumBytes: maximumBytes), file: path, maximumBytes: maximumBytes)
    }
}
