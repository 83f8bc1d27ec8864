import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan list`: what the catalog and template set hold, as plain lists.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stages, domains, resources, templates or signs.",
        discussion: """
            Resources are listed with their numbers, each source with its date, and the day the facts were \
            verified with the service, or "not verified with the service" when no one has.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "What to list: stages, domains, resources, templates or signs (the ids an assessment names).",
            valueName: "what"))
    var subject: ListSubject

    @Option(
        help: ArgumentHelp(
            "Use an agency's templates folder (default: $SAFETYPLAN_TEMPLATES); its files replace the bundled ones of the same name.",
            valueName: "DIR"))
    var templates: String?

    func run() throws {
        try Run.guarded {
            let workspace = try Workspace.load(
                templatesDirectory: templates ?? Arguments.environment("SAFETYPLAN_TEMPLATES"))
            print(try workspace.listing(subject).joined(separator: "\n"))
        }
    }
}

extension ListSubject: ExpressibleByArgument {}
