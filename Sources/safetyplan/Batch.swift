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
/// files, rendered on several cores into a private output folder (`--output-dir`), or all
/// into one file (`-o FILE`, as `-o` is for every command).
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render one document per record of a JSON Lines file or a folder of JSON files.",
        discussion: """
            Each record (a line of FILE.jsonl, or each *.json file in DIR) is read as strictly \
            as a data file. With --output-dir DIR each document is written into DIR as <id>.txt, \
            <id>.html or <id>.pdf. The id is the record's "id", kept to letters, digits, '-', '_' \
            and '.'; a record without a usable id is named record-<line>. The folder is created \
            readable by you only, and each file is written privately and atomically.

            With -o FILE instead, every document is written into that one file, in input order, \
            as -o writes for every command: HTML documents one after another (each starts with \
            <!DOCTYPE html>), text documents separated by a form feed, as pages are. FILE is \
            created readable by you only and appears whole at the end, or not at all. A PDF is \
            printed per record: --format pdf needs --output-dir.

            A bad record is reported with its line and the others still render; the exit status \
            is then 1.
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

    @Option(
        help: "Output format: text, html or pdf (pdf: one PDF per record, with --output-dir; needs Chromium).")
    var format: FormatOption = .text

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write every document, in input order, into FILE (created readable by you only).", valueName: "FILE"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Write one file per record into DIR (created readable by you only), named by the record's id.",
            valueName: "DIR"))
    var outputDir: String?

    @Option(help: ArgumentHelp("How many records to render at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Flag(
        help: ArgumentHelp(
            "Use an --output-dir folder that others can write to, or that is a symbolic link (refused without this)."))
    var force = false

    @OptionGroup var options: DocumentOptions

    @OptionGroup var copyOptions: CopyOptions

    func validate() throws {
        try copyOptions.validate(isDiscreet: options.discreet)
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256.") }
        switch (output, outputDir) {
        case (nil, nil):
            throw ValidationError(
                "batch writes files: give --output-dir DIR for one file per record, or -o FILE for every document in one file."
            )
        case (.some, .some):
            throw ValidationError(
                "give either --output-dir DIR (one file per record) or -o FILE (every document in one file), not both.")
        case (let file?, nil):
            if format == .pdf {
                throw ValidationError(
                    "batch prints one PDF per record: give --output-dir DIR with --format pdf (-o FILE holds text or HTML documents one after another)."
                )
            }
            // `-o plans/`, as `--output plans/` was once written for the folder: say what to give.
            if file.hasSuffix("/") || FileSystem.status(file).map({ ($0.st_mode & S_IFMT) == S_IFDIR }) == true {
                throw ValidationError(
                    "-o writes every document into one file, and \(file) is a folder; for one file per record give --output-dir \(file)."
                )
            }
        case (nil, .some):
            break
        }
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
                template: template, format: options.outputFormat(format), isDiscreet: options.discreet,
                defaultStage: stage,
                copy: copyOptions.copy, languageOption: options.language,
                advocateLanguageOption: copyOptions.advocateLanguage
            ) {
                Run.refuseDiscreet($0, isDiscreet: options.discreet)
                Run.refuseCard($0)
            }
            let jobs = jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            summary = try BatchWriter.write(
                data, renderer: renderer, to: output.map { .file($0) } ?? .folder(outputDir!, isForced: force),
                jobs: jobs, maximumBytes: options.maxInputSize,
                pdfTimeLimit: format == .pdf ? Double(options.pdfTimeout) : nil)
        }
        summary.print()
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
