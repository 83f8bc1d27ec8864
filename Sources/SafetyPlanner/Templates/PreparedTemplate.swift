import Synchronization

/// A template evaluated ahead, as far as it goes without a record, for one plan shape: the
/// one path every document is rendered by.
///
/// Most of a document is the same for every youth of one shape (stage, discretion, copy,
/// age band): headings, guidance, resources, fixed lists. A node of the template that reads
/// no record data (no value, no field, no data list, no `has`/`lacks` condition) is
/// evaluated once, when the shape is first met; consecutive such nodes form runs. A record
/// then evaluates only the nodes that read it, with the same `TemplateEvaluator`, and the
/// renderers write the runs and those nodes in order (`RenderBlock`), so the output is what
/// rendering the whole evaluated tree gives, byte for byte. `Template.evaluate` expands the
/// same parts into that tree.
///
/// A run's output is recorded from each state the renderer can be in before it
/// (`TextLayout.Recording`, `HTMLBuffer.Recording`) the second time the shape is rendered
/// in a format (`Template.Cache`): a batch then copies recorded bytes, while one document
/// is written live and pays nothing for recording.
final class PreparedTemplate: Sendable {
    /// The template's language and titles: not the template itself, whose cache holds
    /// this prepared template (a cycle that would keep both alive for ever).
    let language: String
    let title: String
    let discreetTitle: String
    let shape: PlanShape
    /// The parts of the body in order.
    let parts: [Part]

    /// A part of a prepared body.
    indirect enum Part: Sendable {
        /// Nodes the same for every record, written as one block.
        case fixed(FixedBlock)
        /// A section holding parts that read the record (`domain` as the tree gives it).
        case section(domain: String?, parts: [Part])
        /// A template node evaluated for each record, at `depth` inside `domain`'s section.
        case varying(TemplateNode, depth: Int, domain: PlannedDomain?)
    }

    /// Prepares `template` for plans of `prototype`'s shape; its values are never read.
    init(template: Template, prototype: Plan) {
        language = template.language
        title = template.title
        discreetTitle = template.discreetTitle
        self.shape = prototype.shape
        var evaluator = TemplateEvaluator(plan: prototype)
        parts = Self.parts(template.body, depth: 0, domain: nil, plan: prototype, evaluator: &evaluator)
    }

    private init(copying prepared: PreparedTemplate, parts: [Part]) {
        language = prepared.language
        title = prepared.title
        discreetTitle = prepared.discreetTitle
        shape = prepared.shape
        self.parts = parts
    }

    /// This template with every run's output recorded for `format`.
    func recorded(for format: OutputFormat) -> PreparedTemplate {
        func record(_ parts: [Part]) -> [Part] {
            parts.map { part in
                switch part {
                case .fixed(let block): return .fixed(block.recorded(for: format))
                case .section(let domain, let parts): return .section(domain: domain, parts: record(parts))
                case .varying: return part
                }
            }
        }
        return PreparedTemplate(copying: self, parts: record(parts))
    }

    private static func parts(
        _ nodes: [TemplateNode], depth: Int, domain: PlannedDomain?, plan: Plan, evaluator: inout TemplateEvaluator
    ) -> [Part] {
        var parts: [Part] = []
        var fixed: [DocumentNode] = []  // fixed nodes not yet made blocks
        func append(_ part: Part) {
            parts += blocks(fixed)
            fixed.removeAll()
            parts.append(part)
        }
        func section(_ sectionDomain: String?, _ body: [TemplateNode], in inner: PlannedDomain?) {
            let shown =
                plan.isDiscreet ? sectionDomain.flatMap { plan.discretion.isRevealing($0) ? nil : $0 } : sectionDomain
            let children = Self.parts(body, depth: depth + 1, domain: inner, plan: plan, evaluator: &evaluator)
            append(.section(domain: shown, parts: children))
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
                    append(.varying(node, depth: depth, domain: domain))
                }
            }
        }
        add(nodes, depth: depth, domain: domain)
        parts += blocks(fixed)
        return parts
    }

    /// Consecutive fixed nodes as blocks: each run that can be written as one
    /// (`FixedBlock.canStartRun`, `canEndRun`) one block, so a record copies one
    /// recording for it; the nodes at its ends that look at their neighbours, single.
    private static func blocks(_ run: [DocumentNode]) -> [Part] {
        var start = run.startIndex
        while start < run.endIndex && !FixedBlock.canStartRun(run[start]) { start += 1 }
        var end = run.endIndex
        while end > start && !FixedBlock.canEndRun(run[end - 1]) { end -= 1 }
        if end - start < 2 { (start, end) = (run.endIndex, run.endIndex) }
        var parts: [Part] = run[..<start].map { .fixed(FixedBlock([$0])) }
        if start < end { parts.append(.fixed(FixedBlock(Array(run[start..<end])))) }
        parts += run[end...].map { .fixed(FixedBlock([$0])) }
        return parts
    }

    /// The document for `plan`, a plan of this template's shape, as blocks to render.
    func blocks(for plan: Plan) -> [PreparedBlock] {
        precondition(plan.shape == shape, "a plan of another shape")
        var evaluator = TemplateEvaluator(plan: plan)
        return blocks(parts, evaluator: &evaluator)
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
                if shape.isDiscreet { evaluated = evaluator.plan.discretion.filtered(evaluated) }
                for node in evaluated { blocks.append(.node(node)) }
            }
        }
        return blocks
    }

    /// Renders the document for `plan` (a plan of this shape) in `format`.
    func renderBytes(_ plan: Plan, format: OutputFormat) -> [UInt8] {
        let body = blocks(for: plan)
        switch format {
        case .text(let width, let pageLength, let hasPageNumbers):
            return TextRenderer(width: width, pageLength: pageLength, hasPageNumbers: hasPageNumbers)
                .render(body, asBytes: true, pageFooter: plan.words["page-footer"]).bytes
        case .html, .pdf:
            var buffer = HTMLBuffer(capacity: 16_384)
            let renderer = HTMLRenderer()
            renderer.writeHead(
                language: language, title: title(of: body), pageFooter: plan.words["page-footer"],
                to: &buffer)
            renderer.write(body, to: &buffer)
            buffer += HTMLRenderer.pageEnd
            return buffer.bytes
        }
    }

    /// The `<title>`: the template's (`HTMLRenderer.title(of:)`), which looks at the first
    /// heading only when the template gives none.
    private func title(of body: [PreparedBlock]) -> String {
        let title = shape.isDiscreet ? discreetTitle : self.title
        let isBlank = TextLayout.collapsingWhitespace(title.sanitized).isEmpty
        return HTMLRenderer.title(
            of: DocumentTree(title: title, language: language, body: isBlank ? body.nodes : []))
    }
}

/// A node, or a run of sibling nodes, the same for every record of a prepared template,
/// with what it writes from each state the renderer can be in before it once recorded.
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
    /// What the block writes from each entry state, for one text width, when recorded.
    private let text: (width: Int, recordings: [TextLayout.Recording])?
    private let html: [HTMLBuffer.Recording]?

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

    convenience init(_ nodes: [DocumentNode]) {
        self.init(nodes, text: nil, html: nil)
    }

    private init(
        _ nodes: [DocumentNode], text: (width: Int, recordings: [TextLayout.Recording])?,
        html: [HTMLBuffer.Recording]?
    ) {
        precondition(
            nodes.count == 1 || (Self.canStartRun(nodes.first!) && Self.canEndRun(nodes.last!)),
            "a run that depends on its neighbours")
        self.nodes = nodes
        self.node = nodes.count == 1 ? nodes[0] : .section(domain: nil, children: [])
        self.leadingNode = nodes[0]
        self.text = text
        self.html = html
    }

    /// The block with its output recorded for `format`.
    func recorded(for format: OutputFormat) -> FixedBlock {
        let nodes = self.nodes
        switch format {
        case .text(let width, _, _):
            let renderer = TextRenderer(width: width)
            let recordings = TextLayout.Entry.allCases.map { entry in
                TextLayout.record(width: renderer.width, from: entry) { Self.write(nodes, to: &$0, with: renderer) }
            }
            return FixedBlock(nodes, text: (renderer.width, recordings), html: nil)
        case .html, .pdf:
            let renderer = HTMLRenderer()
            let recordings = HTMLBuffer.Entry.allCases.map { entry in
                HTMLBuffer.record(from: entry) { Self.write(nodes, to: &$0, with: renderer) }
            }
            return FixedBlock(nodes, text: nil, html: recordings)
        }
    }

    /// Writes the block: its recording for the layout's state, or its nodes when there is
    /// none that applies (not recorded, another width, or inside an indent).
    func write(to layout: inout TextLayout, with renderer: TextRenderer) {
        guard let text, layout.width == text.width, let entry = layout.entry else {
            Self.write(nodes, to: &layout, with: renderer)
            return
        }
        layout.replay(text.recordings[entry.index])
    }

    func write(to buffer: inout HTMLBuffer, with renderer: HTMLRenderer) {
        guard let html else {
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

    var node: DocumentNode {
        switch self {
        case .fixed(let block): return block.node
        case .node(let node): return node
        case .section(let domain, _): return .section(domain: domain, children: [])
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

extension [PreparedBlock] {
    /// The blocks as the document tree they stand for: runs expanded, sections whole.
    var nodes: [DocumentNode] {
        flatMap { block -> [DocumentNode] in
            switch block {
            case .fixed(let fixed): return fixed.nodes
            case .node(let node): return [node]
            case .section(let domain, let children): return [.section(domain: domain, children: children.nodes)]
            }
        }
    }
}

extension Template {
    /// The prepared templates of one compiled template by shape and format, shared by its
    /// copies and safe to use from several threads: the first document of a shape prepares
    /// it (the work one document needs anyway); the second in a format records its runs.
    final class Cache: Sendable {
        private enum Entry {
            /// Prepared, and rendered in these formats once, unrecorded.
            case prepared(PreparedTemplate, renderedOnce: [OutputFormat])
            /// Recorded for each format it was rendered in twice.
            case recorded(PreparedTemplate, byFormat: [OutputFormat: PreparedTemplate])
        }

        private let entries = Mutex<[PlanShape: Entry]>([:])

        /// The prepared template for `plan`'s shape, to render in `format` (nil: to
        /// evaluate into a tree, which records nothing).
        func prepared(_ template: Template, for plan: Plan, format: OutputFormat?) -> PreparedTemplate {
            let shape = plan.shape
            let found = entries.withLock { entries -> (PreparedTemplate, record: Bool)? in
                switch entries[shape] {
                case nil:
                    return nil
                case .prepared(let prepared, var once)?:
                    guard let format else { return (prepared, false) }
                    if once.contains(format) { return (prepared, true) }
                    once.append(format)
                    entries[shape] = .prepared(prepared, renderedOnce: once)
                    return (prepared, false)
                case .recorded(let prepared, let byFormat)?:
                    guard let format else { return (prepared, false) }
                    if let recorded = byFormat[format] { return (recorded, false) }
                    return (prepared, true)
                }
            }
            guard let (prepared, record) = found else {
                let prepared = PreparedTemplate(template: template, prototype: plan)
                entries.withLock { entries in
                    if entries[shape] == nil {
                        entries[shape] = .prepared(prepared, renderedOnce: format.map { [$0] } ?? [])
                    }
                }
                return prepared
            }
            guard record, let format else { return prepared }
            let recorded = prepared.recorded(for: format)
            entries.withLock { entries in
                var byFormat: [OutputFormat: PreparedTemplate] = [:]
                if case .recorded(_, let existing)? = entries[shape] { byFormat = existing }
                byFormat[format] = byFormat[format] ?? recorded
                entries[shape] = .recorded(prepared, byFormat: byFormat)
            }
            return recorded
        }
    }

    /// Renders the document for `plan` in `format`, through the template's prepared parts
    /// for the plan's shape.
    func renderBytes(_ plan: Plan, format: OutputFormat) -> [UInt8] {
        cache.prepared(self, for: plan, format: format).renderBytes(plan, format: format)
    }
}

extension TemplateNode {
    /// Whether evaluating the node reads the record: a value, a field, a data list or a
    /// `has`/`lacks` condition, at any depth. A node that does not evaluates the same for
    /// every record of one plan shape.
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
        case .field, .assessment:
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
