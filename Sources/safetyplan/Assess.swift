import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan assess`: the advocate's conversation aid for recognising a youth's stage
/// of change together (issue 17). Never a score, never a label, never in the youth copy.
struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Put what you noticed beside what the youth says about where they are (for the advocate only).",
        discussion: """
            Reads the data file's "assessment": the ids of the signs you noticed (safetyplan list signs), \
            the youth's own words and stage, and their Readiness Ruler answers (0-10), for their situation \
            as a whole and for any domain on its own. Prints, for the advocate only: the signs you noticed \
            by stage, the stages they point to beside what the youth says (where they differ, both, left \
            open), what helps at those stages, what to ask next, and the youth's ruler answers as theirs. \
            It prints no score, and the youth copy of the plan never shows any of it. With --interactive \
            the questions are asked at the terminal (a new assessment; any in the data file is replaced). \
            --record FILE saves the data with the assessment, and adds the date, the youth's stage and \
            the suggestion to "history", which the advocate copy of the plan shows.
            """
    )

    @Option(help: ArgumentHelp("The youth's data file (JSON), with an \"assessment\".", valueName: "FILE"))
    var data: String?

    @Flag(help: "Ask the assessment's questions at the terminal (on standard error) instead of reading them.")
    var interactive = false

    @Option(
        help: ArgumentHelp(
            "Save the data with the assessment, and the assessment in its \"history\", to FILE (readable by you only; may be the --data file).",
            valueName: "FILE"))
    var record: String?

    @OptionGroup var options: RenderOptions

    func validate() throws {
        if data == nil, !interactive {
            throw ValidationError("Give --data FILE (a data file with an \"assessment\"), or --interactive.")
        }
        if let record, record == options.output {
            throw ValidationError("--record and -o name the same file; give the data file its own name.")
        }
    }

    func run() throws {
        try Run.guarded {
            let bytes = try data.map { path in try Input.read(path, maximumBytes: options.maxInputSize) }
            // The sign ids are the catalog's, known once the language is: read once for the
            // language (client.language; --language or English when the file has problems),
            // then again with the catalog's ids, which tells every problem at once, with the
            // place of any unknown id.
            let first = try? bytes.map { bytes in
                try PlanData.parse(bytes, file: data!, maximumBytes: options.maxInputSize)
            }
            let workspace = try options.workspace(copy: .advocate, data: first ?? PlanData())
            var planData =
                try bytes.map { bytes in
                    try PlanData.parse(
                        bytes, file: data!, maximumBytes: options.maxInputSize, signIDs: workspace.catalog.signIDs)
                } ?? PlanData()
            let template = try workspace.template(named: "assessment")
            Run.refuseDiscreet(template, isDiscreet: options.discreet)
            if let output = options.output { try OutputTarget.preflight(output) }
            if let record { try OutputTarget.preflight(record, allowedInput: data) }
            if interactive {
                var questions = AssessmentInterview(catalog: workspace.catalog, today: Clock.today)
                guard TerminalInterview.run(&questions, words: workspace.catalog.words) == .finished else {
                    throw ExitCode(1)
                }
                planData = planData.replacingAssessment(with: questions.assessment)
            } else if planData.root["assessment"] == nil {
                throw DataError(
                    file: data!, line: 1, column: 1, path: nil,
                    message: "the data file has no \"assessment\"; add one (see the README) or give --interactive")
            }
            let words = workspace.catalog.words
            var message: String?
            if let record {
                let recorded = planData.recordingAssessment(guide: workspace.catalog.stages, today: Clock.today)
                planData = recorded.data
                if recorded.isAdded {
                    message = words.text("assess-recorded", ["file": record])
                } else if planData.root["assessment"]?["youthStage"] == nil {
                    message = words.text("assess-not-recorded", ["file": record])
                } else {
                    message = words.text("assess-already-recorded", ["file": record])
                }
            }
            // The document reads no plan stage: any stage gives the same document.
            let document = workspace.render(
                template: template, stage: .preparation, data: planData, format: options.outputFormat, copy: .advocate)
            if let record { try Output.writeAnswers(planData.jsonBytes(), to: record, dataFile: data) }
            try options.write(document)
            if let message { StandardError.write(message + "\n") }
        }
    }
}
