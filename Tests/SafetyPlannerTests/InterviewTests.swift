import Foundation
import Testing

@testable import SafetyPlanner

/// The questions an interview asks (order, labels, hints, sections), how answers become
/// plan data, the review, and the answers file.
@Suite struct InterviewTests {
    static let workspace = try! Workspace.load()
    static let form = try! workspace.form(named: "maintenance-support")
    static let questions = InterviewQuestions.questions(in: form, stage: .maintenance)
    static let setup = Interview.Setup(template: form, stage: .maintenance, today: "2026-12-01")

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
        let questions = InterviewQuestions.questions(in: try workspace.form(named: "probe"), stage: .maintenance)
        #expect(questions.map(\.dottedPath) == ["client.name", "client.age", "goals", "client.pronouns"])
        #expect(questions.map(\.label) == ["Name again", "Your age", "My goals, in small steps", "Your pronouns"])
        let action = InterviewQuestions.questions(in: try workspace.form(named: "probe"), stage: .action)
        #expect(action.map(\.dottedPath).contains("codeWord"))
    }

    // MARK: Answers to plan data

    @Test func answersBecomePlanData() {
        let data = Interview.planData(
            Self.setup,
            answering: [
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
        let data = Interview.planData(
            Self.setup, answering: ["", "", "", "", "Rose", "", "555-0121", "Tasha", "friend"])
        #expect(
            data
                == PlanData(
                    root: .record([
                        "supports": .list([
                            .record(["name": .text("Rose"), "phone": .text("555-0121")]),
                            .record(["name": .text("Tasha"), "relation": .text("friend")]),
                        ])
                    ])))
        #expect(Interview.planData(Self.setup, answering: []) == PlanData())
    }

    @Test func aBadDateIsAskedAgain() {
        var interview = Interview(Self.setup)
        #expect(
            interview.prompt.text
                == "\nMy name\n  A first name or a nickname is fine. Leave it empty to write it in by hand later.\n> ")
        interview.answer("Maya")
        #expect(interview.prompt.text.hasPrefix("\nDate\n"))
        interview.answer("next Tuesday")
        #expect(interview.prompt.text == "  Please write the date as YYYY-MM-DD, or today, or leave it empty.\n> ")
        interview.answer("2027-02-14")
        #expect(interview.prompt.text.hasPrefix("\nMy goals, in small steps\n"))
        interview.answer("Go to school")
        #expect(interview.prompt.text == "> ")
        interview.answer("")
        #expect(interview.prompt.text.hasPrefix("\nWhat I am good at\n"))
        interview.answer("")
        #expect(interview.prompt.text.hasSuffix("\n  Name: "))
        interview.answer("Rose")
        #expect(interview.prompt.text == "  How they are related (optional): ")
        interview.answer(nil)
        #expect(interview.phase == .endedEarly)
        #expect(interview.prompt.text == "")
        #expect(interview.planData.root["date"] == .text("2027-02-14"))
        #expect(interview.planData.root["supports"] == .list([.record(["name": .text("Rose")])]))
    }

    @Test func theAdvocateCopyAlsoAsksForTheAdvocatesNotes() {
        let advocate = InterviewQuestions.questions(in: Self.form, stage: .maintenance, copy: .advocate)
        #expect(advocate.map(\.dottedPath).last == "advocateNotes")
        #expect(!Self.questions.map(\.dottedPath).contains("advocateNotes"))
    }

    @Test func baseDataIsKeptAndNotAskedAgain() throws {
        let base = try PlanData.parse(
            Array(#"{"stage": "maintenance", "client": {"name": "Maya"}, "goals": ["Rest"]}"#.utf8), file: "d.json")
        var interview = Interview(Self.setup, base: base)
        #expect(interview.currentQuestion?.dottedPath == "date")
        interview.answer("2027-01-01")
        #expect(interview.currentQuestion?.dottedPath == "strengths")
        let data = Interview.planData(Self.setup, answering: ["2027-01-01"], base: base)
        #expect(data.root["client"] == .record(["name": .text("Maya")]))
        #expect(data.root["goals"] == .list([.text("Rest")]))
        #expect(data.root["date"] == .text("2027-01-01"))
        #expect(data.stage == .maintenance)
    }
}

extension InterviewTests {
    // MARK: Every template

    /// Every path a question asks for, with the parts of lists of records.
    static func askedPaths(_ questions: [InterviewQuestion]) -> Set<String> {
        var paths = Set<String>()
        for question in questions {
            paths.insert(question.dottedPath)
            if case .records(let parts) = question.kind {
                for part in parts { paths.insert(question.dottedPath + "." + part.key) }
            }
        }
        return paths
    }

    @Test(arguments: ["en", "es"])
    func everyTemplateAsksForEveryPathItReads(language: String) throws {
        let workspace = try Self.workspace.translated(to: language)
        for name in workspace.library.templateNames {
            let template = try workspace.template(named: name)
            let read = InterviewQuestions.dataPaths(readBy: template)
            var asked = Set<String>()
            for stage in Stage.allCases {
                for copy in [DocumentCopy.youth, .advocate] {
                    asked.formUnion(
                        Self.askedPaths(
                            InterviewQuestions.questions(
                                in: template, stage: stage, copy: copy, words: workspace.catalog.words)))
                }
            }
            #expect(
                read.subtracting(asked).isEmpty, "\(language)/\(name) reads, never asks: \(read.subtracting(asked))")
            // And asks for nothing it does not read, but the planner's own input (the age).
            let extra = asked.subtracting(read).subtracting(["client.age"])
            #expect(extra.isEmpty, "\(language)/\(name) asks, never reads: \(extra)")
        }
    }

    @Test func thePlanReadsTheseDataPaths() throws {
        let plan = try Self.workspace.template(named: "plan")
        #expect(
            InterviewQuestions.dataPaths(readBy: plan).sorted() == [
                "advocate.name", "advocate.organization", "advocate.phone", "advocateNotes", "client.name",
                "client.pronouns", "codeWord", "copingStrategies", "date", "emergencyBag", "goals", "history",
                "history.date", "history.stage", "notes", "safePlaces", "safePlaces.address", "safePlaces.name",
                "safePlaces.phone", "strengths", "supports", "supports.name", "supports.phone", "supports.relation",
                "triggers", "warningSigns",
            ])
        #expect(InterviewQuestions.dataPaths(readBy: try Self.workspace.template(named: "youth-handout")).isEmpty)
    }

    /// A value that fits every question, by type.
    static func fullAnswers(_ interview: inout Interview) {
        var count = 0
        while interview.phase == .asking, let question = interview.currentQuestion, count < 500 {
            count += 1
            func value(_ type: InterviewQuestion.AnswerType, _ key: String) -> String {
                switch type {
                case .text: return "Answer for \(key) “quoted” \\ back\\slash"
                case .date: return "2026-11-30"
                case .phone: return "+1 (510) 555-0100"
                case .number: return "16"
                case .stage: return "4"
                }
            }
            switch question.kind {
            case .value:
                interview.answer(value(question.type, question.dottedPath))
            case .list:
                interview.answer(value(question.type, question.dottedPath + " 1"))
                interview.answer(value(question.type, question.dottedPath + " 2"))
                interview.answer("")
            case .records(let parts):
                for part in parts {
                    interview.answer(part.type == .stage ? "contemplation" : value(part.type, part.key))
                }
                interview.answer("")
            }
        }
        interview.answer("done")
    }

    @Test(arguments: ["en", "es"], [false, true])
    func aFullInterviewsAnswersFileRendersTheSameDocument(language: String, isDiscreet: Bool) throws {
        let workspace = try Self.workspace.translated(to: language)
        for name in ["plan", "maintenance-support"] {
            let template = try workspace.template(named: name)
            for copy in isDiscreet ? [DocumentCopy.youth] : [.youth, .advocate] {
                var interview = Interview(
                    Interview.Setup(
                        template: template, copy: copy, isDiscreet: isDiscreet, words: workspace.catalog.words,
                        stageChoices: name == "plan" ? Interview.StageChoice.all(in: workspace.catalog) : [],
                        stage: .maintenance, today: "2026-12-01"))
                Self.fullAnswers(&interview)
                #expect(interview.phase == .finished)
                let answers = interview.planData
                let file = try PlanData.parse(answers.jsonBytes(), file: "answers.json")
                #expect(file == answers, "\(language)/\(name)/\(copy)")
                for format in [OutputFormat.text(width: 72, pageLength: 0, hasPageNumbers: false), .html] {
                    let stage = answers.stage ?? .maintenance
                    let fromInterview = workspace.render(
                        template: template, stage: stage, data: answers, format: format, isDiscreet: isDiscreet,
                        copy: copy)
                    let fromFile = workspace.render(
                        template: template, stage: stage, data: file, format: format, isDiscreet: isDiscreet,
                        copy: copy)
                    #expect(fromInterview == fromFile)
                }
                if name == "plan" { #expect(answers.stage == .action) }
            }
        }
    }

    @Test(arguments: ["en", "es"])
    func theBundledWordsHaveEveryInterviewText(language: String) throws {
        let words = try Self.workspace.translated(to: language).catalog.words
        for id in Words.requiredIDs + Words.laterIDs {
            #expect(!words[id].isEmpty, "\(language): \(id)")
        }
    }

    @Test func anAgencysOlderWordsFileTakesTheInterviewLinesFromTheBundledOnes() throws {
        var english = String(decoding: TemplateLibrary.bundled.file(named: "words.xml")!.bytes, as: UTF8.self)
        for id in Words.laterIDs {
            english = english.replacingOccurrences(
                of: #"(?m)^  <text id="\#(id)">.*</text>\n"#, with: "", options: .regularExpression)
        }
        #expect(!english.contains("review-title"))
        english = english.replacingOccurrences(of: ">Your name<", with: ">Your name<")
            .replacingOccurrences(of: #"label="Your name""#, with: #"label="Name (agency)""#)
        let library = TemplateLibrary.bundled.adding("words.xml", english)
        let workspace = try Workspace(library: library)
        #expect(workspace.catalog.words["review-title"] == "Your answers")
        #expect(workspace.catalog.words.questions["client.name"]?.label == "Name (agency)")
    }

    // MARK: The plan's interview

    static let plan = try! workspace.template(named: "plan")
    static let planSetup = Interview.Setup(
        template: plan, stageChoices: Interview.StageChoice.all(in: workspace.catalog), stage: .preparation,
        today: "2026-12-01")

    @Test func thePlanAsksTheStageFirstInTheYouthsOwnWords() {
        var interview = Interview(Self.planSetup)
        #expect(
            interview.prompt.text == """

                Which of these sounds most like you right now?
                  You choose. There is no wrong answer. Type its number.
                  1. You may not want anything to change right now, and that is okay.
                  2. You may be thinking about a change.
                  3. You want something to change.
                  4. You are making big changes.
                  5. You have come a long way.
                > 
                """)
        for word in ["stage", "contemplation", "preparation", "maintenance", "action"] {
            #expect(!interview.prompt.text.lowercased().contains(word))
        }
        interview.answer("")
        #expect(interview.prompt.text == "  Please type a number from 1 to 5.\n> ")
        interview.answer("six")
        #expect(interview.prompt.text == "  Please type a number from 1 to 5.\n> ")
        interview.answer("1")
        #expect(interview.stage == .preContemplation)
        #expect(interview.currentQuestion?.dottedPath == "client.name")
        // Pre-contemplation asks no emergency bag (the plan prints it only when filled).
        let asked = interview.questions.map(\.dottedPath)
        #expect(asked.contains("emergencyBag"))
        #expect(asked.first == "stage")
    }

    @Test func theStageDecidesTheQuestions() {
        let preparation = Interview.planData(Self.planSetup, answering: ["3"])
        #expect(preparation.stage == .preparation)
        let byName = Interview.planData(Self.planSetup, answering: ["Maintenance"])
        #expect(byName.stage == .maintenance)
        var interview = Interview(Self.planSetup)
        interview.answer("3")
        #expect(interview.questions.map(\.section).contains("People on my side"))
        #expect(
            interview.questions.map(\.dottedPath).prefix(5) == [
                "stage", "client.name", "client.pronouns", "client.age", "advocate.name",
            ])
    }

    @Test func questionsKnowTheirSectionAndAudience() throws {
        let youth = InterviewQuestions.questions(in: Self.plan, stage: .preparation)
        func section(_ path: String) -> String? { youth.first { $0.dottedPath == path }?.section }
        #expect(section("client.name") == "My Safety Plan")
        #expect(section("supports") == "People on my side")
        #expect(section("safePlaces") == "A safe place to stay")
        #expect(section("notes") == "Notes")
        #expect(youth.allSatisfy { $0.audience == .youth })
        #expect(!youth.contains { $0.dottedPath == "advocateNotes" || $0.dottedPath == "history" })
        let advocate = InterviewQuestions.questions(in: Self.plan, stage: .preparation, copy: .advocate)
        let notes = try #require(advocate.first { $0.dottedPath == "advocateNotes" })
        #expect(notes.audience == .advocate)
        let history = try #require(advocate.first { $0.dottedPath == "history" })
        #expect(history.audience == .advocate)
        #expect(
            history.kind
                == .records([
                    .init(key: "stage", label: "Stage (for example contemplation)", type: .stage),
                    .init(key: "date", label: "When (YYYY-MM-DD, optional)", type: .date),
                ]))
        let discreet = InterviewQuestions.questions(in: Self.plan, stage: .preparation, isDiscreet: true)
        #expect(discreet.first { $0.dottedPath == "safePlaces" }?.section == "Places I can go")
        guard case .records(let parts)? = discreet.first(where: { $0.dottedPath == "supports" })?.kind else {
            Issue.record("supports is a list of records")
            return
        }
        #expect(parts.map(\.key) == ["name", "discreetName", "relation", "phone"])
        #expect(discreet.map(\.dottedPath).contains("advocate.discreetName"))
    }

    // MARK: Answers that do not fit

    @Test func aPhoneNumberIsDigitsAndPunctuationOnly() {
        var interview = Interview(Self.setup)
        for answer in ["Maya", "", "", ""] { interview.answer(answer) }
        #expect(interview.currentQuestion?.dottedPath == "supports")
        interview.answer("Grandma Rose")
        interview.answer("grandmother")
        interview.answer("sin teléfono")
        #expect(
            interview.prompt.text
                == "  A phone number has only numbers, spaces and + ( ) - . in it. Please type it again, or leave it empty.\n  Phone (optional): "
        )
        #expect(!interview.prompt.text.contains("sin"))
        interview.answer("(510) 555-0121")
        interview.answer("")
        #expect(
            interview.planData.root["supports"]
                == .list([
                    .record([
                        "name": .text("Grandma Rose"), "relation": .text("grandmother"),
                        "phone": .text("(510) 555-0121"),
                    ])
                ]))
        for good in ["988", "+52 55 1234 5678", "510.555.0100"] {
            #expect(InterviewQuestion.AnswerType.isPhoneNumber(good))
        }
        for bad in ["12", "ask me", "555-0100 ext 4", "５５５-0100"] {
            #expect(!InterviewQuestion.AnswerType.isPhoneNumber(bad))
        }
    }

    @Test func todayIsTodaysDate() {
        #expect(Interview.planData(Self.setup, answering: ["Maya", "today"]).date == "2026-12-01")
        #expect(Interview.planData(Self.setup, answering: ["Maya", "Today"]).date == "2026-12-01")
    }

    @Test func controlCharactersAndArrowKeysAreDropped() {
        #expect(Interview.cleaned("Tí Lupe\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[D\u{1B}[Da") == "Tí Lupea")
        #expect(Interview.cleaned("\u{1B}OA  Maya\t Rose\u{7}  ") == "Maya  Rose")
        let data = Interview.planData(Self.setup, answering: ["Tía Lupe\u{1B}[D"])
        #expect(data.root["client"]?["name"] == .text("Tía Lupe"))
    }

    // MARK: The review

    static func reviewed(_ answers: [String]) -> Interview {
        var interview = Interview(Self.setup)
        for answer in answers { interview.answer(answer) }
        return interview
    }

    static let allEmpty = Array(repeating: "", count: 12)

    @Test func theReviewNumbersEveryAnswerBySection() {
        let interview = Self.reviewed(["Maya", "today", "Go to school", "Rest", ""] + Array(repeating: "", count: 11))
        #expect(interview.phase == .reviewing)
        #expect(
            interview.prompt.text == """

                Your answers
                  Type a number to change that answer, or "done" when it looks right.

                My Support Plan
                  1. My name: Maya
                  2. Date: 2026-12-01

                My goals, in small steps
                  3. My goals, in small steps:
                        - Go to school
                        - Rest

                What I am good at
                  4. What I am good at: (write in by hand)

                People who support me
                  5. People who support me: (write in by hand)

                My triggers, and what I do when one comes
                  6. My triggers: (write in by hand)
                  7. What I can do when a trigger comes: (write in by hand)

                Places where I feel safe
                  8. Places where I feel safe: (write in by hand)

                Check-ins with my advocate
                  9. My advocate: (write in by hand)
                 10. How to reach my advocate: (write in by hand)
                 11. Check-ins with my advocate: (write in by hand)

                How I will notice and celebrate my progress
                 12. How I will notice and celebrate my progress: (write in by hand)

                If things get hard
                 13. What I will do if things get hard: (write in by hand)

                Notes
                 14. Other things I want to remember: (write in by hand)
                > 
                """)
        #expect(interview.review.map(\.number) == Array(1...14))
        #expect(interview.review[2].lines == ["Go to school", "Rest"])
    }

    @Test func editChangesOneAnswerAndComesBackToTheReview() {
        var interview = Self.reviewed(["Maya", "2027-02-14"] + Self.allEmpty)
        #expect(interview.phase == .reviewing)
        interview.answer("edit 2")
        #expect(interview.phase == .asking)
        #expect(interview.currentQuestion?.dottedPath == "date")
        #expect(
            interview.prompt.text.hasSuffix(
                "  Now: 2027-02-14\n  Press Enter to keep it, type a new answer, or type - to leave it empty.\n> "))
        interview.answer("2027-03-01")
        #expect(interview.phase == .reviewing)
        #expect(interview.prompt.text.contains("  2. Date: 2027-03-01\n"))
        interview.answer("1")
        interview.answer("")
        #expect(interview.planData.root["client"]?["name"] == .text("Maya"))
        interview.answer("change 1")
        interview.answer("-")
        #expect(interview.planData.root["client"] == nil)
        #expect(interview.prompt.text.contains("  1. My name: (write in by hand)\n"))
        interview.answer("15")
        #expect(interview.prompt.text == "  Please type a number from 1 to 14, or \"done\".\n> ")
        interview.answer("DONE")
        #expect(interview.phase == .finished)
        #expect(interview.planData.date == "2027-03-01")
    }

    @Test func editingAListReplacesItKeepsItOrEmptiesIt() {
        var interview = Self.reviewed(["", "", "Go to school", "Rest", ""] + Array(repeating: "", count: 11))
        interview.answer("3")
        #expect(interview.prompt.text.contains("  Now: Go to school; Rest\n"))
        interview.answer("")
        #expect(interview.planData.root["goals"] == .list([.text("Go to school"), .text("Rest")]))
        interview.answer("3")
        interview.answer("Sleep well")
        interview.answer("")
        #expect(interview.planData.root["goals"] == .list([.text("Sleep well")]))
        interview.answer("5")
        interview.answer("Rose")
        interview.answer("")
        interview.answer("988")
        interview.answer("")
        #expect(
            interview.planData.root["supports"] == .list([.record(["name": .text("Rose"), "phone": .text("988")])]))
        interview.answer("3")
        interview.answer("-")
        #expect(interview.planData.root["goals"] == nil)
        #expect(interview.phase == .reviewing)
    }

    @Test func theReviewShowsPrefilledAnswersAndAdvocateOnlyOnes() throws {
        let base = try PlanData.parse(
            Array(#"{"client": {"name": "Maya"}, "advocateNotes": "Call Tuesday"}"#.utf8), file: "d.json")
        var interview = Interview(
            Interview.Setup(template: Self.form, copy: .advocate, stage: .maintenance, today: "2026-12-01"), base: base)
        for _ in 0..<30 where interview.phase == .asking { interview.answer("") }
        #expect(interview.phase == .reviewing)
        #expect(interview.prompt.text.contains("  1. My name: Maya\n"))
        #expect(interview.prompt.text.contains(". Advocate notes (advocate copy only): Call Tuesday\n"))
    }

    @Test func theStageCanBeChangedFromTheReview() {
        var interview = Interview(Self.planSetup)
        interview.answer("5")
        while interview.phase == .asking { interview.answer("") }
        #expect(
            interview.prompt.text.contains(
                "  1. Which of these sounds most like you right now? You have come a long way.\n"))
        let maintenance = interview.questions.map(\.dottedPath)
        interview.answer("1")
        #expect(interview.prompt.text.contains("  Now: You have come a long way.\n"))
        interview.answer("2")
        #expect(interview.phase == .reviewing)
        #expect(interview.stage == .contemplation)
        #expect(interview.questions.map(\.dottedPath) != maintenance)
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
