import Foundation
import Testing

@testable import SafetyPlanner

/// Every document is rendered through `PreparedTemplate`: fixed runs written live the first
/// time a shape is met, replayed from recordings after. A replayed recording must write what
/// writing the run live writes, for every template, stage, discretion, copy and format, on
/// records that exercise what templates read (ages included); and `Template.evaluate`, the
/// same parts expanded into a tree, must render to the same bytes.
@Suite("A recorded run writes what the live run writes")
struct PreparedTemplateTests {
    static let formats: [(String, OutputFormat)] = [
        ("text 72", .text(width: 72)),
        ("text 40, pages of 30 with numbers", .text(width: 40, pageLength: 30, hasPageNumbers: true)),
        ("text 20", .text(width: 20)),
        ("html", .html),
    ]

    /// The bundled templates, the benchmark's template from `Benchmarks/templates`, and
    /// `Fixtures/prepared/adjacency.xml`, which puts fixed and record-reading blocks side by
    /// side in every order the renderers treat specially.
    static let workspace: Workspace = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prepared-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for source in [
            Golden.packageRoot.appendingPathComponent("Benchmarks/templates/bench-plan.xml"),
            Golden.fixtures.appendingPathComponent("prepared/adjacency.xml"),
        ] {
            try! FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(source.lastPathComponent))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try! Workspace.load(templatesDirectory: folder.path)
    }()

    static let copies: [(isDiscreet: Bool, copy: DocumentCopy)] = [(false, .youth), (true, .youth), (false, .advocate)]

    @Test(
        "Every template × stage × copy × format, on generated records", arguments: workspace.library.templateNames
    )
    func sameBytes(templateName: String) throws {
        let workspace = Self.workspace
        let template = try workspace.template(named: templateName)
        let records = RecordGenerator.records(count: 24, seed: UInt64(templateName.utf8.count), withAge: true)
        var compared = 0
        for stage in Stage.allCases {
            for (isDiscreet, copy) in Self.copies {
                for (formatName, format) in Self.formats {
                    for (position, bytes) in records.enumerated() {
                        let data = try PlanData.parse(bytes, file: "record.json")
                        let plan = workspace.planner.plan(stage: stage, data: data, isDiscreet: isDiscreet, copy: copy)
                        let prepared = PreparedTemplate(template: template, prototype: plan)
                        let live = prepared.renderBytes(plan, format: format)
                        let replayed = prepared.recorded(for: format).renderBytes(plan, format: format)
                        let tree = format.renderBytes(template.evaluate(plan))
                        for (what, actual) in [("replayed", replayed), ("tree", tree)] where actual != live {
                            Issue.record(
                                """
                                \(templateName), \(stage), \(copy)\(isDiscreet ? " discreet" : ""), \(formatName), \
                                record \(position): the \(what) rendering differs at byte \(Self.firstDifference(actual, live))
                                """)
                            return
                        }
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == Stage.allCases.count * Self.copies.count * Self.formats.count * records.count)
    }

    @Test("Batch renders what generate renders, records with an age included")
    func batchMatchesGenerate() throws {
        let workspace = Self.workspace
        let template = try workspace.template(named: "plan")
        for format in [OutputFormat.text(width: 72), .html] {
            let batch = BatchRenderer(
                workspace: workspace, template: template, format: format, isDiscreet: false, defaultStage: .action)
            let fresh = try workspace.template(named: "plan")
            for bytes in RecordGenerator.records(count: 12, seed: 7, withAge: true) {
                let data = try PlanData.parse(bytes, file: "record.json")
                // A template compiled afresh for each record: its first document of a shape.
                let expected = workspace.renderBytes(
                    template: fresh, stage: data.stage ?? .action, data: data, format: format)
                #expect(try batch.render(bytes, file: "record.json", maximumBytes: 1 << 20).bytes == expected)
            }
        }
    }

    @Test("Ages of one band share a shape; the planner's choices follow the band")
    func ageBands() throws {
        let planner = Self.workspace.planner
        func shape(_ age: Int?) throws -> PlanShape {
            let json = age.map { #"{"client": {"age": \#($0)}}"# } ?? "{}"
            return planner.shape(stage: .action, data: try PlanData.parse(Array(json.utf8), file: "d.json"))
        }
        #expect(try shape(13) == shape(16))
        #expect(try shape(16) != shape(18))
        #expect(try shape(22) == shape(23))
        #expect(try shape(nil).ageBand == nil)
        // Every age gets what its own age selects, though the band's youngest chose it.
        let catalog = Self.workspace.catalog
        for age in [0, 11, 12, 15, 17, 18, 19, 21, 22, 24, 25, 40] {
            let data = try PlanData.parse(Array(#"{"client": {"age": \#(age)}}"#.utf8), file: "d.json")
            let plan = planner.plan(stage: .action, data: data)
            let served = catalog.resources.filter { $0.serves(age: age) }
            let expected = served.filter { $0.kind == .line } + served.filter { $0.kind != .line }
            #expect(plan.resources.map(\.id) == expected.map(\.id), "age \(age)")
            let law = catalog.info(for: .reporting).items(for: .action, audience: .provider, age: age)
            #expect(plan.planned(.reporting)?.providerGuidance == law, "age \(age)")
        }
    }

    @Test("Nodes that read the record are the ones kept apart")
    func readsRecord() throws {
        let template = try Self.workspace.template(named: "bench-plan")
        let prototype = Self.workspace.planner.plan(stage: .action, data: PlanData(), isDiscreet: false)
        let prepared = PreparedTemplate(template: template, prototype: prototype)
        var fixed = 0
        var fixedBlocks = 0
        var varying = 0
        func count(_ parts: [PreparedTemplate.Part]) {
            for part in parts {
                switch part {
                case .fixed(let block):
                    fixed += block.nodes.count
                    fixedBlocks += 1
                case .varying: varying += 1
                case .section(_, let parts): count(parts)
                }
            }
        }
        count(prepared.parts)
        // The heading with the name, the line with the id, the three data lists and the notes.
        #expect(varying == 6)
        #expect(fixed > 20)
        // Runs of fixed nodes are copied as one.
        #expect(fixedBlocks < fixed / 2)
    }

    static func firstDifference(_ left: [UInt8], _ right: [UInt8]) -> Int {
        zip(left.indices, right.indices).first { left[$0.0] != right[$0.1] }?.0 ?? min(left.count, right.count)
    }
}

/// Deterministic data files that use every key templates read, with the strings that make
/// rendering take its rarer paths: non-ASCII and wide names, long words, markup, control
/// and bidi characters, revealing words for discreet mode, empty and missing lists.
enum RecordGenerator {
    static let names = [
        "Maya", "Zoë Ng", "José García", "李小龙", "Grandma Rose", "Aunt Denise Walker", "<b>Sam</b> & Co",
        "Averyveryveryverylongnamewithoutanyspacesatallthatmustbebroken", "Rosa\u{202E}evil", "Ms. Okafor",
        "Dee \u{1B}[2J", "", "   ", "\u{200B}\u{2060}",
    ]
    static let sentences = [
        "Go to school every day this week.",
        "Call the trafficking hotline if the exploiter texts again.",
        "Text Ms. Okafor, even late at night, \"before\" it gets <too much>.",
        "Breathe\tslowly and count to ten.",
        "Emoji 👩‍👧 and combining e\u{301} stay whole; 長い言葉も折り返す。",
        "Save $20 each payday for my own place & a phone of my own.",
        "Line one\nline two\r\nline three.",
        " \t ",
    ]
    static let stages = ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"]

    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func chance() -> Bool { next(2) == 0 }
    }

    static func records(count: Int, seed: UInt64, withAge: Bool = false) -> [[UInt8]] {
        var random = Random(state: seed)
        return (0..<count).map { position in
            var record: [String: Any] = ["id": "R\(position)"]
            func text(_ choices: [String]) -> String { choices[random.next(choices.count)] }
            func list(_ choices: [String], most: Int) -> [String] {
                (0..<random.next(most + 1)).map { _ in text(choices) }
            }
            if random.chance() { record["stage"] = text(stages) }
            if random.chance() { record["date"] = "2027-02-14" }
            var client: [String: Any] = [:]
            if random.next(4) > 0 { client["name"] = text(names) }
            if random.chance() { client["pronouns"] = "they/them" }
            if withAge && random.chance() { client["age"] = 12 + random.next(10) }
            if random.chance() { client["language"] = "en" }
            record["client"] = client
            if random.chance() {
                record["advocate"] = [
                    "name": text(names), "organization": "Bayside Youth Services", "phone": "(510) 555-0163",
                ]
            }
            for key in [
                "goals", "warningSigns", "triggers", "copingStrategies", "emergencyBag", "celebrations", "hardTimes",
            ]
            where random.next(3) > 0 {
                record[key] = list(sentences, most: 4)
            }
            if random.next(3) > 0 {
                record["supports"] = (0..<random.next(5)).map { _ in
                    var person: [String: Any] = ["name": text(names)]
                    if random.chance() { person["relation"] = text(["friend", "grandmother", "choir teacher"]) }
                    if random.chance() {
                        person["phone"] = text(["(510) 555-0121", "+1 555 0100", "javascript:alert(1)"])
                    }
                    return person
                }
            }
            if random.next(3) > 0 {
                record["safePlaces"] = (0..<random.next(4)).map { _ in
                    var place: [String: Any] = [
                        "name": text(["The school library", "Bayside shelter drop-in", "St. Anne's"])
                    ]
                    if random.chance() { place["address"] = "400 Example St, Oakland, CA" }
                    if random.chance() { place["phone"] = "(510) 555-0163" }
                    return place
                }
            }
            if random.chance() {
                record["checkIns"] = (0..<random.next(3)).map { _ in ["when": "Tuesdays", "how": text(sentences)] }
            }
            if random.chance() { record["codeWord"] = "blue umbrella" }
            if random.chance() {
                record["notes"] = (0..<(1 + random.next(6))).map { _ in text(sentences) }.joined(separator: " ")
            }
            if random.chance() {
                record["history"] = [["stage": "maintenance", "date": "2026-05-03"], ["stage": text(stages)]]
            }
            return Array(try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]))
        }
    }
}

@Suite("Renderer states a recording is chosen by")
struct RendererEntryTests {
    @Test("Each entry state's index is its place in the list of states")
    func indexes() {
        for (position, entry) in TextLayout.Entry.allCases.enumerated() { #expect(entry.index == position) }
        for (position, entry) in HTMLBuffer.Entry.allCases.enumerated() { #expect(entry.index == position) }
    }
}

/// A compiled template's cache holds its prepared templates; they must not hold the
/// template (and so the cache) in turn, or no compiled template that ever rendered is freed.
@Test func aTemplateAndWhatItPreparedAreFreedTogether() throws {
    weak var cache: Template.Cache?
    weak var prepared: PreparedTemplate?
    do {
        let workspace = try Workspace.load()
        let template = try workspace.template(named: "plan")
        let data = PlanData()
        for format in [OutputFormat.text(width: 72), .text(width: 72), .html, .html] {
            _ = workspace.render(template: template, stage: .preparation, data: data, format: format)
        }
        let plan = workspace.planner.plan(stage: .preparation, data: data, isDiscreet: false)
        cache = template.cache
        prepared = template.cache.prepared(template, for: plan, format: .html)
        #expect(cache != nil && prepared != nil)
    }
    #expect(prepared == nil)
    #expect(cache == nil)
}
