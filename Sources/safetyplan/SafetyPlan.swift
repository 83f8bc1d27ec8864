import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `safetyplan` command: builds safety plans, forms and handouts from XML templates.
///
/// The tool stays thin: it reads arguments and files, calls the library once, writes the
/// result atomically and maps errors to exit codes (0 success, 1 input error, 64 usage).
@main
struct SafetyPlan: ParsableCommand {
    /// Starts the signal cleanup, then parses the arguments as bytes (`Arguments`).
    static func main() {
        Cleanup.install()
        main(Arguments.exact())
    }

    static let configuration = CommandConfiguration(
        commandName: "safetyplan",
        abstract: "Build safety plans for youth, fitted to their stage of change.",
        discussion: """
            Plans are made from XML templates and a JSON data file, and printed as plain \
            text or HTML. Nothing is sent anywhere; output files are readable by you only.
            """,
        version: safetyPlannerVersion,
        // Every subcommand gives its `commandName`: otherwise ArgumentParser derives it from
        // `String(describing:)` of the type at each start, ~10 % of a one-plan run's
        // instructions in the Swift runtime's conformance and metadata lookups.
        subcommands: [
            Generate.self,
            Batch.self,
            Fill.self,
            Handout.self,
            Assess.self,
            Check.self,
            Lint.self,
            List.self,
            Serve.self,
        ]
    )
}

extension Stage: ExpressibleByArgument {
    /// A stage from its identifier on the command line, in any spelling `Stage(spelling:)` accepts.
    public init?(argument: String) {
        self.init(spelling: argument)
    }

    /// `--stage`: a stage in any spelling `Stage(spelling:)` accepts; for anything else the
    /// nearest stage and the list, which ArgumentParser prints after the value (exit 64).
    static func parseOption(_ argument: String) throws -> Stage {
        guard let stage = Stage(spelling: argument) else {
            throw UnknownStage(message: Stage.unknownMessage(argument, prefix: "not a stage"))
        }
        return stage
    }

    /// Every stage's identifier, for `--help` and completions.
    public static var allValueStrings: [String] { allCases.map(\.id) }
}

/// A `--stage` value that is no stage, described as ArgumentParser prints it.
struct UnknownStage: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The output format as written on the command line.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case text
    case html
    case pdf
}

/// Options every rendering command shares, `batch` included: everything but the output
/// format and where the output goes, whose help differs for `batch`.
struct DocumentOptions: ParsableArguments {
    @Option(help: "Wrap text at this many columns (20–400).")
    var width: Int = 72

    @Option(
        help: ArgumentHelp(
            "Text: at most this many lines on a printed page, pages separated by form feeds; 0 for no pages (10–1000).",
            valueName: "LINES"))
    var pageLength: Int = TextRenderer.defaultPageLength

    @Flag(help: "Text: end every page with 'Page X of Y' (needs --page-length above 0).")
    var pageNumbers = false

    @Option(
        help: ArgumentHelp(
            "Use an agency's templates folder (default: $SAFETYPLAN_TEMPLATES); its files replace the bundled ones of the same name.",
            valueName: "DIR"))
    var templates: String?

    @Option(
        help: ArgumentHelp(
            "The document's language, such as en or es (default: the data's client.language, else en).",
            valueName: "LANG"))
    var language: String?

    @Flag(
        help:
            "A copy that tells nothing to a person who finds it: no revealing word in any language, no surnames, organisations, addresses, code word or law section."
    )
    var discreet = false

    @Option(help: ArgumentHelp("Refuse template and data files larger than this many bytes.", valueName: "BYTES"))
    var maxInputSize: Int = 1 << 20

    @Option(help: ArgumentHelp("PDF: stop Chromium after this many seconds (1–3600).", valueName: "SECONDS"))
    var pdfTimeout: Int = 120

    func validate() throws {
        guard (20...400).contains(width) else { throw ValidationError("--width must be between 20 and 400.") }
        guard maxInputSize > 0 else { throw ValidationError("--max-input-size must be positive.") }
        guard pageLength == 0 || (10...1000).contains(pageLength) else {
            throw ValidationError("--page-length must be 0 (no pages) or between 10 and 1000.")
        }
        if pageNumbers && pageLength == 0 {
            throw ValidationError("--page-numbers needs pages: give --page-length above 0.")
        }
        guard (1...3600).contains(pdfTimeout) else {
            throw ValidationError("--pdf-timeout must be between 1 and 3600.")
        }
    }

    /// `--templates`, or else the `SAFETYPLAN_TEMPLATES` environment variable.
    var templatesDirectory: String? { templates ?? Arguments.environment("SAFETYPLAN_TEMPLATES") }

    /// The renderer's format for `format`, with these options' text layout.
    func outputFormat(_ format: FormatOption) -> OutputFormat {
        switch format {
        case .text: return .text(width: width, pageLength: pageLength, hasPageNumbers: pageNumbers)
        case .html: return .html
        case .pdf: return .pdf
        }
    }

    /// The workspace in the document's language (`--language`, `advocateLanguage` for an
    /// advocate copy, else the data's `client.language`); a language the templates do not
    /// have is a usage error that lists those they have (`Run.guarded`).
    func workspace(advocateLanguage: String? = nil, copy: DocumentCopy = .youth, data: PlanData = PlanData()) throws
        -> Workspace
    {
        try Workspace.load(
            templatesDirectory: templatesDirectory, maximumBytes: maxInputSize, languageOption: language,
            advocateLanguageOption: advocateLanguage, copy: copy, data: data)
    }
}

/// Options of the commands that render one document (`generate`, `fill`, `handout`):
/// the format, `-o FILE` (else standard output), and the shared `DocumentOptions`.
struct RenderOptions: ParsableArguments {
    @Option(help: "Output format: text, html or pdf (pdf needs -o FILE and Chromium).")
    var format: FormatOption = .text

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write to FILE (created readable by you only) instead of standard output.", valueName: "FILE"))
    var output: String?

    @OptionGroup var document: DocumentOptions

    func validate() throws {
        if format == .pdf && output == nil {
            throw ValidationError("--format pdf writes a file: give -o FILE.")
        }
    }

    var width: Int { document.width }
    var pageLength: Int { document.pageLength }
    var pageNumbers: Bool { document.pageNumbers }
    var templates: String? { document.templates }
    var language: String? { document.language }
    var discreet: Bool { document.discreet }
    var maxInputSize: Int { document.maxInputSize }
    var pdfTimeout: Int { document.pdfTimeout }

    /// `--templates`, or else the `SAFETYPLAN_TEMPLATES` environment variable.
    var templatesDirectory: String? { document.templatesDirectory }

    var outputFormat: OutputFormat { document.outputFormat(format) }

    /// Writes a rendered document where these options say: standard output or `-o FILE`,
    /// and for `--format pdf` through the PDF engine into `FILE`.
    func write(_ text: String) throws {
        try Output.write(text, to: output, pdfTimeLimit: format == .pdf ? Double(pdfTimeout) : nil)
    }

    /// The workspace in the document's language (`DocumentOptions.workspace`).
    func workspace(advocateLanguage: String? = nil, copy: DocumentCopy = .youth, data: PlanData = PlanData()) throws
        -> Workspace
    {
        try document.workspace(advocateLanguage: advocateLanguage, copy: copy, data: data)
    }
}
