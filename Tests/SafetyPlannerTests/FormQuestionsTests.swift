import Foundation
import Testing

@testable import SafetyPlanner

/// The questions a form asks (order, labels, hints) and how answers become plan data.
@Suite struct FormQuestionsTests {
    static let workspace = try! Workspace.load()
    static let form = try! workspace.form(named: "maintenance-support")
    static let questions = FormQuestions.questions(in: form, stage: .maintenance)

    @Test func questionsFollowTheTemplateOrder() {
        #expect(
            Self.questions.map(\.dottedPath) == [
                "client.name", "date", "goals", "strengths", "supports", "triggers", "copingStrategies", "safePlaces",
                "advocate.name", "advocate.phone", "checkIns", "celebrations", "hardTimes", "notes",
            ])
    }

    @Test func labelsComeFromTheTemplateOrTheFriendlyNames() {
        #expect(
            Self.questions.map(\.label) == [
                "My name", "Date", "My goals, in small steps", "What I am good at", "People who support me",
                "My triggers", "What I can do when a trigger comes", "Places where I feel safe", "My advocate",
                "How to reach my advocate", "Check-ins with my advocate", "How I will notice and celebrate my progress",
                "What I will do if things get hard", "Other things I want to remember",
            ])
        #expect(
            Self.questions[0].hint == "A first name or a nickname is fine. Leave it empty to write it in by hand later."
        )
        #expect(
            Self.questions[2].hint
                == "Small, real steps you want to take. One per line. Leave a line empty when you are done.")
        #expect(
            Self.questions[4].hint
                == "People you can reach out to, one at a time. Leave \"Name\" empty when you are done.")
        #expect(Self.questions[12].hint.contains("Moving back a step is part of the process, not a failure."))
    }

    @Test func listsOfRecordsAskThePartsTheItemUses() {
        func parts(_ index: Int) -> [String] {
            guard case .records(let parts) = Self.questions[index].kind else { return [] }
            return parts.map { "\($0.key)=\($0.label)" }
        }
        #expect(parts(4) == ["name=Name", "relation=How they are related (optional)", "phone=Phone (optional)"])
        #expect(parts(7) == ["name=Place", "address=Address (optional)", "phone=Phone (optional)"])
        #expect(
            parts(10) == [
                "when=When (for example, Tuesdays after school)", "how=How (for example, in person, phone or text)",
            ])
        #expect(Self.questions[2].kind == .list)
        #expect(Self.questions[0].kind == .value)
    }

    @Test func planValuesAreNeverAskedAndPathsAreAskedOnce() throws {
        let library = TemplateLibrary.bundled.adding(
            "probe.xml",
            """
            <template xmlns="urn:safetyplanner:template:1" name="probe" kind="form" title="Probe">
              <p><value of="plan.stage"/> <value of="client.name"/> <value of="client.age"/></p>
              <field label="Name again" of="client.name"/>
              <if stage="action"><field label="Code" of="codeWord"/></if>
              <list of="goals" as="goal"><item><value of="goal"/> <value of="client.pronouns"/></item></list>
              <list of="goals" as="again"><item><value of="again"/></item></list>
            </template>
            """)
        let workspace = try Workspace(library: library)
        let questions = FormQuestions.questions(in: try workspace.form(named: "probe"), stage: .maintenance)
        #expect(questions.map(\.dottedPath) == ["client.name", "client.age", "goals", "client.pronouns"])
        #expect(questions.map(\.label) == ["Name again", "Your age", "My goals, in small steps", "Your pronouns"])
        let action = FormQuestions.questions(in: try workspace.form(named: "probe"), stage: .action)
        #expect(action.map(\.dottedPath).contains("codeWord"))
    }

    // MARK: Answers to plan data

    @Test func answersBecomePlanData() {
        let data = FormInterview.planData(
            answering: Self.questions,
            with: [
                "  Maya  ", "2027-02-14", "Go to school", "Save money", "", "", "Rose", "grandmother", "555-0121",
                "Tasha",
                "", "", "",
            ])
        #expect(
            data
                == PlanData(
                    root: .record([
                        "client": .record(["name": .text("Maya")]),
                        "date": .text("2027-02-14"),
                        "goals": .list([.text("Go to school"), .text("Save money")]),
                        "supports": .list([
                            .record([
                                "name": .text("Rose"), "relation": .text("grandmother"), "phone": .text("555-0121"),
                            ]),
                            .record(["name": .text("Tasha")]),
                        ]),
                    ])))
    }

    @Test func endOfInputMidwayKeepsWhatWasAnswered() {
        // Input ends in the middle of the second support's parts.
        let data = FormInterview.planData(
            answering: Self.questions, with: ["", "", "", "", "Rose", "", "555-0121", "Tasha", "friend"])
        #expect(
            data
                == PlanData(
                    root: .record([
                        "supports": .list([
                            .record(["name": .text("Rose"), "phone": .text("555-0121")]),
                            .record(["name": .text("Tasha"), "relation": .text("friend")]),
                        ])
                    ])))
        #expect(FormInterview.planData(answering: Self.questions, with: []) == PlanData())
    }

    @Test func aBadDateIsAskedAgain() {
        var interview = FormInterview(questions: Self.questions)
        #expect(
            interview.prompt
                == "\nMy name\n  A first name or a nickname is fine. Leave it empty to write it in by hand later.\n> ")
        interview.answer("Maya")
        #expect(interview.prompt.hasPrefix("\nDate\n"))
        interview.answer("next Tuesday")
        #expect(interview.prompt == "  Please write the date as YYYY-MM-DD, or leave it empty.\n> ")
        interview.answer("2027-02-14")
        #expect(interview.prompt.hasPrefix("\nMy goals, in small steps\n"))
        interview.answer("Go to school")
        #expect(interview.prompt == "> ")
        interview.answer("")
        #expect(interview.prompt.hasPrefix("\nWhat I am good at\n"))
        interview.answer("")
        #expect(interview.prompt.hasSuffix("\n  Name: "))
        interview.answer("Rose")
        #expect(interview.prompt == "  How they are related (optional): ")
        interview.answer(nil)
        #expect(interview.isFinished)
        #expect(interview.prompt == "")
        #expect(interview.planData.root["date"] == .text("2027-02-14"))
        #expect(interview.planData.root["supports"] == .list([.record(["name": .text("Rose")])]))
    }

    @Test func theAdvocateCopyAlsoAsksForTheAdvocatesNotes() {
        let advocate = FormQuestions.questions(in: Self.form, stage: .maintenance, copy: .advocate)
        #expect(advocate.map(\.dottedPath).last == "advocateNotes")
        #expect(!Self.questions.map(\.dottedPath).contains("advocateNotes"))
    }

    @Test func baseDataIsKeptAndNotAskedAgain() throws {
        let base = try PlanData.parse(
            Array(#"{"stage": "maintenance", "client": {"name": "Maya"}, "goals": ["Rest"]}"#.utf8), file: "d.json")
        let interview = FormInterview(questions: Self.questions, base: base)
        #expect(interview.questions.map(\.dottedPath).prefix(3) == ["date", "strengths", "supports"])
        let data = FormInterview.planData(answering: Self.questions, with: ["2027-01-01"], base: base)
        #expect(data.root["client"] == .record(["name": .text("Maya")]))
        #expect(data.root["goals"] == .list([.text("Rest")]))
        #expect(data.root["date"] == .text("2027-01-01"))
        #expect(data.stage == .maintenance)
    }
}

extension TemplateLibrary {
    /// This library with one more file, for tests.
    fileprivate func adding(_ name: String, _ text: String) -> TemplateLibrary {
        var files = self.files
        files[name] = File(displayName: name, bytes: Array(text.utf8))
        return TemplateLibrary(files: files)
    }
}
