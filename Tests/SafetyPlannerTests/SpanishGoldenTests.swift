import Foundation
import Testing

@testable import SafetyPlanner

/// Every Spanish document against reviewed golden files (`Fixtures/es/`): the plan's youth,
/// advocate and discreet copies at every stage, the handouts (the youth's discreet too),
/// and the maintenance support form, as text and HTML; and what the language changes
/// beyond the templates: `lang`, dates, page footers, the ways to reach a line.
@Suite struct SpanishGoldenTests {
    static let workspace = try! Workspace.load(language: "es")
    static let plan = try! workspace.template(named: "plan")

    enum Copy: String, CaseIterable {
        case youth
        case advocate
        case discreet
    }

    static func data(_ name: String) -> PlanData {
        try! PlanData.parse(Golden.read("es/\(name).json"), file: "\(name).json")
    }

    static func render(
        _ template: Template, stage: Stage, data: PlanData = PlanData(), copy: Copy = .youth, format: OutputFormat
    ) -> String {
        workspace.render(
            template: template, stage: stage, data: data, format: format, isDiscreet: copy == .discreet,
            copy: copy == .advocate ? .advocate : .youth)
    }

    static let formats: [(OutputFormat, String)] = [(.text(width: 72), "txt"), (.html, "html")]

    @Test(arguments: Stage.allCases)
    func planCopies(stage: Stage) {
        for copy in Copy.allCases {
            for (format, suffix) in Self.formats {
                Golden.assertMatches(
                    Self.render(Self.plan, stage: stage, data: Self.data("plan-data"), copy: copy, format: format),
                    "es/plans/\(stage.id)-\(copy.rawValue).\(suffix)")
            }
        }
    }

    @Test(arguments: Stage.allCases)
    func youthHandouts(stage: Stage) throws {
        let handout = try Self.workspace.template(named: "youth-handout")
        for copy in [Copy.youth, .discreet] {
            for (format, suffix) in Self.formats {
                Golden.assertMatches(
                    Self.render(handout, stage: stage, copy: copy, format: format),
                    "es/handouts/youth-\(stage.id)\(copy == .discreet ? "-discreet" : "").\(suffix)")
            }
        }
    }

    @Test func providerHandout() throws {
        let handout = try Self.workspace.template(named: "provider-handout")
        for (format, suffix) in Self.formats {
            Golden.assertMatches(
                Self.render(handout, stage: .preparation, format: format), "es/handouts/provider.\(suffix)")
        }
    }

    @Test func form() throws {
        let form = try Self.workspace.form(named: "maintenance-support")
        Golden.assertMatches(Self.render(form, stage: .maintenance, format: .text(width: 72)), "es/forms/empty.txt")
        for copy in Copy.allCases {
            for (format, suffix) in Self.formats {
                Golden.assertMatches(
                    Self.render(form, stage: .maintenance, data: Self.data("form-data"), copy: copy, format: format),
                    "es/forms/\(copy.rawValue).\(suffix)")
            }
        }
    }

    @Test func theLanguageIsSpanishThroughout() {
        let html = Self.render(Self.plan, stage: .preparation, data: Self.data("plan-data"), format: .html)
        #expect(html.contains("<html lang=\"es\">"))
        #expect(html.contains("<title>Mi plan de seguridad</title>"))
        #expect(html.contains(#"content: "Página " counter(page) " de " counter(pages);"#))
        #expect(!html.contains(#""Page ""#))
        let text = Self.render(
            Self.plan, stage: .preparation, data: Self.data("plan-data"),
            format: .text(width: 400, pageLength: 66, hasPageNumbers: true))
        #expect(text.contains("Página 1 de "))
        #expect(!text.contains("Page "))
        #expect(text.contains("29 de noviembre de 2026"))
        #expect(!text.contains("2026-11-29"))
        #expect(text.contains("llama al 1-888-373-7888, manda un texto al 233733"))
        #expect(text.contains("llama o manda un texto al 988"))
    }

    @Test func datesAndFootersComeFromTheWordsFile() {
        let words = Self.workspace.catalog.words
        #expect(words.date("2026-12-01") == "1 de diciembre de 2026")
        #expect(words.date("2026-02-09") == "9 de febrero de 2026")
        #expect(words.date("not a date") == "not a date")
        #expect(words.pageFooter(page: 1, of: 3) == "Página 1 de 3")
        #expect(Words.english.date("2026-12-01") == "2026-12-01")
        #expect(Words.english.pageFooter(page: 1, of: 3) == "Page 1 of 3")
    }

    @Test func theStylesheetEscapesTheFootersWords() {
        let css = HTMLRenderer.stylesheet(pageFooter: #"P. {page} "/" {pages} </style>"#)
        #expect(css.contains(#"content: "P. " counter(page) " \22 /\22  " counter(pages) " \3c /style\3e ";"#))
        #expect(HTMLRenderer.stylesheet(pageFooter: DocumentTree.defaultPageFooter) == HTMLRenderer.stylesheet)
    }

    @Test func languagesAreChosenFromTheFoldersThere() throws {
        let library = TemplateLibrary.bundled
        #expect(library.languages == ["en", "es"])
        #expect(Languages.match("es-MX", in: library.languages) == "es")
        #expect(Languages.match("ES_us", in: library.languages) == "es")
        #expect(Languages.match("en-GB", in: library.languages) == "en")
        #expect(Languages.match("fr", in: library.languages) == nil)
        let spanish = try PlanData.parse(Array(#"{"client": {"language": "es-419"}}"#.utf8), file: "d.json")
        let french = try PlanData.parse(Array(#"{"client": {"language": "fr"}}"#.utf8), file: "d.json")
        let available = library.languages
        #expect(try Languages.choose(option: nil, data: spanish, available: available) == "es")
        #expect(try Languages.choose(option: "en", data: spanish, available: available) == "en")
        #expect(try Languages.choose(option: nil, data: french, available: available) == "en")
        #expect(try Languages.choose(option: nil, data: PlanData(), available: available) == "en")
        #expect(
            try Languages.choose(
                option: "es", advocateOption: "en", copy: .advocate, data: spanish, available: available) == "en")
        #expect(
            try Languages.choose(option: "es", advocateOption: "en", copy: .youth, data: spanish, available: available)
                == "es")
        #expect(throws: Languages.Problem.unknownOption("fr", available: ["en", "es"])) {
            try Languages.choose(option: "fr", data: PlanData(), available: available)
        }
        #expect(
            Languages.Problem.unknownOption("fr", available: ["en", "es"]).message
                == "there are no templates in the language 'fr'; the languages available are en, es")
    }

    @Test func theInteractiveQuestionsAreInSpanish() throws {
        let form = try Self.workspace.form(named: "maintenance-support")
        let words = Self.workspace.catalog.words
        let questions = InterviewQuestions.questions(in: form, stage: .maintenance, words: words)
        #expect(questions.first?.label == "Mi nombre")
        #expect(
            questions.first?.hint
                == "Tu nombre de pila o un apodo está bien. Déjalo vacío para escribirlo a mano después.")
        let supports = try #require(questions.first { $0.dottedPath == "supports" })
        #expect(supports.hint.hasSuffix("Deja «Nombre» vacío cuando termines."))
        var interview = Interview(
            Interview.Setup(template: form, words: words, stage: .maintenance, today: "2026-12-01"))
        interview.answer("Maya")
        interview.answer("mañana")
        #expect(
            interview.prompt.text.contains(
                "Escribe la fecha como AAAA-MM-DD (por ejemplo 2026-12-01), u hoy, o déjala vacía."))
        interview.answer("hoy")
        #expect(interview.planData.date == "2026-12-01")
    }

    /// The Spanish catalog has the same ids, stages and facts as the English one.
    @Test func theCatalogsMatch() throws {
        let english = try Workspace.load().catalog
        let spanish = Self.workspace.catalog
        #expect(spanish.stages.map(\.stage) == english.stages.map(\.stage))
        #expect(spanish.principles.map(\.id) == english.principles.map(\.id))
        #expect(spanish.resources.map(\.id) == english.resources.map(\.id))
        for (es, en) in zip(spanish.resources, english.resources) {
            #expect(es.call == en.call && es.textNumber == en.textNumber && es.web == en.web, "\(en.id)")
            #expect(es.ages == en.ages && es.domains == en.domains && es.kind == en.kind, "\(en.id)")
            #expect(en.sources.allSatisfy { es.sources.contains($0) }, "\(en.id): every English source is kept")
        }
        for (es, en) in zip(spanish.domains, english.domains) {
            #expect(es.items.map(\.stages) == en.items.map(\.stages), "\(en.domain)")
            #expect(es.items.map(\.audience) == en.items.map(\.audience), "\(en.domain)")
            #expect(es.items.map(\.source) == en.items.map(\.source), "\(en.domain)")
            #expect(es.items.map(\.isDiscreetWording) == en.items.map(\.isDiscreetWording), "\(en.domain)")
        }
        #expect(spanish.discretion == english.discretion)
    }

    @Test func theSpanishLinesSayHowToReachThemInSpanish() {
        let spanish = Self.workspace.catalog.resources
        let lifeline = spanish.first { $0.id == "lifeline-988" }!
        #expect(lifeline.youth!.contains("marca 2") && lifeline.youth!.contains("AYUDA"))
        #expect(lifeline.sources.contains { $0.text.contains("988lifeline.org/get-help/what-to-expect") })
        let hotline = spanish.first { $0.id == "nhth" }!
        #expect(hotline.offers.contains("en inglés y en español"))
        #expect(hotline.sources.contains { $0.date == "2018-02-07" })
        let childhelp = spanish.first { $0.id == "childhelp" }!
        #expect(childhelp.offers.contains("intérpretes"))
        #expect(childhelp.sources.contains { $0.text.contains("170 languages") })
    }
}
