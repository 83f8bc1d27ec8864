import Foundation
import Testing

/// End-to-end runs of `safetyplan fill`: the maintenance support sample stays true, bad
/// data never leaves a file behind, and piped answers make the same form as a data file.
@Suite struct FillCommandTests {
    @Test func maintenanceSupportSampleAsText() throws {
        let result = try ToolRunner.run(["fill", "maintenance-support", "--data", "Samples/maintenance-support.json"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == ToolRunner.sample("maintenance-support.txt"))
    }

    @Test func maintenanceSupportSampleAsHTML() throws {
        let result = try ToolRunner.run([
            "fill", "maintenance-support", "--data", "Samples/maintenance-support.json", "--format", "html",
        ])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == ToolRunner.sample("maintenance-support.html"))
        #expect(!result.standardOutput.contains("<script"))
    }

    @Test func formWithNoDataIsAllWriteInLines() throws {
        let result = try ToolRunner.run(["fill", "maintenance-support", "--width", "60"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("My Support Plan\n===============\n\nMy name: ______"))
        #expect(result.standardOutput.contains("\n" + String(repeating: "_", count: 60) + "\n"))
        #expect(result.standardOutput.contains("| earlier step is part of the process, not a failure."))
    }

    // MARK: Data errors: exit 1, the exact message, and no output file

    /// Runs `fill` on a data file with `-o`, expecting exit 1, `stderr` and no output file.
    private func expectDataError(
        _ json: String, _ expected: (String) -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws
    {
        let folder = try ToolRunner.temporaryFolder()
        try Data(json.utf8).write(to: folder.appendingPathComponent("data.json"))
        let result = try ToolRunner.run(
            ["fill", "maintenance-support", "--data", "data.json", "-o", "out"], in: folder)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.standardOutput == "", sourceLocation: sourceLocation)
        #expect(result.standardError == expected("data.json"), sourceLocation: sourceLocation)
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path),
            sourceLocation: sourceLocation)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["data.json"],
            sourceLocation: sourceLocation)
    }

    @Test func unknownKeyIsRefusedWithASuggestion() throws {
        try expectDataError(
            "{\n  \"supports\": [\n    {\"name\": \"A\"},\n    {\"name\": \"B\", \"phon\": \"1\"}\n  ]\n}\n"
        ) {
            "\($0):4:19: error: supports[1]: unknown key (did you mean \"phone\"?)\n"
        }
    }

    @Test func duplicateKeyIsRefused() throws {
        try expectDataError("{\n  \"goals\": [\"a\"],\n  \"goals\": [\"b\"]\n}\n") {
            "\($0):3:3: error: goals: duplicate key\n"
        }
    }

    @Test func wrongTypeIsRefused() throws {
        try expectDataError("{\n  \"goals\": \"a\"\n}\n") {
            "\($0):2:12: error: goals: expected a list of text, found text\n"
        }
    }

    @Test func syntaxErrorIsRefused() throws {
        try expectDataError("{\n  \"goals\": [\"a\",]\n}\n") {
            "\($0):2:16: error: a comma before ] is not allowed in JSON\n"
        }
    }

    @Test func severalProblemsAreReportedTogether() throws {
        try expectDataError(
            "{\n  \"date\": \"soon\",\n  \"supports\": [{\"nmae\": \"x\"}],\n  \"celebrations\": [1]\n}\n"
        ) {
            """
            \($0):2:11: error: date: expected a date written YYYY-MM-DD
            \($0):3:17: error: supports[0]: unknown key (did you mean "name"?)
            \($0):4:20: error: celebrations[0]: expected text, found a number

            """
        }
    }

    // MARK: Interactive

    /// The answers that give `equivalentData`, in the form's order.
    static let answers = [
        "Maya", "2027-02-14",
        "Go to school every day this week", "Save $20 each payday", "",
        "",
        "Grandma Rose", "grandmother", "(510) 555-0121", "Tasha", "", "", "",
        "My birthday in June", "",
        "Breathe slowly and count to ten", "Call Grandma Rose", "",
        "The school library", "", "", "",
        "Ms. Okafor", "(510) 555-0163",
        "Tuesdays after school", "in person", "Friday evenings", "", "",
        "",
        "Text Ms. Okafor", "",
    ]

    static let equivalentData = """
        {
          "client": { "name": "Maya" }, "date": "2027-02-14",
          "goals": ["Go to school every day this week", "Save $20 each payday"],
          "supports": [{ "name": "Grandma Rose", "relation": "grandmother", "phone": "(510) 555-0121" }, { "name": "Tasha" }],
          "triggers": ["My birthday in June"],
          "copingStrategies": ["Breathe slowly and count to ten", "Call Grandma Rose"],
          "safePlaces": [{ "name": "The school library" }],
          "advocate": { "name": "Ms. Okafor", "phone": "(510) 555-0163" },
          "checkIns": [{ "when": "Tuesdays after school", "how": "in person" }, { "when": "Friday evenings" }],
          "hardTimes": ["Text Ms. Okafor"]
        }
        """

    @Test(arguments: ["text", "html"])
    func pipedAnswersMakeTheSameDocumentAsTheDataFile(format: String) throws {
        let folder = try ToolRunner.temporaryFolder()
        try Data(Self.equivalentData.utf8).write(to: folder.appendingPathComponent("data.json"))
        let fromData = try ToolRunner.run(
            ["fill", "maintenance-support", "--data", "data.json", "--format", format], in: folder)
        #expect(fromData.status == 0, "\(fromData.standardError)")
        let input = Self.answers.joined(separator: "\n") + "\n"
        let fromAnswers = try ToolRunner.run(
            ["fill", "maintenance-support", "--interactive", "--format", format], input: input, in: folder)
        #expect(fromAnswers.status == 0)
        #expect(fromAnswers.standardOutput == fromData.standardOutput)
        #expect(fromAnswers.standardError.hasPrefix("\nMy name\n  A first name or a nickname is fine."))
        #expect(fromAnswers.standardError.contains("\nPeople who support me\n"))
        #expect(fromAnswers.standardError.contains("  Name: "))
        #expect(fromAnswers.standardError.contains("  How they are related (optional): "))
        #expect(fromAnswers.standardError.contains("  Phone (optional): "))
    }

    @Test func endOfInputMidwayFinishesCleanlyWithTheRestLeftEmpty() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(
            ["fill", "maintenance-support", "--interactive", "-o", "form.txt"], input: "Maya\n\nGo to school\n",
            in: folder)
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasSuffix("> \nSaved the youth copy to form.txt.\n"))
        let text = try String(contentsOf: folder.appendingPathComponent("form.txt"), encoding: .utf8)
        #expect(text.contains("My name: Maya\n\nDate: ______"))
        #expect(text.contains("1. Go to school\n"))
        #expect(text.contains("them:\n\n" + String(repeating: "_", count: 72) + "\n"))
    }

    @Test func interactiveWithADataFileAsksOnlyWhatIsMissing() throws {
        let result = try ToolRunner.run(
            ["fill", "maintenance-support", "--data", "Samples/maintenance-support.json", "--interactive"], input: "")
        #expect(result.status == 0)
        // Nothing is asked: the review shows every answer, and the end of input writes.
        #expect(result.standardError.hasPrefix("\nYour answers\n"))
        #expect(result.standardError.contains("\n  1. My name: Maya\n"))
        #expect(result.standardError.hasSuffix("\n> \nWrote the youth copy to standard output.\n"))
        #expect(result.standardOutput == ToolRunner.sample("maintenance-support.txt"))
    }

    // MARK: Templates

    @Test func refusesATemplateThatIsNotAForm() throws {
        let result = try ToolRunner.run(["fill", "plan", "-o", "never.txt"])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "Templates/documents/plan.xml:12:1: error: <template> is a plan, not a form; 'fill' only fills templates with kind=\"form\" (use 'safetyplan generate' for a plan)\n"
        )
        #expect(
            !FileManager.default.fileExists(atPath: ToolRunner.packageRoot.appendingPathComponent("never.txt").path))
    }

    @Test func fillsAnAgencyFormGivenByPath() throws {
        let folder = try ToolRunner.temporaryFolder()
        try Data(
            """
            <?xml version="1.0"?>
            <template xmlns="urn:safetyplanner:template:1" name="intake" kind="form" title="Intake">
              <heading>Intake</heading>
              <field label="Name" of="client.name"/>
              <list of="goals" as="goal"><item><value of="goal"/></item><empty><write-in lines="2"/></empty></list>
            </template>
            """.utf8
        ).write(to: folder.appendingPathComponent("intake.xml"))
        let result = try ToolRunner.run(
            ["fill", "./intake.xml", "--interactive", "--width", "30"], input: "Sam\nRest\n", in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Intake\n======\n\nName: Sam\n\n- Rest\n")
    }

    @Test func agencyFormErrorsNameTheFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        try Data(
            """
            <?xml version="1.0"?>
            <template xmlns="urn:safetyplanner:template:1" name="intake" kind="form" title="Intake">
              <field label="Name" of="client.nmae"/>
            </template>
            """.utf8
        ).write(to: folder.appendingPathComponent("intake.xml"))
        let result = try ToolRunner.run(["fill", "./intake.xml"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "./intake.xml:3:3: error: unknown data path 'client.nmae' (did you mean 'client.name'?)\n")
    }

    @Test func unknownFormName() throws {
        let result = try ToolRunner.run(["fill", "maintenance-suport"])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "maintenance-suport:1:1: error: no form named 'maintenance-suport'; did you mean 'maintenance-support'? (forms: maintenance-support)\n"
        )
    }
}
