import Foundation
import Testing

/// Runs the built `safetyplan` tool as a user would, capturing its output and exit code.
struct ToolRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built executable, beside the test bundle in the build folder.
    static let executable: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("safetyplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        for argument in [CommandLine.arguments[0]] {
            var folder = URL(fileURLWithPath: argument).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("safetyplan")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/safetyplan")
    }()

    /// Runs the tool in `directory` (the package root by default) with `input` on stdin,
    /// and `environment` set over the test's own environment.
    static func run(
        _ arguments: [String], input: String? = nil, in directory: URL = packageRoot,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    static func sample(_ name: String) -> String {
        String(
            decoding: FileManager.default.contents(atPath: packageRoot.appendingPathComponent("Samples/" + name).path)
                ?? Data(), as: UTF8.self)
    }

    /// A fresh empty folder for output files.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("safetyplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
