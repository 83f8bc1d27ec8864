import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one file of `batch -o FILE`: a private (0600) temporary file beside the
/// target, created with `O_EXCL`, that documents are streamed into and that is renamed
/// over the target at the end, so the file appears whole or not at all. Like the folder
/// mode it is not flushed to disk (`fsync`) before the rename. A device, a FIFO or a
/// descriptor (`/dev/stdout`) is written into directly instead (`OutputTarget`). How the
/// documents are framed is the library's (`BatchConcatenation`).
package final class ConcatenatedOutput {
    /// The target, as given.
    package let path: String
    private var temporary: String?
    private var descriptor: Int32 = -1
    private var ownsDescriptor = true
    private var failure: String?

    /// Opens the output: a temporary file beside `path`, or the stream `path` names.
    ///
    /// - Throws: `IOError` when `path` is an input or cannot be written.
    package init(path: String) throws(IOError) {
        self.path = path
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
    package var hasFailed: Bool { failure != nil }

    /// Writes bytes at the end of the file; returns the error once, on the first failure.
    package func write(_ bytes: [UInt8]) -> IOError? {
        guard failure == nil, descriptor >= 0 else { return nil }
        failure = FileDescriptor.writeAll(descriptor, bytes)
        return failure.map { IOError.file(.cannotWrite(reason: $0), path) }
    }

    /// Closes the file and renames it over the target. A failure already reported by
    /// `write` is not reported again (the batch has counted it): the file is removed.
    package func finish() throws(IOError) {
        let wasReported = failure != nil
        if ownsDescriptor, close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        descriptor = -1
        guard let temporary else {
            if let failure, !wasReported { throw .file(.cannotWrite(reason: failure), path) }
            return
        }
        if let failure {
            abandon()
            if wasReported { return }
            throw .file(.cannotWrite(reason: failure), path)
        }
        self.temporary = nil
        _ = try AtomicFile.commit(temporary, to: path)
    }

    /// Removes the temporary file unless `finish()` renamed it.
    package func abandon() {
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
