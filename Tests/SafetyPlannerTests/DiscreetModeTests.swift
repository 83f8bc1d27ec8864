import Foundation
import Testing

@testable import SafetyPlanner

/// The discretion policy's parts: revealing words in English and Spanish, names, and what
/// the planner does to the data of a discreet plan.
@Suite struct DiscreetModeTests {
    static let workspace = try! Workspace.load()
    static let policy = workspace.catalog.discretion

    @Test(arguments: [
        "Salir de la trata", "Dejar a mi padrote", "refugio para víctimas de trata", "Quiero ir al refugio",
        "EXPLOTACIÓN sexual", "la policía", "Out of the life", "I was in the life", "Stop seeing johns",
        "call child protection",
        "Escape from the pimp", "Trafficker", "tell CPS", "a Víctima", "the fear of being found",
    ])
    func revealingTextIsFound(text: String) {
        #expect(Self.policy.isRevealing(text), "\(text)")
    }

    @Test(arguments: [
        "Terminar la prepa", "Cuido a mis hermanos", "Johnson is kind", "Finish 10th grade", "Listening to music",
        "coping with stress", "A copy for me", "Courtney", "Se trata de ti",
    ])
    func plainTextIsKept(text: String) {
        // "Se trata de ti" ("it is about you") holds the stem "trata": the Spanish list
        // catches the word for trafficking by its stem, and an everyday phrase with it is
        // a price discretion pays (the entry prints as a write-in line).
        if text == "Se trata de ti" {
            #expect(Self.policy.isRevealing(text))
        } else {
            #expect(!Self.policy.isRevealing(text), "\(text)")
        }
    }

    @Test func aNameIsNotSlang() {
        #expect(!Self.policy.isRevealingName("John"))
        #expect(Self.policy.isRevealing("John"))
    }

    @Test func namesLoseTheirSurnames() {
        #expect(Self.policy.shortName("Coach Brennan") == "Coach B.")
        #expect(Self.policy.shortName("Mr. Diaz") == "Mr. D.")
        #expect(Self.policy.shortName("Ms. Rivera") == "Ms. R.")
        #expect(Self.policy.shortName("Tía Lupe Ramírez") == "Tía Lupe")
        #expect(Self.policy.shortName("Aunt Denise Walker") == "Aunt Denise")
        #expect(Self.policy.shortName("Sra. Ortega") == "Sra. O.")
        #expect(Self.policy.shortName("Dr. Ana López") == "Dr. Ana")
        #expect(Self.policy.shortName("Doña Carmen") == "Doña Carmen")
        #expect(Self.policy.shortName("Denise Walker") == "Denise")
        #expect(Self.policy.shortName("John") == "John")
        #expect(Self.policy.shortName("María José de la Cruz") == "María")
    }

    @Test func theYouthIsShownByInitials() {
        #expect(Self.policy.initials("Jordan Lee") == "J. L.")
        #expect(Self.policy.initials("María-José") == "M. J.")
        #expect(Self.policy.initials("María José de la Cruz") == "M. J. C.")
        #expect(Self.policy.initials("Ana van der Berg") == "A. B.")
    }

    static func discreetValues(_ json: String) throws -> DataValue {
        let data = try PlanData.parse(Array(json.utf8), file: "d.json")
        return Self.workspace.planner.plan(stage: .preparation, data: data, isDiscreet: true).values
    }

    @Test func theDataOfADiscreetPlan() throws {
        let values = try Self.discreetValues(
            """
            {
              "client": { "name": "María José de la Cruz" },
              "advocate": { "name": "Ms. Rivera", "organization": "Eastside Youth Center", "discreetName": "Ana" },
              "goals": ["Salir de la trata", "Terminar la prepa"],
              "supports": [
                { "name": "Coach Brennan", "relation": "coach" },
                { "name": "Mr. Diaz", "discreetName": "Profe" },
                { "name": "John", "relation": "friend" }
              ],
              "safePlaces": [
                { "name": "Harbor House", "address": "1 Example Ave", "phone": "510-555-0142" },
                { "name": "Casa de mi abuela", "discreetName": "Grandma's" }
              ],
              "codeWord": "blue sneakers",
              "advocateNotes": "Discussed CANRA.",
              "notes": "Ir al refugio en enero."
            }
            """)
        #expect(values["client"]?["name"] == .text("M. J. C."))
        #expect(values["advocate"]?["name"] == .text("Ana"))
        #expect(values["advocate"]?["organization"] == nil)
        #expect(values["advocate"]?["discreetName"] == nil)
        #expect(values["goals"] == .list([.text(""), .text("Terminar la prepa")]))
        let supports = values["supports"]?.elements ?? []
        #expect(supports.map { $0["name"] } == [.text("Coach B."), .text("Profe"), .text("John")])
        let places = values["safePlaces"]?.elements ?? []
        #expect(places[0]["name"] == nil, "an organisation's name is never shown")
        #expect(places[0]["address"] == nil)
        #expect(places[0]["phone"] == .text("510-555-0142"))
        #expect(places[1]["name"] == .text("Grandma's"))
        #expect(values["codeWord"] == nil)
        #expect(values["advocateNotes"] == nil)
        #expect(values["notes"] == .text(""))
    }

    @Test func aChosenNameThatRevealsIsNotShown() throws {
        let values = try Self.discreetValues(
            #"{ "supports": [{ "name": "Ana", "discreetName": "Ana from the shelter" }] }"#)
        #expect(values["supports"]?.elements.first?["name"] == .text(""))
    }

    @Test func anAgencyMayAddWords() throws {
        var library = TemplateLibrary.bundled
        let bundled = String(decoding: library.file(named: "discretion.xml")!.bytes, as: UTF8.self)
        let added = bundled.replacingOccurrences(
            of: "<language lang=\"en\">", with: "<language lang=\"en\">\n    <stem>bluebird</stem>")
        library = TemplateLibrary(
            files: library.files.merging(
                ["discretion.xml": TemplateLibrary.File(displayName: "agency/discretion.xml", bytes: Array(added.utf8))]
            ) { $1 })
        let workspace = try Workspace(library: library)
        #expect(workspace.catalog.discretion.isRevealing("Bluebirds cafe"))
    }

    @Test func theYouthHandoutHasADiscreetVersion() throws {
        let template = try Self.workspace.template(named: "youth-handout")
        for stage in Stage.allCases {
            let plain = Self.workspace.render(
                template: template, stage: stage, data: PlanData(), format: .text(width: 72))
            let discreet = Self.workspace.render(
                template: template, stage: stage, data: PlanData(), format: .text(width: 72), isDiscreet: true)
            #expect(plain != discreet, "\(stage)")
            #expect(discreet.hasPrefix("My page\n"))
        }
    }
}
