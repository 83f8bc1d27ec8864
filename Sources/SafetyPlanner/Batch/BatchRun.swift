import SafeXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The records of one `safetyplan batch` run, read in input order, and the names of their
/// documents: everything of a batch but rendering (`BatchRenderer`), threads and writing
/// (the tool).
///
/// The input is a JSON Lines file (a record a line; blank lines hold none) or a folder of
/// `*.json` files (each a record, in byte order of their names; hidden files are skipped).
/// Records are read a group at a time (`nextGroup()`), so memory stays flat however many
/// there are; the group's records may be rendered on any thread (`Record.render(with:)`);
/// `name(_:rendered:)` then names the documents in input order, so that of two records
/// with the same `id` the later one is the error, whatever thread finished first.
/// `next(rendering:)` does all three on the calling thread. Copies of a run share its
/// reading position: use one.
///
/// A document is named by its record's `id` made safe (`BatchRenderer.fileName(for:)`),
/// else `record-<line>` (`record-<n>` for the n-th file of a folder), with the format's
/// extension (`fileExtension(for:)`). Every problem is a `DataErrors` at the record's
/// place: a bad record, one larger than the limit, a record file that cannot be read, a
/// name another record already gave.
public struct BatchRun {
    /// One record waiting to be rendered.
    public struct Record: Sendable {
        /// The file it is in: the JSON Lines file, or its file in the folder.
        public var file: String
        /// The line it starts on (1 in a folder's file).
        public var line: Int
        /// The name used when the record has no usable `id` (without extension).
        public var fallbackName: String
        /// The record's bytes, or why they could not be read.
        public var content: Result<[UInt8], DataErrors>
        /// The largest record parsed.
        public var maximumBytes: Int

        /// Parses and renders the record; safe to call from any thread.
        public func render(with renderer: BatchRenderer) -> Result<BatchRenderer.Document, DataErrors> {
            switch content {
            case .failure(let errors):
                return .failure(errors)
            case .success(let bytes):
                do throws(DataErrors) {
                    return .success(try renderer.render(bytes, file: file, line: line, maximumBytes: maximumBytes))
                } catch {
                    return .failure(error)
                }
            }
        }
    }

    /// What became of a record, in input order.
    public enum Item: Sendable {
        /// A document to write as `fileName`; `warning` (a line for standard error) when
        /// the record's `id` could not be used and `fileName` is the fallback.
        case document(fileName: String, bytes: [UInt8], warning: String?)
        /// The record's problems; it has no document.
        case failed(DataErrors)
    }

    /// Where the records come from: a JSON Lines file, or a folder's files (and the next to read).
    private enum Source {
        case lines(LineReader)
        case folder(path: String, files: [String], next: Int)
    }

    private var source: Source
    private let path: String
    private let maximumBytes: Int
    private let fileExtension: String
    /// How many records a group holds at most.
    public let groupSize: Int
    private var names: Set<String> = []

    /// Opens the records at `path`: a folder of `*.json` files, else a JSON Lines file.
    ///
    /// - Parameters:
    ///   - path: the JSON Lines file or the folder, as given.
    ///   - fileExtension: the documents' extension (`fileExtension(for:)`).
    ///   - maximumBytes: the largest record (a line, or a folder's file).
    ///   - groupSize: the most records `nextGroup()` returns at once.
    /// - Throws: `IOError` at `path:1:1` when the input cannot be opened or the folder listed.
    public init(path: String, fileExtension: String, maximumBytes: Int, groupSize: Int = 64) throws(IOError) {
        self.path = path
        self.maximumBytes = maximumBytes
        self.fileExtension = fileExtension
        self.groupSize = max(1, groupSize)
        if let info = FileSystem.status(path), (info.st_mode & S_IFMT) == S_IFDIR {
            source = .folder(path: path, files: try Self.jsonFiles(in: path), next: 0)
        } else {
            source = .lines(try LineReader(path: path, maximumLineBytes: maximumBytes))
        }
    }

    /// The extension of a document's file in `format`: `txt`, `html` or `pdf`.
    public static func fileExtension(for format: OutputFormat) -> String {
        switch format {
        case .text: return "txt"
        case .html: return "html"
        case .pdf: return "pdf"
        }
    }

    /// How much of the input has been read, from 0 to 1 (for a progress line).
    public var fractionRead: Double {
        switch source {
        case .lines(let reader):
            return min(1, Double(reader.bytesRead) / Double(max(reader.totalBytes, 1)))
        case .folder(_, let files, let next):
            return files.isEmpty ? 1 : Double(next) / Double(files.count)
        }
    }

    /// The next records in input order, at most `groupSize`; nil when there are no more.
    ///
    /// - Throws: `IOError` at the file as a whole when reading the JSON Lines file fails.
    public mutating func nextGroup() throws(IOError) -> [Record]? {
        var group: [Record] = []
        group.reserveCapacity(groupSize)
        switch source {
        case .folder(let folder, let files, var next):
            while next < files.count, group.count < groupSize {
                let file = folder.hasSuffix("/") ? folder + files[next] : folder + "/" + files[next]
                next += 1
                let content: Result<[UInt8], DataErrors>
                do throws(IOError) {
                    content = .success(try FileInput.read(file, maximumBytes: maximumBytes))
                } catch {
                    content = .failure(DataErrors([DataError(error)]))
                }
                group.append(
                    Record(
                        file: file, line: 1, fallbackName: "record-\(next)", content: content,
                        maximumBytes: maximumBytes))
            }
            source = .folder(path: folder, files: files, next: next)
        case .lines(let reader):
            while group.count < groupSize, let line = try reader.next() {
                switch line {
                case .text(let number, let bytes):
                    // Blank lines separate nothing and hold no record.
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    group.append(
                        Record(
                            file: path, line: number, fallbackName: "record-\(number)", content: .success(bytes),
                            maximumBytes: maximumBytes))
                case .tooLong(let number):
                    let tooLarge = DataError(
                        file: path, line: number, column: 1, path: nil,
                        message:
                            "the record is larger than \(maximumBytes) bytes; raise the limit with --max-input-size")
                    group.append(
                        Record(
                            file: path, line: number, fallbackName: "record-\(number)",
                            content: .failure(DataErrors([tooLarge])), maximumBytes: maximumBytes))
                }
            }
        }
        return group.isEmpty ? nil : group
    }

    /// Names a group's rendered documents in input order; `rendered[i]` is `records[i]`'s.
    ///
    /// The first record to give a name keeps it; a later one with the same name is an
    /// error that gives its place, never the `id` (the youth's data).
    public mutating func name(
        _ records: [Record], rendered: [Result<BatchRenderer.Document, DataErrors>]
    ) -> [Item] {
        precondition(records.count == rendered.count, "one result per record")
        var items: [Item] = []
        items.reserveCapacity(records.count)
        for (record, result) in zip(records, rendered) {
            switch result {
            case .failure(let errors):
                items.append(.failed(errors))
            case .success(let document):
                let fileName = (document.name ?? record.fallbackName) + "." + fileExtension
                let place = SourceLocation(file: record.file, line: record.line, column: 1)
                guard names.insert(fileName).inserted else {
                    items.append(
                        .failed(
                            DataErrors([
                                DataError(at: place, path: "id", message: "another record already gave this name")
                            ])))
                    continue
                }
                let warning =
                    document.hasUnsafeID ? "\(place): warning: id: not a safe file name; written as \(fileName)" : nil
                items.append(.document(fileName: fileName, bytes: document.bytes, warning: warning))
            }
        }
        return items
    }

    /// The next group's items, read, rendered and named on this thread; nil at the end.
    ///
    /// - Throws: `IOError` as `nextGroup()` does.
    public mutating func next(rendering renderer: BatchRenderer) throws(IOError) -> [Item]? {
        guard let records = try nextGroup() else { return nil }
        return name(records, rendered: records.map { $0.render(with: renderer) })
    }

    /// The `*.json` files directly in a folder, sorted by the bytes of their names; hidden
    /// files are skipped.
    static func jsonFiles(in path: String) throws(IOError) -> [String] {
        guard let entries = FileSystem.entries(of: path) else { throw .input(.unreadableFolder, path) }
        let names = entries.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
        return names.sorted { PathBytes.bytes(of: $0).lexicographicallyPrecedes(PathBytes.bytes(of: $1)) }
    }
}

/// How `batch -o FILE` puts documents into one file: HTML documents one after
/// another (each starts with `<!DOCTYPE html>`), text documents separated by a form feed,
/// as pages are.
public struct BatchConcatenation: Sendable {
    /// What goes between two documents.
    public let separator: [UInt8]
    private var isEmpty = true

    /// The framing for documents in `format`.
    public init(format: OutputFormat) {
        if case .text = format { separator = [0x0C] } else { separator = [] }
    }

    /// Appends a document to `buffer`, after the separator unless it is the first.
    public mutating func append(_ document: [UInt8], to buffer: inout [UInt8]) {
        if !isEmpty { buffer.append(contentsOf: separator) }
        isEmpty = false
        buffer.append(contentsOf: document)
    }
}

extension DataError {
    /// An input that could not be read, as a data problem at the same place (a record file
    /// of a batch folder: the record has no document).
    public init(_ error: IOError) {
        self.init(at: error.location ?? SourceLocation(file: ""), path: nil, message: error.message)
    }
}
