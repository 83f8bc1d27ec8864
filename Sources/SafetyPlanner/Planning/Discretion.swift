/// Discreet mode: a plan that does not say what it is about if the wrong person finds it.
///
/// The documents may be found by the person who exploits the youth (DESIGN.md §6). In
/// discreet mode the planner drops catalog items that use revealing words, shortens the
/// youth's name to initials and contacts to first names, leaves out street addresses and
/// organisation names, and, as a last line of defence, the evaluated document is scanned
/// and any revealing word left (in the youth's own data, say) is masked.
public enum Discretion {
    /// Word stems that reveal what the plan is about; matched case-insensitively at the
    /// start of a word, so "trafficking", "Trafficker" and "sexual" are all caught.
    public static let revealingStems: [String] = [
        "traffick", "exploit", "csec", "victim", "abuse", "abusi", "sex", "pimp", "escape", "shelter",
        "prostitut", "runaway", "predator", "groom", "john", "rescue",
    ]

    /// What a masked word is replaced with.
    static let mask = "…"

    /// Whether the text contains a revealing word.
    public static func isRevealing(_ text: String) -> Bool {
        var found = false
        forEachWord(in: text) { word in
            if isRevealingWord(word) { found = true }
        }
        return found
    }

    private static func isRevealingWord(_ word: Substring) -> Bool {
        let lowered = word.lowercased()
        // "john" is only revealing as a whole word; the other stems start longer words.
        if lowered == "john" || lowered == "johns" { return true }
        return revealingStems.contains { $0 != "john" && lowered.hasPrefix($0) }
    }

    /// Replaces every revealing word in `text` with `…`.
    static func masked(_ text: String) -> String {
        guard isRevealing(text) else { return text }
        var result = ""
        var word = ""
        func flush() {
            result += isRevealingWord(Substring(word)) ? mask : word
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    private static func forEachWord(in text: String, _ body: (Substring) -> Void) {
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if let wordStart = start {
                body(text[wordStart..<index])
                start = nil
            }
            index = text.index(after: index)
        }
        if let wordStart = start { body(text[wordStart...]) }
    }

    /// The youth's name as initials: "Jordan Lee" becomes "J. L.".
    static func initials(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap { $0.first.map { "\($0)." } }
            .joined(separator: " ")
    }

    /// Words that come before a first name and are kept with it ("Aunt Denise").
    static let titles: Set<String> = [
        "aunt", "auntie", "uncle", "coach", "grandma", "grandpa", "grandmother", "grandfather", "cousin", "ms.", "mr.",
        "mrs.", "mx.", "dr.", "miss", "ms", "mr", "mrs", "mx", "dr", "pastor", "teacher", "sister", "brother",
    ]

    /// A contact's first name only: "Denise Walker" becomes "Denise", "Aunt Denise Walker"
    /// becomes "Aunt Denise".
    static func firstName(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard let first = words.first else { return "" }
        if titles.contains(first.lowercased()), words.count > 1 { return "\(first) \(words[1])" }
        return String(first)
    }

    /// The data values with identifying details removed.
    static func redacted(_ root: DataValue) -> DataValue {
        guard case .record(var fields) = root else { return root }
        if case .record(var client)? = fields["client"] {
            if let name = client["name"]?.text { client["name"] = .text(initials(name)) }
            fields["client"] = .record(client)
        }
        if case .record(var advocate)? = fields["advocate"] {
            if let name = advocate["name"]?.text { advocate["name"] = .text(firstName(name)) }
            advocate["organization"] = nil
            fields["advocate"] = .record(advocate)
        }
        for key in ["supports", "safePlaces"] {
            guard case .list(let entries)? = fields[key] else { continue }
            fields[key] = .list(
                entries.map { entry in
                    guard case .record(var record) = entry else { return entry }
                    if key == "supports", let name = record["name"]?.text { record["name"] = .text(firstName(name)) }
                    record["address"] = nil
                    return .record(record)
                })
        }
        return .record(fields)
    }

    /// Masks revealing words in every piece of text of a document.
    static func masked(_ nodes: [DocumentNode]) -> [DocumentNode] {
        nodes.map(masked)
    }

    private static func masked(_ node: DocumentNode) -> DocumentNode {
        switch node {
        case .section(let domain, let children):
            return .section(domain: domain.flatMap { isRevealing($0) ? nil : $0 }, children: masked(children))
        case .heading(let level, let content): return .heading(level: level, content: masked(content))
        case .paragraph(let content): return .paragraph(masked(content))
        case .list(let ordered, let items): return .list(ordered: ordered, items: items.map(masked))
        case .checkItem(let content, let isChecked): return .checkItem(content: masked(content), isChecked: isChecked)
        case .field(let label, let value, let lines):
            return .field(label: masked(label), value: masked(value), lines: lines)
        case .writeIn, .pageBreak: return node
        case .note(let content): return .note(masked(content))
        }
    }

    private static func masked(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .text(let text): return .text(masked(text))
            case .emphasis(let children): return .emphasis(masked(children))
            case .strong(let children): return .strong(masked(children))
            case .address(let text): return .address(masked(text))
            case .phone, .blank: return inline
            }
        }
    }
}
