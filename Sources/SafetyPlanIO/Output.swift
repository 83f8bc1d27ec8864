import SafetyPlanner

/// Writing a command's one document: to standard output, or to `-o FILE` (`OutputTarget`),
/// or printed to a PDF there (`PDFEngine`).
package enum Output {
    /// Writes an HTML `document` as a PDF into `path` when `pdfTimeLimit` is given (the
    /// seconds Chromium has), else `document` as it is.
    ///
    /// - Throws: `IOError` when it cannot be written or printed, or `path` is an input.
    package static func write(_ document: String, to path: String?, pdfTimeLimit: Double?) throws(IOError) {
        if let pdfTimeLimit, let path {
            try PDFEngine.print(html: document, to: path, timeLimit: pdfTimeLimit)
        } else {
            try write(document, to: path)
        }
    }

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
