import Foundation
import Testing

@testable import SafetyPlanner

/// The wallet card (`handout card`): golden files in text and HTML, its layout, the lines
/// the youth chose, and what a person who finds it in a wallet can read on it.
@Suite struct CardGoldenTests {
    static let workspaces = Dictionary(
        uniqueKeysWithValues: ["en", "es"].map { ($0, try! Workspace.load(language: $0)) })
    static let sample = try! PlanData.parse(Golden.read("copies/youth-15.json"), file: "youth-15.json")

    static func card(
        _ stage: Stage, _ format: OutputFormat, language: String = "en", data: PlanData = sample,
        isDiscreet: Bool = true, card: CardOptions = CardOptions()
    ) throws -> String {
        let workspace = workspaces[language]!
        try workspace.checkCard(card, stage: stage, data: data, isDiscreet: isDiscreet)
        return workspace.render(
            template: try workspace.template(named: "wallet-card"), stage: stage, data: data, format: format,
            isDiscreet: isDiscreet, card: card)
    }

    /// The golden cases: the discreet default, `--no-discreet`, `--with-code-word`,
    /// Spanish, and a choice of lines.
    static let goldens: [(name: String, stage: Stage, language: String, isDiscreet: Bool, card: CardOptions)] = [
        ("card-discreet", .preparation, "en", true, CardOptions()),
        ("card-no-discreet", .preparation, "en", false, CardOptions()),
        ("card-code-word", .action, "en", true, CardOptions(showsCodeWord: true)),
        ("card-es", .contemplation, "es", true, CardOptions(showsCodeWord: true)),
        ("card-lines", .maintenance, "en", true, CardOptions(lines: ["lifeline-988", "emergency-911"], copies: 2)),
    ]

    @Test(arguments: goldens.indices)
    func golden(index: Int) throws {
        let item = Self.goldens[index]
        for (format, suffix) in [(OutputFormat.text(width: 72), "txt"), (.html, "html")] {
            let output = try Self.card(
                item.stage, format, language: item.language, isDiscreet: item.isDiscreet, card: item.card)
            Golden.assertMatches(output, "handouts/\(item.name).\(suffix)")
        }
    }

    @Test func templatesAreCards() throws {
        for workspace in Self.workspaces.values {
            #expect(try workspace.template(named: "wallet-card").kind == .card)
        }
    }

    /// Every line of a text card is exactly 40 columns, for long names too, at any `--width`.
    @Test(arguments: [20, 72, 400])
    func textIsBoxedAtFortyColumns(width: Int) throws {
        var data = Self.sample
        data.root = .record([
            "advocate": .record([
                "name": .text("Bartholomew-Alexandrina Wolfeschlegelsteinhausenbergerdorff"),
                "phone": .text("(510) 555-0142"),
            ]),
            "codeWord": .text("a very long code word that the youth chose to remember always"),
        ])
        for isDiscreet in [true, false] {
            let text = try Self.card(
                .preparation, .text(width: width), data: data, isDiscreet: isDiscreet,
                card: CardOptions(showsCodeWord: true, copies: 2))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let boxed = lines.filter { !$0.isEmpty }
            #expect(boxed.allSatisfy { DisplayWidth.of($0) == 40 }, "\(text)")
            #expect(boxed.allSatisfy { $0.hasPrefix("+") || $0.hasPrefix("| ") })
            #expect(boxed.filter { $0 == "+" + String(repeating: "-", count: 38) + "+" }.count == 8)
            // A phone number is never broken.
            #expect(text.contains("1-888-373-7888") && text.contains("(510) 555-0142"))
        }
    }

    /// The card's lines: the age's by default (Childhelp only under 18), else the choice.
    @Test func linesFollowTheAgeOrTheChoice() throws {
        let adult = try PlanData.parse(Array(#"{"client": {"age": 19}}"#.utf8), file: "a.json")
        let minor = try Self.card(.action, .text(width: 72))
        let grown = try Self.card(.action, .text(width: 72), data: adult)
        #expect(minor.contains("1-800-422-4453"))
        #expect(!grown.contains("1-800-422-4453"))
        let chosen = try Self.card(.action, .text(width: 72), card: CardOptions(lines: ["nrs", "emergency-911"]))
        #expect(chosen.contains("Youth line: call 1-800-786-2929."))
        #expect(chosen.range(of: "Youth line")!.lowerBound < chosen.range(of: "911")!.lowerBound)
        for number in ["1-888-373-7888", "988.", "1-800-422-4453"] { #expect(!chosen.contains(number)) }
    }

    /// The errors of `checkCard`, word for word.
    @Test func problemsAreExact() {
        let workspace = Self.workspaces["en"]!
        func problem(_ card: CardOptions, data: PlanData = Self.sample, isDiscreet: Bool = true) -> CardProblem? {
            do {
                try workspace.checkCard(card, stage: .action, data: data, isDiscreet: isDiscreet)
                return nil
            } catch { return error }
        }
        let lines = "emergency-911, nhth, lifeline-988, childhelp, nrs"
        #expect(
            problem(CardOptions(lines: ["childhlep"]))
                == CardProblem(
                    message: "--line 'childhlep' is not a line (did you mean 'childhelp'?); the lines are: \(lines)",
                    isUsage: true))
        #expect(
            problem(CardOptions(lines: ["zzzzzzzz"]))
                == CardProblem(message: "--line 'zzzzzzzz' is not a line; the lines are: \(lines)", isUsage: true))
        #expect(
            problem(CardOptions(lines: ["misssey"]))
                == CardProblem(
                    message: "--line 'misssey' is an organisation; the card holds lines only: \(lines)", isUsage: true))
        #expect(
            problem(CardOptions(lines: ["nhth", "nhth"]))
                == CardProblem(message: "--line 'nhth' is given twice", isUsage: true))
        #expect(
            problem(CardOptions(showsCodeWord: true), data: PlanData())
                == CardProblem(
                    message:
                        "--with-code-word needs a data file with a \"codeWord\"; give --data FILE, or leave out --with-code-word",
                    isUsage: true))
        var revealing = Self.sample
        revealing.root = .record(["codeWord": .text("call the police")])
        #expect(
            problem(CardOptions(showsCodeWord: true), data: revealing)
                == CardProblem(
                    message:
                        "codeWord: the code word has a word in it that could give the card away; choose another one with the youth, or leave out --with-code-word",
                    isUsage: false))
        #expect(problem(CardOptions(showsCodeWord: true), data: revealing, isDiscreet: false) == nil)
        #expect(problem(CardOptions(lines: ["nrs", "nhth", "lifeline-988", "childhelp", "emergency-911"])) == nil)
    }

    /// What the person who exploits the youth must not read on a discreet card, in any
    /// language the tool ships, whatever the stage, with the code word or without.
    static let giveaways = [
        "traffick", "hotline", "helpline", "police", "shelter", "advocate", "safety plan", "code word", "abuse",
        "runaway", "suicide", "crisis", "victim", "exploit", "sex", "report", "childhelp", "lifeline", "safeline",
        "eastside", "rivera", "organization", "trata", "explotaci", "víctima", "refugio", "policía", "denuncia",
        "abuso", "palabra clave", "línea directa", "defensor", "plan de seguridad", "crisis", "suicidio",
        "humantrafficking", ".org",
    ]

    @Test(arguments: Stage.allCases)
    func aDiscreetCardTellsNothing(stage: Stage) throws {
        for language in ["en", "es"] {
            let policy = Self.workspaces[language]!.catalog.discretion
            for showsCodeWord in [false, true] {
                for format in [OutputFormat.text(width: 72), .html] {
                    let card = try Self.card(
                        stage, format, language: language, card: CardOptions(showsCodeWord: showsCodeWord))
                    let label = "\(language) \(stage.id) code word: \(showsCodeWord) \(format)"
                    let text = format == .html ? Self.visibleText(card) : card
                    #expect(!policy.isRevealing(text), "\(label)")
                    #expect(!Self.workspaces["en"]!.catalog.discretion.isRevealing(text), "\(label)")
                    let lowered = text.lowercased()
                    for word in Self.giveaways { #expect(!lowered.contains(word), "\(label): \(word)") }
                    #expect(card.contains("blue sneakers") == showsCodeWord, "\(label)")
                    #expect(card.contains("Ms. R."), "\(label)")
                    #expect(card.contains("(510) 555-0142"), "\(label)")
                }
            }
        }
    }

    /// `--no-discreet`: the lines' own names from preparation on (neutral names before,
    /// as on the youth handout), the advocate's name as given, and still no code word
    /// unless asked.
    @Test func notDiscreetPrintsNames() throws {
        let later = try Self.card(.preparation, .text(width: 72), isDiscreet: false)
        #expect(later.contains("National Runaway Safeline"))
        #expect(later.contains("Ms. Rivera"))
        #expect(!later.contains("blue sneakers"))
        let early = try Self.card(.contemplation, .text(width: 72), isDiscreet: false)
        #expect(early.contains("Youth line") && !early.contains("Runaway"))
        let asked = try Self.card(.action, .text(width: 72), isDiscreet: false, card: CardOptions(showsCodeWord: true))
        #expect(asked.contains("My code word: blue sneakers"))
    }

    /// The advocate goes by the `discreetName` the youth chose, else a title and an initial.
    @Test func theAdvocateByTheNameTheYouthChose() throws {
        let data = try PlanData.parse(
            Array(#"{"advocate": {"name": "Ms. Rivera", "discreetName": "Bea", "phone": "510-555-0100"}}"#.utf8),
            file: "a.json")
        let discreet = try Self.card(.action, .text(width: 72), data: data)
        #expect(discreet.contains("| Bea: 510-555-0100 "))
        #expect(!discreet.contains("Rivera"))
        let named = try Self.card(.action, .text(width: 72), data: data, isDiscreet: false)
        #expect(named.contains("| Ms. Rivera: 510-555-0100 "))
    }

    /// The HTML card: the page's Content-Security-Policy, one front and one back per copy
    /// with 8 crop marks each, backs in the mirrored column, and the paper in `@page`.
    @Test func htmlLaysOutFrontsAndMirroredBacks() throws {
        for (paper, size) in [(CardOptions.Paper.letter, "size: letter"), (.a4, "size: A4")] {
            let html = try Self.card(.preparation, .html, card: CardOptions(copies: 3, paper: paper))
            #expect(html.contains("default-src 'none'; style-src 'unsafe-inline'"))
            #expect(html.contains("@page { \(size); margin: 0; }"))
            #expect(html.components(separatedBy: "<div class=\"face\">").count - 1 == 6)
            #expect(html.components(separatedBy: "<div class=\"mark ").count - 1 == 48)
            let fronts = html.range(of: "<div class=\"sheet fronts\">")!
            let backs = html.range(of: "<div class=\"sheet backs\">")!
            let frontSlots = Self.slots(in: String(html[fronts.upperBound..<backs.lowerBound]))
            let backSlots = Self.slots(in: String(html[backs.upperBound...]))
            #expect(frontSlots == [0, 1, 2])
            #expect(backSlots == [1, 0, 3])
            #expect(html.contains("width: 85.6mm; height: 54mm;"))
            #expect(!html.contains("<script"))
        }
    }

    /// The geometry: cards 85.6 × 54 mm centred on the paper, inside it, marks outside.
    @Test func sheetGeometry() {
        #expect(HTMLRenderer.CardSheet.mm(8560) == "85.6mm")
        #expect(HTMLRenderer.CardSheet.mm(-12) == "-0.12mm")
        #expect(HTMLRenderer.CardSheet.mm(5400) == "54mm")
        for paper in CardOptions.Paper.allCases {
            let sheet = HTMLRenderer.CardSheet(paper)
            #expect(sheet.left * 2 + 2 * 8560 + 1200 == sheet.width)
            #expect(sheet.left > 550 + 500)  // the marks stay 5 mm inside the paper's edge
            #expect(sheet.top > 550 + 500)
        }
    }

    /// A face steps its type down (8.5pt, 7.5pt, 7pt) as it holds more, so nothing is cut
    /// off: five lines by their own names in Spanish need the smaller type.
    @Test func typeStepsDownForLongFaces() throws {
        func sizes(_ language: String, isDiscreet: Bool) throws -> [String] {
            let html = try Self.card(.preparation, .html, language: language, isDiscreet: isDiscreet)
            return html.components(separatedBy: "<div class=\"face").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
        }
        #expect(try sizes("en", isDiscreet: true) == ["", ""])
        #expect(try sizes("es", isDiscreet: true) == ["", ""])
        #expect(try sizes("es", isDiscreet: false) == [" small", ""])
        let long = DocumentNode.list(
            ordered: false,
            items: Array(repeating: [.paragraph([.text(String(repeating: "word ", count: 30))])], count: 5))
        #expect(HTMLRenderer.typeSize(of: [long]) == " smaller")
        #expect(HTMLRenderer.typeSize(of: [.paragraph([.text("Ms. R.: (510) 555-0142")])]) == "")
    }

    static func slots(in html: String) -> [Int] {
        html.components(separatedBy: "<div class=\"card slot-").dropFirst().map { Int($0.prefix(1))! }
    }

    /// The text of an HTML page a reader sees: its body without tags.
    static func visibleText(_ html: String) -> String {
        let body = html.components(separatedBy: "<body>").last ?? html
        var text = ""
        var inTag = false
        for character in body {
            if character == "<" {
                inTag = true
                text += " "
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return text.replacingOccurrences(of: "&amp;", with: "&")
    }
}
