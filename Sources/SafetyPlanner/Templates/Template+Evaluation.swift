extension Template {
    /// Evaluates the template for a plan, giving the document tree to render.
    ///
    /// Evaluation cannot fail: every name was checked when the template was compiled. A
    /// value the data does not have becomes the template's default or a write-in blank,
    /// never an empty string.
    ///
    /// The tree is what every command renders: the template's prepared parts for the plan's
    /// shape (`PreparedTemplate`), with the parts that read the record evaluated for it and
    /// every fixed run expanded.
    public func evaluate(_ plan: Plan) -> DocumentTree {
        let body = cache.prepared(self, for: plan, format: nil).blocks(for: plan).nodes
        var tree = DocumentTree(title: plan.isDiscreet ? discreetTitle : title, language: language, body: body)
        tree.pageFooter = plan.words["page-footer"]
        return tree
    }
}

/// Walks compiled template nodes with the plan in hand.
struct TemplateEvaluator {
    let plan: Plan
    /// Values bound by enclosing `<list as=…>`.
    /// (A list, innermost last: there are one or two, and a list is cheaper to push to and
    /// search than a dictionary is to copy and hash.)
    private var bindings: [(name: String, value: DataValue)] = []
    /// The domain of the enclosing domain section.
    private var domain: PlannedDomain?

    init(plan: Plan) {
        self.plan = plan
    }

    /// The words the document prints outside its template.
    private var words: Words { plan.words }

    /// The width of the blank printed for a missing value without a default.
    static let missingValueWidth = 16

    mutating func blocks(_ nodes: [TemplateNode], depth: Int) -> [DocumentNode] {
        var output: [DocumentNode] = []
        for node in nodes { append(node, depth: depth, to: &output) }
        return output
    }

    /// Evaluates one node as if inside the domain section of `domain` (nil: outside any),
    /// at `depth`: how `PreparedTemplate` evaluates the parts it keeps apart.
    mutating func blocks(_ node: TemplateNode, depth: Int, in domain: PlannedDomain?) -> [DocumentNode] {
        within(domain) { $0.blocks([node], depth: depth) }
    }

    /// The value at `path` (a list binding first, then the plan's values).
    func value(at path: DataPath) -> DataValue? {
        lookup(path)
    }

    /// Binds `name` to `value` for what is evaluated until `unbind()`, as `<list as=…>`
    /// does for each element.
    mutating func bind(_ name: String, to value: DataValue) {
        bindings.append((name, value))
    }

    /// Ends the innermost binding.
    mutating func unbind() {
        bindings.removeLast()
    }

    /// Runs `body` with the evaluator inside the domain section of `domain`.
    mutating func within<T>(_ domain: PlannedDomain?, _ body: (inout TemplateEvaluator) -> T) -> T {
        guard domain != nil || self.domain != nil else { return body(&self) }
        let outer = self.domain
        self.domain = domain
        defer { self.domain = outer }
        return body(&self)
    }

    private mutating func append(_ node: TemplateNode, depth: Int, to output: inout [DocumentNode]) {
        switch node {
        case .heading(let content):
            output.append(.heading(level: min(depth + 1, 6), content: inlines(content)))
        case .paragraph(let content):
            output.append(.paragraph(inlines(content)))
        case .note(let content):
            output.append(.note(inlines(content)))
        case .check(let content):
            output.append(.checkItem(content: inlines(content), isChecked: false))
        case .section(let domain, let body):
            if let domain {
                guard let planned = plan.planned(domain) else { return }
                output.append(section(planned, body: body, depth: depth))
            } else {
                output.append(.section(domain: nil, children: blocks(body, depth: depth + 1)))
            }
        case .domains(let sections):
            for planned in plan.domains {
                guard let body = sections[planned.domain] else { continue }
                output.append(section(planned, body: body, depth: depth))
            }
        case .list(let list):
            if let constant = list.constant {
                output.append(contentsOf: constant)
            } else {
                output.append(contentsOf: self.list(list, depth: depth))
            }
        case .field(let label, let path, let lines, let isPhone):
            let value = path.flatMap(lookup).flatMap(\.text) ?? ""
            output.append(
                .field(
                    label: inlines(label), value: value.isEmpty ? [] : [isPhone ? .phone(value) : .text(value)],
                    lines: lines))
        case .writeIn(let lines):
            output.append(.writeIn(lines: lines))
        case .conditional(let condition, let body):
            if holds(condition) {
                for child in body { append(child, depth: depth, to: &output) }
            }
        case .guidance(let domainID, let audience, let limit):
            let items = guidance(domainID, audience: audience).prefix(limit ?? .max)
            guard !items.isEmpty else { return }
            output.append(
                .list(
                    ordered: false,
                    items: items.map { item in
                        var content: [Inline] = [.text(item.text)]
                        if let source = item.source, audience == .provider {
                            content.append(.emphasis([.text(" (\(source))")]))
                        }
                        return [.paragraph(content)]
                    }))
        case .resources(let domainID, let audience, let kind, let label, let detail):
            var resources = domainID.map { id in plan.resources.filter { $0.domains.contains(id) } } ?? plan.resources
            if let kind { resources = resources.filter { $0.kind == kind } }
            guard !resources.isEmpty else { return }
            output.append(
                .list(
                    ordered: false,
                    items: resources.map {
                        [.paragraph(resourceLine($0, audience: audience, label: label, detail: detail))]
                    }))
        case .stageGuide(.brief):
            output.append(
                .list(
                    ordered: false,
                    items: plan.stageGuide.map { info in
                        [
                            .paragraph([
                                .strong([.text(info.name + ".")]),
                                .text(" \(words["signs-inline"]) " + info.signs.joined(separator: " ") + " "),
                                .strong([.text(words["what-helps"])]), .text(" " + info.response),
                            ])
                        ]
                    }))
        case .stageGuide(.full):
            for info in plan.stageGuide {
                output.append(.heading(level: min(depth + 2, 6), content: [.text(info.name)]))
                output.append(.paragraph([.strong([.text(words["signs"])])]))
                output.append(.list(ordered: false, items: info.signs.map { [.paragraph([.text($0)])] }))
                output.append(.paragraph([.strong([.text(words["what-helps"])]), .text(" " + info.response)]))
            }
        case .principles(let detail):
            // A list per group. Full: each principle with what it means and what that means
            // in a plan. Brief: each principle's name in bold and what it means.
            var groups: [(name: String, principles: [Principle])] = []
            for principle in plan.principles {
                if groups.last?.principles.first?.group == principle.group {
                    groups[groups.count - 1].principles.append(principle)
                } else {
                    groups.append((principle.groupName, [principle]))
                }
            }
            for group in groups {
                output.append(.heading(level: min(depth + 2, 6), content: [.text(group.name)]))
                switch detail {
                case .full:
                    output.append(
                        .list(
                            ordered: false,
                            items: group.principles.map { principle in
                                [
                                    .paragraph([
                                        .strong([.text(principle.name + ":")]),
                                        .text(" " + principle.meaning + " \(words["in-a-plan"]) " + principle.inPlan),
                                    ])
                                ]
                            }))
                case .brief:
                    output.append(
                        .list(
                            ordered: false,
                            items: group.principles.map { principle in
                                [.paragraph([.strong([.text(principle.name + ":")]), .text(" " + principle.meaning)])]
                            }))
                }
            }
        case .assessment(let part):
            output.append(contentsOf: assessmentBlocks(part, depth: depth))
        case .pageBreak:
            output.append(.pageBreak)
        }
    }

    private mutating func section(_ planned: PlannedDomain, body: [TemplateNode], depth: Int) -> DocumentNode {
        let outer = domain
        domain = planned
        defer { domain = outer }
        return .section(domain: planned.domain.id, children: blocks(body, depth: depth + 1))
    }

    private func guidance(_ id: Domain?, audience: Audience) -> [GuidanceItem] {
        let id = id ?? domain?.domain
        guard let id else { return [] }
        if let planned = plan.planned(id) {
            return audience == .youth ? planned.youthGuidance : planned.providerGuidance
        }
        return []
    }

    /// One resource as a line: its name, how to reach it, and what it is for.
    ///
    /// A discreet plan, or `label="neutral"`, names the resource by its neutral name and
    /// leaves out its web address (`humantraffickinghotline.org`); a discreet plan also
    /// leaves out a description that would reveal what the plan is about. `detail="brief"` prints the name and how to reach it
    /// (the numbers, or the web address when there is none), with the place for helpers.
    private func resourceLine(_ resource: Resource, audience: Audience, label: ResourceLabel, detail: Detail)
        -> [Inline]
    {
        let isNeutral = plan.isDiscreet || label == .neutral
        // A line whose name is its number (911) is printed once, as the number, which
        // reveals nothing, so it keeps it even when neutral.
        let nameIsNumber = resource.call == resource.name
        let name = isNeutral && !nameIsNumber ? resource.discreetName : resource.name
        var line: [Inline] = [.strong([nameIsNumber ? .phone(name) : .text(name)])]
        var ways: [Inline] = []
        let callDigits = resource.call.map(Self.digits)
        if let call = resource.call, call != resource.name {
            let alsoText = resource.textNumber.map(Self.digits) == callDigits
            ways += [.text(words[alsoText ? "call-or-text" : "call"] + " "), .phone(call)]
        }
        if let number = resource.textNumber, Self.digits(number) != callDigits {
            if !ways.isEmpty { ways.append(.text(", ")) }
            ways += [.text(words["text"] + " "), .phone(number, link: .text)]
        }
        if !ways.isEmpty { line += [.text(": ")] + ways }
        // Brief: the web address only when there is no number, and the place in brackets.
        if !isNeutral, detail == .full || ways.isEmpty, let web = resource.web {
            line += [.text(ways.isEmpty ? ": " : ", "), .address(web)]
        }
        if !plan.isDiscreet, detail == .brief, audience == .provider, let location = resource.location {
            line.append(.text(" (\(location))"))
        }
        line.append(.text("."))
        let description: String
        switch audience {
        case .youth:
            description = resource.youth ?? resource.offers
        case .provider:
            description = [resource.offers, resource.location.map { "\(words["where"]) \($0)." }].compactMap { $0 }
                .joined(
                    separator: " ")
        }
        // Brief keeps the description only when the name is all there is (911).
        let isBare = ways.isEmpty && (isNeutral || resource.web == nil)
        // A discreet plan keeps a description that reveals nothing ("Call 911 if you are in
        // danger right now."): the youth still learns when each line can help.
        let mayDescribe = !plan.isDiscreet || (audience == .youth && !plan.discretion.isRevealing(description))
        if mayDescribe, detail == .full || isBare { line.append(.text(" " + description)) }
        return line
    }

    private static func digits(_ text: String) -> String {
        String(text.filter(\.isASCII).filter(\.isNumber))
    }

    private mutating func list(_ list: ListTemplate, depth: Int) -> [DocumentNode] {
        var bodies: [[DocumentNode]] = []
        if let path = list.path {
            let elements = lookup(path)?.elements ?? []
            if elements.isEmpty { return blocks(list.empty, depth: depth) }
            let name = list.binding!
            bindings.append((name, .list([])))
            bodies.reserveCapacity(elements.count)
            for element in elements {
                bindings[bindings.count - 1].value = element
                bodies.append(blocks(list.items[0], depth: depth))
            }
            bindings.removeLast()
        } else {
            bodies = list.items.map { blocks($0, depth: depth) }
        }
        switch list.style {
        case .bullet: return [.list(ordered: false, items: bodies)]
        case .number: return [.list(ordered: true, items: bodies)]
        case .check:
            return bodies.map { body in
                if body.count == 1, case .paragraph(let content) = body[0] {
                    return .checkItem(content: content, isChecked: false)
                }
                return .checkItem(content: body.flatMap(Self.inlineText), isChecked: false)
            }
        }
    }

    /// A list that depends on nothing (`ListTemplate.constant`), evaluated once.
    static func constantList(_ list: ListTemplate) -> [DocumentNode] {
        var evaluator = TemplateEvaluator(
            plan: Plan(
                shape: PlanShape(stage: .action), domains: [], resources: [], stageGuide: [], principles: [],
                values: .record([:]), discretion: .empty))
        return evaluator.list(list, depth: 0)
    }

    private static func inlineText(_ node: DocumentNode) -> [Inline] {
        if case .paragraph(let content) = node { return content }
        return []
    }

    private func inlines(_ parts: [TemplateInline]) -> [Inline] {
        var output: [Inline] = []
        output.reserveCapacity(parts.count)
        for part in parts { appendInline(part, to: &output) }
        return output
    }

    private func appendInline(_ part: TemplateInline, to output: inout [Inline]) {
        switch part {
        case .text(let text):
            output.append(.text(text))
        case .emphasis(let children):
            output.append(.emphasis(inlines(children)))
        case .strong(let children):
            output.append(.strong(inlines(children)))
        case .value(let path, let fallback, let isPhone):
            if let text = lookup(path)?.text, !text.isEmpty {
                output.append(isPhone ? .phone(text) : .text(text))
            } else if let fallback {
                output.append(.text(fallback))
            } else {
                output.append(.blank(width: Self.missingValueWidth))
            }
        case .blank(let width):
            output.append(.blank(width: width))
        case .conditional(let condition, let children):
            if holds(condition) {
                for child in children { appendInline(child, to: &output) }
            }
        }
    }

    /// Whether `condition` holds, within the domain the evaluator is in (see `within`).
    func holds(_ condition: Condition) -> Bool {
        if let stages = condition.stages, !stages.contains(plan.stage) { return false }
        if let path = condition.has, lookup(path)?.isPresent != true { return false }
        if let path = condition.lacks, lookup(path)?.isPresent == true { return false }
        if let emphases = condition.emphasis {
            guard let domain, emphases.contains(domain.emphasis) else { return false }
        }
        if let isDiscreet = condition.isDiscreet, isDiscreet != plan.isDiscreet { return false }
        if let copy = condition.copy, copy != plan.copy { return false }
        if let paths = condition.hasAny, !paths.contains(where: { lookup($0)?.isPresent == true }) { return false }
        return true
    }

    /// The value at a path: a list binding first, then the plan's values.
    private func lookup(_ path: DataPath) -> DataValue? {
        guard let first = path.components.first else { return nil }
        var value = bindings.last(where: { $0.name == first })?.value ?? plan.values[first]
        for component in path.components.dropFirst() {
            value = value?[component]
        }
        return value
    }
}
