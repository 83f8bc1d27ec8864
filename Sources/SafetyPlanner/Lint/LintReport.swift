/// What `safetyplan lint` found: every diagnostic, and how many files were read.
public struct LintReport: Equatable, Sendable {
    /// How many files were linted.
    public var lintedFiles: Int
    /// Every problem, file by file.
    public var diagnostics: [LintDiagnostic]

    /// Creates a report.
    public init(lintedFiles: Int, diagnostics: [LintDiagnostic]) {
        self.lintedFiles = lintedFiles
        self.diagnostics = diagnostics
    }

    /// The number of errors (any error makes `lint` exit 1).
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// The number of warnings.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// The last line of the text report: "linted 41 files: 2 errors, 14 warnings".
    public var summary: String {
        let files = lintedFiles == 1 ? "1 file" : "\(lintedFiles) files"
        let errors = errorCount == 1 ? "1 error" : "\(errorCount) errors"
        let warnings = warningCount == 1 ? "1 warning" : "\(warningCount) warnings"
        return "linted \(files): \(errors), \(warnings)"
    }

    /// The report as text: one diagnostic a line, then the summary; ends with a newline.
    public var text: String {
        (diagnostics.map(\.description) + [summary]).joined(separator: "\n") + "\n"
    }

    /// The report as JSON for tools: `{"files": n, "errors": n, "warnings": n,
    /// "diagnostics": [{"file", "line", "column", "severity", "rule", "message"}]}`, one
    /// diagnostic a line; ends with a newline. `line` and `column` are 0 for a whole file.
    public var json: String {
        var output = "{\n  \"files\": \(lintedFiles),\n  \"errors\": \(errorCount),\n"
        output += "  \"warnings\": \(warningCount),\n  \"diagnostics\": ["
        for (index, diagnostic) in diagnostics.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            output += "    {\"file\": \(Self.quoted(diagnostic.location.file)), "
            output += "\"line\": \(diagnostic.location.line), \"column\": \(diagnostic.location.column), "
            output += "\"severity\": \"\(diagnostic.severity.rawValue)\", \"rule\": \"\(diagnostic.rule.name)\", "
            output += "\"message\": \(Self.quoted(diagnostic.message))}"
        }
        output += diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return output
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
