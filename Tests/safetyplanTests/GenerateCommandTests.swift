import Foundation
import Testing

/// End-to-end runs of the built tool on `Samples/`: the samples in the README stay true.
@Suite struct GenerateCommandTests {
    @Test func preparationSampleAsText() throws {
        let result = try ToolRunner.run(["generate", "--stage", "preparation", "--data", "Samples/preparation.json"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == ToolRunner.sample("preparation.txt"))
    }

    @Test func preparationSampleAsHTML() throws {
        let result = try ToolRunner.run([
            "generate", "--stage", "preparation", "--data", "Samples/preparation.json", "--format", "html",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput == ToolRunner.sample("preparation.html"))
        #expect(
            result.standardOutput.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            ))
        #expect(!result.standardOutput.contains("<script"))
    }

    @Test func worksFromAnyFolderWithBundledTemplates() throws {
        let folder = try ToolRunner.temporaryFolder()
        let data = ToolRunner.packageRoot.appendingPathComponent("Samples/preparation.json").path
        let result = try ToolRunner.run(["generate", "--data", data], in: folder)
        #expect(result.status == 0)
        #expect(result.standardOutput == ToolRunner.sample("preparation.txt"))
    }

    @Test func everyStageInBothFormats() throws {
        var outputs: Set<String> = []
        for stage in ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"] {
            for format in ["text", "html"] {
                let result = try ToolRunner.run(["generate", "--stage", stage, "--format", format])
                #expect(result.status == 0, "\(stage) \(format): \(result.standardError)")
                outputs.insert(result.standardOutput)
            }
        }
        #expect(outputs.count == 10)
    }

    @Test func outputFileIsPrivate() throws {
        let folder = try ToolRunner.temporaryFolder()
        let target = folder.appendingPathComponent("plan.html").path
        let result = try ToolRunner.run([
            "generate", "--data", "Samples/preparation.json", "--format", "html", "-o", target,
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.html"])
    }

    @Test func failedRunLeavesNoFileAndKeepsAnExistingOne() throws {
        let folder = try ToolRunner.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"stage": "preparation", "codeWord": ["x"]}"#.utf8).write(to: bad)
        let fresh = folder.appendingPathComponent("fresh.txt").path
        var result = try ToolRunner.run(["generate", "--data", bad.path, "-o", fresh])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let existing = folder.appendingPathComponent("existing.txt")
        try Data("keep me".utf8).write(to: existing)
        result = try ToolRunner.run(["generate", "--data", bad.path, "-o", existing.path])
        #expect(result.status == 1)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["bad.json", "existing.txt"])
    }

    @Test func dataErrorsGoToStandardErrorWithExitOne() throws {
        let folder = try ToolRunner.temporaryFolder()
        let bad = folder.appendingPathComponent("data.json")
        try Data("{\n  \"supports\": [{\"phon\": \"555-0100\"}]\n}\n".utf8).write(to: bad)
        let result = try ToolRunner.run(["generate", "--stage", "preparation", "--data", bad.path])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError == "\(bad.path):2:17: error: supports[0]: unknown key (did you mean \"phone\"?)\n"
        )
    }

    @Test func stageMustAgreeWithTheDataFile() throws {
        let result = try ToolRunner.run(["generate", "--stage", "action", "--data", "Samples/preparation.json"])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "Samples/preparation.json: error: stage: the data file gives the stage preparation but --stage is action; they must agree\n"
        )
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try ToolRunner.run(["generate", "--stage", "ready"]).status == 64)
        #expect(try ToolRunner.run(["generate", "--stage", "action", "--width", "5"]).status == 64)
        #expect(try ToolRunner.run(["generate"]).status == 64)
        let noStage = try ToolRunner.temporaryFolder().appendingPathComponent("d.json")
        try Data("{}".utf8).write(to: noStage)
        let result = try ToolRunner.run(["generate", "--data", noStage.path])
        #expect(result.status == 64)
        #expect(result.standardError == "error: \(noStage.path): the data file has no \"stage\" key; give --stage\n")
        #expect(try ToolRunner.run(["generate", "--stage", "action", "--format", "pdf2"]).status == 64)
    }

    @Test func brokenAgencyTemplateIsReportedWithItsPosition() throws {
        let folder = try ToolRunner.temporaryFolder()
        let plan = folder.appendingPathComponent("plan.xml")
        try Data(
            """
            <?xml version="1.0"?>
            <template xmlns="urn:safetyplanner:template:1" title="Our plan">
              <section domain="housing"><p>Hi</p></section>
            </template>
            """.utf8
        ).write(to: plan)
        let result = try ToolRunner.run(["generate", "--stage", "action", "--templates", folder.path])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "\(plan.path):3:3: error: unknown domain 'housing'; expected one of support, shelter, counseling, reporting, safety\n"
        )
    }

    @Test func templatesFolderFromTheEnvironment() throws {
        let folder = try ToolRunner.temporaryFolder()
        try Data(
            """
            <?xml version="1.0"?>
            <template xmlns="urn:safetyplanner:template:1" title="Agency plan">
              <heading>Our agency's plan for <value of="client.name" default="you"/></heading>
            </template>
            """.utf8
        ).write(to: folder.appendingPathComponent("plan.xml"))
        let result = try ToolRunner.run(
            ["generate", "--stage", "action"],
            environment: ["SAFETYPLAN_TEMPLATES": folder.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "Our agency's plan for you\n=========================\n")
    }

    @Test func helpDescribesTheCommand() throws {
        let result = try ToolRunner.run(["generate", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("--stage <stage>"))
        #expect(result.standardOutput.contains("--templates <DIR>"))
    }
}

/// `--page-length` and `--page-numbers` on the command line.
@Suite struct TextPagesCommandTests {
    @Test func pagesWithNumbers() throws {
        let result = try ToolRunner.run([
            "generate", "--data", "Samples/preparation.json", "--page-length", "40", "--page-numbers",
        ])
        #expect(result.status == 0)
        let pages = result.standardOutput.split(separator: "\u{C}", omittingEmptySubsequences: false)
        #expect(pages.count > 2)
        for (number, page) in pages.enumerated() {
            let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 40)
            // Centred in 72 columns: (72 - 11) / 2 spaces before "Page X of 7".
            #expect(
                lines.last.map(String.init) == String(repeating: " ", count: 30)
                    + "Page \(number + 1) of \(pages.count)")
        }
    }

    @Test func noPagesIsTheTextWithoutFormFeedsOtherThanThePlansOwn() throws {
        let result = try ToolRunner.run([
            "generate", "--data", "Samples/preparation.json", "--page-length", "0", "--audience", "advocate",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.components(separatedBy: "\u{C}\n").count == 2)  // the advocate's page
    }

    @Test(arguments: [["--page-length", "5"], ["--page-length", "-1"], ["--page-length", "0", "--page-numbers"]])
    func badPageSettingsAreUsageErrors(arguments: [String]) throws {
        let result = try ToolRunner.run(["generate", "--stage", "action"] + arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
    }
}
