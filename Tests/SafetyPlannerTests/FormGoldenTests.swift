import Foundation
import Testing

@testable import SafetyPlanner

/// The maintenance support form with full data, half the data and no data, against
/// reviewed golden files: whatever the data leaves empty is printed as write-in lines.
@Suite struct FormGoldenTests {
    static let workspace = try! Workspace.load()
    static let form = try! workspace.form(named: "maintenance-support")
    static let folder = "forms/maintenance-support"

    static func data(_ name: String) throws -> PlanData {
        try PlanData.parse(Golden.read("\(folder)/\(name)/data.json"), file: "\(name)/data.json")
    }

    static func render(_ data: PlanData, _ format: OutputFormat) -> String {
        workspace.render(template: form, stage: data.stage ?? .maintenance, data: data, format: format)
    }

    @Test func formIsAFormWithItsTitles() {
        #expect(Self.form.kind == .form)
        #expect(Self.form.title == "My Support Plan")
        #expect(Self.form.discreetTitle == "My plan")
    }

    @Test func fullDataAsText() throws {
        let text = Self.render(try Self.data("full"), .text(width: 72))
        Golden.assertMatches(text, "\(Self.folder)/full/expected.txt")
        #expect(!text.contains(String(repeating: "_", count: 72)))
    }

    @Test func fullDataAsHTML() throws {
        Golden.assertMatches(Self.render(try Self.data("full"), .html), "\(Self.folder)/full/expected.html")
    }

    @Test func halfTheDataLeavesTheOtherHalfAsWriteInLines() throws {
        let tree = Self.form.evaluate(Self.workspace.planner.plan(stage: .maintenance, data: try Self.data("half")))
        let text = TextRenderer(width: 72).render(tree)
        Golden.assertMatches(text, "\(Self.folder)/half/expected.txt")
        Golden.assertMatches(Self.render(try Self.data("half"), .html), "\(Self.folder)/half/expected.html")

        // Filled: name, date, goals, triggers, coping, check-ins, hard times.
        let sections = Self.sections(tree)
        #expect(Self.fields(tree.body)["My name"] == "Dre")
        #expect(Self.fields(tree.body)["Date"] == "2027-03-01")
        for heading in [
            "My goals, in small steps", "My triggers, and what I do when one comes", "Check-ins with my advocate",
            "If things get hard",
        ] {
            #expect(sections[heading]?.contains { if case .list = $0 { true } else { false } } == true, "\(heading)")
        }
        // Empty: supports, safe places, celebrations (write-in lines), advocate fields.
        for heading in [
            "People who support me", "Places where I feel safe", "How I will notice and celebrate my progress",
        ] {
            let body = sections[heading] ?? []
            #expect(body.contains(.writeIn(lines: heading == "People who support me" ? 3 : 2)), "\(heading)")
            #expect(!body.contains { if case .list = $0 { true } else { false } }, "\(heading)")
        }
        let checkIns = sections["Check-ins with my advocate"] ?? []
        #expect(checkIns.contains(.field(label: [.text("My advocate")], value: [], lines: 1)))
        #expect(checkIns.contains(.field(label: [.text("How to reach my advocate")], value: [], lines: 1)))
        #expect(text.contains("My advocate: ______"))
        #expect(
            text.contains(
                "People I can reach out to on good days and hard days, and how to reach\nthem:\n\n"
                    + String(repeating: "_", count: 72)))
    }

    @Test func noDataIsAllWriteInLines() {
        let text = Self.render(PlanData(), .text(width: 72))
        Golden.assertMatches(text, "\(Self.folder)/empty.txt")
        let rule = String(repeating: "_", count: 72)
        // Three for goals, supports, hard times and notes; two for the six other lists.
        #expect(text.components(separatedBy: rule + "\n").count - 1 == 4 * 3 + 2 * 6)
        for label in ["My name", "Date", "My advocate", "How to reach my advocate"] {
            #expect(text.contains("\n\(label): ____"), "\(label)")
        }
        #expect(!text.contains("Optional("))
    }

    @Test func movingBackIsFramedAsPartOfTheProcess() {
        let text = Self.render(PlanData(), .text(width: 400))
        #expect(text.contains("Moving back to an earlier step is part of the process, not a failure."))
        for word in ["victim", "prostitut", "fault", "should have", "trafficked"] {
            #expect(!text.lowercased().contains(word), "\(word)")
        }
    }

    // MARK: Helpers

    /// Each untitled section's body, keyed by its heading's text.
    static func sections(_ tree: DocumentTree) -> [String: [DocumentNode]] {
        var result: [String: [DocumentNode]] = [:]
        for node in tree.body {
            guard case .section(_, let children) = node, case .heading(_, let content)? = children.first else {
                continue
            }
            result[content.map(\.plainText).joined()] = Array(children.dropFirst())
        }
        return result
    }

    /// Every field's label and value text, anywhere in the document.
    static func fields(_ nodes: [DocumentNode]) -> [String: String] {
        var result: [String: String] = [:]
        for node in nodes {
            switch node {
            case .field(let label, let value, _):
                result[label.map(\.plainText).joined()] = value.map(\.plainText).joined()
            case .section(_, let children):
                result.merge(fields(children)) { first, _ in first }
            default:
                break
            }
        }
        return result
    }
}
