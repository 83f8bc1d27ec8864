import ArgumentParser
import SafetyPlanIO
import SafetyPlanner

/// `safetyplan list`: what the catalog and template set hold, as plain lists.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the stages, domains, resources or templates.",
        discussion: """
            Resources are listed with their numbers, each source with its date, and the day the facts were \
            verified with the service, or "not verified with the service" when no one has.
            """
    )

    enum Subject: String, ExpressibleByArgument, CaseIterable {
        case stages
        case domains
        case resources
        case templates
    }

    @Argument(help: ArgumentHelp("What to list: stages, domains, resources or templates.", valueName: "what"))
    var subject: Subject

    @Option(
        help: ArgumentHelp(
            "Use an agency's templates folder (default: $SAFETYPLAN_TEMPLATES); its files replace the bundled ones of the same name.",
            valueName: "DIR"))
    var templates: String?

    func run() throws {
        try Run.guarded {
            let workspace = try Workspace.load(
                templatesDirectory: templates ?? Arguments.environment("SAFETYPLAN_TEMPLATES"))
            let catalog = workspace.catalog
            var lines: [String] = []
            switch subject {
            case .stages:
                lines = table(catalog.stages.map { [$0.stage.id, $0.name, $0.response] })
            case .domains:
                lines = table(catalog.domains.map { [$0.domain.id, $0.name, $0.youthName] })
            case .resources:
                for resource in catalog.resources {
                    var reach: [String] = []
                    if let call = resource.call { reach.append("Call \(call)") }
                    if let number = resource.textNumber { reach.append(resource.textLabel ?? "Text \(number)") }
                    if let web = resource.web { reach.append(web) }
                    lines.append(
                        "\(resource.name) (\(resource.kind.rawValue); \(resource.region); ages \(resource.ages))")
                    if !reach.isEmpty { lines.append("  " + reach.joined(separator: " · ")) }
                    for source in resource.sources {
                        lines.append("  source: \(source.text)" + (source.date.map { " (\($0))" } ?? " (undated)"))
                    }
                    lines.append(resource.verified.map { "  verified \($0)" } ?? "  not verified with the service")
                }
            case .templates:
                var rows: [[String]] = []
                for name in workspace.library.templateNames {
                    let template = try workspace.template(named: name)
                    rows.append([name, template.kind.rawValue, template.title])
                }
                lines = table(rows)
            }
            print(lines.joined(separator: "\n"))
        }
    }

    /// Rows as columns padded to the widest cell; the last column is not padded.
    private func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == columns - 1 ? cell : padded(cell, to: widths[column])
            }.joined(separator: "  ")
        }
    }

    /// `cell` padded with spaces, or cut, to `length` UTF-16 code units: what Foundation's
    /// `padding(toLength:withPad:startingAt:)` did here, without linking Foundation.
    private func padded(_ cell: String, to length: Int) -> String {
        let units = cell.utf16.count
        if units <= length { return cell + String(repeating: " ", count: length - units) }
        return String(decoding: Array(cell.utf16.prefix(length)), as: UTF16.self)
    }
}
