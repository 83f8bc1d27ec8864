/// Friendly names and hints for the data file's keys, used when a form asks for them.
///
/// A `<field label=…>` names its own question; lists and inline values have no label in
/// the template, so their question takes its words from here. Youth-facing: plain words,
/// second person, no pressure. A key missing here gets a name made from the key itself.
enum FormVocabulary {
    struct Wording: Sendable {
        var label: String
        var hint: String
    }

    /// Keyed by dotted path; a list's record parts are keyed `list.part` (`supports.phone`).
    static let wordings: [String: Wording] = [
        "client.name": Wording(label: "Your name", hint: "A first name or a nickname is fine."),
        "client.pronouns": Wording(label: "Your pronouns", hint: "For example she/her, he/him or they/them."),
        "client.age": Wording(label: "Your age", hint: "A whole number."),
        "client.language": Wording(label: "Your language", hint: "For example en or es."),
        "date": Wording(label: "Date", hint: "Write it as YYYY-MM-DD, for example 2026-12-01."),
        "advocate.name": Wording(
            label: "Your advocate", hint: "The name of the advocate you are making this plan with."),
        "advocate.organization": Wording(label: "Your advocate's organization", hint: "Where your advocate works."),
        "advocate.phone": Wording(label: "How to reach your advocate", hint: "A phone number you can call or text."),
        "goals": Wording(label: "My goals, in small steps", hint: "Small, real steps you want to take."),
        "strengths": Wording(
            label: "What I am good at", hint: "Things you are good at or proud of, big or small."),
        "supports": Wording(label: "People who support me", hint: "People you can reach out to, one at a time."),
        "supports.name": Wording(label: "Name", hint: ""),
        "supports.relation": Wording(label: "How they are related (optional)", hint: ""),
        "supports.phone": Wording(label: "Phone (optional)", hint: ""),
        "safePlaces": Wording(label: "Places where I feel safe", hint: "Places you can go, one at a time."),
        "safePlaces.name": Wording(label: "Place", hint: ""),
        "safePlaces.address": Wording(label: "Address (optional)", hint: ""),
        "safePlaces.phone": Wording(label: "Phone (optional)", hint: ""),
        "warningSigns": Wording(
            label: "Signs that things may not be safe", hint: "Things you notice when something is wrong."),
        "triggers": Wording(
            label: "My triggers",
            hint: "Things that can bring back hard feelings, like a place, a song, a date or a text."),
        "copingStrategies": Wording(
            label: "What I can do when a trigger comes", hint: "Things that help you feel calm or safe."),
        "codeWord": Wording(label: "My code word", hint: "A word you share with someone you trust."),
        "emergencyBag": Wording(label: "My emergency bag", hint: "Things to take if you need to leave quickly."),
        "checkIns": Wording(
            label: "Check-ins with my advocate", hint: "When and how you will check in, one at a time."),
        "checkIns.when": Wording(label: "When (for example, Tuesdays after school)", hint: ""),
        "checkIns.how": Wording(label: "How (for example, in person, phone or text)", hint: ""),
        "celebrations": Wording(
            label: "How I will notice and celebrate my progress",
            hint: "How you will know things are going well, and how you will celebrate."),
        "hardTimes": Wording(
            label: "What I will do if things get hard",
            hint: "Moving back a step is part of the process, not a failure. What will help?"),
        "notes": Wording(label: "Notes", hint: "Anything else you want to remember."),
        "advocateNotes": Wording(
            label: "Advocate notes", hint: "For the advocate's copy only; never printed on the youth's copy."),
    ]

    /// How to skip or finish, added to every hint.
    static func instruction(for kind: FormQuestion.Kind) -> String {
        switch kind {
        case .value: return "Leave it empty to write it in by hand later."
        case .list: return "One per line. Leave a line empty when you are done."
        case .records(let parts):
            let first = parts.first.map { shortLabel($0.label) } ?? "the first answer"
            return "Leave \"\(first)\" empty when you are done."
        }
    }

    /// The label for a data key: from the table, or made from the key (`safePlaces` →
    /// `Safe places`).
    static func label(for dottedPath: String) -> String {
        if let wording = wordings[dottedPath] { return wording.label }
        let key = dottedPath.split(separator: ".").last.map(String.init) ?? dottedPath
        var words = ""
        for character in key {
            if character.isUppercase, !words.isEmpty { words.append(" ") }
            words.append(words.isEmpty ? Character(character.uppercased()) : Character(character.lowercased()))
        }
        return words
    }

    static func hint(for dottedPath: String) -> String {
        wordings[dottedPath]?.hint ?? ""
    }

    /// A part label without its "(optional)" or "(for example …)" tail.
    private static func shortLabel(_ label: String) -> String {
        guard let open = label.firstIndex(of: "(") else { return label }
        var short = String(label[..<open])
        while short.last == " " { short.removeLast() }
        return short
    }
}
