/// The words the tool prints itself, outside any template, in one language: the ways to
/// reach a line, the stage guide's and principles' labels, the page footer, dates, and
/// the questions of an interview (`--interactive`). Read from the catalog's `words.xml`, so a
/// language is a file to translate, not code to change.
public struct Words: Equatable, Sendable {
    /// The BCP 47 tag of the words (`en`, `es`).
    public var language: String
    /// Each text by id (`call-or-text`, `page-footer`, …).
    public var texts: [String: String]
    /// The twelve month names, January first.
    public var months: [String]
    /// The label and hint of the question for each dotted data path.
    public var questions: [String: (label: String, hint: String)]

    /// The ids every `words.xml` must give a text for.
    public static let requiredIDs = [
        "call-or-text", "call", "text", "signs", "signs-inline", "what-helps", "in-a-plan", "where", "page-footer",
        "date-format", "instruction-value", "instruction-list", "instruction-records", "first-answer", "ask-stage",
        "ask-date", "ask-number",
    ]

    /// The ids of the interview's review, re-asks and closing lines (and of what a later
    /// version adds): the bundled words of every language have them; an agency's own
    /// `words.xml` made before them may not, and then takes them from the bundled words
    /// of its language (`fillingMissing(from:)`).
    public static let laterIDs =
        [
            "ask-stage-name", "ask-stage-choose", "ask-phone", "stage-label", "stage-hint", "review-title",
            "review-help", "review-empty", "review-advocate-only", "review-now", "review-again", "edit-value",
            "edit-list",
            "done-words", "edit-words", "today-words", "copy-youth", "copy-youth-discreet", "copy-advocate",
            "saved-document", "printed-document", "saved-answers", "stopped", "ended",
        ] + webIDs + assessmentIDs

    /// The ids of the assessment document's words (`safetyplan assess`).
    public static let assessmentIDs = [
        "assess-noticed-none", "assess-points-to", "assess-points-nowhere", "assess-also-fits", "assess-youth-says",
        "assess-youth-not-said", "assess-differ", "assess-suggestion", "assess-and", "assess-from-youth",
        "assess-from-signs", "assess-no-stage", "assess-ask-first", "assess-ask-youth", "assess-ruler-importance",
        "assess-ruler-confidence", "assess-ruler-why", "assess-ruler-up", "assess-ruler-none", "assess-ruler-note",
        "assess-domains-none", "assess-history-none", "assess-history-said", "assess-history-not-said",
        "assess-history-pointed", "assess-q-intro", "assess-q-date", "assess-q-date-again", "assess-q-signs",
        "assess-q-signs-again", "assess-q-words", "assess-q-stage", "assess-q-stage-again", "assess-q-importance",
        "assess-q-confidence", "assess-q-number-again", "assess-q-domain", "assess-q-domain-again", "assess-q-about",
        "assess-recorded", "assess-already-recorded", "assess-not-recorded", "assess-from-youth-on",
        "assess-from-signs-on", "assess-youth-first", "assess-here-for",
    ]

    /// The ids of the local web app's pages (`safetyplan serve`).
    public static let webIDs = [
        "web-stage-hint",
        "web-title",
        "web-leave",
        "web-leave-help",
        "web-start-heading",
        "web-start-intro",
        "web-cannot-erase",
        "web-document",
        "web-document-plan",
        "web-document-form",
        "web-document-youth-handout",
        "web-document-provider-handout",
        "web-language",
        "web-copy",
        "web-copy-youth",
        "web-copy-advocate",
        "web-discreet",
        "web-handout-stage",
        "web-answers-file",
        "web-start",
        "web-part",
        "web-next",
        "web-back",
        "web-to-review",
        "web-list-instruction",
        "web-records-instruction",
        "web-entry",
        "web-problems",
        "web-change",
        "web-preview",
        "web-preview-heading",
        "web-copy-shown",
        "web-show-youth",
        "web-show-discreet",
        "web-show-advocate",
        "web-download",
        "web-download-pdf",
        "web-download-html",
        "web-download-text",
        "web-download-card",
        "web-download-answers",
        "web-answers-note",
        "web-start-over",
        "web-no-session",
        "web-bad-file",
        "web-too-large",
    ]

    /// These words, with every text and question they lack taken from `bundled`.
    public func fillingMissing(from bundled: Words) -> Words {
        var words = self
        words.texts.merge(bundled.texts) { own, _ in own }
        words.questions.merge(bundled.questions) { own, _ in own }
        return words
    }

    /// The text with this id (every required id is present once loaded).
    public subscript(_ id: String) -> String { texts[id] ?? "" }

    /// The text with this id, each `{name}` replaced by its value.
    public func text(_ id: String, _ values: [String: String]) -> String {
        var text = self[id]
        for (name, value) in values { text = text.replacingAll("{\(name)}", with: value) }
        return text
    }

    /// The page footer for page `page` of `pages`.
    public func pageFooter(page: Int, of pages: Int) -> String {
        text("page-footer", ["page": String(page), "pages": String(pages)])
    }

    /// Whether dates are printed as the data file writes them (YYYY-MM-DD).
    public var printsDatesAsWritten: Bool { self["date-format"] == "{year}-{month}-{day}" }

    /// A date from the data file as this language prints it; a text that is not a date
    /// written YYYY-MM-DD is returned as it is.
    public func date(_ text: String) -> String {
        guard !printsDatesAsWritten, DataRules.isISODate(text), months.count == 12 else { return text }
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]) else { return text }
        return self.text(
            "date-format",
            [
                "year": parts[0], "month": parts[1], "day": parts[2], "day-number": String(day),
                "month-name": months[month - 1],
            ])
    }

    /// Words are equal when every text, month and question is (a tuple is not `Equatable`).
    public static func == (lhs: Words, rhs: Words) -> Bool {
        lhs.language == rhs.language && lhs.texts == rhs.texts && lhs.months == rhs.months
            && lhs.questions.mapValues { [$0.label, $0.hint] } == rhs.questions.mapValues { [$0.label, $0.hint] }
    }

    /// The bundled English words: what a plan made without a catalog uses.
    public static let english: Words = {
        let root = try! CatalogFile.root(of: "words.xml", schema: "words.rng", in: TemplateLibrary.bundled)
        return try! Words(element: root)
    }()
}

extension String {
    /// This string with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
