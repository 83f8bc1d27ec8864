import Foundation
import Testing

@testable import SafetyPlanner

/// Renders `body` as plain text cut into pages of `pageLength` lines.
private func renderPages(
    _ body: [DocumentNode], width: Int = 30, pageLength: Int = 10, hasPageNumbers: Bool = false
) -> String {
    TextRenderer(width: width, pageLength: pageLength, hasPageNumbers: hasPageNumbers)
        .render(DocumentTree(title: "Plan", body: body))
}

/// The pages of paginated text: split at form feeds, each a list of lines. A page after
/// the first starts with its form feed's line, `"\u{C}"`, which counts as one of its lines.
func pagesOf(_ text: String) -> [[Substring]] {
    text.split(separator: "\u{C}", omittingEmptySubsequences: false).enumerated().map { number, page in
        var lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        if number > 0 && lines.first == "" { lines[0] = "\u{C}" }
        return lines
    }
}

@Suite("TextRenderer: pages")
struct TextPaginationTests {
    @Test("A heading that would end a page moves to the next page with what follows it")
    func headingIsNeverLastOnAPage() {
        let text = renderPages([
            paragraph("One"), paragraph("Two"), paragraph("Three"), paragraph("Four"),
            .heading(level: 2, content: [.text("Next")]), paragraph("Five"),
        ])
        #expect(text == "One\n\nTwo\n\nThree\n\nFour\n\u{C}\nNext\n----\n\nFive\n")
    }

    @Test("A heading stays with the first two lines of a paragraph after it")
    func headingKeepsTwoLinesOfWhatFollows() {
        let text = renderPages([
            paragraph("One"), paragraph("Two"), paragraph("Three"),
            .heading(level: 3, content: [.text("Next")]),
            paragraph("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi"),
        ])
        #expect(
            text == """
                One

                Two

                Three
                \u{C}
                Next

                alpha beta gamma delta epsilon
                zeta eta theta iota kappa
                lambda mu nu xi

                """)
    }

    @Test("A list item that fits on a page is not split; it moves to the next page")
    func listItemIsNotSplit() {
        let text = renderPages([
            paragraph("One"), paragraph("Two"), .heading(level: 3, content: [.text("List")]),
            .list(
                ordered: true,
                items: [
                    [paragraph("a")], [paragraph("b")], [paragraph("c")],
                    [paragraph("A longer item that takes three lines on a narrow page")],
                ]),
        ])
        #expect(
            text == """
                One

                Two

                List
                1. a
                2. b
                3. c
                \u{C}
                4. A longer item that takes
                   three lines on a narrow
                   page

                """)
    }

    @Test("A field with its write-in lines, and a run of write-in lines, stay together")
    func fieldAndWriteInsStayTogether() {
        let text = renderPages([
            paragraph("One"), paragraph("Two"), paragraph("Three"),
            .field(label: [.text("Notes")], value: [], lines: 4),
            .writeIn(lines: 3),
        ])
        let rule = String(repeating: "_", count: 30)
        let field = "Notes:\n" + String(repeating: rule + "\n", count: 4)
        #expect(text == "One\n\nTwo\n\nThree\n\u{C}\n" + field + "\n" + String(repeating: rule + "\n", count: 3))
    }

    @Test("A lead-in line stays with the check items it introduces; check items are not split")
    func leadInAndCheckItems() {
        let text = renderPages([
            paragraph("One"), paragraph("Two"), paragraph("Three"), paragraph("Four"),
            paragraph("Pack:"),
            .checkItem(content: [.text("Phone")], isChecked: false),
            .checkItem(content: [.text("A charger that works with the phone")], isChecked: true),
        ])
        #expect(
            text == """
                One

                Two

                Three

                Four
                \u{C}
                Pack:

                [ ] Phone
                [x] A charger that works with
                    the phone

                """)
    }

    @Test("On a screen a page break is a line of its own; it counts as a line of its page")
    func formFeedLine() {
        let items = (1...25).map { [paragraph("Item \($0)")] }
        let text = renderPages([.list(ordered: false, items: items)])
        // The form feed sits alone on its line, never glued to the text before or after it.
        #expect(text.components(separatedBy: "\n\u{C}\n").count == 3)
        #expect(text.components(separatedBy: "\u{C}").count == 3)
        let pages = pagesOf(text)
        #expect(pages.map(\.count) == [10, 10, 7])
        #expect(pages[1].first == "\u{C}")
        #expect(pages[1][1] == "- Item 11")
        #expect(pages[2][1] == "- Item 20")
    }

    @Test("A page break in the document always starts a page; none at the start or end")
    func explicitPageBreaks() {
        let text = renderPages([.pageBreak, paragraph("One"), .pageBreak, .pageBreak, paragraph("Two"), .pageBreak])
        #expect(text == "One\n\u{C}\nTwo\n")
    }

    @Test("Page numbers: every page is exactly the page length, footer centred on the last line")
    func pageNumbers() {
        let text = renderPages(
            [paragraph("One"), paragraph("Two"), paragraph("Three"), paragraph("Four"), paragraph("Five")],
            hasPageNumbers: true)
        #expect(
            text == """
                One

                Two

                Three

                Four


                         Page 1 of 2
                \u{C}
                Five







                         Page 2 of 2

                """)
        for page in pagesOf(text) {
            #expect(page.count == 10)
        }
    }

    @Test("A paragraph longer than a page is cut, leaving at least two lines on each side")
    func longParagraphs() {
        let words = (1...40).map { "word\($0)" }.joined(separator: " ")
        let text = renderPages([paragraph("Intro"), paragraph(words)], width: 20)
        let pages = pagesOf(text)
        #expect(pages.map(\.count) == [10, 7])
        #expect(pages[0][0] == "Intro")
        #expect(pages[1][0] == "\u{C}")
        #expect(pages[1][1] == "word25 word26 word27")
        for page in pages {
            #expect(page.dropFirst(page.first == "\u{C}" ? 1 : 0).first?.isEmpty == false)
            #expect(page.last?.isEmpty == false)
        }
    }

    @Test("Without a page length the text is as before; short lengths are raised to 10")
    func noPages() {
        let body: [DocumentNode] = [paragraph("One"), .pageBreak, paragraph("Two")]
        #expect(TextRenderer(width: 30).render(DocumentTree(title: "", body: body)) == "One\n\u{C}\nTwo\n")
        #expect(
            TextRenderer(width: 30, pageLength: 0).render(DocumentTree(title: "", body: body)) == "One\n\u{C}\nTwo\n")
        #expect(TextRenderer(width: 30, pageLength: 3).pageLength == 10)
        #expect(renderPages([]) == "\n")
    }

    @Test("A phone number is wrapped as one word; one too long for a line breaks at a space")
    func phoneNumbersStayWhole() {
        let fits = renderText([.paragraph([.text("Call the youth center at "), .phone("(510) 555-0142")])], width: 30)
        #expect(fits == "Call the youth center at\n(510) 555-0142\n")
        let long = renderText([.paragraph([.phone("+1 (510) 555 0142 0000 1111 2222")])], width: 20)
        #expect(long == "+1 (510) 555 0142\n0000 1111 2222\n")
        // A number to text is kept whole the same way.
        let text = renderText(
            [.paragraph([.text("Or text the youth line at "), .phone("510 555 0142", link: .text)])], width: 30)
        #expect(text == "Or text the youth line at\n510 555 0142\n")
    }
}
