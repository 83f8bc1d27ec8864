import Foundation
import Testing

/// End-to-end runs in Spanish: the samples, the options, the interactive form, batch by
/// record, and `check` comparing a broken Spanish file with the English one.
@Suite struct LanguageCommandTests {
    static func bundled(_ path: String) -> String {
        String(
            decoding: FileManager.default.contents(atPath: ToolRunner.packageRoot.appendingPathComponent(path).path)!,
            as: UTF8.self)
    }

    @Test func theSpanishSampleIsSpanishFromItsData() throws {
        let text = try ToolRunner.run(["generate", "--stage", "preparation", "--data", "Samples/preparation-es.json"])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput == ToolRunner.sample("preparation-es.txt"))
        let html = try ToolRunner.run([
            "generate", "--stage", "preparation", "--data", "Samples/preparation-es.json", "--format", "html",
        ])
        #expect(html.standardOutput == ToolRunner.sample("preparation-es.html"))
        #expect(html.standardOutput.contains("<html lang=\"es\">"))
    }

    @Test func theOptionWinsOverTheData() throws {
        let english = try ToolRunner.run(["generate", "--data", "Samples/preparation-es.json", "--language", "en"])
        #expect(english.status == 0)
        #expect(english.standardOutput.hasPrefix("My Safety Plan\n"))
        let spanish = try ToolRunner.run(["generate", "--data", "Samples/preparation.json", "--language", "es"])
        #expect(spanish.standardOutput.hasPrefix("Mi plan de seguridad\n"))
    }

    @Test func theAdvocateCopyMayBeInTheAdvocatesLanguage() throws {
        let result = try ToolRunner.run([
            "generate", "--data", "Samples/preparation-es.json", "--audience", "advocate", "--advocate-language", "en",
        ])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("My Safety Plan\n"))
        #expect(result.standardOutput.contains("For the advocate"))
        #expect(result.standardOutput.contains("Terminar el décimo grado"))
        // The youth's copy stays in the youth's language.
        let youth = try ToolRunner.run([
            "generate", "--data", "Samples/preparation-es.json", "--advocate-language", "en",
        ])
        #expect(youth.standardOutput.hasPrefix("Mi plan de seguridad\n"))
    }

    @Test(arguments: [
        ["generate", "--stage", "preparation"], ["handout", "youth", "--stage", "action"],
        ["fill", "maintenance-support"],
        ["batch", "--data", "Samples/preparation.json", "-o", "never.txt"],
    ])
    func anUnknownLanguageIsAUsageErrorListingTheOnesThere(command: [String]) throws {
        let result = try ToolRunner.run(command + ["--language", "fr"])
        #expect(result.status == 64)
        #expect(
            result.standardError
                == "error: there are no templates in the language 'fr'; the languages available are en, es\n")
        #expect(result.standardOutput == "")
    }

    @Test func handoutsInSpanish() throws {
        let youth = try ToolRunner.run(["handout", "youth", "--stage", "contemplation", "--language", "es"])
        #expect(youth.standardOutput.hasPrefix("Ayuda cuando la quieras\n"))
        let provider = try ToolRunner.run([
            "handout", "provider", "--language", "es", "--page-length", "66", "--page-numbers",
        ])
        #expect(provider.standardOutput.contains("explotación sexual comercial de niños, niñas y adolescentes"))
        #expect(provider.standardOutput.contains("Página 1 de 2"))
    }

    @Test func theInteractiveFormAsksInSpanish() throws {
        let result = try ToolRunner.run(
            ["fill", "maintenance-support", "--language", "es", "--interactive"], input: "Maya\nmañana\n2026-12-01\n")
        #expect(result.status == 0)
        #expect(
            result.standardError.hasPrefix(
                "\nMi nombre\n  Tu nombre de pila o un apodo está bien. Déjalo vacío para escribirlo a mano después.\n> "
                    + "\nFecha\n  Escríbela como AAAA-MM-DD, por ejemplo 2026-12-01, o escribe hoy. Déjalo vacío para escribirlo a mano después.\n> "
                    + "  Escribe la fecha como AAAA-MM-DD (por ejemplo 2026-12-01), u hoy, o déjala vacía.\n> "))
        #expect(result.standardError.hasSuffix("> \nSe escribió la copia para la o el joven en la salida estándar.\n"))
        #expect(result.standardOutput.contains("Mi nombre: Maya\n\nFecha: 1 de diciembre de 2026\n"))
    }

    @Test func batchFollowsEachRecordsLanguage() throws {
        let folder = try ToolRunner.temporaryFolder()
        let records = folder.appendingPathComponent("records.jsonl")
        try Data(
            """
            {"id": "uno", "stage": "action", "client": {"language": "es"}}
            {"id": "two", "stage": "action", "client": {"language": "en"}}
            {"id": "tres", "stage": "action", "client": {"language": "es-MX"}}
            {"id": "four", "stage": "action"}

            """.utf8
        ).write(to: records)
        let output = folder.appendingPathComponent("out")
        let result = try ToolRunner.run(["batch", "--data", records.path, "--output-dir", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        func first(_ name: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(name + ".txt"), encoding: .utf8)
                .split(separator: "\n").first.map(String.init) ?? ""
        }
        #expect(try first("uno") == "Mi plan de seguridad")
        #expect(try first("two") == "My Safety Plan")
        #expect(try first("tres") == "Mi plan de seguridad")
        #expect(try first("four") == "My Safety Plan")
        let forced = folder.appendingPathComponent("forced")
        _ = try ToolRunner.run(["batch", "--data", records.path, "--output-dir", forced.path, "--language", "en"])
        #expect(
            try String(contentsOf: forced.appendingPathComponent("uno.txt"), encoding: .utf8).hasPrefix(
                "My Safety Plan\n"))
    }

    @Test func checkReportsABrokenSpanishFileExactly() throws {
        let folder = try ToolRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("es/documents"), withIntermediateDirectories: true)
        // The Spanish plan with the goals list asking for another data path and the
        // strengths list numbered, which the English plan does not do.
        let plan = Self.bundled("Templates/es/documents/plan.xml")
            .replacingOccurrences(
                of: #"<list of="goals" as="goal" style="number">"#, with: #"<list of="goals" as="goal">"#
            )
            .replacingOccurrences(
                of: #"<list of="strengths" as="strength">"#,
                with: #"<list of="strengths" as="strength" style="number">"#)
        let path = folder.appendingPathComponent("es/documents/plan.xml").path
        try Data(plan.utf8).write(to: URL(fileURLWithPath: path))
        let lines = plan.split(separator: "\n", omittingEmptySubsequences: false)
        let goals = lines.firstIndex { $0.contains(#"<list of="goals""#) }! + 1
        let strengths = lines.firstIndex { $0.contains(#"<list of="strengths""#) }! + 1
        let english = Self.bundled("Templates/documents/plan.xml").split(
            separator: "\n", omittingEmptySubsequences: false)
        let englishGoals = english.firstIndex { $0.contains(#"<list of="goals""#) }! + 1
        let englishStrengths = english.firstIndex { $0.contains(#"<list of="strengths""#) }! + 1

        let result = try ToolRunner.run(["check", folder.path])
        #expect(result.status == 1)
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let shown = result.standardError.contains(real) ? real : path
        #expect(
            result.standardError
                == """
                \(shown):\(goals):5: error: <list> is missing style="number" that the English file has (Templates/documents/plan.xml:\(englishGoals):5)
                \(shown):\(strengths):5: error: <list> has style="number", which the English file does not (Templates/documents/plan.xml:\(englishStrengths):5)
                checked 1 file: 2 problems

                """)
    }

    @Test func checkFindsAFileThatIsStillEnglish() throws {
        let folder = try ToolRunner.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("es/partials"), withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("es/partials/my-coping.xml").path
        try Data(Self.bundled("Templates/partials/my-coping.xml").utf8).write(to: URL(fileURLWithPath: path))
        let result = try ToolRunner.run(["check", folder.path])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                ":3:1: error: <fragment> is still English: it is the same as Templates/partials/my-coping.xml\n"))
    }
}
