import Foundation
import SafetyPlanIO
import SafetyPlanWeb

/// `safetyplan-serve [--templates DIR] [--port N] [--open]`: the local web app, started by
/// `safetyplan serve`, which passes its own arguments on.
Cleanup.install()
var templates = ProcessInfo.processInfo.environment["SAFETYPLAN_TEMPLATES"]
var port = 0
var opensBrowser = false
// Hidden (not in the usage line): a shorter idle limit, for the load check
// (Tests/check-web-load.py) to see sessions expire; fractions of a minute are allowed.
var idleMinutes = 30.0
var arguments = CommandLine.arguments.dropFirst()[...]
func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    exit(64)
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--templates":
        guard let value = arguments.popFirst() else { usage("--templates needs a folder") }
        templates = value
    case "--port":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), (0...65535).contains(value) else {
            usage("--port needs a number from 0 (a free port) to 65535")
        }
        port = value
    case "--open":
        opensBrowser = true
    case "--idle-minutes":
        guard let value = arguments.popFirst().flatMap({ Double($0) }), value.isFinite, value > 0, value <= 24 * 60
        else { usage("--idle-minutes needs a number of minutes above 0, at most 1440") }
        idleMinutes = value
    default:
        usage("unknown option '\(argument)'; the options are --templates DIR, --port N and --open")
    }
}

let server: WebServer
let shouldOpen = opensBrowser
do {
    server = try WebServer(WebServer.Configuration(templatesDirectory: templates, idleLimit: idleMinutes * 60))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
do {
    try await server.run(port: port) { address in
        let text = """
            The plan maker is running on this computer only. Open this address in a browser
            (a private window is best):

                \(address)

            Press Ctrl-C here to stop. Every answer is dropped when it stops.

            """
        FileHandle.standardOutput.write(Data(text.utf8))
        if shouldOpen {
            let opener = Process()
            opener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            #if os(macOS)
                opener.arguments = ["open", address]
            #else
                opener.arguments = ["xdg-open", address]
            #endif
            opener.standardOutput = FileHandle.nullDevice
            opener.standardError = FileHandle.nullDevice
            try? opener.run()
        }
    }
} catch {
    FileHandle.standardError.write(Data("error: the server stopped: \(error)\n".utf8))
    exit(1)
}
