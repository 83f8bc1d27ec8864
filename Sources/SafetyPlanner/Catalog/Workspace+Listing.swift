/// What `safetyplan list` can list.
package enum ListSubject: String, CaseIterable, Sendable {
    /// The stages of change: id, name, the helper's response.
    case stages
    /// The five domains: id, name, the youth's name for it.
    case domains
    /// The lines and organisations, with their numbers, sources and dates, and whether
    /// someone verified them with the service.
    case resources
    /// The document templates: name, kind, title.
    case templates
    /// The signs of the stages, by id, in the order the advocate is shown them
    /// (`StageInfo.interleavedSigns`: not grouped by stage).
    case signs
}

extension Workspace {
    /// The lines `safetyplan list` prints for `subject`: tables padded to their widest
    /// cell, and for resources a block each.
    ///
    /// - Throws: `TemplateError` when a template of `templates` does not compile.
    package func listing(_ subject: ListSubject) throws(TemplateError) -> [String] {
        switch subject {
        case .stages:
            return Self.table(catalog.stages.map { [$0.stage.id, $0.name, $0.response] })
        case .domains:
            return Self.table(catalog.domains.map { [$0.domain.id, $0.name, $0.youthName] })
        case .signs:
            return Self.table(StageInfo.interleavedSigns(catalog.stages).map { [$0.id, $0.text] })
        case .resources:
            var lines: [String] = []
            for resource in catalog.resources {
                var reach: [String] = []
                if let call = resource.call { reach.append("Call \(call)") }
                if let number = resource.textNumber { reach.append(resource.textLabel ?? "Text \(number)") }
                if let web = resource.web { reach.append(web) }
                lines.append("\(resource.name) (\(resource.kind.rawValue); \(resource.region); ages \(resource.ages))")
                if !reach.isEmpty { lines.append("  " + reach.joined(separator: " · ")) }
                for source in resource.sources {
                    lines.append("  source: \(source.text)" + (source.date.map { " (\($0))" } ?? " (undated)"))
                }
                lines.append(resource.verified.map { "  verified \($0)" } ?? "  not verified with the service")
            }
            return lines
        case .templates:
            var rows: [[String]] = []
            for name in library.templateNames {
                let template = try template(named: name)
                rows.append([name, template.kind.rawValue, template.title])
            }
            return Self.table(rows)
        }
    }

    /// Rows as columns padded to the widest cell; the last column is not padded.
    static func table(_ rows: [[String]]) -> [String] {
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
    static func padded(_ cell: String, to length: Int) -> String {
        let units = cell.utf16.count
        if units <= length { return cell + String(repeating: " ", count: length - units) }
        return String(decoding: Array(cell.utf16.prefix(length)), as: UTF16.self)
    }
}
