/// The output string `HTMLRenderer` appends to, with the one piece of state that spans
/// blocks: a page break waiting for the block after it.
///
/// A page break is written only when another block follows, so one at the start or end
/// of the document, or right after another, prints no empty page.
struct HTMLBuffer {
    /// The HTML written so far, as UTF-8 bytes (cheaper to append to than a `String`).
    var bytes: [UInt8] = []
    /// The HTML written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    init(capacity: Int = 16384) {
        bytes.reserveCapacity(capacity)
    }
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
            bytes.append(contentsOf: "<div class=\"page-break\"></div>\n".utf8)
            isPageBreakPending = false
        }
        hasWrittenBlock = true
    }

    /// Appends markup written by the renderer itself (never data), from its UTF-8 bytes
    /// in the program (a literal is copied without going through `String`).
    static func += (buffer: inout HTMLBuffer, markup: StaticString) {
        buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Appends markup made by the renderer itself (never data).
    mutating func appendMarkup(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends data as HTML text: sanitized (`String.sanitized`), escaped
    /// (`String.htmlEscaped`), with newlines and tabs made spaces.
    mutating func appendText(_ text: String) {
        appendHTMLEscaped(text.sanitized, to: &bytes, spacingLineBreaks: true)
    }

    /// Appends a value for a double-quoted attribute, escaped.
    mutating func appendAttribute(_ value: String) {
        appendHTMLEscaped(value, to: &bytes)
    }
}

extension HTMLBuffer {
    /// The state a block's markup depends on: whether a block was written before it and
    /// whether a page break waits for it.
    struct Entry: Hashable, Sendable {
        var hasWrittenBlock: Bool
        var isPageBreakPending: Bool

        /// The entry's place in `allCases`.
        var index: Int { hasWrittenBlock ? (isPageBreakPending ? 2 : 1) : 0 }

        /// Every state a buffer can be in (a page break waits only after a block).
        static let allCases: [Entry] = [
            Entry(hasWrittenBlock: false, isPageBreakPending: false),
            Entry(hasWrittenBlock: true, isPageBreakPending: false),
            Entry(hasWrittenBlock: true, isPageBreakPending: true),
        ]
    }

    /// What writing a block appended from one entry state, and the state after it.
    struct Recording: Sendable {
        var bytes: [UInt8]
        var exit: Entry
    }

    var entry: Entry { Entry(hasWrittenBlock: hasWrittenBlock, isPageBreakPending: isPageBreakPending) }

    /// Records what `write` appends to a buffer in state `entry`.
    static func record(from entry: Entry, _ write: (inout HTMLBuffer) -> Void) -> Recording {
        var buffer = HTMLBuffer(capacity: 256)
        buffer.hasWrittenBlock = entry.hasWrittenBlock
        buffer.isPageBreakPending = entry.isPageBreakPending
        write(&buffer)
        return Recording(bytes: buffer.bytes, exit: buffer.entry)
    }

    /// Appends a recording made from the buffer's current state.
    mutating func replay(_ recording: Recording) {
        bytes.append(contentsOf: recording.bytes)
        hasWrittenBlock = recording.exit.hasWrittenBlock
        isPageBreakPending = recording.exit.isPageBreakPending
    }
}
