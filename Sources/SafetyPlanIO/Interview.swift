import SafetyPlanner

/// `fill --interactive` at the terminal.
package enum Interview {
    /// Asks the questions on standard error and reads the answers from standard input, one
    /// a line; end of input finishes at once. Nothing is written until the interview ends.
    package static func run(_ questions: [FormQuestion], base: PlanData, words: Words) -> PlanData {
        var interview = FormInterview(questions: questions, base: base, words: words)
        while !interview.isFinished {
            StandardError.write(interview.prompt)
            let line = readLine(strippingNewline: true)
            if line == nil { StandardError.write("\n") }
            interview.answer(line)
        }
        return interview.planData
    }
}
