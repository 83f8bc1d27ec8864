/// Friendly names and hints for the data file's keys, used when an interview asks for them.
///
/// A `<field label=…>` names its own question; lists and inline values have no label in
/// the template, so their question takes its words from here. The words are the
/// catalog's `words.xml` (`<question path=… label=… hint=…>`), in the form's language.
/// A key missing there gets a name made from the key itself.
struct InterviewVocabulary {
    let words: Words

    /// How to skip or finish, added to every hint.
    func instruction(for kind: InterviewQuestion.Kind) -> String {
        switch kind {
        case .value: return words["instruction-value"]
        case .list: return words["instruction-list"]
        case .records(let parts):
            let first = parts.first.map { Self.shortLabel($0.label) } ?? words["first-answer"]
            return words.text("instruction-records", ["first": first])
        }
    }

    /// The label for a data key: from the words, or made from the key (`safePlaces` →
    /// `Safe places`).
    func label(for dottedPath: String) -> String {
        if let wording = words.questions[dottedPath] { return wording.label }
        let key = dottedPath.split(separator: ".").last.map(String.init) ?? dottedPath
        var label = ""
        for character in key {
            if character.isUppercase, !label.isEmpty { label.append(" ") }
            label.append(label.isEmpty ? Character(character.uppercased()) : Character(character.lowercased()))
        }
        return label
    }

    func hint(for dottedPath: String) -> String {
        words.questions[dottedPath]?.hint ?? ""
    }

    /// A part label without its "(optional)" or "(for example …)" tail.
    private static func shortLabel(_ label: String) -> String {
        guard let open = label.firstIndex(of: "(") else { return label }
        var short = String(label[..<open])
        while short.last == " " { short.removeLast() }
        return short
    }
}
