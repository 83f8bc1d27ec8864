import Foundation
import Testing

@testable import SafetyPlanner

/// Every youth-facing document reads at US grade 6 or lower (Flesch-Kincaid) in English and
/// scores 70 or more (Fernández-Huerta, "bastante fácil") in Spanish, scored with the Swift
/// `Readability` (which `ReadabilityOracleTests` measures against textstat).
///
/// The documents are the youth handout, the youth copy of the plan (plain and discreet)
/// at every stage, and the maintenance support form, with no data, so only the catalog's
/// and templates' words are scored; rendered as text on one long line a paragraph, with
/// what is not prose dropped (heading underlines, list marks, web addresses, digits).
@Suite struct YouthDocumentReadabilityTests {
    struct Case: CustomStringConvertible {
        var template: String
        var stage: Stage
        var isDiscreet: Bool
        var language: String
        var description: String { "\(language) \(template) \(stage.id)\(isDiscreet ? " discreet" : "")" }
    }

    static let cases: [Case] = ["en", "es"].flatMap { language in
        Stage.allCases.flatMap { stage in
            [
                Case(template: "youth-handout", stage: stage, isDiscreet: false, language: language),
                Case(template: "plan", stage: stage, isDiscreet: false, language: language),
                Case(template: "plan", stage: stage, isDiscreet: true, language: language),
            ]
        } + [Case(template: "maintenance-support", stage: .maintenance, isDiscreet: false, language: language)]
    }

    /// The prose of a text document, as `Tests/readability-oracle.py` takes it.
    static func prose(_ text: String) -> String {
        func replacing(_ pattern: String, _ template: String, in line: String) -> String {
            let regex = try! NSRegularExpression(pattern: pattern)
            return regex.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: template)
        }
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.allSatisfy({ "=-_\u{0C}".contains($0) }) { continue }
            line = replacing("^[-|]\\s*", "", in: line)
            line = replacing("\\b[\\w.-]+\\.(org|com|gov)\\b", "", in: line)
            line = replacing("\\d[\\d-]*\\d|\\d", "", in: line)
            line = replacing("\\s+([,.:])", "$1", in: line).replacingOccurrences(of: ":,", with: ":")
            while let first = line.first, first == "." || first == " " { line.removeFirst() }
            if let last = line.last, !".!?".contains(last) { line += "." }
            if line.isEmpty { line = "." }
            lines.append(line)
        }
        return lines.joined(separator: " ")
    }

    static func render(_ item: Case) throws -> String {
        let workspace = try Workspace.load(language: item.language)
        let template = try workspace.template(named: item.template)
        return workspace.render(
            template: template, stage: item.stage, data: PlanData(), format: .text(width: 400, pageLength: 0),
            isDiscreet: item.isDiscreet, copy: .youth)
    }

    @Test func thereAreSixteenDocumentsALanguage() {
        #expect(Self.cases.count == 32)
    }

    @Test(arguments: cases)
    func readsPlainly(item: Case) throws {
        let text = Self.prose(try Self.render(item))
        if item.language == "es" {
            let score = Readability(text, language: .spanish).fernandezHuerta
            #expect(score >= ContentLinter.fernandezHuertaLimit, "\(item): Fernández-Huerta \(score)")
        } else {
            let grade = Readability(text, language: .english).fleschKincaidGrade
            #expect(grade <= ContentLinter.gradeLimit, "\(item): grade \(grade)")
        }
    }

    /// The prose is the oracle's: the corpus's documents are these documents.
    @Test func theProseIsTheOraclesProse() throws {
        let documents = ReadabilityOracleTests.corpus.filter { $0.kind == "document" }.map(\.text)
        let rendered = try Self.cases.filter { !($0.template == "maintenance-support") }.prefix(3).map {
            Self.prose(try Self.render($0))
        }
        for text in rendered {
            #expect(documents.contains(text), "\(text.prefix(80))")
        }
    }
}
