import Foundation
import HTTPTypes
import Hummingbird
import SafetyPlanIO
import SafetyPlanner

/// What each route does. Every answer goes through the library's `Interview`; every
/// document through `Workspace.render`, as `safetyplan generate` and `fill` make them.
struct Handlers: Sendable {
    let server: WebServer

    var store: SessionStore { server.store }

    // MARK: Responses

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func download(_ bytes: [UInt8], name: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The page for a request without a live session: it has closed, or never began.
    private func closed(_ words: Words) -> Response {
        Self.html(Pages.page(Pages.message(words["web-no-session"], words: words), words: words), status: .forbidden)
    }

    private var english: Workspace { server.workspaces["en"] ?? server.workspaces.values.first! }

    private func workspace(_ language: String?) -> Workspace {
        language.flatMap { server.workspaces[$0] } ?? english
    }

    private func sessionID(_ request: Request) -> String? {
        request.cookies[WebServer.cookieName]?.value
    }

    /// The session's choice and interview, or nil when there is no live session.
    private func state(_ request: Request) -> Session? {
        store.with(sessionID(request)) { $0 }
    }

    // MARK: Start

    /// `GET /`: with the start token, a new session (cookie) and a redirect to `/`; with a
    /// session, the start page.
    func start(_ request: Request, context: BasicRequestContext) async throws -> Response {
        if let token = request.uri.queryParameters["token"] {
            guard Self.isEqual(String(token), server.configuration.token) else { return closed(english.catalog.words) }
            let id = store.create()
            var response = Self.redirect("/")
            response.setCookie(
                Cookie(name: WebServer.cookieName, value: id, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        guard let session = state(request) else { return closed(english.catalog.words) }
        let language = session.choice?.language ?? "en"
        return startPage(language: language)
    }

    private func startPage(language: String, problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let workspace = workspace(language)
        let words = workspace.catalog.words
        return Self.html(
            Pages.page(
                Pages.start(
                    words: words, stageChoices: Interview.StageChoice.all(in: workspace.catalog),
                    languages: workspace.library.languages.filter { server.workspaces[$0] != nil }, problem: problem),
                words: words), status: status)
    }

    /// `POST /start`: what to make; an answers file to go on with.
    func begin(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard sessionID(request).flatMap({ id in store.with(id) { _ in true } }) == true else {
            return closed(english.catalog.words)
        }
        var request = request
        let form = try await formData(&request)
        let language = form["language"].flatMap { server.workspaces[$0] != nil ? $0 : nil } ?? "en"
        let workspace = workspace(language)
        let words = workspace.catalog.words
        guard let document = form["document"].flatMap(Choice.Document.init(rawValue:)) else {
            return startPage(language: language, problem: words["web-document"], status: .unprocessableContent)
        }
        let copy: DocumentCopy = form["copy"] == "advocate" ? .advocate : .youth
        let isDiscreet = form["discreet"] == "yes" && document != .providerHandout
        var choice = Choice(
            document: document, language: language, copy: copy, isDiscreet: isDiscreet,
            stage: form["stage"].flatMap(Stage.init(spelling:)))
        if document == .youthHandout, choice.stage == nil {
            return startPage(language: language, problem: words["web-handout-stage"], status: .unprocessableContent)
        }
        var base = PlanData()
        if let file = form.fields.first(where: { $0.name == "answers" && !$0.value.isEmpty }) {
            do {
                base = try PlanData.parse(
                    file.value, file: Self.safeFileName(file.fileName), maximumBytes: PlanData.defaultMaximumBytes)
            } catch {
                return startPage(
                    language: language, problem: words["web-bad-file"] + " " + error.description,
                    status: .unprocessableContent)
            }
        }
        var interview: Interview?
        if document.isInterview {
            let template = try workspace.template(named: document.rawValue)
            let stage = base.stage ?? template.stage
            interview = Interview(
                Interview.Setup(
                    template: template, copy: copy, isDiscreet: isDiscreet, words: words,
                    stageChoices: document == .plan && stage == nil
                        ? Interview.StageChoice.all(in: workspace.catalog) : [],
                    stage: stage ?? (document == .plan ? .preparation : .maintenance), today: Clock.today),
                base: base)
            if document == .form, choice.stage == nil { choice.stage = .maintenance }
        }
        let chosen = choice
        let made = interview
        store.with(sessionID(request)) { session in
            session.choice = chosen
            session.interview = made
        }
        if interview == nil { return Self.redirect("/preview") }
        return Self.redirect(base.root == .record([:]) ? "/questions/1" : "/review")
    }

    // MARK: Questions

    /// `GET /questions/N`: section N of the interview.
    func questions(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let session = state(request), let choice = session.choice else { return closed(english.catalog.words) }
        guard let interview = session.interview else { return Self.redirect("/preview") }
        let words = workspace(choice.language).catalog.words
        // A template may ask nothing (an agency's plan of fixed text): straight to the review.
        guard !interview.sections.isEmpty else { return Self.redirect("/review") }
        guard let number = context.parameters.get("number", as: Int.self),
            (1...interview.sections.count).contains(number)
        else { return Self.redirect("/questions/1") }
        return Self.html(Pages.page(Pages.section(number, of: interview, words: words), words: words))
    }

    /// `POST /questions/N`: the answers of section N, then the next section, the one
    /// before, or the review; with problems, the same section again with each problem by
    /// its field and what was typed still in it.
    func answer(_ request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let form = try await formData(&request)
        guard let number = context.parameters.get("number", as: Int.self) else { return Self.redirect("/questions/1") }
        let outcome: Response? = store.with(sessionID(request)) { session -> Response in
            guard let choice = session.choice, var interview = session.interview else { return Self.redirect("/") }
            let words = workspace(choice.language).catalog.words
            let sections = interview.sections
            guard !sections.isEmpty else { return Self.redirect("/review") }
            guard (1...sections.count).contains(number) else { return Self.redirect("/questions/1") }
            var problems: [String: [Interview.Problem]] = [:]
            var typed: [String: Interview.FormAnswer] = [:]
            for question in sections[number - 1].questions {
                let answer = Self.answer(to: question, in: form)
                let found = interview.set(answer, forPath: question.dottedPath)
                if !found.isEmpty {
                    problems[question.dottedPath] = found
                    typed[question.dottedPath] = answer
                }
            }
            session.interview = interview
            if !problems.isEmpty {
                return Self.html(
                    Pages.page(
                        Pages.section(number, of: interview, words: words, problems: problems, typed: typed),
                        words: words), status: .unprocessableContent)
            }
            let count = interview.sections.count
            switch form["go"] {
            case "back": return Self.redirect("/questions/\(max(1, number - 1))")
            case "next" where number < count: return Self.redirect("/questions/\(number + 1)")
            default: return Self.redirect("/review")
            }
        }
        return outcome ?? closed(english.catalog.words)
    }

    /// A question's answer as the form sent it.
    static func answer(to question: InterviewQuestion, in form: FormData) -> Interview.FormAnswer {
        let path = question.dottedPath
        switch question.kind {
        case .value:
            return .value(form["v:" + path] ?? "")
        case .list:
            let text = form["l:" + path] ?? ""
            return .list(text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init))
        case .records(let parts):
            let count = min(200, Int(form["n:" + path] ?? "") ?? 0)
            var rows: [[String: String]] = []
            for row in 0..<count {
                var fields: [String: String] = [:]
                for part in parts { fields[part.key] = form["r:\(path):\(row):\(part.key)"] ?? "" }
                rows.append(fields)
            }
            return .records(rows)
        }
    }

    // MARK: Review and preview

    /// `GET /review`: every answer by section.
    func review(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let session = state(request), let choice = session.choice else { return closed(english.catalog.words) }
        guard let interview = session.interview else { return Self.redirect("/preview") }
        let words = workspace(choice.language).catalog.words
        return Self.html(Pages.page(Pages.review(interview, words: words), words: words))
    }

    /// The copies the preview offers, as (id, name).
    private func copies(_ choice: Choice, words: Words) -> [(String, String)] {
        switch choice.document {
        case .providerHandout: return []
        case .youthHandout: return [("youth", words["web-show-youth"]), ("discreet", words["web-show-discreet"])]
        case .plan, .form:
            return [
                ("youth", words["web-show-youth"]), ("discreet", words["web-show-discreet"]),
                ("advocate", words["web-show-advocate"]),
            ]
        }
    }

    /// The copy a request asks for (`?copy=`), else the one chosen at the start.
    private func copy(_ request: Request, _ choice: Choice) -> String {
        let asked = request.uri.queryParameters["copy"].map(String.init)
        let offered = copies(choice, words: .english).map(\.0)
        if let asked, offered.contains(asked) { return asked }
        if choice.document == .providerHandout { return "helpers" }
        return choice.copy == .advocate ? "advocate" : choice.isDiscreet ? "discreet" : "youth"
    }

    /// The session's document, in `copy`, as `format`: the answers read back as an
    /// answers file first, so it is the document `--data` on that file gives.
    func render(_ session: Session, copy: String, format: OutputFormat) throws -> String {
        guard let choice = session.choice else { return "" }
        let workspace = workspace(choice.language)
        let template = try server.template(named: choice.document.rawValue, language: choice.language, in: workspace)
        let isDiscreet = copy == "discreet"
        let documentCopy: DocumentCopy = copy == "advocate" ? .advocate : .youth
        guard let interview = session.interview else {
            return workspace.render(
                template: template, stage: choice.stage ?? .preparation, data: PlanData(), format: format,
                isDiscreet: isDiscreet && template.discreetRefusal == nil)
        }
        let data = try Self.answers(interview)
        let stage = data.stage ?? template.stage ?? interview.stage
        return workspace.render(
            template: template, stage: stage, data: data, format: format, isDiscreet: isDiscreet, copy: documentCopy)
    }

    /// The interview's answers read back as an answers file, so a document made from them
    /// is the one `--data` on the downloaded answers file makes.
    static func answers(_ interview: Interview) throws -> PlanData {
        try PlanData.parse(interview.planData.jsonBytes(), file: "answers.json", maximumBytes: Int.max)
    }

    /// The session's wallet card in `format`, made from its answers as `safetyplan handout
    /// card --data` makes it: discreet, the lines the youth's age fits, no code word. A
    /// document with no answers (a handout) has no card.
    func renderCard(_ session: Session, format: OutputFormat) throws -> String? {
        guard let choice = session.choice, let interview = session.interview else { return nil }
        let workspace = workspace(choice.language)
        let document = try server.template(named: choice.document.rawValue, language: choice.language, in: workspace)
        let card = try server.template(named: "wallet-card", language: choice.language, in: workspace)
        let data = try Self.answers(interview)
        let stage = data.stage ?? document.stage ?? interview.stage
        try workspace.checkCard(CardOptions(), stage: stage, data: data, isDiscreet: true)
        return workspace.render(template: card, stage: stage, data: data, format: format, isDiscreet: true)
    }

    /// `GET /preview?copy=youth|discreet|advocate`: the copy inside the app's page.
    func preview(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let session = state(request), let choice = session.choice else { return closed(english.catalog.words) }
        let words = workspace(choice.language).catalog.words
        let copy = copy(request, choice)
        let html = try render(session, copy: copy, format: .html)
        let body = Self.between(html, "<main>\n", "</main>") ?? ""
        return Self.html(
            Pages.page(
                Pages.preview(
                    document: body, copy: copy, copies: copies(choice, words: words),
                    hasAnswers: session.interview != nil, hasReview: session.interview != nil,
                    hasCard: session.interview != nil, words: words),
                words: words, stylesheets: ["/document.css?copy=\(copy)"]))
    }

    /// `GET /document.css`: the document's own stylesheet, for the preview.
    func documentStyle(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let session = state(request), let choice = session.choice else {
            return Self.plain(.forbidden, "This page has closed.")
        }
        let html = try render(session, copy: copy(request, choice), format: .html)
        let style = Self.between(html, "<style>\n", "</style>") ?? ""
        return Self.asset(Self.scoped(style), type: "text/css; charset=utf-8")
    }

    /// The document's stylesheet with every style rule scoped to the preview's
    /// `<article class="document">`, so none reaches the app's own page: `html`, `body`
    /// and `main` become `.document` (the document's page frame is the article), and every
    /// other selector gets `.document ` before it. At-rules stay as they are (`@page` is
    /// the page's when the preview is printed); the rules inside `@media` are scoped too.
    static func scoped(_ css: String) -> String {
        enum Block { case media, rule, other }
        var output = ""
        var pending = ""
        var blocks: [Block] = []
        for character in css {
            switch character {
            case "{":
                let prelude = pending.trimmingCharacters(in: .whitespacesAndNewlines)
                if prelude.hasPrefix("@") {
                    output += pending
                    blocks.append(prelude.hasPrefix("@media") ? .media : .other)
                } else if blocks.allSatisfy({ $0 == .media }) {
                    let leading = pending.prefix { $0.isWhitespace }
                    let selectors = prelude.split(separator: ",").map { selector in
                        let selector = selector.trimmingCharacters(in: .whitespaces)
                        return ["html", "body", "main"].contains(selector) ? ".document" : ".document " + selector
                    }
                    output += leading + selectors.joined(separator: ", ") + " "
                    blocks.append(.rule)
                } else {
                    output += pending
                    blocks.append(.other)
                }
                output += "{"
                pending = ""
            case "}":
                output += pending + "}"
                pending = ""
                if !blocks.isEmpty { blocks.removeLast() }
            case ";" where blocks.last != .rule:
                output += pending + ";"
                pending = ""
            default:
                pending.append(character)
            }
        }
        return output + pending
    }

    /// `GET /download/my-plan.pdf|html|txt?copy=…` and `/download/answers.json`.
    func download(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard let session = state(request), let choice = session.choice else { return closed(english.catalog.words) }
        let file = context.parameters.get("file") ?? ""
        let copy = copy(request, choice)
        switch file {
        case "answers.json":
            guard let interview = session.interview else { return Self.plain(.notFound, "There are no answers.") }
            return Self.download(interview.planData.jsonBytes(), name: "answers.json", type: "application/json")
        case "my-plan.txt":
            let text = try render(
                session, copy: copy,
                format: .text(width: 72, pageLength: TextRenderer.defaultPageLength, hasPageNumbers: false))
            return Self.download(Array(text.utf8), name: file, type: "text/plain; charset=utf-8")
        case "my-plan.html":
            return Self.download(
                Array(try render(session, copy: copy, format: .html).utf8), name: file, type: "text/html; charset=utf-8"
            )
        case "wallet-card.html", "wallet-card.pdf":
            let card: String?
            do {
                card = try renderCard(session, format: file.hasSuffix(".pdf") ? .pdf : .html)
            } catch let problem as CardProblem {
                return Self.plain(.unprocessableContent, problem.message)
            }
            guard let card else { return Self.plain(.notFound, "There is no such file.") }
            guard file.hasSuffix(".pdf") else {
                return Self.download(Array(card.utf8), name: file, type: "text/html; charset=utf-8")
            }
            return await pdfDownload(card, name: file)
        case "my-plan.pdf":
            return await pdfDownload(try render(session, copy: copy, format: .pdf), name: file)
        default:
            return Self.plain(.notFound, "There is no such file.")
        }
    }

    /// `html` printed to PDF by the PDF engine, off the server's threads, as a download.
    private func pdfDownload(_ html: String, name file: String) async -> Response {
        let limit = server.configuration.pdfTimeLimit
        let pdf: Result<[UInt8], IOError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    returning: Result { () throws(IOError) in try PDFEngine.pdf(html: html, timeLimit: limit) })
            }
        }
        switch pdf {
        case .success(let bytes): return Self.download(bytes, name: file, type: "application/pdf")
        case .failure(let error): return Self.plain(.serviceUnavailable, error.description)
        }
    }

    // MARK: Leaving

    /// `POST /leave`: the session and its answers are dropped, the cookie and the
    /// browser's copies of the pages cleared, and an empty page shown.
    func leave(_ request: Request) -> Response {
        store.remove(sessionID(request))
        var response = Self.redirect("/blank")
        response.headers[HTTPField.Name("Clear-Site-Data")!] = "\"cache\", \"cookies\", \"storage\""
        response.setCookie(
            Cookie(name: WebServer.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    // MARK: Reading requests

    /// The request's form, URL-encoded or multipart, read up to the server's limit.
    private func formData(_ request: inout Request) async throws -> FormData {
        let buffer = try await request.collectBody(upTo: server.configuration.maximumBodyBytes)
        let bytes = Array(buffer.readableBytesView)
        if let type = request.headers[.contentType], let boundary = FormData.boundary(ofContentType: type) {
            return FormData.multipart(bytes, boundary: boundary) ?? FormData(fields: [])
        }
        return FormData.urlEncoded(bytes)
    }

    /// The text between `start` and `end` in `text`.
    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex)
        else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    /// An uploaded file's name as messages print it: its last part, only letters, digits
    /// and `. - _` (a name is chosen by whoever made the file).
    static func safeFileName(_ name: String?) -> String {
        let last = (name ?? "").split(separator: "/").last.map(String.init) ?? ""
        let kept = String(
            last.unicodeScalars.filter {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
            }.prefix(80).map(Character.init))
        return kept.isEmpty ? "answers.json" : kept
    }

    /// Compares in time that does not depend on where the texts differ.
    static func isEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
