import Foundation
import Testing

@testable import SafetyPlanner

/// `safetyplan assess`: the assessment document against reviewed golden files, its
/// promises (no score, no report, the youth's view kept beside the suggestion), the
/// catalog's sign ids, the data contract's `assessment`, and the youth copy untouched.
@Suite struct AssessmentTests {
    static let workspace = try! Workspace.load()
    static let spanish = try! workspace.translated(to: "es")

    static func data(_ json: String, signIDs: [String]? = workspace.catalog.signIDs) throws -> PlanData {
        try PlanData.parse(Array(json.utf8), file: "data.json", signIDs: signIDs)
    }

    /// The problems of a data file, as printed; empty when it is valid.
    static func messages(_ json: String, signIDs: [String]? = workspace.catalog.signIDs) -> [String] {
        do {
            _ = try PlanData.parse(Array(json.utf8), file: "data.json", signIDs: signIDs)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    static func fixture(_ name: String) -> PlanData {
        try! PlanData.parse(
            Golden.read("assessment/\(name).json"), file: "\(name).json", signIDs: workspace.catalog.signIDs)
    }

    static func render(_ data: PlanData, in workspace: Workspace = workspace, format: OutputFormat = .text(width: 72))
        -> String
    {
        let template = try! workspace.template(named: "assessment")
        return workspace.render(template: template, stage: .preparation, data: data, format: format, copy: .advocate)
    }

    // MARK: Golden documents

    @Test(arguments: ["mixed", "disagreement", "domains", "none"])
    func golden(name: String) {
        let data = Self.fixture(name)
        Golden.assertMatches(Self.render(data), "assessment/\(name).txt")
        Golden.assertMatches(Self.render(data, format: .html), "assessment/\(name).html")
    }

    @Test func spanishGolden() {
        let data = Self.fixture("es")
        Golden.assertMatches(Self.render(data, in: Self.spanish), "assessment/es.txt")
        Golden.assertMatches(Self.render(data, in: Self.spanish, format: .html), "assessment/es.html")
    }

    @Test func theSampleIsTheREADMEs() throws {
        let bytes = [UInt8](try Data(contentsOf: Golden.packageRoot.appendingPathComponent("Samples/assessment.json")))
        let data = try PlanData.parse(bytes, file: "assessment.json", signIDs: Self.workspace.catalog.signIDs)
        // As the tool prints it by default: pages of 66 lines.
        let printed = OutputFormat.text(width: 72, pageLength: TextRenderer.defaultPageLength, hasPageNumbers: false)
        Golden.assertMatches(Self.render(data, format: printed), "../../../Samples/assessment.txt")
        Golden.assertMatches(Self.render(data, format: .html), "../../../Samples/assessment.html")
    }

    @Test func theTemplateIsForHelpersOnly() throws {
        let template = try Self.workspace.template(named: "assessment")
        #expect(template.kind == .assessment)
        #expect(template.audience == .provider)
        #expect(template.discreetRefusal != nil)
        #expect(try Self.spanish.template(named: "assessment").audience == .provider)
    }

    // MARK: Signs

    @Test func everySignHasAnIdTheSameInEveryLanguage() {
        let english = Self.workspace.catalog.stages
        let spanish = Self.spanish.catalog.stages
        #expect(english.map(\.signIDs) == spanish.map(\.signIDs))
        for info in english {
            #expect(info.signIDs.count == info.signs.count)
            #expect(!info.signIDs.contains { $0.hasPrefix(info.stage.id + "-") }, "bundled signs have written ids")
            #expect((2...3).contains(info.questions.count), "\(info.stage): what to ask next")
        }
        #expect(Set(Self.workspace.catalog.signIDs).count == Self.workspace.catalog.signIDs.count)
        #expect(Self.workspace.catalog.signIDs.count == 17)
    }

    @Test(arguments: try! Workspace.load().catalog.signIDs)
    func everySignCanBeSelected(id: String) throws {
        let data = try Self.data(#"{ "assessment": { "observed": ["\#(id)"] } }"#)
        let (stage, sign) = try #require(Self.workspace.catalog.sign(id: id))
        let text = Self.render(data, format: .text(width: 400))
        let name = Self.workspace.catalog.info(for: stage).name
        #expect(text.contains("\(name)\n- \(sign)\n"), "listed under its stage")
        #expect(text.contains("[x] \(sign)\n"), "checked in the list of signs")
        #expect(text.components(separatedBy: "[x] ").count == 2, "and only it")
        #expect(text.contains("What you noticed points most to: \(name)."))
    }

    @Test func theSignsAreShownInAFixedOrderThatIsNotTheStages() {
        let signs = StageInfo.interleavedSigns(Self.workspace.catalog.stages)
        #expect(signs.map(\.id).sorted() == Self.workspace.catalog.signIDs.sorted())
        #expect(signs.map(\.id) == StageInfo.interleavedSigns(Self.workspace.catalog.stages).map(\.id))
        for (left, right) in zip(signs, signs.dropFirst()) {
            #expect(left.stage != right.stage, "\(left.id) beside \(right.id)")
        }
        #expect(signs.first?.stage != .preContemplation)
    }

    @Test func theInterviewChoosesSignsByNumberAndEverySignCanBeChosen() throws {
        var interview = AssessmentInterview(catalog: Self.workspace.catalog, today: "2026-12-01")
        let count = Self.workspace.catalog.signIDs.count
        interview.answer("")
        #expect(interview.prompt.message.contains("  \(count). "))
        interview.answer("0")
        #expect(interview.prompt.message.hasPrefix("Please type numbers from 1 to \(count)"))
        interview.answer((1...count).map(String.init).joined(separator: ", "))
        interview.answer("  I'm fine\u{1B}[D  ")
        interview.answer("2")
        interview.answer("11")
        #expect(interview.prompt.message.hasPrefix("Please type a whole number from 0 to 10"))
        interview.answer("7")
        interview.answer("")
        interview.answer("shelter")
        interview.answer("9 16")
        interview.answer("")
        interview.answer("3")
        interview.answer(nil)
        #expect(interview.isFinished)
        let assessment = Assessment(interview.assessment)
        #expect(assessment.date == "2026-12-01")
        #expect(Set(assessment.overall.observed) == Set(Self.workspace.catalog.signIDs))
        #expect(assessment.overall.youthWords == "I'm fine")
        #expect(assessment.overall.youthStage == .contemplation)
        #expect(assessment.overall.importance == 7 && assessment.overall.confidence == nil)
        #expect(assessment.domains.map(\.domain) == [.shelter])
        #expect(assessment.domains[0].view.observed == ["pr-saving-money", "pr-exploring-places"])
        #expect(assessment.domains[0].view.youthStage == .preparation)
        // What the interview gives is a valid data file's assessment.
        let saved = PlanData().replacingAssessment(with: interview.assessment).jsonBytes()
        #expect(throws: Never.self) {
            try PlanData.parse(saved, file: "answers.json", signIDs: Self.workspace.catalog.signIDs)
        }
    }

    // MARK: The suggestion

    @Test func theMostNoticedStagesLeadAndTiesAreShownTogether() {
        let guide = Self.workspace.catalog.stages
        let tied = StageSuggestion(
            .init(observed: ["pc-defensive", "pr-packing", "co-ambivalent-open", "pr-decided", "pc-not-a-victim"]),
            guide: guide)
        #expect(tied.leading == [.preContemplation, .preparation])
        #expect(tied.alsoFitting == [.contemplation])
        #expect(tied.differs(from: .contemplation))
        #expect(!tied.differs(from: .preparation))
        #expect(!tied.differs(from: nil))
        let none = StageSuggestion(.init(), guide: guide)
        #expect(none.leading.isEmpty && none.alsoFitting.isEmpty && !none.differs(from: .action))
    }

    @Test(arguments: ["mixed", "disagreement", "domains", "none"])
    func theDocumentNeverScoresOrAsksForAReport(name: String) {
        let text = Self.render(Self.fixture(name), format: .text(width: 400))
        let lowered = text.lowercased()
        #expect(!text.contains("%"))
        for word in ["score:", "total", "points:", "out of 5", "/10", "victim of", "make a report", "should report"] {
            #expect(!lowered.contains(word), "\(word)")
        }
        // The source's wording of a sign and of a response, and the name of the domain, may
        // name reporting; nothing else does.
        var rest = text.replacingOccurrences(of: "Reporting", with: "").replacingOccurrences(of: "reporting", with: "")
        for info in Self.workspace.catalog.stages {
            for sign in info.signs { rest = rest.replacingOccurrences(of: sign, with: "") }
            rest = rest.replacingOccurrences(of: info.response, with: "")
        }
        #expect(!rest.lowercased().contains("report"), "\(name)")
        #expect(!rest.lowercased().contains("police") || name == "domains", "only the youth's own words")
    }

    @Test func aDisagreementShowsBothSidesUnresolved() {
        let text = Self.render(Self.fixture("disagreement"), format: .text(width: 400))
        #expect(text.contains("- What you noticed points most to: Preparation.\n"))
        #expect(text.contains("- Some of what you noticed also fits: Contemplation.\n"))
        #expect(text.contains("- What the youth says: Pre-contemplation, “Nothing needs to change. I'm fine.”\n"))
        #expect(text.contains("neither one is the right answer"))
        #expect(text.contains("The youth's own view of where they are decides."))
        // The youth's own stage comes first in what helps.
        let helps = text.components(separatedBy: "What helps at these stages")[1]
        #expect(
            helps.range(of: "Pre-contemplation\n\nWhy it is here: the youth's own view.")!.lowerBound
                < helps.range(of: "Preparation")!.lowerBound)
    }

    @Test func theRulerAnswersAreTheYouthsAndNeverCombined() {
        let text = Self.render(Self.fixture("disagreement"), format: .text(width: 400))
        #expect(
            text.contains(
                "The youth said 2 out of 10 for how important a change is to them. You might ask: why 2 and not 0? What would help it go up by one?"
            ))
        #expect(
            text.contains(
                "The youth said 8 out of 10 for how confident they are that they could make a change. You might ask: why 8 and not 5? What would help it go up by one?"
            ))
        #expect(!text.contains("10 out of") && !text.contains(" 5 out of"))
        let none = Self.render(Self.fixture("none"), format: .text(width: 400))
        #expect(none.contains("The youth did not give Readiness Ruler answers."))
        #expect(none.contains("You have not marked any signs. Nothing here points to a stage"))
        #expect(none.contains("First, you might ask: Where would you say you are with this right now"))
    }

    // MARK: The data contract

    @Test func unknownSignsNameThePathAndTheNearestId() {
        let json = """
            {
              "assessment": {
                "observed": ["pc-defensiv", "nothing-like-it"],
                "domains": [{ "domain": "shelterr", "observed": ["PR-packing"], "importance": 11 }],
                "youthStage": "ready"
              },
              "history": [{ "stage": "action", "suggested": ["later"] }]
            }
            """
        let messages = Self.messages(json)
        #expect(
            messages == [
                #"data.json:3:18: error: assessment.observed[0]: unknown sign (did you mean "pc-defensive"?); 'safetyplan list signs' lists them"#,
                "data.json:3:33: error: assessment.observed[1]: unknown sign; 'safetyplan list signs' lists them",
                #"data.json:4:29: error: assessment.domains[0].domain: not a domain (did you mean "shelter"?); expected one of support, shelter, counseling, reporting, safety"#,
                #"data.json:4:54: error: assessment.domains[0].observed[0]: unknown sign (did you mean "pr-packing"?); 'safetyplan list signs' lists them"#,
                "data.json:4:83: error: assessment.domains[0].importance: expected a whole number from 0 to 10",
                "data.json:5:19: error: assessment.youthStage: not a stage; expected one of pre-contemplation, contemplation, preparation, action, maintenance",
                "data.json:7:50: error: history[0].suggested[0]: not a stage; expected one of pre-contemplation, contemplation, preparation, action, maintenance",
            ])
        for message in messages {
            for value in ["pc-defensiv\"", "nothing-like-it", "shelterr", "PR-", "ready", "later"] {
                #expect(!message.contains(value), "never echoes a value: \(message)")
            }
        }
    }

    @Test func withoutTheCatalogASignIdIsCheckedForItsFormOnly() throws {
        #expect(throws: Never.self) {
            try Self.data(#"{ "assessment": { "observed": ["agency-sign-9"] } }"#, signIDs: nil)
        }
        #expect(
            Self.messages(#"{ "assessment": { "observed": ["Not an id"] } }"#, signIDs: nil) == [
                "data.json:1:32: error: assessment.observed[0]: expected a sign id: lowercase letters, digits and hyphens"
            ])
    }

    @Test func anAgencysStagesFileWithoutIdsStillLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assess-ids-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var stages = String(decoding: Golden.read("../../../Templates/catalog/stages.xml"), as: UTF8.self)
        stages = stages.replacingOccurrences(of: #" id="p[a-z]-[a-z-]+""#, with: "", options: .regularExpression)
        stages = stages.replacingOccurrences(of: #"\s*<ask>[^<]*</ask>"#, with: "", options: .regularExpression)
        try Data(stages.utf8).write(to: folder.appendingPathComponent("stages.xml"))
        let workspace = try Workspace.load(templatesDirectory: folder.path)
        let preContemplation = workspace.catalog.info(for: .preContemplation)
        #expect(preContemplation.signIDs == (1...4).map { "pre-contemplation-\($0)" })
        #expect(preContemplation.questions.isEmpty)
        #expect(workspace.catalog.info(for: .preparation).signIDs.first == "preparation-1")
        #expect(workspace.catalog.info(for: .action).signIDs.first == "ac-treatment-intake")
        let data = try PlanData.parse(
            Array(#"{ "assessment": { "observed": ["pre-contemplation-2"] } }"#.utf8), file: "d.json",
            signIDs: workspace.catalog.signIDs)
        #expect(Self.render(data, in: workspace).contains("[x] May be defensive."))

        // Two signs with one id are refused where the second one is.
        let twice = stages.replacingOccurrences(of: #"ac-cuts-ties"#, with: "ac-police-report")
        try Data(twice.utf8).write(to: folder.appendingPathComponent("stages.xml"))
        #expect {
            try Workspace.load(templatesDirectory: folder.path)
        } throws: { error in
            let description = (error as? TemplateError)?.description ?? ""
            return description.hasSuffix(
                "error: <sign> has the id 'ac-police-report' of another sign; give each sign its own id")
        }
    }

    // MARK: Recording, and the youth copy

    @Test func recordingAddsTheYouthsStageAndTheSuggestionOnce() throws {
        let data = Self.fixture("disagreement")
        let guide = Self.workspace.catalog.stages
        let (recorded, isAdded) = data.recordingAssessment(guide: guide, today: "2026-12-24")
        #expect(isAdded)
        #expect(
            recorded.root["history"]
                == .list([
                    .record([
                        "stage": .text("pre-contemplation"), "date": .text("2026-10-12"),
                        "suggested": .list([.text("preparation")]),
                    ])
                ]))
        let again = recorded.recordingAssessment(guide: guide, today: "2026-12-24")
        #expect(!again.isAdded && again.data == recorded)
        // Read back from its file, it is the same data.
        #expect(
            try PlanData.parse(recorded.jsonBytes(), file: "r.json", signIDs: Self.workspace.catalog.signIDs)
                == recorded)
        // The advocate copy of the plan shows it among the earlier stages; the youth copy does not.
        let plan = try Self.workspace.template(named: "plan")
        let advocate = Self.workspace.render(
            template: plan, stage: .preparation, data: recorded, format: .text(width: 400), copy: .advocate)
        #expect(advocate.contains("- pre-contemplation (2026-10-12)\n"))
        // Undated: dated today; no stage from the youth: no entry.
        let undated = try Self.data(#"{ "assessment": { "youthStage": "action" } }"#)
            .recordingAssessment(guide: guide, today: "2026-12-24")
        #expect(undated.data.root["history"]?.elements.first?["date"] == .text("2026-12-24"))
        #expect(undated.data.root["assessment"]?["date"] == .text("2026-12-24"))
        let unsaid = Self.fixture("mixed").recordingAssessment(guide: guide, today: "2026-12-24")
        #expect(!unsaid.isAdded && unsaid.data.root["history"] == nil)
    }

    @Test(arguments: Stage.allCases, ["en", "es"])
    func theYouthCopyIsTheSameWithOrWithoutAnAssessment(stage: Stage, language: String) throws {
        let workspace = try Self.workspace.translated(to: language)
        let plan = try workspace.template(named: "plan")
        let with = Self.fixture("es")
        guard case .record(var fields) = with.root else { return }
        fields["assessment"] = nil
        let without = PlanData(root: .record(fields))
        for isDiscreet in [false, true] {
            for format in [OutputFormat.text(width: 72), .html] {
                #expect(
                    workspace.render(template: plan, stage: stage, data: with, format: format, isDiscreet: isDiscreet)
                        == workspace.render(
                            template: plan, stage: stage, data: without, format: format, isDiscreet: isDiscreet))
            }
        }
        #expect(
            workspace.render(template: plan, stage: stage, data: with, format: .text(width: 72), copy: .advocate)
                == workspace.render(
                    template: plan, stage: stage, data: without, format: .text(width: 72), copy: .advocate))
    }
}
