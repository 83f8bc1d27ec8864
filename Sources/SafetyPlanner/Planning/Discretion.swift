/// The discretion policy: what a discreet document leaves out, in one place.
///
/// A plan may be found by the person who exploits the youth (DESIGN.md §6, §7). A discreet
/// document must tell that person nothing, so it holds:
///
/// - no revealing word of any language the catalog lists (`discretion.xml`: stems such as
///   "traffick" and "explota", whole words such as "john", phrases such as "child
///   protection"), matched without regard to case or accents;
/// - no visible trace that anything was removed: a catalog item with a revealing word is
///   left out, and a neutral wording written for discreet documents (`discreet="only"` in
///   `guidance.xml`) takes its place; a data value with a revealing word is emptied, so the
///   template prints its neutral default or a write-in line, never "…";
/// - no code word (`codeWord` is dropped; the template says to keep it by heart; only a
///   wallet card the youth asked to hold it keeps it, under a neutral label) and no
///   advocate notes;
/// - no surname of anyone: the youth by initials; a person by the `discreetName` the
///   youth chose, else by first name, and a title before a surname becomes the title and an
///   initial ("Coach B.", "Ms. R."); titles are listed per language ("Tía Lupe");
/// - no organisation name of a safe place (only its `discreetName`), no street address, no
///   organisation of the advocate.
///
/// Templates give the neutral wording for their own fixed text (`<if discreet="yes">`), and
/// the planner drops revealing catalog items. As a last line of defence, a block of the
/// evaluated document whose text still reveals is left out (`filtered(_:)`).
public struct DiscretionPolicy: Equatable, Sendable {
    /// Folded stems that reveal at the start of a word ("traffick" catches "Trafficker").
    public var stems: [String]
    /// Folded words that reveal only as whole words ("john").
    public var words: Set<String>
    /// Folded phrases of two or more words ("child protection").
    public var phrases: [[String]]
    /// Titles followed by a surname ("Ms.", "Coach", "Sra."): kept with an initial.
    public var surnameTitles: Set<String>
    /// Titles followed by a first name ("Aunt", "Tía", "Doña"): kept with that name.
    public var givenNameTitles: Set<String>
    /// Words inside a name that are not names of their own ("de", "la", "van").
    public var particles: Set<String>

    /// A policy from its lists, as `discretion.xml` gives them; every entry is folded
    /// (lowercase, without accents) here, once.
    public init(
        stems: [String], words: Set<String>, phrases: [[String]], surnameTitles: Set<String>,
        givenNameTitles: Set<String>, particles: Set<String>
    ) {
        self.stems = stems.map(Self.fold)
        self.words = Set(words.map(Self.fold))
        self.phrases = phrases.map { $0.map(Self.fold) }
        self.surnameTitles = Set(surnameTitles.map(Self.fold))
        self.givenNameTitles = Set(givenNameTitles.map(Self.fold))
        self.particles = Set(particles.map(Self.fold))
    }

    /// A policy with no lists, for plans that are never discreet.
    static let empty = DiscretionPolicy(
        stems: [], words: [], phrases: [], surnameTitles: [], givenNameTitles: [], particles: [])

    // MARK: - Revealing words

    /// Whether the text holds a revealing word or phrase.
    public func isRevealing(_ text: String) -> Bool {
        reveals(Self.words(in: text), byWholeWords: true)
    }

    /// Whether a name (or text with names in it) reveals: only stems and phrases count, so
    /// a person called John keeps his name (the whole-word list is slang that is also a
    /// name).
    func isRevealingName(_ name: String) -> Bool {
        reveals(Self.words(in: name), byWholeWords: false)
    }

    private func reveals(_ folded: [String], byWholeWords: Bool) -> Bool {
        for (index, word) in folded.enumerated() {
            if byWholeWords, words.contains(word) { return true }
            if stems.contains(where: { word.hasPrefix($0) }) { return true }
            for phrase in phrases where phrase.first == word && index + phrase.count <= folded.count {
                if folded[index..<index + phrase.count].elementsEqual(phrase) { return true }
            }
        }
        return false
    }

    /// The text's words, lowercased and without accents ("Víctima" gives "victima").
    static func words(in text: String) -> [String] {
        var result: [String] = []
        var word = ""
        for character in text {
            if character.isLetter || character.isNumber {
                word += fold(String(character))
            } else if !word.isEmpty {
                result.append(word)
                word = ""
            }
        }
        if !word.isEmpty { result.append(word) }
        return result
    }

    /// Lowercase, without the accents of Latin letters, so lists match "Explotación" and
    /// "explotacion" alike.
    static func fold(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if let plain = accentFree[scalar] {
                result.unicodeScalars.append(plain)
            } else if !(0x0300...0x036F).contains(scalar.value) {  // combining accents
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let accentFree: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("e", "èéêëēĕėęě"), ("i", "ìíîïĩīĭįı"), ("n", "ñńņňŉ"),
            ("o", "òóôõöøōŏő"), ("u", "ùúûüũūŭůűų"), ("y", "ýÿŷ"), ("s", "śŝşš"), ("z", "źżž"), ("g", "ĝğġģ"),
            ("l", "ĺļľŀł"), ("r", "ŕŗř"), ("t", "ţťŧ"), ("d", "ďđ"),
        ]
        for (plain, accented) in groups {
            for scalar in accented.unicodeScalars { table[scalar] = plain }
        }
        return table
    }()

    // MARK: - Names

    /// The youth's name as initials, skipping particles: "Jordan Lee" gives "J. L.",
    /// "María José de la Cruz" gives "M. J. C.".
    func initials(_ name: String) -> String {
        let parts = name.split(whereSeparator: { $0 == " " || $0 == "-" })
        return parts.enumerated().compactMap { index, part -> String? in
            if index > 0, particles.contains(Self.fold(String(part))) { return nil }
            return part.first.map { "\($0)." }
        }.joined(separator: " ")
    }

    /// How a person is shown without a surname: "Denise Walker" gives "Denise", "Aunt
    /// Denise Walker" and "Tía Lupe Ramírez" keep the title and first name, "Coach Brennan"
    /// and "Ms. Rivera" give "Coach B." and "Ms. R.", "Dr. Ana López" gives "Dr. Ana".
    func shortName(_ name: String) -> String {
        let words = name.split(separator: " ").map(String.init)
        guard let first = words.first else { return "" }
        let title = Self.fold(first)
        if givenNameTitles.contains(title), words.count > 1 { return "\(first) \(words[1])" }
        if surnameTitles.contains(title), words.count > 1 {
            if words.count > 2 { return "\(first) \(words[1])" }
            return words[1].first.map { "\(first) \($0)." } ?? first
        }
        return first
    }

    // MARK: - Data

    /// The data values as a discreet document may show them.
    ///
    /// - Parameter keepingCodeWord: whether the code word stays (a wallet card the youth
    ///   asked to hold it, `--with-code-word`); it is still emptied if it reveals.
    func redacted(_ root: DataValue, keepingCodeWord: Bool = false) -> DataValue {
        guard case .record(var fields) = root else { return root }
        if !keepingCodeWord { fields["codeWord"] = nil }
        fields["advocateNotes"] = nil
        if case .record(var client)? = fields["client"] {
            if let name = client["name"]?.text { client["name"] = .text(initials(name)) }
            fields["client"] = .record(client)
        }
        if case .record(let advocate)? = fields["advocate"] {
            var shown = person(advocate)
            shown["organization"] = nil
            fields["advocate"] = .record(shown)
        }
        if case .list(let entries)? = fields["supports"] {
            fields["supports"] = .list(entries.map { entry in entry.record.map { .record(person($0)) } ?? entry })
        }
        if case .list(let entries)? = fields["safePlaces"] {
            fields["safePlaces"] = .list(
                entries.map { entry in
                    guard var place = entry.record else { return entry }
                    // A place goes by the name the youth chose for it, or by none: its own
                    // name may be an organisation's.
                    place["name"] = place["discreetName"]
                    place["discreetName"] = nil
                    place["address"] = nil
                    return .record(place)
                })
        }
        return neutral(.record(fields))
    }

    /// A person's record with their name as the youth chose it, or without a surname.
    private func person(_ record: DataRecord) -> DataRecord {
        var shown = record
        if let chosen = record["discreetName"]?.text, !chosen.isEmpty {
            shown["name"] = .text(chosen)
        } else if let name = record["name"]?.text {
            shown["name"] = .text(shortName(name))
        }
        shown["discreetName"] = nil
        return shown
    }

    /// Every text value with a revealing word emptied (the template then prints its
    /// default or a write-in line); a `name` by the stems and phrases only, so a friend
    /// called John keeps his name.
    private func neutral(_ value: DataValue) -> DataValue {
        switch value {
        case .text(let text):
            return isRevealing(text) ? .text("") : value
        case .list(let elements):
            return .list(elements.map(neutral))
        case .record(let fields):
            var result = fields
            for (key, field) in fields {
                if key == "name", case .text(let name) = field {
                    result[key] = isRevealingName(name) ? .text("") : field
                } else {
                    result[key] = neutral(field)
                }
            }
            return .record(result)
        }
    }

    // MARK: - The document

    /// The document without any block whose text reveals: the last line of defence, for
    /// fixed text an agency's template forgot to give a neutral wording for.
    ///
    /// Values are in the text too, and were made safe by `redacted(_:)`; so that a friend
    /// called John is not dropped with his line, this pass applies the stems and phrases,
    /// not the whole-word list (which the planner and the tests apply to catalog and
    /// template text).
    func filtered(_ nodes: [DocumentNode]) -> [DocumentNode] {
        nodes.compactMap(filtered)
    }

    private func filtered(_ node: DocumentNode) -> DocumentNode? {
        switch node {
        case .section(let domain, let children):
            return .section(domain: domain.flatMap { isRevealing($0) ? nil : $0 }, children: filtered(children))
        case .heading(_, let content), .paragraph(let content), .note(let content), .checkItem(let content, _):
            return reveals(content) ? nil : node
        case .list(let ordered, let items):
            let kept = items.map(filtered).filter { !$0.isEmpty }
            return kept.isEmpty ? nil : .list(ordered: ordered, items: kept)
        case .field(let label, let value, _):
            return reveals(label) || reveals(value) ? nil : node
        case .writeIn, .pageBreak:
            return node
        }
    }

    func reveals(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .text(let text), .address(let text): return isRevealingName(text)
            case .emphasis(let children), .strong(let children): return reveals(children)
            case .phone, .blank: return false
            }
        }
    }
}

extension DataValue {
    /// The fields of a record value.
    var record: DataRecord? {
        if case .record(let fields) = self { return fields }
        return nil
    }
}
