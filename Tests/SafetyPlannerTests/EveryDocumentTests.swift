import Foundation
import Testing

@testable import SafetyPlanner

/// Every document the tool can make — every language, template, stage, copy, discretion and
/// format, for a youth of 15 and one of 19 and for no data at all — holds the promises of
/// the youth copy, the advocate copy and the discretion policy. (PDF is the HTML, printed.)
@Suite struct EveryDocumentTests {
    static let workspace = try! Workspace.load()
    static let languages = workspace.library.languages
    static let workspaces = Dictionary(
        uniqueKeysWithValues: languages.map { ($0, try! Workspace.load(language: $0)) })
    static let policy = workspace.catalog.discretion
    static let formats: [OutputFormat] = [.text(width: 72, pageLength: 66, hasPageNumbers: true), .html]

    static func data(_ name: String) -> PlanData {
        try! PlanData.parse(Golden.read("copies/\(name).json"), file: "\(name).json")
    }

    static let minor = data("youth-15")
    static let adult = data("youth-19")

    /// What a discreet copy never shows of the test data: surnames, organisations, street
    /// addresses, the code word and the advocate's notes.
    static let secrets = [
        "Ramírez", "Brennan", "Diaz", "Rivera", "Cruz", "Ortega", "Okafor", "Eastside", "Example Ave", "Sample St",
        "blue sneakers", "duty to report on 11/20", "Casa de mi abuela",
    ]

    /// The issue's words and the before-stop check's, matched anywhere (not only at the
    /// start of a word), independently of `discretion.xml`.
    static let independentList = [
        "traffick", "exploit", "victim", "víctima", "abuse", "prostitut", "polaris", "childhelp", "police", "policía",
        "arrest", "child protection", "trata", "explotaci", "padrote", "refugio", "shelter", "csec", "pimp",
    ]

    /// Words that label a youth who may not see themselves that way.
    static let labelWords = [
        "victim", "traffick", "exploit", "abuse", "csec", "prostitut", "survivor", "víctima", "trata de",
        "explotación", "abuso", "sobreviviente",
    ]

    /// What only the advocate's pages say, per language.
    static let advocateOnly: [String: [String]] = [
        "en": ["For the advocate", "CANRA", "the exploiter"],
        "es": ["Para la persona que acompaña", "CANRA", "quien le explota"],
    ]

    /// The advocate's page, with the youth's history in the language's words.
    static let advocatePage: [String: [String]] = [
        "en": ["For the advocate", "pre-contemplation (2026-06-10)"],
        "es": ["Para la persona que acompaña", "precontemplación (10 de junio de 2026)"],
    ]

    /// What an adult's documents never say (the law and the lines for minors), per language.
    static let minorsOnly: [String: [String]] = [
        "en": ["child protection", "CANRA", "1-800-422-4453", "Childhelp", "Child Abuse", "under 18"],
        "es": ["protección infantil", "CANRA", "1-800-422-4453", "Childhelp", "Abuso Infantil", "menor de 18"],
    ]

    struct Case: CustomStringConvertible {
        var template: String
        var stage: Stage
        var copy: DocumentCopy
        var isDiscreet: Bool
        var language = "en"
        /// Whether the template is written for helpers (`audience="provider"`: the provider
        /// handout and the assessment aid), never handed to the youth.
        var isForHelpers = false
        var description: String {
            "\(language) \(template) \(stage.id) \(copy.id)\(isDiscreet ? " discreet" : "")"
        }
        /// Whether the document is read by the youth: a youth copy, or the youth handout
        /// (the provider handout and the assessment aid are the helpers').
        var isYouthFacing: Bool {
            template == "youth-handout" || (copy == .youth && !isForHelpers)
        }
    }

    /// Every combination the tool can make (an advocate copy is never discreet, and a
    /// document for helpers, the provider handout, has no discreet version: both are usage
    /// errors in the tool).
    static let cases: [Case] = {
        var cases: [Case] = []
        for language in languages {
            for template in workspace.library.templateNames {
                for stage in Stage.allCases {
                    for copy in DocumentCopy.allCases {
                        for isDiscreet in [false, true] {
                            let compiled = try? workspace.template(named: template)
                            let isForHelpers = compiled?.audience == .provider
                            if isDiscreet && (copy == .advocate || isForHelpers) { continue }
                            // The wallet card is only ever the youth's (`handout card`).
                            if copy == .advocate && compiled?.kind == .card { continue }
                            cases.append(
                                Case(
                                    template: template, stage: stage, copy: copy, isDiscreet: isDiscreet,
                                    language: language, isForHelpers: isForHelpers))
                        }
                    }
                }
            }
        }
        return cases
    }()

    static func render(_ item: Case, _ data: PlanData, _ format: OutputFormat) throws -> String {
        let workspace = workspaces[item.language]!
        let template = try workspace.template(named: item.template)
        return workspace.render(
            template: template, stage: item.stage, data: data, format: format, isDiscreet: item.isDiscreet,
            copy: item.copy)
    }

    /// The words of a document, folded, and the document folded, for phrase searches.
    static func folded(_ text: String) -> String {
        DiscretionPolicy.words(in: text).joined(separator: " ")
    }

    @Test func theMatrixIsWhole() {
        #expect(Self.workspace.library.templateNames.count == 6)
        #expect(Self.languages == ["en", "es"])
        // No advocate copy is discreet, nor any document for helpers (two of them); the
        // wallet card has no advocate copy.
        #expect(Self.cases.count == 2 * (6 * 5 * 2 * 2 - 6 * 5 - 2 * 5 - 5))
    }

    @Test(arguments: cases.filter(\.isDiscreet))
    func aDiscreetDocumentRevealsNothing(item: Case) throws {
        for data in [Self.minor, Self.adult, PlanData()] {
            for format in Self.formats {
                let output = try Self.render(item, data, format)
                let lowered = output.lowercased()
                for word in Self.independentList {
                    #expect(!lowered.contains(word), "\(item): '\(word)'")
                }
                // The policy's own lists: stems over every word; whole words too, but for
                // a friend called John in the test data (names are exempt from the list of
                // slang words, as the policy says).
                for word in DiscretionPolicy.words(in: output) {
                    let reveals =
                        Self.policy.stems.contains { word.hasPrefix($0) }
                        || (Self.policy.words.contains(word) && word != "john")
                    #expect(!reveals, "\(item) \(format): '\(word)'")
                }
                let document = Self.folded(output)
                for phrase in Self.policy.phrases {
                    #expect(!document.contains(phrase.joined(separator: " ")), "\(item): '\(phrase)'")
                }
                for secret in Self.secrets {
                    #expect(!output.contains(secret), "\(item): '\(secret)'")
                }
                #expect(!output.contains("…"), "\(item): a trace of masking")
                #expect(!output.contains("&#8230;") && !output.contains("&hellip;"), "\(item)")
            }
        }
    }

    @Test(arguments: cases.filter(\.isYouthFacing))
    func aYouthCopyNamesNoStage(item: Case) throws {
        let stageNames = Self.workspaces.values.flatMap { $0.catalog.stages.map(\.name) }
        for format in Self.formats {
            let output = try Self.render(item, PlanData(), format)
            for name in stageNames {
                #expect(!output.contains(name), "\(item): '\(name)'")
            }
            guard item.stage == .preContemplation || item.stage == .contemplation else { continue }
            let lowered = output.lowercased()
            for word in Self.labelWords {
                #expect(!lowered.contains(word), "\(item): '\(word)'")
            }
        }
    }

    @Test(arguments: cases.filter(\.isYouthFacing))
    func aYouthCopyHoldsNothingForTheAdvocate(item: Case) throws {
        for format in Self.formats {
            let output = try Self.render(item, Self.minor, format)
            #expect(!output.contains("duty to report on 11/20"), "\(item): advocateNotes")
            for phrase in Self.advocateOnly.values.joined() {
                #expect(!output.contains(phrase), "\(item): '\(phrase)'")
            }
        }
    }

    @Test(arguments: cases.filter { $0.copy == .advocate && $0.template != "youth-handout" })
    func anAdvocateCopyHasTheAdvocatesPages(item: Case) throws {
        guard !item.isForHelpers else { return }
        let output = try Self.render(item, Self.minor, .text(width: 400))
        #expect(output.contains("Talked about my duty to report on 11/20"), "\(item)")
        for phrase in Self.advocatePage[item.language]! {
            #expect(output.contains(phrase), "\(item): '\(phrase)'")
        }
    }

    @Test(arguments: cases.filter { !$0.isDiscreet && !$0.isForHelpers })
    func theLawFitsTheAge(item: Case) throws {
        for format in Self.formats {
            let adult = try Self.render(item, Self.adult, format)
            for phrase in Self.minorsOnly[item.language]! {
                #expect(!adult.contains(phrase), "\(item), age 19: '\(phrase)'")
            }
        }
    }

    @Test(arguments: Stage.allCases)
    func aMinorsPlanKeepsTheDutyAndTheChoice(stage: Stage) throws {
        let youth = try Self.render(
            Case(template: "plan", stage: stage, copy: .youth, isDiscreet: false), Self.minor, .text(width: 400))
        #expect(youth.contains("some helpers need to tell child protection"))
        #expect(youth.contains("Talking to the police is your choice"))
        #expect(youth.contains("I will try to tell you first"))
        #expect(!youth.contains("I will tell you first"))
        #expect(!youth.contains("get in trouble or be arrested for what was done to you"))
        let advocate = try Self.render(
            Case(template: "plan", stage: stage, copy: .advocate, isDiscreet: false), Self.minor, .text(width: 400))
        #expect(advocate.contains("CANRA"))
        #expect(advocate.contains("It is not a general immunity from arrest"))
        let adult = try Self.render(
            Case(template: "plan", stage: stage, copy: .advocate, isDiscreet: false), Self.adult, .text(width: 400))
        #expect(adult.contains("The survivor is an adult, so reporting their own exploitation is their choice"))
        #expect(adult.contains("Talking to the police is your choice"))
        #expect(adult.contains("Some programs have rules about what they share"))
    }

    @Test(arguments: Stage.allCases)
    func aMinorsPlanKeepsTheDutyAndTheChoiceInSpanish(stage: Stage) throws {
        func render(_ copy: DocumentCopy, _ data: PlanData) throws -> String {
            try Self.render(
                Case(template: "plan", stage: stage, copy: copy, isDiscreet: false, language: "es"), data,
                .text(width: 400))
        }
        let youth = try render(.youth, Self.minor)
        #expect(youth.contains("tienen que avisar a protección infantil"))
        #expect(youth.contains("Hablar con la policía es tu decisión"))
        #expect(youth.contains("voy a tratar de decírtelo antes"))
        let advocate = try render(.advocate, Self.minor)
        #expect(advocate.contains("CANRA"))
        #expect(advocate.contains("No es una inmunidad general frente al arresto"))
        let adult = try render(.advocate, Self.adult)
        #expect(
            adult.contains(
                "La persona sobreviviente es adulta, así que reportar su propia explotación es decisión suya"))
        #expect(adult.contains("Hablar con la policía es tu decisión"))
        #expect(adult.contains("Algunos programas tienen reglas sobre lo que comparten"))
    }

    /// Everything the youth filled in, as it must appear in the youth copy.
    static func youthEntries(_ data: PlanData) -> [String] {
        var entries: [String] = []
        func collect(_ value: DataValue, key: String) {
            switch value {
            case .text(let text): entries.append(text)
            case .list(let elements): elements.forEach { collect($0, key: key) }
            case .record(let fields):
                for (name, field) in fields where name != "discreetName" && name != "age" && name != "language" {
                    collect(field, key: name)
                }
            }
        }
        for (key, value) in data.root.record! where !["advocateNotes", "history", "stage", "id"].contains(key) {
            collect(value, key: key)
        }
        return entries
    }

    @Test(arguments: Stage.allCases, ["en", "es"])
    func nothingTheYouthWroteDisappears(stage: Stage, language: String) throws {
        let entries = Self.youthEntries(Self.minor).filter { !DataRules.isISODate($0) || language == "en" }
        #expect(entries.count > 30)
        let output = try Self.render(
            Case(template: "plan", stage: stage, copy: .youth, isDiscreet: false, language: language), Self.minor,
            .text(width: 400, pageLength: 0))
        for entry in entries {
            #expect(output.contains(entry), "\(stage): '\(entry)'")
        }
    }
}
