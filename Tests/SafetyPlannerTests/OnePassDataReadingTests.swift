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
            // The top level of a data file must be an object, a problem that stops reading.
            guard case .object = node.value else {
                let typeName = node.typeName
                return .syntax(
                    JSONParser.SyntaxError(
                        message: DataRules.notAnObjectMessage(found: typeName), line: node.line, column: node.column))
            }
            var validator = DataValidator(file: "f.json")
            let value = validator.validate(node, against: .planData, path: "")
            return .read(value, validator.errors)
        } catch {
            return .syntax(error)
        }
    }

    static func onePass(_ bytes: [UInt8]) -> Outcome {
        do {
            let (value, errors) = try DataReader.read(bytes, shape: .planData, file: "f.json")
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

    /// Text that ends, escapes or breaks UTF-8 at every place within and across the eight
    /// bytes the reader looks at at once.
    static let strings: [String] = {
        var pieces = [
            "", "a", "abcdefg", "abcdefgh", "abcdefghi", "Zoë", "Tomás Andersen", "日本語のテキスト", "😀x",
            #"\""#, #"a\\b"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\u0000"#, #"\/\b\f\n\r\t"#,
            #"\ud83d"#, #"\ude00"#, #"\ud83d\u0041"#, #"\u12"#, #"\x"#, "\u{7F}", "\u{1F}", "\u{9}",
        ]
        for length in 0..<20 {
            let run = String(repeating: "x", count: length)
            pieces += [run + #"\n"#, run + "é", run + "\u{1}", run + "\\", run + #"\u00e9"# + run]
        }
        return pieces
    }()

    /// Bytes that are not UTF-8, or only nearly: stray, overlong, surrogate, too large, cut short.
    static let invalidUTF8: [[UInt8]] = [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x9F, 0x98],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xC3, 0xA9, 0xA9],
    ]

    @Test("Text, keys and escapes at every offset; bytes that are not UTF-8")
    func textAndKeys() {
        var inputs: [[UInt8]] = []
        for text in Self.strings {
            inputs.append(Array(#"{"notes": "\#(text)", "id": "\#(text)\#(text)"}"#.utf8))
            inputs.append(Array(#"{"\#(text)": "x", "goals": ["\#(text)", 1, "\#(text)"]}"#.utf8))
            inputs.append(Array(#"{"client": {"name": "\#(text)", "\#(text)": 1, "age": 1}}"#.utf8))
        }
        for bad in Self.invalidUTF8 {
            for prefix in ["", "a", "abcdefg", "abcdefghijk"] {
                for suffix in ["", "b", "abcdefghij", #"\n"#, "\u{1}"] {
                    for template in [#"{"notes": "P"#, #"{"P"#, #"{"goals": [1, "P"#, #"{"notes": 1, "x": "P"#] {
                        let parts = template.split(separator: "P", omittingEmptySubsequences: false)
                        let open = Array(parts[0].utf8) + Array(prefix.utf8)
                        inputs.append(open + bad + Array((suffix + #"": 1}"#).utf8))
                        inputs.append(open + bad + Array((suffix + #"""#).utf8))
                    }
                }
            }
        }
        // Keys: escaped, equal to a known key only as Unicode text, or many unknown ones.
        inputs += [
            #"{"st\u0061ge": "action", "stage": "action", "\u0069d": "1"}"#,
            #"{"\u212A": 1, "K": 2, "\u212A": 3, "e\u0301": 1, "\u00e9": 2}"#,
            #"{"client": {"nam\u0065": "A", "name": "B", "na\u006De": 7}}"#,
            #"{"copingStrategies": ["a"], "copingStrategie": 1, "copingStrategiesX": 1}"#,
            "\u{FEFF}{\n\"stage\": \"ready\",\n  \"date\": 5}",
            "\u{FEFF}\u{FEFF}{}", "{\"notes\": \"a\"}\u{FEFF}",
            "{\"\u{212A}\": 1, \"K\": 2, \"e\u{301}\": 1, \"\u{E9}\": 2, \"\u{212A}\": 3}",
        ].map { Array($0.utf8) }
        inputs.append(
            Array(("{" + (0..<40).map { #""k\#($0 % 23)": \#($0)"# }.joined(separator: ", ") + "}").utf8))
        for bytes in inputs {
            #expect(Self.onePass(bytes) == Self.twoPass(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test("Records as the benchmark writes them, and their mutations")
    func benchmarkRecords() {
        let record = Array(
            (#"{"id":"C000001","stage":"maintenance","client":{"name":"Ivan Silva","language":"en"},"#
                + #""supports":[{"name":"Omar Rossi","relation":"coworker","phone":"+1 353-574-6042"},"#
                + #"{"name":"Tomás Andersen","relation":"father","phone":"+1 251-616-5867"}],"#
                + #""safePlaces":[{"name":"Harbor House","address":"2912 Elm St, Bridgeport"}],"#
                + #""goals":["Renew my ID card and store a copy with a friend"],"#
                + #""notes":"Needs an \"interpreter\" for court dates.\nWas 'not sure' & called the sponsor."}"#)
                .utf8)
        #expect(Self.onePass(record) == Self.twoPass(record))
        let alphabet = Array(#"{}[]:,"\ 0123456789-enultrsfa.eE+"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xE2, 0xFF]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            var bytes = record
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
