import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `safetyplan serve`: the local web app, in a browser, on this computer only.
///
/// The server is its own program, `safetyplan-serve`, from its own package (`WebApp/`), so
/// that the plain tool neither resolves, builds nor loads SwiftNIO. Installed, it sits
/// beside this one; in a checkout (`swift run safetyplan serve`) it is the web app
/// package's build, made first when missing.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Make plans in a browser, on this computer only; nothing is kept.",
        discussion: """
            Starts the web app on 127.0.0.1 and prints one address to open (it holds a secret \
            for this run). Every page has "Leave this page", which ends the session at once; \
            answers are kept in memory only, and dropped when the session is left, after 30 \
            minutes unused, or when the server stops (Ctrl-C). Nothing is written to disk but \
            what you download.
            """
    )

    @Option(help: ArgumentHelp("The port to listen on (default: a free one).", valueName: "N"))
    var port: Int = 0

    @Option(
        help: ArgumentHelp(
            "Use an agency's templates folder (default: $SAFETYPLAN_TEMPLATES).", valueName: "DIR"))
    var templates: String?

    @Flag(help: "Open the address in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() throws {
        let server = try Self.server()
        var arguments = [server, "--port", String(port)]
        if let templates { arguments += ["--templates", templates] }
        if open { arguments.append("--open") }
        // The server installs its own signal handling; it starts with nothing blocked.
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        let argv = arguments.map { strdup($0) } + [nil]
        execv(server, argv)
        Run.fail("error: cannot start the web app (\(server)): \(String(cString: strerror(errno)))")
    }

    /// The server program: installed beside this one, else the web app package's build in
    /// the checkout this program was built in (`WebApp/`), built first when missing.
    static func server() throws -> String {
        let folder = PathName.deletingLast(executablePath())
        let beside = (folder.isEmpty ? "." : folder) + "/safetyplan-serve"
        if access(beside, X_OK) == 0 { return beside }
        var build = folder
        while !build.isEmpty, build != "/", PathName.last(build) != ".build" { build = PathName.deletingLast(build) }
        let root = PathName.deletingLast(build)
        let webApp = root + "/WebApp"
        guard PathName.last(build) == ".build", access(webApp + "/Package.swift", R_OK) == 0 else {
            Run.fail(
                "error: the web app (safetyplan-serve) is not installed beside \(folder); build it with 'swift build --package-path WebApp --product safetyplan-serve' in the SafetyPlanner checkout"
            )
        }
        let configuration = PathName.last(folder) == "release" ? "release" : "debug"
        let server = webApp + "/.build/" + configuration + "/safetyplan-serve"
        if access(server, X_OK) != 0 { try Self.build(webApp, configuration: configuration) }
        guard access(server, X_OK) == 0 else { Run.fail("error: the web app did not build; see the messages above") }
        return server
    }

    /// This program's own path.
    static func executablePath() -> String {
        #if os(Linux)
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            if count > 0 { return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return CommandLine.arguments[0]
    }

    /// Builds the web app's package (`swift build --product safetyplan-serve`).
    static func build(_ package: String, configuration: String) throws {
        StandardError.write("Building the web app once (the first time takes a few minutes)…\n")
        let arguments = [
            "swift", "build", "--package-path", package, "--product", "safetyplan-serve", "-c", configuration,
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // What the build prints goes to standard error: standard output is the address.
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawnp(&child, "swift", &actions, nil, argv, environ) == 0 else {
            Run.fail(
                "error: cannot run 'swift build' to build the web app; build it with 'swift build --package-path WebApp --product safetyplan-serve'"
            )
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { Run.fail("error: the web app did not build; see the messages above") }
    }
}
