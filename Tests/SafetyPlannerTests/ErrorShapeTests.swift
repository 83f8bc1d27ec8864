import Foundation
import Testing

@testable import SafeXML
@testable import SafetyPlanner

/// One location type and one printed form for every error (STYLE.md §6): a position is
/// `file:line:column: error: message`, a file as a whole `file: error: message`, and a
/// problem in no file `error: message`.
@Suite struct ErrorShapeTests {
    @Test func everyErrorPrintsInTheOneForm() {
        #expect(
            TemplateError(.unknownStage("later"), at: SourceLocation(file: "plan.xml", line: 3, column: 4)).description
                == "plan.xml:3:4: error: unknown stage 'later'; expected one of pre-contemplation, contemplation, preparation, action, maintenance"
        )
        #expect(
            DataError(file: "data.json", line: 2, column: 17, path: "supports[0]", message: "unknown key").description
                == "data.json:2:17: error: supports[0]: unknown key")
        #expect(
            IOError.input(.notRegularFile(kind: "a FIFO"), "in.json").description
                == "in.json:1:1: error: is a FIFO, not a regular file")
        #expect(
            IOError.file(.outputIsInput(input: "same.json"), "same.json").description
                == "same.json: error: the output is also an input (same.json); nothing was written")
        #expect(
            IOError(.chromiumMissing, at: nil).description
                == "error: --format pdf needs Chromium; install it with 'apt-get install chromium' or set SAFETYPLAN_CHROMIUM to its path"
        )
        #expect(SourceLocation(file: "plans").description == "plans")
        #expect(SourceLocation.errorLine("m", at: SourceLocation(file: "a", line: 1, column: 2)) == "a:1:2: error: m")
    }

    @Test func readingAndWritingMessagesKeepTheirWords() {
        let cases: [(IOError, String)] = [
            (.input(.isFolder, "d"), "d:1:1: error: is a folder, not a file"),
            (
                .input(.tooLarge(maximumBytes: 10), "d"),
                "d:1:1: error: the file is larger than 10 bytes; raise the limit with --max-input-size"
            ),
            (.file(.readFailed, "d"), "d: error: cannot read the file"),
            (.input(.unreadableFolder, "d"), "d:1:1: error: cannot read the folder"),
            (.file(.formNameNotXML, "f"), "f: error: a form file's name must end in .xml"),
            (.file(.notTemplateFile, "f"), "f: error: not a folder, an .xml or an .rng file"),
            (
                IOError(.cannotWriteStandardOutput(reason: "Broken pipe"), at: nil),
                "error: cannot write to standard output (Broken pipe)"
            ),
            (
                .file(.cannotWrite(reason: "No space left on device"), "/dev/full"),
                "/dev/full: error: cannot write the output file (No space left on device)"
            ),
            (.file(.outputIsFolder, "o"), "o: error: is a folder; give the name of a file to write"),
            (.file(.outputNotFile(kind: "a socket"), "o"), "o: error: is a socket; give the name of a file"),
            (
                .file(.outputFolderNotPrivate, "plans"),
                "plans: error: others can write to the output folder; give a private folder, or --force to use it"
            ),
            (
                .file(.outputFolderIsLink, "plans"),
                "plans: error: the output folder is a symbolic link; give the folder itself, or --force to use it"
            ),
            (
                IOError(.chromiumTimedOut(seconds: 5), at: nil),
                "error: Chromium did not finish the PDF within 5 seconds"
            ),
            (
                IOError(.chromiumFailed(status: 1, lastLine: "oops"), at: nil),
                "error: Chromium could not make the PDF (exit 1): oops"
            ),
            (
                IOError(.chromiumFailed(status: 9, lastLine: nil), at: nil),
                "error: Chromium could not make the PDF (exit 9)"
            ),
            (
                IOError(.incompletePDF, at: nil),
                "error: Chromium wrote an incomplete PDF (no trailer or no page); nothing was written"
            ),
        ]
        for (error, printed) in cases { #expect(error.description == printed) }
    }

    @Test func aDataFileThatCannotBeReadIsAnIOErrorAndASyntaxErrorADataError() throws {
        #expect(throws: IOError.input(.unreadable, "/nonexistent.json")) {
            _ = try FileInput.read("/nonexistent.json", maximumBytes: 10)
        }
        #expect(
            throws: DataErrors([
                DataError(file: "d", line: 1, column: 2, path: nil, message: "expected a key in double quotes")
            ])
        ) {
            _ = try PlanData.parse(Array("{x}".utf8), file: "d")
        }
    }

    @Test func theStageRuleIsOneFunctionForEveryCommand() throws {
        let preparation = try PlanData.parse(Array(#"{"stage": "preparation"}"#.utf8), file: "d.json")
        #expect(try preparation.stage(option: .preparation, file: "d.json", fallback: nil) == .preparation)
        #expect(try preparation.stage(option: nil, file: "d.json", fallback: .maintenance) == .preparation)
        #expect(try PlanData().stage(option: .action, file: "", fallback: .maintenance) == .action)
        #expect(try PlanData().stage(option: nil, file: "", fallback: .maintenance) == .maintenance)
        #expect(try PlanData().stage(option: nil, file: "", fallback: nil) == nil)
        do {
            _ = try preparation.stage(option: .action, file: "d.json", fallback: nil)
            Issue.record("a stage that disagrees with --stage is an error")
        } catch {
            #expect(
                error.description
                    == "d.json: error: stage: the data file gives the stage preparation but --stage is action; they must agree"
            )
        }
    }
}

/// `check`'s overlays, merged by the library.
@Suite struct TemplateLibraryOverlayTests {
    @Test func aPathThatIsNeitherAFolderNorATemplateFileIsRefused() {
        #expect(throws: IOError.file(.notTemplateFile, "/dev/null")) {
            _ = try TemplateLibrary.bundled.overlaid(withPaths: ["/dev/null"], maximumBytes: 1 << 20)
        }
        #expect(throws: IOError(.pathMissing("notes.txt"), at: nil)) {
            _ = try TemplateLibrary.bundled.overlaid(withPaths: ["notes.txt"], maximumBytes: 1 << 20)
        }
    }

    @Test func aLaterPathReplacesAnEarlierOnesFileAndBothReplaceTheBundledOne() throws {
        let folder = try BatchRunTests.Folder("overlay")
        let first = folder.write("plan.xml", "<first/>")
        try FileManager.default.createDirectory(atPath: folder.path + "/later", withIntermediateDirectories: true)
        let second = folder.write("later/plan.xml", "<second/>")
        let (library, names) = try TemplateLibrary.bundled.overlaid(
            withPaths: [first, folder.path + "/later"], maximumBytes: 1 << 20)
        #expect(names == ["plan.xml"])
        #expect(library.file(named: "plan.xml")?.displayName == second)
        #expect(library.file(named: "plan.xml")?.bytes == Array("<second/>".utf8))
        #expect(library.file(named: "stages.xml")?.isBundled == true)
    }
}

/// What the commands say about a template before rendering it.
@Suite struct TemplateCommandMessagesTests {
    @Test func onlyAHelpersDocumentRefusesDiscreetAndOnlyAFormOfAnotherStageWarns() throws {
        let workspace = try Workspace.load()
        #expect(try workspace.template(named: "plan").discreetRefusal == nil)
        #expect(
            try workspace.template(named: "provider-handout").discreetRefusal
                == "provider-handout is written for helpers and has no discreet version; --discreet is for what a youth keeps (plans, forms, the youth handout and the wallet card)"
        )
        let form = try workspace.form(named: "maintenance-support")
        #expect(form.stageWarning(for: PlanData(), name: "maintenance-support") == nil)
        let action = try PlanData.parse(Array(#"{"stage": "action"}"#.utf8), file: "d.json")
        #expect(
            form.stageWarning(for: action, name: "maintenance-support")
                == "warning: the form maintenance-support is made for the maintenance stage, and the data file gives the stage action; it is filled anyway: read it with the youth before handing it over"
        )
    }
}
