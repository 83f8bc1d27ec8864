import SafeXML
import Synchronization

extension Template {
    /// Compiles the template `name` (the file `name.xml`) from a library.
    ///
    /// - Parameters:
    ///   - name: the template's name, without `.xml`.
    ///   - library: where the template and its includes are found.
    ///   - schema: the RELAX NG schema every template file must also satisfy.
    /// - Throws: `TemplateError` at the first problem, located in the file at fault.
    public static func compile(
        named name: String, from library: TemplateLibrary, schema: RelaxNGSchema?
    ) throws(TemplateError) -> Template {
        guard let file = library.file(named: name + ".xml") else {
            throw TemplateError(.unknownTemplate(name), at: SourceLocation(file: name, line: 1, column: 1))
        }
        var compiler = TemplateCompiler(library: library, schema: schema)
        return try compiler.compileTemplate(file, name: name)
    }

    /// As `compile(named:from:schema:)`, parsing each file once across calls that share `files`.
    static func compile(
        named name: String, from library: TemplateLibrary, schema: RelaxNGSchema?, files: ParsedFiles
    ) throws(TemplateError) -> Template {
        guard let file = library.file(named: name + ".xml") else {
            throw TemplateError(.unknownTemplate(name), at: SourceLocation(file: name, line: 1, column: 1))
        }
        var compiler = TemplateCompiler(library: library, schema: schema, files: files)
        return try compiler.compileTemplate(file, name: name)
    }
}

/// Files parsed (and validated) while compiling, by display name: a file included many
/// times, or by many templates under `check`, is parsed once. A file that failed is not
/// kept, so it fails again with the same error.
final class ParsedFiles: Sendable {
    private let roots = Mutex<[String: Element]>([:])
    private let validated = Mutex<Set<String>>([])

    func root(of name: String) -> Element? { roots.withLock { $0[name] } }
    func keep(_ root: Element, of name: String) { roots.withLock { $0[name] = root } }
    /// True the first time it is asked about `name`.
    func isFirstValidation(of name: String) -> Bool { validated.withLock { $0.insert(name).inserted } }
}

/// Turns template XML into `TemplateNode` values, checking every name as it goes.
struct TemplateCompiler {
    let library: TemplateLibrary
    let schema: RelaxNGSchema?
    /// Files being compiled, outermost first, to refuse include cycles.
    private var includeStack: [String] = []
    /// Parsed and validated files, so a file included many times is read once.
    let files: ParsedFiles
    /// How deep the element being compiled is, counting included files, and how many
    /// elements the template has so far with every include expanded: both are bounded,
    /// so no template can exhaust the stack or the time of a run.
    private var nesting = 0
    private var elementCount = 0

    /// Includes nested deeper than this are an error (the bundled set uses 2).
    static let maximumIncludeDepth = 64
    /// Elements nested deeper than this, counting included files, are an error.
    static let maximumNesting = 256
    /// A template larger than this many elements once its includes are expanded is an
    /// error (the bundled plan has 166).
    static let maximumElements = 10_000

    init(library: TemplateLibrary, schema: RelaxNGSchema?, files: ParsedFiles = ParsedFiles()) {
        self.library = library
        self.schema = schema
        self.files = files
    }

    /// Counts an element entered, and refuses one too deep or one too many.
    private mutating func enter(_ element: Element) throws(TemplateError) {
        nesting += 1
        elementCount += 1
        if nesting > Self.maximumNesting {
            throw TemplateError(.nestedTooDeep(limit: Self.maximumNesting), at: element.location)
        }
        if elementCount > Self.maximumElements {
            throw TemplateError(.expandsTooLarge(limit: Self.maximumElements), at: element.location)
        }
    }

    /// What names mean where an element is compiled.
    struct Scope {
        /// Data shapes by their first path component: top-level keys, `plan`, bindings.
        var names: [String: DataShape]
        /// The domain of the enclosing `<section domain=…>`, if any.
        var domain: Domain?
    }

    mutating func compileTemplate(_ file: TemplateLibrary.File, name: String) throws(TemplateError) -> Template {
        let root = try parse(file)
        guard root.name == "template" else {
            throw TemplateError(
                .misplaced(element: root.name, reason: "cannot be the root of a template; use <template>"),
                at: root.location)
        }
        try checkAttributes(
            root, allowed: ["name", "title", "discreet-title", "lang", "kind", "stage", "audience"],
            required: ["title"])
        if let declared = root.attribute("name"), declared != name {
            throw TemplateError(
                .invalidValue(attribute: "name", element: "template", expected: "the file's name, '\(name)'"),
                at: root.location)
        }
        let kind: Template.Kind =
            try parseChoice(root, "kind", expected: "plan, form, handout, card or assessment") ?? .plan
        let audience: Audience = try parseChoice(root, "audience", expected: "youth or provider") ?? .youth
        let stage = try root.attribute("stage").map { text throws(TemplateError) -> Stage in
            guard let stage = Stage(rawValue: text) else {
                throw TemplateError(.unknownStage(text), at: root.location)
            }
            return stage
        }
        includeStack = [name + ".xml"]
        let scope = Scope(names: Self.rootNames, domain: nil)
        let body = try compileBlocks(root, scope: scope)
        try validate(file)
        let title = root.attribute("title")!
        return Template(
            name: name, title: title, discreetTitle: root.attribute("discreet-title") ?? "My plan",
            language: root.attribute("lang") ?? "en", kind: kind, audience: audience, stage: stage, body: body)
    }

    /// The shapes visible at the top of every template: the data file's keys and `plan`.
    static let rootNames: [String: DataShape] = {
        var names: [String: DataShape] = [:]
        if case .record(let fields) = DataShape.planData {
            for field in fields { names[field.name] = field.shape }
        }
        names["plan"] = PlanValues.shape
        return names
    }()

    // MARK: Files

    private func parse(_ file: TemplateLibrary.File) throws(TemplateError) -> Element {
        if let root = files.root(of: file.displayName) { return root }
        let document: Document
        do {
            document = try Document.parse(file.bytes, file: file.displayName, maxBytes: library.maximumBytes)
        } catch {
            throw TemplateError(error)
        }
        try checkNamespace(document.root)
        files.keep(document.root, of: file.displayName)
        return document.root
    }

    /// Checks a file against the template schema, after the compiler's own, more precise
    /// checks have passed: the schema is a second line of defence, not the first message.
    private func validate(_ file: TemplateLibrary.File) throws(TemplateError) {
        guard let schema, files.isFirstValidation(of: file.displayName) else { return }
        if let first = Document.diagnose(
            file.bytes, file: file.displayName, schema: schema, maxBytes: library.maximumBytes
        ).first {
            throw TemplateError(first)
        }
    }

    private func checkNamespace(_ element: Element) throws(TemplateError) {
        guard element.namespace == Template.namespace else {
            throw TemplateError(
                .wrongNamespace(element: element.name, expected: Template.namespace), at: element.location)
        }
        for child in element.elements { try checkNamespace(child) }
    }

    // MARK: Blocks

    mutating func compileBlocks(_ parent: Element, scope: Scope) throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        for child in parent.children {
            switch child {
            case .text(let text):
                guard text.allSatisfy(\.isWhitespace) else {
                    throw TemplateError(
                        .misplaced(element: parent.name, reason: "holds blocks; put its text inside <p>"),
                        at: parent.location)
                }
            case .element(let element):
                nodes.append(contentsOf: try compileBlock(element, parent: parent, scope: scope))
            }
        }
        return nodes
    }

    private mutating func compileBlock(_ element: Element, parent: Element, scope: Scope) throws(TemplateError)
        -> [TemplateNode]
    {
        try enter(element)
        defer { nesting -= 1 }
        return try compileBlockElement(element, parent: parent, scope: scope)
    }

    private mutating func compileBlockElement(_ element: Element, parent: Element, scope: Scope)
        throws(TemplateError) -> [TemplateNode]
    {
        switch element.name {
        case "heading", "p", "note", "check":
            try checkAttributes(element, allowed: [], required: [])
            let content = try compileInlines(element, scope: scope)
            switch element.name {
            case "heading": return [.heading(content)]
            case "p": return [.paragraph(content)]
            case "note": return [.note(content)]
            default: return [.check(content)]
            }
        case "section":
            try checkAttributes(element, allowed: ["domain"], required: [])
            var inner = scope
            var domain: Domain?
            if let text = element.attribute("domain") {
                domain = try parseDomain(text, at: element)
                inner.domain = domain
            }
            return [.section(domain: domain, body: try compileBlocks(element, scope: inner))]
        case "domains":
            try checkAttributes(element, allowed: [], required: [])
            return [try compileDomains(element, scope: scope)]
        case "list":
            return [.list(try compileList(element, scope: scope))]
        case "field":
            try checkAttributes(element, allowed: ["label", "of", "lines", "format"], required: ["label"])
            var path: DataPath?
            if let of = element.attribute("of") {
                path = try resolveValuePath(of, at: element, scope: scope)
            }
            let lines = try parseCount(element, attribute: "lines", default: 1, range: 1...20)
            var isPhone = false
            if let format = element.attribute("format") {
                guard format == "phone" else {
                    throw TemplateError(
                        .invalidValue(attribute: "format", element: "field", expected: "phone"), at: element.location)
                }
                isPhone = true
            }
            return [.field(label: [.text(element.attribute("label")!)], path: path, lines: lines, isPhone: isPhone)]
        case "write-in":
            try checkAttributes(element, allowed: ["lines"], required: [])
            try requireEmpty(element)
            return [.writeIn(lines: try parseCount(element, attribute: "lines", default: 1, range: 1...40))]
        case "if":
            let condition = try compileCondition(element, scope: scope)
            return [.conditional(condition, try compileBlocks(element, scope: scope))]
        case "guidance":
            try checkAttributes(element, allowed: ["domain", "audience", "limit"], required: ["audience"])
            try requireEmpty(element)
            let domain = try optionalDomain(element, scope: scope)
            let audience = try parseAudience(element)
            let limit =
                element.attribute("limit") == nil
                ? nil : try parseCount(element, attribute: "limit", default: 1, range: 1...50)
            return [.guidance(domain: domain, audience: audience, limit: limit)]
        case "resources":
            try checkAttributes(
                element, allowed: ["domain", "audience", "kind", "label", "detail"], required: ["audience"])
            try requireEmpty(element)
            var domain: Domain?
            if let text = element.attribute("domain") { domain = try parseDomain(text, at: element) }
            let kind: Resource.Kind? = try parseChoice(element, "kind", expected: "line or organisation")
            let label: ResourceLabel = try parseChoice(element, "label", expected: "name or neutral") ?? .name
            return [
                .resources(
                    domain: domain, audience: try parseAudience(element), kind: kind, label: label,
                    detail: try parseDetail(element))
            ]
        case "stage-guide":
            try checkAttributes(element, allowed: ["detail"], required: [])
            try requireEmpty(element)
            return [.stageGuide(detail: try parseDetail(element))]
        case "principles":
            try checkAttributes(element, allowed: ["detail"], required: [])
            try requireEmpty(element)
            return [.principles(detail: try parseDetail(element))]
        case "assessment":
            try checkAttributes(element, allowed: ["part"], required: ["part"])
            try requireEmpty(element)
            let expected = AssessmentPart.allCases.map(\.rawValue).joined(separator: ", ")
            guard let part: AssessmentPart = try parseChoice(element, "part", expected: expected) else {
                throw TemplateError(.missingAttribute(name: "part", element: "assessment"), at: element.location)
            }
            return [.assessment(part)]
        case "page-break":
            try checkAttributes(element, allowed: [], required: [])
            try requireEmpty(element)
            return [.pageBreak]
        case "include":
            try checkAttributes(element, allowed: ["name"], required: ["name"])
            try requireEmpty(element)
            return try compileInclude(element, scope: scope)
        default:
            throw TemplateError(.unknownElement(name: element.name, parent: parent.name), at: element.location)
        }
    }

    private mutating func compileDomains(_ element: Element, scope: Scope) throws(TemplateError) -> TemplateNode {
        var sections: [Domain: [TemplateNode]] = [:]
        for child in element.children {
            switch child {
            case .text(let text):
                guard text.allSatisfy(\.isWhitespace) else {
                    throw TemplateError(
                        .misplaced(element: "domains", reason: "holds only <section domain=…>"), at: element.location)
                }
            case .element(let section):
                guard section.name == "section", let text = section.attribute("domain") else {
                    throw TemplateError(
                        .misplaced(element: section.name, reason: "cannot be inside <domains>; use <section domain=…>"),
                        at: section.location)
                }
                try checkAttributes(section, allowed: ["domain"], required: [])
                let domain = try parseDomain(text, at: section)
                guard sections[domain] == nil else {
                    throw TemplateError(
                        .misplaced(element: "section", reason: "repeats the domain '\(domain.id)' inside <domains>"),
                        at: section.location)
                }
                var inner = scope
                inner.domain = domain
                sections[domain] = try compileBlocks(section, scope: inner)
            }
        }
        return .domains(sections)
    }

    private mutating func compileList(_ element: Element, scope: Scope) throws(TemplateError) -> ListTemplate {
        try checkAttributes(element, allowed: ["of", "as", "style"], required: [])
        let style: ListTemplate.Style =
            try parseChoice(element, "style", expected: "bullet, number or check") ?? .bullet
        var itemScope = scope
        var path: DataPath?
        let binding = element.attribute("as")
        if let of = element.attribute("of") {
            let (resolved, shape) = try resolve(of, at: element, scope: scope)
            guard case .list(let elementShape) = shape else {
                throw TemplateError(
                    .invalidValue(attribute: "of", element: "list", expected: "a list in the data"),
                    at: element.location)
            }
            guard let binding else {
                throw TemplateError(.missingAttribute(name: "as", element: "list"), at: element.location)
            }
            guard Self.isName(binding), Self.rootNames[binding] == nil else {
                throw TemplateError(
                    .invalidValue(
                        attribute: "as", element: "list", expected: "a new name made of letters (not a data key)"),
                    at: element.location)
            }
            path = resolved
            itemScope.names[binding] = elementShape
        } else if binding != nil {
            throw TemplateError(.misplaced(element: "list", reason: "has 'as' without 'of'"), at: element.location)
        }
        var items: [[TemplateNode]] = []
        var empty: [TemplateNode] = []
        var sawEmpty = false
        for child in element.children {
            switch child {
            case .text(let text):
                guard text.allSatisfy(\.isWhitespace) else {
                    throw TemplateError(
                        .misplaced(element: "list", reason: "holds only <item> and <empty>"), at: element.location)
                }
            case .element(let child) where child.name == "item":
                try checkAttributes(child, allowed: [], required: [])
                items.append(try compileItem(child, scope: itemScope))
            case .element(let child) where child.name == "empty":
                try checkAttributes(child, allowed: [], required: [])
                guard path != nil else {
                    throw TemplateError(
                        .misplaced(element: "empty", reason: "is only for a list with 'of'"), at: child.location)
                }
                guard !sawEmpty else {
                    throw TemplateError(
                        .misplaced(element: "empty", reason: "appears twice in one <list>"), at: child.location)
                }
                sawEmpty = true
                empty = try compileBlocks(child, scope: scope)
            case .element(let child):
                throw TemplateError(.unknownElement(name: child.name, parent: "list"), at: child.location)
            }
        }
        if path != nil, items.count != 1 {
            throw TemplateError(
                .misplaced(element: "list", reason: "with 'of' needs exactly one <item>"), at: element.location)
        }
        if path == nil, items.isEmpty {
            throw TemplateError(.misplaced(element: "list", reason: "needs at least one <item>"), at: element.location)
        }
        return ListTemplate(path: path, binding: binding, style: style, items: items, empty: empty)
    }

    /// An item holds either inline content (one paragraph) or blocks.
    private mutating func compileItem(_ item: Element, scope: Scope) throws(TemplateError) -> [TemplateNode] {
        let holdsBlocks = item.elements.contains { Self.blockNames.contains($0.name) }
        if holdsBlocks { return try compileBlocks(item, scope: scope) }
        return [.paragraph(try compileInlines(item, scope: scope))]
    }

    private static let blockNames: Set<String> = [
        "heading", "p", "note", "check", "section", "domains", "list", "field", "write-in", "guidance", "resources",
        "stage-guide", "principles", "assessment", "page-break", "include",
    ]

    private mutating func compileInclude(_ element: Element, scope: Scope) throws(TemplateError) -> [TemplateNode] {
        let name = element.attribute("name")!
        let fileName = name + ".xml"
        guard Self.isFileName(name), let file = library.file(named: fileName) else {
            throw TemplateError(.unknownTemplate(name), at: element.location)
        }
        guard !includeStack.contains(fileName) else {
            throw TemplateError(.includeCycle(name), at: element.location)
        }
        guard includeStack.count <= Self.maximumIncludeDepth else {
            throw TemplateError(.includesTooDeep(limit: Self.maximumIncludeDepth), at: element.location)
        }
        let root = try parse(file)
        guard root.name == "fragment" else {
            throw TemplateError(
                .misplaced(element: root.name, reason: "cannot be the root of an included file; use <fragment>"),
                at: root.location)
        }
        try checkAttributes(root, allowed: [], required: [])
        includeStack.append(fileName)
        defer { includeStack.removeLast() }
        let nodes = try compileBlocks(root, scope: scope)
        try validate(file)
        return nodes
    }

    // MARK: Inline

    mutating func compileInlines(_ parent: Element, scope: Scope) throws(TemplateError) -> [TemplateInline] {
        var parts = try compileInlineChildren(parent, scope: scope)
        Self.trimEdges(&parts)
        return parts
    }

    private mutating func compileInlineChildren(_ parent: Element, scope: Scope) throws(TemplateError)
        -> [TemplateInline]
    {
        var parts: [TemplateInline] = []
        for child in parent.children {
            switch child {
            case .text(let text):
                let collapsed = Self.collapseWhitespace(text)
                if !collapsed.isEmpty { Self.appendText(collapsed, to: &parts) }
            case .element(let element):
                parts.append(try compileInline(element, parent: parent, scope: scope))
            }
        }
        return parts
    }

    private mutating func compileInline(_ element: Element, parent: Element, scope: Scope) throws(TemplateError)
        -> TemplateInline
    {
        try enter(element)
        defer { nesting -= 1 }
        return try compileInlineElement(element, parent: parent, scope: scope)
    }

    private mutating func compileInlineElement(_ element: Element, parent: Element, scope: Scope)
        throws(TemplateError) -> TemplateInline
    {
        switch element.name {
        case "em":
            try checkAttributes(element, allowed: [], required: [])
            return .emphasis(try compileInlineChildren(element, scope: scope))
        case "strong":
            try checkAttributes(element, allowed: [], required: [])
            return .strong(try compileInlineChildren(element, scope: scope))
        case "value":
            try checkAttributes(element, allowed: ["of", "default", "format"], required: ["of"])
            try requireEmpty(element)
            let path = try resolveValuePath(element.attribute("of")!, at: element, scope: scope)
            var isPhone = false
            if let format = element.attribute("format") {
                guard format == "phone" else {
                    throw TemplateError(
                        .invalidValue(attribute: "format", element: "value", expected: "phone"), at: element.location)
                }
                isPhone = true
            }
            return .value(path, default: element.attribute("default"), isPhone: isPhone)
        case "blank":
            try checkAttributes(element, allowed: ["width"], required: [])
            try requireEmpty(element)
            return .blank(width: try parseCount(element, attribute: "width", default: 16, range: 1...60))
        case "if":
            let condition = try compileCondition(element, scope: scope)
            return .conditional(condition, try compileInlineChildren(element, scope: scope))
        default:
            if Self.blockNames.contains(element.name) {
                throw TemplateError(
                    .misplaced(element: element.name, reason: "is a block and cannot be inside <\(parent.name)>"),
                    at: element.location)
            }
            throw TemplateError(.unknownElement(name: element.name, parent: parent.name), at: element.location)
        }
    }

    /// Collapses runs of XML whitespace to one space, as HTML does.
    static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character == " " || character == "\n" || character == "\t" || character == "\r" {
                pendingSpace = true
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        if pendingSpace { result.append(" ") }
        return result
    }

    private static func appendText(_ text: String, to parts: inout [TemplateInline]) {
        if case .text(let previous)? = parts.last {
            parts[parts.count - 1] = .text(previous + text)
        } else {
            parts.append(.text(text))
        }
    }

    /// Drops the space at the very start and end of a block's inline content.
    static func trimEdges(_ parts: inout [TemplateInline]) {
        if case .text(let first)? = parts.first {
            let trimmed = String(first.drop { $0 == " " })
            if trimmed.isEmpty { parts.removeFirst() } else { parts[0] = .text(trimmed) }
        }
        if case .text(let last)? = parts.last {
            var trimmed = last
            while trimmed.last == " " { trimmed.removeLast() }
            if trimmed.isEmpty { parts.removeLast() } else { parts[parts.count - 1] = .text(trimmed) }
        }
    }

    // MARK: Conditions and attributes

    private func compileCondition(_ element: Element, scope: Scope) throws(TemplateError) -> Condition {
        try checkAttributes(
            element, allowed: ["stage", "has", "has-any", "lacks", "emphasis", "discreet", "copy"], required: [])
        var condition = Condition()
        if let text = element.attribute("stage") {
            switch Stage.parseList(text) {
            case .success(let stages) where !stages.isEmpty: condition.stages = stages
            case .success:
                throw TemplateError(
                    .invalidValue(attribute: "stage", element: "if", expected: "one or more stages"),
                    at: element.location)
            case .failure(let unknown): throw TemplateError(.unknownStage(unknown.word), at: element.location)
            }
        }
        if let text = element.attribute("has") { condition.has = try resolve(text, at: element, scope: scope).path }
        if let text = element.attribute("lacks") { condition.lacks = try resolve(text, at: element, scope: scope).path }
        if let text = element.attribute("has-any") {
            var paths: [DataPath] = []
            for word in text.split(separator: " ") {
                paths.append(try resolve(String(word), at: element, scope: scope).path)
            }
            guard !paths.isEmpty else {
                throw TemplateError(
                    .invalidValue(attribute: "has-any", element: "if", expected: "one or more data paths"),
                    at: element.location)
            }
            condition.hasAny = paths
        }
        if let text = element.attribute("copy") {
            guard let copy = DocumentCopy(rawValue: text) else {
                throw TemplateError(
                    .invalidValue(attribute: "copy", element: "if", expected: "youth or advocate"), at: element.location
                )
            }
            condition.copy = copy
        }
        if let text = element.attribute("emphasis") {
            guard scope.domain != nil else {
                throw TemplateError(
                    .misplaced(element: "if", reason: "with 'emphasis' must be inside a domain section"),
                    at: element.location)
            }
            var values: [DomainEmphasis] = []
            for word in text.split(separator: " ") {
                guard let value = DomainEmphasis(rawValue: String(word)) else {
                    throw TemplateError(
                        .invalidValue(attribute: "emphasis", element: "if", expected: "lead, full or brief"),
                        at: element.location)
                }
                values.append(value)
            }
            condition.emphasis = values
        }
        if let text = element.attribute("discreet") {
            guard text == "yes" || text == "no" else {
                throw TemplateError(
                    .invalidValue(attribute: "discreet", element: "if", expected: "yes or no"), at: element.location)
            }
            condition.isDiscreet = text == "yes"
        }
        guard condition != Condition() else {
            throw TemplateError(
                .misplaced(
                    element: "if", reason: "needs a condition: stage, has, has-any, lacks, emphasis, discreet or copy"),
                at: element.location)
        }
        return condition
    }

    private func checkAttributes(_ element: Element, allowed: Set<String>, required: [String]) throws(TemplateError) {
        for attribute in element.attributes where attribute.namespace != nil || !allowed.contains(attribute.name) {
            throw TemplateError(.unknownAttribute(name: attribute.name, element: element.name), at: element.location)
        }
        for name in required where element.attribute(name) == nil {
            throw TemplateError(.missingAttribute(name: name, element: element.name), at: element.location)
        }
    }

    private func requireEmpty(_ element: Element) throws(TemplateError) {
        for child in element.children {
            if case .text(let text) = child, text.allSatisfy(\.isWhitespace) { continue }
            throw TemplateError(.misplaced(element: element.name, reason: "must be empty"), at: element.location)
        }
    }

    private func parseCount(_ element: Element, attribute: String, default value: Int, range: ClosedRange<Int>)
        throws(TemplateError) -> Int
    {
        guard let text = element.attribute(attribute) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw TemplateError(
                .invalidValue(
                    attribute: attribute, element: element.name,
                    expected: "a number from \(range.lowerBound) to \(range.upperBound)"),
                at: element.location)
        }
        return number
    }

    private func parseDomain(_ text: String, at element: Element) throws(TemplateError) -> Domain {
        guard let domain = Domain(rawValue: text) else {
            throw TemplateError(.unknownDomain(text), at: element.location)
        }
        return domain
    }

    private func optionalDomain(_ element: Element, scope: Scope) throws(TemplateError) -> Domain? {
        if let text = element.attribute("domain") { return try parseDomain(text, at: element) }
        guard let domain = scope.domain else {
            throw TemplateError(
                .misplaced(element: element.name, reason: "needs 'domain' outside a domain section"),
                at: element.location)
        }
        return domain
    }

    private func parseDetail(_ element: Element) throws(TemplateError) -> Detail {
        try parseChoice(element, "detail", expected: "full or brief") ?? .full
    }

    /// The value of an attribute that must be one of an enum's raw values; nil when absent.
    private func parseChoice<Value: RawRepresentable>(
        _ element: Element, _ attribute: String, expected: String
    ) throws(TemplateError) -> Value? where Value.RawValue == String {
        guard let text = element.attribute(attribute) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw TemplateError(
                .invalidValue(attribute: attribute, element: element.name, expected: expected), at: element.location)
        }
        return value
    }

    /// The required `audience` attribute (its presence is checked with the other attributes).
    private func parseAudience(_ element: Element) throws(TemplateError) -> Audience {
        try parseChoice(element, "audience", expected: "youth or provider")!
    }

    // MARK: Data paths

    /// Resolves a dotted path against the scope, suggesting the nearest name when it fails.
    private func resolve(_ text: String, at element: Element, scope: Scope) throws(TemplateError) -> (
        path: DataPath, shape: DataShape
    ) {
        let components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = components.first, let rootShape = scope.names[first] else {
            let suggestion = Suggestion.nearest(to: components.first ?? text, among: Array(scope.names.keys).sorted())
            throw TemplateError(
                .unknownDataPath(
                    text, suggestion: suggestion.map { ([$0] + components.dropFirst()).joined(separator: ".") }),
                at: element.location)
        }
        var shape = rootShape
        for (offset, component) in components.enumerated().dropFirst() {
            guard let next = shape.field(component) else {
                let suggestion = Suggestion.nearest(to: component, among: shape.fieldNames).map {
                    (components[..<offset] + [$0] + components[(offset + 1)...]).joined(separator: ".")
                }
                throw TemplateError(.unknownDataPath(text, suggestion: suggestion), at: element.location)
            }
            shape = next
        }
        return (DataPath(components: components), shape)
    }

    /// Resolves a path that must name a single printable value (text or number).
    private func resolveValuePath(_ text: String, at element: Element, scope: Scope) throws(TemplateError) -> DataPath {
        let (path, shape) = try resolve(text, at: element, scope: scope)
        switch shape {
        case .text, .integer: return path
        case .list, .record:
            throw TemplateError(
                .invalidValue(
                    attribute: "of", element: element.name, expected: "a single value, not \(shape.typeName)"),
                at: element.location)
        }
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isLetter }
    }

    private static func isFileName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

extension Template {
    /// Checks the included part `name` (the file `name.xml`, root `<fragment>`) on its own,
    /// as if a template included it, for `safetyplan check`.
    ///
    /// - Throws: `TemplateError` at the first problem, located in the file at fault.
    public static func checkFragment(
        named name: String, from library: TemplateLibrary, schema: RelaxNGSchema?
    ) throws(TemplateError) {
        try checkFragment(named: name, from: library, schema: schema, files: ParsedFiles())
    }

    /// As `checkFragment(named:from:schema:)`, parsing each file once across calls that share `files`.
    static func checkFragment(
        named name: String, from library: TemplateLibrary, schema: RelaxNGSchema?, files: ParsedFiles
    ) throws(TemplateError) {
        guard let file = library.file(named: name + ".xml") else {
            throw TemplateError(.unknownTemplate(name), at: SourceLocation(file: name, line: 1, column: 1))
        }
        var compiler = TemplateCompiler(library: library, schema: schema, files: files)
        _ = try compiler.compileFragment(file, name: name)
    }
}

extension TemplateCompiler {
    /// Compiles a `<fragment>` file in the scope of a template's top level.
    mutating func compileFragment(_ file: TemplateLibrary.File, name: String) throws(TemplateError) -> [TemplateNode] {
        let root = try parse(file)
        guard root.name == "fragment" else {
            throw TemplateError(
                .misplaced(element: root.name, reason: "cannot be the root of an included file; use <fragment>"),
                at: root.location)
        }
        try checkAttributes(root, allowed: [], required: [])
        includeStack = [name + ".xml"]
        let nodes = try compileBlocks(root, scope: Scope(names: Self.rootNames, domain: nil))
        try validate(file)
        return nodes
    }
}
