extension Template {
    /// Renders a wallet card (a template of kind `card`) for `plan` in `format`: the
    /// template evaluated as every document is (its prepared parts for the plan's shape),
    /// then laid out as a card by the text or HTML renderer.
    ///
    /// The template's first page break (at its top level) divides the front from the back;
    /// a template without one has an empty back.
    func renderCardBytes(_ plan: Plan, format: OutputFormat, card: CardOptions) -> [UInt8] {
        let nodes = cache.prepared(self, for: plan, format: nil).blocks(for: plan).nodes
        let split = nodes.firstIndex(of: .pageBreak) ?? nodes.endIndex
        let front = Array(nodes[..<split])
        let back = split < nodes.endIndex ? Array(nodes[(split + 1)...]) : []
        let copies = Swift.min(Swift.max(card.copies, 1), CardOptions.maximumCopies)
        switch format {
        case .text:
            return Array(TextRenderer.card(front: front, back: back, copies: copies).utf8)
        case .html, .pdf:
            return HTMLRenderer().cardBytes(
                front: front, back: back, language: language, title: plan.isDiscreet ? discreetTitle : title,
                copies: copies, paper: card.paper)
        }
    }
}
