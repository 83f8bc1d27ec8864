import SafetyPlanner
import Testing

@Suite("HTMLRenderer: node kinds")
struct HTMLRendererTests {
    @Test("Headings map to h1…h6, clamped; empty headings are left out")
    func headings() {
        let html = renderHTMLMain([
            .heading(level: 0, content: [.text("Plan")]),
            .heading(level: 2, content: [.text("People")]),
            .heading(level: 7, content: [.text("Deep")]),
            .heading(level: 2, content: [.text(" \n")]),
        ])
        #expect(html == "<h1>Plan</h1>\n<h2>People</h2>\n<h6>Deep</h6>\n")
    }

    @Test("Sections carry a class made of their domain's letters and hyphens")
    func sections() {
        let html = renderHTMLMain([
            .section(domain: "support", children: [paragraph("A")]),
            .section(domain: "Self-Care\" onclick=\"x", children: [paragraph("B")]),
            .section(domain: "123", children: [paragraph("C")]),
            .section(domain: nil, children: []),
        ])
        #expect(
            html == """
                <section class="domain-support">
                <p>A</p>
                </section>
                <section class="domain-self-careonclickx">
                <p>B</p>
                </section>
                <section>
                <p>C</p>
                </section>

                """)
    }

    @Test("Inline markup maps to em, strong, tel: links, web spans and blanks")
    func inlines() {
        let html = renderHTMLMain([
            .paragraph([
                .emphasis([.text("Call")]), .text(" "), .phone("988"), .text(" at "),
                .strong([.address("988lifeline.org")]), .text(". Word: "), .blank(width: 5), .blank(width: 0),
                .blank(width: 100),
            ])
        ])
        #expect(
            html == """
                <p><em>Call</em> <a href="tel:988">988</a> at <strong><span class="web">988lifeline.org</span></strong>. \
                Word: <span class="blank w8"></span><span class="blank w40"></span></p>

                """)
    }

    @Test("A list item of one paragraph has no inner p; other items hold their blocks")
    func lists() {
        let html = renderHTMLMain([
            .list(ordered: false, items: [[paragraph("One")], []]),
            .list(ordered: true, items: [[paragraph("First"), .note([.text("Careful")])]]),
            .list(ordered: true, items: []),
        ])
        #expect(
            html == """
                <ul>
                <li>One</li>
                <li></li>
                </ul>
                <ol>
                <li>
                <p>First</p>
                <div class="note"><p>Careful</p></div>
                </li>
                </ol>

                """)
    }

    @Test("Consecutive check items share one checklist; a checked one says so to screen readers")
    func checklist() {
        let html = renderHTMLMain([
            .checkItem(content: [.text("Pack a bag")], isChecked: false),
            .checkItem(content: [.text("Save numbers")], isChecked: true),
            paragraph("Then:"),
            .checkItem(content: [], isChecked: false),
        ])
        #expect(
            html == """
                <ul class="checklist">
                <li><span class="box" aria-hidden="true"></span> Pack a bag</li>
                <li class="checked"><span class="box" aria-hidden="true"></span> \
                <span class="visually-hidden">(done)</span> Save numbers</li>
                </ul>
                <p>Then:</p>
                <ul class="checklist">
                <li><span class="box" aria-hidden="true"></span></li>
                </ul>

                """)
    }

    @Test("Fields show their value, or ruled write-in lines when empty")
    func fields() {
        let html = renderHTMLMain([
            .field(label: [.text("Name")], value: [.text("Ana")], lines: 1),
            .field(label: [.text("Who can I call?")], value: [], lines: 1),
            .field(label: [.text("Goals")], value: [], lines: 3),
            .field(label: [], value: [], lines: 0),
        ])
        #expect(
            html == """
                <div class="field"><span class="label">Name:</span> Ana</div>
                <div class="field empty"><span class="label">Who can I call?</span><span class="write-in"></span></div>
                <div class="field empty"><span class="label">Goals:</span><span class="write-in"></span>\
                <div class="write-in-line"></div><div class="write-in-line"></div></div>
                <div class="field empty"><span class="write-in"></span></div>

                """)
    }

    @Test("A write-in is that many ruled lines; a note is a box around a paragraph")
    func writeInAndNote() {
        let html = renderHTMLMain([.writeIn(lines: 2), .writeIn(lines: 0), .note([.text("Only if safe.")]), .note([])])
        #expect(
            html == """
                <div class="write-in-line"></div>
                <div class="write-in-line"></div>
                <div class="note"><p>Only if safe.</p></div>

                """)
    }

    @Test("A page break prints only between two blocks")
    func pageBreaks() {
        let html = renderHTMLMain([
            .pageBreak, paragraph("One"), .pageBreak, .pageBreak,
            .section(domain: nil, children: [paragraph("Two"), .pageBreak]),
        ])
        #expect(
            html == """
                <p>One</p>
                <div class="page-break"></div>
                <section>
                <p>Two</p>
                </section>

                """)
    }
}
