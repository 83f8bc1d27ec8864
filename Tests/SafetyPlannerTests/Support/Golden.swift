import Foundation
import Testing

/// Golden-file comparison: the expected output lives in `Fixtures/`, beside the tests.
///
/// With `UPDATE_GOLDEN=1` the file is rewritten and the test still records a failure, so
/// an update never passes silently; review the `git diff` of `Fixtures/` like code.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func assertMatches(
        _ actual: String, _ relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let url = fixtures.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(actual.utf8).write(to: url)
            Issue.record(
                "UPDATE_GOLDEN=1: rewrote \(relativePath); review the diff and run again without it",
                sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file \(relativePath); run with UPDATE_GOLDEN=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end of file>"
            let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end of file>"
            Issue.record(
                "\(relativePath) differs at line \(first + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
                sourceLocation: sourceLocation)
        }
    }

    static func read(_ relativePath: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: fixtures.appendingPathComponent(relativePath).path) ?? Data())
    }
}
