/// The shape a data file must have: which keys exist, and what type each holds.
///
/// One value describes the data file's contract (DESIGN.md §5). The validator checks a
/// parsed file against it, and the template compiler checks every `of="…"` path against
/// it, so a misspelt path is an error when a template is loaded, not a blank on paper.
indirect enum DataShape: Equatable, Sendable {
    /// Text, with an optional stricter rule.
    case text(TextRule)
    /// A whole number in a range (such as an age); kept as text once read.
    case integer(ClosedRange<Int>)
    /// A list whose elements have one shape.
    case list(DataShape)
    /// An object with known keys, in the order a reader expects them.
    case record([DataFieldShape])

    enum TextRule: Equatable, Sendable {
        case any
        case stage
        case isoDate
        /// One of the five domains (`shelter`).
        case domain
        /// A sign's id from the catalog's stages (`pc-not-a-victim`): checked against the
        /// catalog when the reader is given its ids (`PlanData.parse(signIDs:)`), else
        /// only for its form.
        case signID
    }

    static let text = DataShape.text(.any)

    /// The name of the type, as an error message says it ("expected text").
    var typeName: String {
        switch self {
        case .text(.stage): return "a stage name"
        case .text(.isoDate): return "a date written YYYY-MM-DD"
        case .text(.domain): return "a domain name"
        case .text(.signID): return "a sign id"
        case .text: return "text"
        case .integer: return "a whole number"
        case .list(let element): return "a list of \(element.pluralName)"
        case .record: return "an object"
        }
    }

    private var pluralName: String {
        switch self {
        case .text: return "text"
        case .integer: return "numbers"
        case .list: return "lists"
        case .record: return "objects"
        }
    }

    /// The shape of one key of a record, or nil when the record has no such key.
    func field(_ name: String) -> DataShape? {
        guard case .record(let fields) = self else { return nil }
        return fields.first { $0.name == name }?.shape
    }

    /// The keys of a record, in order.
    var fieldNames: [String] {
        guard case .record(let fields) = self else { return [] }
        return fields.map(\.name)
    }
}

/// One key of a record shape.
struct DataFieldShape: Equatable, Sendable {
    var name: String
    var shape: DataShape

    init(_ name: String, _ shape: DataShape) {
        self.name = name
        self.shape = shape
    }
}

extension DataShape {
    /// The data file of DESIGN.md §5: every key optional, no others allowed.
    static let planData = DataShape.record([
        DataFieldShape("stage", .text(.stage)),
        DataFieldShape("date", .text(.isoDate)),
        DataFieldShape(
            "client",
            .record([
                DataFieldShape("name", .text),
                DataFieldShape("pronouns", .text),
                DataFieldShape("age", .integer(0...130)),
                DataFieldShape("language", .text),
            ])),
        DataFieldShape(
            "advocate",
            .record([
                DataFieldShape("name", .text),
                DataFieldShape("organization", .text),
                DataFieldShape("phone", .text),
                DataFieldShape("discreetName", .text),
            ])),
        DataFieldShape("goals", .list(.text)),
        DataFieldShape("strengths", .list(.text)),
        DataFieldShape(
            "supports",
            .list(
                .record([
                    DataFieldShape("name", .text),
                    DataFieldShape("relation", .text),
                    DataFieldShape("phone", .text),
                    DataFieldShape("discreetName", .text),
                ]))),
        DataFieldShape(
            "safePlaces",
            .list(
                .record([
                    DataFieldShape("name", .text),
                    DataFieldShape("address", .text),
                    DataFieldShape("phone", .text),
                    DataFieldShape("discreetName", .text),
                ]))),
        DataFieldShape("warningSigns", .list(.text)),
        DataFieldShape("triggers", .list(.text)),
        DataFieldShape("copingStrategies", .list(.text)),
        DataFieldShape("codeWord", .text),
        DataFieldShape("emergencyBag", .list(.text)),
        DataFieldShape(
            "checkIns",
            .list(
                .record([
                    DataFieldShape("when", .text),
                    DataFieldShape("how", .text),
                ]))),
        DataFieldShape("celebrations", .list(.text)),
        DataFieldShape("hardTimes", .list(.text)),
        DataFieldShape("notes", .text),
        DataFieldShape("advocateNotes", .text),
        DataFieldShape(
            "history",
            .list(
                .record([
                    DataFieldShape("stage", .text(.stage)),
                    DataFieldShape("date", .text(.isoDate)),
                    DataFieldShape("suggested", .list(.text(.stage))),
                ]))),
        DataFieldShape("assessment", assessment),
        DataFieldShape("id", .text),
    ])

    /// What the advocate noticed and what the youth said, for `safetyplan assess`: a
    /// conversation aid, never a score. Printed only by the assessment document (for the
    /// advocate); no plan reads it.
    static let assessment = DataShape.record(
        [DataFieldShape("date", .text(.isoDate))] + assessmentParts + [
            DataFieldShape("domains", .list(.record([DataFieldShape("domain", .text(.domain))] + assessmentParts)))
        ])

    /// The parts of an assessment, as a whole or for one domain.
    static let assessmentParts = [
        DataFieldShape("observed", .list(.text(.signID))),
        DataFieldShape("youthWords", .text),
        DataFieldShape("youthStage", .text(.stage)),
        DataFieldShape("importance", .integer(0...10)),
        DataFieldShape("confidence", .integer(0...10)),
    ]
}
