import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SafetyPlanner
import Synchronization
import Testing

@testable import SafetyPlanWeb

/// The web app's routes, without a browser: the security rules on every response, the
/// session's life, and a plan made through the pages.
@Suite struct RouteTests {
    static let token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

    /// A clock the test moves.
    final class TestClock: Sendable {
        let seconds = Mutex<Double>(1000)
        func advance(_ by: Double) { seconds.withLock { $0 += by } }
    }

    /// A server and its routes in memory, with the test's clock.
    static func make(clock: TestClock = TestClock(), maximumBodyBytes: Int = 2 << 20) throws -> (
        WebServer, some ApplicationProtocol
    ) {
        let server = try WebServer(
            .init(token: token, idleLimit: 30 * 60, maximumBodyBytes: maximumBodyBytes),
            now: { clock.seconds.withLock { $0 } }
        )
        return (server, Application(router: server.router()))
    }

    static let sameOrigin: HTTPFields = [.origin: "http://localhost"]

    /// The session cookie of a response's `Set-Cookie`, as a `Cookie` header.
    static func cookie(_ response: TestResponse) -> HTTPFields {
        guard let value = response.headers[.setCookie], let pair = value.split(separator: ";").first else { return [:] }
        return [.cookie: String(pair)]
    }

    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return ByteBuffer(string: body)
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A session started with the token.
    static func session(_ client: some TestClientProtocol) async throws -> HTTPFields {
        let response = try await client.execute(uri: "/?token=\(token)", method: .get)
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/")
        return cookie(response)
    }

    /// Starts a plan (or another document) in a session.
    static func start(
        _ client: some TestClientProtocol, _ cookie: HTTPFields,
        fields: [(String, String)] = [
            ("document", "plan"), ("language", "en"), ("copy", "youth"),
        ]
    ) async throws -> TestResponse {
        var headers = cookie
        headers.append(contentsOf: sameOrigin)
        headers.append(contentsOf: formType)
        return try await client.execute(uri: "/start", method: .post, headers: headers, body: form(fields))
    }

    // MARK: Every response

    @Test func everyResponseHasTheSecurityHeaders() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            for (uri, headers) in [
                ("/", cookie), ("/?token=wrong", [:]), ("/blank", [:]), ("/app.js", [:]), ("/app.css", [:]),
                ("/review", [:]), ("/nothing-here", cookie), ("/questions/1", cookie),
            ] as [(String, HTTPFields)] {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                    let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                    #expect(policy.contains("frame-ancestors 'none'"), "\(uri)")
                    #expect(policy.contains("form-action 'self'"), "\(uri)")
                    #expect(policy.contains("script-src 'self'"), "\(uri)")
                    #expect(!policy.contains("unsafe-inline"), "\(uri)")
                }
            }
        }
    }

    @Test func pagesHaveANeutralTitleAndTheLeaveButton() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            let page = Self.text(try await client.execute(uri: "/", method: .get, headers: cookie))
            #expect(page.contains("<title>My plan</title>"))
            #expect(
                page.contains(
                    "<form class=\"leave\" method=\"post\" action=\"/leave\"><button type=\"submit\">Leave this page</button></form>"
                ))
            #expect(!page.contains("<script>"))
            #expect(page.contains("<script src=\"/app.js\" defer></script>"))
            for word in ["trafficking", "exploitation", "victim", "police"] {
                #expect(!page.lowercased().contains(word), "the start page says \(word)")
            }
        }
    }

    // MARK: Who may ask

    @Test func withoutTheTokenThereIsNoSession() async throws {
        let (server, app) = try Self.make()
        try await app.test(.router) { client in
            let wrong = try await client.execute(uri: "/?token=abc", method: .get)
            #expect(wrong.status == .forbidden)
            #expect(wrong.headers[.setCookie] == nil)
            #expect(Self.text(wrong).contains("This page has closed."))
            let none = try await client.execute(uri: "/", method: .get)
            #expect(none.status == .forbidden)
            let forged = try await client.execute(uri: "/review", method: .get, headers: [.cookie: "sp=forged"])
            #expect(forged.status == .forbidden)
        }
        #expect(server.store.count == 0)
    }

    @Test func theTokenIsExchangedForAStrictHttpOnlyCookieAndLeavesTheAddress() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/?token=\(Self.token)", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.hasPrefix("sp="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains(Self.token))
        }
    }

    @Test func anotherHostIsRefused() throws {
        let server = try WebServer(.init(token: Self.token), port: 4321)
        #expect(server.serves(host: "127.0.0.1:4321"))
        #expect(server.serves(host: "localhost:4321"))
        #expect(server.serves(host: "LOCALHOST:4321"))
        #expect(!server.serves(host: "127.0.0.1:4322"))
        #expect(!server.serves(host: "127.0.0.1"))
        #expect(!server.serves(host: "evil.example:4321"))
        #expect(!server.serves(host: "127.0.0.1.evil.example:4321"))
        #expect(!server.serves(host: nil))
        #expect(server.isSameOrigin("http://127.0.0.1:4321"))
        #expect(!server.isSameOrigin("http://evil.example:4321"))
        #expect(!server.isSameOrigin("null"))
        #expect(!server.isSameOrigin("https://127.0.0.1:4321"))
    }

    @Test func aFormFromAnotherOriginIsRefused() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            for origin in [
                [HTTPField.Name.origin: "http://evil.example"], [.origin: "null"],
                [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"], [:],
            ] as [HTTPFields] {
                var headers = cookie
                headers.append(contentsOf: origin)
                headers.append(contentsOf: Self.formType)
                let response = try await client.execute(
                    uri: "/start", method: .post, headers: headers,
                    body: Self.form([("document", "plan"), ("language", "en")]))
                #expect(response.status == .forbidden)
                #expect(Self.text(response) == "Forms are accepted only from this app's own pages.\n")
            }
            // Leave too: a page elsewhere cannot end a session.
            let leave = try await client.execute(
                uri: "/leave", method: .post, headers: cookie + [.origin: "http://evil.example"])
            #expect(leave.status == .forbidden)
            #expect(try await client.execute(uri: "/", method: .get, headers: cookie).status == .ok)
            var same = cookie
            same.append(HTTPField(name: HTTPField.Name("Sec-Fetch-Site")!, value: "same-origin"))
            same.append(contentsOf: Self.formType)
            let accepted = try await client.execute(
                uri: "/start", method: .post, headers: same,
                body: Self.form([("document", "plan"), ("language", "en")]))
            #expect(accepted.status == .seeOther)
        }
    }

    // MARK: The session's life

    @Test func leavingDropsTheSession() async throws {
        let (server, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            _ = try await Self.start(client, cookie)
            #expect(server.store.count == 1)
            let leave = try await client.execute(uri: "/leave", method: .post, headers: cookie + Self.sameOrigin)
            #expect(leave.status == .seeOther)
            #expect(leave.headers[.location] == "/blank")
            #expect(leave.headers[HTTPField.Name("Clear-Site-Data")!] == "\"cache\", \"cookies\", \"storage\"")
            #expect(leave.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(server.store.count == 0)
            let after = try await client.execute(uri: "/review", method: .get, headers: cookie)
            #expect(after.status == .forbidden)
            let blank = Self.text(try await client.execute(uri: "/blank", method: .get))
            #expect(blank.contains("<title>New Tab</title>"))
            #expect(!blank.contains("plan"))
        }
    }

    @Test func anIdleSessionExpiresAfterThirtyMinutes() async throws {
        let clock = TestClock()
        let (server, app) = try Self.make(clock: clock)
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            _ = try await Self.start(client, cookie)
            clock.advance(29 * 60)
            #expect(try await client.execute(uri: "/review", method: .get, headers: cookie).status == .ok)
            clock.advance(29 * 60)
            // Used 29 minutes ago: still there.
            #expect(try await client.execute(uri: "/review", method: .get, headers: cookie).status == .ok)
            clock.advance(30 * 60 + 1)
            #expect(server.store.sweep() == 0)
            let after = try await client.execute(uri: "/review", method: .get, headers: cookie)
            #expect(after.status == .forbidden)
        }
    }

    @Test func sessionsNeverSeeEachOthersAnswers() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let first = try await Self.session(client)
            let second = try await Self.session(client)
            #expect(first != second)
            for cookie in [first, second] { _ = try await Self.start(client, cookie) }
            let answer = try await client.execute(
                uri: "/questions/1", method: .post, headers: first + Self.sameOrigin + Self.formType,
                body: Self.form([("v:stage", "preparation"), ("v:client.name", "Maya"), ("go", "review")]))
            #expect(answer.status == .seeOther)
            let mine = Self.text(try await client.execute(uri: "/review", method: .get, headers: first))
            let theirs = Self.text(try await client.execute(uri: "/review", method: .get, headers: second))
            #expect(mine.contains("<dd>Maya</dd>"))
            #expect(!theirs.contains("Maya"))
        }
    }

    // MARK: Bad input

    @Test func anOversizedUploadIsRefusedWithAMessage() async throws {
        let (_, app) = try Self.make(maximumBodyBytes: 4096)
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            let response = try await client.execute(
                uri: "/start", method: .post, headers: cookie + Self.sameOrigin + Self.formType,
                body: ByteBuffer(string: "document=plan&notes=" + String(repeating: "a", count: 10_000)))
            #expect(response.status == .contentTooLarge)
            #expect(Self.text(response) == "That was too large to read.\n")
        }
    }

    @Test func aMalformedAnswersFileGetsTheDataFileMessage() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            let boundary = "XyZ123"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\nplan\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n"
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"answers\"; filename=\"../maya's file.json\"\r\n"
            body += "Content-Type: application/json\r\n\r\n{\"client\": {\"name\": \"Maya\",}}\r\n--\(boundary)--\r\n"
            let response = try await client.execute(
                uri: "/start", method: .post,
                headers: cookie + Self.sameOrigin + [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableContent)
            let page = Self.text(response)
            #expect(
                page.contains(
                    "This answers file could not be read: mayasfile.json:1:27: error: a comma before } is not allowed in JSON</p>"
                ))
            #expect(!page.contains("Maya"))
        }
    }

    @Test func aPhoneWithLettersIsShownByItsFieldAndNothingIsKept() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            _ = try await Self.start(client, cookie, fields: [("document", "maintenance-support"), ("language", "en")])
            // The form's sections: the first is the name and date.
            let response = try await client.execute(
                uri: "/questions/1", method: .post, headers: cookie + Self.sameOrigin + Self.formType,
                body: Self.form([("v:client.name", "Maya"), ("v:date", "next week"), ("go", "next")]))
            #expect(response.status == .unprocessableContent)
            let page = Self.text(response)
            #expect(
                page.contains(
                    "<p class=\"problem\" id=\"q-date-problem-0\">Please write the date as YYYY-MM-DD, or today, or leave it empty.</p>"
                ))
            #expect(page.contains("aria-invalid=\"true\""))
            #expect(page.contains("value=\"next week\""))
            let review = Self.text(try await client.execute(uri: "/review", method: .get, headers: cookie))
            #expect(review.contains("<dd>Maya</dd>"))
            #expect(!review.contains("next week"))
        }
    }

    // MARK: A plan through the pages

    @Test func aPlanMadeThroughThePagesIsTheSameAsFromItsAnswersFile() async throws {
        let (server, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            let started = try await Self.start(client, cookie)
            #expect(started.headers[.location] == "/questions/1")
            let post = cookie + Self.sameOrigin + Self.formType
            // No stage chosen: asked again, by the choices, never guessed.
            let unchosen = try await client.execute(
                uri: "/questions/1", method: .post, headers: post,
                body: Self.form([("v:client.name", "Maya"), ("go", "next")]))
            #expect(unchosen.status == .unprocessableContent)
            #expect(
                Self.text(unchosen).contains(
                    "<p class=\"problem\" id=\"q-stage-problem-0\">Please choose the one that fits best.</p>"))
            var response = try await client.execute(
                uri: "/questions/1", method: .post, headers: post,
                body: Self.form([
                    ("v:stage", "preparation"), ("v:client.name", "Maya"), ("v:client.age", "16"),
                    ("v:date", "2027-02-14"), ("go", "next"),
                ]))
            #expect(response.headers[.location] == "/questions/2")
            response = try await client.execute(
                uri: "/questions/2", method: .post, headers: post,
                body: Self.form([("l:goals", "Go back to school\r\nFind a safe place to live\r\n"), ("go", "next")]))
            #expect(response.headers[.location] == "/questions/3")
            let page = Self.text(try await client.execute(uri: "/questions/4", method: .get, headers: cookie))
            #expect(page.contains("<h1>People on my side</h1>"))
            response = try await client.execute(
                uri: "/questions/4", method: .post, headers: post,
                body: Self.form([
                    ("n:supports", "3"), ("r:supports:0:name", "Grandma Rose"),
                    ("r:supports:0:relation", "grandmother"),
                    ("r:supports:0:phone", "(510) 555-0121"), ("go", "review"),
                ]))
            #expect(response.headers[.location] == "/review")
            let review = Self.text(try await client.execute(uri: "/review", method: .get, headers: cookie))
            #expect(review.contains("<dd>Grandma Rose, grandmother, (510) 555-0121</dd>"))
            #expect(review.contains("<dd>You want something to change.</dd>"))
            let preview = Self.text(
                try await client.execute(uri: "/preview?copy=discreet", method: .get, headers: cookie))
            #expect(preview.contains("<article class=\"document\">"))
            #expect(preview.contains("M."))
            #expect(!preview.contains("Maya"))
            let answers = try await client.execute(uri: "/download/answers.json", method: .get, headers: cookie)
            #expect(answers.headers[.contentDisposition] == "attachment; filename=\"answers.json\"")
            let text = Self.text(
                try await client.execute(uri: "/download/my-plan.txt?copy=youth", method: .get, headers: cookie))
            let data = try PlanData.parse(Array(answers.body.readableBytesView), file: "answers.json")
            let workspace = server.workspaces["en"]!
            let fromFile = workspace.render(
                template: try workspace.template(named: "plan"), stage: data.stage!, data: data,
                format: .text(width: 72, pageLength: TextRenderer.defaultPageLength, hasPageNumbers: false))
            #expect(text == fromFile)
            #expect(text.contains("For: Maya"))
            #expect(text.contains("1. Go back to school\n2. Find a safe place to live\n"))
            // The wallet card, discreet as `handout card --data` on the answers file makes it.
            #expect(preview.contains("<a href=\"/download/wallet-card.pdf\" download>Wallet card to cut out (PDF)</a>"))
            let card = Self.text(
                try await client.execute(uri: "/download/wallet-card.html", method: .get, headers: cookie))
            let cardFromFile = workspace.render(
                template: try workspace.template(named: "wallet-card"), stage: data.stage!, data: data, format: .html,
                isDiscreet: true)
            #expect(card == cardFromFile)
            #expect(card.contains("My numbers"))
            #expect(!card.contains("Maya") && !card.contains("Grandma"))
        }
    }

    @Test func aHandoutNeedsNoQuestions() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            let started = try await Self.start(
                client, cookie, fields: [("document", "youth-handout"), ("language", "es"), ("stage", "contemplation")])
            #expect(started.headers[.location] == "/preview")
            let preview = Self.text(try await client.execute(uri: "/preview", method: .get, headers: cookie))
            #expect(preview.contains("<html lang=\"es\">"))
            #expect(preview.contains("Salir de esta página"))
            let noStage = try await Self.start(
                client, cookie, fields: [("document", "youth-handout"), ("language", "en")])
            #expect(noStage.status == .unprocessableContent)
        }
    }

    @Test func aTemplateThatAsksNothingGoesStraightToTheReview() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(
            """
            <template xmlns="urn:safetyplanner:template:1" name="plan" kind="plan" title="Fixed">
              <heading>Fixed</heading><p>Nothing to ask.</p>
            </template>
            """.utf8
        ).write(to: folder.appendingPathComponent("plan.xml"))
        let server = try WebServer(.init(templatesDirectory: folder.path, token: Self.token))
        let app = Application(router: server.router())
        try await app.test(.router) { client in
            let cookie = try await Self.session(client)
            _ = try await Self.start(client, cookie)
            let page = try await client.execute(uri: "/questions/1", method: .get, headers: cookie)
            // Only the stage is asked; answered, nothing is left.
            #expect(page.status == .ok)
            let answered = try await client.execute(
                uri: "/questions/1", method: .post, headers: cookie + Self.sameOrigin + Self.formType,
                body: Self.form([("v:stage", "action"), ("go", "next")]))
            #expect(answered.headers[.location] == "/review")
            #expect(try await client.execute(uri: "/review", method: .get, headers: cookie).status == .ok)
            #expect(try await client.execute(uri: "/questions/7", method: .get, headers: cookie).status == .seeOther)
        }
    }

    @Test func garbageNeverBreaksTheServer() async throws {
        let (_, app) = try Self.make()
        try await app.test(.router) { client in
            var generator = SystemRandomNumberGenerator()
            let cookie = try await Self.session(client)
            _ = try await Self.start(client, cookie)
            for round in 0..<200 {
                let count = Int.random(in: 0..<600, using: &generator)
                var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if round % 3 == 0 { bytes = Array("--b\r\nContent-Disposition: form-data; name=\"".utf8) + bytes }
                for (uri, type) in [
                    ("/start", "multipart/form-data; boundary=b"),
                    ("/questions/1", "application/x-www-form-urlencoded"),
                    ("/questions/3", "multipart/form-data; boundary=\"\""), ("/start", "text/plain"),
                ] {
                    let response = try await client.execute(
                        uri: uri, method: .post, headers: cookie + Self.sameOrigin + [.contentType: type],
                        body: ByteBuffer(bytes: bytes))
                    #expect(response.status.code < 500, "\(uri) gave \(response.status)")
                }
            }
            #expect(try await client.execute(uri: "/review", method: .get, headers: cookie).status == .ok)
        }
    }

    @Test func formsParse() {
        let form = FormData.urlEncoded(Array("a=1&b=two+words&c=%C3%AD&d=%zz&&e".utf8))
        #expect(form["a"] == "1")
        #expect(form["b"] == "two words")
        #expect(form["c"] == "í")
        #expect(form["d"] == "%zz")
        #expect(form["e"] == "")
        #expect(FormData.boundary(ofContentType: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(FormData.boundary(ofContentType: "text/plain") == nil)
        #expect(FormData.multipart(Array("no parts here".utf8), boundary: "x") == nil)
        let parts = FormData.multipart(
            Array("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.json\"\r\n\r\n{}\r\n--x--\r\n".utf8),
            boundary: "x")
        #expect(parts?.fields == [FormData.Field(name: "f", value: Array("{}".utf8), fileName: "a.json")])
    }
}

extension HTTPFields {
    static func + (left: HTTPFields, right: HTTPFields) -> HTTPFields {
        var fields = left
        fields.append(contentsOf: right)
        return fields
    }
}

/// The preview's `/document.css` reaches only the document: every style rule of the
/// document's own stylesheet, on screen and in print, is scoped to `.document`.
@Test func thePreviewsDocumentStylesheetIsScopedToTheDocument() throws {
    let workspace = try Workspace.load()
    let html = workspace.render(
        template: try workspace.template(named: "plan"), stage: .preparation, data: PlanData(), format: .html,
        copy: .advocate)
    let style = try #require(Handlers.between(html, "<style>\n", "</style>"))
    let scoped = Handlers.scoped(style)
    // The same declarations, in the same order: only the selectors changed.
    func declarations(_ css: String) -> [Substring] {
        // What follows a "{" up to its "}"; a block that opens another first (`@page`,
        // `@media`) holds no declaration of its own before it.
        css.split(separator: "{").dropFirst().filter { $0.contains("}") }.map { $0.prefix { $0 != "}" } }
    }
    #expect(declarations(scoped) == declarations(style))
    var selectorsSeen = 0
    var inPage = false
    for line in scoped.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("@page") { inPage = true }
        if inPage {
            if trimmed == "}" { inPage = false }
            continue
        }
        guard !trimmed.hasPrefix("@"), trimmed != "}" else { continue }
        // Each rule on the line: its selectors, before its "{".
        for rule in trimmed.split(separator: "}") where rule.contains("{") {
            for selector in rule.prefix(while: { $0 != "{" }).split(separator: ",") {
                let selector = selector.trimmingCharacters(in: .whitespaces)
                #expect(selector == ".document" || selector.hasPrefix(".document "), "\(selector)")
                selectorsSeen += 1
            }
        }
    }
    #expect(selectorsSeen > 50)
    #expect(scoped.contains(".document h2 { font-size: 1.3em;"))
    #expect(scoped.contains("@media print {\n  .document { padding: 0;"))
    #expect(scoped.contains("@bottom-center { content: \"Page \" counter(page)"))
}
