extension TextRenderer {
    /// The width of a wallet card in plain text, its frame included.
    public static let cardWidth = 40

    /// A wallet card as plain text: the front in a box `cardWidth` columns wide, a blank
    /// line, the back in a box as wide, each box as tall as what it holds; `copies` cards
    /// one after another, a blank line between two.
    ///
    /// Inside the frame (`| ` and ` |`), the text is laid out by a renderer 4 columns
    /// narrower, with its wrapping (phone numbers never broken) and sanitizing, and every
    /// line is padded to the frame by its display width, so no line is wider than
    /// `cardWidth`. The renderer's `width` and page length do not apply to a card.
    static func card(front: [DocumentNode], back: [DocumentNode], copies: Int) -> String {
        let innerWidth = cardWidth - 4
        let inner = TextRenderer(width: innerWidth)
        let rule = "+" + String(repeating: "-", count: cardWidth - 2) + "+\n"
        func box(_ nodes: [DocumentNode]) -> String {
            var lines = inner.render(DocumentTree(title: "", body: nodes)).split(
                separator: "\n", omittingEmptySubsequences: false)
            lines.removeLast()  // after the final newline
            if lines == [""] { lines = [] }
            var output = rule
            for line in lines {
                let padding = Swift.max(0, innerWidth - DisplayWidth.of(line))
                output += "| " + line + String(repeating: " ", count: padding) + " |\n"
            }
            return output + rule
        }
        let one = box(front) + "\n" + box(back)
        return Array(repeating: one, count: Swift.max(copies, 1)).joined(separator: "\n")
    }
}
