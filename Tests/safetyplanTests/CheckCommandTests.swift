import Foundation
import Testing

/// End-to-end runs of `safetyplan check` and `safetyplan list`.
@Suite struct CheckCommandTests {
    static func bundled(_ path: String) -> String {
        String(
            decoding: FileManager.default.contents(atPath: ToolRunner.packageRoot.appendingPathComponent(path).path)!,
            as: UTF8.self)
    }

    @Test func bundledTemplatesHaveNoProblems() throws {
        let result = try ToolRunner.run(["check"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "")
        #expect(result.standardOutput.hasPrefix("checked "))
        #expect(result.standardOutput.hasSuffix(" files: no problems\n"))
    }

    @Test func brokenAgencyCopyReportsEveryProblemWithItsPlace() throws {
        let folder = try ToolRunner.temporaryFolder()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder.appendingPathComponent("catalog"), withIntermediateDirectories: true)
        try fileManager.createDirectory(
            at: folder.appendingPathComponent("documents"), withIntermediateDirectories: true)
        // A misspelt element in a catalog file: <sing> for <sign>.
        let stages = Self.bundled("Templates/catalog/stages.xml").replacingOccurrences(
            of: #"<sign id="pc-defensive">May be defensive.</sign>"#,
            with: #"<sing id="pc-defensive">May be defensive.</sing>"#)
        let stagesPath = folder.appendingPathComponent("catalog/stages.xml").path
        try Data(stages.utf8).write(to: URL(fileURLWithPath: stagesPath))
        // An unknown data path in a template.
        let plan = Self.bundled("Templates/documents/plan.xml").replacingOccurrences(
            of: "of=\"client.name\"", with: "of=\"client.nmae\"")
        let planPath = folder.appendingPathComponent("documents/plan.xml").path
        try Data(plan.utf8).write(to: URL(fileURLWithPath: planPath))
        let stagesLine =
            stages.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<sing ") }! + 1
        let planLine =
            plan.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("client.nmae") }! + 1

        let result = try ToolRunner.run(["check", folder.path])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "\(stagesPath):\(stagesLine):7: error: unknown element <sing> in <signs>; did you mean <sign>?"),
            "\(lines)")
        #expect(
            lines.contains(
                "\(planPath):\(planLine):27: error: unknown data path 'client.nmae' (did you mean 'client.name'?)"),
            "\(lines)")
        #expect(lines.last?.hasPrefix("checked 2 files: ") == true)
        for line in lines.dropLast() {
            #expect(line.wholeMatch(of: /.+:\d+:\d+: error: .+/) != nil, "\(line)")
        }

        // One file given alone is checked alone.
        let single = try ToolRunner.run(["check", planPath])
        #expect(single.status == 1)
        #expect(single.standardError.hasSuffix("checked 1 file: 1 problem\n"))
    }

    @Test func fragmentAndStrayFilesAreChecked() throws {
        let folder = try ToolRunner.temporaryFolder()
        let fragment = folder.appendingPathComponent("lines-to-call.xml")
        try Data(
            """
            <fragment xmlns="urn:safetyplanner:template:1">
              <resources kind="line" audience="kids"/>
            </fragment>
            """.utf8
        ).write(to: fragment)
        let stray = folder.appendingPathComponent("notes.xml")
        try Data("<notes/>".utf8).write(to: stray)
        let result = try ToolRunner.run(["check", folder.path])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "\(fragment.path):2:3: error: 'audience' on <resources> must be youth or provider"))
        #expect(
            result.standardError.contains(
                "\(stray.path):1:1: error: <notes> is not a template, an included part or a catalog file"))
    }

    @Test func listResourcesShowsNumbersSourcesAndDates() throws {
        let result = try ToolRunner.run(["list", "resources"])
        #expect(result.status == 0)
        let text = result.standardOutput
        for number in ["911", "1-888-373-7888", "Text 233733", "988", "1-800-422-4453", "1-800-786-2929"] {
            #expect(text.contains(number), "\(number)")
        }
        #expect(
            text.contains("  source: HHS Administration for Children and Families, press release of 22 September 2025"))
        #expect(text.contains("(2025-09-22)\n"))
        #expect(text.contains("  source: CATTA Center, “CSEC: Meeting Victims Where They Are” (undated)\n"))
        #expect(!text.contains("checked"))
        #expect(!text.contains("  verified "))
        let resources = text.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count
        let unverified = text.split(separator: "\n").filter { $0 == "  not verified with the service" }.count
        #expect(resources == 10 && unverified == 10)
    }

    @Test func anAgencyThatVerifiedAResourceSeesTheDayAndAWrongDateIsAnError() throws {
        let folder = try ToolRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("catalog"), withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("catalog/resources.xml")
        let verified = Self.bundled("Templates/catalog/resources.xml").replacingOccurrences(
            of: "<resource id=\"nrs\" ", with: "<resource id=\"nrs\" verified=\"2026-01-05\" ")
        try Data(verified.utf8).write(to: path)
        #expect(try ToolRunner.run(["check", folder.path]).status == 0)
        let result = try ToolRunner.run(["list", "resources", "--templates", folder.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "  source: National Runaway Safeline (1800runaway.org) (undated)\n  verified 2026-01-05\n"))
        #expect(result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  verified ") }.count == 1)

        // A verification needs a real date; the old checked= is no longer an attribute.
        for wrong in ["verified=\"last week\" ", "checked=\"2026-01-05\" "] {
            let text = Self.bundled("Templates/catalog/resources.xml").replacingOccurrences(
                of: "<resource id=\"nrs\" ", with: "<resource id=\"nrs\" \(wrong)")
            try Data(text.utf8).write(to: path)
            let check = try ToolRunner.run(["check", folder.path])
            #expect(check.status == 1, "\(wrong)")
            #expect(check.standardError.contains("\(path.path):"), "\(check.standardError)")
        }
    }

    @Test func listStagesDomainsAndTemplates() throws {
        let stages = try ToolRunner.run(["list", "stages"])
        #expect(stages.standardOutput.hasPrefix("pre-contemplation  Pre-contemplation  "))
        let domains = try ToolRunner.run(["list", "domains"])
        #expect(domains.standardOutput.split(separator: "\n").count == 5)
        let templates = try ToolRunner.run(["list", "templates"])
        #expect(templates.standardOutput.contains("youth-handout"))
        let rows = templates.standardOutput.split(separator: "\n").map {
            $0.split(separator: " ").prefix(2).joined(separator: " ")
        }
        #expect(rows.contains("provider-handout handout"))
        #expect(rows.contains("maintenance-support form"))
        #expect(rows.contains("plan plan"))
    }
}
