/// Asks a form's questions one answer at a time and builds the plan data from the answers.
///
/// The interview holds no I/O: the caller shows `prompt`, reads one line, and passes it
/// to `answer` (nil at end of input), until `isFinished`. The same interview therefore
/// runs at a terminal, from piped answers, and in tests (`planData(answering:with:)`).
///
/// Answers are trimmed; an empty answer leaves a value empty (a write-in line on paper)
/// or ends a list. An answer that does not fit its key (a date not written YYYY-MM-DD)
/// is asked again with a short reason. End of input finishes at once: what was answered
/// is kept, the rest stays empty.
public struct FormInterview: Sendable {
    /// The questions still to be asked: those the base data does not already answer.
    public let questions: [FormQuestion]
    /// Whether every question has been answered, or input has ended.
    public private(set) var isFinished: Bool

    private var root: DataRecord
    private var position = 0
    /// Whether the current question has not yet had an answer (its title is shown).
    private var isAtQuestionStart = true
    /// Entries of the list being asked.
    private var entries: [DataValue] = []
    /// Parts answered so far of the record being asked, and the part asked next.
    private var record: DataRecord = [:]
    private var part = 0
    /// Why the last answer was asked again.
    private var problem: String?
    /// The words of the form's language, for asking again.
    private let words: Words

    /// Starts an interview.
    ///
    /// - Parameters:
    ///   - questions: the form's questions, from `FormQuestions.questions(in:stage:)`.
    ///   - base: data already known (a data file); questions it answers are not asked.
    ///   - words: the words of the form's language, for what is said when an answer does
    ///     not fit (`words.xml`).
    public init(questions: [FormQuestion], base: PlanData = PlanData(), words: Words = .english) {
        self.words = words
        guard case .record(let fields) = base.root else { preconditionFailure("plan data is always a record") }
        root = fields
        self.questions = questions.filter { question in
            var value: DataValue? = base.root
            for key in question.path { value = value?[key] }
            return value?.isPresent != true
        }
        isFinished = self.questions.isEmpty
    }

    /// The data built so far: the base data with every answer given.
    public var planData: PlanData { PlanData(root: .record(root)) }

    /// What to show before reading the next answer: the question's title and hint when it
    /// starts, then the input prompt (`> `, or a part's label such as `Name: `).
    public var prompt: String {
        guard !isFinished else { return "" }
        let question = questions[position]
        var text = ""
        if let problem {
            text += "  \(problem)\n"
        } else if isAtQuestionStart {
            text += "\n\(question.label)\n"
            if !question.hint.isEmpty { text += "  \(question.hint)\n" }
        }
        switch question.kind {
        case .value, .list: text += "> "
        case .records(let parts): text += "  \(parts[part].label): "
        }
        return text
    }

    /// Takes the next answer, or nil at the end of input.
    public mutating func answer(_ line: String?) {
        guard !isFinished else { return }
        guard let line else {
            finishList()
            isFinished = true
            return
        }
        let text = Self.trimmed(line)
        let question = questions[position]
        problem = nil
        switch question.kind {
        case .value:
            guard !text.isEmpty else { return advance() }
            guard let value = accept(text, shape: question.shape) else { return }
            set(value, at: question.path)
            advance()
        case .list:
            guard !text.isEmpty else {
                finishList()
                return advance()
            }
            guard let value = accept(text, shape: question.shape) else { return }
            entries.append(value)
            isAtQuestionStart = false
        case .records(let parts):
            isAtQuestionStart = false
            if text.isEmpty, part == 0 {
                finishList()
                return advance()
            }
            if !text.isEmpty {
                guard let value = accept(text, shape: parts[part].shape) else { return }
                record[parts[part].key] = value
            }
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
    public static func planData(
        answering questions: [FormQuestion], with answers: [String], base: PlanData = PlanData()
    ) -> PlanData {
        var interview = FormInterview(questions: questions, base: base)
        var remaining = answers[...]
        while !interview.isFinished {
            interview.answer(remaining.popFirst())
        }
        return interview.planData
    }

    // MARK: Steps

    private mutating func advance() {
        position += 1
        isAtQuestionStart = true
        part = 0
        if position == questions.count { isFinished = true }
    }

    /// Stores the list being asked (with a record cut short by the end of input), if any.
    private mutating func finishList() {
        if !record.isEmpty { entries.append(.record(record)) }
        record = [:]
        if !entries.isEmpty, position < questions.count { set(.list(entries), at: questions[position].path) }
        entries = []
    }

    private mutating func set(_ value: DataValue, at path: [String]) {
        Self.set(value, at: path[...], in: &root)
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

    /// The answer as a data value, or nil with `problem` set when it does not fit.
    private mutating func accept(_ text: String, shape: DataShape) -> DataValue? {
        switch shape {
        case .text(.any):
            return .text(text)
        case .text(.stage):
            guard let stage = Stage(spelling: text) else {
                problem = words.text("ask-stage", ["stages": Stage.allCases.map(\.id).joined(separator: ", ")])
                return nil
            }
            return .text(stage.id)
        case .text(.isoDate):
            guard DataRules.isISODate(text) else {
                problem = words["ask-date"]
                return nil
            }
            return .text(text)
        case .integer(let range):
            guard let number = Int(text), range.contains(number) else {
                problem = words.text(
                    "ask-number", ["low": String(range.lowerBound), "high": String(range.upperBound)])
                return nil
            }
            return .text(String(number))
        case .list, .record:
            return nil
        }
    }

    private static func trimmed(_ line: String) -> String {
        var text = Substring(line)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
