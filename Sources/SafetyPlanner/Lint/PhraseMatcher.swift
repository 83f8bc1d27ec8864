/// Finds a word or phrase in decoded text as a whole word, ignoring case (or not), with any
/// run of white space where the phrase has a space.
enum PhraseMatcher {
    /// The scalar offsets in `text` where `phrase` starts.
    static func matches(of phrase: String, in text: String, isCaseSensitive: Bool = false) -> [Int] {
        let scalars = Array(text.unicodeScalars)
        let wanted = Array((isCaseSensitive ? phrase : phrase.lowercased()).unicodeScalars)
        func same(_ scalar: Unicode.Scalar, _ other: Unicode.Scalar) -> Bool {
            isCaseSensitive ? scalar == other : scalar.properties.lowercaseMapping == String(other)
        }
        var result: [Int] = []
        var position = 0
        outer: while position < scalars.count {
            defer { position += 1 }
            if position > 0, SourcePositions.isLetter(scalars[position - 1]) { continue }
            var index = position
            for scalar in wanted {
                if scalar == " " {
                    guard index < scalars.count, scalars[index].properties.isWhitespace else { continue outer }
                    while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
                    continue
                }
                guard index < scalars.count, same(scalars[index], scalar) else { continue outer }
                index += 1
            }
            if index < scalars.count, SourcePositions.isLetter(scalars[index]) { continue }
            result.append(position)
        }
        return result
    }

    /// The word just before scalar offset `offset` in `text`, lower-cased ("" at the start).
    static func wordBefore(_ offset: Int, in text: String) -> String {
        let scalars = Array(text.unicodeScalars.prefix(offset))
        var end = scalars.count
        while end > 0, !SourcePositions.isLetter(scalars[end - 1]) { end -= 1 }
        var start = end
        while start > 0, SourcePositions.isLetter(scalars[start - 1]) { start -= 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<end])
        return String(word).lowercased()
    }
}
