import Foundation
import Testing

@testable import SafetyPlanner

/// `<field format="phone">`: the maintenance support form's advocate phone is a `tel:` link
/// in HTML, in English and Spanish, plain and discreet; any other format is an error.
@Suite struct FormPhoneLinkTests {
    static let sample: PlanData = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/maintenance-support.json")
        return try! PlanData.parse(Array(try! Data(contentsOf: url)), file: "maintenance-support.json")
    }()

    @Test(arguments: [
        ("en", false, "How to reach my advocate:"), ("en", true, "How to reach them:"),
        ("es", false, "Cómo hablar con mi persona de apoyo:"), ("es", true, "Cómo hablar con esa persona:"),
    ])
    func advocatePhoneIsATelLink(language: String, isDiscreet: Bool, label: String) throws {
        let workspace = try Workspace.load(language: language)
        let form = try workspace.template(named: "maintenance-support")
        let html = workspace.render(
            template: form, stage: .maintenance, data: Self.sample, format: .html, isDiscreet: isDiscreet)
        #expect(
            html.contains(
                "<span class=\"label\">\(label.htmlEscaped)</span> <a href=\"tel:5105550163\">(510) 555-0163</a>"))
        let text = workspace.render(
            template: form, stage: .maintenance, data: Self.sample, format: .text(width: 400), isDiscreet: isDiscreet)
        #expect(text.contains("\(label) (510) 555-0163\n"))
    }
}
