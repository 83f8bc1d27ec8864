import Foundation
import Testing

@testable import SafetyPlanner

/// Discreet documents say nothing that reveals what they are about.
@Suite struct DiscreetModeTests {
    static let workspace = try! Workspace.load()

    /// The fixed list, checked independently of `Discretion`'s own list.
    static let revealingWords = [
        "trafficking", "trafficker", "exploitation", "exploiter", "csec", "victim", "abuse", "sex", "pimp", "escape",
        "shelter", "prostitution",
    ]

    static let data = try! PlanData.parse(
        Array(
            """
            {
              "client": { "name": "Jordan Lee" },
              "advocate": { "name": "Ana Rivera", "organization": "Anti-Trafficking Youth Project", "phone": "510-555-0100" },
              "goals": ["Escape from the pimp", "Stop the abuse"],
              "supports": [{ "name": "Denise Walker", "relation": "aunt", "phone": "510-555-0187" }],
              "safePlaces": [{ "name": "Harbor House Shelter", "address": "1200 Example Ave, Oakland", "phone": "510-555-0142" }],
              "notes": "Was trafficked for sex; victim services referral."
            }
            """.utf8), file: "d.json")

    static func words(of text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    @Test(arguments: Stage.allCases)
    func noRevealingWordInAnyTemplate(stage: Stage) throws {
        for name in Self.workspace.library.templateNames {
            let template = try Self.workspace.template(named: name)
            for format in [OutputFormat.text(width: 72), .html] {
                let output = Self.workspace.render(
                    template: template, stage: stage, data: Self.data, format: format, isDiscreet: true)
                for word in Self.words(of: output) {
                    #expect(!Self.revealingWords.contains { word.hasPrefix($0) }, "\(name) \(stage): '\(word)'")
                }
                #expect(!output.contains("Jordan"))
                #expect(!output.contains("Lee"))
                #expect(!output.contains("Walker"))
                #expect(!output.contains("Example Ave"))
                #expect(!output.contains("Anti-"))
                #expect(!output.contains(".org"))
            }
        }
    }

    @Test func discreetPlanKeepsWhatTheYouthNeeds() throws {
        let template = try Self.workspace.template(named: "plan")
        let text = Self.workspace.render(
            template: template, stage: .preparation, data: Self.data, format: .text(width: 72), isDiscreet: true)
        #expect(text.hasPrefix("My plan\n=======\n"))
        #expect(text.contains("For: J. L."))
        #expect(text.contains("Denise (aunt): 510-555-0187"))
        #expect(text.contains("Made with: Ana"))
        #expect(text.contains("1-888-373-7888"))
        #expect(text.contains("Help line"))
        #expect(!text.contains("\u{C}"), "the advocate's page is left out")
    }

    @Test func htmlTitleIsNeutral() throws {
        let template = try Self.workspace.template(named: "plan")
        let html = Self.workspace.render(
            template: template, stage: .action, data: Self.data, format: .html, isDiscreet: true)
        #expect(html.contains("<title>My plan</title>"))
    }

    @Test func namesAreShortened() {
        #expect(Discretion.initials("Jordan Lee") == "J. L.")
        #expect(Discretion.initials("María-José") == "M. J.")
        #expect(Discretion.firstName("Denise Walker") == "Denise")
        #expect(Discretion.firstName("Aunt Denise Walker") == "Aunt Denise")
        #expect(Discretion.firstName("Ms. Rivera") == "Ms. Rivera")
    }

    @Test func maskingKeepsOtherWords() {
        #expect(Discretion.masked("Escape from the pimp, then rest.") == "… from the …, then rest.")
        #expect(Discretion.masked("Johnson is kind") == "Johnson is kind")
    }
}
