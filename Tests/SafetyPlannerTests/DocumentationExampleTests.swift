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

    /// The example of the interviews article (`SafetyPlanner.docc/Interviews.md`), as it
    /// prints it (without `import` and `print`).
    static func interviewExample() throws -> (Interview, [UInt8]) {
        let workspace = try Workspace.load()
        let template = try workspace.template(named: "plan")
        var interview = Interview(
            Interview.Setup(
                template: template, words: workspace.catalog.words,
                stageChoices: Interview.StageChoice.all(in: workspace.catalog),
                stage: .preparation, today: "2026-12-01"))
        for line in ["3", "Jordan", "", "16"] { interview.answer(line) }
        while interview.phase == .asking { interview.answer("") }
        _ = interview.reviewText  // every answer, numbered, by section
        interview.answer("2")  // ask question 2 again
        interview.answer("Jo")
        interview.answer("done")
        let answers = interview.planData.jsonBytes()  // an answers file: a data file
        return (interview, answers)
    }

    @Test func theInterviewExampleWorks() throws {
        let (interview, answers) = try Self.interviewExample()
        #expect(interview.phase == .finished)
        let data = try PlanData.parse(answers, file: "answers.json")
        #expect(data.stage == .preparation)
        #expect(data.root["client"] == .record(["name": .text("Jo"), "age": .text("16")]))
    }

    @Test func theInterviewsArticleShowsThisCode() throws {
        let page = try String(
            contentsOf: Golden.packageRoot.appendingPathComponent(
                "Sources/SafetyPlanner/SafetyPlanner.docc/Interviews.md"),
            encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func normalized(_ line: Substring) -> String {
            // The page prints the review; the test keeps it. Comments line up differently.
            var line = line.trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "print(interview.reviewText)", with: "_ = interview.reviewText")
            if let comment = line.range(of: "//") {
                line =
                    line[..<comment.lowerBound].trimmingCharacters(in: .whitespaces) + " "
                    + line[comment.lowerBound...]
            }
            return line
        }
        let start = try #require(page.range(of: "let workspace = try Workspace.load()"))
        let end = try #require(
            page.range(of: "// an answers file: a data file", range: start.upperBound..<page.endIndex))
        let shown = page[start.lowerBound..<end.upperBound].split(separator: "\n").map(normalized)
        let tested = source.split(separator: "\n").map(normalized)
        let first = try #require(tested.lastIndex(of: shown[0]))
        #expect(Array(tested[first..<first + shown.count]) == shown)
    }
}
