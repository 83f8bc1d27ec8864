import SafeXML

/// Everything a run needs, loaded once: the template library, its catalog, the planner,
/// and compiled templates.
///
/// This is the library's front door: the `safetyplan` tool loads one workspace, then asks
/// it for documents. Loading checks every catalog file against its schema; templates are
/// compiled (and checked) the first time they are asked for.
public struct Workspace: Sendable {
    /// The template files, bundled and an agency's.
    public var library: TemplateLibrary
    /// The content, loaded from the library's catalog files.
    public var catalog: Catalog
    /// The planner over the catalog.
    public var planner: Planner
    /// The schema every template file satisfies, from `template.rng`.
    let templateSchema: RelaxNGSchema?

    /// Loads the bundled templates, overlaid by an agency's folder when one is given, in a
    /// language (English by default).
    ///
    /// - Parameters:
    ///   - templatesDirectory: an agency's templates folder, whose files replace the
    ///     bundled ones of the same name; nil for the bundled templates only.
    ///   - maximumBytes: the largest template or catalog file read.
    ///   - language: a language the templates have (`TemplateLibrary.languages`).
    /// - Throws: `TemplateError` for the first problem in a catalog file or schema, or
    ///   when the templates have no files in `language` (see `translated(to:)`).
    public static func load(
        templatesDirectory: String? = nil, maximumBytes: Int = 1 << 20,
        language: String = TemplateLibrary.baseLanguage
    ) throws(TemplateError) -> Workspace {
        try Workspace(library: loadLibrary(templatesDirectory: templatesDirectory, maximumBytes: maximumBytes))
            .translated(to: language)
    }

    /// The bundled templates overlaid by an agency's folder, in every language, before the
    /// catalog is read: what the tool needs to choose a language.
    public static func loadLibrary(templatesDirectory: String?, maximumBytes: Int = 1 << 20) throws(TemplateError)
        -> TemplateLibrary
    {
        var library = TemplateLibrary.bundled
        if let templatesDirectory {
            library = try library.overlaid(withDirectory: templatesDirectory, maximumBytes: maximumBytes)
        }
        return library
    }

    /// This workspace in another language of its library (itself when it is already in it).
    ///
    /// Choose the language first with `Languages.choose`, which words the usage error for
    /// a language the templates do not have.
    ///
    /// - Throws: `TemplateError`: `.missingFile("<language>/")` when the library has no
    ///   files in `language`, or the first problem in that language's catalog.
    public func translated(to language: String) throws(TemplateError) -> Workspace {
        if language == library.language { return self }
        guard let translated = library.translated(to: language) else {
            throw TemplateError(.missingFile(language + "/"), at: SourceLocation(file: language, line: 1, column: 1))
        }
        return try Workspace(library: translated)
    }

    /// The language of the workspace's templates and catalog.
    public var language: String { library.language }

    /// Loads a workspace from a library already in memory.
    public init(library: TemplateLibrary) throws(TemplateError) {
        self.library = library
        self.catalog = try Catalog.load(from: library)
        self.planner = Planner(catalog: catalog)
        guard let schemaFile = library.file(named: "template.rng") else {
            throw TemplateError(
                .missingFile("template.rng"), at: SourceLocation(file: "template.rng", line: 1, column: 1))
        }
        // The template schema is compiled only when there is a file to check with it: an
        // agency's template (or schema). Bundled templates are checked by the tests.
        guard library.files.values.contains(where: { !$0.isBundled }) else {
            self.templateSchema = nil
            return
        }
        do {
            self.templateSchema = try SchemaCache.shared.schema(schemaFile)
        } catch {
            throw TemplateError(error)
        }
    }

    /// Compiles the template with this name.
    ///
    /// - Throws: `TemplateError`; for a name the set does not have, the nearest name and
    ///   every template's (`noSuchTemplate`).
    public func template(named name: String) throws(TemplateError) -> Template {
        guard library.file(named: name + ".xml") != nil else { throw noSuchTemplate(name, kind: nil) }
        return try Template.compile(named: name, from: library, schema: templateSchema)
    }

    /// The error for a template (of `kind`, or any but a wallet card, which only `handout
    /// card` makes) that the set does not have, with the nearest name of that kind and all
    /// of them.
    func noSuchTemplate(_ name: String, kind: Template.Kind?) -> TemplateError {
        let names = library.templateNames.filter { candidate in
            let found = (try? Template.compile(named: candidate, from: library, schema: templateSchema))?.kind
            guard let kind else { return found != .card }
            return found == kind
        }
        return TemplateError(
            .noSuchTemplate(
                name, noun: kind == .form ? "form" : "template", suggestion: Suggestion.likely(name, among: names),
                names: names),
            at: SourceLocation(file: name, line: 1, column: 1))
    }

    /// Makes a document: plan for the stage, evaluate the template, render.
    ///
    /// - Parameters:
    ///   - template: a template compiled by ``template(named:)``.
    ///   - stage: the youth's own stage of change.
    ///   - data: the validated data file (`PlanData()` for none).
    ///   - format: the output format and its settings.
    ///   - isDiscreet: whether the document must tell nothing to a person who finds it
    ///     (``DiscretionPolicy``).
    ///   - copy: the youth's copy (the default: what is printed is handed over) or the
    ///     advocate's; a discreet document is always the youth's.
    ///   - card: for a wallet card (a template of kind `card`), the lines, the code word,
    ///     the copies and the paper (check them first with ``checkCard(_:stage:data:isDiscreet:)``);
    ///     other templates ignore it.
    public func render(
        template: Template, stage: Stage, data: PlanData, format: OutputFormat, isDiscreet: Bool = false,
        copy: DocumentCopy = .youth, card: CardOptions = CardOptions()
    ) -> String {
        String(
            decoding: renderBytes(
                template: template, stage: stage, data: data, format: format, isDiscreet: isDiscreet, copy: copy,
                card: card),
            as: UTF8.self)
    }

    /// `render(template:stage:data:format:isDiscreet:copy:card:)` as UTF-8 bytes, for `batch`.
    package func renderBytes(
        template: Template, stage: Stage, data: PlanData, format: OutputFormat, isDiscreet: Bool = false,
        copy: DocumentCopy = .youth, card: CardOptions = CardOptions()
    ) -> [UInt8] {
        guard template.kind == .card else {
            return template.renderBytes(
                planner.plan(stage: stage, data: data, isDiscreet: isDiscreet, copy: copy), format: format)
        }
        let plan = planner.plan(stage: stage, data: data, isDiscreet: isDiscreet, copy: copy, card: card)
        return template.renderCardBytes(plan, format: format, card: card)
    }
}
