import Dispatch
import SafeXML
import SafetyPlanner

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs a batch (`BatchRun`) on `jobs` threads and writes its documents: one file each
/// into a folder, or all into one file, in input order; problems go to standard error as
/// they come, and the counts to `summary`.
///
/// The library reads the records, names the documents and frames the one file; this
/// renders a group of records on `jobs` threads, then writes the group's files on `jobs`
/// threads, and draws the progress line.
package struct BatchWriter {
    /// Where the documents go.
    enum Sink {
        /// One file per record in this folder; each printed to a PDF with that time limit
        /// (in seconds) when there is one.
        case folder(String, pdfTimeLimit: Double?)
        /// All documents into one file.
        case file(ConcatenatedOutput, BatchConcatenation)
    }

    let renderer: BatchRenderer
    var sink: Sink
    let jobs: Int
    private(set) var summary = BatchSummary()
    /// A group's documents for `-o FILE`, kept between groups: a fresh buffer for
    /// each group came from fresh pages of memory, and touching them cost more than
    /// rendering (page faults, measured with GNU time).
    private var groupBytes: [UInt8] = []
    private let progress = ProgressBar()

    init(renderer: BatchRenderer, sink: Sink, jobs: Int) {
        self.renderer = renderer
        self.sink = sink
        self.jobs = jobs
    }

    /// Reads, renders and writes every record of `run`.
    ///
    /// - Throws: `IOError` when the input cannot be read on.
    mutating func run(_ run: inout BatchRun) throws(IOError) {
        while let records = try run.nextGroup() {
            let rendered = Slots<Result<BatchRenderer.Document, DataErrors>>(count: records.count)
            let renderer = self.renderer
            parallel(records.count) { index in rendered[index] = records[index].render(with: renderer) }
            switch sink {
            case .file(let stream, var framing):
                append(rendered.all, to: stream, framing: &framing)
                sink = .file(stream, framing)
            case .folder(let folder, let pdfTimeLimit):
                let items = run.name(records, rendered: rendered.all)
                if let pdfTimeLimit {
                    printPDFs(items, into: folder, timeLimit: pdfTimeLimit)
                } else {
                    write(items, into: folder)
                }
            }
            if records.count == run.groupSize {
                progress.show(done: summary.written + summary.failed, fraction: run.fractionRead)
            }
        }
        progress.clear()
    }

    /// Writes a group's documents into the folder on `jobs` threads, reporting in order.
    private mutating func write(_ items: [BatchRun.Item], into folder: String) {
        var files: [(name: String, bytes: [UInt8])] = []
        files.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .failed(let errors):
                fail(errors.description)
            case .document(let name, let bytes, let warning):
                if let warning {
                    progress.clear()
                    StandardError.write(warning + "\n")
                }
                files.append((name, bytes))
            }
        }
        let written = Slots<Result<Bool, IOError>>(count: files.count)
        let entries = files
        parallel(entries.count) { index in
            let entry = entries[index]
            do throws(IOError) {
                written[index] = .success(
                    try AtomicFile.write(entry.bytes, to: folder + "/" + entry.name, isDurable: false))
            } catch {
                written[index] = .failure(error)
            }
        }
        for result in written.all {
            switch result {
            case .failure(let problem):
                fail(problem.description)
            case .success(let isReplacing):
                summary.written += 1
                if isReplacing { summary.replaced += 1 }
            }
        }
    }

    /// Prints a group's documents to PDFs in the folder, one at a time and in order:
    /// Chromium uses every core for one page already, and one at a time keeps one Chromium
    /// for `Cleanup` to stop on a signal. A document that cannot be printed is reported at
    /// its file and counted as failed; the others are still printed.
    private mutating func printPDFs(_ items: [BatchRun.Item], into folder: String, timeLimit: Double) {
        for item in items {
            switch item {
            case .failed(let errors):
                fail(errors.description)
            case .document(let name, let bytes, let warning):
                if let warning {
                    progress.clear()
                    StandardError.write(warning + "\n")
                }
                let path = folder + "/" + name
                let isReplacing = FileSystem.linkStatus(path) != nil
                do throws(IOError) {
                    try PDFEngine.print(html: String(decoding: bytes, as: UTF8.self), to: path, timeLimit: timeLimit)
                    summary.written += 1
                    if isReplacing { summary.replaced += 1 }
                } catch {
                    var located = error
                    if located.location == nil { located.location = SourceLocation(file: path) }
                    fail(located.description)
                }
            }
        }
    }

    /// Appends a group's documents to the one output file in input order (names and ids
    /// do not matter there); a failed record is reported and left out.
    private mutating func append(
        _ rendered: [Result<BatchRenderer.Document, DataErrors>], to stream: ConcatenatedOutput,
        framing: inout BatchConcatenation
    ) {
        var buffer = groupBytes
        groupBytes = []
        buffer.removeAll(keepingCapacity: true)
        for result in rendered {
            switch result {
            case .failure(let errors):
                fail(errors.description)
            case .success(let document):
                framing.append(document.bytes, to: &buffer)
                summary.written += 1
            }
        }
        if let problem = stream.write(buffer) {
            fail(problem.description)
        }
        groupBytes = buffer
    }

    private mutating func fail(_ message: String) {
        progress.clear()
        StandardError.write(message + "\n")
        summary.failed += 1
    }

    /// Runs `body` for 0..<count on `jobs` threads (on this thread when one job).
    private func parallel(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let workers = min(jobs, count)
        if workers <= 1 {
            for index in 0..<count { body(index) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                body(index)
                index += workers
            }
        }
    }
}

/// What a batch did, for its closing line.
package struct BatchSummary {
    /// Documents written.
    package var written = 0
    /// Of those written, how many replaced a file of the same name (from an earlier run).
    package var replaced = 0
    /// Records (or writes) that failed.
    package var failed = 0

    /// No documents yet.
    package init() {}

    /// The closing line, on standard error.
    package func print() {
        let documents = written == 1 ? "document" : "documents"
        let replacing = replaced > 0 ? ", replaced \(replaced)" : ""
        StandardError.write("batch: \(written) \(documents) written\(replacing), \(failed) failed\n")
    }
}

extension BatchWriter {
    /// Where `batch` writes: a folder (`--output-dir`) or one file (`-o`).
    package enum Destination {
        /// One file per record in this folder; `isForced` (`--force`) takes an existing
        /// folder others can write to, or a link, as it is.
        case folder(String, isForced: Bool)
        /// All documents, in input order, into this one file.
        case file(String)
    }

    /// Runs the batch at `path` into `destination` and returns its counts.
    ///
    /// The input is opened first, so that nothing is made when it cannot be read. The one
    /// file appears whole at the end or not at all; a folder is prepared before any record
    /// is read (`OutputFolder.prepare`) and its names flushed to disk at the end.
    ///
    /// With `pdfTimeLimit`, each document of a folder is printed to a PDF by the PDF engine
    /// (`PDFEngine`), Chromium having that many seconds for each; Chromium is looked for
    /// before anything is read or made. (`batch` refuses PDF for one file.)
    ///
    /// - Throws: `IOError` when the input cannot be read, the output cannot be made, or
    ///   a PDF is asked for and there is no Chromium; a record's problems are reported on
    ///   standard error and counted instead.
    package static func write(
        _ path: String, renderer: BatchRenderer, to destination: Destination, jobs: Int, maximumBytes: Int,
        pdfTimeLimit: Double? = nil
    ) throws(IOError) -> BatchSummary {
        if pdfTimeLimit != nil {
            _ = try PDFEngine.locateChromium(environment: ProcessInfo.processInfo.environment)
        }
        let fileExtension = BatchRun.fileExtension(for: renderer.format)
        switch destination {
        case .file(let outputFile):
            // The records are read while the output is written: compare before either.
            try OutputTarget.refuseIfSame(outputFile, as: path)
            var records = try BatchRun(
                path: path, fileExtension: fileExtension, maximumBytes: maximumBytes, groupSize: 64 * jobs)
            let stream = try ConcatenatedOutput(path: outputFile)
            defer { stream.abandon() }
            var writer = BatchWriter(
                renderer: renderer, sink: .file(stream, BatchConcatenation(format: renderer.format)), jobs: jobs)
            try writer.run(&records)
            try stream.finish()
            var summary = writer.summary
            // A failed write removed the file: none of its documents was written.
            if stream.hasFailed { summary.written = 0 }
            return summary
        case .folder(let folder, let isForced):
            // The input is opened first: when it cannot be read, no folder is made.
            var records = try BatchRun(
                path: path, fileExtension: fileExtension, maximumBytes: maximumBytes, groupSize: 64 * jobs)
            try OutputFolder.prepare(folder, isForced: isForced)
            var writer = BatchWriter(
                renderer: renderer, sink: .folder(folder, pdfTimeLimit: pdfTimeLimit), jobs: jobs)
            try writer.run(&records)
            try AtomicFile.flushFileSystem(of: folder)
            return writer.summary
        }
    }
}
