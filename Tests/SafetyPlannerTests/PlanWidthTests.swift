import Testing

@testable import SafetyPlanner

/// No printed line is wider than `--width` display columns, whatever the data holds.
@Suite struct PlanWidthTests {
    static let workspace = try! Workspace.load()

    static let data = try! PlanData.parse(
        Array(
            """
            {
              "client": { "name": "안전한 미래를 꿈꾸는 지우", "pronouns": "she/her" },
              "advocate": { "name": "José Ramón Núñez-Gutiérrez", "phone": "(510) 555-0142" },
              "goals": ["学校を卒業して、自分の部屋を持つこと、そして毎日安心して眠ること", "👩‍👩‍👧 Spend Sundays with my family 👍🏽👍🏽👍🏽"],
              "supports": [{ "name": "Zoë", "relation": "cousin", "phone": "+1 (510) 555-0187" }],
              "safePlaces": [{ "name": "Supercalifragilisticexpialidociousandevenlongerthanthatwithnospaces_at_all_anywhere_here", "address": "e\\u0301e\\u0301e\\u0301 combining marks" }],
              "codeWord": "ありがとうございましたありがとうございましたありがとうございました",
              "notes": "مرحبا بك في خطتك — right-to-left text"
            }
            """.utf8), file: "wide.json")

    @Test(arguments: [40, 72, 100])
    func everyStageFitsTheWidth(width: Int) throws {
        let template = try Self.workspace.template(named: "plan")
        for stage in Stage.allCases {
            let text = Self.workspace.render(
                template: template, stage: stage, data: Self.data, format: .text(width: width))
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(DisplayWidth.of(line) <= width, "\(stage) at \(width): \(line)")
            }
            #expect(text.contains("지우"))
        }
    }
}
