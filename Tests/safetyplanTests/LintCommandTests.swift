import Foundation
import Testing

/// End-to-end runs of `safetyplan lint`: the report, the exit status, `--format json`.
@Suite struct LintCommandTests {
    static let fixtures = ToolRunner.packageRoot.appendingPathComponent("Tests/SafetyPlannerTests/Fixtures/lint")

    static func expected(_ name: String) -> String {
        String(
            decoding: FileManager.default.contents(atPath: fixtures.appendingPathComponent(name).path)!, as: UTF8.self)
    }

    /// The tool prints the folder's files by their full path; the golden file has them from `Fixtures/lint`.
    static func relative(_ output: String) -> String {
        output.replacingOccurrences(of: fixtures.path + "/", with: "")
    }

    @Test func bundledTemplatesHaveNoErrors() throws {
        let result = try ToolRunner.run(["lint", "--today", "2026-12-01"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardError == "")
        #expect(!result.standardOutput.contains(": error: "))
        #expect(result.standardOutput.hasSuffix(" warnings\n"))
        #expect(result.standardOutput.split(separator: "\n").last?.hasPrefix("linted 44 files: 0 errors, ") == true)
    }

    @Test func anAgencyFolderWithOneProblemOfEachRule() throws {
        for arguments in [["lint", "agency"], ["lint", "--templates", "agency"]] {
            let result = try ToolRunner.run(arguments + ["--today", "2026-12-01"], in: Self.fixtures)
            #expect(result.status == 1)
            #expect(result.standardError == "")
            #expect(Self.relative(result.standardOutput) == Self.expected("agency.txt"))
        }
        let json = try ToolRunner.run(
            ["lint", "agency", "--format", "json", "--today", "2026-12-01"], in: Self.fixtures)
        #expect(json.status == 1)
        #expect(Self.relative(json.standardOutput) == Self.expected("agency.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        #expect(parsed["errors"] as? Int == 17)
        #expect((parsed["diagnostics"] as? [[String: Any]])?.count == 23)
    }

    @Test func warningsOnlyExitZero() throws {
        let result = try ToolRunner.run(
            ["lint", "agency/handouts/provider-handout.xml", "agency/catalog/stages.xml", "--today", "2026-12-01"],
            in: Self.fixtures)
        #expect(result.status == 1)
        let clean = try ToolRunner.run(["lint", "agency/handouts/provider-handout.xml"], in: Self.fixtures)
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "linted 1 file: 0 errors, 0 warnings\n")
        let folder = try ToolRunner.temporaryFolder()
        let file = folder.appendingPathComponent("stages.xml")
        try Data(
            """
            <stages xmlns="urn:safetyplanner:catalog:1">
              <stage id="action"><youth>You should rest.</youth></stage>
            </stages>

            """.utf8
        ).write(to: file)
        let warnings = try ToolRunner.run(["lint", file.path])
        #expect(warnings.status == 0)
        #expect(
            warnings.standardOutput == """
                \(file.path):2:29: warning: "you should" may push the youth; say what the youth can do if they want ("you can", "when you are ready") [pressure]
                linted 1 file: 0 errors, 1 warning

                """)
    }

    @Test func usageAndInputErrors() throws {
        let date = try ToolRunner.run(["lint", "--today", "2026-13-01"])
        #expect(date.status == 64)
        #expect(date.standardError.contains("--today must be a date written YYYY-MM-DD."))
        let missing = try ToolRunner.run(["lint", "nothere"], in: Self.fixtures)
        #expect(missing.status == 1)
        #expect(missing.standardOutput == "")
        #expect(missing.standardError == "error: nothere does not exist\n")
        let help = try ToolRunner.run(["lint", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--format <format>"))
    }
}
