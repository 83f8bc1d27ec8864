/// The document tree: what a template evaluates to, and all a renderer ever sees.
///
/// A `DocumentTree` holds text, never markup. The renderers (`TextRenderer`,
/// `HTMLRenderer`) each turn it into output with one `switch` over `DocumentNode`, so a
/// new node kind does not compile until every renderer handles it. What a document says
/// is decided before this point (planner and template); how it looks is decided after.
public struct DocumentTree: Equatable, Sendable {
    /// The document's title: the HTML `<title>` and the first heading of the text.
    public var title: String
    /// The BCP 47 language tag of the content, such as `en`.
    public var language: String
    /// The blocks of the document, in order.
    public var body: [DocumentNode]
    /// The foot of each printed page, `{page}` and `{pages}` filled in by the renderer.
    public var pageFooter: String = DocumentTree.defaultPageFooter

    /// The English page footer.
    public static let defaultPageFooter = "Page {page} of {pages}"

    /// Creates a document tree.
    public init(title: String, language: String = "en", body: [DocumentNode]) {
        self.title = title
        self.language = language
        self.body = body
    }
}

/// One block of a document.
public enum DocumentNode: Equatable, Sendable {
    /// A titled part of the document; `domain` names the plan domain it covers, if any
    /// (`support`, `shelter`, …), so HTML can mark it up and tests can find it.
    case section(domain: String?, children: [DocumentNode])
    /// A heading; `level` 1 is the document title, 2 a section, 3 a subsection.
    case heading(level: Int, content: [Inline])
    /// A paragraph of running text.
    case paragraph([Inline])
    /// A bulleted (or numbered) list; each item is a list of blocks, usually one paragraph.
    case list(ordered: Bool, items: [[DocumentNode]])
    /// A check item, printed as `[ ]` (or `[x]` when `isChecked`) before its text.
    case checkItem(content: [Inline], isChecked: Bool)
    /// A labelled field. When `value` is empty the field is printed as `lines` ruled
    /// write-in lines to finish by hand; otherwise the value follows the label.
    case field(label: [Inline], value: [Inline], lines: Int)
    /// A ruled write-in line with no label, for lists that are empty.
    case writeIn(lines: Int)
    /// A note set apart from the running text (a box in HTML, indented in text).
    case note([Inline])
    /// Starts a new printed page.
    case pageBreak
}

/// Inline content inside a block.
public enum Inline: Equatable, Sendable {
    /// Plain text, exactly as it should read; renderers escape or sanitize it.
    case text(String)
    /// Emphasised text (`<em>`; plain in text output).
    case emphasis([Inline])
    /// Strong text (`<strong>`; plain in text output).
    case strong([Inline])
    /// A phone number or short code as written (`1-888-373-7888`, `233733`, `988`), and
    /// whether it is one to call or to text: HTML links it with `tel:` or `sms:` built from
    /// its digits only. Plain text prints both alike, never wrapped.
    case phone(String, link: PhoneLink = .call)
    /// A web address shown as text, never as a link (the tool makes no network links).
    case address(String)
    /// A short blank to write in by hand, `width` characters long in text.
    case blank(width: Int)
}

extension Inline {
    /// What a phone number's link does on a phone: dial it, or open a text message to it.
    public enum PhoneLink: Equatable, Sendable {
        /// A number to call (`tel:`).
        case call
        /// A number to text (`sms:`), such as a short code: dialling one does nothing useful.
        case text
    }

    /// The inline's visible text, without any markup: what a reader sees on paper.
    public var plainText: String {
        switch self {
        case .text(let text), .phone(let text, _), .address(let text):
            return text
        case .emphasis(let children), .strong(let children):
            return children.map(\.plainText).joined()
        case .blank(let width):
            return String(repeating: "_", count: width)
        }
    }
}
