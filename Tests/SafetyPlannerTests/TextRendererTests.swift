import SafetyPlanner
import Testing

@Suite("TextRenderer: node kinds")
struct TextRendererTests {
    @Test("Headings are underlined with = and - by level, and separated by blank lines")
    func headings() {
        let text = renderText([
            .heading(level: 1, content: [.text("Safety plan")]),
            .heading(level: 2, content: [.text("My people")]),
            .heading(level: 3, content: [.text("At school")]),
        ])
        #expect(
            text == """
                Safety plan
                ===========

                My people
                ---------

                At school

                """)
    }

    @Test(
        "A group's heading (level 3 or below) is followed directly by the list it heads; by other blocks after a blank line"
    )
    func groupHeadingWithItsList() {
        let bullet: (String) -> [DocumentNode] = { [.paragraph([.text($0)])] }
        let text = renderText([
            .heading(level: 2, content: [.text("Ideas")]),
            .list(ordered: false, items: [bullet("One idea")]),
            .heading(level: 3, content: [.text("People on your side")]),
            .list(ordered: false, items: [bullet("Pick two people"), bullet("Save their numbers")]),
            .heading(level: 4, content: [.text("At school")]),
            .list(ordered: true, items: [bullet("A teacher")]),
            .heading(level: 3, content: [.text("Staying safe")]),
            .paragraph([.text("If you are in danger, call 911.")]),
        ])
        #expect(
            text == """
                Ideas
                -----

                - One idea

                People on your side
                - Pick two people
                - Save their numbers

                At school
                1. A teacher

                Staying safe

                If you are in danger, call 911.

                """)
    }

    @Test("A wrapped heading is underlined as wide as its widest line")
    func wrappedHeading() {
        let text = renderText(
            [.heading(level: 1, content: [.text("Where I can go when I need to be safe")])], width: 20)
        #expect(
            text == """
                Where I can go when
                I need to be safe
                ===================

                """)
    }

    @Test("Paragraphs are separated by one blank line; inline markup prints as plain text")
    func paragraphsAndInlines() {
        let text = renderText([
            .paragraph([
                .text("Call "), .phone("1-888-373-7888"), .text(" or visit "), .address("humantraffickinghotline.org"),
                .text(". "), .strong([.text("You are not "), .emphasis([.text("alone")])]), .text("."),
            ]),
            .paragraph([.text("My code word is "), .blank(width: 8), .text(".")]),
        ])
        #expect(
            text == """
                Call 1-888-373-7888 or visit humantraffickinghotline.org. You are not
                alone.

                My code word is ________.

                """)
    }

    @Test("An unordered list of one-paragraph items is compact, with a hanging indent of 2")
    func unorderedList() {
        let text = renderText(
            [
                .list(
                    ordered: false,
                    items: [[paragraph("Pack a bag with clothes and a charger")], [paragraph("Keep ID")]])
            ], width: 20)
        #expect(
            text == """
                - Pack a bag with
                  clothes and a
                  charger
                - Keep ID

                """)
    }

    @Test("An ordered list indents by its marker; items with several blocks are separated")
    func orderedListWithNestedBlocks() {
        let text = renderText(
            [
                .list(
                    ordered: true,
                    items: [
                        [
                            paragraph("Find a safe place to stay tonight."),
                            .list(ordered: false, items: [[paragraph("A friend")], [paragraph("A shelter")]]),
                        ],
                        [paragraph("Tell someone you trust.")],
                    ])
            ], width: 30)
        #expect(
            text == """
                1. Find a safe place to stay
                   tonight.

                   - A friend
                   - A shelter

                2. Tell someone you trust.

                """)
    }

    @Test("Markers of ordered lists past 9 are one column wider, and so is their indent")
    func orderedListPastNine() {
        let items = (1...10).map { [paragraph("Step \($0) of the plan")] }
        let text = renderText([.list(ordered: true, items: items)], width: 20)
        #expect(text.hasSuffix("9. Step 9 of the\n   plan\n10. Step 10 of the\n    plan\n"))
    }

    @Test("An empty list item prints its marker alone; an empty list prints nothing")
    func emptyItems() {
        let text = renderText([
            .list(ordered: false, items: []),
            .list(ordered: false, items: [[], [paragraph("Two")]]),
        ])
        #expect(text == "-\n- Two\n")
    }

    @Test("Consecutive check items form a checklist with a hanging indent of 4")
    func checklist() {
        let text = renderText(
            [
                paragraph("Before I leave:"),
                .checkItem(content: [.text("Pack a bag with clothes")], isChecked: false),
                .checkItem(content: [.text("Save numbers")], isChecked: true),
                .checkItem(content: [], isChecked: false),
                paragraph("Done."),
            ], width: 20)
        #expect(
            text == """
                Before I leave:

                [ ] Pack a bag with
                    clothes
                [x] Save numbers
                [ ]

                Done.

                """)
    }

    @Test("A field with a value wraps with a hanging indent of 2")
    func fieldWithValue() {
        let text = renderText(
            [
                .field(label: [.text("Safe adult")], value: [.text("Ms. Rivera, school counselor, room 12")], lines: 1)
            ], width: 30)
        #expect(
            text == """
                Safe adult: Ms. Rivera, school
                  counselor, room 12

                """)
    }

    @Test("An empty one-line field fills the line with a rule after its label")
    func emptyField() {
        let text = renderText(
            [
                .field(label: [.text("Name")], value: [], lines: 1),
                .field(label: [.text("Who can I call?")], value: [], lines: 0),
                .field(label: [.text("Phone:")], value: [.text(" ")], lines: 1),
            ], width: 30)
        #expect(
            text == """
                Name: ________________________

                Who can I call? ______________

                Phone: _______________________

                """)
    }

    @Test("A label leaving fewer than 10 columns goes on its own line above the rule")
    func longLabel() {
        let text = renderText([.field(label: [.text("Where I will sleep tonight")], value: [], lines: 1)], width: 30)
        #expect(
            text == """
                Where I will sleep tonight:
                ______________________________

                """)
    }

    @Test("A field of several lines prints its label, then that many rules")
    func multilineField() {
        let text = renderText([.field(label: [.text("My goals")], value: [], lines: 2)], width: 20)
        #expect(
            text == """
                My goals:
                ____________________
                ____________________

                """)
    }

    @Test("A write-in prints full-width rules")
    func writeIn() {
        #expect(renderText([.writeIn(lines: 2)], width: 20) == "____________________\n____________________\n")
        #expect(renderText([.writeIn(lines: 0)], width: 20) == "\n")
    }

    @Test("Rules inside a list item are as wide as the space left")
    func writeInInList() {
        let text = renderText([.list(ordered: false, items: [[paragraph("Places"), .writeIn(lines: 1)]])], width: 20)
        #expect(text == "- Places\n\n  __________________\n")
    }

    @Test("A note has '  | ' before every line and wraps at width - 4")
    func note() {
        let text = renderText([.note([.text("You can stop at any time. Nothing here is required.")])], width: 24)
        #expect(
            text == """
                  | You can stop at any
                  | time. Nothing here
                  | is required.

                """)
    }

    @Test("A page break is a form feed line between blocks, without blank lines")
    func pageBreak() {
        let text = renderText([
            .pageBreak, paragraph("One"), .pageBreak, .pageBreak, paragraph("Two"), .pageBreak,
        ])
        #expect(text == "One\n\u{C}\nTwo\n")
    }

    @Test("A section prints its children like top-level blocks")
    func section() {
        let text = renderText([
            .section(
                domain: "shelter",
                children: [.heading(level: 2, content: [.text("Shelter")]), paragraph("A place to stay.")]),
            .section(domain: nil, children: [paragraph("Next.")]),
        ])
        #expect(
            text == """
                Shelter
                -------

                A place to stay.

                Next.

                """)
    }

    @Test("Empty headings, paragraphs and notes leave no blank lines")
    func emptyBlocks() {
        let text = renderText([
            paragraph("One"), .heading(level: 2, content: []), paragraph("  \n "), .note([]),
            .section(domain: nil, children: []), paragraph("Two"),
        ])
        #expect(text == "One\n\nTwo\n")
        #expect(renderText([]) == "\n")
    }

    @Test("Widths below 20 are raised to 20")
    func minimumWidth() {
        #expect(TextRenderer(width: 5).width == 20)
        var renderer = TextRenderer()
        #expect(renderer.width == 72)
        renderer.width = -3
        #expect(renderer.width == 20)
    }
}
