import SafeXML

/// Everything a run needs, loaded once: the template library, its catalog, the planner,
/// and compiled templates.
///
/// This is the library's front door: the `safetyplan` tool loads one workspace, then asks
/// it for documents. Loading checks every catalog file against its schema; templates are
/// compiled (and checked) the first time they are asked for.
public struct Workspace: Sendable {
    public var library: TemplateLibrary
    public var catalog: Catalog
    public var planner: Planner
    /// The schema every template file satisfies, from `template.rng`.
    let templateSchema: RelaxNGSchema?

    /// Loads the bundled templates, overlaid by an agency's folder when one is given.
    ///
    /// - Throws: `TemplateError` for the first problem in a catalog file or schema.
    public static func load(templatesDirectory: String? = nil, maximumBytes: Int = 1 << 20) throws(TemplateError) -> Workspace {
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
            throw TemplateError(.missingFile("template.rng"), at: SourceLocation(file: "template.rng", line: 1, column: 1))
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
    public func render(
        template: Template, stage: Stage, data: PlanData, format: OutputFormat, isDiscreet: Bool = false
    ) -> String {
        let plan = planner.plan(stage: stage, data: data, isDiscreet: isDiscreet)
        let tree = template.evaluate(plan)
        return format.render(tree)
    }
}

/// An output format and its settings.
public enum OutputFormat: Sendable, Equatable {
    case text(width: Int)
    case html

    /// Renders a document tree in this format.
    public func render(_ tree: DocumentTree) -> String {
        switch self {
        case .text(let width): return TextRenderer(width: width).render(tree)
        case .html: return HTMLRenderer().render(tree)
        }
    }
}
