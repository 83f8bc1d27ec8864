import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan fill`: a form, such as the maintenance support plan, filled from a data
/// file or from answers typed at the terminal; anything left empty prints as write-in
/// lines to finish by hand.
struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fill a form, such as the maintenance support plan, from data or answers.",
        discussion: """
            <name-or-path> is a form's name in the templates (maintenance-support) or the path of an \
            agency's form file; an argument with a '/' or ending in .xml is a path. The stage \
            is the data file's "stage", or maintenance. With --interactive, each field is \
            asked in the form's order (prompts on standard error; answers may be piped in); \
            an empty answer leaves lines to write in by hand, and every answer is shown to \
            review and change before anything is written. With --data too, only what the \
            data file leaves empty is asked.
            """
    )

    @Argument(help: ArgumentHelp("The form's name, or the path of a form file (.xml).", valueName: "name-or-path"))
    var form: String

    @Option(help: ArgumentHelp("The youth's data file (JSON).", valueName: "FILE"))
    var data: String?

    @OptionGroup var options: RenderOptions

    @OptionGroup var copyOptions: CopyOptions

    @OptionGroup var interview: InterviewOptions

    func validate() throws {
        try copyOptions.validate(isDiscreet: options.discreet)
        try interview.validate(output: options.output)
    }

    func run() throws {
        try Run.guarded {
            let planData =
                try data.map { path in try Input.readData(path, maximumBytes: options.maxInputSize) } ?? PlanData()
            var workspace = try options.workspace(
                advocateLanguage: copyOptions.advocateLanguage, copy: copyOptions.copy, data: planData)
            var name = form
            if form.contains("/") || form.hasSuffix(".xml") {
                let fileName = PathName.last(form)
                guard fileName.hasSuffix(".xml"), fileName.count > 4 else { throw IOError.file(.formNameNotXML, form) }
                let bytes = try Input.read(form, maximumBytes: options.maxInputSize)
                workspace = workspace.adding(templateFile: bytes, named: fileName, displayName: form)
                name = String(fileName.dropLast(4))
            }
            let template = try workspace.form(named: name)
            let stage = try planData.stage(option: nil, file: data ?? "", fallback: template.stage ?? .maintenance)!
            if let warning = template.stageWarning(for: planData, name: name) { StandardError.write(warning + "\n") }
            if interview.interactive {
                try Interactive.run(
                    template: template, workspace: workspace, base: planData, stage: stage, fallback: stage,
                    dataFile: data, interview: interview, render: options, copy: copyOptions)
                return
            }
            let document = workspace.render(
                template: template, stage: stage, data: planData, format: options.outputFormat,
                isDiscreet: options.discreet, copy: copyOptions.copy)
            try options.write(document)
        }
    }
}
