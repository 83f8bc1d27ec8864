import Foundation
import Testing

/// Every file in `Fixtures/hostile/` behaves as its `.expected` file says: the exact
/// error with exit 1, or (`ok`) an inert rendering in both formats. Each run must finish
/// well under a second.
@Suite struct HostileCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/hostile")

    static func cases(_ folder: String, _ suffix: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
    }

    static func expectation(_ folder: String, _ name: String) -> String {
        String(
            decoding: FileManager.default.contents(
                atPath: corpus.appendingPathComponent("\(folder)/\(name).expected").path)!, as: UTF8.self)
    }

    @Test func corpusIsComplete() {
        #expect(Self.cases("templates", ".xml").count >= 18)
        #expect(Self.cases("data", ".json").count >= 25)
    }

    @Test(arguments: cases("templates", ".xml"))
    func hostileTemplate(name: String) throws {
        let folder = try ToolRunner.temporaryFolder()
        let plan = folder.appendingPathComponent("plan.xml")
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("templates/\(name).xml"), to: plan)
        try check(Self.expectation("templates", name), file: plan.path, arguments: ["--templates", folder.path])
    }

    @Test(arguments: cases("data", ".json"))
    func hostileData(name: String) throws {
        let file = Self.corpus.appendingPathComponent("data/\(name).json").path
        try check(Self.expectation("data", name), file: file, arguments: ["--data", file])
    }

    @Test func deepTemplateNestingIsRefused() throws {
        let folder = try ToolRunner.temporaryFolder()
        let depth = 100_000
        let xml =
            "<?xml version=\"1.0\"?>\n<template xmlns=\"urn:safetyplanner:template:1\" title=\"T\">"
            + String(repeating: "<section>", count: depth) + String(repeating: "</section>", count: depth)
            + "</template>\n"
        let plan = folder.appendingPathComponent("plan.xml")
        try Data(xml.utf8).write(to: plan)
        try check(
            "error\nFILE:2:2362: error: elements are nested more than 256 levels deep\n", file: plan.path,
            arguments: ["--templates", folder.path, "--max-input-size", "4000000"])
    }

    @Test func oversizeInputsAreRefusedBeforeParsing() throws {
        let folder = try ToolRunner.temporaryFolder()
        let plan = folder.appendingPathComponent("plan.xml")
        let text = String(repeating: "a", count: 1 << 20)
        try Data(
            "<?xml version=\"1.0\"?><template xmlns=\"urn:safetyplanner:template:1\" title=\"T\"><p>\(text)</p></template>"
                .utf8
        )
        .write(to: plan)
        try check(
            "error\nFILE:1:1: error: input is larger than 1048576 bytes\n", file: plan.path,
            arguments: ["--templates", folder.path])
        let data = folder.appendingPathComponent("big.json")
        try Data("{\"notes\": \"\(text)\"}".utf8).write(to: data)
        try check(
            "error\nFILE:1:1: error: the file is larger than 1048576 bytes; raise the limit with --max-input-size\n",
            file: data.path,
            arguments: ["--data", data.path])
        // A raised limit lets the same large (legitimate) data through.
        let raised = try ToolRunner.run([
            "generate", "--stage", "preparation", "--data", data.path, "--max-input-size", "2000000",
        ])
        #expect(raised.status == 0)
    }

    /// Runs `generate` in both formats and checks the result against the expectation.
    func check(_ expected: String, file: String, arguments: [String], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let lines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for format in ["text", "html"] {
            let start = Date()
            let result = try ToolRunner.run(["generate", "--stage", "preparation", "--format", format] + arguments)
            let seconds = Date().timeIntervalSince(start)
            // A hang guard, not a benchmark: a debug build on a loaded shared machine varies.
            // Release-build timings are measured by Tests/time-hostile.sh.
            #expect(seconds < 5.0, "took \(seconds) s", sourceLocation: sourceLocation)
            if lines.first == "error" {
                let message = lines.dropFirst().joined(separator: "\n").replacingOccurrences(of: "FILE", with: file)
                #expect(result.status == 1, sourceLocation: sourceLocation)
                #expect(result.standardOutput == "", sourceLocation: sourceLocation)
                #expect(result.standardError == message, sourceLocation: sourceLocation)
                #expect(!result.standardError.contains("Hidden Lane"), sourceLocation: sourceLocation)
                #expect(!result.standardError.contains("root:x:0"), sourceLocation: sourceLocation)
            } else {
                #expect(lines.first == "ok", sourceLocation: sourceLocation)
                #expect(result.status == 0, "\(result.standardError)", sourceLocation: sourceLocation)
                #expect(result.standardError == "", sourceLocation: sourceLocation)
                Inertness.check(result.standardOutput, isHTML: format == "html", sourceLocation: sourceLocation)
            }
        }
    }
}

/// What "inert" means for a rendering of hostile data.
enum Inertness {
    static func check(_ output: String, isHTML: Bool, sourceLocation: SourceLocation) {
        for scalar in output.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x0A || (value == 0x0C && !isHTML) || value >= 0x20
            #expect(
                allowed && value != 0x7F && !(0x80...0x9F).contains(value), "control U+\(String(value, radix: 16))",
                sourceLocation: sourceLocation)
            #expect(
                ![0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains(value),
                "bidi control", sourceLocation: sourceLocation)
        }
        #expect(!output.contains("\u{1B}"), sourceLocation: sourceLocation)
        if isHTML {
            let lowered = output.lowercased()
            #expect(!lowered.contains("<script"), sourceLocation: sourceLocation)
            #expect(!lowered.contains("<img"), sourceLocation: sourceLocation)
            #expect(!lowered.contains("<svg"), sourceLocation: sourceLocation)
            #expect(!lowered.contains("href=\"javascript"), sourceLocation: sourceLocation)
            #expect(!lowered.contains("href=\"data"), sourceLocation: sourceLocation)
            #expect(lowered.components(separatedBy: "</style>").count == 2, sourceLocation: sourceLocation)
        } else {
            // A form feed starts each printed page after the first; it takes no column.
            for line in output.split(whereSeparator: { $0 == "\n" || $0 == "\u{C}" }) {
                #expect(
                    line.unicodeScalars.count <= 72 || line.unicodeScalars.contains { $0.value > 0x2000 },
                    sourceLocation: sourceLocation)
            }
        }
    }
}
