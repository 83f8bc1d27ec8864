import Foundation
import Testing

@testable import SafetyPlanner

/// The page rules hold for every shipped template, stage and mode, on short and long pages.
@Suite struct TextPaginationTemplateTests {
    static let workspace = try! Workspace.load()

    static let sample: PlanData = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/preparation.json")
        return try! PlanData.parse(Array(try! Data(contentsOf: url)), file: "preparation.json")
    }()

    @Test func templatesAreFound() {
        #expect(Self.workspace.library.templateNames.count >= 4)
    }

    /// Every template but the wallet card, which is two boxes and has no pages.
    static let paginated = workspace.library.templateNames.filter {
        (try? workspace.template(named: $0))?.kind != .card
    }

    @Test(arguments: paginated)
    func noPageIsLongerThanThePageLength(template name: String) throws {
        let template = try Self.workspace.template(named: name)
        for stage in Stage.allCases {
            for isDiscreet in [false, true] {
                for data in [PlanData(), Self.sample] {
                    for width in [40, 72] {
                        let flat = Self.workspace.render(
                            template: template, stage: stage, data: data, format: .text(width: width),
                            isDiscreet: isDiscreet)
                        for pageLength in [10, 23, 66] {
                            for hasPageNumbers in [false, true] {
                                let text = Self.workspace.render(
                                    template: template, stage: stage, data: data,
                                    format: .text(width: width, pageLength: pageLength, hasPageNumbers: hasPageNumbers),
                                    isDiscreet: isDiscreet)
                                check(
                                    text, flat: flat, width: width, pageLength: pageLength,
                                    hasPageNumbers: hasPageNumbers,
                                    "\(name) \(stage.id) discreet=\(isDiscreet) width=\(width) length=\(pageLength) numbers=\(hasPageNumbers)"
                                )
                            }
                        }
                    }
                }
            }
        }
    }

    private func check(
        _ text: String, flat: String, width: Int, pageLength: Int, hasPageNumbers: Bool, _ context: String
    ) {
        let pages = pagesOf(text)
        var content: [Substring] = []
        for (number, page) in pages.enumerated() {
            if hasPageNumbers {
                #expect(page.count == pageLength, "\(context) page \(number + 1)")
                #expect(
                    page.last?.trimmingCharacters(in: .whitespaces) == "Page \(number + 1) of \(pages.count)",
                    "\(context)")
            } else {
                #expect(page.count <= pageLength, "\(context) page \(number + 1)")
            }
            // A page after the first starts with a line holding only its form feed, so the
            // break shows on a screen; then its text.
            if number > 0 {
                #expect(page.first == "\u{C}", "\(context): page \(number + 1) starts without its form feed line")
            }
            let lines = number > 0 ? page.dropFirst() : page[...]
            let body = hasPageNumbers ? lines.dropLast() : lines
            #expect(lines.first?.isEmpty == false, "\(context): page \(number + 1) starts with a blank line")
            // No page ends with a heading (its underline, or a heading-only line, is last).
            if let last = body.last(where: { !$0.isEmpty }), number < pages.count - 1 {
                #expect(
                    !last.allSatisfy { $0 == "-" || $0 == "=" }, "\(context): page \(number + 1) ends with a heading")
            }
            for line in page {
                #expect(DisplayWidth.of(line) <= width, "\(context): \(line)")
            }
            content += body.filter { !$0.isEmpty }
        }
        // Nothing is lost, added or reordered: the same lines as without pages.
        let flatContent = flat.split(separator: "\n").filter { !$0.isEmpty && $0 != "\u{C}" }
        #expect(content == flatContent, "\(context)")
    }
}
