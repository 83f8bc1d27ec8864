import SafetyPlanner

/// A document with every node and inline kind, and hostile data in each text slot.
let kitchenSinkDocument = DocumentTree(
    title: "Safety plan for \"J\" <script>alert(1)</script>",
    language: "es",
    body: [
        .heading(level: 1, content: [.text("My safety plan")]),
        .paragraph([
            .text("Call "), .phone("+1 (888) 373-7888"), .text(" or text "), .phone("233733", link: .text),
            .text(" — "),
            .emphasis([.text("any time")]), .text(". "), .strong([.text("You matter.")]),
        ]),
        .section(
            domain: "support",
            children: [
                .heading(level: 2, content: [.text("People I trust")]),
                .list(ordered: false, items: [[.paragraph([.text("A friend")])], [.paragraph([.text("My aunt")])]]),
                .list(
                    ordered: true,
                    items: [
                        [.paragraph([.text("Step one")]), .writeIn(lines: 1)],
                        [],
                    ]),
            ]),
        .pageBreak,
        .section(
            domain: "Shelter<x>",
            children: [
                .heading(level: 9, content: [.text("Places")]),
                .checkItem(content: [.text("Pack a bag")], isChecked: false),
                .checkItem(content: [.text("Save numbers")], isChecked: true),
                .field(label: [.text("Name")], value: [.text("Ana")], lines: 1),
                .field(label: [.text("Where can I go?")], value: [], lines: 1),
                .field(label: [.text("Goals")], value: [], lines: 3),
                .writeIn(lines: 2),
                .note([.text("Visit "), .address("https://example.org/'\"><script>"), .text(" later.")]),
                .paragraph([.text("Code word: "), .blank(width: 10)]),
                .paragraph([.phone("javascript:alert(1)")]),
            ]),
        .section(domain: nil, children: [.paragraph([.text("\u{1B}[2J\u{202E}<b>'x'</b>\r\n&amp;")])]),
    ])
