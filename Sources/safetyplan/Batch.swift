import ArgumentParser
import CMalloc
import SafetyPlanIO
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `safetyplan batch`: one document per record of a JSON Lines file or a folder of JSON
/// files, rendered on several cores into a private output folder.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one document per record of a JSON Lines file or a folder of JSON files.",
        discussion: """
            Each record (a line of FILE.jsonl, or each *.json file in DIR) is read as strictly \
            as a data file and written to the --output folder as <id>.txt or <id>.html. The id \
            is the record's "id", kept to letters, digits, '-', '_' and '.'; a record without a \
            usable id is named record-<line>. A bad record is reported with its line and the \
            others still render; the exit status is then 1. The output folder is created \
            readable by you only, and each file is written privately and atomically.

            With --output-file FILE instead of --output DIR, every document is written into \
            one file, in input order: HTML documents one after another (each starts with \
            <!DOCTYPE html>), text documents separated by a form feed, as pages are. FILE is \
            created readable by you only and appears whole at the end, or not at all.
            """
    )

    @Option(
        help: ArgumentHelp(
            "The records: a JSON Lines file (one record a line) or a folder of *.json files.",
            valueName: "FILE.jsonl|DIR"))
    var data: String

    @Option(
        help: ArgumentHelp("The stage of a record that has no \"stage\" key.", valueName: "stage"),
        completion: .list(Stage.allValueStrings),
        transform: Stage.parseOption)
    var stage: Stage?

    @Option(help: ArgumentHelp("The template to use.", valueName: "NAME"))
    var template: String = "plan"

    @Option(help: ArgumentHelp("How many records to render at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Write all documents, in input order, into this one file instead of a folder.", valueName: "FILE"))
    var outputFile: String?

    @Flag(
        help: ArgumentHelp(
            "Use an --output folder that others can write to, or that is a symbolic link (refused without this)."))
    var force = false

    @OptionGroup var options: RenderOptions

    @OptionGroup var copyOptions: CopyOptions

    func validate() throws {
        try copyOptions.validate(isDiscreet: options.discreet)
        if options.format == .pdf {
            throw ValidationError("batch writes text or html; --format pdf is not available for batch.")
        }
        if options.output != nil && outputFile != nil {
            throw ValidationError("give either --output DIR (one file per record) or --output-file FILE, not both.")
        }
        if options.output == nil && outputFile == nil {
            throw ValidationError(
                "batch writes one file per record: give --output DIR, or --output-file FILE for one file.")
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256.") }
    }

    func run() throws {
        #if canImport(Glibc)
            // Records are rendered a group at a time, and each group's memory is freed
            // before the next: by default glibc hands the top of the heap back to the
            // kernel every time and the next group faults it in again (10 000 documents:
            // 15 000 minor page faults, 1 600 with this).
            mallopt(M_TRIM_THRESHOLD, 64 << 20)
        #endif
        var summary = BatchSummary()
        try Run.guarded {
            // Each record in its own language (client.language), unless --language (or
            // --advocate-language, for advocate copies) says otherwise.
            let renderer = try BatchRenderer.inLanguages(
                of: try Workspace.loadLibrary(
                    templatesDirectory: options.templatesDirectory, maximumBytes: options.maxInputSize),
                template: template, format: options.outputFormat, isDiscreet: options.discreet, defaultStage: stage,
                copy: copyOptions.copy, languageOption: options.language,
                advocateLanguageOption: copyOptions.advocateLanguage
            ) { Run.refuseDiscreet($0, isDiscreet: options.discreet) }
            let jobs = jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            summary = try BatchWriter.write(
                data, renderer: renderer, to: outputFile.map { .file($0) } ?? .folder(options.output!, isForced: force),
                jobs: jobs, maximumBytes: options.maxInputSize)
        }
        summary.print()
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
