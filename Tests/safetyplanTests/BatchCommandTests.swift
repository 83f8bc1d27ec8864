import Foundation
import Testing

/// End-to-end runs of `safetyplan batch`: many records, one private file each.
@Suite struct BatchCommandTests {
    static let good1 = #"{"id": "C1", "stage": "preparation", "client": {"name": "Jordan"}}"#
    static let good2 = #"{"id": "C2", "stage": "action", "goals": ["Finish 10th grade"]}"#

    func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func goodAndBadRecordsFromJSONL() throws {
        let folder = try ToolRunner.temporaryFolder()
        let lines = [
            Self.good1,
            #"{"id": "C3", "stage": "preparation", "supports": [{"name": "Ana", "phon": "555"}]}"#,
            "",
            Self.good2,
            #"{"id": "C4", "stage": "preparation""#,
        ]
        let data = try write(lines.joined(separator: "\n") + "\n", to: "data.jsonl", in: folder)
        let output = folder.appendingPathComponent("out").path
        let result = try ToolRunner.run(["batch", "--data", data, "--output-dir", output])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError == """
                \(data):2:67: error: supports[0]: unknown key (did you mean "phone"?)
                \(data):5:36: error: unexpected end of file inside an object
                batch: 2 documents written, 2 failed

                """)
        #expect(try files(output) == ["C1.txt", "C2.txt"])
        #expect(try mode(output) == 0o700)
        #expect(try mode(output + "/C1.txt") == 0o600)
        // The same document generate makes from the record alone.
        let single = try write(Self.good1, to: "one.json", in: folder)
        let generated = try ToolRunner.run(["generate", "--data", single])
        #expect(try String(contentsOfFile: output + "/C1.txt", encoding: .utf8) == generated.standardOutput)
        #expect(!result.standardError.contains("Ana"))
    }

    @Test func idsDuplicatesAndUnsafeNames() throws {
        let folder = try ToolRunner.temporaryFolder()
        let lines = [
            #"{"id": "../x", "stage": "action"}"#,
            #"{"stage": "action"}"#,
            #"{"id": "C1", "stage": "action"}"#,
            #"{"id": "C1", "stage": "maintenance"}"#,
            #"{"id": ".hidden", "stage": "action"}"#,
            #"{"id": "a/b c", "stage": "action"}"#,
        ]
        let data = try write(lines.joined(separator: "\n"), to: "data.jsonl", in: folder)
        let output = folder.appendingPathComponent("out").path
        let result = try ToolRunner.run(["batch", "--data", data, "--output-dir", output, "--format", "html"])
        #expect(result.status == 1)
        #expect(try files(output) == ["C1.html", "a_b_c.html", "record-1.html", "record-2.html", "record-5.html"])
        #expect(result.standardError.contains("\(data):4:1: error: id: another record already gave this name\n"))
        #expect(
            result.standardError.contains("\(data):1:1: warning: id: not a safe file name; written as record-1.html\n"))
        #expect(result.standardError.hasSuffix("batch: 5 documents written, 1 failed\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.html").path))
    }

    @Test func stageFromOptionAndMissingStage() throws {
        let folder = try ToolRunner.temporaryFolder()
        let data = try write(#"{"id": "A"}"# + "\n", to: "data.jsonl", in: folder)
        let output = folder.appendingPathComponent("out").path
        var result = try ToolRunner.run(["batch", "--data", data, "--output-dir", output])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("\(data):1:1: error: stage: the record has no stage"))
        result = try ToolRunner.run(["batch", "--data", data, "--output-dir", output, "--stage", "contemplation"])
        #expect(result.status == 0)
        #expect(result.standardError == "batch: 1 document written, 0 failed\n")
        #expect(try files(output) == ["A.txt"])
    }

    @Test func folderOfJSONFiles() throws {
        let folder = try ToolRunner.temporaryFolder()
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        _ = try write(Self.good1, to: "b.json", in: input)
        _ = try write(Self.good2, to: "a.json", in: input)
        _ = try write("{\n  \"stage\": \"action\",\n  \"codeWord\": [1]\n}", to: "c.json", in: input)
        _ = try write("not json", to: "notes.txt", in: input)
        let output = folder.appendingPathComponent("out").path
        let result = try ToolRunner.run(["batch", "--data", input.path, "--output-dir", output, "--width", "60"])
        #expect(result.status == 1)
        #expect(
            result.standardError.hasPrefix("\(input.path)/c.json:3:15: error: codeWord: expected text, found a list"))
        #expect(try files(output) == ["C1.txt", "C2.txt"])
    }

    @Test func oneJobAndTwoJobsWriteTheSameFiles() throws {
        let folder = try ToolRunner.temporaryFolder()
        var lines: [String] = []
        let stages = ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"]
        for index in 0..<300 {
            lines.append(
                #"{"id": "R\#(index)", "stage": "\#(stages[index % 5])", "client": {"name": "Youth \#(index)"}, "goals": ["Goal \#(index)"]}"#
            )
        }
        let data = try write(lines.joined(separator: "\n"), to: "data.jsonl", in: folder)
        var contents: [[String: Data]] = []
        for jobs in ["1", "2"] {
            let output = folder.appendingPathComponent("out\(jobs)").path
            let result = try ToolRunner.run([
                "batch", "--data", data, "--output-dir", output, "--format", "html", "--jobs", jobs, "--discreet",
            ])
            #expect(result.status == 0)
            #expect(result.standardError == "batch: 300 documents written, 0 failed\n")
            var byName: [String: Data] = [:]
            for name in try files(output) {
                byName[name] = FileManager.default.contents(atPath: output + "/" + name)
                #expect(try mode(output + "/" + name) == 0o600)
            }
            contents.append(byName)
        }
        #expect(contents[0].count == 300)
        #expect(contents[0] == contents[1])
    }

    @Test func oversizeRecordAndRefusedFormat() throws {
        let folder = try ToolRunner.temporaryFolder()
        let big = #"{"id": "big", "stage": "action", "notes": ""# + String(repeating: "x", count: 5000) + #""}"#
        let data = try write(big + "\n" + Self.good1 + "\n", to: "data.jsonl", in: folder)
        let output = folder.appendingPathComponent("out").path
        var result = try ToolRunner.run(["batch", "--data", data, "--output-dir", output, "--max-input-size", "1000"])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("\(data):1:1: error: the record is larger than 1000 bytes"))
        #expect(try files(output) == ["C1.txt"])
        // One PDF for the whole batch is refused (one PDF per record needs --output-dir).
        result = try ToolRunner.run(["batch", "--data", data, "-o", output + ".pdf", "--format", "pdf"])
        #expect(result.status == 64)
    }

    @Test func oneOutputFileHoldsEveryDocumentInOrder() throws {
        let folder = try ToolRunner.temporaryFolder()
        let lines = [
            Self.good2,
            #"{"id": "C3", "stage": "preparation", "supports": [{"name": "Ana", "phon": "555"}]}"#,
            Self.good1,
        ]
        let data = try write(lines.joined(separator: "\n") + "\n", to: "data.jsonl", in: folder)
        let folderOutput = folder.appendingPathComponent("out").path
        for format in ["text", "html"] {
            let file = folder.appendingPathComponent("all.\(format)").path
            let result = try ToolRunner.run(["batch", "--data", data, "-o", file, "--format", format])
            #expect(result.status == 1)
            #expect(result.standardError.hasSuffix("batch: 2 documents written, 1 failed\n"))
            #expect(try mode(file) == 0o600)
            // The same documents as one file each, in input order: C2 then C1.
            _ = try ToolRunner.run(["batch", "--data", data, "--output-dir", folderOutput, "--format", format])
            let ext = format == "html" ? "html" : "txt"
            let c2 = try String(contentsOfFile: folderOutput + "/C2.\(ext)", encoding: .utf8)
            let c1 = try String(contentsOfFile: folderOutput + "/C1.\(ext)", encoding: .utf8)
            let separator = format == "html" ? "" : "\u{0C}"
            #expect(try String(contentsOfFile: file, encoding: .utf8) == c2 + separator + c1)
            // Only the file itself: no temporary file is left beside it.
            #expect(try files(folder.path).filter { $0.hasPrefix(".") }.isEmpty)
        }
        let both = try ToolRunner.run([
            "batch", "--data", data, "--output-dir", folderOutput, "-o", folder.path + "/x.txt",
        ])
        #expect(both.status == 64)
        let neither = try ToolRunner.run(["batch", "--data", data])
        #expect(neither.status == 64)
    }
}
