import ArgumentParser
import SafetyPlanner

/// `safetyplan handout`: the reference for helpers, or a one-page handout for a youth.
struct Handout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Print a handout: the reference for helpers, or a one-page handout for a youth.",
        discussion: """
            provider: the stages of change with their signs and what helps, the \
            trauma-informed and survivor-centered principles, and the lines and \
            organisations. youth: one page in plain words for the youth's stage \
            (--stage is required).
            """
    )

    /// Which handout to print.
    enum Audience: String, ExpressibleByArgument, CaseIterable {
        case provider
        case youth

        /// The handout's template name.
        var template: String { rawValue + "-handout" }
    }

    @Argument(help: ArgumentHelp("Who the handout is for: provider or youth.", valueName: "audience"))
    var audience: Audience

    @Option(
        help: ArgumentHelp("The youth's stage of change (youth handout only).", valueName: "stage"),
        completion: .list(Stage.allValueStrings),
        transform: Stage.parseOption)
    var stage: Stage?

    @OptionGroup var options: RenderOptions

    func validate() throws {
        switch (audience, stage) {
        case (.youth, nil):
            throw ValidationError("The youth handout needs --stage: the youth's own stage of change.")
        case (.provider, .some):
            throw ValidationError("--stage is only for the youth handout; the provider handout covers every stage.")
        default:
            break
        }
    }

    func run() throws {
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
}
