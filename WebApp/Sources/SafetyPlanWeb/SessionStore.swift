import SafetyPlanner
import Synchronization

/// What a session is making: the document, its language and copy, and the interview.
struct Session: Sendable {
    /// What to make, as chosen on the start page; nil until then.
    var choice: Choice?
    /// The interview's answers (none for a handout).
    var interview: Interview?
    /// When the session was last used, on the monotonic clock (seconds).
    var lastUsed: Double
}

/// A document and how to make it.
struct Choice: Sendable, Equatable {
    enum Document: String, Sendable, CaseIterable {
        case plan
        case form = "maintenance-support"
        case youthHandout = "youth-handout"
        case providerHandout = "provider-handout"

        /// Whether it has questions to answer.
        var isInterview: Bool { self == .plan || self == .form }
    }

    var document: Document
    var language: String
    var copy: DocumentCopy
    var isDiscreet: Bool
    /// The stage of a youth handout.
    var stage: Stage?
}

/// The sessions of the running server, in memory only.
///
/// Each session is found by a random identifier (its cookie). A session goes when it is
/// left ("Leave this page"), when it has not been used for `idleLimit` seconds, or when
/// the server stops: nothing of it is ever written anywhere.
final class SessionStore: Sendable {
    /// How long a session may sit unused.
    let idleLimit: Double
    /// Now, in seconds (the monotonic clock; a test's own clock).
    let now: @Sendable () -> Double
    private let sessions = Mutex<[String: Session]>([:])

    init(idleLimit: Double = 30 * 60, now: @escaping @Sendable () -> Double) {
        self.idleLimit = idleLimit
        self.now = now
    }

    /// A new, empty session; its identifier.
    func create() -> String {
        let id = Self.randomToken()
        let time = now()
        sessions.withLock { sessions in
            Self.sweep(&sessions, at: time, idleLimit: idleLimit)
            sessions[id] = Session(choice: nil, interview: nil, lastUsed: time)
        }
        return id
    }

    /// Runs `body` on the session `id` and marks it used; nil when there is no such
    /// session (never made, left, or idle too long).
    func with<T>(_ id: String?, _ body: (inout Session) throws -> T) rethrows -> T? {
        guard let id else { return nil }
        let time = now()
        return try sessions.withLock { sessions -> T? in
            Self.sweep(&sessions, at: time, idleLimit: idleLimit)
            guard var session = sessions[id] else { return nil }
            session.lastUsed = time
            let result = try body(&session)
            sessions[id] = session
            return result
        }
    }

    /// Drops the session `id` and everything in it.
    func remove(_ id: String?) {
        guard let id else { return }
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// Drops every session idle too long; how many are left.
    @discardableResult
    func sweep() -> Int {
        let time = now()
        return sessions.withLock { sessions in
            Self.sweep(&sessions, at: time, idleLimit: idleLimit)
            return sessions.count
        }
    }

    /// How many sessions there are.
    var count: Int { sessions.withLock { $0.count } }

    private static func sweep(_ sessions: inout [String: Session], at time: Double, idleLimit: Double) {
        sessions = sessions.filter { time - $0.value.lastUsed < idleLimit }
    }

    /// 32 random bytes (the system's generator), as 64 hexadecimal digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }
}
