/// Reads the questions of a template out of the compiled template, in document order.
///
/// Every data path the template prints becomes one question, asked in the order it first
/// appears: a `<field of>` (labelled by its `label=`), a `<list of>` (with the parts its
/// item uses, for a list of records), and a `<value of>` outside any list. `plan.*` values
/// are made by the planner and never asked. Parts of the template the stage or the copy
/// leaves out (`<if stage=…>`, `<if copy=…>`) ask nothing, nor do discreet wordings
/// (`<if discreet="yes">`: the same data, asked in the plain wording); domain sections
/// are taken in the stage's order. What the planner itself reads is asked too: the
/// youth's age, when the template prints guidance (the law differs at 18).
///
/// The questions are never written by hand: a template that prints a new path asks for
/// it, and one that stops printing a path stops asking.
public enum InterviewQuestions {
    /// The questions of a template, for a youth at a stage, for one copy: the advocate
    /// copy also asks what only it prints (`advocateNotes`, the history of stages), and a
    /// discreet copy asks the name to print for each person and place.
    ///
    /// - Parameters:
    ///   - template: the compiled template.
    ///   - stage: the youth's stage: parts for other stages ask nothing.
    ///   - copy: the copy being made.
    ///   - isDiscreet: whether the copy is discreet.
    ///   - words: the words of the template's language (`Catalog.words`), for the
    ///     questions the template does not label and for every hint.
    public static func questions(
        in template: Template, stage: Stage, copy: DocumentCopy = .youth, isDiscreet: Bool = false,
        words: Words = .english
    ) -> [InterviewQuestion] {
        let vocabulary = InterviewVocabulary(words: words)
        var collector = QuestionCollector(
            stage: stage, copy: copy, isDiscreet: isDiscreet, vocabulary: vocabulary,
            title: isDiscreet ? template.discreetTitle : template.title)
        collector.blocks(template.body)
        if collector.printsGuidance { collector.addAge() }
        if isDiscreet { collector.addDiscreetNames() }
        return collector.questions.compactMap { question in
            if case .records(let parts) = question.kind, parts.isEmpty { return nil }
            var question = question
            let instruction = vocabulary.instruction(for: question.kind)
            question.hint += (question.hint.isEmpty ? "" : " ") + instruction
            question.instruction = instruction
            return question
        }
    }

    /// Every data path the template reads anywhere, whatever the stage, copy or
    /// condition: values, lists and the parts their items use, fields and the paths of
    /// `has`, `lacks` and `has-any`; `plan.*` and list bindings excepted. What the
    /// questions of every stage and copy together must cover.
    public static func dataPaths(readBy template: Template) -> Set<String> {
        var reader = PathReader()
        reader.blocks(template.body, bindings: [:])
        return reader.paths
    }
}

/// Walks template nodes, collecting questions once per data path.
private struct QuestionCollector {
    let stage: Stage
    let copy: DocumentCopy
    let isDiscreet: Bool
    let vocabulary: InterviewVocabulary
    var questions: [InterviewQuestion] = []
    /// Whether the template prints guidance, whose law items depend on the youth's age.
    private(set) var printsGuidance = false
    /// The question of each path asked so far, by dotted path.
    private var indexByPath: [String: Int] = [:]
    /// The list question each enclosing `<list as=…>` binding belongs to (nil: not asked).
    private var bindings: [String: Int?] = [:]
    /// The heading of the section being read, innermost last.
    private var sections: [String]
    /// How many enclosing `<if copy="advocate">` there are.
    private var advocateDepth = 0

    init(stage: Stage, copy: DocumentCopy, isDiscreet: Bool, vocabulary: InterviewVocabulary, title: String) {
        self.stage = stage
        self.copy = copy
        self.isDiscreet = isDiscreet
        self.vocabulary = vocabulary
        sections = [title]
    }

    mutating func blocks(_ nodes: [TemplateNode]) {
        for node in nodes { block(node) }
    }

    private mutating func block(_ node: TemplateNode) {
        switch node {
        case .heading(let content):
            let heading = plainText(content)
            if !heading.isEmpty { sections[sections.count - 1] = heading }
            inlines(content)
        case .paragraph(let content), .note(let content), .check(let content):
            inlines(content)
        case .section(_, let body):
            sections.append(sections[sections.count - 1])
            blocks(body)
            sections.removeLast()
        case .domains(let sections):
            for rule in Planner.rules(for: stage) {
                if let body = sections[rule.domain] { blocks(body) }
            }
        case .list(let list):
            self.list(list)
        case .field(let label, let path, _, _):
            guard let path else { return }
            value(path, label: plainText(label))
        case .conditional(let condition, let body):
            guard applies(condition) else { return }
            if condition.copy == .advocate { advocateDepth += 1 }
            blocks(body)
            if condition.copy == .advocate { advocateDepth -= 1 }
        case .guidance:
            printsGuidance = true
        case .writeIn, .resources, .stageGuide, .principles, .assessment, .pageBreak:
            break
        }
    }

    private mutating func list(_ list: ListTemplate) {
        guard let path = list.path, let binding = list.binding else {
            for item in list.items { blocks(item) }
            return
        }
        let index = listQuestion(path)
        let saved = bindings
        bindings[binding] = index
        blocks(list.items[0])
        bindings = saved
        blocks(list.empty)
    }

    private mutating func inlines(_ parts: [TemplateInline]) {
        for part in parts {
            switch part {
            case .text, .blank:
                break
            case .emphasis(let children), .strong(let children):
                inlines(children)
            case .value(let path, _, _):
                value(path, label: nil)
            case .conditional(let condition, let children):
                if applies(condition) { inlines(children) }
            }
        }
    }

    /// Only the stage and the copy are known while asking; conditions on data may hold
    /// once answered. Discreet wordings ask nothing: their data is asked in the plain one.
    private func applies(_ condition: Condition) -> Bool {
        (condition.stages.map { $0.contains(stage) } ?? true) && (condition.copy.map { $0 == copy } ?? true)
            && condition.isDiscreet != true
    }

    /// Whether a part of a heading is printed in this copy: its stage, copy and
    /// discreet conditions hold (conditions on data are taken to hold).
    private func printsHeading(_ condition: Condition) -> Bool {
        (condition.stages.map { $0.contains(stage) } ?? true) && (condition.copy.map { $0 == copy } ?? true)
            && (condition.isDiscreet.map { $0 == isDiscreet } ?? true)
    }

    private var audience: InterviewQuestion.Audience { advocateDepth > 0 ? .advocate : .youth }

    /// A single value: a question of its own, or a part of the enclosing list's records.
    private mutating func value(_ path: DataPath, label: String?) {
        guard let first = path.components.first, first != "plan" else { return }
        if let entry = bindings[first] {
            guard let index = entry, path.components.count == 2 else { return }
            addPart(path.components[1], to: index)
            return
        }
        guard let shape = Self.shape(of: path.components) else { return }
        let dotted = path.description
        if let index = indexByPath[dotted] {
            // A field's own label wins over the friendly name of an earlier inline value.
            if let label, questions[index].label == vocabulary.label(for: dotted) { questions[index].label = label }
            return
        }
        append(path.components, label: label ?? vocabulary.label(for: dotted), kind: .value, shape: shape)
    }

    private mutating func append(
        _ path: [String], label: String, kind: InterviewQuestion.Kind, shape: DataShape, at position: Int? = nil
    ) {
        let dotted = path.joined(separator: ".")
        let question = InterviewQuestion(
            path: path, section: sections[sections.count - 1], label: label, hint: vocabulary.hint(for: dotted),
            kind: kind, type: InterviewQuestion.AnswerType(shape: shape, key: path.last ?? ""), audience: audience,
            shape: shape)
        let position = position ?? questions.count
        questions.insert(question, at: position)
        for (key, index) in indexByPath where index >= position { indexByPath[key] = index + 1 }
        for (key, entry) in bindings {
            if let index = entry, index >= position { bindings[key] = index + 1 }
        }
        indexByPath[dotted] = position
    }

    /// The question of a list, created on first use; nil for a list inside a list.
    private mutating func listQuestion(_ path: DataPath) -> Int? {
        guard let first = path.components.first, bindings[first] == nil, first != "plan" else { return nil }
        let dotted = path.description
        if let index = indexByPath[dotted] { return index }
        guard case .list(let element)? = Self.shape(of: path.components) else { return nil }
        let kind: InterviewQuestion.Kind
        switch element {
        case .record: kind = .records([])
        case .text, .integer: kind = .list
        case .list: return nil
        }
        append(path.components, label: vocabulary.label(for: dotted), kind: kind, shape: element)
        return questions.count - 1
    }

    private mutating func addPart(_ key: String, to index: Int) {
        guard case .records(var parts) = questions[index].kind, !parts.contains(where: { $0.key == key }),
            let shape = questions[index].shape.field(key)
        else { return }
        switch shape {
        case .text, .integer: break
        case .list, .record: return
        }
        parts.append(
            InterviewQuestion.Part(
                key: key, label: vocabulary.label(for: questions[index].dottedPath + "." + key),
                type: InterviewQuestion.AnswerType(shape: shape, key: key)))
        questions[index].kind = .records(parts)
    }

    /// The youth's age, which decides the law the plan states: after the questions about
    /// the youth, when the template does not print it.
    mutating func addAge() {
        guard indexByPath["client.age"] == nil, let shape = Self.shape(of: ["client", "age"]) else { return }
        let position = (questions.lastIndex { $0.path.first == "client" }).map { $0 + 1 } ?? 0
        let section = position > 0 ? questions[position - 1].section : sections[0]
        let saved = sections
        sections = [section]
        append(["client", "age"], label: vocabulary.label(for: "client.age"), kind: .value, shape: shape, at: position)
        sections = saved
        questions[position].audience = .youth
    }

    /// For a discreet copy, the name each person and place goes by on it
    /// (`discreetName`), which the discretion policy prints instead of a full name.
    mutating func addDiscreetNames() {
        for index in questions.indices {
            switch questions[index].kind {
            case .records(var parts) where questions[index].shape.field("discreetName") != nil:
                guard parts.contains(where: { $0.key == "name" }), !parts.contains(where: { $0.key == "discreetName" })
                else { continue }
                let after = (parts.firstIndex { $0.key == "name" } ?? 0) + 1
                parts.insert(
                    InterviewQuestion.Part(
                        key: "discreetName",
                        label: vocabulary.label(for: questions[index].dottedPath + ".discreetName"),
                        type: .text), at: after)
                questions[index].kind = .records(parts)
            default:
                continue
            }
        }
        if let index = indexByPath["advocate.name"], indexByPath["advocate.discreetName"] == nil,
            let shape = Self.shape(of: ["advocate", "discreetName"])
        {
            let saved = sections
            sections = [questions[index].section]
            append(
                ["advocate", "discreetName"], label: vocabulary.label(for: "advocate.discreetName"), kind: .value,
                shape: shape, at: index + 1)
            sections = saved
        }
    }

    /// The shape at a path from the top of the data file.
    static func shape(of components: [String]) -> DataShape? {
        guard let first = components.first, var shape = TemplateCompiler.rootNames[first] else { return nil }
        for component in components.dropFirst() {
            guard let next = shape.field(component) else { return nil }
            shape = next
        }
        return shape
    }

    /// The words of a label or heading as this copy prints them, values left out.
    private func plainText(_ parts: [TemplateInline]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let words): text += words
            case .emphasis(let children), .strong(let children): text += plainText(children)
            case .conditional(let condition, let children): if printsHeading(condition) { text += plainText(children) }
            case .value, .blank: break
            }
        }
        var trimmed = Substring(text)
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        while let last = trimmed.last, last.isWhitespace || last == ":" { trimmed.removeLast() }
        return String(trimmed)
    }
}

/// Collects every data path a template reads, whatever the conditions.
private struct PathReader {
    var paths: Set<String> = []

    mutating func blocks(_ nodes: [TemplateNode], bindings: [String: String]) {
        for node in nodes { block(node, bindings: bindings) }
    }

    private mutating func block(_ node: TemplateNode, bindings: [String: String]) {
        switch node {
        case .heading(let content), .paragraph(let content), .note(let content), .check(let content):
            inlines(content, bindings: bindings)
        case .section(_, let body):
            blocks(body, bindings: bindings)
        case .domains(let sections):
            for body in sections.values { blocks(body, bindings: bindings) }
        case .list(let list):
            var inner = bindings
            if let path = list.path {
                let dotted = read(path, bindings: bindings)
                if let binding = list.binding, let dotted { inner[binding] = dotted }
            }
            for item in list.items { blocks(item, bindings: inner) }
            blocks(list.empty, bindings: bindings)
        case .field(let label, let path, _, _):
            inlines(label, bindings: bindings)
            if let path { read(path, bindings: bindings) }
        case .conditional(let condition, let body):
            self.condition(condition, bindings: bindings)
            blocks(body, bindings: bindings)
        case .writeIn, .guidance, .resources, .stageGuide, .principles, .assessment, .pageBreak:
            break
        }
    }

    private mutating func inlines(_ parts: [TemplateInline], bindings: [String: String]) {
        for part in parts {
            switch part {
            case .text, .blank: break
            case .emphasis(let children), .strong(let children): inlines(children, bindings: bindings)
            case .value(let path, _, _): read(path, bindings: bindings)
            case .conditional(let condition, let children):
                self.condition(condition, bindings: bindings)
                inlines(children, bindings: bindings)
            }
        }
    }

    private mutating func condition(_ condition: Condition, bindings: [String: String]) {
        for path in [condition.has, condition.lacks].compactMap({ $0 }) + (condition.hasAny ?? []) {
            read(path, bindings: bindings)
        }
    }

    /// Records a path, written from the top of the data file; nil for `plan.*`.
    @discardableResult
    private mutating func read(_ path: DataPath, bindings: [String: String]) -> String? {
        guard let first = path.components.first, first != "plan" else { return nil }
        var components = path.components
        if let list = bindings[first] {
            components = list.split(separator: ".").map(String.init) + components.dropFirst()
        }
        let dotted = components.joined(separator: ".")
        paths.insert(dotted)
        return dotted
    }
}
