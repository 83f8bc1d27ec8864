import Testing

@testable import SafetyPlanner

@Suite("TextLayout: the byte path writes what the Character path writes")
struct TextLayoutBytePathTests {
    static let texts = [
        "Call Zoë or José when you feel unsafe. You can also call 988 any time.",
        "Zoë", "  Zoë  ", "naïve café résumé déjà vu, señora Müller-Lüdenscheidt",
        "e\u{301} and e\u{301}e\u{301} combine",
        "a \u{301}b joins the space to the mark", "x \u{200D}y", "x \u{903}y",
        "\u{600} x", "x\u{600} y", "x\u{600}\ty", "x\u{600}\ny", "x\u{600}  y",
        "日本語 のテキスト and 한국어 text", "👨‍👩‍👧 family 🇺🇸 flag ❤️ heart",
        "tab\tand\nnewline ü\tü\nü", "phone\u{1F}number\u{1F}joined and Zoë\u{1F}too",
        "\u{301}leading mark", "trailing mark\u{301}", "zero\u{200B}width ü\u{200B}",
        "a\u{0}b ü\u{7}c", "CR\r\nLF ü", "lone\rCR",
        "a very long word supercalifragilisticexpialidocious-ü-supercalifragilistic",
    ]

    @Test("Every text, at several widths and indents, after output or not, is written the same both ways")
    func same() {
        for text in Self.texts {
            for width in [8, 12, 20, 40, 72] {
                for indent in ["", "- ", "[ ] "] {
                    for hasOutputBefore in [false, true] {
                        var fast = TextLayout(width: width)
                        var general = TextLayout(width: width)
                        if hasOutputBefore {
                            // A line before and a blank line asked for: what the byte path takes
                            // back when it gives up half way must leave these as they were.
                            fast.writeLine("before")
                            general.writeLine("before")
                            fast.requestBlankLine()
                            general.requestBlankLine()
                        }
                        if !indent.isEmpty {
                            let rest = String(repeating: " ", count: indent.count)
                            fast.pushIndent(first: indent, rest: rest)
                            general.pushIndent(first: indent, rest: rest)
                        }
                        let fastWidest = fast.writeWrapped(text)
                        let generalWidest = general.writeWrappedByCharacters(text)
                        #expect(fast.bytes == general.bytes, "\(text.debugDescription) at \(width)")
                        #expect(fastWidest == generalWidest, "\(text.debugDescription) at \(width)")
                        #expect(fast.lineCount == general.lineCount, "\(text.debugDescription) at \(width)")
                    }
                }
            }
        }
    }
}

@Suite("TextLayout: the Latin letters measured from their bytes")
struct LatinWordTests {
    @Test("Each is one column and a grapheme of its own beside ASCII, spaces and each other")
    func latinScalars() {
        for value in UInt32(0x80)...0x2FF where TextLayout.isLatinScalar(value) {
            let scalar = Unicode.Scalar(value)!
            #expect(DisplayWidth.of(scalar) == 1, "U+\(String(value, radix: 16))")
            for neighbour in ["a", " ", "\u{E9}", "\u{17F}", "\u{B7}", "-"] {
                let text = neighbour + String(scalar) + neighbour
                #expect(text.count == 3, "U+\(String(value, radix: 16)) beside \(neighbour.debugDescription)")
            }
        }
        #expect(!TextLayout.isLatinScalar(0xAD))  // the soft hyphen is a format character
        #expect(!TextLayout.isLatinScalar(0x300))  // combining marks start here
    }
}
