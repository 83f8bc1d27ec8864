/// Counts syllables in a word the way a hyphenation dictionary splits it, for readability.
///
/// Readability formulas (Flesch-Kincaid, Fernández-Huerta) need syllables per word. The
/// reference implementation the project measures against, textstat 0.7.3, counts the
/// hyphenation points pyphen finds plus one, and pyphen never puts a point within two
/// letters of either end of a word ("area", "idea" and "día" count as one). This counter
/// finds syllable breaks by rule (vowel groups, then where the consonants between them
/// split) and keeps only the breaks a hyphenation dictionary could make, so its counts
/// follow textstat's closely (`ReadabilityOracleTests` measures how closely).
///
/// English rules: a vowel group (a, e, i, o, u, y after a consonant) is a syllable; a final
/// silent "e", "es" or "ed" is not, except after a consonant and "l" ("ta-ble") or after "t"
/// and "d" ("want-ed"). Spanish rules: every vowel group is one nucleus (a hyphenation
/// dictionary does not split vowels, so "pa-ís" stays one), "u" is silent in "que",
/// "qui", "gue" and "gui", and the consonants between two nuclei split as Spanish
/// syllables do (V-CV, VC-CV, V-CCV for "pr", "bl", "ch", "ll", "rr" and the like).
package enum SyllableCounter {
    /// The languages with rules.
    package enum Language: Sendable {
        case english
        case spanish
    }

    /// The number of syllables in `word` (lower case, letters only); at least 1.
    package static func count(_ word: String, language: Language) -> Int {
        let letters = Array(word)
        guard !letters.isEmpty else { return 0 }
        let breaks: [Int]
        switch language {
        case .english: breaks = englishBreaks(letters)
        case .spanish: breaks = spanishBreaks(letters)
        }
        // A hyphenation dictionary keeps two letters at each end of the word.
        let usable = breaks.filter { $0 >= 2 && $0 <= letters.count - 2 }
        return Set(usable).count + 1
    }

    // MARK: English

    private static let englishVowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "é"]

    /// The vowel groups of an English word, as ranges of letter indices, after silent endings.
    private static func englishNuclei(_ letters: [Character]) -> [Range<Int>] {
        let count = letters.count
        func isVowel(_ index: Int) -> Bool {
            guard index >= 0, index < count, englishVowels.contains(letters[index]) else { return false }
            // "y" is a consonant before a vowel ("you") and part of the vowel before it ("day").
            if letters[index] == "y" && index + 1 < count && englishVowels.contains(letters[index + 1]) { return false }
            return true
        }
        var nuclei: [Range<Int>] = []
        var index = 0
        while index < count {
            guard isVowel(index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count, isVowel(end), !splitsBetween(letters, end - 1, end) { end += 1 }
            nuclei.append(index..<end)
            index = end
        }
        guard nuclei.count > 1, let last = nuclei.last else { return nuclei }
        let lastLetter = letters[count - 1]
        if last == (count - 1)..<count, lastLetter == "e", count >= 3, !englishVowels.contains(letters[count - 2]) {
            // Silent final "e" ("make", "phone"), but not "le" after a consonant ("ta-ble").
            let isSyllabicLE = letters[count - 2] == "l" && !englishVowels.contains(letters[count - 3])
            if !isSyllabicLE { nuclei.removeLast() }
        } else if last == (count - 2)..<(count - 1), letters[count - 2] == "e", lastLetter == "d" || lastLetter == "s",
            count >= 4, !englishVowels.contains(letters[count - 3])
        {
            // "-ed" is silent except after t or d ("want-ed"); "-es" except after s, x, z or h ("box-es").
            let sounded: Set<Character> = lastLetter == "d" ? ["t", "d"] : ["s", "x", "z", "h"]
            if !sounded.contains(letters[count - 3]) { nuclei.removeLast() }
        }
        // A final "y" after one consonant in a short word or after "ea" joins the syllable
        // before it, as hyphenation dictionaries have it: "many", "copy", "ready", "steady".
        if nuclei.count > 1, letters[count - 1] == "y", nuclei.last == (count - 1)..<count, count >= 3,
            !englishVowels.contains(letters[count - 2]), englishVowels.contains(letters[count - 3]),
            count <= 4 || (count >= 5 && String(letters[(count - 4)..<(count - 2)]) == "ea")
        {
            nuclei.removeLast()
        }
        // A silent "e" before a suffix or the second part of a compound: "safe-ly", "some-one".
        let (first, final) = (nuclei.first, nuclei.last)
        nuclei.removeAll { nucleus in
            guard nucleus.count == 1, letters[nucleus.lowerBound] == "e", nucleus.lowerBound >= 2,
                nucleus != first, nucleus != final,
                !englishVowels.contains(letters[nucleus.lowerBound - 1]),
                englishVowels.contains(letters[nucleus.lowerBound - 2])
            else { return false }
            let rest = String(letters[(nucleus.lowerBound + 1)...])
            return silentESuffixes.contains(rest)
        }
        return nuclei
    }

    /// What may follow a silent "e" inside a word.
    private static let silentESuffixes: Set<String> = [
        "ly", "ty", "ment", "ments", "ful", "less", "ness", "thing", "things", "where", "one", "line", "lines",
        "times", "body", "way", "ways", "work", "ties",
    ]

    /// Whether two adjacent vowels belong to two syllables ("re-al", "be-ing", "sit-u-a-tion").
    private static func splitsBetween(_ letters: [Character], _ first: Int, _ second: Int) -> Bool {
        let pair = String([letters[first], letters[second]])
        let before: Character? = first > 0 ? letters[first - 1] : nil
        let rest = String(letters[second...])
        if rest.hasPrefix("ing") { return true }
        switch pair {
        case "ia", "io", "iu":
            // "-tion", "-cial", "-sion": the "i" is part of the consonant.
            if let before, "tcsxl".contains(before) { return false }
            return true
        case "ie":
            // "ex-pe-ri-ence", "eas-i-er", "qui-et"; but "friend", "be-lieve", "re-view".
            return rest.hasPrefix("er") || rest.hasPrefix("et") || rest.hasPrefix("enc")
        case "ua", "ue", "ui", "uo":
            if let before, "qg".contains(before) { return false }
            return !(pair == "ue" && (rest == "e" || rest == "es"))
        case "ea":
            // "re-al", "ide-al"; but "deal", "health".
            let start = String(letters[..<first])
            return rest.hasPrefix("al") && (start == "r" || start.hasSuffix("id"))
        case "oe": return rest.hasPrefix("er")
        default: return false
        }
    }

    /// Where an English word breaks: before the last consonant between two vowel groups
    /// (after it when it is a lone "x" or the pair is a digraph such as "th", "ch", "sh").
    private static func englishBreaks(_ letters: [Character]) -> [Int] {
        let nuclei = englishNuclei(letters)
        guard nuclei.count > 1 else { return [] }
        let digraphs: Set<String> = ["th", "ch", "sh", "ph", "wh", "ck", "ng", "gh"]
        var breaks: [Int] = []
        for (first, second) in zip(nuclei, nuclei.dropFirst()) {
            let consonants = second.lowerBound - first.upperBound
            switch consonants {
            case 0: breaks.append(second.lowerBound)
            case 1: breaks.append(first.upperBound)
            default:
                let pair = String(letters[(second.lowerBound - 2)..<second.lowerBound])
                breaks.append(digraphs.contains(pair) ? second.lowerBound - 2 : second.lowerBound - 1)
            }
        }
        return breaks
    }

    // MARK: Spanish

    private static let spanishVowels: Set<Character> = ["a", "e", "i", "o", "u", "á", "é", "í", "ó", "ú", "ü"]
    private static let inseparable: Set<String> = [
        "pr", "br", "tr", "dr", "cr", "gr", "fr", "kr", "pl", "bl", "cl", "gl", "fl", "kl", "ch", "ll", "rr",
    ]

    /// Where a Spanish word breaks between its vowel groups.
    private static func spanishBreaks(_ letters: [Character]) -> [Int] {
        var isVowel = letters.map { spanishVowels.contains($0) }
        for index in letters.indices where letters[index] == "u" && index > 0 && index + 1 < letters.count {
            // The "u" of que, qui, gue, gui is silent: it belongs to the consonant.
            if (letters[index - 1] == "q" || letters[index - 1] == "g")
                && (letters[index + 1] == "e" || letters[index + 1] == "i")
            {
                isVowel[index] = false
            }
        }
        // A final "y" after a vowel joins that vowel ("hoy", "muy").
        if letters.count >= 2, letters.last == "y", isVowel[letters.count - 2] { isVowel[letters.count - 1] = true }
        var nuclei: [Range<Int>] = []
        var index = 0
        while index < letters.count {
            guard isVowel[index] else {
                index += 1
                continue
            }
            var end = index + 1
            while end < letters.count, isVowel[end] { end += 1 }
            nuclei.append(index..<end)
            index = end
        }
        var breaks: [Int] = []
        for (first, second) in zip(nuclei, nuclei.dropFirst()) {
            let start = first.upperBound
            let consonants = second.lowerBound - start
            let last2 = consonants >= 2 ? String(letters[(second.lowerBound - 2)..<second.lowerBound]) : ""
            switch consonants {
            case 0, 1: breaks.append(start)
            case 2: breaks.append(inseparable.contains(last2) ? start : start + 1)
            default: breaks.append(inseparable.contains(last2) ? second.lowerBound - 2 : second.lowerBound - 1)
            }
        }
        return breaks
    }
}
