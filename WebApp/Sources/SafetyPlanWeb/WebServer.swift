import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SafetyPlanIO
import SafetyPlanner
import Synchronization

#if canImport(Glibc)
    import CMallocTrim
#endif

/// The local web app (`safetyplan serve`): the interview's second front end, on this
/// computer only, keeping nothing.
///
/// - It listens on 127.0.0.1 only. The address it prints holds a random token; opening it
///   exchanges the token for a session cookie (`HttpOnly`, `SameSite=Strict`) and
///   redirects to a URL without it.
/// - Answers live in memory, per session (`SessionStore`), and go when the session is
///   left, after `idleLimit` seconds unused, or when the server stops. Nothing is written
///   to disk but what Chromium needs, for a moment, to print a PDF.
/// - Every response says `no-store`, `no-referrer`, `nosniff` and a Content-Security-Policy
///   that allows only the app's own script and style, no framing and no form posting
///   elsewhere (`Guard`). A request for another host (DNS rebinding) is refused, and so is
///   a form posted from another origin.
/// - Pages are made by the same library as the command line: the questions of
///   `InterviewQuestions`, the answers of `Interview`, documents through `Workspace.render`.
public final class WebServer: Sendable {
    /// What the server is started with.
    public struct Configuration: Sendable {
        /// An agency's templates folder, as `--templates`.
        public var templatesDirectory: String?
        /// The secret in the address printed at start.
        public var token: String
        /// How long a session may sit unused, in seconds.
        public var idleLimit: Double
        /// How long Chromium has to print a PDF, in seconds.
        public var pdfTimeLimit: Double
        /// The largest request body read, in bytes (an answers file is at most 1 MiB).
        public var maximumBodyBytes: Int

        public init(
            templatesDirectory: String? = nil, token: String = WebServer.newToken(), idleLimit: Double = 30 * 60,
            pdfTimeLimit: Double = 120, maximumBodyBytes: Int = 2 << 20
        ) {
            self.templatesDirectory = templatesDirectory
            self.token = token
            self.idleLimit = idleLimit
            self.pdfTimeLimit = pdfTimeLimit
            self.maximumBodyBytes = maximumBodyBytes
        }
    }

    let configuration: Configuration
    let store: SessionStore
    /// The workspace of each language the templates have, by language.
    let workspaces: [String: Workspace]
    /// The port the server listens on, once known (0 before: tests of the routes alone).
    private let boundPort: Mutex<Int>
    /// The templates rendered from, by language and name, each compiled once: a compiled
    /// template keeps what it prepared for each plan shape, and one compiled for each
    /// request was never freed (its cache and its prepared parts refer to each other).
    private let compiled = Mutex<[String: Template]>([:])

    /// The name of the session cookie.
    static let cookieName = "sp"

    /// Loads the templates (every language) and makes an empty session store.
    ///
    /// - Parameters:
    ///   - port: the port the server listens on, for the `Host` check (tests give one; `run`
    ///     sets the port it was given by the system).
    ///   - now: the clock sessions expire by (seconds; a test's own).
    public init(
        _ configuration: Configuration, port: Int = 0, now: (@Sendable () -> Double)? = nil
    ) throws {
        self.configuration = configuration
        store = SessionStore(idleLimit: configuration.idleLimit, now: now ?? { Clock.now })
        let base = try Workspace.load(templatesDirectory: configuration.templatesDirectory)
        var workspaces: [String: Workspace] = [:]
        for language in base.library.languages {
            workspaces[language] = try base.translated(to: language)
        }
        self.workspaces = workspaces
        boundPort = Mutex(port)
    }

    /// The template `name` of `workspace` (the workspace of `language`), compiled once.
    func template(named name: String, language: String, in workspace: Workspace) throws -> Template {
        let key = language + "/" + name
        if let found = compiled.withLock({ $0[key] }) { return found }
        let made = try workspace.template(named: name)
        return compiled.withLock { compiled in
            if let found = compiled[key] { return found }
            compiled[key] = made
            return made
        }
    }

    /// A new random token for the start address.
    public static func newToken() -> String { SessionStore.randomToken() }

    /// The names this server answers to: the loopback address and `localhost`.
    static let names: Set<String> = ["127.0.0.1", "localhost"]

    /// Whether `authority` (a request's `Host`, `name:port`) is this server: a loopback
    /// name, and this server's port (before it is known, any or none). Anything else, such
    /// as a name an attacker's page resolves to 127.0.0.1 (DNS rebinding), is refused.
    func serves(host authority: String?) -> Bool {
        guard let authority else { return false }
        var name = Substring(authority.lowercased())
        var port: Int?
        if let colon = name.lastIndex(of: ":") {
            guard let number = Int(name[name.index(after: colon)...]) else { return false }
            port = number
            name = name[..<colon]
        }
        guard Self.names.contains(String(name)) else { return false }
        let bound = boundPort.withLock { $0 }
        return bound == 0 || port == bound
    }

    /// Whether a form's `Origin` is this app.
    func isSameOrigin(_ origin: String) -> Bool {
        let lowered = origin.lowercased()
        guard lowered.hasPrefix("http://") else { return false }
        return serves(host: String(lowered.dropFirst("http://".count)))
    }

    /// The start address, once the port is known.
    func startAddress(port: Int) -> String {
        "http://127.0.0.1:\(port)/?token=\(configuration.token)"
    }

    // MARK: Running

    /// Listens on 127.0.0.1 at `port` (0: a free one) until the process ends; `ready` gets
    /// the start address once the server is listening.
    public func run(port: Int = 0, ready: @escaping @Sendable (String) -> Void) async throws {
        let logger = Logger(label: "safetyplan-serve") { _ in SwiftLogNoOpLogHandler() }
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { [self] channel in
                let bound = channel.localAddress?.port ?? port
                self.boundPort.withLock { $0 = bound }
                ready(self.startAddress(port: bound))
            },
            logger: logger)
        // Idle sessions go within a minute of their limit even when no request comes. When
        // there are fewer than at the last sweep, the memory freed goes back to the system
        // (glibc keeps freed memory in its arenas otherwise: after a busy hour the server
        // would stay at its peak).
        let store = self.store
        let sweeper = Task {
            var last = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(min(60, max(1, configuration.idleLimit / 4))))
                let left = store.sweep()
                if left < last { Self.returnFreedMemory() }
                last = left
            }
        }
        defer { sweeper.cancel() }
        try await application.run()
    }

    /// Hands the memory malloc holds free back to the system (glibc; elsewhere nothing).
    static func returnFreedMemory() {
        #if canImport(Glibc)
            _ = malloc_trim(0)
        #endif
    }

    /// The routes, behind the guard.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.middlewares.add(Guard(server: self))
        let handlers = Handlers(server: self)
        router.get("/") { request, context in try await handlers.start(request, context: context) }
        router.post("/start") { request, context in try await handlers.begin(request, context: context) }
        router.get("/questions/:number") { request, context in try await handlers.questions(request, context: context) }
        router.post("/questions/:number") { request, context in try await handlers.answer(request, context: context) }
        router.get("/review") { request, context in try await handlers.review(request, context: context) }
        router.get("/preview") { request, context in try await handlers.preview(request, context: context) }
        router.get("/document.css") { request, context in try await handlers.documentStyle(request, context: context) }
        router.get("/download/:file") { request, context in try await handlers.download(request, context: context) }
        router.post("/leave") { request, context in handlers.leave(request) }
        router.get("/blank") { _, _ in Handlers.html(Pages.blank) }
        router.get("/app.css") { _, _ in Handlers.asset(Assets.stylesheet, type: "text/css; charset=utf-8") }
        router.get("/app.js") { _, _ in Handlers.asset(Assets.script, type: "text/javascript; charset=utf-8") }
        return router
    }
}

/// The security rules every request and response passes through.
struct Guard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let server: WebServer

    /// The headers every response carries.
    static let headers: [(HTTPField.Name, String)] = [
        (.cacheControl, "no-store"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (
            HTTPField.Name("Content-Security-Policy")!,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'"
        ),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
        (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        if !server.serves(host: request.head.authority) {
            response = Handlers.plain(.misdirectedRequest, "This server answers only at its own address on 127.0.0.1.")
        } else if request.method != .get && request.method != .head && !isSameOrigin(request) {
            response = Handlers.plain(.forbidden, "Forms are accepted only from this app's own pages.")
        } else {
            do {
                response = try await next(request, context)
            } catch is NIOTooManyBytesError {
                response = Handlers.plain(.contentTooLarge, "That was too large to read.")
            } catch let error as HTTPResponseError {
                response = Handlers.plain(
                    error.status,
                    error.status == .contentTooLarge ? "That was too large to read." : error.status.reasonPhrase)
            } catch {
                response = Handlers.plain(.internalServerError, "Something went wrong; nothing was kept.")
            }
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }

    /// A form must come from this app: its `Origin`, or the browser's `Sec-Fetch-Site`.
    /// Under `Referrer-Policy: no-referrer` a browser sends `Origin: null` with a form or a
    /// `fetch` POST from the app's own pages (Chromium does), so `null` falls back to
    /// `Sec-Fetch-Site`, which no page can set.
    private func isSameOrigin(_ request: Request) -> Bool {
        if let origin = request.headers[.origin], origin != "null" { return server.isSameOrigin(origin) }
        return request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "same-origin"
    }
}
