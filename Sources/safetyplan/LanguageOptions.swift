import ArgumentParser
import SafetyPlanner

/// Choosing a document's language on the command line: `--language` (on every rendering
/// command), `--advocate-language` (for the advocate copy), else the data's
/// `client.language`, else English.
enum LanguageChoice {
    /// The workspace in the document's language.
    ///
    /// An option naming a language the templates do not have is a usage error (exit 64)
    /// that lists the languages there are (the templates' language folders); a data
    /// file's `client.language` naming one gives English.
    static func workspace(
        _ options: RenderOptions, advocateLanguage: String? = nil, copy: DocumentCopy = .youth,
        data: PlanData = PlanData(), dataPath: String? = nil
    ) throws -> Workspace {
        let library = try Workspace.loadLibrary(
            templatesDirectory: options.templatesDirectory, maximumBytes: options.maxInputSize)
        let language = choose(
            options, advocateLanguage: advocateLanguage, copy: copy, data: data, available: library.languages)
        return try Workspace(library: library.translated(to: language)!)
    }

    /// The language of one document, with the tool's error for a language not available.
    static func choose(
        _ options: RenderOptions, advocateLanguage: String?, copy: DocumentCopy, data: PlanData, available: [String]
    ) -> String {
        do {
            return try Languages.choose(
                option: options.language, advocateOption: advocateLanguage, copy: copy, data: data,
                available: available)
        } catch {
            Run.usageError(error.message)
        }
    }
}
