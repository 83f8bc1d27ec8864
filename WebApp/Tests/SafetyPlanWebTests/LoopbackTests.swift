import Foundation
import Synchronization
import Testing

@testable import SafetyPlanWeb

#if canImport(Glibc)
    import Glibc
#endif

/// The server as it runs: on 127.0.0.1 only, on a free port, refusing a request whose
/// `Host` is another name (DNS rebinding: an attacker's page whose name resolves to
/// 127.0.0.1).
@Suite struct LoopbackTests {
    /// Sends `request` to 127.0.0.1:`port` and returns the response's bytes as text.
    static func exchange(_ request: String, port: Int) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += buffer[..<count]
            if String(decoding: response, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        return String(decoding: response, as: UTF8.self)
    }

    @Test func onlyItsOwnAddressIsServed() async throws {
        let server = try WebServer(.init(token: "t0k3n"))
        let address = Mutex<String?>(nil)
        let running = Task { try await server.run(port: 0) { printed in address.withLock { $0 = printed } } }
        defer { running.cancel() }
        let deadline = Date().addingTimeInterval(120)
        while address.withLock({ $0 }) == nil, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let printed = try #require(address.withLock { $0 })
        #expect(printed.hasPrefix("http://127.0.0.1:"))
        #expect(printed.hasSuffix("/?token=t0k3n"))
        let port = try #require(Int(printed.dropFirst("http://127.0.0.1:".count).prefix { $0.isNumber }))
        let rebound = try Self.exchange(
            "GET /?token=t0k3n HTTP/1.1\r\nHost: evil.example:\(port)\r\nConnection: close\r\n\r\n", port: port)
        #expect(rebound.hasPrefix("HTTP/1.1 421 Misdirected Request\r\n"))
        #expect(!rebound.contains("Set-Cookie"))
        #expect(rebound.contains("Cache-Control: no-store\r\n"))
        let own = try Self.exchange(
            "GET /?token=t0k3n HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", port: port)
        #expect(own.hasPrefix("HTTP/1.1 303 See Other\r\n"))
        #expect(own.contains("Set-Cookie: sp="))
        // Not on any other address of the machine: the listening socket is 127.0.0.1's.
        let listening = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let hexPort = String(format: "%04X", port)
        let line = listening.split(separator: "\n").first { $0.contains(":\(hexPort) ") && $0.contains(" 0A ") }
        #expect(line?.contains("0100007F:\(hexPort)") == true)
    }
}
