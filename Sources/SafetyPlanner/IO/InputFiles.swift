import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every regular file this run has read, by device and inode, so that no output is ever
/// written over one of them (a data file, a template, a form, an agency folder's file).
///
/// `FileInput` and `LineReader` record each file they open; the tool asks `input(at:)`
/// before it replaces or writes into a file. Device and inode are compared, not names,
/// so a hard link, a symbolic link or another spelling of the same path is caught.
package enum InputFiles {
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static let names = Mutex<[Identity: String]>([:])

    /// Records the file behind `info` (from `fstat`) as an input named `path`.
    package static func record(_ info: stat, path: String) {
        let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        names.withLock { names in
            if names[identity] == nil { names[identity] = path }
        }
    }

    /// The name of the input that is the same file as `info`, if any.
    package static func input(matching info: stat) -> String? {
        let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        return names.withLock { $0[identity] }
    }

    /// The name of the input that `path` is (after following symbolic links), if any.
    package static func input(at path: String) -> String? {
        guard let info = FileSystem.status(path) else { return nil }
        return input(matching: info)
    }
}
