/// A part of the assessment document (`<assessment part="…"/>` in a template): each
/// evaluates to ordinary document blocks from the data's `assessment` and the catalog's
/// stages, so every renderer prints it with no code of its own.
enum AssessmentPart: String, CaseIterable, Equatable, Sendable {
    /// For each stage, the noticed signs that fit it.
    case observed
    /// The stages the signs point to beside what the youth says, and the plain statement
    /// that this is a suggestion and the youth's own view decides.
    case suggestion
    /// What the source says helps at the stages pointed to and the youth's own.
    case responses
    /// What to ask next at those stages.
    case questions
    /// The youth's Readiness Ruler answers, as their answers, with follow-up questions.
    case ruler
    /// The same (signs, suggestion, the youth's view, ruler) for each domain filled in.
    case domains
    /// Every sign of the catalog, interleaved so the list suggests no order, the noticed
    /// ones checked.
    case signs
    /// Earlier assessments recorded in `history`: date, the youth's stage, the suggestion.
    case history
}

extension StageInfo {
    /// Every sign of `guide` as the advocate is shown it to choose from: not grouped or
    /// ordered by stage.
    ///
    /// The order is fixed, so the same catalog always gives the same list (and the same
    /// document): round by round, the next sign of each stage, the stages taken in an
    /// order that turns two places each round (preparation, pre-contemplation, action,
    /// maintenance, contemplation first). No two neighbours share a stage while two
    /// stages still have signs, and the list starts in the middle of the cycle.
    public static func interleavedSigns(_ guide: [StageInfo]) -> [(id: String, stage: Stage, text: String)] {
        let base: [Stage] = [.preparation, .preContemplation, .action, .maintenance, .contemplation]
        let byStage = Dictionary(uniqueKeysWithValues: guide.map { ($0.stage, $0) })
        let rounds = guide.map(\.signs.count).max() ?? 0
        var signs: [(id: String, stage: Stage, text: String)] = []
        for round in 0..<rounds {
            for offset in 0..<base.count {
                let stage = base[(offset + 2 * round) % base.count]
                guard let info = byStage[stage], round < info.signs.count else { continue }
                signs.append((info.signIDs[round], stage, info.signs[round]))
            }
        }
        return signs
    }
}
