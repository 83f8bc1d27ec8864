extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by `&amp;`, `&lt;`, `&gt;`,
    /// `&quot;` and `&#39;`: safe as HTML text and as a double-quoted attribute value.
    ///
    /// Every character is escaped, existing entities included: `&amp;` in data comes out
    /// as `&amp;amp;`, because data is text, not HTML. The string is scanned by Unicode
    /// scalar, so a quote followed by a combining mark is still escaped.
    package var htmlEscaped: String {
        var escaped = ""
        appendHTMLEscaped(self, to: &escaped)
        return escaped
    }
}

/// Appends `text` to `output` with the five HTML-special characters escaped, and with
/// newlines and tabs made spaces when `spacingLineBreaks` is true.
///
/// The scan is over UTF-8 bytes: every character replaced is ASCII, so a run between two
/// of them always starts and ends on a scalar boundary, and is appended whole. (A quote
/// followed by a combining mark is one `Character` but still two scalars; it is escaped.)
func appendHTMLEscaped(_ text: String, to output: inout String, spacingLineBreaks: Bool = false) {
    let bytes = text.utf8
    var runStart = bytes.startIndex
    var index = runStart
    while index != bytes.endIndex {
        let replacement: String?
        switch bytes[index] {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        case UInt8(ascii: "\n"), UInt8(ascii: "\t"): replacement = spacingLineBreaks ? " " : nil
        default: replacement = nil
        }
        if let replacement {
            output.append(contentsOf: Substring(bytes[runStart..<index]))
            output.append(replacement)
            runStart = bytes.index(after: index)
        }
        index = bytes.index(after: index)
    }
    output.append(contentsOf: Substring(bytes[runStart..<bytes.endIndex]))
}
