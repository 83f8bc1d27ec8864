import Foundation
import Testing

@testable import SafetyPlanner

/// `ContentLinter` on an agency folder with one problem of each rule (`Fixtures/lint/agency`),
/// and on the bundled templates, which have no error.
@Suite struct LintTests {
    static let agency = Golden.fixtures.appendingPathComponent("lint/agency").path
    static let linter = ContentLinter(today: "2026-12-01")

    /// The agency folder's report, its paths relative to `Fixtures/lint`.
    static func agencyReport() throws -> LintReport {
        let (library, names) = try TemplateLibrary.bundled.overlaid(withPaths: [agency], maximumBytes: 1 << 20)
        var report = linter.lint(library, only: names)
        let prefix = Golden.fixtures.appendingPathComponent("lint").path + "/"
        for index in report.diagnostics.indices {
            report.diagnostics[index].location.file = String(
                report.diagnostics[index].location.file.dropFirst(prefix.count))
        }
        return report
    }

    @Test func everyRuleOnceWithItsPlace() throws {
        let report = try Self.agencyReport()
        Golden.assertMatches(report.text, "lint/agency.txt")
        Golden.assertMatches(report.json, "lint/agency.json")
        // Each rule is found, each at the word or element it is about.
        let byRule = Dictionary(grouping: report.diagnostics, by: \.rule)
        #expect(Set(byRule.keys) == Set(LintRule.allCases))
        #expect(report.errorCount == 17 && report.warningCount == 6 && report.lintedFiles == 8)
        let places = report.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column)" }
        #expect(places.contains("agency/catalog/stages.xml:6:31"))  // "pimp"
        #expect(places.contains("agency/catalog/stages.xml:7:43"))  // "you must", pre-contemplation
        #expect(places.contains("agency/catalog/stages.xml:12:14"))  // "victim", on the text's second line
        #expect(places.contains("agency/handouts/youth-handout.xml:5:43"))  // "trafficking" inside <em>
        #expect(places.contains("agency/es/catalog/stages.xml:4:45"))  // the second "tienes que"
        #expect(places.contains("agency/catalog/words.xml:5:55"))  // a question's hint
        #expect(places.contains("agency/handouts/youth-handout.xml:6:23"))  // a field's label
    }

    @Test func whatIsNotAProblem() throws {
        let report = try Self.agencyReport()
        let text = report.text
        // Reassurance ("you do not have to", "no tienes que"), a condition ("if you have to
        // talk", "if you need to leave"), a name ("John"), a helper's duty ("helpers have
        // to"), the advocate copy and a provider handout are left alone.
        #expect(!text.contains("agency/catalog/stages.xml:8:"))
        #expect(!text.contains("\"john\""))
        #expect(!text.contains("agency/catalog/guidance.xml:6:"))
        #expect(!text.contains("agency/catalog/words.xml:4:"))
        #expect(!text.contains("youth-handout.xml:11:"))
        #expect(!text.contains("provider-handout.xml"))
        #expect(!text.contains("es/catalog/stages.xml:4:12"))
        // A verified date within 12 months.
        #expect(!text.contains("\"teen-line\" was last verified"))
    }

    /// The example of the DocC article `ContentChecks.md`, which shows these lines.
    static func example() -> LintReport {
        let linter = ContentLinter(today: "2026-12-01")
        let report = linter.lint(TemplateLibrary.bundled)
        return report
    }

    @Test func theArticleShowsThisCode() throws {
        let article = try String(
            contentsOf: Golden.packageRoot.appendingPathComponent(
                "Sources/SafetyPlanner/SafetyPlanner.docc/ContentChecks.md"),
            encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        for line in [
            "let linter = ContentLinter(today: \"2026-12-01\")", "let report = linter.lint(TemplateLibrary.bundled)",
        ] {
            #expect(article.contains(line) && source.contains(line), "\(line)")
        }
        #expect(article.contains("six one-sentence blocks"))
        #expect(Self.example().diagnostics.filter { $0.rule == .readingLevel }.count == 6)
    }

    @Test func theBundledTemplatesHaveNoError() {
        let report = Self.example()
        #expect(report.lintedFiles == TemplateLibrary.bundled.allFileNames.count)
        #expect(report.errorCount == 0, "\(report.diagnostics.filter { $0.severity == .error })")
        // No stigmatizing term, pressure or label anywhere in the shipped files.
        for rule in [LintRule.stigmatizingTerm, .pressure, .label, .xml, .legalItem, .resourceSource, .resourcePhone] {
            #expect(!report.diagnostics.contains { $0.rule == rule }, "\(rule)")
        }
        // No resource has been verified with its service yet (resources.xml says so), in
        // either language.
        let unverified = report.diagnostics.filter { $0.rule == .resourceVerified }
        #expect(unverified.count >= 20)
    }

    /// The term scan: whole words, plurals, any case; "john" only in lower case; the
    /// National Runaway Safeline by its own name.
    @Test func termsAreFoundAsWords() {
        func terms(_ text: String) -> [String] {
            let xml = "<resources xmlns=\"urn:safetyplanner:catalog:1\"><x>\(text)</x></resources>"
            return Self.linter.lint(Array(xml.utf8), file: "t.xml").filter { $0.rule == .stigmatizingTerm }
                .map { String($0.message.split(separator: "\"")[0]) }
        }
        #expect(terms("a Runaway youth") == ["runaway"])
        #expect(terms("no pimps here, no PIMP") == ["pimps", "pimp"])
        #expect(terms("a child prostitute") == ["child prostitute"])
        #expect(terms("John and johns") == ["johns"])
        #expect(terms("the National Runaway Safeline, 1800runaway.org") == [])
        #expect(terms("pimpernel, johnny") == [])
        #expect(terms("trabajadoras sexuales y un padrote") == ["trabajadoras sexuales", "padrote"])
    }

    /// A hostile file is one `xml` error, as `check` would report it, and nothing is read from it.
    @Test func hostileFilesAreOneError() {
        let doctype = """
            <?xml version="1.0"?>
            <!DOCTYPE stages [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <stages xmlns="urn:safetyplanner:catalog:1"><cycle audience="youth">&x; you must</cycle></stages>
            """
        let found = Self.linter.lint(Array(doctype.utf8), file: "bad.xml")
        #expect(found.count == 1 && found.first?.rule == .xml)
        #expect(found.first?.description.hasPrefix("bad.xml:2:") == true, "\(found)")
        #expect(Self.linter.lint([], file: "empty.xml").map(\.rule) == [.xml])
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(Self.linter.lint(Array(deep.utf8), file: "deep.xml").map(\.rule) == [.xml])
    }

    @Test func phoneNumbers() {
        for number in ["911", "988", "211", "1-888-373-7888", "888-373-7888", "8883737888", "1-800-786-2929"] {
            #expect(PhoneNumber.isDialable(number), "\(number)")
        }
        for number in ["555-0199", "123-456-7890", "1-088-373-7888", "12", "", "911-", "9-1-1-1", "988a"] {
            #expect(!PhoneNumber.isDialable(number), "\(number)")
        }
        #expect(PhoneNumber.isTextable("233733") && PhoneNumber.isTextable("988") && PhoneNumber.isTextable("741741"))
        #expect(!PhoneNumber.isTextable("12") && !PhoneNumber.isTextable("0123"))
    }

    @Test func verifiedDates() {
        let day = CalendarDay("2026-03-31")!
        #expect(day.monthsEarlier(12) == CalendarDay("2025-03-31"))
        #expect(day.monthsEarlier(1) == CalendarDay("2026-02-28"))
        #expect(CalendarDay("2024-02-29") != nil && CalendarDay("2026-02-29") == nil && CalendarDay("2026-1-5") == nil)
        func verified(_ date: String) -> [String] {
            let xml = """
                <resources xmlns="urn:safetyplanner:catalog:1"><resource id="r" verified="\(date)"><source>s</source></resource></resources>
                """
            return Self.linter.lint(Array(xml.utf8), file: "r.xml").map(\.description)
        }
        #expect(verified("2025-12-01") == [])
        #expect(
            verified("2025-11-30") == [
                "r.xml:1:48: warning: resource \"r\" was last verified on 2025-11-30, more than 12 months ago; call the service again and update verified= [resource-verified]"
            ])
        #expect(
            verified("2025-13-01") == [
                "r.xml:1:48: error: verified= of resource \"r\" is not a date written YYYY-MM-DD [resource-verified]"
            ])
    }

    @Test func jsonEscapesText() {
        let report = LintReport(
            lintedFiles: 1,
            diagnostics: [
                LintDiagnostic(
                    .error, .xml, "a \"quoted\" \\ word\u{1}", at: .init(file: "a\tb.xml", line: 2, column: 3))
            ])
        #expect(
            report.json == """
                {
                  "files": 1,
                  "errors": 1,
                  "warnings": 0,
                  "diagnostics": [
                    {"file": "a\\tb.xml", "line": 2, "column": 3, "severity": "error", "rule": "xml", "message": "a \\"quoted\\" \\\\ word\\u0001"}
                  ]
                }

                """)
        #expect(LintReport(lintedFiles: 0, diagnostics: []).json.hasSuffix("\"diagnostics\": []\n}\n"))
    }
}
