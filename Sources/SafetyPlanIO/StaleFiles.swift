import SafetyPlanner
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes what an earlier run killed with SIGKILL left behind in a folder this run
/// writes into: its own kind of temporary files (`TemporaryName`), owned by this user,
/// whose process has ended. A file whose process still runs is never touched.
package enum StaleFiles {
    private nonisolated(unsafe) static var swept: Set<String> = []
    private static let lock = Mutex<Void>(())

    /// Removes stale temporary files in the folder of `path` (once per folder and run).
    package static func sweep(besides path: String) {
        let folder = PathName.deletingLast(path)
        sweep(folder: folder.isEmpty ? "." : folder, pdfFolders: false)
    }

    /// Removes stale PDF engine folders in the temporary folder `base`.
    package static func sweepPDFFolders(in base: String) {
        sweep(folder: base, pdfFolders: true)
    }

    private static func sweep(folder: String, pdfFolders: Bool) {
        let key = (pdfFolders ? "pdf:" : "file:") + folder
        guard lock.withLock({ _ in swept.insert(key).inserted }) else { return }
        guard let names = FileSystem.entries(of: folder) else { return }
        for name in names {
            guard
                let owner = pdfFolders ? TemporaryName.owner(ofPDFFolder: name) : TemporaryName.owner(ofFile: name),
                owner != getpid(), kill(owner, 0) != 0, errno == ESRCH
            else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let info = FileSystem.linkStatus(path), info.st_uid == geteuid() else { continue }
            let type = info.st_mode & S_IFMT
            if pdfFolders, type == S_IFDIR {
                Cleanup.removeTree(path)
            } else if !pdfFolders, type == S_IFREG {
                _ = FileSystem.unlink(path)
            }
        }
    }
}
