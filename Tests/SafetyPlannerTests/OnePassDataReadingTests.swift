import Foundation
import Testing

@testable import SafetyPlanner

@Suite("Reading data in one pass gives what parsing and then validating gives")
struct OnePassDataReadingTests {
    /// The result of reading `bytes`, for comparison: a syntax error, or the value and
    /// the validation problems.
    enum Outcome: Equatable {
        case syntax(JSONParser.SyntaxError)
        case read(DataValue?, [DataError])
    }

    static func twoPass(_ bytes: [UInt8]) -> Outcome {
        do {
            let node = try JSONParser.parse(bytes)
            var validator = DataValidator(file: "f.json")
            let value = validator.validate(node, against: .planData, path: "")
            return .read(value, validator.errors)
        } catch {
            return .syntax(error)
        }
    }

    static func onePass(_ bytes: [UInt8]) -> Outcome {
        do {
            let (value, errors) = try JSONParser.parse(bytes, validating: .planData, file: "f.json")
            return .read(value, errors)
        } catch {
            return .syntax(error)
        }
    }

    static let cases = [
        #"{"stage": "action", "date": "2024-05-01", "client": {"name": "Zoë", "age": 16}}"#,
        #"{"stage": "actoin", "date": "2024-13-01", "client": {"age": 99, "nmae": "x"}}"#,
        #"{"stage": "action", "stage": "action", "client": {"age": "16", "age": null}}"#,
        #"{"supports": [{"name": "A"}, null, 5, {"name": 7, "x": 1}], "history": {"stage": 1}}"#,
        #"{"client": [1, {"a": [true, false, null]}], "stage": true, "date": 20240501}"#,
        #"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10,"#
            + #" "k": 11, "l": 12, "m": 13, "n": 14, "o": 15, "p": 16, "q": 17, "a": 18, "q": 1}"#,
        #"{"client": {"age": -0, "name": "e\u0301\ud83d\ude00"}, "notes": "x" "#, "null", "[]", "", "  ",
        #"{"client": {"age": 1.5e3}}"#, #"{"client": {"age": 12345678901234567890123}}"#,
        "\u{FEFF}{}", #"{"stage": "action"} x"#, #"{"notes": "a\qb"}"#,
        String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
        #"{"history": "#
            + String(repeating: "{\"a\":", count: 40) + "1" + String(repeating: "}", count: 40) + "}",
    ]

    static func files() -> [[UInt8]] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var found: [[UInt8]] = []
        if let walker = FileManager.default.enumerator(atPath: tests.path) {
            for case let path as String in walker
            where path.hasSuffix(".json") || path.hasPrefix("Fuzz/corpus/d-") {
                if let data = FileManager.default.contents(atPath: tests.appendingPathComponent(path).path) {
                    found.append(Array(data))
                }
            }
        }
        return found
    }

    @Test("Written cases and the repository's data files")
    func casesAndFiles() {
        let inputs = Self.cases.map { Array($0.utf8) } + Self.files()
        #expect(inputs.count > 40)
        for bytes in inputs {
            #expect(Self.onePass(bytes) == Self.twoPass(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test("Mutations of a record: bytes deleted, repeated and replaced")
    func mutations() {
        let base = Array(
            (#"{"stage": "preparation", "date": "2024-05-01", "client": {"name": "Zoë Ng", "age": 15},"#
                + #" "supports": [{"name": "Ana", "phone": "555-0100"}, {"name": "Li"}],"#
                + #" "history": [{"stage": "contemplation", "date": "2024-01-02"}], "notes": "a\nb"}"#).utf8)
        let alphabet = Array(#"{}[]:,"\ 0123456789-enultrsfa.eE+"#.utf8) + [0x00, 0xC3, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            var bytes = base
            for _ in 0..<(1 + next(3)) {
                let position = next(bytes.count)
                switch next(3) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(bytes[position], at: position)
                default: bytes[position] = alphabet[next(alphabet.count)]
                }
            }
            #expect(Self.onePass(bytes) == Self.twoPass(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
