import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built tool run on a pseudo-terminal, as a person at a terminal runs it: the
/// terminal is its standard input, output and error and its controlling terminal (so
/// Ctrl-C is SIGINT from the terminal), and keys are typed into it one write at a time.
final class PseudoTerminal {
    private let master: Int32
    private let child: pid_t
    /// Everything the tool wrote to the terminal so far (with the terminal's \r\n).
    private(set) var output: [UInt8] = []
    /// How much of `output` `expect` has already matched.
    private var matched = 0

    /// Starts the tool with `arguments` (give paths absolute).
    init(_ arguments: [String]) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 50, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure("openpty failed") }
        let slaveName = String(cString: ttyname(slave))
        close(slave)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        self.master = master

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc runs it before the file actions), the terminal
        // becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        let executable = ToolRunner.executable.path
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Failure("posix_spawn failed: \(status)") }
        child = pid
    }

    deinit {
        kill(child, SIGKILL)
        var status: Int32 = 0
        waitpid(child, &status, WNOHANG)
        close(master)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// What the terminal shows, as text (escape sequences and all).
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Sends `signal` to the tool, as `kill` from another terminal would.
    func send(_ signal: Int32) {
        kill(child, signal)
    }

    /// Types `keys`, once the line editor has the terminal (canonical mode off): keys
    /// typed before then would be echoed by the terminal itself, and a Ctrl-D typed
    /// ahead is lost when the editor switches modes, as at a real terminal.
    func type(_ keys: String) {
        let deadline = Date().addingTimeInterval(5)
        while settings.c_lflag & tcflag_t(ICANON) != 0, Date() < deadline { read(for: 0.01) }
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the tool has written `expected` after what was matched before.
    func expect(_ expected: String, within seconds: Double = 20) throws {
        try expect(anyOf: [expected], within: seconds)
    }

    /// Waits until the tool has written one of `expected` after what was matched before.
    func expect(anyOf expected: [String], within seconds: Double = 20) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let unmatched = String(decoding: output[matched...], as: UTF8.self)
            let found = expected.compactMap { unmatched.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
            if let range = found {
                matched += unmatched[..<range.upperBound].utf8.count
                return
            }
            guard Date() < deadline, read(for: 0.2) else {
                throw Failure("never saw \(expected.debugDescription); the terminal shows:\n\(text)")
            }
        }
    }

    /// Reads what is there within `seconds`; false at the end (the tool has closed it).
    @discardableResult
    private func read(for seconds: Double) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) >= 0 else { return false }
        if descriptor.revents & Int16(POLLIN) == 0 { return descriptor.revents & Int16(POLLHUP) == 0 }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        output += buffer[..<count]
        return true
    }

    /// Waits for the tool to end, reading what it writes; its exit status, or 128 + the
    /// signal that ended it.
    func waitForExit(within seconds: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            read(for: 0.05)
            let waited = waitpid(child, &status, WNOHANG)
            if waited == child {
                while read(for: 0.05) {}
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
        }
        throw Failure("the tool did not end within \(seconds) s; the terminal shows:\n\(text)")
    }

    /// The terminal's settings now (shared by both ends of the pseudo-terminal).
    var settings: termios {
        var settings = termios()
        tcgetattr(master, &settings)
        return settings
    }
}

/// Keys as a terminal sends them.
enum Key {
    static let enter = "\r"
    static let left = "\u{1B}[D"
    static let up = "\u{1B}[A"
    static let backspace = "\u{7F}"
    static let controlA = "\u{01}"
    static let controlE = "\u{05}"
    static let controlC = "\u{03}"
    static let controlD = "\u{04}"
}
