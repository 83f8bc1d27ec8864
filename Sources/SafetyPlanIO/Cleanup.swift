import SafetyPlanner
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the run has made that must not outlive it: temporary files, temporary folders and
/// a running Chromium; and the thread that cleans them up on SIGINT, SIGTERM or SIGHUP.
///
/// `install()`, first thing in `main`, blocks the three signals in every thread (threads
/// made later inherit the mask; Chromium is started with none blocked) and starts one
/// thread that waits for them with `sigwait`. When one comes, that thread takes the lock
/// for good, stops Chromium (SIGTERM to its process group, SIGKILL after
/// `gracePeriod`), removes every temporary file and folder still registered, and ends the
/// process with exit status 128 + the signal's number. Because a temporary file is
/// created, renamed and removed only under the same lock (`createFile`, `rename`,
/// `remove`), there is no moment at which a file exists that the cleanup does not know.
///
/// SIGKILL cannot be caught: what it can leave is written in the README, and the next run
/// removes it (`StaleFiles`).
public enum Cleanup {
    /// How long a stopped Chromium has between SIGTERM and SIGKILL.
    package static let gracePeriod: Double = 2

    private nonisolated(unsafe) static var files: Set<String> = []
    private nonisolated(unsafe) static var folders: Set<String> = []
    private nonisolated(unsafe) static var children: Set<pid_t> = []
    private static let lock = Mutex<Void>(())
    /// The terminal settings to put back before the process ends on a signal, and what to
    /// say then (the interview at a terminal: line editing changes the settings).
    private nonisolated(unsafe) static var terminal: termios?
    private nonisolated(unsafe) static var stopMessage: [UInt8] = []

    /// Blocks SIGINT, SIGTERM and SIGHUP and starts the thread that handles them.
    public static func install() {
        var signals = handledSignals
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var thread = pthread_t()
        _ = pthread_create(
            &thread, nil,
            { _ in
                var signals = Cleanup.handledSignals
                var received: Int32 = 0
                while sigwait(&signals, &received) != 0 {}
                Cleanup.cleanUpAndExit(signal: received)
            }, nil)
    }

    /// SIGINT, SIGTERM and SIGHUP, the signals the cleanup thread waits for.
    package static var handledSignals: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        return signals
    }

    /// Creates `path` new (mode 0600, `O_EXCL`) and registers it for removal, atomically
    /// with respect to a signal; returns the descriptor, or -1 with `errno` set.
    package static func createFile(_ path: String) -> Int32 {
        lock.withLock { _ in
            let descriptor = FileSystem.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { files.insert(path) }
            return descriptor
        }
    }

    /// Renames a registered temporary file over its target; it is then no longer removed.
    /// Returns 0, or -1 with `errno` set.
    package static func rename(_ temporary: String, to target: String) -> Int32 {
        lock.withLock { _ in
            let result = FileSystem.rename(temporary, target)
            if result == 0 { files.remove(temporary) }
            return result
        }
    }

    /// Removes a registered temporary file now.
    package static func remove(_ temporary: String) {
        lock.withLock { _ in
            _ = FileSystem.unlink(temporary)
            files.remove(temporary)
        }
    }

    /// Registers a folder made by the run (by `make`, under the lock) to remove with
    /// everything in it.
    package static func makeFolder(_ make: () -> String?) -> String? {
        lock.withLock { _ in
            let folder = make()
            if let folder { folders.insert(folder) }
            return folder
        }
    }

    /// Removes a registered folder and everything in it now.
    package static func removeFolder(_ folder: String) {
        lock.withLock { _ in
            removeTree(folder)
            folders.remove(folder)
        }
    }

    /// Starts a child process (through `start`, under the lock) that a signal must stop.
    package static func startChild<E: Error>(_ start: () throws(E) -> pid_t) throws(E) -> pid_t {
        try lock.withLock { (_: inout Void) throws(E) -> pid_t in
            let child = try start()
            children.insert(child)
            return child
        }
    }

    /// Forgets a child that has been waited for.
    package static func childEnded(_ child: pid_t) {
        lock.withLock { _ in _ = children.remove(child) }
    }

    /// Stops a child started in its own process group: SIGTERM to the group, then
    /// SIGKILL when it has not ended within `grace` seconds; waits for it in both cases.
    package static func stop(_ child: pid_t, grace: Double = gracePeriod) {
        kill(-child, SIGTERM)
        kill(child, SIGTERM)
        var status: Int32 = 0
        let deadline = Clock.now + grace
        while Clock.now < deadline {
            let waited = waitpid(child, &status, WNOHANG)
            if waited == child || (waited < 0 && errno == ECHILD) { break }
            usleep(10_000)
        }
        // Whatever of the group is left (helpers, or a leader that ignored SIGTERM).
        kill(-child, SIGKILL)
        kill(child, SIGKILL)
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    }

    /// While the interview runs at a terminal: on a signal, put the settings of the
    /// terminal on standard input back as they are now, and say `message` on standard
    /// error, on a line of its own. `nil` forgets both.
    package static func onStop(restoringTerminal: Bool, message: String?) {
        lock.withLock { _ in
            terminal = nil
            if restoringTerminal {
                var settings = termios()
                if tcgetattr(0, &settings) == 0 { terminal = settings }
            }
            stopMessage = message.map { Array(("\n" + $0 + "\n").utf8) } ?? []
        }
    }

    private static func cleanUpAndExit(signal: Int32) -> Never {
        // The lock is never released: every other thread that writes now waits for ever.
        lock.withLock { _ -> Never in
            if var settings = terminal { tcsetattr(0, TCSANOW, &settings) }
            if !stopMessage.isEmpty { _ = FileDescriptor.writeAll(2, stopMessage) }
            for child in children { stop(child) }
            for file in files { _ = FileSystem.unlink(file) }
            for folder in folders { removeTree(folder) }
            _exit(128 + signal)
        }
    }

    /// Removes `path` and, when it is a folder, everything in it; links are removed,
    /// never followed.
    package static func removeTree(_ path: String) {
        guard let info = FileSystem.linkStatus(path) else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in FileSystem.entries(of: path) ?? [] { removeTree(path + "/" + name) }
            _ = FileSystem.rmdir(path)
        } else {
            _ = FileSystem.unlink(path)
        }
    }
}
