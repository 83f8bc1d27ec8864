import Foundation
import Testing

/// End-to-end runs of `safetyplan handout`.
@Suite struct HandoutCommandTests {
    @Test func providerHandoutInBothFormats() throws {
        for format in ["text", "html"] {
            let result = try ToolRunner.run(["handout", "provider", "--format", format])
            #expect(result.status == 0, "\(format): \(result.standardError)")
            #expect(result.standardError == "")
            #expect(result.standardOutput.contains("Meeting Youth Where They Are"))
            #expect(result.standardOutput.contains("1-888-373-7888"))
        }
    }

    @Test func youthHandoutForEveryStage() throws {
        var outputs: Set<String> = []
        for stage in ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"] {
            for format in ["text", "html"] {
                let result = try ToolRunner.run([
                    "handout", "youth", "--stage", stage, "--format", format, "--width", "60",
                ])
                #expect(result.status == 0, "\(stage) \(format): \(result.standardError)")
                #expect(result.standardOutput.contains("Help When You Want It"))
                outputs.insert(result.standardOutput)
            }
        }
        #expect(outputs.count == 10)
    }

    @Test func youthHandoutNeedsAStage() throws {
        let result = try ToolRunner.run(["handout", "youth"])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("--stage"))
    }

    @Test func providerHandoutTakesNoStage() throws {
        let result = try ToolRunner.run(["handout", "provider", "--stage", "action"])
        #expect(result.status == 64)
    }

    @Test func unknownAudienceIsAUsageError() throws {
        let result = try ToolRunner.run(["handout", "parent"])
        #expect(result.status == 64)
    }

    @Test func writesAPrivateFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        let target = folder.appendingPathComponent("handout.html").path
        let result = try ToolRunner.run(["handout", "youth", "--stage", "action", "--format", "html", "-o", target])
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
