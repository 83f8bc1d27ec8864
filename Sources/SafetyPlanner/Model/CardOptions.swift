/// What a wallet card (`handout card`, a template of `kind="card"`) holds beyond its
/// template and data, and how it is printed.
///
/// The lines and the code word are choices of content: the planner applies them
/// (`Planner.plan(stage:data:isDiscreet:copy:card:)`), through the one discretion policy.
/// The copies and the paper are layout: only the renderers read them.
public struct CardOptions: Sendable, Hashable {
    /// The most lines the front of a card holds.
    public static let maximumLines = 5
    /// The most cards printed at once: one sheet, two columns of four, fronts on one side
    /// and backs on the other.
    public static let maximumCopies = 8

    /// The sheet the HTML and PDF card is laid out on.
    public enum Paper: String, Sendable, Hashable, CaseIterable {
        /// US Letter, 8.5 × 11 inches (215.9 × 279.4 mm): the default.
        case letter
        /// ISO A4, 210 × 297 mm.
        case a4
    }

    /// The lines the youth chose, by catalog id, in the order they are printed; nil for the
    /// lines the youth's age fits, in the catalog's order (what `<resources kind="line">`
    /// prints on any document).
    public var lines: [String]?
    /// Whether the card prints the code word (`--with-code-word`): only when the youth
    /// asks. Otherwise a card never shows it, discreet or not.
    public var showsCodeWord: Bool
    /// How many cards to print, 1 to `maximumCopies`.
    public var copies: Int
    /// The sheet for HTML and PDF.
    public var paper: Paper

    /// Card options; the defaults are one card on Letter, the stage's lines, no code word.
    public init(lines: [String]? = nil, showsCodeWord: Bool = false, copies: Int = 1, paper: Paper = .letter) {
        self.lines = lines
        self.showsCodeWord = showsCodeWord
        self.copies = copies
        self.paper = paper
    }
}
