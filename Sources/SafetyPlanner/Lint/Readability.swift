/// The reading level of a piece of text: Flesch-Kincaid grade (English) and
/// Fernández-Huerta score (Spanish).
///
/// Words and sentences are counted as textstat 0.7.3 counts them, so a score here and the
/// project's earlier textstat check mean the same thing: punctuation (apostrophes and
/// hyphens included) is removed and what is left is split at white space; a sentence runs
/// from a word to the next ".", "!" or "?", and a sentence of two words or fewer (a
/// heading, "Call 911.") does not count as one. Syllables come from `SyllableCounter`.
/// Scores are not rounded.
package struct Readability: Equatable, Sendable {
    /// Words in the text.
    package var words: Int
    /// Sentences in the text (at least 1).
    package var sentences: Int
    /// Syllables in the text.
    package var syllables: Int

    /// Counts the words, sentences and syllables of `text` in `language`.
    package init(_ text: String, language: SyllableCounter.Language) {
        let wordList = Self.words(in: text)
        words = wordList.count
        syllables = wordList.reduce(0) { $0 + SyllableCounter.count($1.lowercased(), language: language) }
        let counted = Self.sentences(in: text).filter { Self.words(in: $0).count > 2 }.count
        sentences = max(1, counted)
    }

    /// The Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    package var fleschKincaidGrade: Double {
        guard words > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// The Fernández-Huerta score: 206.84 − 60 × syllables per word − 1.02 × words per sentence.
    package var fernandezHuerta: Double {
        guard words > 0 else { return 206.84 }
        return 206.84 - 60 * Double(syllables) / Double(words) - 1.02 * Double(words) / Double(sentences)
    }

    /// Whether a character is a word character (a letter, a digit or "_", as `\w`).
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The words of `text`, punctuation removed.
    static func words(in text: some StringProtocol) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character.isWhitespace {
                if !current.isEmpty { result.append(current) }
                current = ""
            } else if isWordCharacter(character) {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The sentences of `text`: from each word's start to the next run of ".", "!" or "?".
    static func sentences(in text: String) -> [Substring] {
        let stops: Set<Character> = [".", "!", "?"]
        var result: [Substring] = []
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            let character = text[index]
            guard isWordCharacter(character), previous.map({ !isWordCharacter($0) }) ?? true else {
                previous = character
                index = text.index(after: index)
                continue
            }
            var end = index
            while end < text.endIndex, !stops.contains(text[end]) { end = text.index(after: end) }
            while end < text.endIndex, stops.contains(text[end]) { end = text.index(after: end) }
            result.append(text[index..<end])
            previous = end > text.startIndex ? text[text.index(before: end)] : nil
            index = end
        }
        return result
    }
}
