extension Array where Element == Inline {
    /// The inlines' visible text with `String.sanitized` applied to every piece of data:
    /// what a reader sees on paper, with emphasis dropped and blanks as underscores.
    var sanitizedPlainText: String {
        var text = ""
        appendSanitizedPlainText(to: &text)
        return text
    }

    /// Whether the inlines show anything: a blank, or a character that is not whitespace,
    /// not a format character and not of zero width (after `String.sanitized`).
    ///
    /// The renderers skip headings, paragraphs and notes that would print nothing, so HTML
    /// has no empty `<h1>` and plain text no stray blank lines.
    var hasVisibleContent: Bool {
        contains { inline in
            switch inline {
            case .text(let string), .phone(let string, _), .address(let string):
                Self.isVisible(string)
            case .emphasis(let children), .strong(let children):
                children.hasVisibleContent
            case .blank(let width):
                width > 0
            }
        }
    }

    /// Whether a piece of text shows anything (see `hasVisibleContent`).
    static func isVisible(_ string: String) -> Bool {
        // Fast path: printable ASCII other than a space is never removed by `sanitized`
        // and always visible; text that is all ASCII without it shows nothing.
        switch asciiVisibility(string) {
        case true?: true
        case false?: false
        case nil:
            string.sanitized.unicodeScalars.contains { scalar in
                !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format
                    && DisplayWidth.of(scalar) > 0
            }
        }
    }

    /// `isVisible(_:)` for text given as (valid) UTF-8 bytes.
    static func isVisible(utf8 bytes: [UInt8]) -> Bool {
        switch bytes.withUnsafeBufferPointer(asciiVisibility) {
        case true?: true
        case false?: false
        case nil: isVisible(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Whether `string` shows something, decided from its bytes alone: true when it has
    /// printable ASCII other than a space, false when it is all ASCII without any, nil when
    /// it has other characters that need a closer look.
    private static func asciiVisibility(_ string: String) -> Bool? {
        var string = string
        return string.withUTF8(asciiVisibility)
    }

    private static func asciiVisibility(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var isASCII = true
        for byte in bytes {
            if byte > 0x20 && byte < 0x7F { return true }
            if byte >= 0x80 { isASCII = false }
        }
        return isASCII ? false : nil
    }

    /// The sanitized plain text for `TextLayout` to wrap: the spaces inside a phone number
    /// are `TextLayout.phoneJoiner`, so a number that fits on a line is never split.
    var textForWrapping: String {
        // Fast path: one piece of text, which needs no copy when it needs no sanitizing.
        if count == 1, case .text(let string) = self[0] {
            return string.sanitized
        }
        var text = ""
        appendSanitizedPlainText(to: &text, joiningPhones: true)
        return text
    }

    /// `text` with each space that is a character of its own made `TextLayout.phoneJoiner`:
    /// byte by byte when the text is ASCII (every space is then a character of its own).
    static func joiningSpaces(_ text: String) -> String {
        var text = text
        let joiner = UInt8(ascii: "\u{1F}")
        let joined = text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() { buffer[index] = byte == 0x20 ? joiner : byte }
                return bytes.count
            }
        }
        return joined ?? text.replacing(" ", with: String(TextLayout.phoneJoiner))
    }

    /// Appends the sanitized plain text to `text`.
    func appendSanitizedPlainText(to text: inout String, joiningPhones: Bool = false) {
        for inline in self {
            switch inline {
            case .phone(let string, _) where joiningPhones:
                text += Self.joiningSpaces(string.sanitized)
            case .text(let string), .phone(let string, _), .address(let string):
                text += string.sanitized
            case .emphasis(let children), .strong(let children):
                children.appendSanitizedPlainText(to: &text, joiningPhones: joiningPhones)
            case .blank(let width):
                text += String(repeating: "_", count: Swift.max(0, width))
            }
        }
    }
}

extension String {
    /// Whether a field label already ends in a colon or question mark (ASCII or
    /// fullwidth), so the renderers add no colon of their own.
    var endsInLabelPunctuation: Bool {
        guard let last = unicodeScalars.last else { return false }
        return last == ":" || last == "?" || last == "\u{FF1A}" || last == "\u{FF1F}"
    }
}
