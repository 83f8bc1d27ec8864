/// A stage of change, in the order the source document gives them.
///
/// The stages are a cycle, not a ladder: a youth may move back and forth many times, and
/// the youth's own sense of where they are wins over any suggestion.
public enum Stage: String, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case preContemplation = "pre-contemplation"
    case contemplation
    case preparation
    case action
    case maintenance

    /// The stage's identifier as written in data files, templates and on the command line.
    public var id: String { rawValue }

    /// The identifier, as `id`.
    public var description: String { rawValue }

    /// A stage as people write it: its identifier in any case (`Preparation`), and
    /// pre-contemplation also as one word (`precontemplation`, the usual spelling in the
    /// stages-of-change literature) or with a space or an underscore.
    public init?(spelling: String) {
        let lowered = spelling.lowercased()
        if let stage = Stage(rawValue: lowered) {
            self = stage
        } else if ["precontemplation", "pre contemplation", "pre_contemplation"].contains(lowered) {
            self = .preContemplation
        } else {
            return nil
        }
    }

    /// The message for a word that is no stage: `prefix`, the nearest stage when it looks
    /// like a typo ("did you mean 'pre-contemplation'?"), then every stage. The word
    /// itself is not printed: in a data file it is a value.
    public static func unknownMessage(_ word: String, prefix: String) -> String {
        var message = prefix
        if let nearest = Suggestion.nearest(to: word, among: allCases.map(\.id) + ["precontemplation"]) {
            message += " (did you mean '\(Stage(spelling: nearest)!.id)'?)"
        }
        return message + "; expected one of " + allCases.map(\.id).joined(separator: ", ")
    }

    /// Stages compare by their place in the cycle, so `contemplation < action`.
    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses a space-separated list of stage identifiers, as in `stages="preparation action"`.
    ///
    /// - Returns: the stages in the order written, or the first word that is not a stage.
    static func parseList(_ text: String) -> Result<[Stage], UnknownWord> {
        var stages: [Stage] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            guard let stage = Stage(rawValue: String(word)) else { return .failure(UnknownWord(word: String(word))) }
            stages.append(stage)
        }
        return .success(stages)
    }
}

/// One of the five areas a plan covers, in the order the source lists them.
public enum Domain: String, CaseIterable, Sendable, CustomStringConvertible {
    case support
    case shelter
    case counseling
    case reporting
    case safety

    /// The domain's identifier as written in templates and catalog files.
    public var id: String { rawValue }

    /// The identifier, as `id`.
    public var description: String { rawValue }
}

/// Who a piece of guidance speaks to.
public enum Audience: String, CaseIterable, Sendable {
    /// The young person: plain words, second person, never pressuring.
    case youth
    /// The advocate or case manager.
    case provider
}

/// A word in a list attribute that is not one of the allowed values.
struct UnknownWord: Error, Equatable {
    var word: String
}
