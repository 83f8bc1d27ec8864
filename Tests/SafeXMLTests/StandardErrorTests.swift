import Foundation
import SafeXML
import Testing

/// libxml2 reports some problems (a byte that is invalid in the declared encoding) through
/// its global "generic" error handler, which prints to standard error, besides the parser's
/// own error. SafeXML reports every problem as an `XMLError` and nothing else: the tool's
/// standard error holds only `file:line:column: error:` lines, and never input bytes.
/// Found by the fuzz target (Tests/Fuzz).
@Suite struct StandardErrorTests {
    /// What `body` writes to file descriptor 2 (anything another test prints at the same
    /// time may land here too; the expectations below only look for libxml2's text).
    func standardError(during body: () -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("safexml-stderr-\(UUID().uuidString)").path
        let capture = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        try #require(capture >= 0)
        defer { unlink(path) }
        let saved = dup(STDERR_FILENO)
        fflush(nil)
        dup2(capture, STDERR_FILENO)
        body()
        fflush(nil)
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(capture)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func invalidByteInDeclaredEncodingIsReportedOnlyAsAnError() throws {
        let bytes =
            Array(#"<?xml version="1.0" encoding="EUC-JP"?><template>"#.utf8) + [0xAD, 0x6C, 0x61, 0x74]
            + Array("</template>".utf8)
        var error: String?
        var diagnostics: [String] = []
        let printed = try standardError {
            error = parseError(bytes)
            diagnostics = Document.diagnose(bytes, file: "t.xml", schema: nil).map(\.description)
        }
        // libxml2 stops converting at the bad byte, so the parser sees the input end there.
        #expect(error == "t.xml:1:50: error: Premature end of data in tag template line 1")
        #expect(diagnostics == ["t.xml:1:50: error: Premature end of data in tag template line 1"])
        #expect(!printed.contains("encoding error"))
        #expect(!printed.contains("I/O error"))
        #expect(!printed.contains("0xAD"))
    }
}
