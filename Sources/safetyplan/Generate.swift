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
            The youth's own sense of their stage decides; the plan never pushes them on. \
            With --interactive, the plan's questions are asked at the terminal (the stage \
            first, in the youth's own words, unless --stage or the data file gives it); \
            with --data too, only what the data file leaves empty is asked. Every answer is \
            shown to review and change before anything is written.
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

    @OptionGroup var interview: InterviewOptions

    func validate() throws {
        if stage == nil, data == nil, !interview.interactive {
            throw ValidationError("Give --stage, or a data file with a \"stage\" key, or --interactive.")
        }
        try copyOptions.validate(isDiscreet: options.discreet)
        try interview.validate(output: options.output)
    }

    func run() throws {
        try Run.guarded {
            let planData =
                try data.map { path in try Input.readData(path, maximumBytes: options.maxInputSize) } ?? PlanData()
            let workspace = try options.workspace(
                advocateLanguage: copyOptions.advocateLanguage, copy: copyOptions.copy, data: planData)
            let known = try planData.stage(option: stage, file: data ?? "", fallback: nil)
            let compiled = try workspace.template(named: template)
            Run.refuseDiscreet(compiled, isDiscreet: options.discreet)
            Run.refuseCard(compiled)
            if interview.interactive {
                try Interactive.run(
                    template: compiled, workspace: workspace, base: planData, stage: known, fallback: .preparation,
                    dataFile: data, interview: interview, render: options, copy: copyOptions)
                return
            }
            guard let chosen = known else {
                Run.usageError("\(data!): the data file has no \"stage\" key; give --stage")
            }
            let document = workspace.render(
                template: compiled, stage: chosen, data: planData, format: options.outputFormat,
                isDiscreet: options.discreet, copy: copyOptions.copy)
            try options.write(document)
        }
    }
}
