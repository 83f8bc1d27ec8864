/// A guided interview for a template: asks its questions one answer at a time, shows a
/// review of every answer, lets any answer be changed, and builds the plan data.
///
/// The interview holds no I/O: a front end shows `prompt`, reads one line, and passes it
/// to `answer(_:)` (nil at the end of input), until `phase` is `.finished` or
/// `.endedEarly`. The same model therefore runs at a terminal, from piped answers, in a
/// browser and in tests, and none of them can drift from the template: the questions are
/// read from it (`InterviewQuestions`).
///
/// 1. When the stage is asked (`Setup.stageChoices`), it comes first, in the youth's own
///    words; the questions of that stage follow.
/// 2. Questions the base data (a data file) already answers are not asked.
/// 3. Then the review: a numbered list of every answer by section (`review`). A number
///    (or "edit" and a number) asks that question again; "done" finishes.
///
/// Answers are trimmed, and control characters (such as the escape sequence of an arrow
/// key a terminal could not edit with) are dropped. An empty answer leaves a value empty
/// (a write-in line on paper) or ends a list. An answer that does not fit (a date not
/// written YYYY-MM-DD or "today", a phone number with letters) is asked again with a
/// short reason that never repeats the answer.
public struct Interview: Sendable {
    /// What the interview is for.
    public struct Setup: Sendable {
        /// The template the questions are read from.
        public var template: Template
        /// The copy being made: the advocate's also asks what only it prints.
        public var copy: DocumentCopy
        /// Whether the copy is discreet: then each person and place is asked the name it goes
        /// by on the copy.
        public var isDiscreet: Bool
        /// The words of the document's language (`Catalog.words`).
        public var words: Words
        /// The stages to choose from, each in the youth's own words, when the interview asks
        /// for the stage (`generate`); empty when the stage is known.
        public var stageChoices: [StageChoice]
        /// The stage when it is not asked, or not answered yet.
        public var stage: Stage
        /// Today's date, written YYYY-MM-DD, for an answer of "today".
        public var today: String

        public init(
            template: Template, copy: DocumentCopy = .youth, isDiscreet: Bool = false, words: Words = .english,
            stageChoices: [StageChoice] = [], stage: Stage, today: String
        ) {
            self.template = template
            self.copy = copy
            self.isDiscreet = isDiscreet
            self.words = words
            self.stageChoices = stageChoices
            self.stage = stage
            self.today = today
        }
    }

    /// A stage as the youth may choose it: a few plain words, never the stage's name.
    public struct StageChoice: Equatable, Sendable {
        public var stage: Stage
        public var words: String

        public init(stage: Stage, words: String) {
            self.stage = stage
            self.words = words
        }

        /// Every stage in order, each in the first sentence of its youth wording in
        /// `catalog` ("You want something to change.").
        public static func all(in catalog: Catalog) -> [StageChoice] {
            Stage.allCases.map { stage in
                let youth = catalog.info(for: stage).youth
                let end = youth.firstIndex { ".!?".contains($0) }.map { youth.index(after: $0) } ?? youth.endIndex
                return StageChoice(stage: stage, words: String(youth[..<end]))
            }
        }
    }

    /// Where the interview is.
    public enum Phase: Equatable, Sendable {
        /// Asking a question (or asking one again from the review).
        case asking
        /// Showing every answer; waiting for a number to change or "done".
        case reviewing
        /// "done" was given at the review.
        case finished
        /// The input ended before "done". Piped answers go on to write what was given; a
        /// terminal writes nothing.
        case endedEarly
    }

    /// What a front end shows before reading an answer.
    public struct Prompt: Equatable, Sendable {
        /// The lines before the answer: the question's title and hint, a reason to answer
        /// again, or the review. Each ends with a newline; empty when there is nothing new.
        public var message: String
        /// What the answer is typed after: `> `, or a part's label such as `  Name: `.
        public var input: String

        /// Both, as written to a stream.
        public var text: String { message + input }
    }

    /// One numbered line of the review.
    public struct ReviewEntry: Equatable, Sendable {
        /// The number to type to change the answer (1 for the first question).
        public var number: Int
        /// The question.
        public var question: InterviewQuestion
        /// The answer, one line per entry of a list; empty when nothing was answered (a
        /// write-in line on paper).
        public var lines: [String]
    }

    public let setup: Setup
    /// Where the interview is.
    public private(set) var phase: Phase = .asking
    /// Every question, in document order: the stage first when it is asked, then the
    /// questions of the stage chosen.
    public private(set) var questions: [InterviewQuestion] = []

    private var root: DataRecord
    /// The paths still to ask, in order (the first is being asked).
    private var queue: [String] = []
    /// The path being asked again from the review, if any.
    private var editing: String?
    /// The value before it was asked again, kept when the first answer is empty.
    private var original: DataValue?
    /// Whether `-` was given first when asked again: the value is left empty.
    private var isClearing = false
    /// Whether the current question has not yet had an answer (its title is shown).
    private var isAtQuestionStart = true
    /// Whether the review must be shown in full at the next prompt.
    private var showsReview = true
    /// Entries of the list being asked.
    private var entries: [DataValue] = []
    /// Parts answered so far of the record being asked, and the part asked next.
    private var record: DataRecord = [:]
    private var part = 0
    /// Why the last answer was asked again.
    private var problem: String?

    /// Starts an interview.
    ///
    /// - Parameters:
    ///   - setup: the template, copy, words, stage and date.
    ///   - base: data already known (a data file); what it answers is not asked, but is
    ///     in the review to change.
    public init(_ setup: Setup, base: PlanData = PlanData()) {
        self.setup = setup
        guard case .record(let fields) = base.root else { preconditionFailure("plan data is always a record") }
        root = fields
        questions = makeQuestions()
        queue = questions.filter { !isAnswered($0) }.map(\.dottedPath)
        if queue.isEmpty { phase = .reviewing }
    }

    /// The data built so far: the base data with every answer given.
    public var planData: PlanData { PlanData(root: .record(root)) }

    /// The stage chosen, or the setup's when none was.
    public var stage: Stage { root["stage"]?.text.flatMap(Stage.init(spelling:)) ?? setup.stage }

    /// The question being asked, if any.
    public var currentQuestion: InterviewQuestion? {
        guard phase == .asking, let path = queue.first else { return nil }
        return questions.first { $0.dottedPath == path }
    }

    private var words: Words { setup.words }

    // MARK: Prompt

    /// What to show before reading the next answer.
    public var prompt: Prompt {
        switch phase {
        case .finished, .endedEarly:
            return Prompt(message: "", input: "")
        case .reviewing:
            if let problem { return Prompt(message: "  \(problem)\n", input: "> ") }
            return Prompt(message: showsReview ? reviewText : "", input: "> ")
        case .asking:
            guard let question = currentQuestion else { return Prompt(message: "", input: "") }
            var message = ""
            if let problem {
                message = "  \(problem)\n"
            } else if isAtQuestionStart {
                message = "\n\(question.label)\n"
                var hint = question.hint
                if editing != nil, !question.instruction.isEmpty, hint.hasSuffix(question.instruction) {
                    hint = String(hint.dropLast(question.instruction.count))
                    while hint.last == " " { hint.removeLast() }
                }
                if !hint.isEmpty { message += "  \(hint)\n" }
                if question.type == .stage {
                    for (number, choice) in setup.stageChoices.enumerated() {
                        message += "  \(number + 1). \(choice.words)\n"
                    }
                }
                if editing != nil, let original, original.isPresent {
                    let now = Self.lines(of: original, question: question, choices: setup.stageChoices)
                    message += "  " + words.text("review-now", ["answer": now.joined(separator: "; ")]) + "\n"
                    message +=
                        "  " + words[question.kind == .value && question.type != .stage ? "edit-value" : "edit-list"]
                        + "\n"
                }
            }
            switch question.kind {
            case .value, .list: return Prompt(message: message, input: "> ")
            case .records(let parts): return Prompt(message: message, input: "  \(parts[part].label): ")
            }
        }
    }

    /// Every question with its answer, numbered, in order.
    public var review: [ReviewEntry] {
        questions.enumerated().map { index, question in
            var value: DataValue? = .record(root)
            for key in question.path { value = value?[key] }
            let lines = value.map { Self.lines(of: $0, question: question, choices: setup.stageChoices) } ?? []
            return ReviewEntry(number: index + 1, question: question, lines: lines)
        }
    }

    /// The review as a terminal shows it: a title, how to change an answer, then every
    /// answer under its section's heading.
    public var reviewText: String {
        var text = "\n" + words["review-title"] + "\n  " + words["review-help"] + "\n"
        var section: String?
        for entry in review {
            if entry.question.section != section {
                section = entry.question.section
                text += "\n" + entry.question.section + "\n"
            }
            let number = String(entry.number)
            let indent = String(repeating: " ", count: max(0, 3 - number.count)) + number + ". "
            var label = entry.question.label
            if entry.question.audience == .advocate { label += " " + words["review-advocate-only"] }
            // "My name: Maya", but "Which of these sounds most like you right now? You want…"
            let colon = label.last == "?" ? "" : ":"
            switch (entry.question.kind, entry.lines.count) {
            case (_, 0):
                text += indent + label + colon + " " + words["review-empty"] + "\n"
            case (.value, _):
                text += indent + label + colon + " " + entry.lines[0] + "\n"
            default:
                text += indent + label + colon + "\n"
                for line in entry.lines { text += "        - " + line + "\n" }
            }
        }
        return text
    }

    /// The lines an answer is shown as: one for a value, one per entry of a list (the
    /// parts of a record joined by commas).
    static func lines(of value: DataValue, question: InterviewQuestion, choices: [StageChoice]) -> [String] {
        switch value {
        case .text(let text):
            guard !text.isEmpty else { return [] }
            if question.type == .stage, let choice = choices.first(where: { $0.stage.id == text }) {
                return [choice.words]
            }
            return [text]
        case .list(let elements):
            return elements.compactMap { element in
                let line: String
                switch element {
                case .text(let text): line = text
                case .record(let fields):
                    line = fields.compactMap { $0.value.text.flatMap { $0.isEmpty ? nil : $0 } }.joined(separator: ", ")
                case .list: line = ""
                }
                return line.isEmpty ? nil : line
            }
        case .record:
            return []
        }
    }

    // MARK: Answers

    /// Takes the next answer, or nil at the end of input.
    public mutating func answer(_ line: String?) {
        switch phase {
        case .finished, .endedEarly:
            return
        case .reviewing:
            guard let line else {
                phase = .endedEarly
                return
            }
            reviewAnswer(Self.cleaned(line))
        case .asking:
            guard let line else {
                finishList()
                phase = .endedEarly
                return
            }
            questionAnswer(Self.cleaned(line))
        }
    }

    private mutating func reviewAnswer(_ text: String) {
        problem = nil
        showsReview = false
        let lowered = text.lowercased()
        if Self.words(words["done-words"]).contains(lowered) {
            phase = .finished
            return
        }
        var number = lowered
        for word in Self.words(words["edit-words"]) where number.hasPrefix(word + " ") {
            number = String(number.dropFirst(word.count + 1))
            while number.first == " " { number.removeFirst() }
        }
        guard let index = Int(number), (1...questions.count).contains(index) else {
            problem = words.text("review-again", ["last": String(questions.count)])
            return
        }
        let question = questions[index - 1]
        editing = question.dottedPath
        original = value(at: question.path)
        isClearing = false
        queue = [question.dottedPath]
        isAtQuestionStart = true
        phase = .asking
    }

    private mutating func questionAnswer(_ text: String) {
        guard let question = currentQuestion else { return }
        problem = nil
        if editing != nil, isAtQuestionStart, part == 0, entries.isEmpty {
            if text.isEmpty {
                // Keep the answer as it was.
                return advance()
            }
            if text == "-" {
                remove(at: question.path)
                isClearing = true
                return advance()
            }
            remove(at: question.path)
        }
        switch question.kind {
        case .value:
            guard !text.isEmpty else {
                if question.type == .stage {
                    problem = words.text("ask-stage", ["last": String(setup.stageChoices.count)])
                    return
                }
                return advance()
            }
            guard let value = accept(text, type: question.type) else { return }
            set(value, at: question.path)
            advance()
        case .list:
            guard !text.isEmpty else {
                finishList()
                return advance()
            }
            guard let value = accept(text, type: question.type) else { return }
            entries.append(value)
            isAtQuestionStart = false
        case .records(let parts):
            if text.isEmpty, part == 0 {
                finishList()
                return advance()
            }
            if !text.isEmpty {
                guard let value = accept(text, type: parts[part].type) else { return }
                record[parts[part].key] = value
            }
            isAtQuestionStart = false
            part += 1
            if part == parts.count {
                entries.append(.record(record))
                record = [:]
                part = 0
            }
        }
    }

    /// Runs a whole interview over a list of answers, as if each were a line typed at the
    /// terminal; the end of the list is the end of input.
    public static func planData(_ setup: Setup, answering answers: [String], base: PlanData = PlanData())
        -> PlanData
    {
        var interview = Interview(setup, base: base)
        var remaining = answers[...]
        while interview.phase == .asking || interview.phase == .reviewing {
            interview.answer(remaining.popFirst())
        }
        return interview.planData
    }

    // MARK: Steps

    private mutating func advance() {
        let asked = queue.removeFirst()
        isAtQuestionStart = true
        part = 0
        if asked == "stage", editing == nil || stage != original?.text.flatMap(Stage.init(spelling:)) {
            // The questions of the stage chosen: those not answered are asked next, unless
            // the stage was changed from the review (the review shows them, to change).
            questions = makeQuestions()
            if editing == nil { queue = questions.filter { !isAnswered($0) }.map(\.dottedPath) }
        }
        if queue.isEmpty {
            editing = nil
            original = nil
            showsReview = true
            phase = .reviewing
        }
    }

    /// The questions for the stage known now.
    private func makeQuestions() -> [InterviewQuestion] {
        var questions = InterviewQuestions.questions(
            in: setup.template, stage: stage, copy: setup.copy, isDiscreet: setup.isDiscreet, words: setup.words)
        if !setup.stageChoices.isEmpty {
            let hint = words["stage-hint"]
            questions.insert(
                InterviewQuestion(
                    path: ["stage"], section: setup.isDiscreet ? setup.template.discreetTitle : setup.template.title,
                    label: words["stage-label"], hint: hint, kind: .value, type: .stage, audience: .youth,
                    shape: .text(.stage)), at: 0)
        }
        return questions
    }

    private func isAnswered(_ question: InterviewQuestion) -> Bool {
        value(at: question.path)?.isPresent == true
    }

    private func value(at path: [String]) -> DataValue? {
        var value: DataValue? = .record(root)
        for key in path { value = value?[key] }
        return value
    }

    /// Stores the list being asked (with a record cut short by the end of input), if any;
    /// asked again from the review, an empty first answer keeps the list as it was.
    private mutating func finishList() {
        if !record.isEmpty { entries.append(.record(record)) }
        record = [:]
        if let path = queue.first, let question = questions.first(where: { $0.dottedPath == path }) {
            if !entries.isEmpty {
                set(.list(entries), at: question.path)
            } else if editing != nil, !isClearing, let original {
                set(original, at: question.path)
            }
        }
        entries = []
    }

    private mutating func set(_ value: DataValue, at path: [String]) {
        Self.set(value, at: path[...], in: &root)
    }

    private mutating func remove(at path: [String]) {
        Self.remove(at: path[...], in: &root)
    }

    private static func set(_ value: DataValue, at path: ArraySlice<String>, in fields: inout DataRecord) {
        guard let key = path.first else { return }
        if path.count == 1 {
            fields[key] = value
            return
        }
        var inner: DataRecord = [:]
        if case .record(let existing)? = fields[key] { inner = existing }
        set(value, at: path.dropFirst(), in: &inner)
        fields[key] = .record(inner)
    }

    private static func remove(at path: ArraySlice<String>, in fields: inout DataRecord) {
        guard let key = path.first else { return }
        if path.count == 1 {
            fields[key] = nil
            return
        }
        guard case .record(var inner)? = fields[key] else { return }
        remove(at: path.dropFirst(), in: &inner)
        fields[key] = inner.isEmpty ? nil : .record(inner)
    }

    /// The answer as a data value, or nil with `problem` set when it does not fit.
    private mutating func accept(_ text: String, type: InterviewQuestion.AnswerType) -> DataValue? {
        switch check(text, type: type, isStageQuestion: currentQuestion?.path == ["stage"]) {
        case .success(let value):
            return value
        case .failure(let reason):
            problem = reason.message
            return nil
        }
    }

    /// Why an answer does not fit, in the interview's words; never the answer itself.
    public struct Problem: Error, Equatable, Sendable {
        /// The entry of a list it is in (0 for the first), if any.
        public var entry: Int?
        /// The part of a record it is in (`phone`), if any.
        public var part: String?
        /// What to do, such as "A phone number has only numbers, spaces and + ( ) - . in it. …".
        public var message: String
    }

    /// The data value of an answer, or why it does not fit.
    private func check(_ text: String, type: InterviewQuestion.AnswerType, isStageQuestion: Bool) -> Result<
        DataValue, Problem
    > {
        func problem(_ message: String) -> Result<DataValue, Problem> {
            .failure(Problem(message: message))
        }
        switch type {
        case .text:
            return .success(.text(text))
        case .stage:
            let choices = isStageQuestion ? setup.stageChoices : []
            if let number = Int(text), choices.indices.contains(number - 1) {
                return .success(.text(choices[number - 1].stage.id))
            }
            if let stage = Stage(spelling: text) { return .success(.text(stage.id)) }
            return problem(
                choices.isEmpty
                    ? words.text("ask-stage-name", ["stages": Stage.allCases.map(\.id).joined(separator: ", ")])
                    : words.text("ask-stage", ["last": String(choices.count)]))
        case .date:
            if Self.words(words["today-words"]).contains(text.lowercased()) { return .success(.text(setup.today)) }
            guard DataRules.isISODate(text) else { return problem(words["ask-date"]) }
            return .success(.text(text))
        case .phone:
            guard InterviewQuestion.AnswerType.isPhoneNumber(text) else { return problem(words["ask-phone"]) }
            return .success(.text(text))
        case .number(let range):
            guard let number = Int(text), range.contains(number) else {
                return problem(
                    words.text("ask-number", ["low": String(range.lowerBound), "high": String(range.upperBound)]))
            }
            return .success(.text(String(number)))
        }
    }

    // MARK: Answers from a form

    /// An answer as a form gives it at once (the web app): one text, one text per entry
    /// of a list, or the parts of each entry of a list of records.
    public enum FormAnswer: Equatable, Sendable {
        case value(String)
        case list([String])
        case records([[String: String]])
    }

    /// The questions grouped by their section, in order: a page each in a browser.
    public var sections: [(title: String, questions: [InterviewQuestion])] {
        var sections: [(title: String, questions: [InterviewQuestion])] = []
        for question in questions {
            if sections.last?.title == question.section {
                sections[sections.count - 1].questions.append(question)
            } else {
                sections.append((question.section, [question]))
            }
        }
        return sections
    }

    /// The answer to a question now, as a form shows it.
    public func formAnswer(to question: InterviewQuestion) -> FormAnswer {
        let value = value(at: question.path)
        switch question.kind {
        case .value:
            return .value(value?.text ?? "")
        case .list:
            return .list(value?.elements.compactMap(\.text) ?? [])
        case .records(let parts):
            return .records(
                value?.elements.map { element in
                    var fields: [String: String] = [:]
                    for part in parts { if let text = element[part.key]?.text { fields[part.key] = text } }
                    return fields
                } ?? [])
        }
    }

    /// Sets the answer to the question at `path` from a form: each text is cleaned as a
    /// typed line is, empty entries are left out, and an empty answer leaves it empty.
    /// When any part does not fit, nothing of the answer is kept and every problem is
    /// returned; a changed stage changes the questions.
    ///
    /// - Returns: the problems, empty when the answer was kept.
    @discardableResult
    public mutating func set(_ answer: FormAnswer, forPath path: String) -> [Problem] {
        guard let question = questions.first(where: { $0.dottedPath == path }) else { return [] }
        let isStage = question.path == ["stage"]
        var problems: [Problem] = []
        var value: DataValue?
        switch (answer, question.kind) {
        case (.value(let text), .value):
            let text = Self.cleaned(text)
            if text.isEmpty {
                if isStage {
                    // A form's choice, not a typed number: the terminal's re-ask would say "type".
                    problems.append(Problem(message: words["ask-stage-choose"]))
                }
            } else {
                switch check(text, type: question.type, isStageQuestion: isStage) {
                case .success(let checked): value = checked
                case .failure(let problem): problems.append(problem)
                }
            }
        case (.list(let lines), .list):
            var entries: [DataValue] = []
            for (index, line) in lines.map(Self.cleaned).filter({ !$0.isEmpty }).enumerated() {
                switch check(line, type: question.type, isStageQuestion: false) {
                case .success(let checked): entries.append(checked)
                case .failure(var problem):
                    problem.entry = index
                    problems.append(problem)
                }
            }
            if !entries.isEmpty { value = .list(entries) }
        case (.records(let rows), .records(let parts)):
            var entries: [DataValue] = []
            for (index, row) in rows.enumerated() {
                var record: DataRecord = [:]
                for part in parts {
                    let text = Self.cleaned(row[part.key] ?? "")
                    guard !text.isEmpty else { continue }
                    switch check(text, type: part.type, isStageQuestion: false) {
                    case .success(let checked): record[part.key] = checked
                    case .failure(var problem):
                        problem.entry = index
                        problem.part = part.key
                        problems.append(problem)
                    }
                }
                if !record.isEmpty { entries.append(.record(record)) }
            }
            if !entries.isEmpty { value = .list(entries) }
        default:
            return []
        }
        guard problems.isEmpty else { return problems }
        let stageBefore = stage
        if let value { set(value, at: question.path) } else { remove(at: question.path) }
        if stage != stageBefore { questions = makeQuestions() }
        return []
    }

    /// Ends the interview as "done" at the review does (a form's last button).
    public mutating func finish() {
        phase = .finished
    }

    /// The words of a space-separated list of words, lowercased.
    private static func words(_ list: String) -> [String] {
        list.split(separator: " ").map { $0.lowercased() }
    }

    /// The answer without control characters and terminal escape sequences (the keys a
    /// terminal that cannot edit sends for an arrow: `ESC [ D`); a tab becomes a space;
    /// trimmed.
    static func cleaned(_ line: String) -> String {
        var scalars = String.UnicodeScalarView()
        var input = line.unicodeScalars.makeIterator()
        while let scalar = input.next() {
            if scalar == "\u{1B}" {
                // ESC [ parameters final (CSI), or ESC O final (SS3), or ESC and one more.
                switch input.next() {
                case "[":
                    while let next = input.next(), !("\u{40}"..."\u{7E}").contains(next) {}
                case "O":
                    _ = input.next()
                default:
                    break
                }
            } else if scalar == "\t" {
                scalars.append(" ")
            } else if scalar.properties.generalCategory != .control {
                scalars.append(scalar)
            }
        }
        var text = Substring(String(scalars))
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
