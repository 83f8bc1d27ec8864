import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder `batch --output-dir` writes into.
package enum OutputFolder {
    /// Creates the folder readable by the user only, unless it is there already.
    ///
    /// An existing folder must be a real folder (not a symbolic link) that only its owner,
    /// this user, can write to: otherwise someone else could read the plans or plant files
    /// among them. `isForced` (`--force`) takes it as it is. Stale temporary files of an
    /// earlier run killed in it are removed (`StaleFiles`).
    ///
    /// - Throws: `IOError` at the folder as a whole.
    package static func prepare(_ path: String, isForced: Bool) throws(IOError) {
        if FileSystem.mkdir(path, 0o700) == 0 { return }
        let reason = errno
        guard reason == EEXIST, let info = FileSystem.status(path), (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .file(.cannotCreateOutputFolder(reason: String(cString: strerror(reason))), path)
        }
        if !isForced {
            if let link = FileSystem.linkStatus(path), (link.st_mode & S_IFMT) == S_IFLNK {
                throw .file(.outputFolderIsLink, path)
            }
            if info.st_mode & 0o022 != 0 || info.st_uid != geteuid() {
                throw .file(.outputFolderNotPrivate, path)
            }
        }
        StaleFiles.sweep(besides: path + "/x")
    }
}
