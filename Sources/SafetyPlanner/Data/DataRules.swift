/// The rules a data value must follow, and their messages, shared by the reader
/// (`DataReader`) and the interview (`Interview`).
enum DataRules {
    /// The whole number `literal` as a value, or nil when it is not one within `range`.
    static func integer(_ literal: String, in range: ClosedRange<Int>) -> DataValue? {
        guard let number = Int(literal), range.contains(number) else { return nil }
        return .text(String(number))
    }

    /// The message for a number that `integer(_:in:)` refuses.
    static func integerProblem(_ range: ClosedRange<Int>) -> String {
        "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
    }

    /// What is wrong with `text` under `rule`, or nil when it passes.
    static func textProblem(_ text: String, rule: DataShape.TextRule, signIDs: [String]? = nil) -> String? {
        switch rule {
        case .any:
            return nil
        case .domain:
            guard Domain(rawValue: text) == nil else { return nil }
            var message = "not a domain"
            if let suggestion = Suggestion.nearest(to: text, among: Domain.allCases.map(\.id)) {
                message += " (did you mean \"\(suggestion)\"?)"
            }
            return message + "; expected one of " + Domain.allCases.map(\.id).joined(separator: ", ")
        case .signID:
            guard let signIDs else {
                return isSignIDForm(text) ? nil : "expected a sign id: lowercase letters, digits and hyphens"
            }
            guard !signIDs.contains(text) else { return nil }
            var message = "unknown sign"
            if let suggestion = Suggestion.nearest(to: text, among: signIDs) {
                message += " (did you mean \"\(suggestion)\"?)"
            }
            return message + "; 'safetyplan list signs' lists them"

        case .stage:
            guard Stage(spelling: text) != nil else { return Stage.unknownMessage(text, prefix: "not a stage") }
            return nil
        case .isoDate:
            if isISODate(text) { return nil }
            return isISODate(text, checkingDays: false)
                ? "expected a date that exists; the month has no such day" : "expected a date written YYYY-MM-DD"
        }
    }

    /// Whether `text` has the form of a sign id: lowercase letters and digits, words
    /// joined by single hyphens, starting with a letter (`pc-not-a-victim`).
    static func isSignIDForm(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            bytes.last != UInt8(ascii: "-"), bytes.count <= 100
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let isWordByte =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isWordByte || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) else { return false }
            previous = byte
        }
        return true
    }

    /// The text of a value under `rule` as it is kept: a stage in any spelling
    /// `Stage(spelling:)` accepts becomes its identifier.
    static func canonicalText(_ text: String, rule: DataShape.TextRule) -> String {
        guard rule == .stage, let stage = Stage(spelling: text) else { return text }
        return stage.id
    }

    /// A file saved by a word processor: curly quotes where JSON needs straight ones.
    static let curlyQuotesMessage =
        "this file has curly quotes (\u{201C} \u{201D}); save it as plain text or replace them with straight quotes (\")"

    /// A file in UTF-16 (a byte order mark FF FE or FE FF, or a NUL in its first two bytes).
    static let utf16Message = "this file is UTF-16; save it as UTF-8"

    /// A comma just before the `closer` (`}` or `]`) that ends an object or a list.
    static func trailingCommaMessage(before closer: Character) -> String {
        "a comma before \(closer) is not allowed in JSON"
    }

    /// The top level of a data file is not an object; `typeName` as messages say it ("null", "a list").
    static func notAnObjectMessage(found typeName: String) -> String {
        "the data file must be a JSON object ({ \u{2026} }), found \(typeName)"
    }

    /// Whether `bytes` at `index` start a curly quote: U+2018, U+2019, U+201C or U+201D.
    static func isCurlyQuote<C: RandomAccessCollection>(_ bytes: C, at index: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard index >= bytes.startIndex, index + 2 < bytes.endIndex, bytes[index] == 0xE2, bytes[index + 1] == 0x80
        else { return false }
        return [0x98, 0x99, 0x9C, 0x9D].contains(bytes[index + 2])
    }

    /// Whether `bytes` look like UTF-16: a UTF-16 byte order mark, or a NUL in the first two
    /// bytes (ASCII text in UTF-16 without a mark).
    static func looksLikeUTF16<C: RandomAccessCollection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard bytes.count >= 2 else { return false }
        let (first, second) = (bytes[bytes.startIndex], bytes[bytes.startIndex + 1])
        return (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF) || first == 0 || second == 0
    }

    /// The message for a key that is not one of `fields`, with the nearest one suggested.
    ///
    /// The key itself is never printed, not even in the path: a key is text the youth may
    /// have typed (a name, an address). The error's `file:line:column` gives its place (in
    /// a batch, the line of the JSON Lines file), and the message the known key it is
    /// nearest to.
    static func unknownKeyMessage(_ key: String, fields: [DataFieldShape]) -> String {
        var message = "unknown key"
        if let suggestion = Suggestion.nearest(to: key, among: fields.map(\.name)) {
            message += " (did you mean \"\(suggestion)\"?)"
        }
        return message
    }

    /// The path printed for an unknown key: its parent's (nil at the top), never the key.
    static func unknownKeyPath(parent: String) -> String? {
        parent.isEmpty ? nil : parent
    }

    /// `YYYY-MM-DD`, a date that exists: month 1–12, and a day the month has (29 February
    /// only in a leap year).
    static func isISODate(_ text: String, checkingDays: Bool = true) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }) else { return false }
        let year = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 48) }
        let month = Int(bytes[5] - 48) * 10 + Int(bytes[6] - 48)
        let day = Int(bytes[8] - 48) * 10 + Int(bytes[9] - 48)
        guard (1...12).contains(month) else { return false }
        guard checkingDays else { return (1...31).contains(day) }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}

/// Finds the known name nearest to a misspelt one, for "did you mean" hints.
enum Suggestion {
    /// The closest candidate by edit distance, if it is close enough to be a likely typo.
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, lowered.count / 3)
        return best.distance <= limit ? best.name : nil
    }

    /// The candidate a name given on the command line most likely meant: one that begins
    /// with it or that it begins with (`maintenance` for `maintenance-support`), else the
    /// nearest by edit distance.
    static func likely(_ word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if lowered.count >= 3,
            let extended = candidates.first(where: {
                $0.lowercased().hasPrefix(lowered) || lowered.hasPrefix($0.lowercased())
            })
        {
            return extended
        }
        return nearest(to: word, among: candidates)
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
