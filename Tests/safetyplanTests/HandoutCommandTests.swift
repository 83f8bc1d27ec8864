import Foundation
import Testing

/// End-to-end runs of `safetyplan handout`.
@Suite struct HandoutCommandTests {
    @Test func providerHandoutInBothFormats() throws {
        for format in ["text", "html"] {
            let result = try ToolRunner.run(["handout", "provider", "--format", format])
            #expect(result.status == 0, "\(format): \(result.standardError)")
            #expect(result.standardError == "")
            #expect(result.standardOutput.contains("Meeting Youth Where They Are"))
            #expect(result.standardOutput.contains("1-888-373-7888"))
        }
    }

    @Test func youthHandoutForEveryStage() throws {
        var outputs: Set<String> = []
        for stage in ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"] {
            for format in ["text", "html"] {
                let result = try ToolRunner.run([
                    "handout", "youth", "--stage", stage, "--format", format, "--width", "60",
                ])
                #expect(result.status == 0, "\(stage) \(format): \(result.standardError)")
                #expect(result.standardOutput.contains("Help When You Want It"))
                outputs.insert(result.standardOutput)
            }
        }
        #expect(outputs.count == 10)
    }

    @Test func youthHandoutNeedsAStage() throws {
        let result = try ToolRunner.run(["handout", "youth"])
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("--stage"))
    }

    @Test func providerHandoutTakesNoStage() throws {
        let result = try ToolRunner.run(["handout", "provider", "--stage", "action"])
        #expect(result.status == 64)
    }

    @Test func unknownAudienceIsAUsageError() throws {
        let result = try ToolRunner.run(["handout", "parent"])
        #expect(result.status == 64)
    }

    @Test func writesAPrivateFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        let target = folder.appendingPathComponent("handout.html").path
        let result = try ToolRunner.run(["handout", "youth", "--stage", "action", "--format", "html", "-o", target])
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    // MARK: - The wallet card

    static let lines = "emergency-911, nhth, lifeline-988, childhelp, nrs"

    @Test func cardFromTheSampleIsDiscreetByDefault() throws {
        let result = try ToolRunner.run([
            "handout", "card", "--stage", "preparation", "--data", "Samples/preparation.json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError == "")
        let text = result.standardOutput
        #expect(text.hasPrefix("+--------------------------------------+\n| My numbers "))
        #expect(text.contains("| Ms. R.: (510) 555-0142 "))
        for absent in ["Rivera", "Eastside", "blue sneakers", "Trafficking", "Runaway", "Jordan"] {
            #expect(!text.contains(absent), "\(absent)")
        }
        // The stage comes from the data file too, and --discreet is accepted (the default).
        let same = try ToolRunner.run(["handout", "card", "--data", "Samples/preparation.json", "--discreet"])
        #expect(same.status == 0)
        #expect(same.standardOutput == text)
        // --width does not apply to a card: the box stays 40 columns.
        let wide = try ToolRunner.run(["handout", "card", "--data", "Samples/preparation.json", "--width", "100"])
        #expect(wide.standardOutput == text)
    }

    @Test func cardOptions() throws {
        let named = try ToolRunner.run([
            "handout", "card", "--data", "Samples/preparation.json", "--no-discreet", "--with-code-word",
        ])
        #expect(named.status == 0, "\(named.standardError)")
        #expect(named.standardOutput.contains("| Ms. Rivera: (510) 555-0142 "))
        #expect(named.standardOutput.contains("| My code word: blue sneakers "))
        #expect(named.standardOutput.contains("National Runaway Safeline"))
        let word = try ToolRunner.run(["handout", "card", "--data", "Samples/preparation.json", "--with-code-word"])
        #expect(word.standardOutput.contains("| My word: blue sneakers "))
        let chosen = try ToolRunner.run([
            "handout", "card", "--stage", "action", "--line", "lifeline-988", "--line", "emergency-911", "--copies",
            "3",
        ])
        #expect(chosen.status == 0)
        #expect(chosen.standardOutput.components(separatedBy: "| My numbers ").count - 1 == 3)
        #expect(chosen.standardOutput.contains("Talk line: call or text 988."))
        #expect(!chosen.standardOutput.contains("1-888-373-7888"))
        let html = try ToolRunner.run([
            "handout", "card", "--stage", "action", "--format", "html", "--copies", "2", "--paper", "a4",
        ])
        #expect(html.status == 0)
        #expect(html.standardOutput.contains("@page { size: A4; margin: 0; }"))
        #expect(html.standardOutput.components(separatedBy: "<div class=\"face\">").count - 1 == 4)
        let spanish = try ToolRunner.run(["handout", "card", "--stage", "contemplation", "--language", "es"])
        #expect(spanish.standardOutput.contains("| Mis números "))
    }

    /// Every error of the card, word for word, with its exit code; none echoes a data value.
    @Test func cardErrorsAreExact() throws {
        let usage =
            "Usage: safetyplan handout [<options>] <audience>\n  See 'safetyplan handout --help' for more information.\n"
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["card"], 64, "Error: The card needs --stage, or a data file with a \"stage\" key.\n" + usage),
            (
                ["card", "--stage", "action", "--line", "childhlep"], 64,
                "error: --line 'childhlep' is not a line (did you mean 'childhelp'?); the lines are: \(Self.lines)\n"
            ),
            (
                ["card", "--stage", "action", "--line", "zzzzzzzz"], 64,
                "error: --line 'zzzzzzzz' is not a line; the lines are: \(Self.lines)\n"
            ),
            (
                ["card", "--stage", "action", "--line", "misssey"], 64,
                "error: --line 'misssey' is an organisation; the card holds lines only: \(Self.lines)\n"
            ),
            (
                ["card", "--stage", "action", "--line", "nhth", "--line", "nhth"], 64,
                "error: --line 'nhth' is given twice\n"
            ),
            (
                ["card", "--stage", "action", "--with-code-word"], 64,
                "error: --with-code-word needs a data file with a \"codeWord\"; give --data FILE, or leave out --with-code-word\n"
            ),
            (
                ["card", "--stage", "action", "--copies", "9"], 64,
                "Error: --copies must be from 1 to 8 (8 cards fit on one sheet).\n" + usage
            ),
            (
                ["card", "--stage", "action", "--copies", "0"], 64,
                "Error: --copies must be from 1 to 8 (8 cards fit on one sheet).\n" + usage
            ),
            (
                ["card", "--stage", "action", "--discreet", "--no-discreet"], 64,
                "Error: --discreet and --no-discreet contradict each other; the card is discreet unless --no-discreet is given.\n"
                    + usage
            ),
            (
                ["youth", "--stage", "action", "--line", "nhth"], 64,
                "Error: --line is only for the wallet card (handout card).\n" + usage
            ),
            (
                ["provider", "--copies", "2"], 64,
                "Error: --copies is only for the wallet card (handout card).\n" + usage
            ),
            (
                ["youth", "--stage", "action", "--data", "Samples/preparation.json"], 64,
                "Error: --data is only for the wallet card (handout card).\n" + usage
            ),
        ]
        for (arguments, status, message) in cases {
            let result = try ToolRunner.run(["handout"] + arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.standardError == message, "\(arguments)")
            #expect(result.standardOutput == "", "\(arguments)")
        }
        // A code word that would give the card away is refused, without echoing it (exit 1).
        let folder = try ToolRunner.temporaryFolder()
        let data = folder.appendingPathComponent("word.json")
        try Data(#"{"stage": "action", "codeWord": "the police station"}"#.utf8).write(to: data)
        let revealing = try ToolRunner.run(["handout", "card", "--data", data.path, "--with-code-word"])
        #expect(revealing.status == 1)
        #expect(
            revealing.standardError
                == "error: codeWord: the code word has a word in it that could give the card away; choose another one with the youth, or leave out --with-code-word\n"
        )
        #expect(!revealing.standardError.contains("police"))
        // Other commands do not make the card (it would not be discreet by default there).
        let generate = try ToolRunner.run(["generate", "--template", "wallet-card", "--stage", "action"])
        #expect(generate.status == 64)
        #expect(
            generate.standardError
                == "error: wallet-card is a wallet card; make it with 'safetyplan handout card' (discreet unless --no-discreet)\n"
        )
    }

    @Test func cardHelpShowsItsOptions() throws {
        let result = try ToolRunner.run(["handout", "--help"])
        #expect(result.status == 0)
        let help = result.standardOutput.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(
            separator: " ")
        for expected in [
            "provider, youth or card", "--line <ID>", "--with-code-word", "--no-discreet", "--copies <N>",
            "--paper <letter|a4>", "--data <FILE>", "discreet by default",
        ] {
            #expect(help.contains(expected), "\(expected)")
        }
    }
}
