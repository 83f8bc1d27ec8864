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
/// Runs of ordinary scalars are appended whole, so text with nothing to escape costs
/// one scan and one append.
func appendHTMLEscaped(_ text: String, to output: inout String, spacingLineBreaks: Bool = false) {
    let scalars = text.unicodeScalars
    var runStart = scalars.startIndex
    var index = runStart
    while index != scalars.endIndex {
        let replacement: String?
        switch scalars[index] {
        case "&": replacement = "&amp;"
        case "<": replacement = "&lt;"
        case ">": replacement = "&gt;"
        case "\"": replacement = "&quot;"
        case "'": replacement = "&#39;"
        case "\n", "\t": replacement = spacingLineBreaks ? " " : nil
        default: replacement = nil
        }
        if let replacement {
            output.unicodeScalars.append(contentsOf: scalars[runStart..<index])
            output.append(replacement)
            runStart = scalars.index(after: index)
        }
        index = scalars.index(after: index)
    }
    output.unicodeScalars.append(contentsOf: scalars[runStart..<scalars.endIndex])
}
