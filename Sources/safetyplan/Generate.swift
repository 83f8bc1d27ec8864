import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan generate`: a plan for one youth at their stage of change.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a safety plan for a stage of change.",
        discussion: """
            Stages: pre-contemplation, contemplation, preparation, action, maintenance. \
            The youth's own sense of their stage decides; the plan never pushes them on.
            """
    )

    @Option(
        help: ArgumentHelp("The youth's stage of change.", valueName: "stage"),
        completion: .list(Stage.allValueStrings),
        transform: Stage.parseOption)
    var stage: Stage?

    @Option(help: ArgumentHelp("The youth's data file (JSON).", valueName: "FILE"))
    var data: String?

    @Option(help: ArgumentHelp("The plan template to use.", valueName: "NAME"))
    var template: String = "plan"

    @OptionGroup var options: RenderOptions

    @OptionGroup var copyOptions: CopyOptions

    func validate() throws {
        if stage == nil, data == nil { throw ValidationError("Give --stage, or a data file with a \"stage\" key.") }
        try copyOptions.validate(isDiscreet: options.discreet)
    }

    func run() throws {
        try Run.guarded {
            let planData =
                try data.map { path in try Input.readData(path, maximumBytes: options.maxInputSize) } ?? PlanData()
            let workspace = try options.workspace(
                advocateLanguage: copyOptions.advocateLanguage, copy: copyOptions.copy, data: planData)
            guard let chosen = try planData.stage(option: stage, file: data ?? "", fallback: nil) else {
                Run.usageError("\(data!): the data file has no \"stage\" key; give --stage")
            }
            let compiled = try workspace.template(named: template)
            Run.refuseDiscreet(compiled, isDiscreet: options.discreet)
            let document = workspace.render(
                template: compiled, stage: chosen, data: planData, format: options.outputFormat,
                isDiscreet: options.discreet, copy: copyOptions.copy)
            try options.write(document)
        }
    }
}
