import CLibFuzzer
import SafetyPlanner

// The libFuzzer target for SafetyPlanner. The first byte of an input chooses what is fuzzed
// (its value modulo 3), the rest is the payload:
//
//   0x00 S <xml…>   a template: the bytes become `fuzz.xml` in the bundled library and are
//                   compiled; a template that compiles is evaluated for the stage chosen by
//                   S and rendered as text and HTML (S also picks discreet mode, the text
//                   width and whether the sample data or no data is used).
//   0x01 <json…>    a data file: `PlanData.parse`, and the description of every error.
//   0x02 S <json…>  a data file that is rendered: parsed, and when valid rendered through
//                   the bundled `plan` template as text and HTML, for the data's own stage
//                   or else the one S chooses; and rendered again by `BatchRenderer` (the
//                   prepared-template path `batch` uses), which must give the same bytes.
//
// The workspace (catalog, schemas) and the `plan` template are loaded once per process.
// A crash, sanitizer report, hang or out-of-memory is the only failure: errors thrown by
// the library are the expected answer to bad input.

/// The bundled workspace, loaded once.
let baseWorkspace: Workspace = {
    do {
        return try Workspace.load()
    } catch {
        fatalError("the bundled workspace does not load: \(error)")
    }
}()

/// The bundled `plan` template, compiled once.
let planTemplate: Template = {
    do {
        return try baseWorkspace.template(named: "plan")
    } catch {
        fatalError("the bundled plan template does not compile: \(error)")
    }
}()

/// The sample data file, parsed once.
let sampleData: PlanData = {
    let json = """
        {
          "stage": "preparation", "date": "2026-11-29",
          "client": { "name": "Jordan", "pronouns": "they/them", "age": 16, "language": "en" },
          "advocate": { "name": "Ms. Rivera", "organization": "Eastside Youth Center", "phone": "(510) 555-0142" },
          "goals": ["Finish 10th grade", "Save $200 for a phone that is only mine"],
          "supports": [{ "name": "Aunt Denise", "relation": "aunt", "phone": "(510) 555-0187" }],
          "safePlaces": [{ "name": "Drop-in", "address": "1200 Example Ave", "phone": "510-555-0110" }],
          "warningSigns": ["New friend with gifts"], "triggers": ["Loud arguments"],
          "copingStrategies": ["Music"], "codeWord": "blue sneakers", "emergencyBag": ["School ID"],
          "notes": "<b>&amp;</b>",
          "history": [{ "stage": "action", "date": "2026-09-02" }], "id": "fuzz-1"
        }
        """
    do {
        return try PlanData.parse(Array(json.utf8), file: "sample.json")
    } catch {
        fatalError("the fuzzer's sample data does not parse: \(error)")
    }
}()

/// The settings one selector byte chooses.
struct Settings {
    var stage: Stage
    var isDiscreet: Bool
    var width: Int
    var usesSampleData: Bool

    init(_ byte: UInt8) {
        let stages = Stage.allCases
        stage = stages[Int(byte) % stages.count]
        let rest = Int(byte) / stages.count  // 0…51
        isDiscreet = rest & 1 != 0
        usesSampleData = rest & 2 != 0
        width = [72, 20, 37, 1000][(rest >> 2) & 3]
    }
}

func fuzzTemplate(_ selector: UInt8, _ payload: [UInt8]) {
    let settings = Settings(selector)
    var files = baseWorkspace.library.files
    // `TemplateLibrary.File` has no public initialiser; its properties are public.
    var file = files["plan.xml"]!
    file.displayName = "fuzz.xml"
    file.bytes = payload
    files["fuzz.xml"] = file
    var workspace = baseWorkspace
    workspace.library = TemplateLibrary(files: files)
    let template: Template
    do {
        template = try workspace.template(named: "fuzz")
    } catch {
        _ = error.description
        return
    }
    let data = settings.usesSampleData ? sampleData : PlanData()
    for format in [OutputFormat.text(width: settings.width), .html] {
        _ = workspace.render(
            template: template, stage: settings.stage, data: data, format: format, isDiscreet: settings.isDiscreet)
    }
}

func fuzzData(_ payload: [UInt8]) {
    do {
        _ = try PlanData.parse(payload, file: "fuzz.json")
    } catch {
        _ = error.description
    }
}

func fuzzRender(_ selector: UInt8, _ payload: [UInt8]) {
    let settings = Settings(selector)
    let data: PlanData
    do {
        data = try PlanData.parse(payload, file: "fuzz.json")
    } catch {
        return
    }
    let stage = data.stage ?? settings.stage
    for format in [OutputFormat.text(width: settings.width), .html] {
        let expected = baseWorkspace.render(
            template: planTemplate, stage: stage, data: data, format: format, isDiscreet: settings.isDiscreet)
        // Twice: the template records a shape's fixed runs the second time it renders it
        // in a format, so the second document replays what the first wrote live. (The
        // prepared parts live in the template's cache, bounded by the shapes and widths
        // met; see lsan.supp if LeakSanitizer reports them.)
        let batch = BatchRenderer(
            workspace: baseWorkspace, template: planTemplate, format: format, isDiscreet: settings.isDiscreet,
            defaultStage: settings.stage)
        for _ in 0..<2 {
            guard let document = try? batch.render(payload, file: "fuzz.json", maximumBytes: 1 << 20) else {
                fatalError("batch refused data that PlanData.parse accepted")
            }
            if document.bytes != Array(expected.utf8) {
                fatalError("the replayed rendering differs from the live rendering")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let start, count >= 1 else { return 0 }
    let input = UnsafeBufferPointer(start: start, count: count)
    let selector = count >= 2 ? input[1] : 0
    switch input[0] % 3 {
    case 0: fuzzTemplate(selector, Array(input.dropFirst(2)))
    case 1: fuzzData(Array(input.dropFirst(1)))
    default: fuzzRender(selector, Array(input.dropFirst(2)))
    }
    return 0
}

/// The program's entry point. SwiftPM links an executable target with its `main` renamed
/// to `<module>_main`, so libFuzzer's own `main` is never used: this one hands the
/// arguments to libFuzzer's driver instead.
@_cdecl("FuzzSafetyPlanner_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    // Load everything shared before the first input, so no input pays for (or is blamed
    // for) the one-time loading.
    _ = baseWorkspace
    _ = planTemplate
    _ = sampleData
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput)
}
