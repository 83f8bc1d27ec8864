import SafetyPlanner
import Testing

@Suite("TextRenderer: wrapping and width")
struct TextRendererWrappingTests {
    static let sentence = "Call or text someone you trust when you feel unsafe. You can also call 988 any time."

    @Test("A paragraph wraps greedily at 20, 40 and 72 columns")
    func widths() {
        #expect(
            renderText([paragraph(Self.sentence)], width: 20) == """
                Call or text someone
                you trust when you
                feel unsafe. You can
                also call 988 any
                time.

                """)
        #expect(
            renderText([paragraph(Self.sentence)], width: 40) == """
                Call or text someone you trust when you
                feel unsafe. You can also call 988 any
                time.

                """)
        #expect(
            renderText([paragraph(Self.sentence)], width: 72) == """
                Call or text someone you trust when you feel unsafe. You can also call
                988 any time.

                """)
    }

    @Test("Newlines, tabs and runs of spaces in text are one space")
    func whitespace() {
        #expect(renderText([paragraph("  One\ntwo\t\tthree   four  ")]) == "One two three four\n")
    }

    @Test("A word wider than the line starts a new line and is broken at the width")
    func longWord() {
        let text = renderText(
            [paragraph("Visit https://example.org/a/very/long/path/that/never/ends today")], width: 20)
        #expect(
            text == """
                Visit
                https://example.org/
                a/very/long/path/tha
                t/never/ends today

                """)
    }

    @Test("CJK text without spaces breaks between characters, two columns each")
    func cjk() {
        let text = renderText([.list(ordered: true, items: [[paragraph("安全な場所に行きます。安全な場所")]])], width: 20)
        // 17 columns are left after "1. ", so 8 wide characters fit on a line.
        #expect(
            text == """
                1. 安全な場所に行き
                   ます。安全な場所

                """)
    }

    @Test("Emoji, ZWJ sequences and combining marks are never split and count by width")
    func clusters() {
        let family = "👨‍👩‍👧"
        let text = renderText([paragraph(String(repeating: family, count: 11) + " Jose\u{301}")], width: 20)
        #expect(text == String(repeating: family, count: 10) + "\n" + family + " Jose\u{301}\n")
        let thumbs = renderText([paragraph("Good 👍🏽 job 👍🏽👍🏽👍🏽 well done")], width: 20)
        #expect(thumbs == "Good 👍🏽 job 👍🏽👍🏽👍🏽\nwell done\n")
    }

    @Test("Deep nesting never pushes a line past the width")
    func deepNesting() {
        var node = paragraph("Innermost item text here")
        for _ in 0..<12 {
            node = .list(ordered: false, items: [[node]])
        }
        let text = renderText([node], width: 20)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 20)
        }
        // Past the depth that leaves 10 columns, markers go on lines of their own.
        #expect(
            text == """
                - - - - - -
                          -
                          -
                          -
                          -
                          -
                          -
                          Innermost
                          item text
                          here

                """)
    }

    @Test("No line exceeds the width, for many generated documents and widths")
    func generatedDocuments() {
        var generator = DocumentGenerator(seed: 0x5AFE)
        for round in 0..<300 {
            let width = 20 + round % 61
            let document = DocumentTree(title: "Plan", body: generator.blocks(depth: 0))
            let text = TextRenderer(width: width).render(document)
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "round \(round)")
            #expect(!text.contains("\n\n\n"), "round \(round)")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(DisplayWidth.of(line) <= width, "round \(round): \(line)")
                #expect(!line.hasSuffix(" "), "round \(round): \(line)")
                #expect(line == "\u{C}" || !line.unicodeScalars.contains { $0.value < 0x20 }, "round \(round)")
            }
        }
    }
}

/// Makes varied document trees from a seed, the same ones on every run.
struct DocumentGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    static let words = [
        "safe", "plan", "I", "call", "安全な場所", "👍🏽", "👨‍👩‍👧", "Jose\u{301}", "counselor,",
        "https://example.org/a/very/long/path/that/keeps/going/and/going/for/ever", "988",
        "\u{1B}[2J", "line\nbreak", "tab\there", "CR\r\nLF", "\u{202E}bidi", "가나다라마바사아자차카타파하",
        "x", "—", "ＡＢＣ", "word:", "a\u{C}b", "supercalifragilisticexpialidocious",
    ]

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func inlines() -> [Inline] {
        (0..<next(12)).map { _ in
            switch next(8) {
            case 0: .strong([.text(Self.words[next(Self.words.count)])])
            case 1: .phone("+1 (888) 373-7888")
            case 2: .blank(width: next(90))
            default: .text(Self.words[next(Self.words.count)] + (next(3) == 0 ? "" : " "))
            }
        }
    }

    mutating func blocks(depth: Int) -> [DocumentNode] {
        (0..<next(6) + 1).map { _ in
            switch next(depth > 6 ? 9 : 11) {
            case 0: .heading(level: next(5), content: inlines())
            case 1, 2: .paragraph(inlines())
            case 3: .checkItem(content: inlines(), isChecked: next(2) == 0)
            case 4: .field(label: inlines(), value: next(2) == 0 ? [] : inlines(), lines: next(4))
            case 5: .writeIn(lines: next(3))
            case 6: .note(inlines())
            case 7: .pageBreak
            case 8: .checkItem(content: inlines(), isChecked: false)
            case 9: .list(ordered: next(2) == 0, items: (0..<next(4)).map { _ in blocks(depth: depth + 1) })
            default: .section(domain: "support", children: blocks(depth: depth + 1))
            }
        }
    }
}
