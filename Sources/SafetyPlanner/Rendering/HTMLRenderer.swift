/// Renders a document tree as one self-contained HTML5 page to read on a phone or print:
/// the last stage of the pipeline for `--format html`.
///
/// The page has the document's language and title, a Content-Security-Policy that
/// allows nothing but its own inline stylesheet, and no scripts, images, fonts or other
/// resources. The only links are `tel:` links to a number to call and `sms:` links to a
/// number to text, built from the digits of the number; web addresses are shown as text.
/// Every piece of data is sanitized (`String.sanitized`) and escaped
/// (`String.htmlEscaped`); attribute values are always double-quoted. Check boxes,
/// write-in lines and blanks are drawn with CSS borders so that they print.
///
/// Blocks map to elements as follows: heading → `<h1>`…`<h6>`; section →
/// `<section class="domain-…">`; paragraph → `<p>`; list → `<ul>`/`<ol>`; consecutive
/// check items → one `<ul class="checklist">`; field → `<div class="field">` (`class="field
/// empty"` when it has no value); write-in → `<div class="write-in-line">` per line; note →
/// `<div class="note">`; page break → `<div class="page-break">`; a lead-in paragraph and
/// the write-in lines after it → `<div class="keep">` around both.
/// Headings, paragraphs and notes with no visible text are left out, and a page break
/// prints only between two blocks.
///
/// Rendering is pure and deterministic: the same tree gives the same bytes.
public struct HTMLRenderer: Sendable {
    /// Creates an HTML renderer.
    public init() {}

    /// Renders `document` as a complete HTML5 page.
    ///
    /// - Parameter document: The document to render. Its `language` becomes the `lang`
    ///   attribute if it is a well-formed language tag (letters, digits and hyphens in
    ///   subtags of 1 to 8), and `""` (unknown) otherwise. Its `title` becomes the
    ///   `<title>`; when the title is blank, the first heading's text is used, or
    ///   "Safety plan".
    /// - Returns: The page, ending in a newline.
    public func render(_ document: DocumentTree) -> String {
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// `render(_:)` as UTF-8 bytes, without making a `String` of them.
    package func renderBytes(_ document: DocumentTree) -> [UInt8] {
        var buffer = HTMLBuffer()
        writeHead(
            language: document.language, title: Self.title(of: document), pageFooter: document.pageFooter,
            to: &buffer)
        write(document.body, to: &buffer)
        buffer += Self.pageEnd
        return buffer.bytes
    }

    /// Writes the page up to the start of its body: the document type, the language, the
    /// head with its title and stylesheet, and the opening `<body><main>`.
    ///
    /// `pageFooter` is the printed pages' footer (`Page {page} of {pages}`), in the
    /// stylesheet's page-margin box.
    ///
    /// `stylesheet`, when given, takes the place of the page's own (a wallet card's).
    func writeHead(
        language: String, title: String, pageFooter: String = DocumentTree.defaultPageFooter,
        stylesheet: String? = nil, to buffer: inout HTMLBuffer
    ) {
        buffer += "<!DOCTYPE html>\n<html lang=\""
        buffer.appendAttribute(Self.languageTag(language))
        buffer += """
            ">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>
            """
        buffer.appendText(title)
        buffer += "</title>\n<style>\n"
        buffer.appendMarkup(
            stylesheet
                ?? (pageFooter == DocumentTree.defaultPageFooter
                    ? Self.stylesheet : Self.stylesheet(pageFooter: pageFooter)))
        buffer += "</style>\n</head>\n<body>\n<main>\n"
    }

    /// What closes every page.
    static let pageEnd: StaticString = "</main>\n</body>\n</html>\n"

    /// Writes a sequence of blocks, grouping consecutive check items in one checklist.
    ///
    /// A lead-in paragraph and the write-in lines it introduces go in one
    /// `<div class="keep">`, which is not split across printed pages: Chromium does not
    /// keep `break-before: avoid` before the empty write-in lines (it does before a list,
    /// so lists, which may be long, are not wrapped).
    func write<Block: RenderBlock>(_ blocks: [Block], to buffer: inout HTMLBuffer) {
        var isChecklistOpen = false
        var isKeepOpen = false
        var isKeepAwaitingBlock = false
        for position in blocks.indices {
            let node = blocks[position].node
            if case .checkItem(let content, let isChecked) = node {
                if !isChecklistOpen {
                    buffer.beginBlock()
                    buffer += "<ul class=\"checklist\">\n"
                    isChecklistOpen = true
                    isKeepAwaitingBlock = false
                }
                buffer += isChecked ? "<li class=\"checked\">" : "<li>"
                buffer += "<span class=\"box\" aria-hidden=\"true\"></span>"
                if isChecked {
                    buffer += " <span class=\"visually-hidden\">(done)</span>"
                }
                if content.hasVisibleContent {
                    buffer += " "
                    write(content, to: &buffer)
                }
                buffer += "</li>\n"
                continue
            }
            if isChecklistOpen {
                buffer += "</ul>\n"
                isChecklistOpen = false
            }
            if isKeepOpen && !isKeepAwaitingBlock {
                buffer += "</div>\n"
                isKeepOpen = false
            }
            if Self.isLeadIn(node, before: position + 1 < blocks.count ? blocks[position + 1].leadingNode : nil) {
                buffer.beginBlock()
                buffer += "<div class=\"keep\">\n"
                blocks[position].write(to: &buffer, with: self)
                isKeepOpen = true
                isKeepAwaitingBlock = true
                continue
            }
            blocks[position].write(to: &buffer, with: self)
            isKeepAwaitingBlock = false
        }
        if isChecklistOpen {
            buffer += "</ul>\n"
        }
        if isKeepOpen {
            buffer += "</div>\n"
        }
    }

    /// Whether `node` is a paragraph that introduces the write-in lines right after it.
    static func isLeadIn(_ node: DocumentNode, before next: DocumentNode?) -> Bool {
        guard case .paragraph(let content) = node, content.hasVisibleContent else { return false }
        if case .writeIn(let lines)? = next { return lines > 0 }
        return false
    }

    /// Writes a section around its blocks; a section with none is left out.
    func writeSection<Block: RenderBlock>(domain: String?, children: [Block], to buffer: inout HTMLBuffer) {
        guard !children.isEmpty else { return }
        buffer.beginBlock()
        let className = domain.map(Self.domainClassName) ?? ""
        if className.isEmpty {
            buffer += "<section>\n"
        } else {
            buffer += "<section class=\""
            buffer.appendAttribute(className)
            buffer += "\">\n"
        }
        write(children, to: &buffer)
        buffer += "</section>\n"
    }

    func write(_ node: DocumentNode, to buffer: inout HTMLBuffer) {
        switch node {
        case .section(let domain, let children):
            writeSection(domain: domain, children: children, to: &buffer)

        case .heading(let level, let content):
            guard content.hasVisibleContent else { return }
            let level = Swift.min(Swift.max(level, 1), 6)
            buffer.beginBlock()
            buffer += Self.headingTags[level - 1].open
            write(content, to: &buffer)
            buffer += Self.headingTags[level - 1].close

        case .paragraph(let content):
            guard content.hasVisibleContent else { return }
            buffer.beginBlock()
            buffer += "<p>"
            write(content, to: &buffer)
            buffer += "</p>\n"

        case .list(let ordered, let items):
            guard !items.isEmpty else { return }
            buffer.beginBlock()
            buffer += ordered ? "<ol>\n" : "<ul>\n"
            for item in items {
                if item.count == 1, case .paragraph(let content) = item[0] {
                    buffer += "<li>"
                    write(content, to: &buffer)
                    buffer += "</li>\n"
                } else if item.isEmpty {
                    buffer += "<li></li>\n"
                } else {
                    buffer += "<li>\n"
                    write(item, to: &buffer)
                    buffer += "</li>\n"
                }
            }
            buffer += ordered ? "</ol>\n" : "</ul>\n"

        case .checkItem:
            // Reached only through `write(_:[DocumentNode]…)`, which groups check items.
            write([node], to: &buffer)

        case .field(let label, let value, let lines):
            buffer.beginBlock()
            buffer += value.hasVisibleContent ? "<div class=\"field\">" : "<div class=\"field empty\">"
            if label.hasVisibleContent {
                buffer += "<span class=\"label\">"
                write(label, to: &buffer)
                if !label.sanitizedPlainText.endsInLabelPunctuation {
                    buffer += ":"
                }
                buffer += "</span>"
            }
            if value.hasVisibleContent {
                buffer += " "
                write(value, to: &buffer)
            } else {
                buffer += "<span class=\"write-in\"></span>"
                for _ in 1..<Swift.max(lines, 1) {
                    buffer += "<div class=\"write-in-line\"></div>"
                }
            }
            buffer += "</div>\n"

        case .writeIn(let lines):
            guard lines > 0 else { return }
            buffer.beginBlock()
            for _ in 0..<lines {
                buffer += "<div class=\"write-in-line\"></div>\n"
            }

        case .note(let content):
            guard content.hasVisibleContent else { return }
            buffer.beginBlock()
            buffer += "<div class=\"note\"><p>"
            write(content, to: &buffer)
            buffer += "</p></div>\n"

        case .pageBreak:
            buffer.requestPageBreak()
        }
    }

    private func write(_ inlines: [Inline], to buffer: inout HTMLBuffer) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                buffer.appendText(text)
            case .emphasis(let children):
                buffer += "<em>"
                write(children, to: &buffer)
                buffer += "</em>"
            case .strong(let children):
                buffer += "<strong>"
                write(children, to: &buffer)
                buffer += "</strong>"
            case .phone(let number, let link):
                Self.writePhone(number, link: link, to: &buffer)
            case .address(let address):
                buffer += "<span class=\"web\">"
                buffer.appendText(address)
                buffer += "</span>"
            case .blank(let width):
                guard width > 0 else { continue }
                buffer.appendMarkup("<span class=\"blank \(Self.blankClassName(width: width))\"></span>")
            }
        }
    }

    /// Writes a phone number as a `tel:` or `sms:` link (`telephoneURI`), or as text when it
    /// cannot be one.
    static func writePhone(_ number: String, link: Inline.PhoneLink = .call, to buffer: inout HTMLBuffer) {
        guard let uri = telephoneURI(number, link: link) else {
            buffer.appendText(number)
            return
        }
        buffer += "<a href=\""
        buffer.appendAttribute(uri)
        buffer += "\">"
        buffer.appendText(number)
        buffer += "</a>"
    }

    /// `<h1>`…`<h6>` and their end tags (with the newline after them).
    static let headingTags: [(open: StaticString, close: StaticString)] = [
        ("<h1>", "</h1>\n"), ("<h2>", "</h2>\n"), ("<h3>", "</h3>\n"), ("<h4>", "</h4>\n"), ("<h5>", "</h5>\n"),
        ("<h6>", "</h6>\n"),
    ]

    /// The `tel:` URI for a number to call, or the `sms:` URI (RFC 5724) for a number to
    /// text, or `nil` when it should not be a link.
    ///
    /// A number is linked only when it is written with ASCII digits, spaces, hyphens,
    /// dots and parentheses alone, with at most a leading `+`, and has 1 to 15 digits
    /// (E.164's longest). The URI keeps the `+` and the digits: `+1 (888) 373-7888`
    /// gives `tel:+18883737888`, and the text number `233733` gives `sms:233733`;
    /// `javascript:alert(1)` and `Text HOME to 741741` give `nil`, and are shown as plain
    /// text.
    static func telephoneURI(_ number: String, link: Inline.PhoneLink = .call) -> String? {
        var number = number.sanitized
        return number.withUTF8 { bytes -> String? in
            // Over UTF-8 bytes: every byte kept or allowed is ASCII, so any other byte
            // (part of a non-ASCII scalar) refuses the number, as the scalar would.
            var digits = 0
            var hasPlus = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                case UInt8(ascii: "+") where digits == 0 && !hasPlus:
                    hasPlus = true
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"):
                    continue
                default:
                    return nil
                }
            }
            guard (1...15).contains(digits) else { return nil }
            let prefix: StaticString =
                switch link {
                case .call: "tel:+"
                case .text: "sms:+"
                }
            let prefixCount = hasPlus ? 5 : 4
            return String(unsafeUninitializedCapacity: prefixCount + digits) { uri in
                for index in 0..<prefixCount { uri[index] = prefix.utf8Start[index] }
                var count = prefixCount
                for byte in bytes where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    uri[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// The class for a section of `domain`: `domain-` and the domain lowercased, with
    /// everything but `a`–`z` and `-` removed; `""` when nothing is left.
    static func domainClassName(_ domain: String) -> String {
        var name = ""
        for scalar in domain.unicodeScalars {
            switch scalar {
            case "a"..."z", "-":
                name.unicodeScalars.append(scalar)
            case "A"..."Z":
                name.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            default:
                continue
            }
        }
        return name.isEmpty ? "" : "domain-" + name
    }

    /// The `lang` value for `language`: the tag itself when it is well-formed, else `""`.
    static func languageTag(_ language: String) -> String {
        let subtags = language.split(separator: "-", omittingEmptySubsequences: false)
        for (position, subtag) in subtags.enumerated() {
            guard (1...8).contains(subtag.unicodeScalars.count) else { return "" }
            for scalar in subtag.unicodeScalars {
                switch scalar {
                case "a"..."z", "A"..."Z":
                    continue
                case "0"..."9" where position > 0:
                    continue
                default:
                    return ""
                }
            }
        }
        return language
    }

    /// The `<title>` text: the document's title, or its first heading, or "Safety plan".
    static func title(of document: DocumentTree) -> String {
        let title = TextLayout.collapsingWhitespace(document.title.sanitized)
        if !title.isEmpty {
            return title
        }
        for node in document.body {
            if case .heading(_, let content) = node, content.hasVisibleContent {
                return TextLayout.collapsingWhitespace(content.sanitizedPlainText)
            }
        }
        return "Safety plan"
    }

    /// The class giving a blank its width: the smallest of `w4`, `w8`, `w12`, `w16`,
    /// `w24`, `w32`, `w40` at least `width` characters wide (`w40` for wider blanks).
    static func blankClassName(width: Int) -> String {
        for size in [4, 8, 12, 16, 24, 32] where width <= size {
            return "w\(size)"
        }
        return "w40"
    }
}
