/// One question of an interview, read out of a template (`InterviewQuestions`).
///
/// Every front end shows the same questions: the terminal (`safetyplan generate
/// --interactive`, `fill --interactive`), the review before anything is written, and the
/// answers file, which is a data file with the answers at each question's `path`.
public struct InterviewQuestion: Equatable, Sendable {
    /// How many answers the question takes.
    public enum Kind: Equatable, Sendable {
        /// One value (a `<field of>` or a `<value of>`): one answer.
        case value
        /// A list (`<list of="goals">`): one answer per entry until an empty one.
        case list
        /// A list of people, places or check-ins (`<list of="supports">`): each entry asks
        /// its parts in order; an empty answer to the first part ends the list.
        case records([Part])
    }

    /// What one answer must look like.
    public enum AnswerType: Equatable, Sendable {
        /// Any text.
        case text
        /// A date written YYYY-MM-DD, or "today" in the interview's language.
        case date
        /// A phone number: digits, spaces and + ( ) - . only.
        case phone
        /// A whole number in a range (an age).
        case number(ClosedRange<Int>)
        /// A stage of change: the number of one of the choices, or a stage's name.
        case stage
    }

    /// Who the question is for: most are asked with the youth; a few only for the
    /// advocate's copy (`advocateNotes`, the history of stages).
    public enum Audience: String, Equatable, Sendable {
        case youth
        case advocate
    }

    /// One part of each entry of a list of records, such as a support's phone.
    public struct Part: Equatable, Sendable {
        /// The key inside the record (`phone`).
        public var key: String
        /// What the prompt says (`Phone (optional)`).
        public var label: String
        /// What an answer must look like.
        public var type: AnswerType
    }

    /// The data path, one component per key (`["client", "name"]`).
    public var path: [String]
    /// The heading of the part of the document the question belongs to ("People on my
    /// side"), in the copy's wording; the document's title before its first section.
    public var section: String
    /// The question's title: the template's `label=` for a field, else a friendly name.
    public var label: String
    /// A short hint for the youth, ending with how to skip or finish (`instruction`).
    public var hint: String
    /// How to skip or finish, the end of `hint` ("Leave it empty to write it in by hand
    /// later."); asked again from the review, other words say how to keep an answer.
    public var instruction = ""
    /// How many answers the question takes.
    public var kind: Kind
    /// What one answer (of a value, or of one entry of a list of text) must look like.
    public var type: AnswerType
    /// Whether it is asked with the youth or only for the advocate's copy.
    public var audience: Audience
    /// The shape of a single value, or of one element of a list.
    var shape: DataShape

    /// The path written with dots, as in templates (`client.name`).
    public var dottedPath: String { path.joined(separator: ".") }
}

extension InterviewQuestion.AnswerType {
    /// The type an answer at a data path must have: by its shape, and `phone` by its key.
    init(shape: DataShape, key: String) {
        switch shape {
        case .text(.stage): self = .stage
        case .text(.isoDate): self = .date
        case .integer(let range): self = .number(range)
        case .text(.any): self = key == "phone" ? .phone : .text
        case .text(.domain), .text(.signID): self = .text
        case .list, .record: self = .text
        }
    }

    /// Whether `text` is a phone number as a youth may write one: digits, spaces and
    /// `+ ( ) - .`, with at least three digits.
    static func isPhoneNumber(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case " ", "+", "(", ")", "-", ".": continue
            default: return false
            }
        }
        return digits >= 3
    }
}
