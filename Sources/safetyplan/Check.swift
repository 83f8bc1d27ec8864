import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan check`: validates templates and catalog files and prints every problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check templates and catalog files, printing every problem with its place.",
        discussion: """
            With no PATH, checks $SAFETYPLAN_TEMPLATES when it is set, else the bundled set. Each PATH is an agency's templates folder \
            or a single .xml or .rng file; they are checked as they would be used, over the \
            bundled files. Exit 0 when there are no problems, 1 otherwise.
            """
    )

    @Argument(help: ArgumentHelp("Folders or files to check (default: the bundled templates).", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "BYTES"))
    var maxInputSize: Int = 1 << 20

    func run() throws {
        try Run.guarded {
            // As every other command: the agency's folder from the environment by default.
            let paths = paths.isEmpty ? Arguments.environment("SAFETYPLAN_TEMPLATES").map { [$0] } ?? [] : paths
            var library = TemplateLibrary.bundled
            var names: [String]?
            if !paths.isEmpty {
                (library, names) = try library.overlaid(withPaths: paths, maximumBytes: maxInputSize)
            }
            let report = library.check(only: names)
            let files = report.checkedFiles == 1 ? "1 file" : "\(report.checkedFiles) files"
            guard !report.problems.isEmpty else {
                print("checked \(files): no problems")
                return
            }
            let count = report.problems.count == 1 ? "1 problem" : "\(report.problems.count) problems"
            let lines = report.problems.map(\.description) + ["checked \(files): \(count)"]
            StandardError.write(lines.joined(separator: "\n") + "\n")
            throw ExitCode(1)
        }
    }
}
