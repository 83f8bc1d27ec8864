#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// System calls that take a name, given a `String` made by `PathBytes`.
package enum FileSystem {
    package static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        PathBytes.withCString(path) { Glibc.open($0, flags, mode) }
    }

    /// `stat` (following symbolic links); nil when there is no such file.
    package static func status(_ path: String) -> stat? {
        var info = stat()
        return PathBytes.withCString(path) { stat($0, &info) } == 0 ? info : nil
    }

    /// `lstat` (the link itself); nil when there is no such file.
    package static func linkStatus(_ path: String) -> stat? {
        var info = stat()
        return PathBytes.withCString(path) { lstat($0, &info) } == 0 ? info : nil
    }

    package static func rename(_ from: String, _ to: String) -> Int32 {
        PathBytes.withCString(from) { source in PathBytes.withCString(to) { Glibc.rename(source, $0) } }
    }

    package static func unlink(_ path: String) -> Int32 {
        PathBytes.withCString(path) { Glibc.unlink($0) }
    }

    package static func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
        PathBytes.withCString(path) { Glibc.mkdir($0, mode) }
    }

    package static func rmdir(_ path: String) -> Int32 {
        PathBytes.withCString(path) { Glibc.rmdir($0) }
    }

    package static func openFolder(_ path: String) -> OpaquePointer? {
        PathBytes.withCString(path) { Glibc.opendir($0) }
    }

    /// The names in a folder, without `.` and `..`; nil when it cannot be read.
    package static func entries(of folder: String) -> [String]? {
        guard let directory = openFolder(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = PathBytes.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The absolute path with every symbolic link resolved, or nil.
    package static func resolved(_ path: String) -> String? {
        PathBytes.withCString(path) { pointer -> String? in
            guard let result = realpath(pointer, nil) else { return nil }
            defer { free(result) }
            return PathBytes.string(
                from: UnsafeBufferPointer(
                    start: UnsafeRawPointer(result).assumingMemoryBound(to: UInt8.self), count: strlen(result)))
        }
    }

    /// What kind of file `mode` is, in words for a message: "a FIFO", "a device", …
    package static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}
