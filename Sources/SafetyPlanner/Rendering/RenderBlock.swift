/// A block as the renderers' sequence writers see it: a document node, or a block of a
/// prepared document (`PreparedTemplate`) whose output may have been recorded ahead.
///
/// The sequence writers decide separators, check lists, lead-ins and page marks from
/// `node` alone, then ask the block to write itself; so a prepared document's blocks
/// render exactly as the same nodes in a `DocumentTree` do.
protocol RenderBlock {
    /// The node, for what depends on neighbours; a prepared section gives its domain
    /// with no children (neighbours never look inside a section).
    var node: DocumentNode { get }
    /// The node the block before this one sees as what follows it (for lead-ins and page
    /// marks): `node`, except for a run of nodes, whose first node it is.
    var leadingNode: DocumentNode { get }
    func write(to layout: inout TextLayout, with renderer: TextRenderer)
    func write(to buffer: inout HTMLBuffer, with renderer: HTMLRenderer)
}

extension DocumentNode: RenderBlock {
    var node: DocumentNode { self }
    var leadingNode: DocumentNode { self }

    func write(to layout: inout TextLayout, with renderer: TextRenderer) {
        renderer.write(self, to: &layout)
    }

    func write(to buffer: inout HTMLBuffer, with renderer: HTMLRenderer) {
        renderer.write(self, to: &buffer)
    }
}
