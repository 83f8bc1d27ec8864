#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that no reader ever sees half of it and nobody else can read it.
///
/// The bytes go to a new temporary file in the same folder, created with mode 0600 and
/// `O_EXCL`, are flushed to disk, and the file is renamed over the target. If anything
/// fails the temporary file is removed and an existing target is left as it was.
///
/// `isDurable: false` leaves out the flush: the file still appears whole or not at all to
/// every reader, but may be lost if the machine stops before the kernel writes it out.
/// `batch` writes thousands of files that way and flushes only the folder (its names)
/// at the end (`flushFileSystem(of:)`).
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String, isDurable: Bool = true) throws {
        let folder = PathName.deletingLast(path)
        let base = PathName.last(path)
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temporary = (folder.isEmpty ? "" : folder + "/") + ".\(base).\(suffix)-\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw InputError("\(path): error: cannot create the output file (\(String(cString: strerror(errno))))")
        }
        var failure = FileDescriptor.writeAll(descriptor, bytes)
        if failure == nil, isDurable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw InputError("\(path): error: cannot write the output file (\(failure))")
        }
    }
}

extension AtomicFile {
    /// Flushes the folder itself (the names of the files renamed into it) to disk; the
    /// files' contents are left to the kernel.
    static func flushFileSystem(of folder: String) throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError("\(folder): error: cannot open the output folder") }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 {
            throw InputError("\(folder): error: cannot flush the output folder (\(String(cString: strerror(errno))))")
        }
    }
}
