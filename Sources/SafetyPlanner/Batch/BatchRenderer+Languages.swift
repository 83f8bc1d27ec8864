extension BatchRenderer {
    /// The renderer of a batch whose records may each be in their own language.
    ///
    /// Without a language option, each record is rendered in its own `client.language`
    /// (a renderer per language the templates have); with `languageOption` (or
    /// `advocateLanguageOption`, for advocate copies) every record is in that one language.
    ///
    /// - Parameters:
    ///   - library: every language's templates (`Workspace.loadLibrary`).
    ///   - name: the template's name.
    ///   - format: the output format of every document.
    ///   - isDiscreet: whether every document is a discreet copy.
    ///   - defaultStage: the stage of a record that gives none.
    ///   - copy: the youth's copies or the advocate's.
    ///   - languageOption: `--language`, which wins over each record's own language.
    ///   - advocateLanguageOption: `--advocate-language`, for advocate copies.
    ///   - check: called with each compiled template, before the next is compiled (the tool
    ///     refuses `--discreet` on a template written for helpers there).
    /// - Throws: `Languages.Problem` when an option names a language the templates do not
    ///   have; `TemplateError` for a problem in a language's templates.
    public static func inLanguages(
        of library: TemplateLibrary, template name: String, format: OutputFormat, isDiscreet: Bool,
        defaultStage: Stage?, copy: DocumentCopy, languageOption: String?, advocateLanguageOption: String?,
        check: (Template) -> Void = { _ in }
    ) throws -> BatchRenderer {
        let forced = copy == .advocate ? advocateLanguageOption ?? languageOption : languageOption
        let first = try Languages.choose(
            option: languageOption, advocateOption: advocateLanguageOption, copy: copy, data: PlanData(),
            available: library.languages)
        var renderers: [String: BatchRenderer] = [:]
        for language in forced == nil ? library.languages : [first] {
            let workspace = try Workspace(library: library.translated(to: language)!)
            let compiled = try workspace.template(named: name)
            check(compiled)
            renderers[language] = BatchRenderer(
                workspace: workspace, template: compiled, format: format, isDiscreet: isDiscreet,
                defaultStage: defaultStage, copy: copy)
        }
        var renderer = renderers[first]!
        renderer.languages = BatchLanguages(
            option: languageOption, advocateOption: advocateLanguageOption, available: library.languages,
            renderers: renderers)
        return renderer
    }
}
