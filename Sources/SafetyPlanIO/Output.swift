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

    /// Writes an interview's answers file (a data file) to `path`: privately and atomically
    /// like a document, and over `dataFile` only when it is the data file the interview
    /// was resumed from (`--data a.json --save-answers a.json`).
    ///
    /// - Throws: `IOError` when it cannot be written, or `path` is another input.
    package static func writeAnswers(_ bytes: [UInt8], to path: String, dataFile: String?) throws(IOError) {
        if let dataFile, OutputTarget.isSameRegularFile(path, as: dataFile) {
            try AtomicFile.write(bytes, to: path, isReplacingInput: true)
            return
        }
        try OutputTarget.write(bytes, to: path)
    }
}
