import SafetyPlanner
import Testing

@Suite("TextRenderer: control characters in data")
struct TextRendererSanitizingTests {
    @Test("Terminal escapes lose their ESC, BEL and C1 controls and print as inert text")
    func escapes() {
        let text = renderText([
            paragraph("\u{1B}[2JCleared?"),
            paragraph("\u{1B}]8;;http://x\u{7}link\u{1B}]8;;\u{7}"),
            paragraph("a\u{9B}31mb\u{7F}c"),
        ])
        #expect(text == "[2JCleared?\n\n]8;;http://xlink]8;;\n\na31mbc\n")
    }

    @Test("Bidi overrides, isolates and marks are removed; joiners stay")
    func bidi() {
        let text = renderText([paragraph("\u{202E}txet\u{2066}x\u{2069}\u{200F}\u{061C} 👨‍👩‍👧")])
        #expect(text == "txetx 👨‍👩‍👧\n")
    }

    @Test("CR LF and a lone CR are line breaks, printed as a space inside a paragraph")
    func carriageReturns() {
        #expect(renderText([paragraph("one\r\ntwo\rthree")]) == "one two three\n")
        let field = renderText([.field(label: [.text("My\rname")], value: [], lines: 1)], width: 20)
        #expect(field == "My name: ___________\n")
    }

    @Test("NUL, backspace and form feed in data are removed; only page breaks feed a page")
    func formFeed() {
        #expect(renderText([paragraph("a\u{0}b\u{8}c\u{C}d"), .note([.phone("9\u{C}88")])]) == "abcd\n\n  | 988\n")
    }
}

@Suite("Both renderers: invisible-only text")
struct RenderInvisibleTextTests {
    @Test("A block whose text is only controls, format or zero-width characters is left out")
    func invisible() {
        let body: [DocumentNode] = [
            paragraph("One"), paragraph("\u{202E}\u{1B}\u{200B}\u{200D} \u{7}"),
            .heading(level: 1, content: [.text("\u{2066}")]), paragraph("Two"),
        ]
        #expect(renderText(body) == "One\n\nTwo\n")
        #expect(renderHTMLMain(body) == "<p>One</p>\n<p>Two</p>\n")
    }
}
