import Foundation
import SafeXML

/// The bytes of `Fixtures/<name>`, found next to this file so fixtures stay in the source tree.
func fixture(_ name: String, filePath: String = #filePath) throws -> [UInt8] {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
}

/// Parses `text` and returns the printed error, or `nil` when it parses.
func parseError(_ text: String, file: String = "t.xml", maxBytes: Int = 1 << 20) -> String? {
    parseError(Array(text.utf8), file: file, maxBytes: maxBytes)
}

/// Parses `bytes` and returns the printed error, or `nil` when they parse.
func parseError(_ bytes: [UInt8], file: String = "t.xml", schema: RelaxNGSchema? = nil, maxBytes: Int = 1 << 20)
    -> String?
{
    do {
        _ = try Document.parse(bytes, file: file, schema: schema, maxBytes: maxBytes)
        return nil
    } catch {
        return error.description
    }
}
