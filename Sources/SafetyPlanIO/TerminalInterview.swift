import CEditLine
import SafetyPlanner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interview at a terminal (`generate --interactive`, `fill --interactive`): the
/// library's `Interview` model with standard error for the questions and standard input
/// for the answers, one a line.
///
/// When standard input and standard error are both a terminal, answers are read with
/// line editing and a history of the session (libedit: arrow keys, backspace, Ctrl-A and
/// Ctrl-E, Up for an earlier answer), and the interview must reach "done": Ctrl-D before
/// then ends it with nothing written (`.ended`), and Ctrl-C (or SIGTERM) ends the process
/// with exit status 130 (143), the terminal's settings put back and one line saying
/// nothing was saved (`Cleanup`). When answers are piped in, the end of input ends the
/// questions and what was given is written, as a data file would be.
package enum TerminalInterview {
    /// How the interview ended.
    package enum Outcome: Equatable {
        /// "done" at the review, or the end of piped answers: write the document.
        case finished
        /// The end of input at a terminal before "done": write nothing.
        case ended
    }

    /// Runs the interview to its end.
    package static func run(_ interview: inout Interview) -> Outcome {
        let isTerminal = isatty(0) == 1 && isatty(2) == 1
        var editor = isTerminal ? LineEditor() : nil
        if isTerminal { Cleanup.onStop(restoringTerminal: true, message: interview.setup.words["stopped"]) }
        defer { if isTerminal { Cleanup.onStop(restoringTerminal: false, message: nil) } }
        while interview.phase == .asking || interview.phase == .reviewing {
            let prompt = interview.prompt
            StandardError.write(prompt.message)
            let line: String?
            if editor != nil {
                line = editor!.read(prompt: prompt.input)
            } else {
                StandardError.write(prompt.input)
                line = readLine(strippingNewline: true)
            }
            if line == nil { StandardError.write("\n") }
            interview.answer(line)
        }
        editor = nil
        if interview.phase == .endedEarly, isTerminal {
            StandardError.write(interview.setup.words["ended"] + "\n")
            return .ended
        }
        return .finished
    }
}

extension TerminalInterview {
    /// Runs the questions of `safetyplan assess --interactive` to their end, on the same
    /// terminal I/O as the interview: questions on standard error, one answer a line from
    /// standard input. At a terminal, the end of input before the last question writes
    /// nothing (`.ended`); piped answers end with what was given.
    package static func run(_ assessment: inout AssessmentInterview, words: Words) -> Outcome {
        let isTerminal = isatty(0) == 1 && isatty(2) == 1
        var editor = isTerminal ? LineEditor() : nil
        if isTerminal { Cleanup.onStop(restoringTerminal: true, message: words["stopped"]) }
        defer { if isTerminal { Cleanup.onStop(restoringTerminal: false, message: nil) } }
        var isEndedEarly = false
        while !assessment.isFinished {
            let prompt = assessment.prompt
            StandardError.write(prompt.message)
            let line: String?
            if editor != nil {
                line = editor!.read(prompt: prompt.input)
            } else {
                StandardError.write(prompt.input)
                line = readLine(strippingNewline: true)
            }
            if line == nil {
                StandardError.write("\n")
                isEndedEarly = true
            }
            assessment.answer(line)
        }
        editor = nil
        if isEndedEarly, isTerminal {
            StandardError.write(words["stopped"] + "\n")
            return .ended
        }
        return .finished
    }
}

/// One line at a time from the terminal, with editing and a history (libedit).
private final class LineEditor {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    /// What the prompt callback returns: libedit asks for it while it draws the line.
    private nonisolated(unsafe) static var prompt: UnsafeMutablePointer<CChar>?

    /// A line editor on standard input with prompts on standard error, or nil when the
    /// terminal cannot be set up (then lines are read plainly).
    init?() {
        // Multibyte characters (Tía, teléfono) need a UTF-8 character type.
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let history = safetyplan_history_start(200) else { return nil }
        let callback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { _ in LineEditor.prompt }
        // libedit reads and writes through stdio streams of its own on the descriptors.
        guard let input = fdopen(0, "r"), let output = fdopen(2, "w"),
            let editor = safetyplan_el_start("safetyplan", input, output, output, callback, history)
        else {
            history_end(history)
            return nil
        }
        self.editor = editor
        self.history = history
    }

    deinit {
        el_end(editor)
        history_end(history)
        free(Self.prompt)
        Self.prompt = nil
    }

    /// The next line without its newline, or nil at the end of input (Ctrl-D on an empty
    /// line) or on a read error.
    func read(prompt text: String) -> String? {
        free(Self.prompt)
        Self.prompt = strdup(text)
        var count: Int32 = 0
        guard let line = el_gets(editor, &count), count > 0 else { return nil }
        var answer = String(decoding: UnsafeRawBufferPointer(start: line, count: Int(count)), as: UTF8.self)
        if answer.hasSuffix("\n") { answer.removeLast() }
        if !answer.isEmpty { safetyplan_history_add(history, answer) }
        return answer
    }
}
