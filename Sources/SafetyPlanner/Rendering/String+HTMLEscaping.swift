extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by `&amp;`, `&lt;`, `&gt;`,
    /// `&quot;` and `&#39;`: safe as HTML text and as a double-quoted attribute value.
    ///
    /// Every character is escaped, existing entities included: `&amp;` in data comes out
    /// as `&amp;amp;`, because data is text, not HTML. The string is scanned by Unicode
    /// scalar, so a quote followed by a combining mark is still escaped.
    public var htmlEscaped: String {
        var escaped: [UInt8] = []
        appendHTMLEscaped(self, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }
}

/// Appends `text` to `output` (UTF-8 bytes) with the five HTML-special characters
/// escaped, and with newlines and tabs made spaces when `spacingLineBreaks` is true.
///
/// The scan is over UTF-8 bytes: every character replaced is ASCII, so a run between two
/// of them always starts and ends on a scalar boundary, and is appended whole. (A quote
/// followed by a combining mark is one `Character` but still two scalars; it is escaped.)
func appendHTMLEscaped(_ text: String, to output: inout [UInt8], spacingLineBreaks: Bool = false) {
    // Bit n is set for the bytes n below 64 that are replaced: tab, newline, '"', '&', '\'',
    // '<' and '>' (bits 9, 10, 34, 38, 39, 60, 62).
    let escapedBelow64: UInt64 = 0x5000_00C4_0000_0600
    var text = text
    text.withUTF8 { bytes in
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            // Fast test: every byte replaced ('&', '\'', '"', '<', '>', tab, newline) is below 64,
            // and its bit is set in `escapedBelow64`.
            if byte >= 64 || escapedBelow64 & (1 << UInt64(byte)) == 0 { continue }
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                guard spacingLineBreaks else { continue }
                replacement = " "
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
