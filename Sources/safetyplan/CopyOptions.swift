import ArgumentParser
import SafetyPlanner

extension DocumentCopy: ExpressibleByArgument {}

/// `--audience`: which copy of a plan or form to make (`generate`, `fill`, `batch`).
///
/// The youth copy is the default, because what is printed is what is handed over. A
/// discreet document is a youth copy: `--audience advocate --discreet` is a usage error
/// rather than a discreet-looking copy that holds the advocate's pages.
struct CopyOptions: ParsableArguments {
    @Option(
        name: .customLong("audience"),
        help: ArgumentHelp(
            "Whose copy: youth (the default, to hand over) or advocate (adds the advocate's pages and advocateNotes).",
            valueName: "youth|advocate"))
    var copy: DocumentCopy = .youth

    @Option(
        help: ArgumentHelp(
            "The advocate copy's language, when the advocate reads another one than the youth (default: --language).",
            valueName: "LANG"))
    var advocateLanguage: String?

    /// Checks the copy against `--discreet`.
    func validate(isDiscreet: Bool) throws {
        if copy == .advocate && isDiscreet {
            throw ValidationError(
                "--discreet makes a copy to hand to the youth; the advocate copy is never discreet. Leave out --audience advocate or --discreet."
            )
        }
    }
}
