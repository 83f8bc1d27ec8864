/// The line writer behind `TextRenderer`: word wrapping, hanging indents and the blank
/// lines between blocks, appended to one output string.
///
/// Separation is lazy: a block asks for a blank line (or a page break) before it, and the
/// request is written only when the next line of text is. So empty blocks leave no stray
/// blank lines, the output never starts with one, and a page break at the start or end
/// of the document, or right after another, prints nothing.
struct TextLayout {
    /// The fewest columns a nested block is left with; deeper indents are not added.
    static let minimumContentWidth = 10

    /// The widest a line may be, in display columns.
    let width: Int
    /// The text written so far, as UTF-8 bytes (appending bytes is several times cheaper
    /// than appending to a `String`; measured with callgrind, see Benchmarks/README.md).
    private(set) var bytes: [UInt8] = []
    /// The text written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }
    /// The number of lines ended in `output` so far.
    private(set) var lineCount = 0
    /// The blocks marked with `beginBlock`/`endBlock`, for `TextPaginator`, in the order
    /// they ended (inner blocks before the block around them).
    private(set) var blocks: [TextPaginator.Block] = []

    /// Joins the parts of a phone number so that it is wrapped as one word (it prints as a
    /// space). A control character, so `String.sanitized` has removed it from all data.
    static let phoneJoiner: Character = "\u{1F}"

    /// One level of indentation: a marker for the first line written inside it (`- `,
    /// `[ ] `), then a prefix for every later line (`  `).
    private struct Indent {
        var first: String?
        var firstWidth: Int
        var rest: String
        var restWidth: Int
    }

    private var indents: [Indent] = []
    private var hasWritten = false
    private var isBlankLinePending = false
    private var isPageBreakPending = false

    /// Whether `blocks` is kept: only pagination reads it.
    private let tracksBlocks: Bool

    init(width: Int, tracksBlocks: Bool = true) {
        self.width = width
        self.tracksBlocks = tracksBlocks
        bytes.reserveCapacity(8192)
    }

    /// The columns left for text on the next line, after its indentation.
    var availableWidth: Int {
        var used = 0
        for indent in indents {
            used += indent.first == nil ? indent.restWidth : indent.firstWidth
        }
        return width - used
    }

    /// The output, ending in exactly one newline.
    func finished() -> String {
        bytes.isEmpty ? "\n" : output
    }

    /// Starts a block for pagination: returns its first line (a blank line or form feed
    /// written before its text may be part of it; `TextPaginator` skips those).
    func beginBlock() -> Int {
        lineCount
    }

    /// Ends a block that began at line `start`; a block that wrote nothing is dropped.
    mutating func endBlock(start: Int, kind: TextPaginator.Block.Kind) {
        if tracksBlocks && lineCount > start {
            blocks.append(TextPaginator.Block(lines: start..<lineCount, kind: kind))
        }
    }

    /// Asks for a blank line before the next line written.
    mutating func requestBlankLine() {
        if hasWritten {
            isBlankLinePending = true
        }
    }

    /// Asks for a form feed line before the next line written, instead of a blank line.
    mutating func requestPageBreak() {
        if hasWritten {
            isPageBreakPending = true
        }
    }

    /// Indents what follows: `first` before the next line written, `rest` before the
    /// lines after it (both must be as wide as each other or `first` empty).
    ///
    /// When the indent would leave fewer than `minimumContentWidth` columns, the marker
    /// is written on a line of its own and what follows is not indented further, so no
    /// line is ever wider than `width`, however deep the nesting.
    mutating func pushIndent(first: String, rest: String) {
        pushIndent(first: first, rest: rest, firstWidth: DisplayWidth.of(first), restWidth: DisplayWidth.of(rest))
    }

    /// `pushIndent(first:rest:)` with the widths of `first` and `rest` already known.
    mutating func pushIndent(first: String, rest: String, firstWidth: Int, restWidth: Int) {
        var widestUsed = 0
        for indent in indents {
            widestUsed += Swift.max(indent.firstWidth, indent.restWidth)
        }
        if width - widestUsed - Swift.max(firstWidth, restWidth) < Self.minimumContentWidth {
            if !first.isEmpty {
                writeLine(first)
            }
            indents.append(Indent(first: nil, firstWidth: 0, rest: "", restWidth: 0))
        } else {
            indents.append(Indent(first: first, firstWidth: firstWidth, rest: rest, restWidth: restWidth))
        }
    }

    /// Ends the innermost indent; if nothing was written inside it, writes its marker alone
    /// (an empty list item prints as `-`).
    mutating func popIndent() {
        if let first = indents.last?.first, !first.isEmpty {
            beginLine()
            trimTrailingSpaces()
            endLine()
        }
        indents.removeLast()
    }

    /// Writes one line of `count` copies of an ASCII `byte` (a rule of `=`, `-` or `_`),
    /// known to fit.
    mutating func writeLine(repeating byte: UInt8, count: Int) {
        beginLine()
        bytes.append(contentsOf: repeatElement(byte, count: Swift.max(0, count)))
        trimTrailingSpaces()
        endLine()
    }

    /// Writes one line of text that is known to fit.
    mutating func writeLine(_ text: String) {
        beginLine()
        bytes.append(contentsOf: text.utf8)
        trimTrailingSpaces()
        endLine()
    }

    /// Writes `text` word-wrapped at the available width and returns the width of its
    /// widest line.
    ///
    /// Words are separated by spaces, tabs and newlines, and joined by one space. A word
    /// wider than a whole line starts a new line and is broken between characters
    /// (grapheme clusters), never inside one.
    @discardableResult
    mutating func writeWrapped(_ text: String) -> Int {
        var text = text
        if let widest = text.withUTF8({ writeWrappedBytes($0) }) {
            return widest
        }
        return writeWrappedByCharacters(text)
    }

    /// `writeWrapped(_:)` for text given as (valid) UTF-8 bytes, made into a `String` only
    /// when the byte path does not apply.
    @discardableResult
    mutating func writeWrapped(utf8 text: [UInt8]) -> Int {
        if let widest = text.withUnsafeBufferPointer({ writeWrappedBytes($0) }) {
            return widest
        }
        return writeWrappedByCharacters(String(decoding: text, as: UTF8.self))
    }

    /// `writeWrapped`'s general path, over `Character`s; internal so that the tests can
    /// check the byte path against it.
    @discardableResult
    mutating func writeWrappedByCharacters(_ text: String) -> Int {
        var widest = 0
        var lineWidth = -1  // -1 when no line is open
        var available = 0
        // One pass over the characters: each is measured once, and words are sliced out by
        // UTF-8 offsets, which are cheap to move, rather than found again.
        let utf8 = text.utf8
        var characters = text.makeIterator()
        var pending = characters.next()
        var index = text.startIndex
        while true {
            while let character = pending, Self.isWordSeparator(character) {
                index = utf8.index(index, offsetBy: character.utf8.count)
                pending = characters.next()
            }
            guard pending != nil else {
                break
            }
            let wordStart = index
            var wordWidth = 0
            while let character = pending, !Self.isWordSeparator(character) {
                wordWidth += Self.width(of: character)
                index = utf8.index(index, offsetBy: character.utf8.count)
                pending = characters.next()
            }
            let word = text[wordStart..<index]
            if lineWidth >= 0 && lineWidth + 1 + wordWidth <= available {
                bytes.append(0x20)
                append(word)
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth >= 0 {
                endLine()
                widest = Swift.max(widest, lineWidth)
            }
            available = availableWidth
            beginLine()
            lineWidth = 0
            if wordWidth <= available {
                append(word)
                lineWidth = wordWidth
                continue
            }
            // Too wide for any line: break between characters, appending whole runs; in a
            // phone number, at its last joiner that fits when it has one.
            var runStart = word.startIndex
            var position = word.startIndex
            var lastJoiner: (index: Substring.Index, widthBefore: Int)?
            for character in word {
                let characterWidth = Self.width(of: character)
                if lineWidth > 0 && lineWidth + characterWidth > available {
                    if let joiner = lastJoiner {
                        append(word[runStart..<joiner.index])
                        endLine()
                        widest = Swift.max(widest, joiner.widthBefore)
                        lineWidth -= joiner.widthBefore + 1
                        runStart = word.utf8.index(after: joiner.index)
                    } else {
                        append(word[runStart..<position])
                        endLine()
                        widest = Swift.max(widest, lineWidth)
                        lineWidth = 0
                        runStart = position
                    }
                    lastJoiner = nil
                    available = availableWidth
                    beginLine()
                }
                let next = word.utf8.index(position, offsetBy: character.utf8.count)
                if character == Self.phoneJoiner {
                    if lineWidth == 0 {
                        // Never a space at the start of a line.
                        runStart = next
                        position = next
                        continue
                    }
                    lastJoiner = (position, lineWidth)
                }
                lineWidth += characterWidth
                position = next
            }
            append(word[runStart..<position])
        }
        if lineWidth >= 0 {
            endLine()
            widest = Swift.max(widest, lineWidth)
        }
        return widest
    }

    /// One word of UTF-8 text from `start` (a non-separator byte) to the next space, newline
    /// or tab: where it ends, the columns its ASCII bytes take (printable bytes and the phone
    /// joiner one each, other controls none), and what else it holds.
    @inline(__always)
    private static func scanWord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, classes: UnsafePointer<UInt8>
    ) -> (end: Int, asciiWidth: Int, isASCII: Bool, hasCarriageReturn: Bool, hasJoiner: Bool) {
        var index = start
        var width = 0
        var seen: UInt8 = 0
        while index < bytes.count {
            let byteClass = classes[Int(bytes[index])]
            if byteClass & ByteClass.separator != 0 { break }
            width &+= Int(byteClass & ByteClass.column)
            seen |= byteClass
            index &+= 1
        }
        return (
            index, width, seen & ByteClass.nonASCII == 0, seen & ByteClass.carriageReturn != 0,
            seen & ByteClass.joiner != 0
        )
    }

    /// What a byte is to `scanWord`, as bits.
    private enum ByteClass {
        /// Takes one column: printable ASCII and the phone joiner (must be bit 0).
        static let column: UInt8 = 1
        /// Ends a word: space, newline, tab.
        static let separator: UInt8 = 2
        static let nonASCII: UInt8 = 4
        static let carriageReturn: UInt8 = 8
        static let joiner: UInt8 = 16
    }

    /// `ByteClass` bits of every byte value (other ASCII controls take no column), made once
    /// and never freed, so a scan reads it through a plain pointer.
    /// (Written only while it is made, so reading it from several threads is safe.)
    nonisolated(unsafe) private static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0...255 { table[value] = byteClass(value) }
        return UnsafePointer(table)
    }()

    private static func byteClass(_ value: Int) -> UInt8 {
        switch value {
        case 0x20, 0x0A, 0x09: return ByteClass.separator
        case 0x0D: return ByteClass.carriageReturn
        case 0x1F: return ByteClass.column | ByteClass.joiner
        case 0x21..<0x7F: return ByteClass.column
        case 0x80...: return ByteClass.nonASCII
        default: return 0
        }
    }

    /// `writeWrapped` for the common case, over UTF-8 bytes instead of `Character`s: text
    /// without carriage returns (CR LF would be one character) whose every word fits on a
    /// line, so no word is broken. An ASCII word is measured byte by byte: printable bytes
    /// and the phone joiner take one column, other controls none, exactly as `DisplayWidth`
    /// measures them. A word holding a non-ASCII byte is measured by its `Character`s, as
    /// the general path does; it is checked first that the spaces around it are characters
    /// of their own (a combining mark after a space, or a prepended mark before one, joins
    /// them, and then the words are not those the bytes show).
    ///
    /// One pass lays the words out as it measures them; when a word shows that the text is
    /// not the common case, what was written is taken back and nil returned, so the general
    /// path starts from the same state.
    private mutating func writeWrappedBytes(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let classes = Self.byteClasses
        // What a take-back restores (the indents lose their first-line markers as lines begin).
        let saved = (bytes.count, lineCount, hasWritten, isBlankLinePending, isPageBreakPending, indents)
        let widest = { (bytes: UnsafeBufferPointer<UInt8>) -> Int? in
            let count = bytes.count
            // The narrowest line this text may get: the first line's, or a later one's.
            var restUsed = 0
            for indent in indents { restUsed += indent.restWidth }
            let narrowest = Swift.min(availableWidth, width - restUsed)
            var widest = 0
            var lineWidth = -1  // -1 when no line is open
            var available = 0
            var index = 0
            // The open line's words are appended at once when it ends: the input from its
            // first word's start to its last word's end, separators made one space.
            var lineStart = 0
            var lineEnd = 0
            var isLineContiguous = true  // the words on the line are separated by one space each
            var lineHasJoiner = false
            while true {
                let separatorStart = index
                while index < count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 {
                    index += 1
                }
                guard index < count else { break }
                let isOneSpace = index - separatorStart == 1 && bytes[separatorStart] == 0x20
                let wordStart = index
                let word = Self.scanWord(bytes, from: index, classes: classes)
                index = word.end
                if word.hasCarriageReturn { return nil }
                var wordWidth = word.asciiWidth
                if !word.isASCII {
                    guard
                        let measured = Self.widthOfLatinWord(bytes, wordStart..<index, asciiWidth: wordWidth)
                            ?? Self.widthOfNonASCIIWord(bytes, wordStart..<index)
                    else { return nil }
                    wordWidth = measured
                }
                if wordWidth > narrowest { return nil }
                if lineWidth >= 0 && lineWidth + 1 + wordWidth <= available {
                    lineEnd = index
                    if !isOneSpace { isLineContiguous = false }
                    if word.hasJoiner { lineHasJoiner = true }
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth >= 0 {
                    appendLine(bytes, lineStart..<lineEnd, isContiguous: isLineContiguous, hasJoiner: lineHasJoiner)
                    endLine()
                    widest = Swift.max(widest, lineWidth)
                }
                available = availableWidth
                beginLine()
                lineStart = wordStart
                lineEnd = index
                isLineContiguous = true
                lineHasJoiner = word.hasJoiner
                lineWidth = wordWidth
            }
            if lineWidth >= 0 {
                appendLine(bytes, lineStart..<lineEnd, isContiguous: isLineContiguous, hasJoiner: lineHasJoiner)
                endLine()
                widest = Swift.max(widest, lineWidth)
            }
            return widest
        }(text)
        if widest == nil {
            self.bytes.removeSubrange(saved.0...)
            (lineCount, hasWritten, isBlankLinePending, isPageBreakPending, indents) = (
                saved.1, saved.2, saved.3, saved.4, saved.5
            )
        }
        return widest
    }

    /// Whether a scalar is one `widthOfLatinWord` measures from its bytes: the Latin letters
    /// of U+00C0–U+017F (Latin-1 Supplement and Latin Extended-A, with × and ÷) and the
    /// middle dot U+00B7. Each is one column wide and a grapheme of its own next to ASCII
    /// or each other (none extends, joins or is prepended; the tests check both).
    static func isLatinScalar(_ value: UInt32) -> Bool {
        value == 0xB7 || (0xC0...0x17F).contains(value)
    }

    /// The width of a word whose non-ASCII characters are all `isLatinScalar` (Zoë, García,
    /// Müller, ·), from its bytes: its ASCII columns plus one per such scalar; nil for any
    /// other non-ASCII byte, which `widthOfNonASCIIWord` measures by `Character`s.
    private static func widthOfLatinWord(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, asciiWidth: Int)
        -> Int?
    {
        var width = asciiWidth
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = text[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            // Two-byte sequences C2 B7 and C3 80 … C5 BF are U+00B7 and U+00C0 … U+017F.
            guard index + 1 < range.upperBound else { return nil }
            let next = text[index + 1]
            guard next & 0xC0 == 0x80, (byte == 0xC2 && next == 0xB7) || (0xC3...0xC5).contains(byte) else {
                return nil
            }
            width += 1
            index += 2
        }
        return width
    }

    /// The display width of the word at `range` of `text`, which holds a non-ASCII byte,
    /// summed over its `Character`s as `writeWrapped`'s general path does; nil when a
    /// space just before or after it is not a character of its own (it joins the word).
    private static func widthOfNonASCIIWord(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let hasSpaceBefore = range.lowerBound > 0 && text[range.lowerBound - 1] == 0x20
        let hasSpaceAfter = range.upperBound < text.count && text[range.upperBound] == 0x20
        let start = range.lowerBound - (hasSpaceBefore ? 1 : 0)
        let end = range.upperBound + (hasSpaceAfter ? 1 : 0)
        let word = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
        var characters = word.makeIterator()
        if hasSpaceBefore {
            guard characters.next() == " " else { return nil }
        }
        var total = 0
        var last: Character?
        while let character = characters.next() {
            if let last { total += width(of: last) }
            last = character
        }
        guard let last else { return nil }
        if hasSpaceAfter {
            guard last == " " else { return nil }
        } else {
            total += width(of: last)
        }
        return total
    }

    /// Appends the words of an ASCII line, `range` of `text` from its first word's start to
    /// its last word's end: each run of separators becomes one space, and the phone joiner
    /// is printed as a space. A line whose words are one space apart is copied at once.
    private mutating func appendLine(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isContiguous: Bool, hasJoiner: Bool
    ) {
        if isContiguous && !hasJoiner {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
            return
        }
        var previousWasSeparator = false
        for index in range {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                if !previousWasSeparator { bytes.append(0x20) }
                previousWasSeparator = true
            } else {
                bytes.append(byte == 0x1F ? 0x20 : byte)
                previousWasSeparator = false
            }
        }
    }

    /// `text` with runs of spaces, tabs and newlines made one space and the ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var collapsed = ""
        var isSpacePending = false
        for character in text {
            if isWordSeparator(character) {
                isSpacePending = !collapsed.isEmpty
            } else {
                if isSpacePending {
                    collapsed += " "
                    isSpacePending = false
                }
                collapsed.append(character)
            }
        }
        return collapsed
    }

    private static func isWordSeparator(_ character: Character) -> Bool {
        character == " " || character == "\n" || character == "\t"
    }

    /// The display width of a character of a word; the phone joiner prints as a space.
    private static func width(of character: Character) -> Int {
        character == phoneJoiner ? 1 : DisplayWidth.of(character)
    }

    /// Appends part of a word, the phone joiner printed as a space.
    private mutating func append(_ word: Substring) {
        if word.contains(Self.phoneJoiner) {
            bytes.append(contentsOf: word.replacing(String(Self.phoneJoiner), with: " ").utf8)
        } else {
            bytes.append(contentsOf: word.utf8)
        }
    }

    /// Ends the current line.
    private mutating func endLine() {
        bytes.append(0x0A)
        lineCount += 1
    }

    /// Starts a line: any pending page break or blank line, then the indentation.
    private mutating func beginLine() {
        if isPageBreakPending {
            bytes.append(0x0C)
            endLine()
        } else if isBlankLinePending {
            endLine()
        }
        isPageBreakPending = false
        isBlankLinePending = false
        hasWritten = true
        for position in indents.indices {
            if let first = indents[position].first {
                bytes.append(contentsOf: first.utf8)
                indents[position].first = nil
            } else {
                bytes.append(contentsOf: indents[position].rest.utf8)
            }
        }
    }

    /// Removes the spaces at the end of the output: the `Character`s that are a lone
    /// space. A space after an ASCII byte is always a character of its own; after other
    /// text it may not be (a prepended mark joins the space after it), so that rare case
    /// is decided on the `String`.
    private mutating func trimTrailingSpaces() {
        while let last = bytes.last, last == 0x20 {
            if bytes.count >= 2, bytes[bytes.count - 2] >= 0x80 {
                var text = output
                while text.last == " " {
                    text.removeLast()
                }
                bytes = Array(text.utf8)
                return
            }
            bytes.removeLast()
        }
    }
}

extension TextLayout {
    /// What the output of a block written at the outermost level depends on: whether
    /// anything was written before it and which separator is waiting for its first line.
    struct Entry: Hashable, CaseIterable {
        var hasWritten: Bool
        var isBlankLinePending: Bool
        var isPageBreakPending: Bool

        /// Every state a layout can be in between two outermost blocks (a separator is
        /// only ever pending after something was written).
        /// The entry's place in `allCases`.
        var index: Int {
            hasWritten ? 1 + (isBlankLinePending ? 1 : 0) + (isPageBreakPending ? 2 : 0) : 0
        }

        static let allCases: [Entry] = [
            Entry(hasWritten: false, isBlankLinePending: false, isPageBreakPending: false),
            Entry(hasWritten: true, isBlankLinePending: false, isPageBreakPending: false),
            Entry(hasWritten: true, isBlankLinePending: true, isPageBreakPending: false),
            Entry(hasWritten: true, isBlankLinePending: false, isPageBreakPending: true),
            Entry(hasWritten: true, isBlankLinePending: true, isPageBreakPending: true),
        ]
    }

    /// What writing a block appended, from one entry state: its bytes, lines and
    /// pagination marks (lines counted from the block's start), and the state after it.
    struct Recording: Sendable {
        var bytes: [UInt8]
        var lineCount: Int
        var blocks: [TextPaginator.Block]
        var exit: Entry
    }

    /// The layout's state between blocks, or nil inside an indent (a list item), where
    /// a recording made at the outermost level does not apply.
    var entry: Entry? {
        guard indents.isEmpty else { return nil }
        return Entry(
            hasWritten: hasWritten, isBlankLinePending: isBlankLinePending, isPageBreakPending: isPageBreakPending)
    }

    /// Records what `write` appends to a layout of `width` in state `entry`.
    ///
    /// A block's bytes depend only on the width, the entry state and the block: lines
    /// already written end in a newline, and trimming never reaches back past one.
    static func record(width: Int, from entry: Entry, _ write: (inout TextLayout) -> Void) -> Recording {
        var layout = TextLayout(width: width)
        layout.hasWritten = entry.hasWritten
        layout.isBlankLinePending = entry.isBlankLinePending
        layout.isPageBreakPending = entry.isPageBreakPending
        write(&layout)
        precondition(layout.indents.isEmpty, "a block left an indent open")
        return Recording(
            bytes: layout.bytes, lineCount: layout.lineCount, blocks: layout.blocks, exit: layout.entry!)
    }

    /// Appends a recording made from the layout's current state.
    mutating func replay(_ recording: Recording) {
        bytes.append(contentsOf: recording.bytes)
        for block in recording.blocks where tracksBlocks {
            let lines = (block.lines.lowerBound + lineCount)..<(block.lines.upperBound + lineCount)
            blocks.append(TextPaginator.Block(lines: lines, kind: block.kind))
        }
        lineCount += recording.lineCount
        hasWritten = recording.exit.hasWritten
        isBlankLinePending = recording.exit.isBlankLinePending
        isPageBreakPending = recording.exit.isPageBreakPending
    }
}
