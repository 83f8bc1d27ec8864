/// What `safetyplan check` found in a template library.
public struct CheckReport: Sendable {
    /// How many files were checked.
    public var checkedFiles: Int
    /// Every problem found, file by file, without duplicates.
    public var problems: [TemplateError]
}
