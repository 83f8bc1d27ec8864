import Foundation
import Testing

/// Issue 18's table of mistakes people really make, run as a user would: the exact
/// message, the exit code, and that nothing was written.
@Suite struct MessageTableTests {
    static let stages = "pre-contemplation, contemplation, preparation, action, maintenance"

    func write(_ bytes: [UInt8], to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    // MARK: Row 1: stages as the literature spells them

    @Test func stageOptionInAnySpelling() throws {
        let canonical = try ToolRunner.run(["generate", "--stage", "pre-contemplation"])
        #expect(canonical.status == 0)
        for spelling in ["precontemplation", "Pre-Contemplation", "PRECONTEMPLATION"] {
            let result = try ToolRunner.run(["generate", "--stage", spelling])
            #expect(result.status == 0, "\(spelling): \(result.standardError)")
            #expect(result.standardOutput == canonical.standardOutput)
        }
        let preparation = try ToolRunner.run(["generate", "--stage", "Preparation"])
        #expect(preparation.status == 0)
        #expect(
            preparation.standardOutput == (try ToolRunner.run(["generate", "--stage", "preparation"])).standardOutput)
    }

    @Test func stageOptionTypoSuggestsAndLists() throws {
        let folder = try ToolRunner.temporaryFolder()
        let output = folder.appendingPathComponent("plan.txt").path
        let result = try ToolRunner.run(["generate", "--stage", "precontemplaton", "-o", output])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError.hasPrefix(
                "Error: The value 'precontemplaton' is invalid for '--stage <stage>': not a stage (did you mean 'pre-contemplation'?); expected one of \(Self.stages)\n"
            ))
        #expect(try contents(folder) == [])
        for command in [["handout", "youth"], ["batch", "--data", "x.jsonl", "--output-dir", output]] {
            let other = try ToolRunner.run(command + ["--stage", "Prepration"])
            #expect(other.status == 64)
            #expect(other.standardError.contains("not a stage (did you mean 'preparation'?); expected one of"))
        }
        #expect(try contents(folder) == [])
    }

    @Test func stageInDataFileInAnySpelling() throws {
        let folder = try ToolRunner.temporaryFolder()
        let data = try write(
            Array(#"{"stage": "Precontemplation", "history": [{"stage": "Action"}]}"#.utf8), to: "d.json", in: folder)
        let canonical = try write(
            Array(#"{"stage": "pre-contemplation", "history": [{"stage": "action"}]}"#.utf8), to: "c.json", in: folder)
        let result = try ToolRunner.run(["generate", "--data", data, "--stage", "pre-contemplation"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == (try ToolRunner.run(["generate", "--data", canonical])).standardOutput)
    }

    // MARK: Row 2: JSON problems with plain advice

    func expectDataError(_ bytes: [UInt8], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let folder = try ToolRunner.temporaryFolder()
        let data = try write(bytes, to: "data.json", in: folder)
        let output = folder.appendingPathComponent("plan.txt").path
        let result = try ToolRunner.run(["generate", "--stage", "action", "--data", data, "-o", output])
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.standardOutput == "", sourceLocation: sourceLocation)
        #expect(result.standardError == "\(data):\(message)\n", sourceLocation: sourceLocation)
        #expect(try contents(folder) == ["data.json"], sourceLocation: sourceLocation)
    }

    @Test func curlyQuotes() throws {
        try expectDataError(
            Array("{\n  \u{201C}stage\u{201D}: \u{201C}action\u{201D}\n}\n".utf8),
            "2:3: error: this file has curly quotes (\u{201C} \u{201D}); save it as plain text or replace them with straight quotes (\")"
        )
    }

    @Test func trailingComma() throws {
        try expectDataError(
            Array("{\n  \"stage\": \"action\",\n}\n".utf8), "2:20: error: a comma before } is not allowed in JSON")
        try expectDataError(
            Array("{\"goals\": [\"a\",]}".utf8), "1:15: error: a comma before ] is not allowed in JSON")
    }

    @Test func utf16() throws {
        let text = "{\"stage\": \"action\"}\n"
        try expectDataError(
            [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            "1:1: error: this file is UTF-16; save it as UTF-8")
        try expectDataError(
            [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
            "1:1: error: this file is UTF-16; save it as UTF-8")
    }

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        let folder = try ToolRunner.temporaryFolder()
        let data = try write([0xEF, 0xBB, 0xBF] + Array(#"{"stage": "action"}"#.utf8), to: "d.json", in: folder)
        let result = try ToolRunner.run(["generate", "--data", data])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        #expect(result.standardOutput == (try ToolRunner.run(["generate", "--stage", "action"])).standardOutput)
    }

    @Test func lonelyNull() throws {
        try expectDataError(
            Array("null".utf8), "1:1: error: the data file must be a JSON object ({ … }), found null")
        try expectDataError(
            Array(" [\"stage\"]\n".utf8), "1:2: error: the data file must be a JSON object ({ … }), found a list")
    }

    @Test func lonelyNullAsABatchRecord() throws {
        let folder = try ToolRunner.temporaryFolder()
        let data = try write(Array("null\n".utf8), to: "youth.jsonl", in: folder)
        let output = folder.appendingPathComponent("plans").path
        let result = try ToolRunner.run(["batch", "--data", data, "--output-dir", output])
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                \(data):1:1: error: the data file must be a JSON object ({ … }), found null
                batch: 0 documents written, 1 failed

                """)
    }

    // MARK: Row 3: a form or template name that is almost right

    @Test func formNameSuggestsAndLists() throws {
        let folder = try ToolRunner.temporaryFolder()
        let output = folder.appendingPathComponent("form.txt").path
        let result = try ToolRunner.run(["fill", "maintenance", "-o", output])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "maintenance:1:1: error: no form named 'maintenance'; did you mean 'maintenance-support'? (forms: maintenance-support)\n"
        )
        let unlike = try ToolRunner.run(["fill", "intake", "-o", output])
        #expect(unlike.status == 1)
        #expect(unlike.standardError == "intake:1:1: error: no form named 'intake' (forms: maintenance-support)\n")
        #expect(try contents(folder) == [])
    }

    @Test func templateNameSuggestsAndLists() throws {
        let folder = try ToolRunner.temporaryFolder()
        let output = folder.appendingPathComponent("plan.txt").path
        let result = try ToolRunner.run(["generate", "--stage", "action", "--template", "plna", "-o", output])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "plna:1:1: error: no template named 'plna'; did you mean 'plan'? (templates: assessment, maintenance-support, plan, provider-handout, youth-handout)\n"
        )
        #expect(try contents(folder) == [])
    }

    // MARK: Row 4: check and --templates with a path that is not there

    @Test func checkAPathThatDoesNotExist() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(["check", "nothere/"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "error: nothere/ does not exist\n")
        #expect(try contents(folder) == [])
    }

    @Test func checkAFolderWithNothingToCheck() throws {
        let folder = try ToolRunner.temporaryFolder()
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
        _ = try write(Array("{}".utf8), to: "data/youth.json", in: folder)
        let result = try ToolRunner.run(["check", "data/"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "error: no template or catalog files in data/\n")
        #expect(try contents(data) == ["youth.json"])
    }

    @Test func templatesFolderThatDoesNotExist() throws {
        let folder = try ToolRunner.temporaryFolder()
        let output = folder.appendingPathComponent("plan.txt").path
        for arguments in [
            ["generate", "--stage", "action", "--templates", "nothere", "-o", output],
            ["list", "templates", "--templates", "nothere"],
            ["batch", "--data", "x.jsonl", "--templates", "nothere", "--output-dir", "plans"],
        ] {
            let result = try ToolRunner.run(arguments, in: folder)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardOutput == "")
            #expect(result.standardError == "error: the templates folder nothere does not exist\n", "\(arguments)")
        }
        let fromEnvironment = try ToolRunner.run(
            ["generate", "--stage", "action", "-o", output], in: folder,
            environment: ["SAFETYPLAN_TEMPLATES": "nothere"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.standardError == "error: the templates folder nothere does not exist\n")
        _ = try write(Array("x".utf8), to: "notes.txt", in: folder)
        let file = try ToolRunner.run(["generate", "--stage", "action", "--templates", "notes.txt"], in: folder)
        #expect(file.status == 1)
        #expect(
            file.standardError
                == "error: the templates folder notes.txt is not a folder; give the folder that holds the agency's templates\n"
        )
        #expect(try contents(folder) == ["notes.txt"])
    }

    // MARK: Row: an agency resource that breaks a schema rule

    /// The bundled resources.xml with one more resource: an agency's own line, with its
    /// phone number written as people write it.
    static func agencyResources(phone: String) throws -> (text: String, line: Int) {
        let bundled = try String(
            contentsOf: ToolRunner.packageRoot.appendingPathComponent("Templates/catalog/resources.xml"),
            encoding: .utf8)
        let own = """
              <resource id="our-youth-line" kind="line" domains="support" ages="12-24" region="California: Oakland" discreet-name="Our line">
                <name>Our youth line</name>
                <call>\(phone)</call>
                <offers>Someone to talk to.</offers>
                <serves>Youth in Oakland.</serves>
                <source>Our agency</source>
              </resource>
            </resources>
            """
        let text = bundled.replacingOccurrences(of: "</resources>", with: own)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains("<call>\(phone)")
        }!
        return (text, line + 1)
    }

    @Test func aSchemaRuleInPlainWordsAtTheLine() throws {
        let folder = try ToolRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("agency/catalog"), withIntermediateDirectories: true)
        let (text, line) = try Self.agencyResources(phone: "(510) 555-0100")
        _ = try write(Array(text.utf8), to: "agency/catalog/resources.xml", in: folder)
        // check and --templates name the file by its full path.
        let message =
            "\(folder.path)/agency/catalog/resources.xml:\(line):5: error: a phone number in <call> is written with digits and hyphens, e.g. 510-555-0100\n"
        let check = try ToolRunner.run(["check", "agency/"], in: folder)
        #expect(check.status == 1)
        #expect(check.standardOutput == "")
        #expect(check.standardError == message + "checked 1 file: 1 problem\n")
        // Every command that loads the catalog stops with the same line, and writes nothing.
        let generate = try ToolRunner.run(
            ["generate", "--stage", "action", "--templates", "agency", "-o", "plan.txt"], in: folder)
        #expect(generate.status == 1)
        #expect(generate.standardError == message)
        #expect(try contents(folder) == ["agency"])
        // The number as written is never repeated.
        #expect(!check.standardError.contains("(510)"))
        // Written with digits and hyphens, the file is right.
        let (fixed, _) = try Self.agencyResources(phone: "510-555-0100")
        _ = try write(Array(fixed.utf8), to: "agency/catalog/resources.xml", in: folder)
        let again = try ToolRunner.run(["check", "agency/"], in: folder)
        #expect(again.status == 0, "\(again.standardError)")
    }

    // MARK: Row 5: SAFETYPLAN_CHROMIUM set to a path that is not there

    @Test func chromiumSetToAPathThatDoesNotExist() throws {
        let folder = try ToolRunner.temporaryFolder()
        let pdf = folder.appendingPathComponent("plan.pdf").path
        let result = try ToolRunner.run(
            ["generate", "--stage", "action", "--format", "pdf", "-o", pdf],
            environment: ["SAFETYPLAN_CHROMIUM": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "error: SAFETYPLAN_CHROMIUM is set to /nonexistent, which does not exist\n")
        #expect(try contents(folder) == [])
        _ = try write(Array("x".utf8), to: "chromium", in: folder)
        let notAProgram = try ToolRunner.run(
            ["generate", "--stage", "action", "--format", "pdf", "-o", pdf],
            environment: ["SAFETYPLAN_CHROMIUM": folder.appendingPathComponent("chromium").path])
        #expect(notAProgram.status == 1)
        #expect(
            notAProgram.standardError
                == "error: cannot start Chromium (\(folder.appendingPathComponent("chromium").path)): it is not a program that can be run\n"
        )
        #expect(try contents(folder) == ["chromium"])
    }

    // MARK: Row 6: a batch whose input cannot be read makes nothing

    @Test func batchWithAMissingInputCreatesNothing() throws {
        let folder = try ToolRunner.temporaryFolder()
        for output in [["--output-dir", "plans/"], ["-o", "plans.txt"]] {
            let result = try ToolRunner.run(["batch", "--data", "missing.jsonl"] + output, in: folder)
            #expect(result.status == 1)
            #expect(result.standardOutput == "")
            #expect(
                result.standardError
                    == "missing.jsonl:1:1: error: cannot read the file (it does not exist or is not readable)\n")
            #expect(try contents(folder) == [])
        }
    }

    // MARK: Row 7: the README's batch commands run on Samples/youth.jsonl

    /// The README's `batch` command lines, as written there.
    static func readmeBatchCommands() throws -> [[String]] {
        let readme = try String(contentsOf: ToolRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.split(separator: "\n").filter { $0.hasPrefix("swift run safetyplan batch ") }.map { line in
            let command = line.split(separator: "#", maxSplits: 1)[0]
            return command.split(separator: " ").dropFirst(3).map(String.init)
        }
    }

    @Test func readmeBatchCommandsRunOnTheSample() throws {
        let commands = try Self.readmeBatchCommands()
        #expect(commands.count == 4)
        #expect(commands.allSatisfy { $0.contains("Samples/youth.jsonl") })
        for command in commands {
            let isPDF = command.contains("pdf")
            if isPDF && !PDFCommandTests.hasTools { continue }
            let folder = try ToolRunner.temporaryFolder()
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("Samples"), withIntermediateDirectories: false)
            try FileManager.default.copyItem(
                at: ToolRunner.packageRoot.appendingPathComponent("Samples/youth.jsonl"),
                to: folder.appendingPathComponent("Samples/youth.jsonl"))
            let result = try ToolRunner.run(command, in: folder)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            #expect(result.standardError == "batch: 4 documents written, 0 failed\n", "\(command)")
            if command.contains("-o") {
                let text = try String(contentsOf: folder.appendingPathComponent("plans.txt"), encoding: .utf8)
                #expect(text.components(separatedBy: "\u{0C}My Safety Plan").count == 3)
                #expect(text.contains("Mi plan de seguridad"))
            } else if isPDF {
                let names = ["Y-101", "Y-102", "Y-103", "Y-104"]
                #expect(try contents(folder.appendingPathComponent("pdfs")) == names.map { $0 + ".pdf" })
                for name in names {
                    let pdf = FileManager.default.contents(
                        atPath: folder.appendingPathComponent("pdfs/\(name).pdf").path)
                    #expect(pdf?.starts(with: Array("%PDF-".utf8)) == true, "\(name)")
                }
            } else {
                let fileExtension = command.contains("html") ? "html" : "txt"
                #expect(
                    try contents(folder.appendingPathComponent("plans"))
                        == ["Y-101", "Y-102", "Y-103", "Y-104"].map { $0 + "." + fileExtension })
                let spanish = try String(
                    contentsOf: folder.appendingPathComponent("plans/Y-103." + fileExtension), encoding: .utf8)
                #expect(spanish.contains("Mi plan de seguridad"))
            }
        }
    }
}
