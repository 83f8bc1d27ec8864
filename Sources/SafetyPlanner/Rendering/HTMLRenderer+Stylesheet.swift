extension HTMLRenderer {
    /// The page's only stylesheet, for screen and print.
    ///
    /// Black on white in the system's sans-serif font; nothing is said by colour alone
    /// (a done check box has a tick, not a colour, and links are underlined on screen).
    /// Boxes, write-in lines and blanks are borders, which browsers print even when they
    /// leave out backgrounds. Phone numbers never break across lines. An empty field's
    /// first write-in line runs from its label to the right edge.
    ///
    /// On screen the text is a column at most 42rem wide. In print, on whatever paper the
    /// printer has (US Letter or A4: `size: auto`, margins in millimetres), the body is
    /// 12pt; headings stay with what follows, and so does a lead-in line with the list or
    /// write-in lines it introduces; list items, check items, fields and notes are not
    /// split across pages, nor are runs of write-in lines; a group's heading inside a
    /// section (level 3, such as the youth handout's groups of ideas) is body-size bold
    /// with little space, and the lists there are compact, so
    /// a one-page handout keeps to its page; and each page has
    /// "Page X of Y" at the foot where the browser supports page-margin boxes (Chromium
    /// 131 and later).
    /// The stylesheet with another page footer: `{page}` and `{pages}` become the page
    /// counters, the words between them CSS strings (a quote, a backslash, `<`, `>` or a
    /// line end escaped, so the words can end neither the string nor the `<style>`).
    static func stylesheet(pageFooter: String) -> String {
        var content: [String] = []
        var rest = Substring(pageFooter)
        func literal(_ text: Substring) {
            guard !text.isEmpty else { return }
            var escaped = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"", "\\", "<", ">", "\n", "\r", "&":
                    escaped += "\\" + String(scalar.value, radix: 16) + " "
                default:
                    escaped.unicodeScalars.append(scalar)
                }
            }
            content.append(escaped + "\"")
        }
        while let open = rest.firstIndex(of: "{") {
            let tail = rest[open...]
            if tail.hasPrefix("{pages}") {
                literal(rest[..<open])
                content.append("counter(pages)")
                rest = tail.dropFirst(7)
            } else if tail.hasPrefix("{page}") {
                literal(rest[..<open])
                content.append("counter(page)")
                rest = tail.dropFirst(6)
            } else {
                literal(rest[...open])
                rest = tail.dropFirst()
            }
        }
        literal(rest)
        return stylesheet.replacingAll(
            #"content: "Page " counter(page) " of " counter(pages);"#,
            with: "content: \(content.joined(separator: " "));")
    }

    static let stylesheet = """
        html { color: #000; background: #fff; }
        body { margin: 0; padding: 1rem; font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1.05rem; line-height: 1.45; }
        main { max-width: 42rem; margin: 0 auto; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.2; margin: 1.25em 0 0.5em; break-after: avoid; }
        h1 { font-size: 1.6em; margin-top: 0; }
        h2 { font-size: 1.3em; border-bottom: 1px solid #000; padding-bottom: 0.1em; }
        h3 { font-size: 1.1em; }
        p, ul, ol, .field, .note { margin: 0 0 0.75em; }
        ul, ol { padding-left: 1.5em; }
        li { margin: 0.25em 0; }
        li, .field, .checklist li, .note { break-inside: avoid; }
        a { color: #000; text-decoration: underline; }
        a[href^="tel:"], a[href^="sms:"] { white-space: nowrap; }
        .web { overflow-wrap: anywhere; }
        .checklist { list-style: none; padding-left: 0; }
        .checklist li { position: relative; padding-left: 1.75em; }
        .box { position: absolute; left: 0; top: 0.2em; width: 1.1em; height: 1.1em; box-sizing: border-box; border: 2px solid #000; }
        .checked .box::after { content: "\\2713"; position: absolute; left: 0.05em; top: -0.3em; font-weight: bold; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .label { font-weight: bold; }
        .write-in { display: inline-block; width: 60%; min-width: 10em; max-width: 100%; height: 2em; margin-left: 0.4em; border-bottom: 1px solid #000; vertical-align: bottom; }
        .field.empty { display: flex; flex-wrap: wrap; align-items: flex-end; }
        .field.empty > .write-in { flex: 1 1 10em; width: auto; }
        .field.empty > .write-in-line { flex: 0 0 100%; }
        .write-in-line { height: 2em; border-bottom: 1px solid #000; }
        .blank { display: inline-block; max-width: 100%; height: 1.2em; border-bottom: 1px solid #000; vertical-align: text-bottom; }
        .w4 { width: 4ch; } .w8 { width: 8ch; } .w12 { width: 12ch; } .w16 { width: 16ch; }
        .w24 { width: 24ch; } .w32 { width: 32ch; } .w40 { width: 40ch; }
        .note { border: 1px solid #000; border-left-width: 4px; padding: 0.5em 0.75em; }
        .note p { margin: 0; }
        .page-break { margin: 1.5em 0; border-top: 1px dashed #000; }
        .keep { margin: 0 0 0.75em; break-inside: avoid; }
        .write-in-line + p, .write-in-line + .note { margin-top: 0.75em; }
        @page {
          size: auto;
          margin: 14mm 16mm 15mm;
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10pt; color: #000; }
        }
        @media print {
          body { padding: 0; font-size: 12pt; line-height: 1.35; }
          li { margin: 0.15em 0; }
          h1, h2, h3, h4, h5, h6 { margin: 1em 0 0.4em; }
          h1 { margin-top: 0; }
          main { max-width: none; }
          h1 { font-size: 20pt; }
          h2 { font-size: 15pt; }
          h3 { font-size: 13pt; }
          section section > h3 { font-size: 12pt; margin: 0.3em 0 0; }
          section section > ul:last-child { margin-bottom: 0; }
          section section li { margin: 0.05em 0; line-height: 1.28; }
          a { text-decoration: none; }
          p, li { orphans: 2; widows: 2; }
          ul, ol, .write-in-line { break-before: avoid; }
          .page-break { margin: 0; border: 0; break-after: page; }
        }

        """
}
