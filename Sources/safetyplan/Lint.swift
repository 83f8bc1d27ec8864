import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan lint`: the content checks (words, reading level, resource facts) for an
/// agency's own templates and catalog files.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check that templates and catalog files are right to put in front of a youth.",
        discussion: """
            Checks words that blame or label a youth (English and Spanish, with the words to use \
            instead), words that push ("you must", "tienes que": errors in pre-contemplation and \
            contemplation text), labels such as "victim" in early-stage youth text, the reading level \
            of each block of youth text (Flesch-Kincaid grade 6 at most; Fernández-Huerta 70 at least \
            in Spanish), resources without a source, with a number that cannot be dialled or texted, \
            or not verified with the service in the last 12 months, and legal items without \
            jurisdiction= or ages=. With no PATH, lints --templates DIR (or $SAFETYPLAN_TEMPLATES), \
            else the bundled set. Each PATH is a templates folder or a single .xml file. The report \
            goes to standard output. Exit 1 when there is an error, 0 with warnings only.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Folders or files to lint (default: the templates folder, else the bundled set).", valueName: "PATH"))
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "Lint an agency's templates folder (default: $SAFETYPLAN_TEMPLATES).", valueName: "DIR"))
    var templates: String?

    @Option(help: "Report format: text (file:line:column: severity: message [rule]) or json.")
    var format: LintFormat = .text

    @Option(
        help: ArgumentHelp(
            "The day to measure verified= dates from, YYYY-MM-DD (default: today).", valueName: "DATE"))
    var today: String?

    @Option(help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "BYTES"))
    var maxInputSize: Int = 1 << 20

    func validate() throws {
        if let today, !ContentLinter.isDate(today) {
            throw ValidationError("--today must be a date written YYYY-MM-DD.")
        }
        guard maxInputSize > 0 else { throw ValidationError("--max-input-size must be positive.") }
    }

    func run() throws {
        try Run.guarded {
            var paths = paths
            if paths.isEmpty, let folder = templates ?? Arguments.environment("SAFETYPLAN_TEMPLATES") {
                paths = [folder]
            }
            var library = TemplateLibrary.bundled
            var names: [String]?
            if !paths.isEmpty {
                (library, names) = try library.overlaid(withPaths: paths, maximumBytes: maxInputSize)
            }
            let report = ContentLinter(today: today ?? Clock.today).lint(library, only: names)
            print(format == .json ? report.json : report.text, terminator: "")
            if report.errorCount > 0 { throw ExitCode(1) }
        }
    }
}

/// `lint --format`.
enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
