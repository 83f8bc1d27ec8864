import Foundation
import SafetyPlanner
import Testing

/// nst/JSONTestSuite's `test_parsing` set (every y_, n_ and i_ file, vendored unchanged in
/// `Tests/safetyplanTests/Fixtures/JSONTestSuite/`) read as data files, as `--data` reads them.
///
/// No refusal may be silent: every one is at least one `file:line:column: error: …` line
/// with a position and a message that holds none of the file's values. (`safetyplanTests`'
/// `JSONTestSuiteCommandTests` runs the same files through the tool.)
@Suite("nst/JSONTestSuite through the data reader")
struct JSONTestSuiteTests {
    static let folder = Golden.packageRoot.appendingPathComponent(
        "Tests/safetyplanTests/Fixtures/JSONTestSuite/test_parsing")

    /// The suite's files, by name, sorted.
    static let files: [(name: String, bytes: [UInt8])] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            (name, Array(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()))
        }
    }()

    /// What the data reader did with one file.
    enum Outcome {
        case accepted
        case refused([DataError])
    }

    static func read(_ name: String, _ bytes: [UInt8]) -> Outcome {
        do {
            _ = try PlanData.parse(bytes, file: name)
            return .accepted
        } catch {
            return .refused(error.errors)
        }
    }

    @Test("The whole test_parsing set is there: 95 y_, 188 n_, 35 i_ files")
    func theSetIsComplete() {
        let prefixes = Dictionary(grouping: Self.files.map { String($0.name.prefix(2)) }, by: { $0 }).mapValues(\.count)
        #expect(prefixes == ["y_": 95, "n_": 188, "i_": 35])
    }

    @Test("Every refusal is a file:line:column: error: line that echoes no value; only {} is accepted")
    func noRefusalIsSilent() {
        let start = Date()
        var accepted: [String] = []
        for (name, bytes) in Self.files {
            switch Self.read(name, bytes) {
            case .accepted:
                accepted.append(name)
            case .refused(let errors):
                #expect(!errors.isEmpty, "\(name): refused with no message")
                let values = Self.values(in: bytes)
                for error in errors {
                    let line = error.description
                    let match = line.wholeMatch(of: /(.+):([0-9]+):([0-9]+): error: (.+)/)
                    #expect(match?.1 == Substring(name), "\(name): \(line)")
                    #expect((Int(match?.2 ?? "") ?? 0) >= 1 && (Int(match?.3 ?? "") ?? 0) >= 1, "\(name): \(line)")
                    let message = String(match?.4 ?? "")
                    #expect(!message.trimmingCharacters(in: .whitespaces).isEmpty, "\(name): empty message")
                    #expect(!message.contains("\n"), "\(name): \(line)")
                    for value in values where message.contains(value) {
                        Issue.record("\(name): the message echoes \(value.debugDescription): \(line)")
                    }
                }
                if name.hasPrefix("y_") {
                    // Valid JSON is refused only for what a data file is, never as a syntax error.
                    for error in errors {
                        let isShape = ["the data file must be a JSON object", "unknown key", "duplicate key"].contains {
                            error.message.hasPrefix($0)
                        }
                        #expect(isShape, "\(name): valid JSON refused as \(error.description)")
                    }
                }
            }
        }
        // The only files that are data files: an empty object, also after a UTF-8 BOM.
        #expect(accepted == ["i_structure_UTF-8_BOM_empty_object.json", "y_object_empty.json"])
        #expect(Date().timeIntervalSince(start) < 5, "reading the suite took too long")
    }

    @Test("A top level that is not an object names what it found, at its position")
    func topLevelsThatAreNotObjects() {
        let notAnObject = "error: the data file must be a JSON object ({ … }), found"
        let expected = [
            "y_structure_lonely_null.json": "1:1: \(notAnObject) null",
            "y_structure_lonely_true.json": "1:1: \(notAnObject) a boolean",
            "y_structure_lonely_string.json": "1:1: \(notAnObject) text",
            "y_structure_lonely_int.json": "1:1: \(notAnObject) a number",
            "y_array_empty.json": "1:1: \(notAnObject) a list",
            "n_structure_no_data.json": "1:1: error: the data file is empty",
            "n_object_trailing_comma.json": "1:8: error: a comma before } is not allowed in JSON",
            "i_string_UTF-16LE_with_BOM.json": "1:1: error: this file is UTF-16; save it as UTF-8",
        ]
        for (name, line) in expected {
            guard let bytes = Self.files.first(where: { $0.name == name })?.bytes else {
                Issue.record("\(name) is missing")
                continue
            }
            guard case .refused(let errors) = Self.read(name, bytes) else {
                Issue.record("\(name) was accepted")
                continue
            }
            #expect(errors.map(\.description) == ["\(name):\(line)"])
        }
    }

    /// The file's values that a message must never hold: the text of its strings and its
    /// numbers, three characters or longer (shorter ones occur in ordinary words).
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
