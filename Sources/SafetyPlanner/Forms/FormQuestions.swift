/// Reads the questions of a form out of its compiled template, in template order.
///
/// Every data path the template prints becomes one question, asked in the order it first
/// appears: a `<field of>` (labelled by its `label=`), a `<list of>` (with the parts its
/// item uses, for a list of records), and a `<value of>` outside any list. `plan.*` values
/// are made by the planner and never asked. Parts of the template the stage or the copy
/// leaves out (`<if stage=…>`, `<if copy=…>`) ask nothing, nor do discreet wordings
/// (`<if discreet="yes">`: the same data, asked in the plain wording); domain sections
/// are taken in the stage's order.
public enum FormQuestions {
    /// The questions of a template, for a youth at a stage, for one copy: the advocate
    /// copy also asks what only it prints (`advocateNotes`).
    ///
    /// - Parameters:
    ///   - template: the compiled form (or plan).
    ///   - stage: the youth's stage: parts for other stages ask nothing.
    ///   - copy: the copy being made: only the advocate's asks for `advocateNotes`.
    ///   - words: the words of the form's language (`Catalog.words`), for the questions
    ///     the template does not label and for every hint.
    public static func questions(
        in template: Template, stage: Stage, copy: DocumentCopy = .youth, words: Words = .english
    ) -> [FormQuestion] {
        let vocabulary = FormVocabulary(words: words)
        var collector = QuestionCollector(stage: stage, copy: copy, vocabulary: vocabulary)
        collector.blocks(template.body)
        return collector.questions.compactMap { question in
            if case .records(let parts) = question.kind, parts.isEmpty { return nil }
            var question = question
            let instruction = vocabulary.instruction(for: question.kind)
            question.hint += (question.hint.isEmpty ? "" : " ") + instruction
            return question
        }
    }
}

/// Walks template nodes, collecting questions once per data path.
private struct QuestionCollector {
    let stage: Stage
    let copy: DocumentCopy
    let vocabulary: FormVocabulary
    var questions: [FormQuestion] = []
    /// The question of each path asked so far, by dotted path.
    private var indexByPath: [String: Int] = [:]
    /// The list question each enclosing `<list as=…>` binding belongs to (nil: not asked).
    private var bindings: [String: Int?] = [:]

    init(stage: Stage, copy: DocumentCopy, vocabulary: FormVocabulary) {
        self.stage = stage
        self.copy = copy
        self.vocabulary = vocabulary
    }

    mutating func blocks(_ nodes: [TemplateNode]) {
        for node in nodes { block(node) }
    }

    private mutating func block(_ node: TemplateNode) {
        switch node {
        case .heading(let content), .paragraph(let content), .note(let content), .check(let content):
            inlines(content)
        case .section(_, let body):
            blocks(body)
        case .domains(let sections):
            for rule in Planner.rules(for: stage) {
                if let body = sections[rule.domain] { blocks(body) }
            }
        case .list(let list):
            self.list(list)
        case .field(let label, let path, _, _):
            guard let path else { return }
            value(path, label: Self.plainText(label))
        case .conditional(let condition, let body):
            if applies(condition) { blocks(body) }
        case .writeIn, .guidance, .resources, .stageGuide, .principles, .pageBreak:
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
    /// once answered.
    private func applies(_ condition: Condition) -> Bool {
        (condition.stages.map { $0.contains(stage) } ?? true) && (condition.copy.map { $0 == copy } ?? true)
            && condition.isDiscreet != true
    }

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
        let hint = vocabulary.hint(for: dotted)
        indexByPath[dotted] = questions.count
        questions.append(
            FormQuestion(
                path: path.components, label: label ?? vocabulary.label(for: dotted), hint: hint, kind: .value,
                shape: shape))
    }

    /// The question of a list, created on first use; nil for a list inside a list.
    private mutating func listQuestion(_ path: DataPath) -> Int? {
        guard let first = path.components.first, bindings[first] == nil, first != "plan" else { return nil }
        let dotted = path.description
        if let index = indexByPath[dotted] { return index }
        guard case .list(let element)? = Self.shape(of: path.components) else { return nil }
        let kind: FormQuestion.Kind
        switch element {
        case .record: kind = .records([])
        case .text, .integer: kind = .list
        case .list: return nil
        }
        indexByPath[dotted] = questions.count
        questions.append(
            FormQuestion(
                path: path.components, label: vocabulary.label(for: dotted), hint: vocabulary.hint(for: dotted),
                kind: kind,
                shape: element))
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
            FormQuestion.Part(
                key: key, label: vocabulary.label(for: questions[index].dottedPath + "." + key), shape: shape))
        questions[index].kind = .records(parts)
    }

    /// The shape at a path from the top of the data file.
    private static func shape(of components: [String]) -> DataShape? {
        guard let first = components.first, var shape = TemplateCompiler.rootNames[first] else { return nil }
        for component in components.dropFirst() {
            guard let next = shape.field(component) else { return nil }
            shape = next
        }
        return shape
    }

    private static func plainText(_ parts: [TemplateInline]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .emphasis(let children), .strong(let children), .conditional(_, let children):
                return plainText(children)
            case .value, .blank: return ""
            }
        }.joined()
    }
}
