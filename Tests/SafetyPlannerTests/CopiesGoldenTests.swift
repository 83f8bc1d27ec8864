import Foundation
import Testing

@testable import SafetyPlanner

/// Both copies of the plan at every stage, discreet and not, for a youth of 15 and one of
/// 19 whose data has Spanish entries, titles, a safe place named after its organisation, a
/// code word, strengths and advocate notes (`Fixtures/copies/`), against reviewed golden
/// files.
@Suite struct CopiesGoldenTests {
    static let workspace = try! Workspace.load()
    static let template = try! workspace.template(named: "plan")

    enum Copy: String, CaseIterable {
        case youth
        case advocate
        case discreet
    }

    static func render(age: Int, stage: Stage, copy: Copy, format: OutputFormat) -> String {
        let data = try! PlanData.parse(Golden.read("copies/youth-\(age).json"), file: "youth-\(age).json")
        return workspace.render(
            template: template, stage: stage, data: data, format: format, isDiscreet: copy == .discreet,
            copy: copy == .advocate ? .advocate : .youth)
    }

    @Test(arguments: Stage.allCases, [15, 19])
    func textCopies(stage: Stage, age: Int) {
        for copy in Copy.allCases {
            Golden.assertMatches(
                Self.render(age: age, stage: stage, copy: copy, format: .text(width: 72)),
                "copies/\(stage.id)/\(age)-\(copy.rawValue).txt")
        }
    }

    @Test func htmlCopiesOfThePreparationPlan() {
        for copy in Copy.allCases {
            Golden.assertMatches(
                Self.render(age: 15, stage: .preparation, copy: copy, format: .html),
                "copies/preparation/15-\(copy.rawValue).html")
        }
    }
}
