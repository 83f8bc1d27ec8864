import Foundation
import Testing

/// `generate --interactive` and `fill --interactive` from piped answers, and the answers
/// file: it loads back with `--data` to the same document, byte for byte.
@Suite struct InterviewCommandTests {
    /// Answers to the preparation plan's questions, in the order they are asked.
    static let planAnswers = [
        "3",  // Which of these sounds most like you right now? You want something to change.
        "Maya", "she/her", "16", "Ms. Okafor", "2027-02-14",
        "Go back to school", "Find a safe place to live", "",  // goals
        "I keep going", "",  // strengths
        "Grandma Rose", "grandmother", "(510) 555-0121", "Tasha", "friend", "", "",  // supports
        "Bayside Youth Services", "(510) 555-0163",  // organization, phone
        "The drop-in", "400 Example St, Oakland, CA", "(510) 555-0163", "",  // safe places
        "Breathe slowly", "",  // coping
        "blue sky",  // code word
        "My ID", "A charger", "",  // emergency bag
        "He asks where I am all the time", "",  // warning signs
        "", "",  // triggers, notes
        "done",
    ]

    @Test func aPlanMadeByInterviewLoadsBackFromItsAnswersFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(
            ["generate", "--interactive", "--save-answers", "a.json", "-o", "plan.txt"],
            input: Self.planAnswers.joined(separator: "\n") + "\n", in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.hasSuffix(
                "Saved the answers to a.json (only you can read it). To go on later: --data a.json --interactive\n"
                    + "Saved the youth copy to plan.txt.\n"))
        let plan = try String(contentsOf: folder.appendingPathComponent("plan.txt"), encoding: .utf8)
        #expect(plan.contains("For: Maya (she/her)"))
        #expect(plan.contains("Grandma Rose (grandmother): (510) 555-0121"))
        let answers = folder.appendingPathComponent("a.json")
        let attributes = try FileManager.default.attributesOfItem(atPath: answers.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = try ToolRunner.run(["generate", "--data", "a.json"], in: folder)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput == plan)
        let saved = try String(contentsOf: answers, encoding: .utf8)
        #expect(saved.hasPrefix("{\n  \"stage\": \"preparation\",\n  \"date\": \"2027-02-14\",\n"))
        #expect(saved.contains("\"age\": 16\n"))
        // Every answer is in the review before anything is written.
        #expect(
            result.standardError.contains(
                "\n  1. Which of these sounds most like you right now? You want something to change.\n"))
        #expect(
            result.standardError.contains(
                "\n  9. People who support me:\n        - Grandma Rose, grandmother, (510) 555-0121\n        - Tasha, friend\n"
            ))
    }

    @Test func theSameAnswersGiveTheSameBytesAsTheSample() throws {
        // The sample's data, as answers: the advocate copy and HTML too.
        let folder = try ToolRunner.temporaryFolder()
        for arguments in [["--format", "html"], ["--audience", "advocate"], ["--discreet"]] {
            let interview = try ToolRunner.run(
                ["generate", "--interactive", "--save-answers", "a.json"] + arguments,
                input: Self.planAnswers.joined(separator: "\n") + "\n", in: folder)
            #expect(interview.status == 0, "\(interview.standardError)")
            let fromFile = try ToolRunner.run(["generate", "--data", "a.json"] + arguments, in: folder)
            #expect(fromFile.standardOutput == interview.standardOutput, "\(arguments)")
        }
    }

    @Test func aRunIsResumedFromItsAnswersFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        // The first sitting: the stage and a name, then everything else left for later.
        let first = try ToolRunner.run(
            ["generate", "--interactive", "--save-answers", "a.json", "-o", "plan.txt"],
            input: "5\nMaya\n" + String(repeating: "\n", count: 40) + "done\n", in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        // The second: only what is empty is asked; the answers file is updated in place.
        let second = try ToolRunner.run(
            ["generate", "--data", "a.json", "--interactive", "--save-answers", "a.json", "-o", "plan.txt"],
            input: "she/her\n17\n" + String(repeating: "\n", count: 40) + "done\n", in: folder)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(!second.standardError.contains("Which of these sounds most like you right now?\n  You choose"))
        #expect(second.standardError.hasPrefix("\nYour pronouns\n"))
        let saved = try String(contentsOf: folder.appendingPathComponent("a.json"), encoding: .utf8)
        #expect(saved.contains("\"stage\": \"maintenance\""))
        #expect(saved.contains("\"name\": \"Maya\""))
        #expect(saved.contains("\"pronouns\": \"she/her\""))
        #expect(saved.contains("\"age\": 17"))
    }

    @Test func pipedAnswersThatEndEarlyStillWriteButNeverChooseAStage() throws {
        let folder = try ToolRunner.temporaryFolder()
        let none = try ToolRunner.run(["generate", "--interactive", "-o", "plan.txt"], input: "", in: folder)
        #expect(none.status == 1)
        #expect(
            none.standardError.hasSuffix(
                "error: the answers ended before a stage was chosen; nothing was written. Answer the first question, or give --stage.\n"
            ))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.txt").path))
        let some = try ToolRunner.run(["generate", "--interactive", "-o", "plan.txt"], input: "3\nMaya\n", in: folder)
        #expect(some.status == 0)
        let plan = try String(contentsOf: folder.appendingPathComponent("plan.txt"), encoding: .utf8)
        #expect(plan.contains("For: Maya"))
    }

    @Test func withStageGivenTheStageIsNotAskedButIsSaved() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(
            ["generate", "--stage", "action", "--interactive", "--save-answers", "a.json"], input: "Maya\n",
            in: folder)
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("\nYour name\n"))
        let again = try ToolRunner.run(["generate", "--data", "a.json"], in: folder)
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func answersFileMistakesAreUsageErrors() throws {
        let folder = try ToolRunner.temporaryFolder()
        let alone = try ToolRunner.run(["generate", "--stage", "action", "--save-answers", "a.json"], in: folder)
        #expect(alone.status == 64)
        #expect(
            alone.standardError.contains(
                "--save-answers saves the answers of an interview: give --interactive too."))
        let same = try ToolRunner.run(
            ["fill", "maintenance-support", "--interactive", "--save-answers", "x.txt", "-o", "x.txt"], in: folder)
        #expect(same.status == 64)
        #expect(same.standardError.contains("--save-answers and -o name the same file"))
        // An answers file is never written over another input (here, the agency's form).
        try Data(
            """
            <template xmlns="urn:safetyplanner:template:1" name="intake" kind="form" title="Intake">
              <field label="Name" of="client.name"/>
            </template>
            """.utf8
        ).write(to: folder.appendingPathComponent("intake.xml"))
        let over = try ToolRunner.run(
            ["fill", "./intake.xml", "--interactive", "--save-answers", "intake.xml"], input: "Sam\ndone\n",
            in: folder)
        #expect(over.status == 1)
        // Refused before the first question, so no answer is typed in vain.
        #expect(
            over.standardError == "intake.xml: error: the output is also an input (./intake.xml); nothing was written\n"
        )
        let form = try String(contentsOf: folder.appendingPathComponent("intake.xml"), encoding: .utf8)
        #expect(form.contains("<field label=\"Name\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["intake.xml"])
    }

    @Test func anOutputThatCannotBeWrittenIsRefusedBeforeTheFirstQuestion() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(
            ["fill", "maintenance-support", "--interactive", "-o", "missing/form.txt"], input: "Maya\ndone\n",
            in: folder)
        #expect(result.status == 1)
        #expect(!result.standardError.contains("My name"))
        #expect(result.standardError.hasPrefix("missing/form.txt: error: "))
    }

    @Test func noStageAndNoInterviewIsAUsageError() throws {
        let result = try ToolRunner.run(["generate"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("Give --stage, or a data file with a \"stage\" key, or --interactive."))
    }
}
