import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an output named on the command line goes, and only there.
///
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` are the descriptors
///   the tool was started with: the bytes are written to that descriptor, and the name
///   (a link the system owns) is never replaced.
/// - An existing character device or FIFO (`/dev/null`, `/dev/full`, a terminal, a named
///   pipe), also through a symbolic link, is opened and written into, never replaced by a
///   regular file, even as root; an error such as ENOSPC on `/dev/full` is reported.
/// - A folder, a socket or a block device is refused.
/// - Anything else is written atomically (`AtomicFile`).
///
/// In every case the target is first compared with the run's inputs (`InputFiles`): an
/// output that is an input is refused with nothing written.
package enum OutputTarget {
    /// What to do with a target.
    package enum Kind {
        /// Write to this descriptor, which the tool was given.
        case descriptor(Int32)
        /// Open the existing device or FIFO and write into it.
        case stream
        /// Write a private temporary file and rename it over the target.
        case file
    }

    /// Writes `bytes` to `path` as its kind asks.
    package static func write(_ bytes: [UInt8], to path: String) throws(IOError) {
        switch try kind(of: path) {
        case .descriptor(let descriptor):
            if let failure = FileDescriptor.writeAll(descriptor, bytes) {
                throw IOError.file(.cannotWrite(reason: failure), path)
            }
        case .stream:
            let descriptor = try openStream(path)
            var failure = FileDescriptor.writeAll(descriptor, bytes)
            if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            if let failure { throw IOError.file(.cannotWrite(reason: failure), path) }
        case .file:
            StaleFiles.sweep(besides: path)
            try AtomicFile.write(bytes, to: path)
        }
    }

    /// How `path` is written; throws when it is an input or cannot be written at all.
    package static func kind(of path: String) throws(IOError) -> Kind {
        if let descriptor = standardDescriptor(path) { return .descriptor(descriptor) }
        guard let info = FileSystem.status(path) else { return .file }
        if let input = InputFiles.input(matching: info) { throw isAnInput(path, input: input) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFCHR, S_IFIFO: return .stream
        case S_IFDIR: throw IOError.file(.outputIsFolder, path)
        default: throw IOError.file(.outputNotFile(kind: FileSystem.kindName(info.st_mode)), path)
        }
    }

    /// Opens an existing device or FIFO for writing (never creating or truncating it).
    package static func openStream(_ path: String) throws(IOError) -> Int32 {
        let descriptor = FileSystem.open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IOError.file(.cannotOpenOutput(reason: String(cString: strerror(errno))), path)
        }
        return descriptor
    }

    /// The descriptor that `path` names, when it names one the tool was started with.
    package static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            guard let number = Int32(path.dropFirst(prefix.count)), number >= 0 else { return nil }
            return fcntl(number, F_GETFD) >= 0 ? number : nil
        }
        return nil
    }

    /// Checks, before a long interview, that `path` can be written at the end: not an
    /// input (unless it is `allowedInput`, the data file an answers file replaces), not a
    /// folder, and in a folder that exists and can be written to.
    ///
    /// - Throws: `IOError` as writing would throw it.
    package static func preflight(_ path: String, allowedInput: String? = nil) throws(IOError) {
        if let allowedInput, isSameRegularFile(path, as: allowedInput) { return }
        guard case .file = try kind(of: path) else { return }
        let folder = PathName.deletingLast(path)
        guard access(folder.isEmpty ? "." : folder, W_OK) == 0 else {
            throw IOError.file(.cannotCreate(reason: String(cString: strerror(errno))), path)
        }
    }

    /// Refuses `path` when it is one of the inputs already read.
    package static func refuseIfInput(_ path: String) throws(IOError) {
        if standardDescriptor(path) == nil, let input = InputFiles.input(at: path) {
            throw isAnInput(path, input: input)
        }
    }

    /// Refuses `path` when it is the same file as `input` (which may not be read yet).
    package static func refuseIfSame(_ path: String, as input: String) throws(IOError) {
        if isSameRegularFile(path, as: input) { throw isAnInput(path, input: input) }
    }

    /// Whether `path` names the same regular file as `input` (after links), and not a
    /// descriptor the tool was started with.
    package static func isSameRegularFile(_ path: String, as input: String) -> Bool {
        guard standardDescriptor(path) == nil, let output = FileSystem.status(path),
            let other = FileSystem.status(input), (output.st_mode & S_IFMT) == S_IFREG
        else { return false }
        return output.st_dev == other.st_dev && output.st_ino == other.st_ino
    }

    /// The error for an output that is an input.
    package static func isAnInput(_ path: String, input: String) -> IOError {
        IOError.file(.outputIsInput(input: input), path)
    }
}
