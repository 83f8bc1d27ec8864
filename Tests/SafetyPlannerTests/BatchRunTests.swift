import Foundation
import Testing

@testable import SafetyPlanner

/// `BatchRun` without a process: records in input order, names, de-duplication, framing.
@Suite struct BatchRunTests {
    /// A private folder for one test's files, removed at the end.
    final class Folder {
        let path: String

        init(_ name: String) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("batchrun-\(getpid())-\(name)").path
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ text: String) -> String {
            let file = path + "/" + name
            _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
            return file
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func renderer(format: OutputFormat = .text(width: 72)) throws -> BatchRenderer {
        let workspace = try Workspace.load()
        return BatchRenderer(
            workspace: workspace, template: try workspace.template(named: "plan"), format: format, isDiscreet: false,
            defaultStage: .preparation)
    }

    /// Every item of a run, read, rendered and named on this thread.
    static func items(_ path: String, maximumBytes: Int = 1 << 20, groupSize: Int = 2) throws -> [BatchRun.Item] {
        var run = try BatchRun(path: path, fileExtension: "txt", maximumBytes: maximumBytes, groupSize: groupSize)
        let renderer = try renderer()
        var items: [BatchRun.Item] = []
        while let group = try run.next(rendering: renderer) { items += group }
        return items
    }

    /// An item as one line: the file name, the warning, or the problems.
    static func summary(_ item: BatchRun.Item) -> String {
        switch item {
        case .document(let name, let bytes, let warning):
            return name + (bytes.isEmpty ? " (empty)" : "") + (warning.map { " / " + $0 } ?? "")
        case .failed(let errors):
            return errors.description
        }
    }

    @Test func jsonLinesRecordsAreNamedInInputOrderAndALaterDuplicateIsTheError() throws {
        let folder = try Folder("lines")
        let file = folder.write(
            "youth.jsonl",
            """
            {"id": "a-1", "stage": "action"}

            {"id": "a-1"}
            {"stage": "nowhere"}
            {"id": "../etc/passwd"}
            {"id": ".hidden"}
            {"goals": ["x"]}
            """)
        let lines = try Self.items(file).map(Self.summary)
        #expect(
            lines == [
                "a-1.txt",
                "\(file):3:1: error: id: another record already gave this name",
                "\(file):4:11: error: stage: not a stage; expected one of pre-contemplation, contemplation, preparation, action, maintenance",
                "record-5.txt / \(file):5:1: warning: id: not a safe file name; written as record-5.txt",
                "record-6.txt / \(file):6:1: warning: id: not a safe file name; written as record-6.txt",
                "record-7.txt",
            ])
    }

    @Test func aRecordOverTheLimitIsAnErrorAndTheOthersStillRender() throws {
        let folder = try Folder("long")
        let file = folder.write(
            "youth.jsonl", "{\"id\": \"one\"}\n{\"notes\": \"\(String(repeating: "x", count: 200))\"}\n{}\n")
        let lines = try Self.items(file, maximumBytes: 100).map(Self.summary)
        #expect(
            lines == [
                "one.txt",
                "\(file):2:1: error: the record is larger than 100 bytes; raise the limit with --max-input-size",
                "record-3.txt",
            ])
    }

    @Test func aFolderIsReadInByteOrderOfItsJSONFilesSkippingHiddenOnes() throws {
        let folder = try Folder("folder")
        _ = folder.write("b.json", #"{"id": "bee"}"#)
        _ = folder.write("a.json", "{}")
        _ = folder.write(".c.json", "{}")
        _ = folder.write("notes.txt", "{}")
        let bad = folder.write("c.json", #"{"stage": 1}"#)
        let lines = try Self.items(folder.path).map(Self.summary)
        #expect(
            lines == ["record-1.txt", "bee.txt", "\(bad):1:11: error: stage: expected a stage name, found a number"])
    }

    @Test func anInputThatCannotBeOpenedIsAnIOErrorAtItsFirstLine() {
        #expect(throws: IOError.input(.unreadable, "/nonexistent/youth.jsonl")) {
            _ = try BatchRun(path: "/nonexistent/youth.jsonl", fileExtension: "txt", maximumBytes: 10)
        }
        #expect(
            IOError.input(.unreadable, "/nonexistent/youth.jsonl").description
                == "/nonexistent/youth.jsonl:1:1: error: cannot read the file (it does not exist or is not readable)")
    }

    @Test func theOneFileSeparatesTextDocumentsWithAFormFeedAndHTMLWithNothing() {
        var text = BatchConcatenation(format: .text(width: 72))
        var buffer: [UInt8] = []
        for document in ["a", "b", "c"] { text.append(Array(document.utf8), to: &buffer) }
        #expect(buffer == Array("a\u{0C}b\u{0C}c".utf8))
        var html = BatchConcatenation(format: .html)
        buffer = []
        for document in ["<!DOCTYPE html>1", "<!DOCTYPE html>2"] { html.append(Array(document.utf8), to: &buffer) }
        #expect(buffer == Array("<!DOCTYPE html>1<!DOCTYPE html>2".utf8))
        #expect(BatchRun.fileExtension(for: .html) == "html")
        #expect(BatchRun.fileExtension(for: .text(width: 40)) == "txt")
        #expect(BatchRun.fileExtension(for: .pdf) == "pdf")
    }
}
