import Foundation
import SafetyPlanner
import Testing

/// The example on the DocC landing page (`SafetyPlanner.docc/SafetyPlanner.md`) runs, and
/// is the code below, word for word: the page cannot show code that does not work.
@Suite struct DocumentationExampleTests {
    /// The example, as the landing page prints it (without `import` and `print`).
    static func example() throws -> String {
        let workspace = try Workspace.load()
        let template = try workspace.template(named: "plan")
        let json = #"{ "stage": "preparation", "client": { "name": "Jordan", "age": 16 } }"#
        let data = try PlanData.parse(Array(json.utf8), file: "jordan.json")
        let text = workspace.render(
            template: template, stage: data.stage ?? .preparation, data: data,
            format: .text(width: 72), copy: .youth)
        return text
    }

    @Test func theExampleRendersAPlan() throws {
        let text = try Self.example()
        #expect(text.hasPrefix("My Safety Plan\n==============\n\nFor: Jordan"))
        #expect(!text.contains("For the advocate"))
    }

    @Test func theLandingPageShowsThisCode() throws {
        let page = try String(
            contentsOf: Golden.packageRoot.appendingPathComponent(
                "Sources/SafetyPlanner/SafetyPlanner.docc/SafetyPlanner.md"),
            encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try #require(page.range(of: "let workspace = try Workspace.load()"))
        let end = try #require(
            page.range(of: "format: .text(width: 72), copy: .youth)", range: start.upperBound..<page.endIndex))
        let shown = page[start.lowerBound..<end.upperBound].split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let tested = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let first = try #require(tested.firstIndex(of: shown[0]))
        #expect(Array(tested[first..<first + shown.count]) == shown)
    }
}
