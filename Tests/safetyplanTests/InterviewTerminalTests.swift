import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interview at a real terminal (a pseudo-terminal): line editing, the review, and
/// Ctrl-D and Ctrl-C before the end writing nothing.
@Suite(.serialized) struct InterviewTerminalTests {
    /// The maintenance form's questions after the first two, in order.
    static let laterQuestions = [
        "My goals, in small steps", "What I am good at", "People who support me", "My triggers",
        "What I can do when a trigger comes", "Places where I feel safe", "My advocate", "How to reach my advocate",
        "Check-ins with my advocate", "How I will notice and celebrate my progress",
        "What I will do if things get hard", "Other things I want to remember",
    ]

    @Test func editingKeysTheReviewAndDone() throws {
        let folder = try ToolRunner.temporaryFolder()
        let form = folder.appendingPathComponent("form.txt").path
        let terminal = try PseudoTerminal(["fill", "maintenance-support", "--interactive", "-o", form])
        try terminal.expect("My name")
        try terminal.expect("> ")
        // "Ti Lupe", five times Left (after "Ti"), Backspace, "ía", then Ctrl-A and Ctrl-E.
        terminal.type("Ti Lupe" + String(repeating: Key.left, count: 5) + Key.backspace + "ía")
        terminal.type(Key.controlA + Key.controlE + Key.enter)
        try terminal.expect("Date")
        try terminal.expect("> ")
        terminal.type("2027-02-14" + Key.enter)
        try terminal.expect("My goals, in small steps")
        try terminal.expect("> ")
        terminal.type("Rest" + Key.enter)
        try terminal.expect("> ")
        // Up brings back the answer before: a second "Rest".
        terminal.type(Key.up + Key.enter)
        try terminal.expect("> ")
        terminal.type(Key.enter)
        for question in Self.laterQuestions.dropFirst() {
            try terminal.expect(question)
            try terminal.expect(anyOf: ["> ", ": "])
            terminal.type(Key.enter)
        }
        try terminal.expect("Your answers")
        try terminal.expect("1. My name: Tía Lupe")
        try terminal.expect("2. Date: 2027-02-14")
        try terminal.expect("> ")
        terminal.type("edit 2" + Key.enter)
        try terminal.expect("Now: 2027-02-14")
        try terminal.expect("> ")
        terminal.type("today" + Key.enter)
        try terminal.expect("2. Date: ")
        try terminal.expect("> ")
        terminal.type("done" + Key.enter)
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.text.contains("Saved the youth copy to \(form)."))
        let text = try String(contentsOfFile: form, encoding: .utf8)
        #expect(text.contains("My name: Tía Lupe\n"))
        #expect(text.contains("1. Rest\n2. Rest\n"))
        let today = Self.today()
        #expect(text.contains("Date: \(today)\n"))
        #expect(!text.contains("[D") && !text.contains("\u{1B}"))
    }

    @Test func controlDBeforeTheEndWritesNothing() throws {
        let folder = try ToolRunner.temporaryFolder()
        let form = folder.appendingPathComponent("form.txt").path
        let answers = folder.appendingPathComponent("a.json").path
        let terminal = try PseudoTerminal([
            "fill", "maintenance-support", "--interactive", "-o", form, "--save-answers", answers,
        ])
        try terminal.expect("My name")
        try terminal.expect("> ")
        terminal.type("Maya" + Key.enter)
        try terminal.expect("Date")
        try terminal.expect("> ")
        terminal.type(Key.controlD)
        #expect(try terminal.waitForExit() == 1)
        #expect(terminal.text.hasSuffix("The answers ended before \"done\". Nothing was saved.\r\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func controlDAtTheReviewWritesNothing() throws {
        let folder = try ToolRunner.temporaryFolder()
        let form = folder.appendingPathComponent("form.txt").path
        let terminal = try PseudoTerminal([
            "fill", "maintenance-support", "--interactive", "--data",
            ToolRunner.packageRoot.appendingPathComponent("Samples/maintenance-support.json").path, "-o", form,
        ])
        try terminal.expect("Your answers")
        try terminal.expect("> ")
        terminal.type(Key.controlD)
        #expect(try terminal.waitForExit() == 1)
        #expect(terminal.text.contains("Nothing was saved."))
        #expect(!FileManager.default.fileExists(atPath: form))
    }

    @Test func controlCStopsWithNothingWrittenAndTheTerminalAsItWas() throws {
        let folder = try ToolRunner.temporaryFolder()
        let plan = folder.appendingPathComponent("plan.txt").path
        let answers = folder.appendingPathComponent("a.json").path
        let terminal = try PseudoTerminal(["generate", "--interactive", "-o", plan, "--save-answers", answers])
        let before = terminal.settings
        try terminal.expect("Which of these sounds most like you right now?")
        try terminal.expect("> ")
        terminal.type("3" + Key.enter)
        try terminal.expect("Your name")
        try terminal.expect("> ")
        terminal.type("Maya")
        terminal.type(Key.controlC)
        #expect(try terminal.waitForExit() == 130)
        #expect(terminal.text.hasSuffix("Stopped. Nothing was saved.\r\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        let after = terminal.settings
        #expect(after.c_lflag & tcflag_t(ECHO | ICANON | ISIG) == before.c_lflag & tcflag_t(ECHO | ICANON | ISIG))
        #expect(after.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
    }

    @Test func sigtermStopsWithNothingWrittenAndTheTerminalAsItWas() throws {
        let folder = try ToolRunner.temporaryFolder()
        let form = folder.appendingPathComponent("form.txt").path
        let terminal = try PseudoTerminal(["fill", "maintenance-support", "--interactive", "-o", form])
        try terminal.expect("My name")
        try terminal.expect("> ")
        terminal.type("Maya")
        usleep(200_000)
        terminal.send(SIGTERM)
        #expect(try terminal.waitForExit() == 143)
        #expect(terminal.text.hasSuffix("Stopped. Nothing was saved.\r\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        #expect(terminal.settings.c_lflag & tcflag_t(ECHO | ICANON) == tcflag_t(ECHO | ICANON))
    }

    @Test func inSpanishWithAccentsHoyAndListo() throws {
        let folder = try ToolRunner.temporaryFolder()
        let form = folder.appendingPathComponent("plan.txt").path
        let terminal = try PseudoTerminal([
            "fill", "maintenance-support", "--language", "es", "--interactive", "-o", form,
        ])
        try terminal.expect("Mi nombre")
        try terminal.expect("> ")
        // "María José", typed "Mara José", then Left six times and "í" after "Mar".
        terminal.type("Mara José" + String(repeating: Key.left, count: 6) + "í" + Key.enter)
        try terminal.expect("Fecha")
        try terminal.expect("> ")
        terminal.type("hoy" + Key.enter)
        for _ in 0..<12 {
            try terminal.expect(anyOf: ["termines.", "después."])
            try terminal.expect(anyOf: ["> ", ": "])
            terminal.type(Key.enter)
        }
        try terminal.expect("Tus respuestas")
        try terminal.expect("1. Mi nombre: María José")
        try terminal.expect("> ")
        terminal.type("listo" + Key.enter)
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.text.contains("Se guardó la copia para la o el joven en \(form)."))
        let text = try String(contentsOfFile: form, encoding: .utf8)
        #expect(text.contains("Mi nombre: María José\n"))
    }

    @Test func aPhoneNumberIsAskedAgainWithoutRepeatingIt() throws {
        let folder = try ToolRunner.temporaryFolder()
        let form = folder.appendingPathComponent("form.txt").path
        let terminal = try PseudoTerminal(["fill", "maintenance-support", "--interactive", "-o", form])
        for _ in 0..<2 {
            try terminal.expect("> ")
            terminal.type(Key.enter)
        }
        for _ in 0..<2 {
            try terminal.expect("Leave a line empty when you are done.")
            try terminal.expect("> ")
            terminal.type(Key.enter)
        }
        try terminal.expect("Name: ")
        terminal.type("Rose" + Key.enter)
        try terminal.expect("(optional): ")
        terminal.type(Key.enter)
        try terminal.expect("Phone (optional): ")
        terminal.type("sin teléfono" + Key.enter)
        try terminal.expect("A phone number has only numbers, spaces and + ( ) - . in it.")
        try terminal.expect("Phone (optional): ")
        terminal.type("510-555-0121" + Key.enter)
        try terminal.expect("Name: ")
        terminal.type(Key.controlC)
        #expect(try terminal.waitForExit() == 130)
        // The reason never repeats what was typed: only the terminal's own echo shows it.
        #expect(terminal.text.components(separatedBy: "sin teléfono").count == 2)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }
}
