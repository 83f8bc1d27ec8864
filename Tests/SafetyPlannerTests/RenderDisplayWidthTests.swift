import SafetyPlanner
import Testing

@Suite("DisplayWidth")
struct RenderDisplayWidthTests {
    @Test("ASCII letters take one column each")
    func ascii() {
        #expect(DisplayWidth.of("Safety plan") == 11)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK and Hangul take two columns each")
    func eastAsianWide() {
        #expect(DisplayWidth.of("安全な場所") == 10)
        #expect(DisplayWidth.of("안전") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of(Character("\u{303F}")) == 1)
    }

    @Test("Emoji take two columns, whatever their modifiers and joiners")
    func emoji() {
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧 ok") == 5)
        #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)
        #expect(DisplayWidth.of(Character("❤")) == 1)
        #expect(DisplayWidth.of(Character("🚀")) == 2)
    }

    @Test("Combining marks and zero-width characters take no columns")
    func zeroWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Jose\u{301} Nin\u{303}o") == 9)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of(Character("\u{FEFF}")) == 0)
        #expect(DisplayWidth.of(Character("\u{20DD}")) == 0)
    }

    @Test("A substring is measured like a string")
    func substring() {
        let text = "安全 place"
        #expect(DisplayWidth.of(text.dropFirst(3)) == 5)
    }
}
