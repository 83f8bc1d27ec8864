/// A template evaluated ahead, as far as it goes without a record, for one plan shape and
/// one output format: how `batch` renders many records fast.
///
/// Most of a document is the same for every youth at a stage: headings, guidance,
/// resources, fixed lists. A node of the template that reads no record data (no value,
/// no field, no data list, no `has`/`lacks` condition) is evaluated once, when the
/// template is prepared, and its output recorded from each state the renderer can be in
/// before it (`TextLayout.Recording`, `HTMLBuffer.Recording`). Rendering a record then
/// handles only the nodes that read it and copies the recorded bytes of the rest: the
/// common shapes (a paragraph or heading with values, a data list of one-paragraph items)
/// are written straight into the output (`EmittedPart`), others are evaluated into nodes.
///
/// The output is the same, byte for byte, as evaluating the whole template and rendering
/// the tree (`Workspace.render`): nodes are evaluated by the same `TemplateEvaluator`,
/// emitted parts write what the renderers write for the nodes they stand for, and the
/// renderers' sequence writers place separators, check lists and lead-ins from the same
/// kinds of node in the same order (`RenderBlock`). `PreparedTemplateTests` compares the
/// two for every template, stage, discretion and format on generated records.
///
/// A plan shape is what the planner's choices depend on besides the record: the stage and
/// discretion, for a record that gives no age (`Planner.plan`). A record with an age is
/// rendered the ordinary way.
final class PreparedTemplate: Sendable {
    let template: Template
    let stage: Stage
    let isDiscreet: Bool
    let copy: DocumentCopy
    let discretion: DiscretionPolicy
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
        /// A template node of a common shape written straight for each record (`EmittedPart`).
        case emitted(EmittedNode)
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
        self.copy = prototype.copy
        self.discretion = prototype.discretion
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
        var fixed: [DocumentNode] = []  // fixed nodes not yet made blocks
        func append(_ part: Part) {
            parts += blocks(fixed, format: format)
            fixed.removeAll()
            parts.append(part)
        }
        func section(_ sectionDomain: String?, _ body: [TemplateNode], in inner: PlannedDomain?) {
            let masked =
                plan.isDiscreet ? sectionDomain.flatMap { plan.discretion.isRevealing($0) ? nil : $0 } : sectionDomain
            let children = Self.parts(
                body, depth: depth + 1, domain: inner, plan: plan, format: format, evaluator: &evaluator)
            append(.section(domain: masked, parts: children))
        }
        func add(_ nodes: [TemplateNode], depth: Int, domain: PlannedDomain?) {
            for node in nodes {
                guard node.readsRecord else {
                    let evaluated = evaluator.blocks(node, depth: depth, in: domain)
                    fixed += plan.isDiscreet ? plan.discretion.filtered(evaluated) : evaluated
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
                case .conditional(let condition, let body) where !condition.readsRecord:
                    if evaluator.within(domain, { $0.holds(condition) }) { add(body, depth: depth, domain: domain) }
                default:
                    if let emitted = EmittedPart(
                        node, depth: depth, discretion: plan.isDiscreet ? plan.discretion : nil)
                    {
                        append(.emitted(EmittedNode(part: emitted, depth: depth, domain: domain)))
                    } else {
                        append(.varying(node, depth: depth, domain: domain))
                    }
                }
            }
        }
        add(nodes, depth: depth, domain: domain)
        parts += blocks(fixed, format: format)
        return parts
    }

    /// Consecutive fixed nodes as blocks: each run that can be written as one
    /// (`FixedBlock.canStartRun`, `canEndRun`) one block, so a record copies one
    /// recording for it; the nodes at its ends that look at their neighbours, single.
    private static func blocks(_ run: [DocumentNode], format: OutputFormat) -> [Part] {
        var start = run.startIndex
        while start < run.endIndex && !FixedBlock.canStartRun(run[start]) { start += 1 }
        var end = run.endIndex
        while end > start && !FixedBlock.canEndRun(run[end - 1]) { end -= 1 }
        if end - start < 2 { (start, end) = (run.endIndex, run.endIndex) }
        var parts: [Part] = run[..<start].map { .fixed(FixedBlock([$0], format: format)) }
        if start < end { parts.append(.fixed(FixedBlock(Array(run[start..<end]), format: format))) }
        parts += run[end...].map { .fixed(FixedBlock([$0], format: format)) }
        return parts
    }

    /// Renders the document for `plan`, which the planner made for a record of this
    /// template's stage and discretion without an age.
    func renderBytes(_ plan: Plan) -> [UInt8] {
        precondition(
            plan.stage == stage && plan.isDiscreet == isDiscreet && plan.copy == copy, "a plan of another shape")
        let context = RecordContext(TemplateEvaluator(plan: plan))
        let body = blocks(parts, context: context)
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

    private func blocks(_ parts: [Part], context: RecordContext) -> [PreparedBlock] {
        var blocks: [PreparedBlock] = []
        blocks.reserveCapacity(parts.count)
        func evaluate(_ node: TemplateNode, depth: Int, domain: PlannedDomain?) {
            var evaluated = context.evaluator.blocks(node, depth: depth, in: domain)
            if isDiscreet { evaluated = discretion.filtered(evaluated) }
            for node in evaluated { blocks.append(.node(node)) }
        }
        for part in parts {
            switch part {
            case .fixed(let block):
                blocks.append(.fixed(block))
            case .section(let domain, let parts):
                blocks.append(.section(domain: domain, children: self.blocks(parts, context: context)))
            case .varying(let node, let depth, let domain):
                evaluate(node, depth: depth, domain: domain)
            case .emitted(let emitted):
                var isVisible = true
                var elements: [DataValue] = []
                switch emitted.part {
                case .paragraph(let program):
                    isVisible = context.evaluator.within(emitted.domain) { program.isVisible(&$0) }
                case .heading:
                    break
                case .list(let path, _, _, _, let empty):
                    elements = context.evaluator.value(at: path)?.elements ?? []
                    if elements.isEmpty {
                        for node in empty { evaluate(node, depth: emitted.depth, domain: emitted.domain) }
                        continue
                    }
                }
                blocks.append(
                    .emitted(EmittedBlock(emitted: emitted, context: context, isVisible: isVisible, elements: elements))
                )
            }
        }
        return blocks
    }
}

/// A node, or a run of sibling nodes, the same for every record of a prepared template,
/// with what it writes from each state the renderer can be in before it, recorded once.
///
/// A run is written as its nodes are by the sequence writers, with the state of their loop
/// starting afresh: so its first node may not be a check item (it would join the check
/// items before it) or a write-in (the lead-in before it waits for it), and its last may
/// not be a check item or a paragraph (which look at what follows them). To the blocks
/// around it a run is a transparent block (a section without a tag, `node`) that begins
/// with its first node (`leadingNode`).
final class FixedBlock: Sendable {
    let nodes: [DocumentNode]
    let node: DocumentNode
    let leadingNode: DocumentNode
    private let text: [TextLayout.Recording]
    private let html: [HTMLBuffer.Recording]

    static func canStartRun(_ node: DocumentNode) -> Bool {
        switch node {
        case .checkItem, .writeIn: return false
        default: return true
        }
    }

    static func canEndRun(_ node: DocumentNode) -> Bool {
        switch node {
        case .checkItem, .paragraph: return false
        default: return true
        }
    }

    init(_ nodes: [DocumentNode], format: OutputFormat) {
        precondition(
            nodes.count == 1 || (Self.canStartRun(nodes.first!) && Self.canEndRun(nodes.last!)),
            "a run that depends on its neighbours")
        self.nodes = nodes
        self.node = nodes.count == 1 ? nodes[0] : .section(domain: nil, children: [])
        self.leadingNode = nodes[0]
        switch format {
        case .text(let width, _, _):
            let renderer = TextRenderer(width: width)
            text = TextLayout.Entry.allCases.map { entry in
                TextLayout.record(width: renderer.width, from: entry) { Self.write(nodes, to: &$0, with: renderer) }
            }
            html = []
        case .html, .pdf:
            let renderer = HTMLRenderer()
            html = HTMLBuffer.Entry.allCases.map { entry in
                HTMLBuffer.record(from: entry) { Self.write(nodes, to: &$0, with: renderer) }
            }
            text = []
        }
    }

    /// Writes the block: its recording for the layout's state, or its nodes when there is
    /// none that applies (another format or width, or inside an indent).
    func write(to layout: inout TextLayout, with renderer: TextRenderer) {
        guard !text.isEmpty, layout.width == renderer.width, let entry = layout.entry else {
            Self.write(nodes, to: &layout, with: renderer)
            return
        }
        layout.replay(text[entry.index])
    }

    func write(to buffer: inout HTMLBuffer, with renderer: HTMLRenderer) {
        guard !html.isEmpty else {
            Self.write(nodes, to: &buffer, with: renderer)
            return
        }
        buffer.replay(html[buffer.entry.index])
    }

    /// What the block's nodes write: a single node as itself, a run as a sequence.
    private static func write(_ nodes: [DocumentNode], to layout: inout TextLayout, with renderer: TextRenderer) {
        if nodes.count == 1 { renderer.write(nodes[0], to: &layout) } else { renderer.write(nodes, to: &layout) }
    }

    private static func write(_ nodes: [DocumentNode], to buffer: inout HTMLBuffer, with renderer: HTMLRenderer) {
        if nodes.count == 1 { renderer.write(nodes[0], to: &buffer) } else { renderer.write(nodes, to: &buffer) }
    }
}

/// A block of a prepared document for one record.
enum PreparedBlock: RenderBlock {
    case fixed(FixedBlock)
    case node(DocumentNode)
    case section(domain: String?, children: [PreparedBlock])
    case emitted(EmittedBlock)

    var node: DocumentNode {
        switch self {
        case .fixed(let block): return block.node
        case .node(let node): return node
        case .section(let domain, _): return .section(domain: domain, children: [])
        case .emitted(let block): return block.node
        }
    }

    var leadingNode: DocumentNode {
        if case .fixed(let block) = self { return block.leadingNode }
        return node
    }

    func write(to layout: inout TextLayout, with renderer: TextRenderer) {
        switch self {
        case .fixed(let block): block.write(to: &layout, with: renderer)
        case .node(let node): renderer.write(node, to: &layout)
        case .section(_, let children): renderer.write(children, to: &layout)
        case .emitted(let block): block.write(to: &layout, with: renderer)
        }
    }

    func write(to buffer: inout HTMLBuffer, with renderer: HTMLRenderer) {
        switch self {
        case .fixed(let block): block.write(to: &buffer, with: renderer)
        case .node(let node): renderer.write(node, to: &buffer)
        case .section(let domain, let children): renderer.writeSection(domain: domain, children: children, to: &buffer)
        case .emitted(let block): block.write(to: &buffer)
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
    /// Whether the condition looks at the record (`has`, `has-any`, `lacks`), not only the
    /// plan shape (stage, discretion, copy).
    var readsRecord: Bool { has != nil || lacks != nil || hasAny != nil }
}
