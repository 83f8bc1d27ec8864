import ArgumentParser
import CMalloc
import Dispatch
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `safetyplan batch`: one document per record of a JSON Lines file or a folder of JSON
/// files, rendered on several cores into a private output folder.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one document per record of a JSON Lines file or a folder of JSON files.",
        discussion: """
            Each record (a line of FILE.jsonl, or each *.json file in DIR) is read as strictly \
            as a data file and written to the --output folder as <id>.txt or <id>.html. The id \
            is the record's "id", kept to letters, digits, '-', '_' and '.'; a record without a \
            usable id is named record-<line>. A bad record is reported with its line and the \
            others still render; the exit status is then 1. The output folder is created \
            readable by you only, and each file is written privately and atomically.

            With --output-file FILE instead of --output DIR, every document is written into \
            one file, in input order: HTML documents one after another (each starts with \
            <!DOCTYPE html>), text documents separated by a form feed, as pages are. FILE is \
            created readable by you only and appears whole at the end, or not at all.
            """
    )

    @Option(
        help: ArgumentHelp(
            "The records: a JSON Lines file (one record a line) or a folder of *.json files.",
            valueName: "FILE.jsonl|DIR"))
    var data: String

    @Option(help: ArgumentHelp("The stage of a record that has no \"stage\" key.", valueName: "stage"))
    var stage: Stage?

    @Option(help: ArgumentHelp("The template to use.", valueName: "NAME"))
    var template: String = "plan"

    @Option(help: ArgumentHelp("How many records to render at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Write all documents, in input order, into this one file instead of a folder.", valueName: "FILE"))
    var outputFile: String?

    @Flag(
        help: ArgumentHelp(
            "Use an --output folder that others can write to, or that is a symbolic link (refused without this)."))
    var force = false

    @OptionGroup var options: RenderOptions

    @OptionGroup var copyOptions: CopyOptions

    func validate() throws {
        try copyOptions.validate(isDiscreet: options.discreet)
        if options.format == .pdf {
            throw ValidationError("batch writes text or html; --format pdf is not available for batch.")
        }
        if options.output != nil && outputFile != nil {
            throw ValidationError("give either --output DIR (one file per record) or --output-file FILE, not both.")
        }
        if options.output == nil && outputFile == nil {
            throw ValidationError(
                "batch writes one file per record: give --output DIR, or --output-file FILE for one file.")
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256.") }
    }

    func run() throws {
        #if canImport(Glibc)
            // Records are rendered a group at a time, and each group's memory is freed
            // before the next: by default glibc hands the top of the heap back to the
            // kernel every time and the next group faults it in again (10 000 documents:
            // 15 000 minor page faults, 1 600 with this).
            mallopt(M_TRIM_THRESHOLD, 64 << 20)
        #endif
        var summary = BatchSummary()
        try Run.guarded {
            // One renderer per language; each record is rendered in its own (client.language),
            // unless --language (or --advocate-language, for advocate copies) says otherwise.
            let library = try Workspace.loadLibrary(
                templatesDirectory: options.templatesDirectory, maximumBytes: options.maxInputSize)
            let forced =
                copyOptions.copy == .advocate ? copyOptions.advocateLanguage ?? options.language : options.language
            let first = LanguageChoice.choose(
                options, advocateLanguage: copyOptions.advocateLanguage, copy: copyOptions.copy, data: PlanData(),
                available: library.languages)
            var renderers: [String: BatchRenderer] = [:]
            for language in forced == nil ? library.languages : [first] {
                let workspace = try Workspace(library: library.translated(to: language)!)
                let compiled = try workspace.template(named: template)
                Run.refuseDiscreet(compiled, isDiscreet: options.discreet)
                renderers[language] = BatchRenderer(
                    workspace: workspace, template: compiled, format: options.outputFormat,
                    isDiscreet: options.discreet, defaultStage: stage, copy: copyOptions.copy)
            }
            var renderer = renderers[first]!
            renderer.languages = BatchLanguages(
                option: options.language, advocateOption: copyOptions.advocateLanguage,
                available: library.languages, renderers: renderers)
            let jobs = jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            let fileExtension = options.format == .html ? "html" : "txt"
            if let outputFile {
                // The records are read while the output is written: compare before either.
                try OutputTarget.refuseIfSame(outputFile, as: data)
                let stream = try ConcatenatedOutput(path: outputFile, separator: options.format == .html ? [] : [0x0C])
                defer { stream.abandon() }
                var writer = BatchWriter(
                    renderer: renderer, sink: .file(stream), fileExtension: fileExtension, jobs: jobs,
                    maximumBytes: options.maxInputSize)
                try writer.run(data)
                try stream.finish()
                summary = writer.summary
                // A failed write removed the file: none of its documents was written.
                if stream.hasFailed { summary.written = 0 }
            } else {
                let folder = options.output!
                try OutputFolder.prepare(folder, isForced: force)
                var writer = BatchWriter(
                    renderer: renderer, sink: .folder(folder), fileExtension: fileExtension, jobs: jobs,
                    maximumBytes: options.maxInputSize)
                try writer.run(data)
                try AtomicFile.flushFileSystem(of: folder)
                summary = writer.summary
            }
        }
        summary.print()
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// What a batch did, for its closing line.
struct BatchSummary {
    var written = 0
    /// Of those written, how many replaced a file of the same name (from an earlier run).
    var replaced = 0
    var failed = 0

    func print() {
        let documents = written == 1 ? "document" : "documents"
        let replacing = replaced > 0 ? ", replaced \(replaced)" : ""
        StandardError.write("batch: \(written) \(documents) written\(replacing), \(failed) failed\n")
    }
}

/// Reads records in order, renders them in groups on `jobs` threads, names them in input
/// order (so a duplicate name is always the later record's error) and writes the files,
/// or appends the documents, in input order, to one file.
struct BatchWriter {
    /// Where the documents go.
    enum Sink {
        /// One file per record in this folder.
        case folder(String)
        /// All documents into one file.
        case file(ConcatenatedOutput)
    }

    let renderer: BatchRenderer
    let sink: Sink
    let fileExtension: String
    let jobs: Int
    let maximumBytes: Int
    var summary = BatchSummary()
    private var names: Set<String> = []
    /// A group's documents for `--output-file`, kept between groups: a fresh buffer for
    /// each group came from fresh pages of memory, and touching them cost more than
    /// rendering (page faults, measured with GNU time).
    private var groupBytes: [UInt8] = []
    private let progress = ProgressBar()

    init(renderer: BatchRenderer, sink: Sink, fileExtension: String, jobs: Int, maximumBytes: Int) {
        self.renderer = renderer
        self.sink = sink
        self.fileExtension = fileExtension
        self.jobs = jobs
        self.maximumBytes = maximumBytes
    }

    /// A record waiting to be rendered: where it came from and its bytes (nil when too large).
    struct Record: Sendable {
        var file: String
        var line: Int
        /// The name used when the record has no usable `id`.
        var fallbackName: String
        var bytes: [UInt8]?
        var readError: String?
    }

    /// Records per group: enough to keep every thread busy, few enough to keep memory flat.
    var groupSize: Int { 64 * jobs }

    mutating func run(_ path: String) throws {
        if OutputFolder.isDirectory(path) {
            let files = try OutputFolder.jsonFiles(in: path)
            var group: [Record] = []
            for (offset, name) in files.enumerated() {
                let file = path.hasSuffix("/") ? path + name : path + "/" + name
                var record = Record(
                    file: file, line: 1, fallbackName: "record-\(offset + 1)", bytes: nil, readError: nil)
                do {
                    record.bytes = try Input.read(file, maximumBytes: maximumBytes)
                } catch {
                    record.readError = "\(error)"
                }
                group.append(record)
                if group.count == groupSize {
                    process(group)
                    group.removeAll(keepingCapacity: true)
                    progress.show(
                        done: summary.written + summary.failed, fraction: Double(offset + 1) / Double(files.count))
                }
            }
            process(group)
        } else {
            var reader: LineReader
            do {
                reader = try LineReader(path: path, maximumLineBytes: maximumBytes)
            } catch .isDirectory {
                throw InputError("\(path):1:1: error: is a folder, not a file")
            } catch .notRegularFile(let kind) {
                throw InputError("\(path):1:1: error: is \(kind), not a regular file")
            } catch {
                throw InputError("\(path):1:1: error: cannot read the file (it does not exist or is not readable)")
            }
            var group: [Record] = []
            group.reserveCapacity(groupSize)
            while true {
                let next: LineReader.Line?
                do {
                    next = try reader.next()
                } catch {
                    throw InputError("\(path): error: cannot read the file")
                }
                guard let line = next else { break }
                switch line {
                case .text(let number, let bytes):
                    // Blank lines separate nothing and hold no record.
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    group.append(
                        Record(file: path, line: number, fallbackName: "record-\(number)", bytes: bytes, readError: nil)
                    )
                case .tooLong(let number):
                    group.append(
                        Record(
                            file: path, line: number, fallbackName: "record-\(number)", bytes: nil,
                            readError:
                                "\(path):\(number):1: error: the record is larger than \(maximumBytes) bytes; raise the limit with --max-input-size"
                        ))
                }
                if group.count == groupSize {
                    process(group)
                    group.removeAll(keepingCapacity: true)
                    let total = max(reader.totalBytes, 1)
                    progress.show(
                        done: summary.written + summary.failed,
                        fraction: min(1, Double(reader.bytesRead) / Double(total)))
                }
            }
            process(group)
        }
        progress.finish()
    }

    /// Renders a group on `jobs` threads, then names its documents in input order and
    /// writes them on `jobs` threads.
    private mutating func process(_ group: [Record]) {
        guard !group.isEmpty else { return }
        let rendered = Slots<Result<BatchRenderer.Document, BatchFailure>>(count: group.count)
        let renderer = self.renderer
        let maximumBytes = self.maximumBytes
        parallel(group.count) { index in
            let record = group[index]
            guard let bytes = record.bytes else {
                rendered[index] = .failure(
                    BatchFailure(message: record.readError ?? "\(record.file): error: cannot read the record"))
                return
            }
            do throws(DataErrors) {
                rendered[index] = .success(
                    try renderer.render(bytes, file: record.file, line: record.line, maximumBytes: maximumBytes))
            } catch {
                rendered[index] = .failure(BatchFailure(message: error.description))
            }
        }
        if case .file(let stream) = sink {
            appendInOrder(group, rendered, to: stream)
            return
        }
        guard case .folder(let folder) = sink else { return }
        // Names in input order: the first record with a name keeps it.
        var jobsToWrite: [(name: String, bytes: [UInt8], record: Int)] = []
        jobsToWrite.reserveCapacity(group.count)
        for index in 0..<group.count {
            let record = group[index]
            switch rendered[index]! {
            case .failure(let failure):
                fail(failure.message)
            case .success(let document):
                if document.hasUnsafeID {
                    progress.clear()
                    StandardError.write(
                        "\(record.file):\(record.line):1: warning: id: not a safe file name; written as \(record.fallbackName).\(fileExtension)\n"
                    )
                }
                let name = (document.name ?? record.fallbackName) + "." + fileExtension
                guard names.insert(name).inserted else {
                    // The id is the youth's data: the message says where, never what.
                    fail("\(record.file):\(record.line):1: error: id: another record already gave this name")
                    continue
                }
                jobsToWrite.append((name, document.bytes, index))
            }
        }
        let written = Slots<Result<Bool, BatchFailure>>(count: jobsToWrite.count)
        let entries = jobsToWrite
        parallel(entries.count) { index in
            let entry = entries[index]
            do {
                written[index] = .success(
                    try AtomicFile.write(entry.bytes, to: folder + "/" + entry.name, isDurable: false))
            } catch {
                written[index] = .failure(BatchFailure(message: "\(error)"))
            }
        }
        for index in 0..<entries.count {
            switch written[index]! {
            case .failure(let problem):
                fail(problem.message)
            case .success(let isReplacing):
                summary.written += 1
                if isReplacing { summary.replaced += 1 }
            }
        }
    }

    /// Appends a group's documents to the one output file in input order (names and ids
    /// do not matter there); a failed record is reported and left out.
    private mutating func appendInOrder(
        _ group: [Record], _ rendered: Slots<Result<BatchRenderer.Document, BatchFailure>>,
        to stream: ConcatenatedOutput
    ) {
        var buffer = groupBytes
        groupBytes = []
        buffer.removeAll(keepingCapacity: true)
        for index in 0..<group.count {
            switch rendered[index]! {
            case .failure(let failure):
                fail(failure.message)
            case .success(let document):
                stream.appendSeparatorIfNeeded(to: &buffer)
                buffer.append(contentsOf: document.bytes)
                summary.written += 1
            }
        }
        if let problem = stream.write(buffer) {
            fail(problem)
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

/// A message for a record that failed.
struct BatchFailure: Error, Sendable {
    var message: String
}

/// A fixed number of slots, each written by exactly one thread, read after all have ended.
final class Slots<Value>: @unchecked Sendable {
    private var values: [Value?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { values[index] }
        set { values.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }
}

/// A progress line on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    let isShown = isatty(2) == 1

    func show(done: Int, fraction: Double) {
        guard isShown else { return }
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        StandardError.write("\r[\(bar)] \(Int(fraction * 100))% \(done) records")
    }

    func clear() {
        guard isShown else { return }
        StandardError.write("\r\u{1B}[K")
    }

    func finish() { clear() }
}

/// Standard error without Foundation.
enum StandardError {
    static func write(_ text: String) {
        // A file name that is not UTF-8 is printed as its own bytes (`PathBytes`).
        _ = FileDescriptor.writeAll(2, PathBytes.bytes(of: text))
    }
}

/// The output folder and input folders.
enum OutputFolder {
    static func isDirectory(_ path: String) -> Bool {
        guard let info = FileSystem.status(path) else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates the folder readable by the user only, unless it is there already.
    ///
    /// An existing folder must be a real folder (not a symbolic link) that only its owner,
    /// this user, can write to: otherwise someone else could read the plans or plant files
    /// among them. `isForced` (`--force`) takes it as it is. Stale temporary files of an
    /// earlier run killed in it are removed (`StaleFiles`).
    static func prepare(_ path: String, isForced: Bool) throws {
        if FileSystem.mkdir(path, 0o700) == 0 { return }
        let reason = errno
        guard reason == EEXIST, isDirectory(path) else {
            throw InputError("\(path): error: cannot create the output folder (\(String(cString: strerror(reason))))")
        }
        if !isForced {
            if let link = FileSystem.linkStatus(path), (link.st_mode & S_IFMT) == S_IFLNK {
                throw InputError(
                    "\(path): error: the output folder is a symbolic link; give the folder itself, or --force to use it"
                )
            }
            if let info = FileSystem.status(path), info.st_mode & 0o022 != 0 || info.st_uid != geteuid() {
                throw InputError(
                    "\(path): error: others can write to the output folder; give a private folder, or --force to use it"
                )
            }
        }
        StaleFiles.sweep(besides: path + "/x")
    }

    /// The `*.json` files directly in a folder, sorted by name; hidden files are skipped.
    static func jsonFiles(in path: String) throws -> [String] {
        guard let entries = FileSystem.entries(of: path) else {
            throw InputError("\(path):1:1: error: cannot read the folder")
        }
        let names = entries.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
        return names.sorted { PathBytes.bytes(of: $0).lexicographicallyPrecedes(PathBytes.bytes(of: $1)) }
    }
}

/// The one file of `batch --output-file`: a private (0600) temporary file beside the
/// target, created with `O_EXCL`, that documents are streamed into and that is renamed
/// over the target at the end, so the file appears whole or not at all. Like the folder
/// mode it is not flushed to disk (`fsync`) before the rename. A device, a FIFO or a
/// descriptor (`/dev/stdout`) is written into directly instead (`OutputTarget`).
final class ConcatenatedOutput {
    let path: String
    let separator: [UInt8]
    private var temporary: String?
    private var descriptor: Int32 = -1
    private var ownsDescriptor = true
    private var isEmpty = true
    private var failure: String?

    init(path: String, separator: [UInt8]) throws {
        self.path = path
        self.separator = separator
        switch try OutputTarget.kind(of: path) {
        case .descriptor(let given):
            descriptor = given
            ownsDescriptor = false
        case .stream:
            descriptor = try OutputTarget.openStream(path)
        case .file:
            StaleFiles.sweep(besides: path)
            (temporary, descriptor) = try AtomicFile.createTemporary(besides: path)
        }
    }

    /// Whether a write failed (and the file was therefore not kept).
    var hasFailed: Bool { failure != nil }

    /// Puts the separator into `buffer` before every document but the first.
    func appendSeparatorIfNeeded(to buffer: inout [UInt8]) {
        if !isEmpty { buffer.append(contentsOf: separator) }
        isEmpty = false
    }

    /// Writes bytes at the end of the file; returns a message once, on the first failure.
    func write(_ bytes: [UInt8]) -> String? {
        guard failure == nil, descriptor >= 0 else { return nil }
        failure = FileDescriptor.writeAll(descriptor, bytes)
        return failure.map { "\(path): error: cannot write the output file (\($0))" }
    }

    /// Closes the file and renames it over the target. A failure already reported by
    /// `write` is not reported again (the batch has counted it): the file is removed.
    func finish() throws {
        let wasReported = failure != nil
        if ownsDescriptor, close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        descriptor = -1
        guard let temporary else {
            if let failure, !wasReported {
                throw InputError("\(path): error: cannot write the output file (\(failure))")
            }
            return
        }
        if let failure {
            abandon()
            if wasReported { return }
            throw InputError("\(path): error: cannot write the output file (\(failure))")
        }
        self.temporary = nil
        _ = try AtomicFile.commit(temporary, to: path)
    }

    /// Removes the temporary file unless `finish()` renamed it.
    func abandon() {
        if descriptor >= 0 {
            if ownsDescriptor { close(descriptor) }
            descriptor = -1
        }
        if let temporary {
            Cleanup.remove(temporary)
            self.temporary = nil
        }
    }
}
