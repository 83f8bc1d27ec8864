import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that no reader ever sees half of it and nobody else can read it.
///
/// The bytes go to a new temporary file in the same folder (`TemporaryName`), created with
/// mode 0600 and `O_EXCL` and registered with `Cleanup` (so a signal removes it), are
/// flushed to disk, and the file is renamed over the target. If anything fails the
/// temporary file is removed and an existing target is left as it was. Just before the
/// rename the target is compared with every input of the run (`InputFiles`): an input is
/// never replaced.
///
/// `isDurable: false` leaves out the flush: the file still appears whole or not at all to
/// every reader, but may be lost if the machine stops before the kernel writes it out.
/// `batch` writes thousands of files that way and flushes only the folder (its names)
/// at the end (`flushFileSystem(of:)`).
package enum AtomicFile {
    /// Writes `bytes` to `path`; returns whether a file of that name was replaced.
    /// `isReplacingInput` lets it replace an input of the run: only an answers file over
    /// the data file it was resumed from.
    @discardableResult
    package static func write(
        _ bytes: [UInt8], to path: String, isDurable: Bool = true, isReplacingInput: Bool = false
    ) throws(IOError) -> Bool {
        let (temporary, descriptor) = try createTemporary(besides: path)
        var failure = FileDescriptor.writeAll(descriptor, bytes)
        if failure == nil, isDurable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            Cleanup.remove(temporary)
            throw IOError.file(.cannotWrite(reason: failure), path)
        }
        return try commit(temporary, to: path, isReplacingInput: isReplacingInput)
    }

    /// A new private temporary file beside `path`, registered with `Cleanup`.
    package static func createTemporary(besides path: String) throws(IOError) -> (name: String, descriptor: Int32) {
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<100 {
            temporary = TemporaryName.beside(path)
            descriptor = Cleanup.createFile(temporary)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw IOError.file(.cannotCreate(reason: String(cString: strerror(errno))), path)
        }
        return (temporary, descriptor)
    }

    /// Renames a written temporary file over `path`, unless `path` is an input; returns
    /// whether a file of that name was replaced. The temporary file is gone either way.
    package static func commit(_ temporary: String, to path: String, isReplacingInput: Bool = false) throws(IOError)
        -> Bool
    {
        if !isReplacingInput, let input = InputFiles.input(at: path) {
            Cleanup.remove(temporary)
            throw OutputTarget.isAnInput(path, input: input)
        }
        let isReplacing = FileSystem.linkStatus(path) != nil
        if Cleanup.rename(temporary, to: path) != 0 {
            let failure = String(cString: strerror(errno))
            Cleanup.remove(temporary)
            throw IOError.file(.cannotWrite(reason: failure), path)
        }
        return isReplacing
    }
}

extension AtomicFile {
    /// Flushes the folder itself (the names of the files renamed into it) to disk; the
    /// files' contents are left to the kernel.
    package static func flushFileSystem(of folder: String) throws(IOError) {
        let descriptor = FileSystem.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOError.file(.cannotOpenOutputFolder, folder) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 {
            throw IOError.file(.cannotFlushOutputFolder(reason: String(cString: strerror(errno))), folder)
        }
    }
}
