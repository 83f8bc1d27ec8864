import SafetyPlanner

/// The app's pages, as HTML. Every page has the same frame: the neutral title, the app's
/// stylesheet and script, and "Leave this page" at the same place at the top.
enum Pages {
    /// A whole page around `content` (the inside of `<main>`).
    static func page(_ content: String, words: Words, stylesheets: [String] = []) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(escaped(words.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escaped(words["web-title"]))</title>\n"
        for sheet in stylesheets { html += "<link rel=\"stylesheet\" href=\"\(escaped(sheet))\">\n" }
        html +=
            "<link rel=\"stylesheet\" href=\"/app.css\">\n<script src=\"/app.js\" defer></script>\n</head>\n<body>\n"
        html += "<header class=\"bar\">\n<form class=\"leave\" method=\"post\" action=\"/leave\">"
        html += "<button type=\"submit\">\(escaped(words["web-leave"]))</button></form>\n</header>\n"
        html += "<main class=\"page\">\n" + content + "</main>\n</body>\n</html>\n"
        return html
    }

    /// The page a session ends on: empty, with a neutral title, as a new tab looks (its
    /// one heading, which a page needs, is for screen readers only, and as neutral).
    static let blank = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>New Tab</title>
        <link rel="stylesheet" href="/app.css">
        </head>
        <body>
        <main><h1 class="visually-hidden">New Tab</h1></main>
        </body>
        </html>

        """

    // MARK: Start

    /// The start page: what to make, the language, whose copy, discreet, and an answers
    /// file to go on with.
    static func start(words: Words, stageChoices: [Interview.StageChoice], languages: [String], problem: String? = nil)
        -> String
    {
        var html = "<h1>\(escaped(words["web-start-heading"]))</h1>\n"
        html += "<p>\(escaped(words["web-start-intro"]))</p>\n"
        html += "<p class=\"note\">\(escaped(words["web-cannot-erase"])) \(escaped(words["web-leave-help"]))</p>\n"
        if let problem {
            html += "<p class=\"problem\" role=\"alert\" id=\"start-problem\">\(escaped(problem))</p>\n"
        }
        html += "<form method=\"post\" action=\"/start\" enctype=\"multipart/form-data\">\n"
        html += radios(
            "document", legend: words["web-document"],
            options: [
                ("plan", words["web-document-plan"]), ("maintenance-support", words["web-document-form"]),
                ("youth-handout", words["web-document-youth-handout"]),
                ("provider-handout", words["web-document-provider-handout"]),
            ], checked: "plan")
        let names = ["en": "English", "es": "Español"]
        html += radios(
            "language", legend: words["web-language"], options: languages.map { ($0, names[$0] ?? $0) },
            checked: words.language)
        html += radios(
            "copy", legend: words["web-copy"],
            options: [("youth", words["web-copy-youth"]), ("advocate", words["web-copy-advocate"])], checked: "youth")
        html +=
            "<div class=\"question\"><label class=\"choice\"><input type=\"checkbox\" name=\"discreet\" value=\"yes\">"
        html += "\(escaped(words["web-discreet"]))</label></div>\n"
        html += radios(
            "stage", legend: words["web-handout-stage"],
            options: stageChoices.map { ($0.stage.id, $0.words) }, checked: nil)
        html += "<div class=\"question\"><label for=\"answers\">\(escaped(words["web-answers-file"]))</label>"
        html += "<input type=\"file\" id=\"answers\" name=\"answers\" accept=\".json,application/json\"></div>\n"
        html +=
            "<div class=\"buttons\"><button type=\"submit\" class=\"primary\">\(escaped(words["web-start"]))</button></div>\n"
        html += "</form>\n"
        return html
    }

    private static func radios(_ name: String, legend: String, options: [(String, String)], checked: String?) -> String
    {
        var html = "<fieldset class=\"question\"><legend>\(escaped(legend))</legend>\n"
        for (index, option) in options.enumerated() {
            let id = "\(name)-\(index)"
            html += "<label class=\"choice\" for=\"\(id)\"><input type=\"radio\" id=\"\(id)\" name=\"\(name)\" "
            html +=
                "value=\"\(escaped(option.0))\"\(option.0 == checked ? " checked" : "")>\(escaped(option.1))</label>\n"
        }
        return html + "</fieldset>\n"
    }

    // MARK: Questions

    /// One section of the interview as a form; `problems` by question path, shown next to
    /// each field with what was typed (`typed`) in it again.
    static func section(
        _ number: Int, of interview: Interview, words: Words, problems: [String: [Interview.Problem]] = [:],
        typed: [String: Interview.FormAnswer] = [:]
    ) -> String {
        let sections = interview.sections
        let section = sections[number - 1]
        var html =
            "<p>\(escaped(words.text("web-part", ["number": String(number), "count": String(sections.count)])))</p>\n"
        html += "<h1>\(escaped(section.title))</h1>\n"
        if !problems.isEmpty {
            html += "<p class=\"problem\" role=\"alert\">\(escaped(words["web-problems"]))</p>\n"
        }
        html += "<form method=\"post\" action=\"/questions/\(number)\">\n"
        for question in section.questions {
            html += field(
                question, answer: typed[question.dottedPath] ?? interview.formAnswer(to: question),
                problems: problems[question.dottedPath] ?? [], words: words, choices: interview.setup.stageChoices)
        }
        // The button Enter presses in a field is the form's first: Next (or, last, the
        // review), never Back.
        html += "<div class=\"buttons\">"
        if number < sections.count {
            html +=
                "<button type=\"submit\" name=\"go\" value=\"next\" class=\"primary\">\(escaped(words["web-next"]))</button>"
        }
        html +=
            "<button type=\"submit\" name=\"go\" value=\"review\"\(number == sections.count ? " class=\"primary\"" : "")>"
        html += "\(escaped(words["web-to-review"]))</button>"
        if number > 1 {
            html += "<button type=\"submit\" name=\"go\" value=\"back\">\(escaped(words["web-back"]))</button>"
        }
        html += "</div>\n</form>\n"
        return html
    }

    /// The id of a question's field.
    static func id(_ question: InterviewQuestion) -> String {
        "q-" + question.path.joined(separator: "-")
    }

    private static func field(
        _ question: InterviewQuestion, answer: Interview.FormAnswer, problems: [Interview.Problem], words: Words,
        choices: [Interview.StageChoice]
    ) -> String {
        let id = id(question)
        var hint = question.hint
        if !question.instruction.isEmpty, hint.hasSuffix(question.instruction) {
            hint = String(hint.dropLast(question.instruction.count))
            while hint.last == " " { hint.removeLast() }
        }
        // A date is picked in the browser's own date field: no "YYYY-MM-DD or today" to say.
        if question.type == .date { hint = "" }
        switch question.kind {
        case .value: hint += (hint.isEmpty ? "" : " ") + (question.type == .stage ? "" : words["instruction-value"])
        case .list: hint += (hint.isEmpty ? "" : " ") + words["web-list-instruction"]
        case .records: hint += (hint.isEmpty ? "" : " ") + words["web-records-instruction"]
        }
        var label = question.label
        if question.audience == .advocate { label += " " + words["review-advocate-only"] }
        var described = ["\(id)-hint"]
        var problemHTML = ""
        for (index, problem) in problems.enumerated() where problem.part == nil {
            problemHTML += "<p class=\"problem\" id=\"\(id)-problem-\(index)\">\(escaped(problem.message))</p>\n"
            described.append("\(id)-problem-\(index)")
        }
        let invalid = problems.contains { $0.part == nil } ? " aria-invalid=\"true\"" : ""
        let describedBy = " aria-describedby=\"\(described.joined(separator: " "))\""
        var html = "<div class=\"question\" id=\"\(id)-question\">\n"
        switch (question.kind, answer) {
        case (.value, .value(let text)) where question.type == .stage:
            html += "<fieldset\(describedBy)><legend>\(escaped(label))</legend>\n"
            html += "<p class=\"hint\" id=\"\(id)-hint\">\(escaped(words["web-stage-hint"]))</p>\n"
            html += problemHTML
            for (index, choice) in choices.enumerated() {
                let choiceID = "\(id)-\(index)"
                html += "<label class=\"choice\" for=\"\(choiceID)\"><input type=\"radio\" id=\"\(choiceID)\" "
                html += "name=\"v:stage\" value=\"\(choice.stage.id)\"\(choice.stage.id == text ? " checked" : "")>"
                html += "\(escaped(choice.words))</label>\n"
            }
            html += "</fieldset>\n"
        case (.value, .value(let text)):
            html += "<label for=\"\(id)\">\(escaped(label))</label>\n"
            html += "<p class=\"hint\" id=\"\(id)-hint\">\(escaped(hint))</p>\n" + problemHTML
            let type: String
            var extra = ""
            switch question.type {
            case .date: type = "date"
            case .phone:
                type = "tel"
                extra = " autocomplete=\"off\""
            case .number(let range):
                type = "number"
                extra = " min=\"\(range.lowerBound)\" max=\"\(range.upperBound)\""
            case .text, .stage: type = "text"
            }
            html += "<input type=\"\(type)\" id=\"\(id)\" name=\"v:\(question.dottedPath)\" value=\"\(escaped(text))\""
            html += "\(extra)\(describedBy)\(invalid)>\n"
        case (.list, .list(let lines)):
            html += "<label for=\"\(id)\">\(escaped(label))</label>\n"
            html += "<p class=\"hint\" id=\"\(id)-hint\">\(escaped(hint))</p>\n" + problemHTML
            html += "<textarea id=\"\(id)\" name=\"l:\(question.dottedPath)\" rows=\"4\"\(describedBy)\(invalid)>"
            html += escaped(lines.joined(separator: "\n")) + "</textarea>\n"
        case (.records(let parts), .records(let rows)):
            html += "<fieldset\(describedBy)><legend>\(escaped(label))</legend>\n"
            html += "<p class=\"hint\" id=\"\(id)-hint\">\(escaped(hint))</p>\n" + problemHTML
            let count = max(3, rows.count + 2)
            html += "<input type=\"hidden\" name=\"n:\(question.dottedPath)\" value=\"\(count)\">\n"
            for row in 0..<count {
                html +=
                    "<fieldset class=\"entry\"><legend>\(escaped(words.text("web-entry", ["number": String(row + 1)])))</legend>\n"
                for part in parts {
                    let partID = "\(id)-\(row)-\(part.key)"
                    let value = row < rows.count ? rows[row][part.key] ?? "" : ""
                    let partProblems = problems.filter { $0.entry == row && $0.part == part.key }
                    html += "<label for=\"\(partID)\">\(escaped(part.label))</label>\n"
                    var partDescribed = ""
                    for (index, problem) in partProblems.enumerated() {
                        html +=
                            "<p class=\"problem\" id=\"\(partID)-problem-\(index)\">\(escaped(problem.message))</p>\n"
                        partDescribed += (partDescribed.isEmpty ? "" : " ") + "\(partID)-problem-\(index)"
                    }
                    let type = part.type == .phone ? "tel" : part.type == .date ? "date" : "text"
                    html +=
                        "<input type=\"\(type)\" id=\"\(partID)\" name=\"r:\(question.dottedPath):\(row):\(part.key)\" "
                    html += "value=\"\(escaped(value))\""
                    if !partDescribed.isEmpty { html += " aria-describedby=\"\(partDescribed)\" aria-invalid=\"true\"" }
                    html += ">\n"
                }
                html += "</fieldset>\n"
            }
            html += "</fieldset>\n"
        default:
            break
        }
        return html + "</div>\n"
    }

    // MARK: Review

    /// Every answer by section, each with a link to change it.
    static func review(_ interview: Interview, words: Words) -> String {
        var html = "<h1>\(escaped(words["review-title"]))</h1>\n<div class=\"review\">\n"
        let entries = interview.review
        var index = 0
        for (number, section) in interview.sections.enumerated() {
            html += "<h2>\(escaped(section.title))</h2>\n<dl>\n"
            for question in section.questions {
                let entry = entries[index]
                index += 1
                var label = question.label
                if question.audience == .advocate { label += " " + words["review-advocate-only"] }
                html += "<dt>\(escaped(label))</dt>\n"
                if entry.lines.isEmpty {
                    html += "<dd class=\"empty\">\(escaped(words["review-empty"]))</dd>\n"
                } else {
                    for line in entry.lines { html += "<dd>\(escaped(line))</dd>\n" }
                }
                html += "<dd><a href=\"/questions/\(number + 1)#\(id(question))-question\">"
                html +=
                    "\(escaped(words["web-change"]))<span class=\"visually-hidden\">: \(escaped(question.label))</span></a></dd>\n"
            }
            html += "</dl>\n"
        }
        html +=
            "</div>\n<p class=\"buttons\"><a class=\"button\" href=\"/preview\">\(escaped(words["web-preview"]))</a></p>\n"
        return html
    }

    // MARK: Preview

    /// A copy as the document shows it, with the copies to switch to and the downloads.
    static func preview(
        document: String, copy: String, copies: [(String, String)], hasAnswers: Bool, hasReview: Bool,
        hasCard: Bool = false, words: Words
    ) -> String {
        var html = "<div class=\"chrome\">\n<h1>\(escaped(words["web-preview-heading"]))</h1>\n"
        if copies.count > 1 {
            html += "<nav aria-label=\"\(escaped(words["web-copy-shown"]))\"><ul class=\"copies\">\n"
            for (id, name) in copies {
                let current = id == copy ? " aria-current=\"page\"" : ""
                html += "<li><a href=\"/preview?copy=\(id)\"\(current)>\(escaped(name))</a></li>\n"
            }
            html += "</ul></nav>\n"
        }
        html += "<h2>\(escaped(words["web-download"]))</h2>\n<ul>\n"
        for (file, name) in [
            ("my-plan.pdf", words["web-download-pdf"]), ("my-plan.html", words["web-download-html"]),
            ("my-plan.txt", words["web-download-text"]),
        ] {
            html += "<li><a href=\"/download/\(file)?copy=\(copy)\" download>\(escaped(name))</a></li>\n"
        }
        if hasCard {
            // The wallet card is discreet whichever copy is shown (`safetyplan handout card`).
            html +=
                "<li><a href=\"/download/wallet-card.pdf\" download>\(escaped(words["web-download-card"]))</a></li>\n"
        }
        if hasAnswers {
            html +=
                "<li><a href=\"/download/answers.json\" download>\(escaped(words["web-download-answers"]))</a></li>\n"
        }
        html += "</ul>\n"
        if hasAnswers { html += "<p class=\"note\">\(escaped(words["web-answers-note"]))</p>\n" }
        html += "<p class=\"buttons\">"
        if hasReview { html += "<a class=\"button\" href=\"/review\">\(escaped(words["review-title"]))</a>" }
        html += "<a class=\"button\" href=\"/\">\(escaped(words["web-start-over"]))</a></p>\n</div>\n"
        html += "<article class=\"document\">\n" + document + "</article>\n"
        return html
    }

    /// A short page that says what happened and what to do.
    static func message(_ text: String, words: Words) -> String {
        "<h1>\(escaped(words["web-title"]))</h1>\n<p>\(escaped(text))</p>\n"
    }

    /// `text` with `& < > " '` as entities: the library's escaping, as its documents use.
    static func escaped(_ text: String) -> String { text.htmlEscaped }
}
