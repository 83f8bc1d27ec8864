import SafeXML

/// Finds where a word of an element's text is written in its file, for a diagnostic that
/// points at the word itself.
///
/// `SafeXML` gives every element the line and column of its `<name`, and decoded text
/// without positions; this searches the file's characters from that element for the word,
/// ignoring case, with any run of white space (a line break too) where the word has a
/// space. When the word is not written as such (an entity, markup inside it), the
/// element's own location is used.
struct SourcePositions {
    private var scalars: [Unicode.Scalar] = []
    private var lines: [Int] = []
    private var columns: [Int] = []
    private var startOfLine: [Int] = [0]
    private let file: String

    init(bytes: [UInt8], file: String) {
        self.file = file
        var line = 1
        var column = 1
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            lines.append(line)
            columns.append(column)
            if scalar == "\n" {
                line += 1
                column = 1
                startOfLine.append(scalars.count)
            } else {
                column += 1
            }
        }
    }

    /// The index of the scalar at `location`, if the file has one there.
    private func index(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= startOfLine.count else { return nil }
        let index = startOfLine[location.line - 1] + location.column - 1
        return index < scalars.count ? index : nil
    }

    /// The location of the `occurrence`-th (from 0) whole-word match of `phrase` after the
    /// start of `element` (after its start tag when `inContent`), else the element's location.
    func location(of phrase: String, occurrence: Int, in element: Element, inContent: Bool) -> SourceLocation {
        guard var start = index(of: element.location) else { return element.location }
        if inContent {
            while start < scalars.count, scalars[start] != ">" { start += 1 }
        }
        let wanted = Array(phrase.lowercased().unicodeScalars)
        var found = 0
        var position = start
        while position < scalars.count {
            if let end = match(wanted, at: position) {
                if found == occurrence {
                    return SourceLocation(file: file, line: lines[position], column: columns[position])
                }
                found += 1
                position = end
            } else {
                position += 1
            }
        }
        return element.location
    }

    /// The end of a match of `wanted` at `position`, if one starts there as a whole word.
    private func match(_ wanted: [Unicode.Scalar], at position: Int) -> Int? {
        if position > 0, Self.isLetter(scalars[position - 1]) { return nil }
        var index = position
        for scalar in wanted {
            if scalar == " " {
                guard index < scalars.count, scalars[index].properties.isWhitespace else { return nil }
                while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                continue
            }
            guard index < scalars.count, scalars[index].properties.lowercaseMapping == String(scalar) else {
                return nil
            }
            index += 1
        }
        if index < scalars.count, Self.isLetter(scalars[index]) { return nil }
        return index
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
