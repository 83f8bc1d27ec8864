extension HTMLRenderer {
    /// A wallet card's sheet, in hundredths of a millimetre.
    ///
    /// Cards are 85.6 × 54 mm (ISO/IEC 7810 ID-1, a bank card), in two columns of four
    /// rows with 12 mm between them, centred on the paper. The first sheet holds the
    /// fronts, the second the backs, each back in the other column of its row: printed on
    /// both sides of one sheet, flipped on the long edge, each back lands behind its front.
    /// Crop marks 4 mm long start 1.5 mm outside each corner, on the lines of the card's
    /// edges, so cutting from mark to mark gives the card.
    struct CardSheet {
        static let cardWidth = 8560
        static let cardHeight = 5400
        static let gap = 1200
        static let markOffset = 150
        static let markLength = 400
        static let markThickness = 25
        static let columns = 2

        /// The paper's width and height.
        let width: Int
        let height: Int

        init(_ paper: CardOptions.Paper) {
            switch paper {
            case .letter: (width, height) = (21590, 27940)
            case .a4: (width, height) = (21000, 29700)
            }
        }

        var rows: Int { CardOptions.maximumCopies / Self.columns }
        var left: Int { (width - Self.columns * Self.cardWidth - (Self.columns - 1) * Self.gap) / 2 }
        var top: Int { (height - rows * Self.cardHeight - (rows - 1) * Self.gap) / 2 }

        /// The slot of a copy's front (0 is the top left, then across and down) or back
        /// (the same row, the mirrored column).
        static func slot(of copy: Int, isBack: Bool) -> Int {
            let (row, column) = (copy / columns, copy % columns)
            return row * columns + (isBack ? columns - 1 - column : column)
        }

        /// Hundredths of a millimetre as a CSS length.
        static func mm(_ value: Int) -> String {
            let sign = value < 0 ? "-" : ""
            let magnitude = abs(value)
            var text = sign + String(magnitude / 100)
            let fraction = magnitude % 100
            if fraction != 0 {
                text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
            }
            return text + "mm"
        }
    }

    /// A wallet card as one self-contained HTML page, with the head, Content-Security-Policy
    /// and escaping of every page: `copies` fronts on the first sheet and their backs on the
    /// second (`CardSheet`), each face exactly 85.6 × 54 mm on screen and on paper, with
    /// crop marks; the paper's size and no margin in `@page`.
    func cardBytes(
        front: [DocumentNode], back: [DocumentNode], language: String, title: String, copies: Int,
        paper: CardOptions.Paper
    ) -> [UInt8] {
        var buffer = HTMLBuffer(capacity: 8192 + 4096 * copies)
        writeHead(
            language: language,
            title: Self.title(of: DocumentTree(title: title, language: language, body: front)),
            stylesheet: Self.cardStylesheet(paper), to: &buffer)
        for (faces, isBack) in [(front, false), (back, true)] {
            buffer += isBack ? "<div class=\"sheet backs\">\n" : "<div class=\"sheet fronts\">\n"
            for copy in 0..<copies {
                buffer.appendMarkup("<div class=\"card slot-\(CardSheet.slot(of: copy, isBack: isBack))\">\n")
                buffer.appendMarkup("<div class=\"face\(Self.typeSize(of: faces))\">\n")
                write(faces, to: &buffer)
                buffer += "</div>\n"
                buffer += Self.cropMarks
                buffer += "</div>\n"
            }
            buffer += "</div>\n"
        }
        buffer += HTMLRenderer.pageEnd
        return buffer.bytes
    }

    /// The type of a face: 8.5pt when what it holds fits at that size, else 7.5pt
    /// (`small`), else 7pt (`smaller`), never smaller, so a face with five long line names
    /// (Spanish, `--no-discreet`) still shows all of them.
    ///
    /// Fitting is estimated from the text's length: characters a line holds at each size
    /// in a wide sans-serif (DejaVu Sans, Chromium's on Linux: 44, 50 and 54 across the
    /// face), and the lines the face holds below its heading, less the space between
    /// blocks (9, 11 and 12).
    static func typeSize(of nodes: [DocumentNode]) -> String {
        var blocks: [Int] = []
        func add(_ node: DocumentNode) {
            switch node {
            case .section(_, let children): children.forEach(add)
            case .heading: break
            case .paragraph(let content), .note(let content), .checkItem(let content, _):
                blocks.append(content.sanitizedPlainText.count)
            case .field(let label, let value, let lines):
                blocks.append(label.sanitizedPlainText.count + value.sanitizedPlainText.count + 2)
                if value.isEmpty { blocks += Array(repeating: 0, count: Swift.max(lines, 1) - 1) }
            case .list(_, let items):
                for item in items { blocks.append(item.map { Self.plainLength($0) }.reduce(0, +)) }
            case .writeIn(let lines): blocks += Array(repeating: 0, count: lines)
            case .pageBreak: break
            }
        }
        nodes.forEach(add)
        for (name, perLine, capacity) in [("", 44, 9), (" small", 50, 11)] {
            let lines = blocks.map { Swift.max(1, ($0 + perLine - 1) / perLine) }.reduce(0, +)
            if lines <= capacity { return name }
        }
        return " smaller"
    }

    private static func plainLength(_ node: DocumentNode) -> Int {
        switch node {
        case .paragraph(let content), .note(let content), .heading(_, let content), .checkItem(let content, _):
            return content.sanitizedPlainText.count
        case .list(_, let items): return items.flatMap { $0 }.map(plainLength).reduce(0, +)
        case .section(_, let children): return children.map(plainLength).reduce(0, +)
        case .field(let label, let value, _): return label.sanitizedPlainText.count + value.sanitizedPlainText.count
        case .writeIn, .pageBreak: return 0
        }
    }

    /// The eight crop marks of a card, two at each corner.
    private static let cropMarks: StaticString = """
        <div class="mark h tl"></div><div class="mark v tl"></div><div class="mark h tr"></div><div class="mark v tr"></div>
        <div class="mark h bl"></div><div class="mark v bl"></div><div class="mark h br"></div><div class="mark v br"></div>

        """

    /// The card page's stylesheet: its own, since a card has no page footer, no margins and
    /// its own small type (8.5pt, headings 10.5pt: readable at a card's size; 7.5pt or
    /// 7pt for a face that holds more, `typeSize(of:)`).
    static func cardStylesheet(_ paper: CardOptions.Paper) -> String {
        typealias S = CardSheet
        let sheet = CardSheet(paper)
        let mm = S.mm
        let (width, height) = (S.cardWidth, S.cardHeight)
        let (offset, length, half) = (S.markOffset, S.markLength, S.markThickness / 2)
        var css = """
            html { color: #000; background: #fff; }
            body { margin: 0; padding: 1rem; background: #e6e6e6; font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            .sheet { position: relative; width: \(mm(sheet.width)); height: \(mm(sheet.height - 100)); margin: 0 auto 1rem; background: #fff; overflow: hidden; }
            .card { position: absolute; width: \(mm(width)); height: \(mm(height)); }
            .face { position: absolute; left: 0; top: 0; width: \(mm(width)); height: \(mm(height)); box-sizing: border-box; border: 0.2mm solid #767676; border-radius: 3mm; padding: 3.5mm 4mm; overflow: hidden; overflow-wrap: anywhere; font-size: 8.5pt; line-height: 1.25; color: #000; }
            .face h1, .face h2, .face h3 { font-size: 10.5pt; line-height: 1.2; margin: 0 0 1.5mm; }
            .face h2, .face h3 { font-size: 9pt; margin-top: 2mm; }
            .face p, .face ul, .face ol, .face .field { margin: 0 0 1.2mm; }
            .face ul, .face ol { list-style: none; padding: 0; }
            .face li { margin: 0 0 0.9mm; }
            .face.small { font-size: 7.5pt; line-height: 1.2; }
            .face.smaller { font-size: 7pt; line-height: 1.2; padding: 3mm 3.5mm; }
            .face.small h1, .face.smaller h1 { font-size: 9.5pt; margin-bottom: 1mm; }
            .face.small li, .face.smaller li { margin-bottom: 0.6mm; }
            a { color: #000; text-decoration: underline; }
            a[href^="tel:"], a[href^="sms:"] { white-space: nowrap; }
            .web { overflow-wrap: anywhere; }
            .label { font-weight: bold; }
            .write-in { display: inline-block; width: 60%; min-width: 8em; max-width: 100%; height: 1.6em; margin-left: 0.4em; border-bottom: 0.2mm solid #000; vertical-align: bottom; }
            .write-in-line { height: 1.8em; border-bottom: 0.2mm solid #000; }
            .blank { display: inline-block; max-width: 100%; height: 1.1em; border-bottom: 0.2mm solid #000; vertical-align: text-bottom; }
            .w4 { width: 4ch; } .w8 { width: 8ch; } .w12 { width: 12ch; } .w16 { width: 16ch; }
            .w24 { width: 24ch; } .w32 { width: 32ch; } .w40 { width: 40ch; }
            .note { border: 0.2mm solid #000; padding: 1mm 1.5mm; }
            .note p { margin: 0; }
            .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
            .mark { position: absolute; background: #000; }
            .mark.h { width: \(mm(length)); height: \(mm(2 * half)); }
            .mark.v { width: \(mm(2 * half)); height: \(mm(length)); }
            .mark.h.tl, .mark.h.bl { left: \(mm(-offset - length)); }
            .mark.h.tr, .mark.h.br { left: \(mm(width + offset)); }
            .mark.h.tl, .mark.h.tr { top: \(mm(-half)); }
            .mark.h.bl, .mark.h.br { top: \(mm(height - half)); }
            .mark.v.tl, .mark.v.bl { left: \(mm(-half)); }
            .mark.v.tr, .mark.v.br { left: \(mm(width - half)); }
            .mark.v.tl, .mark.v.tr { top: \(mm(-offset - length)); }
            .mark.v.bl, .mark.v.br { top: \(mm(height + offset)); }

            """
        for slot in 0..<CardOptions.maximumCopies {
            let (row, column) = (slot / S.columns, slot % S.columns)
            let left = sheet.left + column * (width + S.gap)
            let top = sheet.top + row * (height + S.gap)
            css += ".slot-\(slot) { left: \(mm(left)); top: \(mm(top)); }\n"
        }
        css += """
            @page { size: \(paper == .letter ? "letter" : "A4"); margin: 0; }
            @media print {
              body { padding: 0; background: #fff; }
              .sheet { margin: 0; break-after: page; }
              .sheet:last-child { break-after: auto; }
              a { text-decoration: none; }
            }

            """
        return css
    }
}
