import Foundation
import Testing

@testable import SafetyPlanner

/// The plan for each stage, in both formats, against reviewed golden files.
@Suite struct PlanGoldenTests {
    static let workspace = try! Workspace.load()
    static let template = try! workspace.template(named: "plan")

    static func data(_ folder: String) throws -> PlanData {
        try PlanData.parse(Golden.read("\(folder)/data.json"), file: "\(folder)/data.json")
    }

    static func render(_ folder: String, stage: Stage, format: OutputFormat) throws -> String {
        workspace.render(template: template, stage: stage, data: try data(folder), format: format)
    }

    @Test(arguments: Stage.allCases)
    func textPlan(stage: Stage) throws {
        Golden.assertMatches(
            try Self.render("plans/\(stage.id)", stage: stage, format: .text(width: 72)),
            "plans/\(stage.id)/expected.txt")
    }

    @Test(arguments: Stage.allCases)
    func htmlPlan(stage: Stage) throws {
        Golden.assertMatches(
            try Self.render("plans/\(stage.id)", stage: stage, format: .html), "plans/\(stage.id)/expected.html")
    }

    @Test func discreetPreparationPlan() throws {
        let data = try Self.data("plans/preparation")
        for (format, file) in [
            (OutputFormat.text(width: 72), "expected-discreet.txt"), (.html, "expected-discreet.html"),
        ] {
            let output = Self.workspace.render(
                template: Self.template, stage: .preparation, data: data, format: format, isDiscreet: true)
            Golden.assertMatches(output, "plans/preparation/\(file)")
        }
    }

    @Test func textNumbersAreSMSLinksAndCallNumbersTelLinks() throws {
        let html = try Self.render("plans/preparation", stage: .preparation, format: .html)
        // The hotline's short code opens a message; its number dials.
        #expect(
            html.contains("call <a href=\"tel:18883737888\">1-888-373-7888</a>, text <a href=\"sms:233733\">233733</a>")
        )
        #expect(!html.contains("href=\"tel:233733\""))
        // One number for both keeps one link, to call.
        #expect(html.contains("call or text <a href=\"tel:988\">988</a>"))
        // A phone from the data is a number to call.
        #expect(html.contains("<a href=\"tel:5105550187\">(510) 555-0187</a>"))
        #expect(html.components(separatedBy: "href=\"sms:").count - 1 == 1)
        // A recorded run (what a batch replays) writes the same links.
        let plan = Self.workspace.planner.plan(stage: .preparation, data: try Self.data("plans/preparation"))
        let prepared = PreparedTemplate(template: Self.template, prototype: plan).recorded(for: .html)
        #expect(String(decoding: prepared.renderBytes(plan, format: .html), as: UTF8.self) == html)
    }

    @Test func movingBackIsFramedWithoutJudgment() throws {
        let text = try Self.render("moved-back", stage: .contemplation, format: .text(width: 72))
        Golden.assertMatches(text, "moved-back/expected.txt")
        let note = Self.workspace.catalog.info(for: .contemplation).movedBack
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains(String(note.prefix(20))))
    }

    @Test func plansWithNoDataHaveWriteInLines() throws {
        let text = Self.workspace.render(
            template: Self.template, stage: .preparation, data: PlanData(), format: .text(width: 72))
        Golden.assertMatches(text, "plans/preparation-empty.txt")
        #expect(text.contains(String(repeating: "_", count: 72)))
        #expect(!text.contains("nil"))
        #expect(!text.contains("Optional("))
    }
}
