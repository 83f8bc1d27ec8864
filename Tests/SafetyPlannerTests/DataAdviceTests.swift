import Testing

@testable import SafetyPlanner

/// The data-file mistakes people really make get a message that says what to do, at the
/// place of the mistake (issue 18), and never the value.
@Suite struct DataAdviceTests {
    func errors(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try PlanData.parse(bytes, file: "data.json")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    func errors(_ json: String) -> [String] { errors(Array(json.utf8)) }

    static let curly =
        "this file has curly quotes (\u{201C} \u{201D}); save it as plain text or replace them with straight quotes (\")"

    @Test func curlyQuotesAroundAKey() {
        #expect(errors("{\u{201C}stage\u{201D}: \u{201C}action\u{201D}}") == ["data.json:1:2: error: " + Self.curly])
    }

    @Test func curlyQuotesAroundAValue() {
        #expect(errors("{\n  \"stage\": \u{201C}action\u{201D}\n}") == ["data.json:2:12: error: " + Self.curly])
        #expect(errors("{\"goals\": [\u{2018}a\u{2019}]}") == ["data.json:1:12: error: " + Self.curly])
    }

    @Test func curlyQuotesInsideTextAreText() throws {
        let data = try PlanData.parse(Array("{\"notes\": \"\u{201C}it\u{2019}s fine\u{201D}\"}".utf8), file: "d")
        #expect(data.root["notes"] == .text("\u{201C}it\u{2019}s fine\u{201D}"))
    }

    @Test func trailingCommaIsReportedAtTheComma() {
        #expect(
            errors("{\n  \"stage\": \"action\",\n}") == [
                "data.json:2:20: error: a comma before } is not allowed in JSON"
            ])
        #expect(
            errors(#"{"goals": ["a", "b",]}"#) == ["data.json:1:20: error: a comma before ] is not allowed in JSON"])
        // Also inside a value that is not validated (an unknown key's).
        #expect(errors(#"{"x": {"a": 1,}}"#) == ["data.json:1:14: error: a comma before } is not allowed in JSON"])
        #expect(errors(#"{"x": [1,]}"#) == ["data.json:1:9: error: a comma before ] is not allowed in JSON"])
    }

    @Test func utf16IsRecognised() {
        let text = #"{"stage": "action"}"#
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let unmarked = Array(big.dropFirst(2))
        for bytes in [little, big, unmarked, Array(little.dropFirst(2))] {
            #expect(errors(bytes) == ["data.json:1:1: error: this file is UTF-16; save it as UTF-8"])
        }
    }

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        let data = try PlanData.parse([0xEF, 0xBB, 0xBF] + Array(#"{"stage": "action"}"#.utf8), file: "d")
        #expect(data.stage == .action)
    }

    @Test func topLevelMustBeAnObject() {
        #expect(errors("null") == ["data.json:1:1: error: the data file must be a JSON object ({ … }), found null"])
        #expect(
            errors("\n  [1]") == ["data.json:2:3: error: the data file must be a JSON object ({ … }), found a list"])
        #expect(errors(#""x""#) == ["data.json:1:1: error: the data file must be a JSON object ({ … }), found text"])
        #expect(errors("16") == ["data.json:1:1: error: the data file must be a JSON object ({ … }), found a number"])
        // A syntax error in the value comes first.
        #expect(errors("[1,") == ["data.json:1:4: error: unexpected end of file; a value was expected"])
    }

    @Test func stageInAnySpellingAndCase() throws {
        let data = try PlanData.parse(
            Array(
                #"{"stage": "Precontemplation", "history": [{"stage": "PREPARATION"}, {"stage": "pre-Contemplation"}]}"#
                    .utf8), file: "d")
        #expect(data.stage == .preContemplation)
        #expect(data.history.map(\.stage) == [.preparation, .preContemplation])
        #expect(Stage(spelling: "precontemplation") == .preContemplation)
        #expect(Stage(spelling: "Maintenance") == .maintenance)
        #expect(Stage(spelling: "ready") == nil)
    }

    @Test func stageTypoSuggestsTheNearest() {
        #expect(
            errors(#"{"history": [{"stage": "precontemplaton"}]}"#) == [
                "data.json:1:24: error: history[0].stage: not a stage (did you mean 'pre-contemplation'?); expected one of pre-contemplation, contemplation, preparation, action, maintenance"
            ])
        #expect(
            errors(#"{"stage": "prepration"}"#) == [
                "data.json:1:11: error: stage: not a stage (did you mean 'preparation'?); expected one of pre-contemplation, contemplation, preparation, action, maintenance"
            ])
    }

    @Test func dataFilesStayStrictOtherwise() {
        #expect(errors(#"{"Stage": "action"}"#) == [#"data.json:1:2: error: unknown key (did you mean "stage"?)"#])
        #expect(
            errors(#"{"stage": " action"}"#) == [
                "data.json:1:11: error: stage: not a stage (did you mean 'action'?); expected one of pre-contemplation, contemplation, preparation, action, maintenance"
            ])
    }
}
