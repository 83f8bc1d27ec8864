import Foundation
import Testing

@testable import SafetyPlanner

/// The handouts in both formats against reviewed golden files, and what they must say.
@Suite struct HandoutGoldenTests {
    static let workspace = try! Workspace.load()
    static let provider = try! workspace.template(named: "provider-handout")
    static let youth = try! workspace.template(named: "youth-handout")

    static func providerHandout(_ format: OutputFormat) -> String {
        workspace.render(template: provider, stage: .preparation, data: PlanData(), format: format)
    }

    static func youthHandout(_ stage: Stage, _ format: OutputFormat) -> String {
        workspace.render(template: youth, stage: stage, data: PlanData(), format: format)
    }

    @Test func providerGolden() {
        Golden.assertMatches(Self.providerHandout(.text(width: 72)), "handouts/provider.txt")
        Golden.assertMatches(Self.providerHandout(.html), "handouts/provider.html")
    }

    @Test(arguments: Stage.allCases)
    func youthGolden(stage: Stage) {
        Golden.assertMatches(Self.youthHandout(stage, .text(width: 72)), "handouts/youth-\(stage.id).txt")
        Golden.assertMatches(Self.youthHandout(stage, .html), "handouts/youth-\(stage.id).html")
    }

    @Test func templatesAreHandouts() {
        #expect(Self.provider.kind == .handout)
        #expect(Self.youth.kind == .handout)
    }

    /// The provider handout, with line breaks undone so phrases can be found.
    static var providerText: String {
        providerHandout(.text(width: 400)).replacingOccurrences(of: "\n", with: " ")
    }

    @Test func providerHandoutHasEveryStageSignAndResponse() {
        let text = Self.providerText
        for info in Self.workspace.catalog.stages {
            #expect(text.contains(info.name), "\(info.name)")
            #expect(text.contains(info.response), "\(info.stage) response")
            for sign in info.signs { #expect(text.contains(sign), "\(info.stage) sign: \(sign)") }
        }
        #expect(text.contains(Self.workspace.catalog.cycle[.provider]!))
    }

    @Test func providerHandoutHasAllTenPrinciples() {
        let text = Self.providerText
        #expect(Self.workspace.catalog.principles.count == 10)
        for principle in Self.workspace.catalog.principles {
            #expect(text.contains(principle.name + ":"), "\(principle.id)")
            #expect(text.contains(principle.meaning), "\(principle.id)")
        }
        #expect(text.contains("Trauma-informed principles"))
        #expect(text.contains("Survivor-centered practice"))
    }

    @Test("The provider handout lists the principles, one item each, in text and HTML")
    func providerPrinciplesAreAList() {
        let text = Self.providerHandout(.text(width: 400))
        let html = Self.providerHandout(.html)
        for principle in Self.workspace.catalog.principles {
            #expect(text.contains("\n- " + principle.name + ": " + principle.meaning + "\n"), "\(principle.id)")
            #expect(html.contains("<li><strong>" + principle.name.htmlEscaped + ":</strong>"), "\(principle.id)")
        }
    }

    @Test("Each group of ideas in the youth handout has its heading, in English and Spanish, plain and discreet")
    func youthGroupsHaveHeadings() throws {
        let headings: [(language: String, plain: [String], discreet: [String])] = [
            (
                "en",
                [
                    "People on your side", "Staying safe", "A safe place to stay", "Someone to talk to",
                    "Telling someone, and the law",
                ],
                [
                    "People on your side", "Taking care of you", "Places you can go", "Someone to talk to",
                    "Who you talk to",
                ]
            ),
            (
                "es",
                [
                    "Personas de tu lado", "Mantenerte a salvo", "Un lugar seguro para quedarte",
                    "Alguien con quien hablar", "Contarle a alguien, y la ley",
                ],
                [
                    "Personas de tu lado", "Cuidarte", "Lugares adonde puedes ir", "Alguien con quien hablar",
                    "Con quién hablas",
                ]
            ),
        ]
        for (language, plain, discreet) in headings {
            let workspace = try Workspace.load(language: language)
            let template = try workspace.template(named: "youth-handout")
            for isDiscreet in [false, true] {
                let html = workspace.render(
                    template: template, stage: .preparation, data: PlanData(), format: .html, isDiscreet: isDiscreet)
                let expected = isDiscreet ? discreet : plain
                let found = html.split(separator: "\n").filter { $0.hasPrefix("<h3>") }.map {
                    String($0.dropFirst(4).dropLast(5))
                }
                #expect(Set(found) == Set(expected.map(\.htmlEscaped)), "\(language) discreet=\(isDiscreet)")
            }
        }
    }

    @Test func providerHandoutHasOrganisationsLinesLawAndCredit() {
        let text = Self.providerText
        for name in [
            "MISSSEY", "San Francisco Collaborative Against Human Trafficking", "The Polaris Project", "HEAT Watch",
            "GEMS",
        ] {
            #expect(text.contains(name), "\(name)")
        }
        for number in ["911", "1-888-373-7888", "text 233733", "988", "1-800-422-4453", "1-800-786-2929"] {
            #expect(text.contains(number), "\(number)")
        }
        #expect(text.contains("under 18"))
        #expect(text.contains("survival sex"))
        #expect(text.contains("no trafficker"))
        #expect(text.contains("SB 1322"))
        #expect(text.contains("cannot be arrested or charged"))
        #expect(text.contains("“CSEC: Meeting Victims Where They Are”"))
        #expect(text.contains("Child Abuse Training and Technical Assistance"))
        #expect(text.contains("CATTA"))
    }

    @Test(arguments: [Stage.preContemplation, .contemplation])
    func earlyYouthHandoutsUseNoLabels(stage: Stage) {
        for format in [OutputFormat.text(width: 72), .html] {
            let text = Self.youthHandout(stage, format).lowercased()
            for word in ["victim", "trafficking", "prostitution", "exploitation"] {
                #expect(!text.contains(word), "\(stage) \(format): \(word)")
            }
        }
    }

    @Test(arguments: Stage.allCases)
    func youthHandoutsNeverPressure(stage: Stage) {
        let text = Self.youthHandout(stage, .text(width: 400)).replacingOccurrences(of: "\n", with: " ").lowercased()
        for phrase in ["must", "have to", "should leave"] {
            #expect(!text.contains(phrase), "\(stage): \(phrase)")
        }
        #expect(text.contains(Self.workspace.catalog.info(for: stage).youth.lowercased()))
        for number in ["911", "1-888-373-7888", "988", "1-800-422-4453", "1-800-786-2929"] {
            #expect(text.contains(number), "\(stage): \(number)")
        }
    }

    @Test func neutralLabelNamesLinesWithoutRevealingWords() throws {
        let library = TemplateLibrary(
            files: TemplateLibrary.bundled.files.merging([
                "neutral.xml": TemplateLibrary.File(
                    path: "neutral.xml",
                    contents: Array(
                        """
                        <template xmlns="urn:safetyplanner:template:1" title="t">
                          <resources kind="line" audience="youth" label="neutral" detail="brief"/>
                        </template>
                        """.utf8))
            ]) { _, new in new })
        let workspace = try Workspace(library: library)
        let text = workspace.render(
            template: try workspace.template(named: "neutral"), stage: .contemplation, data: PlanData(),
            format: .text(width: 200))
        #expect(text.contains("- 911. Call 911 if you are in danger right now.\n"))
        #expect(text.contains("- Help line: call 1-888-373-7888, text 233733.\n"))
        #expect(!text.lowercased().contains("trafficking"))
        #expect(!text.contains("Runaway"))
    }
}
