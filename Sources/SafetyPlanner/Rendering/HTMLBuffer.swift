/// The output string `HTMLRenderer` appends to, with the one piece of state that spans
/// blocks: a page break waiting for the block after it.
///
/// A page break is written only when another block follows, so one at the start or end
/// of the document, or right after another, prints no empty page.
struct HTMLBuffer {
    /// The HTML written so far.
    var output = ""
    private var hasWrittenBlock = false
    private var isPageBreakPending = false

    /// Asks for a page break before the next block.
    mutating func requestPageBreak() {
        if hasWrittenBlock {
            isPageBreakPending = true
        }
    }

    /// Called before a block's opening tag: writes a pending page break.
    mutating func beginBlock() {
        if isPageBreakPending {
            output += "<div class=\"page-break\"></div>\n"
            isPageBreakPending = false
        }
        hasWrittenBlock = true
    }

    /// Appends markup written by the renderer itself (never data).
    static func += (buffer: inout HTMLBuffer, markup: String) {
        buffer.output += markup
    }

    /// Appends data as HTML text: sanitized (`String.sanitized`), escaped
    /// (`String.htmlEscaped`), with newlines and tabs made spaces.
    mutating func appendText(_ text: String) {
        appendHTMLEscaped(text.sanitized, to: &output, spacingLineBreaks: true)
    }

    /// Appends a value for a double-quoted attribute, escaped.
    mutating func appendAttribute(_ value: String) {
        appendHTMLEscaped(value, to: &output)
    }
}
