import Foundation
import Testing

/// End-to-end runs of `safetyplan assess`: the sample, exit codes and exact errors,
/// `--record`, `--interactive` on piped answers, and the PDF.
@Suite struct AssessCommandTests {
    @Test func theSampleInTextAndHTML() throws {
        let text = try ToolRunner.run(["assess", "--data", "Samples/assessment.json"])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardError == "")
        #expect(text.standardOutput == ToolRunner.sample("assessment.txt"))
        let html = try ToolRunner.run(["assess", "--data", "Samples/assessment.json", "--format", "html"])
        #expect(html.status == 0)
        #expect(html.standardOutput == ToolRunner.sample("assessment.html"))
    }

    @Test func spanish() throws {
        let result = try ToolRunner.run([
            "assess", "--data", "Samples/assessment.json", "--language", "es", "--width", "400",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Reconocer la etapa juntos\n"))
        #expect(result.standardOutput.contains("Lo que decide es cómo ve la o el joven dónde está."))
    }

    @Test func usageErrors() throws {
        let none = try ToolRunner.run(["assess"])
        #expect(none.status == 64)
        #expect(
            none.standardError.hasPrefix(
                "Error: Give --data FILE (a data file with an \"assessment\"), or --interactive.\n"))
        let discreet = try ToolRunner.run(["assess", "--data", "Samples/assessment.json", "--discreet"])
        #expect(discreet.status == 64)
        #expect(
            discreet.standardError
                == "error: assessment is written for helpers and has no discreet version; --discreet is for what a youth keeps (plans, forms, the youth handout and the wallet card)\n"
        )
        #expect(discreet.standardOutput == "")
        let same = try ToolRunner.run([
            "assess", "--data", "Samples/assessment.json", "--record", "a.json", "-o", "a.json",
        ])
        #expect(same.status == 64)
        #expect(
            same.standardError.hasPrefix(
                "Error: --record and -o name the same file; give the data file its own name.\n"))
        let pdf = try ToolRunner.run(["assess", "--data", "Samples/assessment.json", "--format", "pdf"])
        #expect(pdf.status == 64)
    }

    @Test func dataErrorsAreExactAndTellNoValue() throws {
        let folder = try ToolRunner.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.json")
        try Data(
            """
            {
              "client": { "name": "Secret Name" },
              "assessment": { "observed": ["pc-defensiv", "secret-sign"], "confidence": -1, "mood": "x" }
            }

            """.utf8
        ).write(to: bad)
        let result = try ToolRunner.run(
            ["assess", "--data", "bad.json", "--record", "kept.json", "-o", "out.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError == """
                bad.json:3:32: error: assessment.observed[0]: unknown sign (did you mean "pc-defensive"?); 'safetyplan list signs' lists them
                bad.json:3:47: error: assessment.observed[1]: unknown sign; 'safetyplan list signs' lists them
                bad.json:3:77: error: assessment.confidence: expected a whole number from 0 to 10
                bad.json:3:81: error: assessment: unknown key

                """)
        #expect(!result.standardError.contains("secret") && !result.standardError.contains("Secret"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.json"], "nothing written")
        let empty = folder.appendingPathComponent("empty.json")
        try Data(#"{ "client": { "name": "Sam" } }"#.utf8).write(to: empty)
        let missing = try ToolRunner.run(["assess", "--data", "empty.json"], in: folder)
        #expect(missing.status == 1)
        #expect(
            missing.standardError
                == "empty.json:1:1: error: the data file has no \"assessment\"; add one (see the README) or give --interactive\n"
        )
    }

    @Test func recordAddsTheEntryOnceAndTheAdvocateCopyShowsIt() throws {
        let folder = try ToolRunner.temporaryFolder()
        let data = folder.appendingPathComponent("alex.json")
        try Data(ToolRunner.sample("assessment.json").utf8).write(to: data)
        let first = try ToolRunner.run(
            ["assess", "--data", "alex.json", "--record", "alex.json", "-o", "a.txt"], in: folder)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(
            first.standardError
                == "Recorded the assessment in alex.json (only you can read it); the advocate copy of the plan shows it under earlier stages.\n"
        )
        let attributes = try FileManager.default.attributesOfItem(atPath: data.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let recorded = String(decoding: try Data(contentsOf: data), as: UTF8.self)
        #expect(
            recorded.contains(
                """
                    {
                      "stage": "contemplation",
                      "date": "2026-11-30",
                      "suggested": ["pre-contemplation", "preparation"]
                    }
                """))
        // Again: nothing new.
        let again = try ToolRunner.run(
            ["assess", "--data", "alex.json", "--record", "alex.json", "-o", "b.txt"], in: folder)
        #expect(again.status == 0)
        #expect(
            again.standardError == "The assessment was already in the history of alex.json; it was not added again.\n")
        #expect(String(decoding: try Data(contentsOf: data), as: UTF8.self) == recorded)
        // The advocate copy lists it; the youth copy is the one made without any assessment.
        let advocate = try ToolRunner.run(["generate", "--data", "alex.json", "--audience", "advocate"], in: folder)
        #expect(advocate.status == 0)
        #expect(advocate.standardOutput.contains("- pre-contemplation (2026-08-14)\n- contemplation (2026-11-30)\n"))
        let youth = try ToolRunner.run(["generate", "--data", "alex.json"], in: folder)
        let original = try ToolRunner.run(["generate", "--data", "Samples/assessment.json"])
        #expect(youth.standardOutput == original.standardOutput)
        #expect(!youth.standardOutput.contains("Pre-contemplation") && !youth.standardOutput.contains("I just need"))
        // The document printed shows the conversation just recorded among the earlier stages.
        let printed = String(decoding: try Data(contentsOf: folder.appendingPathComponent("a.txt")), as: UTF8.self)
        #expect(
            printed.contains(
                "- 2026-08-14: the youth said pre-contemplation.\n- 2026-11-30: the youth said contemplation; what you noticed pointed to\n  pre-contemplation and preparation.\n"
            ))
    }

    @Test func interactiveOnPipedAnswers() throws {
        let folder = try ToolRunner.temporaryFolder()
        // Date; signs 9 and 16 (saving money, places to stay) and 12 (turns down services);
        // the youth's words; stage 2; ruler 7 and 3; then shelter (2) with 9 16 and stage 3;
        // then the end of input.
        let answers = "2026-11-30\n12 9 16\nI just need my own place.\n2\n7\n3\n2\n9 16\n\n3\n\n\n\n"
        let result = try ToolRunner.run(
            ["assess", "--interactive", "--record", "new.json", "-o", "out.txt"], input: answers, in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("  17. May move to a new place.\n"))
        #expect(
            result.standardError.hasSuffix(
                "Recorded the assessment in new.json (only you can read it); the advocate copy of the plan shows it under earlier stages.\n"
            ))
        let saved = String(decoding: try Data(contentsOf: folder.appendingPathComponent("new.json")), as: UTF8.self)
        #expect(saved.contains(#""observed": ["pc-turns-down-services", "pr-saving-money", "pr-exploring-places"]"#))
        #expect(saved.contains(#""domain": "shelter""#))
        let document = String(decoding: try Data(contentsOf: folder.appendingPathComponent("out.txt")), as: UTF8.self)
        #expect(document.contains("- What you noticed points most to: Preparation.\n"))
        #expect(document.contains("- What the youth says: Contemplation, “I just need my own place.”\n"))
        // The saved file gives the same document when read back.
        let again = try ToolRunner.run(["assess", "--data", "new.json"], in: folder)
        #expect(again.standardOutput == document)
    }

    @Test func listSignsShowsTheIdsInTheOrderAdvocatesSeeThem() throws {
        let result = try ToolRunner.run(["list", "signs"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 17)
        #expect(lines.first?.hasPrefix("pr-decided") == true)
        #expect(lines.dropFirst().first?.hasPrefix("pc-not-a-victim") == true)
    }

    @Test func help() throws {
        let result = try ToolRunner.run(["assess", "--help"])
        #expect(result.status == 0)
        for option in ["--data <FILE>", "--interactive", "--record <FILE>", "--format <format>", "--language <LANG>"] {
            #expect(result.standardOutput.contains(option), "\(option)")
        }
        #expect(result.standardOutput.contains("It prints no score"))
    }

    @Test(.enabled(if: PDFCommandTests.hasTools, "needs chromium and poppler-utils, which CI installs"))
    func pdf() throws {
        let (_, text, pages) = try PDFCommandTests.makePDF(["assess", "--data", "Samples/assessment.json"])
        #expect((2...6).contains(pages ?? 0), "pages: \(String(describing: pages))")
        for expected in [
            "Recognising the Stage Together", "What you noticed points most to:", "Signs you may have seen",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
    }
}
