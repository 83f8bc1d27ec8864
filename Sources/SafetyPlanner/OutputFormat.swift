/// An output format and its settings.
public enum OutputFormat: Sendable, Hashable {
    /// Plain text wrapped at `width` columns; with a `pageLength` above 0, cut into pages
    /// of at most that many lines (see `TextRenderer`), each ending in a "Page X of Y"
    /// line when `hasPageNumbers`.
    case text(width: Int, pageLength: Int = 0, hasPageNumbers: Bool = false)
    /// One self-contained HTML page.
    case html
    /// A PDF: the library renders the same HTML page as `.html`, made to be printed; the
    /// `safetyplan` tool prints it to PDF with an external engine (headless Chromium),
    /// as pandoc does, since the library's stages never run a process.
    case pdf

    /// Renders a document tree in this format (for `.pdf`, the HTML to print).
    public func render(_ tree: DocumentTree) -> String {
        switch self {
        case .text(let width, let pageLength, let hasPageNumbers):
            return TextRenderer(width: width, pageLength: pageLength, hasPageNumbers: hasPageNumbers).render(tree)
        case .html, .pdf: return HTMLRenderer().render(tree)
        }
    }

    /// `render(_:)` as UTF-8 bytes.
    package func renderBytes(_ tree: DocumentTree) -> [UInt8] {
        switch self {
        case .text(let width, let pageLength, let hasPageNumbers):
            return TextRenderer(width: width, pageLength: pageLength, hasPageNumbers: hasPageNumbers).renderBytes(tree)
        case .html, .pdf: return HTMLRenderer().renderBytes(tree)
        }
    }
}
