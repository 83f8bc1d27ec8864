import Foundation
import Testing

/// Every option `batch --help` lists works, and `-o` means what it means for every command:
/// the one file to write. `--output-dir DIR` is the folder of one file per record, and
/// `--format pdf` prints one PDF per record into it.
@Suite struct BatchOptionsTests {
    static let sample = ToolRunner.packageRoot.appendingPathComponent("Samples/youth.jsonl").path
    static let usage = "Usage: safetyplan batch [<options>] --data <FILE.jsonl|DIR>\n"

    func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The options `batch --help` lists, as their first spelling (`-o` for `-o, --output`).
    static func listedOptions() throws -> [String] {
        let help = try ToolRunner.run(["batch", "--help"]).standardOutput
        let options = help.components(separatedBy: "OPTIONS:\n").last ?? ""
        return options.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: #/  (-[-a-z]+)(,| |$).*/#).map { String($0.1) }
        }
    }

    /// For each listed option: arguments that use it on the sample records, and whether it
    /// needs Chromium. A new option fails `everyListedOptionWorks` until it is added here.
    static let uses: [String: (arguments: [String], needsChromium: Bool)] = [
        "--data": ([], false),
        "--stage": (["--stage", "action"], false),
        "--template": (["--template", "plan"], false),
        "--format": (["--format", "html"], false),
        "-o": (["-o", "ONE"], false),
        "--output-dir": ([], false),
        "--jobs": (["--jobs", "1"], false),
        "--force": (["--force"], false),
        "--width": (["--width", "60"], false),
        "--page-length": (["--page-length", "40"], false),
        "--page-numbers": (["--page-numbers"], false),
        "--templates": (["--templates", ToolRunner.packageRoot.appendingPathComponent("Templates").path], false),
        "--language": (["--language", "es"], false),
        "--discreet": (["--discreet"], false),
        "--max-input-size": (["--max-input-size", "100000"], false),
        "--pdf-timeout": (["--format", "pdf", "--pdf-timeout", "300"], true),
        "--audience": (["--audience", "advocate"], false),
        "--advocate-language": (["--audience", "advocate", "--advocate-language", "es"], false),
        "--version": ([], false),
        "-h": ([], false),
    ]

    @Test func everyListedOptionWorks() throws {
        let listed = try Self.listedOptions()
        #expect(Set(listed) == Set(Self.uses.keys), "\(listed)")
        #expect(!listed.contains("--output-file"))
        for option in listed where option != "--version" && option != "-h" {
            let use = Self.uses[option]!
            if use.needsChromium && !PDFCommandTests.hasTools { continue }
            let folder = try ToolRunner.temporaryFolder()
            let isOneFile = use.arguments.contains("-o")
            let arguments =
                ["batch", "--data", Self.sample]
                + use.arguments.map { $0 == "ONE" ? "plans.txt" : $0 } + (isOneFile ? [] : ["--output-dir", "plans"])
            let result = try ToolRunner.run(arguments, in: folder)
            #expect(result.status == 0, "\(option): \(result.standardError)")
            #expect(result.standardError == "batch: 4 documents written, 0 failed\n", "\(option)")
            #expect(try contents(folder) == [isOneFile ? "plans.txt" : "plans"], "\(option)")
        }
    }

    @Test func dashOWritesOneFileNotAFolder() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(["batch", "--data", Self.sample, "-o", "one.txt"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        var isFolder: ObjCBool = false
        let path = folder.appendingPathComponent("one.txt").path
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: "\u{0C}My Safety Plan").count == 3)
        // The long spelling is the same option.
        let long = try ToolRunner.run(["batch", "--data", Self.sample, "--output", "two.txt"], in: folder)
        #expect(long.status == 0)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("two.txt").path, encoding: .utf8) == text)
    }

    @Test func dashONamingAFolderSaysToGiveOutputDir() throws {
        let folder = try ToolRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("existing"), withIntermediateDirectories: false)
        for name in ["plans/", "existing"] {
            let result = try ToolRunner.run(["batch", "--data", Self.sample, "-o", name], in: folder)
            #expect(result.status == 64)
            #expect(result.standardOutput == "")
            #expect(
                result.standardError
                    == "Error: -o writes every document into one file, and \(name) is a folder; for one file per record give --output-dir \(name).\n"
                    + Self.usage + "  See 'safetyplan batch --help' for more information.\n")
            #expect(try contents(folder) == ["existing"])
            #expect(try contents(folder.appendingPathComponent("existing")) == [])
        }
    }

    @Test func pdfForOneFileIsAUsageErrorThatSaysWhatToGive() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(
            ["batch", "--data", Self.sample, "--format", "pdf", "-o", "all.pdf"], in: folder)
        #expect(result.status == 64)
        #expect(
            result.standardError.hasPrefix(
                "Error: batch prints one PDF per record: give --output-dir DIR with --format pdf (-o FILE holds text or HTML documents one after another).\n"
            ))
        #expect(try contents(folder) == [])
    }

    @Test func outputsNeitherOrBoth() throws {
        let folder = try ToolRunner.temporaryFolder()
        let neither = try ToolRunner.run(["batch", "--data", Self.sample], in: folder)
        #expect(neither.status == 64)
        #expect(
            neither.standardError.hasPrefix(
                "Error: batch writes files: give --output-dir DIR for one file per record, or -o FILE for every document in one file.\n"
            ))
        let both = try ToolRunner.run(
            ["batch", "--data", Self.sample, "--output-dir", "plans", "-o", "plans.txt"], in: folder)
        #expect(both.status == 64)
        #expect(
            both.standardError.hasPrefix(
                "Error: give either --output-dir DIR (one file per record) or -o FILE (every document in one file), not both.\n"
            ))
        #expect(try contents(folder) == [])
    }

    @Test func pdfWithoutChromiumMakesNothing() throws {
        let folder = try ToolRunner.temporaryFolder()
        let result = try ToolRunner.run(
            ["batch", "--data", Self.sample, "--format", "pdf", "--output-dir", "pdfs"], in: folder,
            environment: ["SAFETYPLAN_CHROMIUM": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.standardError == "error: SAFETYPLAN_CHROMIUM is set to /nonexistent, which does not exist\n")
        #expect(try contents(folder) == [])
    }

    @Test(.enabled(if: PDFCommandTests.hasTools, "needs chromium and poppler-utils (pdfinfo), which CI installs"))
    func pdfPerRecord() throws {
        let folder = try ToolRunner.temporaryFolder()
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        let arguments = ["batch", "--data", Self.sample, "--format", "pdf", "--output-dir", "pdfs"]
        let result = try ToolRunner.run(arguments, in: folder, environment: ["TMPDIR": temporary.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "batch: 4 documents written, 0 failed\n")
        let names = ["Y-101.pdf", "Y-102.pdf", "Y-103.pdf", "Y-104.pdf"]
        #expect(try contents(folder.appendingPathComponent("pdfs")) == names)
        #expect(try contents(temporary) == [], "temporary files left")
        for name in names {
            let path = folder.appendingPathComponent("pdfs/" + name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
            #expect((try PDFCommandTests.pageCount(path) ?? 0) >= 1, "\(name)")
        }
        // The Spanish record's PDF is in Spanish.
        let spanish = try PDFCommandTests.poppler(
            "pdftotext", [folder.appendingPathComponent("pdfs/Y-103.pdf").path, "-"])
        #expect(spanish.contains("Mi plan de seguridad"))
        // Printed again over the same files: each one replaced, and counted.
        let again = try ToolRunner.run(arguments, in: folder, environment: ["TMPDIR": temporary.path])
        #expect(again.standardError == "batch: 4 documents written, replaced 4, 0 failed\n")
    }
}
