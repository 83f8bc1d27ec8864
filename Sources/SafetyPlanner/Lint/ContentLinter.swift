import SafeXML

/// The content checks of `safetyplan lint`: the words, reading level and facts of an
/// agency's templates and catalog files.
///
/// `check` answers "will the tool accept these files?" (schemas, ids, references); the
/// linter answers "are they right to put in front of a youth?". It reads each file as
/// plain XML (so it works on a file the schema refuses, and says more than the schema
/// can), finds the text written for the youth (`youth` and `moved-back` of a stage, guidance
/// and `about` with `audience="youth"`, a resource's `youth` sentence, and every text of
/// a template that is not for the provider or the advocate copy) with the stages it is
/// shown at, and applies each `LintRule`. The clock is the caller's: `today` decides which
/// `verified` dates are old.
public struct ContentLinter: Sendable {
    /// US grade Flesch-Kincaid text may read at, at most (DESIGN.md §1).
    public static let gradeLimit = 6.0
    /// The lowest Fernández-Huerta score Spanish youth text may have ("bastante fácil").
    public static let fernandezHuertaLimit = 70.0
    /// Text shorter than this many words is not scored for reading level: a heading or a
    /// three-word line has too few words for a formula to mean anything.
    public static let minimumScoredWords = 10
    /// How long a resource's `verified` date stays fresh.
    public static let verifiedMonths = 12

    /// The stages at which pressure is an error and labels are checked.
    static let earlyStages: Set<Stage> = [.preContemplation, .contemplation]

    /// Today, as YYYY-MM-DD.
    public var today: String

    /// Creates a linter for a day.
    ///
    /// - Parameter today: The date to measure `verified` dates from, written YYYY-MM-DD.
    public init(today: String) {
        self.today = today
    }

    /// Whether `text` is a real date written YYYY-MM-DD.
    public static func isDate(_ text: String) -> Bool { CalendarDay(text) != nil }

    /// Lints the named files of `library` (every file when `names` is nil).
    ///
    /// - Parameters:
    ///   - library: The templates, bundled or an agency's folder laid over them.
    ///   - names: The files to lint as the library names them (`stages.xml`, `es/stages.xml`).
    /// - Returns: Every problem, file by file in the order of `names`, each file's by place.
    public func lint(_ library: TemplateLibrary, only names: [String]? = nil) -> LintReport {
        let names = names ?? library.allFileNames
        var diagnostics: [LintDiagnostic] = []
        var linted = 0
        for name in names {
            guard let file = library.lintFile(named: name) else { continue }
            linted += 1
            let language = name.split(separator: "/").count == 2 ? String(name.split(separator: "/")[0]) : nil
            diagnostics += lint(file.bytes, file: file.displayName, language: language)
        }
        return LintReport(lintedFiles: linted, diagnostics: diagnostics)
    }

    /// Lints one file.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: The name to print in diagnostics.
    ///   - language: The language of the folder the file is in, or nil (the root's `lang`, else English).
    /// - Returns: The file's problems, by line and column.
    public func lint(_ bytes: [UInt8], file: String, language: String? = nil) -> [LintDiagnostic] {
        let document: Document
        do {
            document = try Document.parse(bytes, file: file, maxBytes: max(bytes.count, 1))
        } catch {
            return [LintDiagnostic(.error, .xml, error.message, at: error.location)]
        }
        var walk = LintWalk(
            linter: self, positions: SourcePositions(bytes: bytes, file: file),
            language: language ?? document.root.attribute("lang") ?? "en")
        walk.scanTerms(in: document.root)
        walk.scanContent(of: document.root)
        walk.checkFileReadingLevel(document.root)
        return walk.diagnostics.enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            return (a.line, a.column, left.offset) < (b.line, b.column, right.offset)
        }.map(\.element)
    }
}

extension TemplateLibrary {
    /// The file a lint name stands for: `stages.xml`, or a language's `es/stages.xml`.
    func lintFile(named name: String) -> File? {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 { return translations[parts[0]]?[parts[1]] }
        return files[name]
    }
}
