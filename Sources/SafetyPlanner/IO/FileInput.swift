#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one input file with plain system calls: open, fstat, read.
///
/// Foundation's file attributes look up the owner's name, which opens `/etc/passwd` and
/// talks to the name service; an input must open nothing but itself. The size is checked
/// on the open file before a byte is read, so an oversize input is never loaded.
///
/// Only a regular file is read. The file is opened with `O_NONBLOCK`, so opening a FIFO
/// never waits for a writer, and its type is checked (`fstat`) before a byte is read: a
/// FIFO, a device, a socket or a folder is refused at once. The one exception is a name
/// for a descriptor the shell already opened (`/dev/stdin`, `/dev/fd/N`,
/// `/proc/self/fd/N`, as process substitution `<(…)` gives): a pipe there is read as a
/// stream, still held to the size limit.
package enum FileInput {
    /// The bytes of the input at `path`.
    ///
    /// - Throws: `IOError` at `path:1:1`: `.unreadable`, `.isFolder`, `.notRegularFile`
    ///   or `.tooLarge`.
    package static func read(_ path: String, maximumBytes: Int) throws(IOError) -> [UInt8] {
        let (descriptor, info) = try openForReading(path)
        defer { close(descriptor) }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        if isRegular {
            guard Int(info.st_size) <= maximumBytes else { throw .input(.tooLarge(maximumBytes: maximumBytes), path) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(isRegular ? Int(info.st_size) : 65536)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .input(.unreadable, path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            // A file that grows while being read, or a stream, is still held to the limit.
            guard bytes.count <= maximumBytes else { throw .input(.tooLarge(maximumBytes: maximumBytes), path) }
        }
        return bytes
    }

    /// Opens `path` for reading without waiting, checks that it is a regular file (or a
    /// stream named by its descriptor), records it as an input and returns it blocking.
    package static func openForReading(_ path: String) throws(IOError) -> (descriptor: Int32, info: stat) {
        let descriptor = FileSystem.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw .input(.unreadable, path) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw .input(.unreadable, path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            InputFiles.record(info, path: path)
        case S_IFDIR:
            close(descriptor)
            throw .input(.isFolder, path)
        case S_IFIFO, S_IFSOCK, S_IFCHR:
            // (`where` would bind to the last pattern only.)
            guard isDescriptorName(path) else {
                close(descriptor)
                throw .input(.notRegularFile(kind: FileSystem.kindName(info.st_mode)), path)
            }
        default:
            close(descriptor)
            throw .input(.notRegularFile(kind: FileSystem.kindName(info.st_mode)), path)
        }
        // Reads wait for data again: only the open had to be non-blocking.
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, info)
    }

    /// Whether `path` names a descriptor the tool was started with: `/dev/stdin`,
    /// `/dev/fd/N` or `/proc/self/fd/N`.
    package static func isDescriptorName(_ path: String) -> Bool {
        if path == "/dev/stdin" { return true }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            let number = path.dropFirst(prefix.count)
            return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }
}
