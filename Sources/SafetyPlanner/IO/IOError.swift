import SafeXML

/// A problem reading an input file, writing an output, or printing a PDF, printed as
/// `file:line:column: error: message`, `file: error: message` or `error: message`.
///
/// An input that cannot be read at all is located at its first line and column (`1:1`),
/// where an editor opens it; an output, an output folder or a file named as an argument
/// is located as a whole (`SourceLocation(file:)`); the PDF engine's problems are in no
/// file. Messages say what went wrong and, for a system call, the system's reason; they
/// never hold a value read from a file.
public struct IOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        // Reading.
        /// The input does not exist or cannot be opened or read.
        case unreadable
        /// Reading stopped part-way through a file already open.
        case readFailed
        /// The input is a folder.
        case isFolder
        /// The input is a FIFO, a device or a socket; `kind` says which ("a FIFO").
        case notRegularFile(kind: String)
        /// The input is larger than the limit (`--max-input-size`).
        case tooLarge(maximumBytes: Int)
        /// A folder of records cannot be listed.
        case unreadableFolder
        /// A form file given to `fill` whose name does not end in `.xml`.
        case formNameNotXML
        /// A path given to `check` that is neither a folder nor an `.xml` or `.rng` file.
        case notTemplateFile
        /// A path given as an argument that does not exist (`check nothere/`); printed in
        /// no file, as "nothere/ does not exist".
        case pathMissing(String)
        /// A folder given to `check` with no `.xml` or `.rng` file in it; printed in no file.
        case nothingToCheck(String)
        /// `SAFETYPLAN_CHROMIUM` names a path that does not exist; printed in no file.
        case chromiumSetButMissing(String)

        // Writing.
        /// Standard output cannot be written; the system's reason.
        case cannotWriteStandardOutput(reason: String)
        /// The output cannot be written (a full disk: "No space left on device").
        case cannotWrite(reason: String)
        /// The output's temporary file cannot be created.
        case cannotCreate(reason: String)
        /// An existing device or FIFO named as the output cannot be opened.
        case cannotOpenOutput(reason: String)
        /// The output is a folder.
        case outputIsFolder
        /// The output is a socket or a block device; `kind` says which.
        case outputNotFile(kind: String)
        /// The output is one of the run's inputs (the same device and inode).
        case outputIsInput(input: String)
        /// `batch --output-dir` cannot be created.
        case cannotCreateOutputFolder(reason: String)
        /// `batch --output-dir` is a symbolic link (refused without `--force`).
        case outputFolderIsLink
        /// Others can write to `batch --output-dir` (refused without `--force`).
        case outputFolderNotPrivate
        /// `batch --output-dir` cannot be opened to flush it.
        case cannotOpenOutputFolder
        /// `batch --output-dir` cannot be flushed to disk.
        case cannotFlushOutputFolder(reason: String)

        // The PDF engine.
        /// No Chromium is installed or configured.
        case chromiumMissing
        /// Chromium at `path` could not be started.
        case chromiumDidNotStart(path: String, reason: String)
        /// Chromium did not finish in time and was stopped.
        case chromiumTimedOut(seconds: Int)
        /// Chromium ended with `status` and no PDF; `lastLine` is the last line it logged.
        case chromiumFailed(status: Int32, lastLine: String?)
        /// Chromium's PDF has no trailer or no page.
        case incompletePDF
        /// The PDF engine's private folder cannot be made.
        case cannotMakePDFFolder(reason: String)
        /// The page to print cannot be written into the private folder.
        case cannotWritePDFPage(reason: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// Where: a file's first line and column, a file as a whole, or nil (the PDF engine).
    public var location: SourceLocation?

    /// Creates an error.
    public init(_ kind: Kind, at location: SourceLocation?) {
        self.kind = kind
        self.location = location
    }

    /// An input problem, located at the file's first line and column.
    public static func input(_ kind: Kind, _ path: String) -> IOError {
        IOError(kind, at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// A problem with a file as a whole (an output, a folder, a path given as an argument).
    public static func file(_ kind: Kind, _ path: String) -> IOError {
        IOError(kind, at: SourceLocation(file: path))
    }

    /// One sentence saying what went wrong.
    public var message: String { kind.message }

    /// The printed form (STYLE.md §6).
    public var description: String { SourceLocation.errorLine(message, at: location) }
}

extension IOError.Kind {
    /// One sentence saying what went wrong.
    public var message: String {
        switch self {
        case .unreadable: return "cannot read the file (it does not exist or is not readable)"
        case .readFailed: return "cannot read the file"
        case .isFolder: return "is a folder, not a file"
        case .notRegularFile(let kind): return "is \(kind), not a regular file"
        case .tooLarge(let limit):
            return "the file is larger than \(limit) bytes; raise the limit with --max-input-size"
        case .unreadableFolder: return "cannot read the folder"
        case .formNameNotXML: return "a form file's name must end in .xml"
        case .notTemplateFile: return "not a folder, an .xml or an .rng file"
        case .pathMissing(let path): return "\(path) does not exist"
        case .nothingToCheck(let path): return "no template or catalog files in \(path)"
        case .chromiumSetButMissing(let path): return "SAFETYPLAN_CHROMIUM is set to \(path), which does not exist"
        case .cannotWriteStandardOutput(let reason): return "cannot write to standard output (\(reason))"
        case .cannotWrite(let reason): return "cannot write the output file (\(reason))"
        case .cannotCreate(let reason): return "cannot create the output file (\(reason))"
        case .cannotOpenOutput(let reason): return "cannot open the output (\(reason))"
        case .outputIsFolder: return "is a folder; give the name of a file to write"
        case .outputNotFile(let kind): return "is \(kind); give the name of a file"
        case .outputIsInput(let input): return "the output is also an input (\(input)); nothing was written"
        case .cannotCreateOutputFolder(let reason): return "cannot create the output folder (\(reason))"
        case .outputFolderIsLink:
            return "the output folder is a symbolic link; give the folder itself, or --force to use it"
        case .outputFolderNotPrivate:
            return "others can write to the output folder; give a private folder, or --force to use it"
        case .cannotOpenOutputFolder: return "cannot open the output folder"
        case .cannotFlushOutputFolder(let reason): return "cannot flush the output folder (\(reason))"
        case .chromiumMissing:
            return "--format pdf needs Chromium; install it with 'apt-get install chromium' "
                + "or set SAFETYPLAN_CHROMIUM to its path"
        case .chromiumDidNotStart(let path, let reason): return "cannot start Chromium (\(path)): \(reason)"
        case .chromiumTimedOut(let seconds): return "Chromium did not finish the PDF within \(seconds) seconds"
        case .chromiumFailed(let status, let lastLine):
            return "Chromium could not make the PDF (exit \(status))" + (lastLine.map { ": " + $0 } ?? "")
        case .incompletePDF: return "Chromium wrote an incomplete PDF (no trailer or no page); nothing was written"
        case .cannotMakePDFFolder(let reason): return "cannot make a temporary folder for the PDF (\(reason))"
        case .cannotWritePDFPage(let reason): return "cannot write a temporary file for the PDF (\(reason))"
        }
    }
}
