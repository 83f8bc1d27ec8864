import SafetyPlanner

/// Renders `body` as plain text at `width`.
func renderText(_ body: [DocumentNode], width: Int = 72) -> String {
    TextRenderer(width: width).render(DocumentTree(title: "Plan", body: body))
}

/// Renders `body` as HTML and returns what is inside `<main>`, the part that depends on
/// the nodes (the page around it is checked whole in `HTMLRendererDocumentTests`).
func renderHTMLMain(_ body: [DocumentNode]) -> String {
    let html = HTMLRenderer().render(DocumentTree(title: "Plan", body: body))
    let lines = html.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "<main>"), let end = lines.lastIndex(of: "</main>") else {
        return html
    }
    return lines[(start + 1)..<end].map { $0 + "\n" }.joined()
}

/// A paragraph of plain text.
func paragraph(_ text: String) -> DocumentNode {
    .paragraph([.text(text)])
}
