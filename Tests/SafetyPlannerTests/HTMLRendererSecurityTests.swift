import Testing

@testable import SafetyPlanner

@Suite("HTMLRenderer: hostile data")
struct HTMLRendererSecurityTests {
    @Test("htmlEscaped maps the five special characters, existing entities included")
    func escaping() {
        #expect("<script>alert(1)</script>".htmlEscaped == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect("\"'&amp;".htmlEscaped == "&quot;&#39;&amp;amp;")
        #expect("\"\u{301}".htmlEscaped == "&quot;\u{301}")
        #expect("plain".htmlEscaped == "plain")
    }

    @Test("Script tags and quote breakouts in text come out as text")
    func text() {
        let html = renderHTMLMain([
            paragraph("<script>alert(1)</script>"),
            .field(label: [.text("\"><img src=x onerror=alert(1)>")], value: [.text("' onmouseover='x")], lines: 1),
        ])
        #expect(
            html == """
                <p>&lt;script&gt;alert(1)&lt;/script&gt;</p>
                <div class="field"><span class="label">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;:</span> \
                &#39; onmouseover=&#39;x</div>

                """)
    }

    @Test("The title is escaped; a blank title falls back to the first heading")
    func title() {
        let hostile = HTMLRenderer().render(DocumentTree(title: "</title><script>x</script>\"'", body: []))
        #expect(hostile.contains("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;&quot;&#39;</title>\n"))
        let blank = HTMLRenderer().render(
            DocumentTree(title: " \u{1B}", body: [.heading(level: 1, content: [.text("Mi plan")])]))
        #expect(blank.contains("<title>Mi plan</title>\n"))
        let none = HTMLRenderer().render(DocumentTree(title: "", body: []))
        #expect(none.contains("<title>Safety plan</title>\n"))
    }

    @Test("A well-formed language tag is kept; anything else becomes lang=\"\"")
    func language() {
        func lang(_ language: String) -> String {
            let html = HTMLRenderer().render(DocumentTree(title: "T", language: language, body: []))
            return String(html.split(separator: "\n")[1])
        }
        #expect(lang("en") == "<html lang=\"en\">")
        #expect(lang("zh-Hant-TW") == "<html lang=\"zh-Hant-TW\">")
        #expect(lang("es-419") == "<html lang=\"es-419\">")
        #expect(lang("en\" onload=\"alert(1)") == "<html lang=\"\">")
        #expect(lang("en'><script>") == "<html lang=\"\">")
        #expect(lang("") == "<html lang=\"\">")
        #expect(lang("en--x") == "<html lang=\"\">")
    }

    @Test("tel: and sms: links are built from digits and a leading + only")
    func phones() {
        let html = renderHTMLMain([
            .paragraph([.phone("+1 (888) 373-7888")]),
            .paragraph([.phone("1-888-373-7888")]),
            .paragraph([.phone("javascript:alert(1)")]),
            .paragraph([.phone("Text HOME to 741741")]),
            .paragraph([.phone("\"><b>988")]),
            .paragraph([.phone("555-0100 +1")]),
            .paragraph([.phone("1234567890123456")]),
            .paragraph([.phone("9\u{1B}8\u{202E}8")]),
            .paragraph([.phone("233733", link: .text)]),
            .paragraph([.phone("+1 (510) 555-0142", link: .text)]),
            .paragraph([.phone("Text HOME to 741741", link: .text)]),
        ])
        #expect(
            html == """
                <p><a href="tel:+18883737888">+1 (888) 373-7888</a></p>
                <p><a href="tel:18883737888">1-888-373-7888</a></p>
                <p>javascript:alert(1)</p>
                <p>Text HOME to 741741</p>
                <p>&quot;&gt;&lt;b&gt;988</p>
                <p>555-0100 +1</p>
                <p>1234567890123456</p>
                <p><a href="tel:988">988</a></p>
                <p><a href="sms:233733">233733</a></p>
                <p><a href="sms:+15105550142">+1 (510) 555-0142</a></p>
                <p>Text HOME to 741741</p>

                """)
    }

    @Test("Web addresses are never links")
    func addresses() {
        let html = renderHTMLMain([.paragraph([.address("javascript:alert('x')")])])
        #expect(html == "<p><span class=\"web\">javascript:alert(&#39;x&#39;)</span></p>\n")
    }

    @Test("Control, C1 and bidi characters are removed; CR and newlines become spaces")
    func controls() {
        let html = renderHTMLMain([
            paragraph("\u{1B}[2J\u{1B}]8;;http://x\u{7}link\u{1B}]8;;\u{7}"),
            paragraph("a\u{9B}b\u{202E}c\u{2066}d\u{0}e\u{C}f"),
            paragraph("one\r\ntwo\rthree\nfour\tfive"),
        ])
        #expect(
            html == """
                <p>[2J]8;;http://xlink]8;;</p>
                <p>abcdef</p>
                <p>one two three four five</p>

                """)
    }

    @Test("The page loads nothing and runs nothing")
    func inert() {
        let html = HTMLRenderer().render(kitchenSinkDocument)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("http-equiv=\"refresh\""))
        // No tag has an event-handler attribute (`on…=`).
        let tags = html.split(separator: "<").map { $0.prefix { $0 != ">" } }
        #expect(!tags.contains { $0.split(separator: " ").dropFirst().contains { $0.hasPrefix("on") } })
    }
}

@Suite("tel: and sms: links built over bytes agree with the rule written over scalars")
struct TelephoneURITests {
    /// The rule as first written, over the sanitized string's scalars.
    static func reference(_ number: String, scheme: String = "tel:") -> String? {
        var digits = ""
        var hasPlus = false
        for scalar in number.sanitized.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case "+" where digits.isEmpty && !hasPlus: hasPlus = true
            case " ", "-", ".", "(", ")": continue
            default: return nil
            }
        }
        guard (1...15).contains(digits.count) else { return nil }
        return scheme + (hasPlus ? "+" : "") + digits
    }

    @Test("Numbers, near-numbers and hostile strings")
    func agree() {
        var numbers = [
            "1-888-373-7888", "+1 (888) 373-7888", "233733", "988", "911", "", "+", "++1", "1+2", "+ 1", "0",
            "1234567890123456", "123456789012345", "+123456789012345", "javascript:alert(1)", "Text HOME to 741741",
            "５５５", "(510) 555\u{202E}0121", "555\u{1B}0100", "555\u{0301}0100", "+1 555 0100 ext. 2", "1.2.3",
            "١٢٣", "555 0100\r\n", "\t555",
        ]
        // Every printable ASCII character, and a few others, in a plausible number.
        numbers += (0x20...0x7E).map { "+1 55\(Character(Unicode.Scalar($0)!))5 0100" }
        numbers += ["é", "\u{85}", "\u{2028}", "👩‍👧"].map { "555\($0)0100" }
        for number in numbers {
            #expect(HTMLRenderer.telephoneURI(number) == Self.reference(number), "\(number.debugDescription)")
            #expect(
                HTMLRenderer.telephoneURI(number, link: .text) == Self.reference(number, scheme: "sms:"),
                "\(number.debugDescription)")
        }
    }
}
