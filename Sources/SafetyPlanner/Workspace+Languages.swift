/// Choosing the language of a document: an option (`--language`), else the data's
/// `client.language`, else English.
///
/// Languages are the folders the templates have (`TemplateLibrary.languages`), never a
/// list in code. A BCP 47 tag falls back to its language (`es-MX` is `es`), matched
/// without regard to case.
public enum Languages {
    /// Why no language could be chosen.
    public enum Problem: Error, Equatable, Sendable {
        /// The option names a language the templates do not have.
        case unknownOption(String, available: [String])

        /// The message for standard error.
        public var message: String {
            switch self {
            case .unknownOption(let tag, let available):
                return "there are no templates in the language '\(tag)'; the languages available are "
                    + available.joined(separator: ", ")
            }
        }
    }

    /// The language of `available` that `tag` names, or nil: the tag itself, else its first
    /// subtag (`es-MX`, `es_MX` and `ES` are `es`).
    public static func match(_ tag: String, in available: [String]) -> String? {
        let lowered = String(tag.lowercased().map { $0 == "_" ? "-" : $0 })
        if available.contains(lowered) { return lowered }
        let primary = String(lowered.prefix { $0 != "-" })
        return available.contains(primary) ? primary : nil
    }

    /// The language of a document.
    ///
    /// - Parameters:
    ///   - option: the command line's choice, which wins.
    ///   - data: the data file, whose `client.language` is used when there is no option.
    ///   - available: the languages the templates have.
    /// - Returns: the language, English when neither the option nor the data gives one the
    ///   templates have. The data's `client.language` records the youth's language, which
    ///   may be one there are no templates in yet: the document is then in English.
    /// - Throws: `Problem` when the option names a language not available.
    public static func choose(option: String?, data: PlanData, available: [String]) throws(Problem) -> String {
        if let option {
            guard let found = match(option, in: available) else {
                throw .unknownOption(option, available: available)
            }
            return found
        }
        if let tag = data.root["client"]?["language"]?.text, let found = match(tag, in: available) {
            return found
        }
        return TemplateLibrary.baseLanguage
    }

    /// The language of a copy: the advocate copy is in `advocateOption` when given (the
    /// advocate reads the whole copy, and may not share the youth's language), otherwise
    /// in the youth's language.
    public static func choose(
        option: String?, advocateOption: String?, copy: DocumentCopy, data: PlanData, available: [String]
    ) throws(Problem) -> String {
        if copy == .advocate, let advocateOption {
            guard let found = match(advocateOption, in: available) else {
                throw .unknownOption(advocateOption, available: available)
            }
            return found
        }
        return try choose(option: option, data: data, available: available)
    }
}

extension Workspace {
    /// Loads the bundled templates, overlaid by an agency's folder, in the language of one
    /// document as `Languages.choose` picks it: `advocateLanguageOption` for an advocate
    /// copy, else `languageOption`, else the data's `client.language`, else English.
    ///
    /// - Throws: `TemplateError` for a problem in the templates; `Languages.Problem` when an
    ///   option names a language the templates do not have (the tool's usage error).
    public static func load(
        templatesDirectory: String?, maximumBytes: Int, languageOption: String?,
        advocateLanguageOption: String? = nil, copy: DocumentCopy = .youth, data: PlanData = PlanData()
    ) throws -> Workspace {
        let library = try loadLibrary(templatesDirectory: templatesDirectory, maximumBytes: maximumBytes)
        let language = try Languages.choose(
            option: languageOption, advocateOption: advocateLanguageOption, copy: copy, data: data,
            available: library.languages)
        return try Workspace(library: library.translated(to: language)!)
    }
}
