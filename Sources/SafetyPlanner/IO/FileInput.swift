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
package enum FileInput {
    package enum Failure: Error, Equatable {
        case unreadable
        case isDirectory
        case tooLarge(maximumBytes: Int)
    }

    package static func read(_ path: String, maximumBytes: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable }
        guard Int(info.st_size) <= maximumBytes else { throw .tooLarge(maximumBytes: maximumBytes) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            // A file that grows while being read is still held to the limit.
            guard bytes.count <= maximumBytes else { throw .tooLarge(maximumBytes: maximumBytes) }
        }
        return bytes
    }
}
