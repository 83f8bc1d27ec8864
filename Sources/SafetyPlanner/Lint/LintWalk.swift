import SafeXML

/// One file's pass of `ContentLinter`: the terms in every text and attribute, then the
/// youth text and facts its root element holds.
struct LintWalk {
    let linter: ContentLinter
    let positions: SourcePositions
    let language: String
    var diagnostics: [LintDiagnostic] = []
    /// Every block of youth text seen, each ending as a sentence, for the file's own score.
    var youthText: [String] = []

    init(linter: ContentLinter, positions: SourcePositions, language: String) {
        self.linter = linter
        self.positions = positions
        self.language = language
    }

    /// The texts of a template that are not for the youth, or not text (data references).
    private static let inlineNames: Set<String> = ["em", "strong"]

    // MARK: Stigmatizing terms, everywhere

    /// Scans every text and attribute value for stigmatizing terms, except the word lists
    /// of discretion.xml (the words a discreet copy hides).
    mutating func scanTerms(in element: Element) {
        if element.name == "stem" || element.name == "word" { return }
        for attribute in element.attributes {
            scanTerms(inText: attribute.value, of: element, inContent: false)
        }
        var seen: [String: Int] = [:]
        for child in element.children {
            switch child {
            case .element(let inner): scanTerms(in: inner)
            case .text(let text): scanTerms(inText: text, of: element, inContent: true, seen: &seen)
            }
        }
    }

    private mutating func scanTerms(inText text: String, of element: Element, inContent: Bool) {
        var seen: [String: Int] = [:]
        scanTerms(inText: text, of: element, inContent: inContent, seen: &seen)
    }

    /// `seen` counts each phrase's matches in earlier text nodes of the same element, so the
    /// n-th match is looked up in the file.
    private mutating func scanTerms(
        inText text: String, of element: Element, inContent: Bool, seen: inout [String: Int]
    ) {
        var scrubbed = text
        for name in LintVocabulary.allowedNames {
            scrubbed = scrubbed.replacing(name, with: String(repeating: "_", count: name.count))
        }
        var taken: [Range<Int>] = []
        for term in LintVocabulary.stigmatizingTerms {
            let length = term.words.unicodeScalars.count
            for offset in PhraseMatcher.matches(of: term.words, in: scrubbed, isCaseSensitive: term.isCaseSensitive) {
                // "child prostitute" is reported once, not again as "prostitute".
                let range = offset..<(offset + length)
                guard !taken.contains(where: { $0.overlaps(range) }) else { continue }
                taken.append(range)
                let occurrence = seen[term.words, default: 0]
                seen[term.words] = occurrence + 1
                let location = positions.location(
                    of: term.words, occurrence: occurrence, in: element, inContent: inContent)
                report(
                    .error, .stigmatizingTerm,
                    "\"\(term.words)\" blames or stigmatizes; write \"\(term.suggestion)\" instead", at: location)
            }
        }
    }

    // MARK: Youth text and facts, by kind of file

    mutating func scanContent(of root: Element) {
        switch root.name {
        case "stages":
            for child in root.elements {
                if child.name == "cycle", child.attribute("audience") == "youth" {
                    checkYouthText(child, stages: Set(Stage.allCases))
                }
                guard child.name == "stage", let id = child.attribute("id"), let stage = Stage(rawValue: id) else {
                    continue
                }
                for text in child.elements where text.name == "youth" || text.name == "moved-back" {
                    checkYouthText(text, stages: [stage])
                }
            }
        case "guidance":
            for domain in root.elements {
                for item in domain.elements {
                    if item.name == "item" { checkLegalItem(item) }
                    guard item.attribute("audience") == "youth", item.name == "item" || item.name == "about" else {
                        continue
                    }
                    checkYouthText(item, stages: Self.stages(item.attribute("stages")))
                }
            }
        case "resources":
            for resource in root.elements where resource.name == "resource" {
                checkResource(resource)
                for text in resource.elements where text.name == "youth" {
                    checkYouthText(text, stages: Set(Stage.allCases))
                }
            }
        case "template", "fragment":
            guard root.attribute("audience") != "provider" else { return }
            checkTemplate(root, stages: Set(Stage.allCases))
        case "words":
            for question in root.elements where question.name == "question" {
                checkYouthAttributes(question, stages: Set(Stage.allCases))
            }
        default:
            return
        }
    }

    /// The stages a `stages="…"` list names (all five when there is none).
    static func stages(_ list: String?) -> Set<Stage> {
        guard let list else { return Set(Stage.allCases) }
        return Set(list.split(separator: " ").compactMap { Stage(rawValue: String($0)) })
    }

    /// Walks a template's youth text: what `<if stage>` limits to its stages, and nothing
    /// inside `<if copy="advocate">`.
    private mutating func checkTemplate(_ element: Element, stages: Set<Stage>) {
        var stages = stages
        if element.name == "if" {
            if element.attribute("copy") == "advocate" { return }
            if let list = element.attribute("stage") { stages.formIntersection(Self.stages(list)) }
        }
        let ownText = element.children.contains { child in
            if case .text(let text) = child { return !text.allSatisfy(\.isWhitespace) }
            return false
        }
        if ownText && !Self.inlineNames.contains(element.name) {
            checkYouthText(element, stages: stages)
        }
        checkYouthAttributes(element, stages: stages)
        for child in element.elements where !Self.inlineNames.contains(child.name) {
            checkTemplate(child, stages: stages)
        }
    }

    /// The text of a block: its own text and that of its inline children, spaces joined.
    private static func blockText(_ element: Element) -> String {
        var text = ""
        for child in element.children {
            switch child {
            case .text(let part): text += part
            case .element(let inner) where inlineNames.contains(inner.name): text += inner.textContent
            case .element: text += " "
            }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Pressure, labels and reading level of one block of youth text.
    private mutating func checkYouthText(_ element: Element, stages: Set<Stage>) {
        guard !stages.isEmpty else { return }
        let text = Self.blockText(element)
        checkWords(text, of: element, stages: stages, inContent: true)
        checkReadingLevel(text, of: element)
    }

    /// The words before a pressure phrase that make it something else.
    private static let pressureExemptions: Set<String> = ["not", "no", "never", "nunca", "if", "si", "when", "cuando"]

    /// The attributes a youth reads: a template's title, a field's label, hint and default,
    /// an interview question's label and hint.
    private static let youthAttributes = ["title", "discreet-title", "label", "hint", "default"]

    /// Pressure and labels in the youth-facing attributes of `element`.
    private mutating func checkYouthAttributes(_ element: Element, stages: Set<Stage>) {
        guard !stages.isEmpty else { return }
        for name in Self.youthAttributes {
            if let value = element.attribute(name) {
                checkWords(value, of: element, stages: stages, inContent: false)
            }
        }
    }

    /// Pressure and labels in a youth text, `text` being the element's content (`inContent`)
    /// or one of its attributes.
    private mutating func checkWords(_ text: String, of element: Element, stages: Set<Stage>, inContent: Bool) {
        let isEarly = !stages.isDisjoint(with: ContentLinter.earlyStages)
        var seen: [String: Int] = [:]
        for phrase in LintVocabulary.pressurePhrases {
            for offset in PhraseMatcher.matches(of: phrase, in: text) {
                let occurrence = seen[phrase, default: 0]
                seen[phrase] = occurrence + 1
                let before = PhraseMatcher.wordBefore(offset, in: text)
                // "you do not have to" and "no tienes que" reassure; "if you need to leave"
                // and "si tienes que irte" describe.
                guard !Self.pressureExemptions.contains(before) else { continue }
                let location = positions.location(of: phrase, occurrence: occurrence, in: element, inContent: inContent)
                let advice = LintVocabulary.pressureAdvice(language: language)
                if isEarly {
                    report(
                        .error, .pressure,
                        "\"\(phrase)\" pushes the youth in text for pre-contemplation or contemplation; \(advice)",
                        at: location)
                } else {
                    report(.warning, .pressure, "\"\(phrase)\" may push the youth; \(advice)", at: location)
                }
            }
        }
        guard isEarly else { return }
        for label in LintVocabulary.labels {
            for (occurrence, _) in PhraseMatcher.matches(of: label, in: text).enumerated() {
                let location = positions.location(of: label, occurrence: occurrence, in: element, inContent: inContent)
                report(
                    .error, .label,
                    "\"\(label)\" is a label the youth may not use for themselves, in text for pre-contemplation or contemplation; say what happened in plain words, or leave it out",
                    at: location)
            }
        }
    }

    /// A block above the limit is a warning: one sentence is too few words for a formula to
    /// be sure of. The file's youth text as a whole above the limit is an error
    /// (`checkFileReadingLevel`), as the documents were scored before `lint` existed.
    private mutating func checkReadingLevel(_ text: String, of element: Element) {
        // The file's score is of its prose: a label or a check box ("Medicinas") is not a sentence.
        if let last = text.last, ".!?".contains(last) { youthText.append(text) }
        guard let finding = Self.readingLevel(of: text, language: language) else { return }
        report(.warning, .readingLevel, "this block of youth text " + finding, at: element.location)
    }

    /// The reading-level error of the file as a whole, at its root element.
    mutating func checkFileReadingLevel(_ root: Element) {
        let text = youthText.joined(separator: " ")
        guard let finding = Self.readingLevel(of: text, language: language) else { return }
        report(.error, .readingLevel, "the youth text of this file as a whole " + finding, at: root.location)
    }

    /// "reads at US grade 8.4 (Flesch-Kincaid), above grade 6; …" when `text` (of at least
    /// `minimumScoredWords` words) is above the language's limit, else nil.
    static func readingLevel(of text: String, language: String) -> String? {
        let advice = "use shorter sentences and everyday words"
        switch language {
        case "en":
            let score = Readability(text, language: .english)
            let grade = score.fleschKincaidGrade
            guard score.words >= ContentLinter.minimumScoredWords, grade > ContentLinter.gradeLimit else { return nil }
            return
                "reads at US grade \(oneDecimal(grade)) (Flesch-Kincaid), above grade \(Int(ContentLinter.gradeLimit)); \(advice)"
        case "es":
            let score = Readability(text, language: .spanish)
            let value = score.fernandezHuerta
            guard score.words >= ContentLinter.minimumScoredWords, value < ContentLinter.fernandezHuertaLimit else {
                return nil
            }
            return
                "scores \(oneDecimal(value)) on the Fernández-Huerta scale, below \(Int(ContentLinter.fernandezHuertaLimit)); \(advice)"
        default:
            return nil
        }
    }

    /// A number with one decimal, rounded half away from zero ("8.4").
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    // MARK: Facts

    /// A guidance item that states the law (it names a `source`, or cites a section with
    /// "§") must say where and for whom it is true.
    private mutating func checkLegalItem(_ item: Element) {
        let isLegal = item.attribute("source") != nil || item.textContent.contains("§")
        guard isLegal else { return }
        if item.attribute("jurisdiction") == nil {
            report(
                .error, .legalItem,
                "this item states the law but has no jurisdiction= (where the law holds, such as \"California\")",
                at: item.location)
        }
        if item.attribute("ages") == nil {
            report(
                .error, .legalItem,
                "this item states the law but has no ages= (who it is true for: \"under-18\" or \"18-and-over\")",
                at: item.location)
        }
        if item.attribute("source") == nil {
            report(
                .error, .legalItem, "this item cites the law but has no source= (the statute or bill it states)",
                at: item.location)
        }
    }

    private mutating func checkResource(_ resource: Element) {
        let id = resource.attribute("id") ?? "?"
        if !resource.elements.contains(where: { $0.name == "source" && !$0.textContent.allSatisfy(\.isWhitespace) }) {
            report(
                .error, .resourceSource,
                "resource \"\(id)\" names no source; add a <source> that says where its facts come from",
                at: resource.location)
        }
        for element in resource.elements {
            if element.name == "call", !PhoneNumber.isDialable(element.textContent) {
                report(
                    .error, .resourcePhone,
                    "the <call> number of resource \"\(id)\" is not a phone number (a service number such as 911 or 988, or 10 digits with the area code)",
                    at: element.location)
            }
            if element.name == "text", let number = element.attribute("number"), !PhoneNumber.isTextable(number) {
                report(
                    .error, .resourcePhone,
                    "the <text number=> of resource \"\(id)\" is not a number a text can go to (a short code of 3 to 6 digits, or 10 digits with the area code)",
                    at: element.location)
            }
        }
        guard let verified = resource.attribute("verified") else {
            report(
                .warning, .resourceVerified,
                "resource \"\(id)\" has not been verified with the service; call it, confirm its facts and set verified=\"YYYY-MM-DD\"",
                at: resource.location)
            return
        }
        guard let day = CalendarDay(verified), let today = CalendarDay(linter.today) else {
            report(
                .error, .resourceVerified, "verified= of resource \"\(id)\" is not a date written YYYY-MM-DD",
                at: resource.location)
            return
        }
        if day < today.monthsEarlier(ContentLinter.verifiedMonths) {
            report(
                .warning, .resourceVerified,
                "resource \"\(id)\" was last verified on \(verified), more than \(ContentLinter.verifiedMonths) months ago; call the service again and update verified=",
                at: resource.location)
        }
    }

    private mutating func report(
        _ severity: LintDiagnostic.Severity, _ rule: LintRule, _ message: String, at location: SourceLocation
    ) {
        diagnostics.append(LintDiagnostic(severity, rule, message, at: location))
    }
}
