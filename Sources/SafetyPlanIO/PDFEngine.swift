import SafetyPlanner

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints an HTML page to a PDF file with headless Chromium, the external PDF engine of
/// `--format pdf` (as pandoc uses one).
///
/// The page goes to a private temporary folder (mode 0700, the file 0600); Chromium runs
/// with a throw-away profile, home and cache inside that folder, with networking features
/// off and every host name unresolvable, so nothing of the plan is kept and nothing is
/// fetched; the PDF is checked to be complete (`PDFCheck`) and then written to the target
/// (`OutputTarget`: atomically with mode 0600 for a file), and the temporary folder is
/// removed, whatever happened, also on SIGINT, SIGTERM or SIGHUP (`Cleanup`).
///
/// Chromium is `SAFETYPLAN_CHROMIUM` when that is set, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` and `google-chrome-stable` on `PATH`. When there
/// is none, the error says what to install and no file is written.
public enum PDFEngine {
    /// Names looked up on `PATH`, in order. The old headless shell comes first: it has no
    /// sign-in, updater or network-time services, so it makes no network call at all (the
    /// full browser, even with every switch below, still probes IPv6 reachability with a
    /// UDP `connect()` to a public DNS address when its services start; no packet is sent).
    package static let candidates = [
        "chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
    ]
    /// The longest Chromium may take to print one document, unless `--pdf-timeout` says.
    public static let defaultTimeLimit: Double = 120

    /// Prints `html` to a PDF at `path`.
    ///
    /// Chromium runs in its own process group, registered with `Cleanup`: a signal to the
    /// tool stops it and removes the private folder. After `timeLimit` seconds it is sent
    /// SIGTERM, then SIGKILL after `Cleanup.gracePeriod`. The file it writes must be a
    /// complete PDF (`PDFCheck`) before anything is written to `path`.
    ///
    /// - Throws: `IOError` when Chromium is missing, fails or times out, the PDF is
    ///   incomplete, `path` is an input, or the file cannot be written; the target is
    ///   then left as it was.
    package static func print(html: String, to path: String, timeLimit: Double = defaultTimeLimit) throws(IOError) {
        // An output that is an input, or a folder, is refused before Chromium starts.
        _ = try OutputTarget.kind(of: path)
        try OutputTarget.write(try pdf(html: html, timeLimit: timeLimit), to: path)
    }

    /// The PDF Chromium prints of `html`, checked complete, as bytes (the web app's
    /// download): nothing is left on disk once it returns.
    ///
    /// - Throws: `IOError` when Chromium is missing, fails or times out, or the PDF is
    ///   incomplete.
    public static func pdf(html: String, timeLimit: Double = defaultTimeLimit) throws(IOError) -> [UInt8] {
        let chromium = try locateChromium(environment: ProcessInfo.processInfo.environment)
        let folder = try makePrivateFolder()
        defer { Cleanup.removeFolder(folder) }
        let page = folder + "/plan.html"
        let pdf = folder + "/plan.pdf"
        let log = folder + "/chromium.log"
        try writePrivately(Array(html.utf8), to: page)

        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder
        environment["XDG_CONFIG_HOME"] = folder + "/config"
        environment["XDG_CACHE_HOME"] = folder + "/cache"
        let logDescriptor = open(log, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        defer { if logDescriptor >= 0 { close(logDescriptor) } }
        let process: pid_t
        do {
            process = try Cleanup.startChild { () throws(SpawnFailure) -> pid_t in
                try spawn(
                    chromium, arguments: arguments(folder: folder, page: page, pdf: pdf), environment: environment,
                    standardError: logDescriptor)
            }
        } catch {
            throw IOError(.chromiumDidNotStart(path: chromium, reason: error.reason), at: nil)
        }
        defer { Cleanup.childEnded(process) }
        let deadline = Clock.now + timeLimit
        var status: Int32 = 0
        var isRunning = true
        while isRunning && Clock.now < deadline {
            let waited = waitpid(process, &status, WNOHANG)
            if waited == process || (waited < 0 && errno != EINTR) {
                isRunning = false
            } else {
                usleep(20_000)
            }
        }
        if isRunning {
            Cleanup.stop(process)
            throw IOError(.chromiumTimedOut(seconds: Int(timeLimit)), at: nil)
        }
        // Helpers Chromium left running in its group are stopped too.
        kill(-process, SIGKILL)
        // As `Process.terminationStatus` had it: the exit code, or the signal that ended it.
        let terminationStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
        let bytes = FileManager.default.contents(atPath: pdf).map(Array.init) ?? []
        guard terminationStatus == 0, bytes.starts(with: Array("%PDF-".utf8)) else {
            let said = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init)
            throw IOError(.chromiumFailed(status: terminationStatus, lastLine: said), at: nil)
        }
        guard PDFCheck.pageCount(bytes) != nil else {
            throw IOError(.incompletePDF, at: nil)
        }
        return bytes
    }

    /// Starts `executable` with standard input and output on `/dev/null` and standard
    /// error on `standardError` (inherited when it is negative).
    ///
    /// `posix_spawn`, not Foundation's `Process`: `Process` is in the full Foundation,
    /// which would link ICU into the tool and load it on every run.
    ///
    /// - Throws: `SpawnFailure` with the system's reason when it cannot be started.
    private static func spawn(
        _ executable: String, arguments: [String], environment: [String: String], standardError: Int32
    ) throws(SpawnFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        if standardError >= 0 { posix_spawn_file_actions_adddup2(&actions, standardError, 2) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no blocked signals and every handler at its default.
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        // Its own process group, so that it and every helper it starts can be stopped at once.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var process: pid_t = 0
        let result = posix_spawn(&process, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnFailure(reason: String(cString: strerror(result))) }
        return process
    }

    /// The Chromium to run: `SAFETYPLAN_CHROMIUM` when set, else the first candidate on `PATH`.
    ///
    /// - Throws: `IOError` when `SAFETYPLAN_CHROMIUM` names a path that does not exist or
    ///   cannot be run (saying so, since the user set it), or when there is no Chromium.
    package static func locateChromium(environment: [String: String]) throws(IOError) -> String {
        if let configured = environment["SAFETYPLAN_CHROMIUM"], !configured.isEmpty {
            guard FileManager.default.fileExists(atPath: configured) else {
                throw IOError(.chromiumSetButMissing(configured), at: nil)
            }
            guard FileManager.default.isExecutableFile(atPath: configured) else {
                throw IOError(
                    .chromiumDidNotStart(path: configured, reason: "it is not a program that can be run"), at: nil)
            }
            return configured
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            for name in candidates {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        throw IOError(.chromiumMissing, at: nil)
    }

    /// Headless, offline, with a throw-away profile, printing the page with no browser
    /// header or footer (the stylesheet's own page numbers are kept).
    package static func arguments(folder: String, page: String, pdf: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-default-apps",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-domain-reliability", "--disable-breakpad", "--disable-crash-reporter",
            "--metrics-recording-only", "--host-resolver-rules=MAP * ~NOTFOUND",
            // No DNS prefetch, no proxy lookup (PAC/WPAD), no hyperlink-auditing pings.
            "--dns-prefetch-disable", "--no-proxy-server", "--no-pings",
            // The full browser's network-time fetch; the shell has none.
            "--disable-features=NetworkTimeServiceQuerying",
            "--user-data-dir=\(folder)/profile", "--disk-cache-dir=\(folder)/cache",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: page).absoluteString,
        ]
    }

    /// A new folder only the user can enter, in the system's temporary folder, registered
    /// with `Cleanup`; folders left by earlier runs killed with SIGKILL are removed first.
    private static func makePrivateFolder() throws(IOError) -> String {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        StaleFiles.sweepPDFFolders(in: base)
        var reason: Int32 = 0
        let made = Cleanup.makeFolder { () -> String? in
            var template = Array((base + "/" + TemporaryName.pdfFolderPrefix + "XXXXXX").utf8CString)
            guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
                reason = errno
                return nil
            }
            return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        guard let made else {
            throw IOError(.cannotMakePDFFolder(reason: String(cString: strerror(reason))), at: nil)
        }
        return made
    }

    /// Writes a new file with mode 0600 (`O_EXCL`: never through an existing file or link).
    private static func writePrivately(_ bytes: [UInt8], to path: String) throws(IOError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw IOError(.cannotWritePDFPage(reason: String(cString: strerror(errno))), at: nil)
        }
        defer { close(descriptor) }
        if let failure = FileDescriptor.writeAll(descriptor, bytes) {
            throw IOError(.cannotWritePDFPage(reason: failure), at: nil)
        }
    }
}

/// Why `posix_spawn` could not start Chromium: the system's reason.
struct SpawnFailure: Error {
    var reason: String
}
