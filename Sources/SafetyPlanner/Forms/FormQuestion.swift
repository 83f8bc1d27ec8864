/// One question of a form, as `safetyplan fill --interactive` asks it.
///
/// Forms are the last stage of their own small pipeline: `FormQuestions` reads the
/// questions out of a compiled form template, `FormInterview` turns answers into
/// `PlanData`, and the data then goes through the planner and template like a data file.
public struct FormQuestion: Equatable, Sendable {
    /// What kind of answer the question takes.
    public enum Kind: Equatable, Sendable {
        /// One value (a `<field of>` or a `<value of>`): one answer.
        case value
        /// A list of text (`<list of="goals">`): one answer per entry until an empty one.
        case list
        /// A list of records (`<list of="supports">`): each entry asks its parts in order;
        /// an empty answer to the first part ends the list.
        case records([Part])
    }

    /// One part of each entry of a list of records, such as a support's phone.
    public struct Part: Equatable, Sendable {
        /// The key inside the record (`phone`).
        public var key: String
        /// What the prompt says (`Phone (optional)`).
        public var label: String
        /// The shape an answer must have.
        var shape: DataShape
    }

    /// The data path, one component per key (`["client", "name"]`).
    public var path: [String]
    /// The question's title: the template's `label=` for a field, else a friendly name.
    public var label: String
    /// A short hint for the youth, ending with how to skip or finish.
    public var hint: String
    /// What kind of answer the question takes.
    public var kind: Kind
    /// The shape of a single value, or of one element of a list of text.
    var shape: DataShape

    /// The path written with dots, as in templates (`client.name`).
    public var dottedPath: String { path.joined(separator: ".") }
}
