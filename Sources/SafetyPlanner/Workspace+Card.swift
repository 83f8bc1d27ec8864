/// A wallet card that cannot be made as asked: a line id the catalog does not have, more
/// lines than a card holds, or a code word that is not there or would give the card away.
///
/// The message names the option and never a data value; the tool prints it after
/// `error: ` and exits 64 for a usage problem, 1 for a problem in the data.
public struct CardProblem: Error, Equatable, Sendable {
    /// The sentence, without `error: `.
    public var message: String
    /// Whether the options are at fault (exit 64) rather than the data (exit 1).
    public var isUsage: Bool
}

extension Workspace {
    /// The ids of the catalog's lines (`kind="line"`), in its order: what `--line` takes.
    public var lineIDs: [String] {
        catalog.resources.filter { $0.kind == .line }.map(\.id)
    }

    /// Checks a wallet card's options against the catalog and the data before it is made.
    ///
    /// - Throws: `CardProblem` for a `--line` id that is not a line (with the nearest
    ///   one and every line's id), an organisation's id, an id given twice, more than
    ///   `CardOptions.maximumLines` lines (chosen, or fitting the youth when none are
    ///   chosen), `--with-code-word` without a code word in the data, or, on a discreet
    ///   card, a code word with a revealing word in it.
    public func checkCard(_ card: CardOptions, stage: Stage, data: PlanData, isDiscreet: Bool) throws(CardProblem) {
        let lines = lineIDs
        let listed = lines.joined(separator: ", ")
        if let chosen = card.lines {
            var seen: Set<String> = []
            for id in chosen {
                if let resource = catalog.resources.first(where: { $0.id == id }), resource.kind != .line {
                    throw CardProblem(
                        message: "--line '\(id)' is an organisation; the card holds lines only: \(listed)",
                        isUsage: true)
                }
                guard lines.contains(id) else {
                    let hint = Suggestion.likely(id, among: lines).map { " (did you mean '\($0)'?)" } ?? ""
                    throw CardProblem(
                        message: "--line '\(id)' is not a line\(hint); the lines are: \(listed)", isUsage: true)
                }
                guard seen.insert(id).inserted else {
                    throw CardProblem(message: "--line '\(id)' is given twice", isUsage: true)
                }
            }
            if chosen.count > CardOptions.maximumLines {
                throw CardProblem(
                    message:
                        "the card holds at most \(CardOptions.maximumLines) lines; \(chosen.count) were given with --line",
                    isUsage: true)
            }
        } else {
            let fitting = planner.plan(stage: stage, data: data, card: card).resources.filter { $0.kind == .line }
            if fitting.count > CardOptions.maximumLines {
                throw CardProblem(
                    message:
                        "the card holds at most \(CardOptions.maximumLines) lines and \(fitting.count) fit this youth; choose up to \(CardOptions.maximumLines) with --line",
                    isUsage: true)
            }
        }
        guard card.showsCodeWord else { return }
        let codeWord = data.root["codeWord"]?.text ?? ""
        if codeWord.allSatisfy(\.isWhitespace) {
            throw CardProblem(
                message:
                    "--with-code-word needs a data file with a \"codeWord\"; give --data FILE, or leave out --with-code-word",
                isUsage: true)
        }
        if isDiscreet, catalog.discretion.isRevealing(codeWord) {
            throw CardProblem(
                message:
                    "codeWord: the code word has a word in it that could give the card away; choose another one with the youth, or leave out --with-code-word",
                isUsage: false)
        }
    }
}
