import Testing

@testable import SafetyPlanner

/// File names are bytes: `PathBytes` keeps any name exactly inside a `String`.
@Suite struct PathBytesTests {
    @Test(arguments: [
        Array("plan.txt".utf8), Array("plan".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), [0xC3], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], Array("café €".utf8), Array("\u{10FF80}\u{10FFFF}".utf8), [0x80, 0x41, 0xF4],
    ])
    func everyNameComesBackAsTheSameBytes(bytes: [UInt8]) {
        let name = PathBytes.string(from: bytes)
        #expect(PathBytes.bytes(of: name) == bytes)
    }

    @Test func aUTF8NameIsTheSameString() {
        #expect(PathBytes.string(from: Array("Jordan's plan.txt".utf8)) == "Jordan's plan.txt")
    }

    @Test func twoDifferentNamesNeverMeetInOneString() {
        let first = PathBytes.string(from: [0x61, 0xFF])
        let second = PathBytes.string(from: [0x61, 0xFE])
        let repaired = String(decoding: [0x61, 0xFF] as [UInt8], as: UTF8.self)
        #expect(first != second)
        #expect(first != repaired)
    }

    @Test func datesMustExist() {
        #expect(DataRules.isISODate("2026-02-28"))
        #expect(!DataRules.isISODate("2026-02-29"))
        #expect(DataRules.isISODate("2028-02-29"))
        #expect(DataRules.isISODate("2000-02-29"))
        #expect(!DataRules.isISODate("2100-02-29"))
        #expect(!DataRules.isISODate("2026-04-31"))
        #expect(!DataRules.isISODate("2026-02-31"))
        #expect(
            DataRules.textProblem("2026-02-31", rule: .isoDate)
                == "expected a date that exists; the month has no such day")
        #expect(DataRules.textProblem("31/02/2026", rule: .isoDate) == "expected a date written YYYY-MM-DD")
    }
}
