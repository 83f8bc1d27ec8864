import ArgumentParser
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            var library = TemplateLibrary.bundled
            var names: [String]?
            // As every other command: the agency's folder from the environment by default.
            let paths = paths.isEmpty ? Arguments.environment("SAFETYPLAN_TEMPLATES").map { [$0] } ?? [] : paths
            if !paths.isEmpty {
                var own: [String: TemplateLibrary.File] = [:]
                var folders = TemplateLibrary(files: [:])
                for path in paths {
                    if OutputFolder.isDirectory(path) {
                        let folder = try TemplateLibrary(files: [:]).overlaid(
                            withDirectory: path, maximumBytes: maxInputSize)
                        own.merge(folder.files) { _, new in new }
                        folders = folders.overlaid(with: folder)
                    } else {
                        let name = PathName.last(path)
                        guard name.hasSuffix(".xml") || name.hasSuffix(".rng") else {
                            throw InputError("\(path): error: not a folder, an .xml or an .rng file")
                        }
                        own[name] = TemplateLibrary.File(
                            path: path, contents: try Input.read(path, maximumBytes: maxInputSize))
                    }
                }
                library = library.overlaid(with: folders).overlaid(with: TemplateLibrary(files: own))
                names = own.keys.sorted() + folders.allFileNames.filter { $0.contains("/") }
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
