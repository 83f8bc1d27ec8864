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

    /// Loads the bundled templates, overlaid by an agency's folder when one is given.
    ///
    /// - Throws: `TemplateError` for the first problem in a catalog file or schema.
    public static func load(templatesDirectory: String? = nil, maximumBytes: Int = 1 << 20) throws(TemplateError)
        -> Workspace
    {
        var library = TemplateLibrary.bundled
        if let templatesDirectory {
            library = try library.overlaid(withDirectory: templatesDirectory, maximumBytes: maximumBytes)
        }
        return try Workspace(library: library)
    }

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
    public func template(named name: String) throws(TemplateError) -> Template {
        try Template.compile(named: name, from: library, schema: templateSchema)
    }

    /// Makes a document: plan for the stage, evaluate the template, render.
    ///
    /// - Parameter copy: the youth's copy (the default: what is printed is handed over) or
    ///   the advocate's; a discreet document is always the youth's.
    public func render(
        template: Template, stage: Stage, data: PlanData, format: OutputFormat, isDiscreet: Bool = false,
        copy: DocumentCopy = .youth
    ) -> String {
        String(
            decoding: renderBytes(
                template: template, stage: stage, data: data, format: format, isDiscreet: isDiscreet, copy: copy),
            as: UTF8.self)
    }

    /// `render(template:stage:data:format:isDiscreet:copy:)` as UTF-8 bytes, for `batch`.
    package func renderBytes(
        template: Template, stage: Stage, data: PlanData, format: OutputFormat, isDiscreet: Bool = false,
        copy: DocumentCopy = .youth
    ) -> [UInt8] {
        template.renderBytes(planner.plan(stage: stage, data: data, isDiscreet: isDiscreet, copy: copy), format: format)
    }
}
