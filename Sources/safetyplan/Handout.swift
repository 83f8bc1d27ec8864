import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan handout`: the reference for helpers, a one-page handout for a youth, or a
/// wallet card for a youth.
struct Handout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Print a handout: the reference for helpers, a one-page handout for a youth, or a wallet card.",
        discussion: """
            provider: the stages of change with their signs and what helps, the \
            trauma-informed and survivor-centered principles, and the lines and \
            organisations. youth: one page in plain words for the youth's stage \
            (--stage is required). card: a card the size of a bank card (85.6 x 54 mm), \
            front and back, to cut out: the lines with their numbers, the advocate's first \
            name and number, and the code word only with --with-code-word. The card is \
            discreet by default (a neutral title, lines by neutral names, no organisation, \
            nothing that tells what it is); --no-discreet prints the names. The stage comes \
            from --stage or the data file. In text the card is a box 40 columns wide (--width \
            does not apply); in HTML and PDF the fronts are on the first sheet and the backs \
            on the second, mirrored, to print on both sides flipping on the long edge.
            """
    )

    /// Which handout to print.
    enum Audience: String, ExpressibleByArgument, CaseIterable {
        case provider
        case youth
        case card

        /// The handout's template name.
        var template: String { self == .card ? "wallet-card" : rawValue + "-handout" }
    }

    @Argument(help: ArgumentHelp("Who the handout is for: provider, youth or card.", valueName: "audience"))
    var audience: Audience

    @Option(
        help: ArgumentHelp(
            "The youth's stage of change (youth handout and card; the card also takes the data's stage).",
            valueName: "stage"),
        completion: .list(Stage.allValueStrings),
        transform: Stage.parseOption)
    var stage: Stage?

    @Option(
        help: ArgumentHelp(
            "Card: the youth's data file (JSON): advocate.name, advocate.discreetName, advocate.phone, codeWord, client.age.",
            valueName: "FILE"))
    var data: String?

    @Option(
        name: .customLong("line"),
        help: ArgumentHelp(
            "Card: a line the youth chose, by id (emergency-911, nhth, lifeline-988, childhelp, nrs); repeat for more, at most 5. Default: the lines that fit the youth's age.",
            valueName: "ID"))
    var lines: [String] = []

    @Flag(help: "Card: print the code word (only if the youth asks), under a neutral label.")
    var withCodeWord = false

    @Flag(help: "Card: print the lines' own names and the advocate's name as given (the card is discreet by default).")
    var noDiscreet = false

    @Option(help: ArgumentHelp("Card: how many cards, 1 to 8 (one sheet in HTML and PDF).", valueName: "N"))
    var copies: Int = 1

    @Option(help: ArgumentHelp("Card: the sheet for HTML and PDF: letter (the default) or a4.", valueName: "letter|a4"))
    var paper: CardOptions.Paper = .letter

    @OptionGroup var options: RenderOptions

    func validate() throws {
        if audience != .card {
            let cardOnly: [(given: Bool, name: String)] = [
                (data != nil, "--data"), (!lines.isEmpty, "--line"), (withCodeWord, "--with-code-word"),
                (noDiscreet, "--no-discreet"), (copies != 1, "--copies"), (paper != .letter, "--paper"),
            ]
            if let option = cardOnly.first(where: \.given) {
                throw ValidationError("\(option.name) is only for the wallet card (handout card).")
            }
        }
        switch (audience, stage) {
        case (.youth, nil):
            throw ValidationError("The youth handout needs --stage: the youth's own stage of change.")
        case (.card, nil) where data == nil:
            throw ValidationError("The card needs --stage, or a data file with a \"stage\" key.")
        case (.provider, .some):
            throw ValidationError("--stage is only for the youth handout; the provider handout covers every stage.")
        default:
            break
        }
        guard audience == .card else { return }
        if options.discreet && noDiscreet {
            throw ValidationError(
                "--discreet and --no-discreet contradict each other; the card is discreet unless --no-discreet is given."
            )
        }
        guard (1...CardOptions.maximumCopies).contains(copies) else {
            throw ValidationError(
                "--copies must be from 1 to \(CardOptions.maximumCopies) (\(CardOptions.maximumCopies) cards fit on one sheet)."
            )
        }
    }

    func run() throws {
        if audience == .card { return try runCard() }
        try Run.guarded {
            let workspace = try options.workspace()
            let compiled = try workspace.template(named: audience.template)
            Run.refuseDiscreet(compiled, isDiscreet: options.discreet)
            // The provider handout covers every stage; any stage gives the same document.
            let chosen = try PlanData().stage(option: stage, file: "", fallback: .preparation)!
            let document = workspace.render(
                template: compiled, stage: chosen, data: PlanData(), format: options.outputFormat,
                isDiscreet: options.discreet)
            try options.write(document)
        }
    }

    /// The wallet card: discreet unless `--no-discreet`, through the one discretion policy.
    private func runCard() throws {
        try Run.guarded {
            let planData =
                try data.map { path in try Input.readData(path, maximumBytes: options.maxInputSize) } ?? PlanData()
            let workspace = try options.workspace(data: planData)
            let compiled = try workspace.template(named: audience.template)
            guard let chosen = try planData.stage(option: stage, file: data ?? "", fallback: nil) else {
                Run.usageError("\(data!): the data file has no \"stage\" key; give --stage")
            }
            let isDiscreet = !noDiscreet
            let card = CardOptions(
                lines: lines.isEmpty ? nil : lines, showsCodeWord: withCodeWord, copies: copies, paper: paper)
            do {
                try workspace.checkCard(card, stage: chosen, data: planData, isDiscreet: isDiscreet)
            } catch let error as CardProblem {
                if error.isUsage { Run.usageError(error.message) }
                Run.fail("error: " + error.message)
            }
            let document = workspace.render(
                template: compiled, stage: chosen, data: planData, format: options.outputFormat,
                isDiscreet: isDiscreet, card: card)
            try options.write(document)
        }
    }
}

extension CardOptions.Paper: ExpressibleByArgument {}
