/// The questions of `safetyplan assess --interactive`, one a line: what the advocate
/// noticed (the catalog's signs, interleaved so the list suggests no order, chosen by
/// number), the youth's own words and stage, their Readiness Ruler answers, and the same
/// for any domain looked at on its own.
///
/// Its own small question flow rather than the template's `Interview`: the assessment's
/// questions (a checklist chosen by number, a loop over domains) are not data paths a
/// template prints, and the interview's review and web pages stay as they are. It has no
/// I/O: a front end shows `prompt` and passes each line to `answer(_:)`; the end of input
/// (`nil`) ends the questions with what was given. Every answer is optional.
public struct AssessmentInterview: Sendable {
    /// What to show before reading the next line: the question (with any choices) and
    /// the short text before the cursor.
    public struct Prompt: Equatable, Sendable {
        public var message: String
        public var input: String
    }

    private enum Step: Equatable {
        case date
        case signs
        case youthWords
        case youthStage
        case importance
        case confidence
        case domain
        case finished
    }

    private let words: Words
    private let guide: [StageInfo]
    private let domainInfo: [DomainInfo]
    private let today: String
    private let signs: [(id: String, stage: Stage, text: String)]
    private var step = Step.date
    /// The domain being asked about; nil for the youth's situation as a whole.
    private var domain: Domain?
    /// A line saying why the last answer did not fit, shown before the question again.
    private var problem: String?
    private var date: String?
    private var overall = DataRecord()
    private var domains: [DataRecord] = []

    /// An interview over the catalog's stages and domains, in the words of its language.
    public init(catalog: Catalog, today: String) {
        words = catalog.words
        guide = catalog.stages
        domainInfo = catalog.domains
        self.today = today
        signs = StageInfo.interleavedSigns(catalog.stages)
    }

    /// Whether every question has been asked (or the input ended).
    public var isFinished: Bool { step == .finished }

    /// The assessment as answered, as the data file's `assessment` value.
    public var assessment: DataValue {
        var record = overall
        var fields: [(String, DataValue)] = [("date", .text(date ?? today))]
        for (key, value) in record { fields.append((key, value)) }
        record = DataRecord(fields)
        if !domains.isEmpty { record["domains"] = .list(domains.map { .record($0) }) }
        return .record(record)
    }

    /// The question to show now.
    public var prompt: Prompt {
        var lines: [String] = []
        if let problem { lines.append(problem) }
        let scope = domain.map { domain in words.text("assess-q-about", ["domain": name(of: domain)]) + " " } ?? ""
        switch step {
        case .date:
            lines.append(words["assess-q-intro"])
            lines.append(words["assess-q-date"])
        case .signs:
            lines.append(scope + words["assess-q-signs"])
            for (index, sign) in signs.enumerated() { lines.append("  \(index + 1). \(sign.text)") }
        case .youthWords:
            lines.append(scope + words["assess-q-words"])
        case .youthStage:
            lines.append(scope + words["assess-q-stage"])
            for (index, info) in guide.enumerated() { lines.append("  \(index + 1). \(info.name)") }
        case .importance:
            lines.append(scope + words["assess-q-importance"])
        case .confidence:
            lines.append(scope + words["assess-q-confidence"])
        case .domain:
            lines.append(words["assess-q-domain"])
            for (index, info) in domainInfo.enumerated() { lines.append("  \(index + 1). \(info.name)") }
        case .finished:
            break
        }
        return Prompt(message: lines.joined(separator: "\n") + "\n", input: "> ")
    }

    /// Takes the answer to the question shown; nil (the end of input) ends the questions.
    public mutating func answer(_ line: String?) {
        guard let line else {
            finishDomain()
            step = .finished
            return
        }
        let text = Interview.cleaned(line)
        problem = nil
        switch step {
        case .date:
            if text.isEmpty || text.lowercased() == words["today-words"].lowercased() {
                date = today
            } else if DataRules.isISODate(text) {
                date = text
            } else {
                return problem = words["assess-q-date-again"]
            }
            step = .signs
        case .signs:
            guard let numbers = Self.numbers(text, in: 1...signs.count) else {
                return problem = words.text("assess-q-signs-again", ["high": String(signs.count)])
            }
            var ids: [String] = []
            for number in numbers where !ids.contains(signs[number - 1].id) { ids.append(signs[number - 1].id) }
            set("observed", ids.isEmpty ? nil : .list(ids.map { .text($0) }))
            step = .youthWords
        case .youthWords:
            set("youthWords", text.isEmpty ? nil : .text(text))
            step = .youthStage
        case .youthStage:
            if text.isEmpty {
                set("youthStage", nil)
            } else if let number = Int(text), guide.indices.contains(number - 1) {
                set("youthStage", .text(guide[number - 1].stage.id))
            } else if let stage = Stage(spelling: text) {
                set("youthStage", .text(stage.id))
            } else {
                return problem = words["assess-q-stage-again"]
            }
            step = .importance
        case .importance, .confidence:
            let key = step == .importance ? "importance" : "confidence"
            if text.isEmpty {
                set(key, nil)
            } else if let value = DataRules.integer(text, in: 0...10) {
                set(key, value)
            } else {
                return problem = words["assess-q-number-again"]
            }
            if step == .importance {
                step = .confidence
            } else {
                finishDomain()
                step = .domain
            }
        case .domain:
            if text.isEmpty {
                step = .finished
            } else if let number = Int(text), domainInfo.indices.contains(number - 1) {
                start(domainInfo[number - 1].domain)
            } else if let chosen = Domain(rawValue: text.lowercased()) {
                start(chosen)
            } else {
                return problem = words["assess-q-domain-again"]
            }
        case .finished:
            break
        }
    }

    private mutating func start(_ chosen: Domain) {
        domain = chosen
        domains.append(["domain": .text(chosen.id)])
        step = .signs
    }

    /// Ends the domain being asked about; one with nothing noticed or said is dropped.
    private mutating func finishDomain() {
        if domain != nil, let last = domains.last, last.count == 1 { domains.removeLast() }
        domain = nil
    }

    private mutating func set(_ key: String, _ value: DataValue?) {
        if domain == nil {
            overall[key] = value
        } else {
            domains[domains.count - 1][key] = value
        }
    }

    private func name(of domain: Domain) -> String {
        domainInfo.first { $0.domain == domain }?.name ?? domain.id
    }

    /// The whole numbers of `text`, separated by spaces or commas, each in `range`; nil
    /// when any is not.
    static func numbers(_ text: String, in range: ClosedRange<Int>) -> [Int]? {
        var numbers: [Int] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let number = Int(word), range.contains(number) else { return nil }
            numbers.append(number)
        }
        return numbers
    }
}
