/// Renders a document tree as plain text to print or read in a terminal: the last stage
/// of the pipeline for `--format text`.
///
/// The layout is made for paper:
///
/// - Blocks are separated by one blank line; consecutive check items and the items of a
///   list whose items are single paragraphs are not. The output never has trailing
///   spaces and ends with exactly one newline.
/// - No line is wider than `width` display columns (see `DisplayWidth`): text is wrapped
///   at spaces, and a word too long for a line is broken between characters.
/// - A level-1 heading is underlined with `=`, a level-2 heading with `-`; a heading of
///   level 3 or below (a group's, inside a section) is followed directly by the list it
///   heads, with no blank line.
/// - List items start `- ` or `1. ` and check items `[ ] ` or `[x] `, with the lines
///   after the first indented to match; notes have `  | ` before every line.
/// - An empty field and a write-in print as ruled lines of underscores to fill in by
///   hand, as wide as the line.
/// - A page break prints a line holding only a form feed (U+000C), with no blank lines
///   around it; one at the start or end of the document, or right after another, prints
///   nothing.
///
/// Text from data goes through `String.sanitized`, so control characters in a plan
/// cannot move the cursor, clear a terminal or feed a page. The title of the document is
/// not printed: the template's first heading carries it.
///
/// Rendering is pure and deterministic: the same tree and width give the same bytes.
public struct TextRenderer: Sendable {
    /// The narrowest width accepted; smaller widths are raised to it.
    public static let minimumWidth = 20
    /// The widest width accepted; larger widths are lowered to it.
    public static let maximumWidth = 1000

    /// The widest a line may be, in display columns: 72 by default, clamped to
    /// `minimumWidth`…`maximumWidth` (20…1000).
    public var width: Int {
        didSet { width = Self.clamped(width) }
    }

    /// The page length of a printed page of plain text: 66 lines (11 inches at 6 lines an
    /// inch), the default of the `safetyplan` tool.
    public static let defaultPageLength = 66
    /// The shortest page accepted; shorter (non-zero) lengths are raised to it.
    public static let minimumPageLength = 10

    /// The most lines on a page, footer included; 0 (the default) for no pages.
    public var pageLength: Int {
        didSet { pageLength = Self.clampedPageLength(pageLength) }
    }
    /// Whether every page ends with a centred "Page X of Y" line (when `pageLength` > 0).
    public var hasPageNumbers: Bool

    /// Creates a renderer for lines at most `width` display columns wide.
    ///
    /// - Parameters:
    ///   - width: The line width; clamped to 20…1000.
    ///   - pageLength: The most lines on a page, footer included; 0 for no pages, else
    ///     at least `minimumPageLength`.
    ///   - hasPageNumbers: Whether every page ends with "Page X of Y".
    public init(width: Int = 72, pageLength: Int = 0, hasPageNumbers: Bool = false) {
        self.width = Self.clamped(width)
        self.pageLength = Self.clampedPageLength(pageLength)
        self.hasPageNumbers = hasPageNumbers
    }

    private static func clampedPageLength(_ length: Int) -> Int {
        length <= 0 ? 0 : Swift.max(length, minimumPageLength)
    }

    /// Renders `document` as plain text.
    ///
    /// - Parameter document: The document to render; its `title` is not printed.
    /// - Returns: The text, ending in exactly one newline (just `"\n"` for an empty body).
    public func render(_ document: DocumentTree) -> String {
        render(document, asBytes: false).text
    }

    /// `render(_:)` as UTF-8 bytes, without making a `String` of them when there are no pages.
    package func renderBytes(_ document: DocumentTree) -> [UInt8] {
        render(document, asBytes: true).bytes
    }

    private func render(_ document: DocumentTree, asBytes: Bool) -> (text: String, bytes: [UInt8]) {
        render(document.body, asBytes: asBytes, pageFooter: document.pageFooter)
    }

    /// Lays out `body` and cuts it into pages when there is a page length.
    ///
    /// - Parameter pageFooter: the page footer, `{page}` and `{pages}` to fill in.
    func render<Block: RenderBlock>(
        _ body: [Block], asBytes: Bool, pageFooter: String = DocumentTree.defaultPageFooter
    ) -> (text: String, bytes: [UInt8]) {
        var layout = TextLayout(width: width, tracksBlocks: pageLength > 0)
        write(body, to: &layout)
        guard pageLength > 0 else {
            if asBytes { return ("", layout.bytes.isEmpty ? [0x0A] : layout.bytes) }
            return (layout.finished(), [])
        }
        // Split at newline bytes: the layout never writes a carriage return (the only
        // character a newline can join), so each newline byte is a line end.
        let output = layout.output
        var lines = output.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        lines.removeLast()  // after the final newline
        var paginator = TextPaginator(pageLength: pageLength, hasPageNumbers: hasPageNumbers, width: width)
        paginator.footerPattern = pageFooter
        let text = paginator.render(lines: lines, blocks: layout.blocks)
        return asBytes ? ("", Array(text.utf8)) : (text, [])
    }

    private static func clamped(_ width: Int) -> Int {
        Swift.min(Swift.max(width, minimumWidth), maximumWidth)
    }

    /// Writes a sequence of blocks, a blank line between each two except between check items,
    /// and between a group's heading (level 3 or below, such as the youth handout's groups
    /// of ideas) and the list it heads, which follows it directly as its CSS does in print.
    ///
    /// Each block is marked for pagination; a paragraph right before a list, check item or
    /// write-in is a lead-in, kept with what it introduces.
    func write<Block: RenderBlock>(_ blocks: [Block], to layout: inout TextLayout) {
        var previousWasCheckItem = false
        var previousWasGroupHeading = false
        for position in blocks.indices {
            let node = blocks[position].node
            let start = layout.beginBlock()
            defer {
                if let kind = Self.pageKind(
                    of: node, before: position + 1 < blocks.count ? blocks[position + 1].leadingNode : nil)
                {
                    layout.endBlock(start: start, kind: kind)
                }
            }
            let isCheckItem: Bool
            if case .checkItem = node {
                isCheckItem = true
            } else {
                isCheckItem = false
            }
            var isList = false
            if case .list = node { isList = true }
            if position > 0 && !(isCheckItem && previousWasCheckItem) && !(isList && previousWasGroupHeading) {
                layout.requestBlankLine()
            }
            blocks[position].write(to: &layout, with: self)
            previousWasCheckItem = isCheckItem
            if case .heading(let level, let content) = node, level >= 3, content.hasVisibleContent {
                previousWasGroupHeading = true
            } else {
                previousWasGroupHeading = false
            }
        }
    }

    /// How pagination treats a block: nil for a section (its children are marked).
    private static func pageKind(of node: DocumentNode, before next: DocumentNode?) -> TextPaginator.Block.Kind? {
        switch node {
        case .section, .pageBreak, .list:
            return nil
        case .heading:
            return .keptWithNext
        case .paragraph:
            switch next {
            case .list?, .checkItem?, .writeIn?:
                return .leadIn
            default:
                return .flowing
            }
        case .note:
            return .flowing
        case .checkItem, .field, .writeIn:
            return .whole
        }
    }

    func write(_ node: DocumentNode, to layout: inout TextLayout) {
        switch node {
        case .section(_, let children):
            write(children, to: &layout)

        case .heading(let level, let content):
            guard content.hasVisibleContent else { return }
            writeHeading(level: level, text: content.textForWrapping, to: &layout)

        case .paragraph(let content):
            guard content.hasVisibleContent else { return }
            layout.writeWrapped(content.textForWrapping)

        case .list(let ordered, let items):
            // A list of one-paragraph items is a compact list: no blank lines between items.
            let isCompact = items.allSatisfy { item in
                if item.isEmpty { return true }
                if item.count == 1, case .paragraph = item[0] { return true }
                return false
            }
            for (position, item) in items.enumerated() {
                if position > 0 && !isCompact {
                    layout.requestBlankLine()
                }
                writeListItem(at: position, ordered: ordered, to: &layout) { write(item, to: &$0) }
            }

        case .checkItem(let content, let isChecked):
            layout.pushIndent(first: isChecked ? "[x] " : "[ ] ", rest: "    ")
            layout.writeWrapped(content.textForWrapping)
            layout.popIndent()

        case .field(let label, let value, let lines):
            writeField(label: label, value: value, lines: lines, to: &layout)

        case .writeIn(let lines):
            writeRules(count: lines, to: &layout)

        case .note(let content):
            guard content.hasVisibleContent else { return }
            layout.pushIndent(first: "  | ", rest: "  | ")
            layout.writeWrapped(content.textForWrapping)
            layout.popIndent()

        case .pageBreak:
            layout.requestPageBreak()
        }
    }

    /// Writes a field: `Label: value`, or the label and ruled lines when the value is empty.
    ///
    /// The label gets a colon unless it already ends in `:` or `?` (or their fullwidth
    /// forms). An empty field of one line puts the rule on the label's line when at least
    /// 10 columns are left for it; otherwise the rules go on lines of their own. An empty
    /// field always has at least one line to write on.
    private func writeField(label: [Inline], value: [Inline], lines: Int, to layout: inout TextLayout) {
        var labelText = TextLayout.collapsingWhitespace(label.sanitizedPlainText)
        if !labelText.isEmpty && !labelText.endsInLabelPunctuation {
            labelText += ":"
        }
        if value.hasVisibleContent {
            let text = labelText.isEmpty ? value.textForWrapping : labelText + " " + value.textForWrapping
            layout.pushIndent(first: "", rest: "  ")
            layout.writeWrapped(text)
            layout.popIndent()
            return
        }
        let lines = Swift.max(lines, 1)
        if labelText.isEmpty {
            writeRules(count: lines, to: &layout)
            return
        }
        let remaining = layout.availableWidth - DisplayWidth.of(labelText) - 1
        if lines == 1 && remaining >= 10 {
            layout.writeLine(labelText + " " + String(repeating: "_", count: remaining))
            return
        }
        layout.pushIndent(first: "", rest: "  ")
        layout.writeWrapped(labelText)
        layout.popIndent()
        writeRules(count: lines, to: &layout)
    }

    /// Writes `count` lines of underscores as wide as the available width.
    private func writeRules(count: Int, to layout: inout TextLayout) {
        guard count > 0 else { return }
        let width = layout.availableWidth
        for _ in 0..<count {
            layout.writeLine(repeating: UInt8(ascii: "_"), count: width)
        }
    }

    /// Writes a heading's text wrapped, underlined with `=` (level 1) or `-` (level 2) as
    /// wide as its widest line.
    func writeHeading(level: Int, text: String, to layout: inout TextLayout) {
        let widest = layout.writeWrapped(text)
        if level <= 1 {
            layout.writeLine(repeating: UInt8(ascii: "="), count: widest)
        } else if level == 2 {
            layout.writeLine(repeating: UInt8(ascii: "-"), count: widest)
        }
    }

    /// Writes the list item at `position`: its marker (`- ` or `1. `), then what `body`
    /// writes, indented under it; the item is a block kept whole on a page.
    func writeListItem(
        at position: Int, ordered: Bool, to layout: inout TextLayout, _ body: (inout TextLayout) -> Void
    ) {
        let marker = ordered ? Self.numberMarker(position + 1) : Self.bulletMarker
        let start = layout.beginBlock()
        layout.pushIndent(first: marker.first, rest: marker.rest, firstWidth: marker.width, restWidth: marker.width)
        body(&layout)
        layout.popIndent()
        layout.endBlock(start: start, kind: .whole)
    }

    /// A list item's marker, the indent of its later lines (as wide), and their width.
    typealias Marker = (first: String, rest: String, width: Int)

    private static let bulletMarker: Marker = ("- ", "  ", 2)

    /// The first 99 numbered markers, made once.
    private static let numberMarkers: [Marker] = (1...99).map(makeNumberMarker)

    private static func makeNumberMarker(_ number: Int) -> Marker {
        let first = "\(number). "
        return (first, String(repeating: " ", count: first.utf8.count), first.utf8.count)
    }

    private static func numberMarker(_ number: Int) -> Marker {
        number <= numberMarkers.count ? numberMarkers[number - 1] : makeNumberMarker(number)
    }
}
