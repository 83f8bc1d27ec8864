import Foundation
import Testing

/// nst/JSONTestSuite's `test_parsing` set (`Fixtures/JSONTestSuite/`, every y_, n_ and i_
/// file) through the tool: as batch records, from a folder and from a JSON Lines file, and
/// through `generate --data`. No refusal is silent: every one prints a `file:line:column:
/// error: …` line that holds none of the file's values, nothing crashes and nothing hangs.
@Suite(.timeLimit(.minutes(2)))
struct JSONTestSuiteCommandTests {
    static let folder = ToolRunner.packageRoot.appendingPathComponent(
        "Tests/safetyplanTests/Fixtures/JSONTestSuite/test_parsing")

    static let names: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }()

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data())
    }

    /// The only files that are data files: `{}`, also after a UTF-8 BOM.
    static let accepted = ["i_structure_UTF-8_BOM_empty_object.json", "y_object_empty.json"]

    /// A batch's standard error split into its error lines, by the place they name (a
    /// file, or a line of the records file), and its summary.
    struct BatchReport {
        var errors: [String: [String]] = [:]
        var written = 0
        var failed = 0
    }

    /// Checks that every line of `standardError` is an error line `<prefix>PLACE:L:C: error: M`
    /// (with a message that holds none of `values(PLACE)`) or the closing summary.
    static func report(_ standardError: String, prefix: String, values: (String) -> [String]) -> BatchReport {
        var report = BatchReport()
        var lines = standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "", "standard error does not end with a newline")
        lines.removeLast()
        guard let summary = lines.popLast(),
            let counts = summary.wholeMatch(of: /batch: ([0-9]+) documents? written, ([0-9]+) failed/)
        else {
            Issue.record("no summary line: \(standardError.suffix(300))")
            return report
        }
        report.written = Int(counts.1)!
        report.failed = Int(counts.2)!
        for line in lines {
            guard line.hasPrefix(prefix),
                let match = line.dropFirst(prefix.count).wholeMatch(of: /(.+?):([0-9]+):([0-9]+): error: (.+)/),
                Int(match.2)! >= 1, Int(match.3)! >= 1
            else {
                Issue.record("not a file:line:column: error: line: \(line)")
                continue
            }
            let place = String(match.1)
            let message = String(match.4)
            #expect(!message.trimmingCharacters(in: .whitespaces).isEmpty, "\(line)")
            for value in values(place) where message.contains(value) {
                Issue.record("the message echoes \(value.debugDescription): \(line)")
            }
            report.errors[place, default: []].append(line)
        }
        return report
    }

    @Test func everyFileAsARecordOfAFolder() throws {
        #expect(Self.names.count == 318)
        let output = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run([
            "batch", "--data", Self.folder.path, "--stage", "preparation", "--output-dir", output.path, "--jobs", "2",
        ])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        let report = Self.report(result.standardError, prefix: Self.folder.path + "/") {
            Self.values(in: Self.bytes($0))
        }
        // Every file but the two data files failed, each with at least one message.
        #expect(report.written == 2)
        #expect(report.failed == 316)
        #expect(Set(report.errors.keys) == Set(Self.names).subtracting(Self.accepted))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).count == 2)
    }

    @Test func everyOneLineFileAsALineOfAJSONLinesFile() throws {
        // A file holding a line break would be two records; a blank line is none.
        let records = Self.names.filter { name in
            let bytes = Self.bytes(name)
            return !bytes.contains(0x0A) && !bytes.contains(0x0D) && !bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        #expect(records.count > 250)
        let folder = try ToolRunner.temporaryFolder()
        let data = folder.appendingPathComponent("suite.jsonl")
        var joined: [UInt8] = []
        for name in records { joined += Self.bytes(name) + [0x0A] }
        try Data(joined).write(to: data)
        let result = try ToolRunner.run(
            [
                "batch", "--data", data.path, "--stage", "preparation", "--output-dir", "out", "--jobs", "2",
            ], in: folder)
        #expect(result.status == 1)
        let report = Self.report(result.standardError, prefix: "") { _ in [] }
        // Each failed record is named by its line; the records file is the place.
        var failedLines: Set<Int> = []
        for lines in report.errors.values {
            for line in lines {
                let number = line.firstMatch(of: /suite\.jsonl:([0-9]+):/).map { Int($0.1)! } ?? 0
                #expect((1...records.count).contains(number), "\(line)")
                failedLines.insert(number)
                let message = line.split(separator: " error: ", maxSplits: 1).last.map(String.init) ?? ""
                for value in Self.values(in: Self.bytes(records[max(number, 1) - 1])) where message.contains(value) {
                    Issue.record("the message echoes \(value.debugDescription): \(line)")
                }
            }
        }
        #expect(report.written + report.failed == records.count)
        #expect(failedLines.count == report.failed)
        #expect(report.written == Self.accepted.count)
    }

    /// `generate --data FILE` says exactly what the batch said of the same file as a record,
    /// for one file of each message the suite gets (running all 318 would take half a
    /// minute: the reader itself reads all of them in `SafetyPlannerTests`'
    /// `JSONTestSuiteTests`), and renders the two data files.
    @Test func dataOptionSaysWhatTheBatchSaid() throws {
        let output = try ToolRunner.temporaryFolder()
        let batch = try ToolRunner.run([
            "batch", "--data", Self.folder.path, "--stage", "preparation", "--output-dir", output.path,
        ])
        let report = Self.report(batch.standardError, prefix: Self.folder.path + "/") { _ in [] }
        var firstByMessage: [String: String] = [:]
        for (name, lines) in report.errors.sorted(by: { $0.key < $1.key }) {
            let message = lines[0].split(separator: " error: ", maxSplits: 1).last.map(String.init) ?? ""
            if firstByMessage[message] == nil { firstByMessage[message] = name }
        }
        #expect(firstByMessage.count >= 25)
        let chosen = Array(firstByMessage.values.sorted()) + Self.accepted
        let results = Locked<[String: ToolRunner.Result]>([:])
        DispatchQueue.concurrentPerform(iterations: chosen.count) { index in
            let name = chosen[index]
            let path = Self.folder.appendingPathComponent(name).path
            let result = try? ToolRunner.run(["generate", "--stage", "preparation", "--data", path])
            results.update { $0[name] = result }
        }
        for name in chosen {
            guard let result = results.value[name] else {
                Issue.record("\(name): the tool did not run")
                continue
            }
            if Self.accepted.contains(name) {
                #expect(result.status == 0, "\(name): \(result.standardError)")
                #expect(result.standardOutput.hasPrefix("My Safety Plan\n"), "\(name)")
            } else {
                #expect(result.status == 1, "\(name)")
                #expect(result.standardOutput == "", "\(name)")
                #expect(result.standardError == report.errors[name]!.joined(separator: "\n") + "\n", "\(name)")
            }
        }
    }

    /// The file's values that a message must never hold: the text of its strings and its
    /// numbers, three characters or longer (as `JSONTestSuiteTests.values(in:)`).
    static func values(in bytes: [UInt8]) -> [String] {
        // A scan by hand: Swift's Regex takes tens of seconds on the suite's 100 000-byte
        // files in a debug build, and starves the tests that run beside it.
        var values: [String] = []
        var index = 0
        func isNumberByte(_ byte: UInt8) -> Bool {
            (48...57).contains(byte)
                || [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-")]
                    .contains(byte)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard end < bytes.count else { break }
                let content = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                if content.count >= 3, content.contains(where: { $0.isLetter || $0.isNumber }) {
                    values.append(content)
                }
                index = end + 1
            } else if (48...57).contains(byte)
                || (byte == UInt8(ascii: "-") && index + 1 < bytes.count && (48...57).contains(bytes[index + 1]))
            {
                var end = index + 1
                while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
                if end - index >= 3 { values.append(String(decoding: bytes[index..<end], as: UTF8.self)) }
                index = end
            } else {
                index += 1
            }
        }
        return values
    }
}

/// A value behind a lock, for results gathered from several threads.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
