import Testing

@testable import SafetyPlanner

/// The data file is read strictly, and every message names the key, never the value.
@Suite struct DataFileTests {
    func errors(_ json: String) -> [String] {
        do {
            _ = try PlanData.parse(Array(json.utf8), file: "data.json")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func validFileParses() throws {
        let data = try PlanData.parse(
            Array(#"{"stage":"action","client":{"name":"Sam","age":15},"goals":["a","b"],"notes":null}"#.utf8),
            file: "d")
        #expect(data.stage == .action)
        #expect(data.age == 15)
        #expect(data.root["goals"] == .list([.text("a"), .text("b")]))
        #expect(data.root["notes"] == nil)
    }

    @Test func unknownKeyNamesPathAndSuggests() {
        #expect(
            errors(#"{"supports": [{"name": "A"}, {"name": "B", "phon": "555"}]}"#)
                == [#"data.json:1:44: error: supports[1]: unknown key (did you mean "phone"?)"#])
    }

    @Test func unknownKeyFarFromAnyKnownHasNoSuggestion() {
        #expect(errors(#"{"favouriteColour": "x"}"#) == ["data.json:1:2: error: unknown key"])
    }

    @Test func duplicateKey() {
        #expect(
            errors("{\n  \"codeWord\": \"a\",\n  \"codeWord\": \"b\"\n}") == [
                "data.json:3:3: error: codeWord: duplicate key"
            ])
    }

    @Test func wrongTypeNamesExpectedType() {
        #expect(
            errors(#"{"goals": "be happy"}"#) == ["data.json:1:11: error: goals: expected a list of text, found text"])
        #expect(
            errors(#"{"client": {"age": "sixteen"}}"#) == [
                "data.json:1:20: error: client.age: expected a whole number, found text"
            ])
    }

    @Test func severalProblemsTogether() {
        #expect(
            errors(#"{"stage": "ready", "date": "29/11/2026", "goals": [1], "client": {"nmae": "x"}}"#) == [
                "data.json:1:11: error: stage: not a stage; expected one of pre-contemplation, contemplation, preparation, action, maintenance",
                "data.json:1:28: error: date: expected a date written YYYY-MM-DD",
                "data.json:1:52: error: goals[0]: expected text, found a number",
                #"data.json:1:67: error: client: unknown key (did you mean "name"?)"#,
            ])
    }

    @Test func syntaxErrorsHavePositions() {
        #expect(
            errors("{\n  \"goals\": [\"a\" \"b\"]\n}") == [
                "data.json:2:17: error: expected ',' or ']' after a list element"
            ])
        #expect(errors("{\"notes\": \"abc") == ["data.json:1:11: error: unterminated string"])
        #expect(errors("") == ["data.json:1:1: error: the data file is empty"])
        #expect(errors("{} x") == ["data.json:1:4: error: unexpected text after the end of the JSON value"])
        #expect(errors("{\"notes\": tru}") == ["data.json:1:11: error: unexpected word; expected true"])
    }

    @Test func deepNestingIsRefused() {
        let json = "{\"notes\":" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(errors(json) == ["data.json:1:41: error: lists and objects nest more than 32 levels deep"])
    }

    @Test func hugeNumberIsATypeError() {
        #expect(
            errors(#"{"client": {"age": 1e400}}"#) == [
                "data.json:1:20: error: client.age: expected a whole number from 0 to 130"
            ])
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(#"{"notes": "ab"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#""}"#.utf8)
        #expect(
            throws: DataErrors([
                DataError(file: "d", line: 1, column: 11, path: nil, message: "text is not valid UTF-8")
            ])
        ) {
            try PlanData.parse(bytes, file: "d")
        }
    }

    @Test func oversizeFileIsRefusedBeforeParsing() {
        #expect(throws: DataErrors.self) {
            try PlanData.parse(Array(repeating: UInt8(ascii: " "), count: 65), file: "d", maximumBytes: 64)
        }
    }

    @Test func messagesNeverEchoValues() {
        let secret = "4471 Hidden Lane"
        let all = errors(#"{"safePlaces": [{"address": 12, "adress": "\#(secret)"}], "codeWord": ["\#(secret)"]}"#)
        #expect(all.count == 3)
        #expect(!all.joined().contains("Hidden"))
    }

    @Test func suggestionUsesEditDistance() {
        #expect(Suggestion.nearest(to: "phon", among: ["name", "relation", "phone"]) == "phone")
        #expect(Suggestion.nearest(to: "sefPlaces", among: ["safePlaces", "supports"]) == "safePlaces")
        #expect(Suggestion.nearest(to: "zzzzzz", among: ["name"]) == nil)
    }
}
