/// Renders many records with one template: the library side of `safetyplan batch`.
///
/// The workspace and template are loaded and compiled once; each record is then parsed
/// with the same strict `PlanData.parse` as a single data file, planned and rendered.
/// A record's problems are reported with the record's place in its file (the line of a
/// JSON Lines file, the column within that line), never with its values. Rendering is
/// pure, so records may be rendered on several threads at once.
public struct BatchRenderer: Sendable {
    /// The templates, catalog and planner, loaded once.
    public let workspace: Workspace
    /// The compiled template every record is rendered with.
    public let template: Template
    /// The documents' format.
    public let format: OutputFormat
    /// Whether every document is a discreet copy.
    public let isDiscreet: Bool
    /// The youth's copy or the advocate's.
    public let copy: DocumentCopy
    /// The stage of a record that has no `stage` key.
    public let defaultStage: Stage?

    /// The languages of a batch: a record is rendered in the language `Languages.choose`
    /// gives for it, by the renderer of that language in `renderers` (nil: every record in
    /// this renderer's language).
    public var languages: BatchLanguages?

    /// A renderer for records of one batch run.
    public init(
        workspace: Workspace, template: Template, format: OutputFormat, isDiscreet: Bool, defaultStage: Stage?,
        copy: DocumentCopy = .youth
    ) {
        self.workspace = workspace
        self.copy = copy
        self.template = template
        self.format = format
        self.isDiscreet = isDiscreet
        self.defaultStage = defaultStage
    }

    /// One rendered record: the name its file takes (without extension) and the document.
    public struct Document: Sendable {
        /// The record's sanitised `id`, or nil when it has none that is safe.
        public var name: String?
        /// Whether the record had an `id` that could not be used as a file name.
        public var hasUnsafeID: Bool
        /// The rendered document, UTF-8.
        public var bytes: [UInt8]
    }

    /// Parses and renders one record.
    ///
    /// - Parameters:
    ///   - bytes: the record's JSON.
    ///   - file: the input's name, for messages.
    ///   - line: the line the record starts on; a JSON Lines record is one line, so
    ///     positions inside it keep their column and take this line.
    ///   - maximumBytes: the largest record read; a larger one is refused.
    /// - Throws: `DataErrors` with every problem in the record.
    public func render(_ bytes: [UInt8], file: String, line: Int = 1, maximumBytes: Int) throws(DataErrors) -> Document
    {
        let data: PlanData
        do {
            data = try PlanData.parse(bytes, file: file, maximumBytes: maximumBytes)
        } catch {
            throw DataErrors(
                error.errors.map { problem in
                    var moved = problem
                    moved.line += line - 1
                    return moved
                })
        }
        if let languages,
            let language = try? Languages.choose(
                option: languages.option, advocateOption: languages.advocateOption, copy: copy, data: data,
                available: languages.available),
            language != workspace.language, let other = languages.renderers[language]
        {
            return try other.render(data, file: file, line: line)
        }
        return try render(data, file: file, line: line)
    }

    /// Renders one record already read.
    private func render(_ data: PlanData, file: String, line: Int) throws(DataErrors) -> Document {
        guard let stage = try? data.stage(option: nil, file: file, fallback: defaultStage) else {
            throw DataErrors([
                DataError(
                    file: file, line: line, column: 1, path: "stage",
                    message: "the record has no stage; give it a \"stage\" key or give --stage")
            ])
        }
        let id = data.root["id"]?.text
        let name = id.flatMap(Self.fileName(for:))
        let bytes = workspace.renderBytes(
            template: template, stage: stage, data: data, format: format, isDiscreet: isDiscreet, copy: copy)
        return Document(name: name, hasUnsafeID: id != nil && name == nil, bytes: bytes)
    }

    /// The longest file name an `id` may give, before its extension.
    public static let maximumNameLength = 200

    /// A record's `id` as a safe file name, or nil when it cannot be one.
    ///
    /// Only ASCII letters, digits, `-`, `_` and `.` are kept; any other character becomes
    /// `_`, so a name is never a path (`/` cannot appear). A name that would start with a
    /// dot (hidden, or `..`), is empty or longer than `maximumNameLength` is refused.
    public static func fileName(for id: String) -> String? {
        var name: [UInt8] = []
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".":
                name.append(UInt8(scalar.value))
            default:
                name.append(UInt8(ascii: "_"))
            }
            if name.count > maximumNameLength { return nil }
        }
        guard let first = name.first, first != UInt8(ascii: ".") else { return nil }
        return String(decoding: name, as: UTF8.self)
    }
}

/// The other languages of a batch: the command line's choices and one renderer per
/// language the templates have.
public struct BatchLanguages: Sendable {
    /// `--language`, which wins over each record's `client.language`.
    public var option: String?
    /// `--advocate-language`, for advocate copies.
    public var advocateOption: String?
    /// The languages the templates have.
    public var available: [String]
    /// A renderer for each language, by language.
    public var renderers: [String: BatchRenderer]

    /// The command line's language choices and a renderer per language.
    public init(option: String?, advocateOption: String?, available: [String], renderers: [String: BatchRenderer]) {
        self.option = option
        self.advocateOption = advocateOption
        self.available = available
        self.renderers = renderers
    }
}
