/// A template evaluated ahead, as far as it goes without a record, for one plan shape and
/// one output format: how `batch` renders many records fast.
///
/// Most of a document is the same for every youth at a stage: headings, guidance,
/// resources, fixed lists. A node of the template that reads no record data (no value,
/// no field, no data list, no `has`/`lacks` condition) is evaluated once, when the
/// template is prepared, and its output recorded from each state the renderer can be in
/// before it (`TextLayout.Recording`, `HTMLBuffer.Recording`). Rendering a record then
/// evaluates only the nodes that read it and copies the recorded bytes of the rest.
///
/// The output is the same, byte for byte, as evaluating the whole template and rendering
/// the tree (`Workspace.render`): the parts kept apart are evaluated by the same
/// `TemplateEvaluator`, and the renderers' sequence writers place separators, check lists
/// and lead-ins from the same nodes in the same order (`RenderBlock`). The tests compare
/// the two for every template, stage and format.
///
/// A plan shape is what the planner's choices depend on besides the record: the stage and
/// discretion, for a record that gives no age (`Planner.plan`). A record with an age is
/// rendered the ordinary way.
final class PreparedTemplate: Sendable {
    let template: Template
    let stage: Stage
    let isDiscreet: Bool
    let format: OutputFormat
    /// The parts of the body in order.
    let parts: [Part]
    /// For HTML, the page up to the start of the body, with the title; empty for text.
    let head: [UInt8]

    /// A part of a prepared body.
    indirect enum Part: Sendable {
        /// A node the same for every record, with its recorded output.
        case fixed(FixedBlock)
        /// A section holding parts that read the record (`domain` as the tree gives it).
        case section(domain: String?, parts: [Part])
        /// A template node evaluated for each record, at `depth` inside `domain`'s section.
        case varying(TemplateNode, depth: Int, domain: PlannedDomain?)
    }

    /// Prepares `template` for records at `stage` without an age, or returns nil when the
    /// format cannot be prepared (a page whose title would come from the record).
    ///
    /// - Parameter prototype: the planner's plan for the stage and discretion, made from
    ///   empty data: its choices are every such record's choices; its values are never read.
    init?(template: Template, prototype: Plan, format: OutputFormat) {
        self.template = template
        self.stage = prototype.stage
        self.isDiscreet = prototype.isDiscreet
        self.format = format
        switch format {
        case .text:
            head = []
        case .html, .pdf:
            let title = TextLayout.collapsingWhitespace(
                (isDiscreet ? template.discreetTitle : template.title).sanitized)
            guard !title.isEmpty else { return nil }
            var buffer = HTMLBuffer(capacity: 8192)
            HTMLRenderer().writeHead(language: template.language, title: title, to: &buffer)
            head = buffer.bytes
        }
        var evaluator = TemplateEvaluator(plan: prototype)
        parts = Self.parts(
            template.body, depth: 0, domain: nil, plan: prototype, format: format, evaluator: &evaluator)
    }

    private static func parts(
        _ nodes: [TemplateNode], depth: Int, domain: PlannedDomain?, plan: Plan, format: OutputFormat,
        evaluator: inout TemplateEvaluator
    ) -> [Part] {
        var parts: [Part] = []
        func section(_ sectionDomain: String?, _ body: [TemplateNode], in inner: PlannedDomain?) {
            let masked =
                plan.isDiscreet ? sectionDomain.flatMap { Discretion.isRevealing($0) ? nil : $0 } : sectionDomain
            let children = Self.parts(
                body, depth: depth + 1, domain: inner, plan: plan, format: format, evaluator: &evaluator)
            parts.append(.section(domain: masked, parts: children))
        }
        for node in nodes {
            guard node.readsRecord else {
                var evaluated = evaluator.blocks(node, depth: depth, in: domain)
                if plan.isDiscreet { evaluated = Discretion.masked(evaluated) }
                parts += evaluated.map { .fixed(FixedBlock($0, format: format)) }
                continue
            }
            switch node {
            case .section(let id?, let body):
                guard let planned = plan.planned(id) else { continue }
                section(planned.domain.id, body, in: planned)
            case .section(nil, let body):
                section(nil, body, in: domain)
            case .domains(let sections):
                for planned in plan.domains {
                    guard let body = sections[planned.domain] else { continue }
                    section(planned.domain.id, body, in: planned)
                }
            case .conditional(let condition, let body) where condition.has == nil && condition.lacks == nil:
                if evaluator.holds(condition, in: domain) {
                    parts += Self.parts(
                        body, depth: depth, domain: domain, plan: plan, format: format, evaluator: &evaluator)
                }
            default:
                parts.append(.varying(node, depth: depth, domain: domain))
            }
        }
        return parts
    }

    /// Renders the document for `plan`, which the planner made for a record of this
    /// template's stage and discretion without an age.
    func renderBytes(_ plan: Plan) -> [UInt8] {
        precondition(plan.stage == stage && plan.isDiscreet == isDiscreet, "a plan of another shape")
        var evaluator = TemplateEvaluator(plan: plan)
        let body = blocks(parts, evaluator: &evaluator)
        switch format {
        case .text(let width, let pageLength, let hasPageNumbers):
            return TextRenderer(width: width, pageLength: pageLength, hasPageNumbers: hasPageNumbers)
                .render(body, asBytes: true).bytes
        case .html, .pdf:
            var buffer = HTMLBuffer()
            buffer.bytes += head
            HTMLRenderer().write(body, to: &buffer)
            buffer += HTMLRenderer.pageEnd
            return buffer.bytes
        }
    }

    private func blocks(_ parts: [Part], evaluator: inout TemplateEvaluator) -> [PreparedBlock] {
        var blocks: [PreparedBlock] = []
        blocks.reserveCapacity(parts.count)
        for part in parts {
            switch part {
            case .fixed(let block):
                blocks.append(.fixed(block))
            case .section(let domain, let parts):
                blocks.append(.section(domain: domain, children: self.blocks(parts, evaluator: &evaluator)))
            case .varying(let node, let depth, let domain):
                var evaluated = evaluator.blocks(node, depth: depth, in: domain)
                if isDiscreet { evaluated = Discretion.masked(evaluated) }
                for node in evaluated { blocks.append(.node(node)) }
            }
        }
        return blocks
    }
}

/// A node the same for every record of a prepared template, with what it writes from each
/// state the renderer can be in before it, recorded once.
final class FixedBlock: Sendable {
    let node: DocumentNode
    private let text: [TextLayout.Recording]
    private let html: [HTMLBuffer.Recording]

    init(_ node: DocumentNode, format: OutputFormat) {
        self.node = node
        switch format {
        case .text(let width, _, _):
            let renderer = TextRenderer(width: width)
            text = TextLayout.Entry.allCases.map { entry in
                TextLayout.record(width: renderer.width, from: entry) { renderer.write(node, to: &$0) }
            }
            html = []
        case .html, .pdf:
            let renderer = HTMLRenderer()
            html = HTMLBuffer.Entry.allCases.map { entry in
                HTMLBuffer.record(from: entry) { renderer.write(node, to: &$0) }
            }
            text = []
        }
    }

    func write(to layout: inout TextLayout, with renderer: TextRenderer) {
        guard !text.isEmpty, layout.width == renderer.width, let entry = layout.entry,
            let index = TextLayout.Entry.allCases.firstIndex(of: entry)
        else {
            renderer.write(node, to: &layout)
            return
        }
        layout.replay(text[index])
    }

    func write(to buffer: inout HTMLBuffer, with renderer: HTMLRenderer) {
        guard !html.isEmpty, let index = HTMLBuffer.Entry.allCases.firstIndex(of: buffer.entry) else {
            renderer.write(node, to: &buffer)
            return
        }
        buffer.replay(html[index])
    }
}

/// A block of a prepared document for one record.
enum PreparedBlock: RenderBlock {
    case fixed(FixedBlock)
    case node(DocumentNode)
    case section(domain: String?, children: [PreparedBlock])

    var node: DocumentNode {
        switch self {
        case .fixed(let block): return block.node
        case .node(let node): return node
        case .section(let domain, _): return .section(domain: domain, children: [])
        }
    }

    func write(to layout: inout TextLayout, with renderer: TextRenderer) {
        switch self {
        case .fixed(let block): block.write(to: &layout, with: renderer)
        case .node(let node): renderer.write(node, to: &layout)
        case .section(_, let children): renderer.write(children, to: &layout)
        }
    }

    func write(to buffer: inout HTMLBuffer, with renderer: HTMLRenderer) {
        switch self {
        case .fixed(let block): block.write(to: &buffer, with: renderer)
        case .node(let node): renderer.write(node, to: &buffer)
        case .section(let domain, let children): renderer.writeSection(domain: domain, children: children, to: &buffer)
        }
    }
}

extension TemplateNode {
    /// Whether evaluating the node reads the record: a value, a field, a data list or a
    /// `has`/`lacks` condition, at any depth. A node that does not evaluates the same for
    /// every record with the same plan shape (stage, discretion, no age).
    var readsRecord: Bool {
        switch self {
        case .heading(let content), .paragraph(let content), .note(let content), .check(let content):
            return content.contains(where: \.readsRecord)
        case .section(_, let body):
            return body.contains(where: \.readsRecord)
        case .domains(let sections):
            return sections.values.contains { $0.contains(where: \.readsRecord) }
        case .list(let list):
            return list.path != nil || list.items.contains { $0.contains(where: \.readsRecord) }
                || list.empty.contains(where: \.readsRecord)
        case .field:
            return true
        case .conditional(let condition, let body):
            return condition.readsRecord || body.contains(where: \.readsRecord)
        case .writeIn, .pageBreak, .guidance, .resources, .stageGuide, .principles:
            return false
        }
    }
}

extension TemplateInline {
    /// Whether evaluating the inline reads the record (see `TemplateNode.readsRecord`).
    var readsRecord: Bool {
        switch self {
        case .text, .blank: return false
        case .value: return true
        case .emphasis(let children), .strong(let children): return children.contains(where: \.readsRecord)
        case .conditional(let condition, let children):
            return condition.readsRecord || children.contains(where: \.readsRecord)
        }
    }
}

extension Condition {
    /// Whether the condition looks at the record (`has`, `lacks`), not only the plan shape.
    var readsRecord: Bool { has != nil || lacks != nil }
}
