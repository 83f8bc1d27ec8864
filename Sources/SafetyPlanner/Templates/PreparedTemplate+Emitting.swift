/// The parts of a prepared template that read the record and have one of the common
/// shapes — a paragraph or heading with values in it, a bullet or numbered list over data
/// whose item is one paragraph — written straight into the output for each record,
/// without building document nodes first.
///
/// Fixed text in them is sanitized and HTML-escaped once, when the template is prepared;
/// only the values are looked up and escaped per record (a discreet plan's values were
/// made safe by the planner). In a discreet document, a part whose fixed text reveals is
/// not emitted: it is evaluated into nodes, which the discretion policy leaves out. What they
/// write is what the renderers write for the nodes the evaluator would make (the tests
/// compare the two for every template, stage and format); other shapes are evaluated into
/// nodes as before.
enum EmittedPart: Sendable {
    case paragraph(InlineProgram)
    case heading(level: Int, InlineProgram)
    /// A data list: `binding` is each element of `path` in turn; `empty` is evaluated
    /// into nodes when the list is empty.
    case list(path: DataPath, binding: String, isOrdered: Bool, item: InlineProgram, empty: [TemplateNode])

    /// The emitted form of `node` at `depth`, or nil for a shape that is evaluated into nodes.
    init?(_ node: TemplateNode, depth: Int, discretion: DiscretionPolicy?) {
        switch node {
        case .paragraph(let content):
            guard !content.fixedTextReveals(discretion) else { return nil }
            self = .paragraph(InlineProgram(content))
        case .heading(let content):
            guard !content.fixedTextReveals(discretion) else { return nil }
            self = .heading(level: min(depth + 1, 6), InlineProgram(content))
        case .list(let list):
            guard let path = list.path, let binding = list.binding, list.style != .check, list.items.count == 1,
                list.items[0].count == 1, case .paragraph(let content) = list.items[0][0],
                !content.fixedTextReveals(discretion)
            else { return nil }
            self = .list(
                path: path, binding: binding, isOrdered: list.style == .number, item: InlineProgram(content),
                empty: list.empty)
        default:
            return nil
        }
    }
}

/// An emitted part with where it stands in the template: made once when the template is
/// prepared, and shared by every record's blocks (a reference, cheap to copy).
final class EmittedNode: Sendable {
    let part: EmittedPart
    /// The depth of the node, for the nodes an empty list evaluates to.
    let depth: Int
    /// The domain section the node is in, for `emphasis` conditions.
    let domain: PlannedDomain?

    init(part: EmittedPart, depth: Int, domain: PlannedDomain?) {
        self.part = part
        self.depth = depth
        self.domain = domain
    }
}

/// Inline content compiled for writing: fixed text ready in both output forms.
struct InlineProgram: Sendable {
    indirect enum Op: Sendable {
        /// Fixed text: its HTML (sanitized and escaped), its sanitized plain text, and
        /// whether it shows anything.
        case text(html: [UInt8], plain: [UInt8], isVisible: Bool)
        /// Emphasis or strong: the tags around the content (plain text has none).
        case wrapped(open: [UInt8], close: [UInt8], [Op])
        /// A value; `fallback` (a `.text`) when the record has none, else a blank.
        case value(DataPath, fallback: Op?, isPhone: Bool)
        case blank(width: Int, html: [UInt8])
        case conditional(Condition, [Op])
    }

    let ops: [Op]

    init(_ inlines: [TemplateInline]) {
        self.ops = Self.compile(inlines)
    }

    private static func compile(_ inlines: [TemplateInline]) -> [Op] {
        inlines.map { inline in
            switch inline {
            case .text(let text):
                return fixedText(text)
            case .emphasis(let children):
                return .wrapped(open: Array("<em>".utf8), close: Array("</em>".utf8), compile(children))
            case .strong(let children):
                return .wrapped(open: Array("<strong>".utf8), close: Array("</strong>".utf8), compile(children))
            case .value(let path, let fallback, let isPhone):
                return .value(path, fallback: fallback.map(fixedText), isPhone: isPhone)
            case .blank(let width):
                return blank(width)
            case .conditional(let condition, let children):
                return .conditional(condition, compile(children))
            }
        }
    }

    private static func fixedText(_ text: String) -> Op {
        var buffer = HTMLBuffer(capacity: text.utf8.count)
        buffer.appendText(text)
        return .text(html: buffer.bytes, plain: Array(text.sanitized.utf8), isVisible: [Inline].isVisible(text))
    }

    private static func blank(_ width: Int) -> Op {
        let html =
            width > 0 ? Array("<span class=\"blank \(HTMLRenderer.blankClassName(width: width))\"></span>".utf8) : []
        return .blank(width: width, html: html)
    }

    /// What a value the record lacks, with no fallback, prints: a blank to write in.
    private static let missingValue = blank(TemplateEvaluator.missingValueWidth)

    /// Whether the content shows anything for this record (`[Inline].hasVisibleContent`).
    func isVisible(_ evaluator: inout TemplateEvaluator) -> Bool {
        isVisible(ops, &evaluator)
    }

    private func isVisible(_ ops: [Op], _ evaluator: inout TemplateEvaluator) -> Bool {
        ops.contains { op in
            switch op {
            case .text(_, _, let isVisible): return isVisible
            case .wrapped(_, _, let children): return self.isVisible(children, &evaluator)
            case .value(let path, let fallback, let isPhone):
                if let text = evaluator.value(at: path)?.text, !text.isEmpty {
                    return [Inline].isVisible(text)
                }
                return self.isVisible([fallback ?? Self.missingValue], &evaluator)
            case .blank(let width, _): return width > 0
            case .conditional(let condition, let children):
                return evaluator.holds(condition) && self.isVisible(children, &evaluator)
            }
        }
    }

    /// Writes the content as `HTMLRenderer` writes the evaluated inlines.
    func writeHTML(_ evaluator: inout TemplateEvaluator, to buffer: inout HTMLBuffer) {
        writeHTML(ops, &evaluator, to: &buffer)
    }

    private func writeHTML(_ ops: [Op], _ evaluator: inout TemplateEvaluator, to buffer: inout HTMLBuffer) {
        for op in ops {
            switch op {
            case .text(let html, _, _):
                buffer.bytes += html
            case .wrapped(let open, let close, let children):
                buffer.bytes += open
                writeHTML(children, &evaluator, to: &buffer)
                buffer.bytes += close
            case .value(let path, let fallback, let isPhone):
                if let text = evaluator.value(at: path)?.text, !text.isEmpty {
                    if isPhone {
                        HTMLRenderer.writePhone(text, to: &buffer)
                    } else {
                        buffer.appendText(text)
                    }
                } else {
                    writeHTML([fallback ?? Self.missingValue], &evaluator, to: &buffer)
                }
            case .blank(_, let html):
                buffer.bytes += html
            case .conditional(let condition, let children):
                if evaluator.holds(condition) { writeHTML(children, &evaluator, to: &buffer) }
            }
        }
    }

    /// The text `TextLayout` wraps (`[Inline].textForWrapping`). It shows something
    /// (`[Inline].isVisible`) exactly when the content does (`isVisible(_:)`): visibility
    /// is decided scalar by scalar, and the pieces are joined whole (a phone's spaces made
    /// the joiner, which shows nothing, as a space does).
    func textForWrapping(_ evaluator: inout TemplateEvaluator) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(256)
        appendPlain(ops, &evaluator, to: &text)
        return text
    }

    private func appendPlain(_ ops: [Op], _ evaluator: inout TemplateEvaluator, to text: inout [UInt8]) {
        for op in ops {
            switch op {
            case .text(_, let plain, _):
                text += plain
            case .wrapped(_, _, let children):
                appendPlain(children, &evaluator, to: &text)
            case .value(let path, let fallback, let isPhone):
                if let value = evaluator.value(at: path)?.text, !value.isEmpty {
                    if isPhone {
                        text += [Inline].joiningSpaces(value.sanitized).utf8
                    } else {
                        text += value.sanitized.utf8
                    }
                } else {
                    appendPlain([fallback ?? Self.missingValue], &evaluator, to: &text)
                }
            case .blank(let width, _):
                text += repeatElement(UInt8(ascii: "_"), count: max(0, width))
            case .conditional(let condition, let children):
                if evaluator.holds(condition) { appendPlain(children, &evaluator, to: &text) }
            }
        }
    }
}

/// The evaluator of one record, shared by the emitted blocks of its document.
final class RecordContext {
    var evaluator: TemplateEvaluator

    init(_ evaluator: TemplateEvaluator) {
        self.evaluator = evaluator
    }
}

/// An emitted part of one record's document, ready to write.
struct EmittedBlock {
    let emitted: EmittedNode
    let context: RecordContext
    /// For a paragraph: whether it shows anything (its neighbours look at that).
    let isVisible: Bool
    /// For a list: the elements, never empty.
    let elements: [DataValue]

    /// The node the sequence writers see for decisions about neighbours: its kind, and
    /// for a paragraph whether it shows anything.
    var node: DocumentNode {
        switch emitted.part {
        case .paragraph: return .paragraph(isVisible ? [.blank(width: 1)] : [])
        case .heading(let level, _): return .heading(level: level, content: [])
        case .list(_, _, let isOrdered, _, _): return .list(ordered: isOrdered, items: [])
        }
    }

    func write(to buffer: inout HTMLBuffer) {
        context.evaluator.within(emitted.domain) { evaluator in
            switch emitted.part {
            case .paragraph(let program):
                guard isVisible else { return }
                buffer.beginBlock()
                buffer += "<p>"
                program.writeHTML(&evaluator, to: &buffer)
                buffer += "</p>\n"
            case .heading(let level, let program):
                guard program.isVisible(&evaluator) else { return }
                buffer.beginBlock()
                buffer += HTMLRenderer.headingTags[level - 1].open
                program.writeHTML(&evaluator, to: &buffer)
                buffer += HTMLRenderer.headingTags[level - 1].close
            case .list(_, let binding, let isOrdered, let item, _):
                buffer.beginBlock()
                buffer += isOrdered ? "<ol>\n" : "<ul>\n"
                for element in elements {
                    evaluator.bind(binding, to: element)
                    buffer += "<li>"
                    item.writeHTML(&evaluator, to: &buffer)
                    buffer += "</li>\n"
                    evaluator.unbind()
                }
                buffer += isOrdered ? "</ol>\n" : "</ul>\n"
            }
        }
    }

    func write(to layout: inout TextLayout, with renderer: TextRenderer) {
        context.evaluator.within(emitted.domain) { evaluator in
            switch emitted.part {
            case .paragraph(let program):
                guard isVisible else { return }
                layout.writeWrapped(utf8: program.textForWrapping(&evaluator))
            case .heading(let level, let program):
                let text = program.textForWrapping(&evaluator)
                guard [Inline].isVisible(utf8: text) else { return }
                renderer.writeHeading(level: level, text: String(decoding: text, as: UTF8.self), to: &layout)
            case .list(_, let binding, let isOrdered, let item, _):
                // As `TextRenderer` writes a compact list: no blank lines between items, each
                // item holding its paragraph, a flowing block on a page.
                for (position, element) in elements.enumerated() {
                    evaluator.bind(binding, to: element)
                    renderer.writeListItem(at: position, ordered: isOrdered, to: &layout) { layout in
                        let start = layout.beginBlock()
                        let text = item.textForWrapping(&evaluator)
                        if [Inline].isVisible(utf8: text) {
                            layout.writeWrapped(utf8: text)
                        }
                        layout.endBlock(start: start, kind: .flowing)
                    }
                    evaluator.unbind()
                }
            }
        }
    }
}

extension [TemplateInline] {
    /// Whether fixed text in the content (defaults included) reveals under `discretion`;
    /// false when there is no policy (a document that is not discreet).
    func fixedTextReveals(_ discretion: DiscretionPolicy?) -> Bool {
        guard let discretion else { return false }
        return contains { inline in
            switch inline {
            case .text(let text): return discretion.isRevealing(text)
            case .value(_, let fallback, _): return fallback.map(discretion.isRevealing) ?? false
            case .blank: return false
            case .emphasis(let children), .strong(let children), .conditional(_, let children):
                return children.fixedTextReveals(discretion)
            }
        }
    }
}
