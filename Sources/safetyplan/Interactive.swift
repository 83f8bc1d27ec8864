import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--interactive` and `--save-answers` (`generate`, `fill`).
struct InterviewOptions: ParsableArguments {
    @Flag(
        help:
            "Ask the questions at the terminal (on standard error), show every answer to review and change, then write."
    )
    var interactive = false

    @Option(
        help: ArgumentHelp(
            "With --interactive: also save the answers as a data file (readable by you only), to load again with --data.",
            valueName: "FILE"))
    var saveAnswers: String?

    func validate(output: String?) throws {
        guard let saveAnswers else { return }
        guard interactive else {
            throw ValidationError("--save-answers saves the answers of an interview: give --interactive too.")
        }
        if saveAnswers == output {
            throw ValidationError("--save-answers and -o name the same file; give the answers file its own name.")
        }
    }
}

/// Runs the interview of a command and what comes after it: the answers file, the
/// document, and one line saying what was written.
enum Interactive {
    /// Asks the questions of `template`, then renders and writes the document.
    ///
    /// The document is rendered from the answers as they are saved (the answers file read
    /// back as a data file), so `--data` on the answers file gives the same bytes. At a
    /// terminal, an interview ended before "done" writes nothing and exits 1.
    ///
    /// - Parameters:
    ///   - stage: the stage when it is known (`--stage`, the data file's, a form's);
    ///     nil asks it first.
    ///   - fallback: the stage used until one is chosen.
    static func run(
        template: Template, workspace: Workspace, base: PlanData, stage: Stage?, fallback: Stage, dataFile: String?,
        interview options: InterviewOptions, render: RenderOptions, copy: CopyOptions
    ) throws {
        // Whatever would stop the end from being written is said before the first question.
        if let output = render.output { try OutputTarget.preflight(output) }
        if let path = options.saveAnswers { try OutputTarget.preflight(path, allowedInput: dataFile) }
        let words = workspace.catalog.words
        var base = base
        if let stage, template.kind == .plan, base.stage == nil {
            // The answers file names the stage, so that it loads back to the same plan.
            if case .record(var fields) = base.root {
                fields["stage"] = .text(stage.id)
                base = PlanData(root: .record(fields))
            }
        }
        let setup = Interview.Setup(
            template: template, copy: copy.copy, isDiscreet: render.discreet, words: words,
            stageChoices: stage == nil ? Interview.StageChoice.all(in: workspace.catalog) : [],
            stage: stage ?? fallback, today: Clock.today)
        var interview = Interview(setup, base: base)
        guard TerminalInterview.run(&interview) == .finished else { throw ExitCode(1) }
        let answers = interview.planData.jsonBytes()
        let data = try PlanData.parse(answers, file: options.saveAnswers ?? "answers", maximumBytes: Int.max)
        guard let chosen = data.stage ?? stage ?? (template.kind == .plan ? nil : fallback) else {
            // A plan is never made for a stage nobody chose.
            StandardError.write(
                "error: the answers ended before a stage was chosen; nothing was written. Answer the first question, or give --stage.\n"
            )
            throw ExitCode(1)
        }
        let document = workspace.render(
            template: template, stage: chosen, data: data, format: render.outputFormat, isDiscreet: render.discreet,
            copy: copy.copy)
        if let path = options.saveAnswers {
            try Output.writeAnswers(answers, to: path, dataFile: dataFile)
        }
        try render.write(document)
        var copyName = words[copy.copy == .advocate ? "copy-advocate" : "copy-youth"]
        if render.discreet { copyName = words["copy-youth-discreet"] }
        if let path = options.saveAnswers {
            StandardError.write(words.text("saved-answers", ["file": path]) + "\n")
        }
        if let output = render.output {
            StandardError.write(words.text("saved-document", ["copy": copyName, "file": output]) + "\n")
        } else {
            StandardError.write(words.text("printed-document", ["copy": copyName]) + "\n")
        }
    }
}
