import SafeXML

/// A compiled template: the XML read once and turned into values that evaluate without
/// looking at XML again.
///
/// Compiling checks everything that can be checked without data (elements, attributes,
/// stages, domains, data paths, includes), so evaluation cannot fail: a plan renders, or
/// the template was refused when it was loaded, with the place at fault.
public struct Template: Equatable, Sendable {
    /// The XML namespace of the template language.
    public static let namespace = "urn:safetyplanner:template:1"

    /// The template's name (`plan`, `maintenance-support`).
    public var name: String
    /// The document title.
    public var title: String
    /// A neutral title for discreet documents.
    public var discreetTitle: String
    /// The language of the template's text.
    public var language: String
    /// What the template makes; `form` templates are filled with `fill`.
    public var kind: Kind
    /// Who reads the document: a youth (the default) or helpers (`audience="provider"`, the
    /// provider handout). A document for helpers has no discreet version.
    public var audience: Audience
    /// The stage a form is made for (`stage="maintenance"`), if it is made for one.
    public var stage: Stage?
    /// The compiled body.
    var body: [TemplateNode]
    /// The body prepared for each plan shape met so far (`PreparedTemplate`), shared by
    /// copies of the template.
    let cache = Cache()

    /// Two templates are equal when they were compiled to the same thing (what they have
    /// prepared so far does not count).
    public static func == (left: Template, right: Template) -> Bool {
        left.name == right.name && left.title == right.title && left.discreetTitle == right.discreetTitle
            && left.language == right.language && left.kind == right.kind && left.audience == right.audience
            && left.stage == right.stage && left.body == right.body
    }

    /// What the template makes (its `kind`): a plan, a form to fill, a handout, or a
    /// wallet card (`handout card`), which the renderers lay out as a bank card's front and
    /// back (`CardSheet`): its first page break divides the front from the back.
    public enum Kind: String, Sendable {
        case plan
        case form
        case handout
        /// The wallet card (`safetyplan handout card`).
        case card
        /// The advocate's assessment aid (`safetyplan assess`).
        case assessment
    }
}

/// A block of a compiled template.
indirect enum TemplateNode: Equatable, Sendable {
    case heading([TemplateInline])
    case paragraph([TemplateInline])
    case note([TemplateInline])
    case section(domain: Domain?, body: [TemplateNode])
    /// Domain sections, emitted in the plan's order; a domain the plan leaves out is skipped.
    case domains([Domain: [TemplateNode]])
    /// A list over data (`path` non-nil) or a fixed list of items.
    case list(ListTemplate)
    case check([TemplateInline])
    /// A labelled value or write-in lines; `isPhone` prints the value as a phone number.
    case field(label: [TemplateInline], path: DataPath?, lines: Int, isPhone: Bool = false)
    case writeIn(lines: Int)
    case conditional(Condition, [TemplateNode])
    case guidance(domain: Domain?, audience: Audience, limit: Int?)
    case resources(domain: Domain?, audience: Audience, kind: Resource.Kind?, label: ResourceLabel, detail: Detail)
    case stageGuide(detail: Detail)
    case principles(detail: Detail)
    /// A part of the assessment document (`<assessment part="…"/>`).
    case assessment(AssessmentPart)
    case pageBreak
}

/// How much `<stage-guide>`, `<principles>` and `<resources>` print (`detail="full|brief"`).
enum Detail: String, Equatable, Sendable {
    /// Everything: each stage's signs as a list; each principle's meaning and what it
    /// means in a plan; each resource's numbers, web address and description (the default).
    case full
    /// A compact form for short handouts: one list item per stage (signs and what helps
    /// in one paragraph); each principle's meaning only; each resource's name, how to
    /// reach it and, for helpers, where it is, without its description.
    case brief
}

/// How `<resources>` names each resource.
enum ResourceLabel: String, Equatable, Sendable {
    /// The resource's own name and web address (the default).
    case name
    /// The catalog's neutral `discreet-name` and no web address, for youth who may not use
    /// words such as "trafficking" for themselves: some names and addresses contain them.
    /// A line whose name is its number (911) keeps the number.
    case neutral
}

/// A list in a template.
struct ListTemplate: Equatable, Sendable {
    enum Style: String, Sendable {
        case bullet
        case number
        case check
    }

    /// The data list to iterate, or nil for a fixed list of `items`.
    var path: DataPath?
    /// The name each element is bound to inside the item body.
    var binding: String?
    var style: Style
    /// For a data list, one item body; for a fixed list, each item's body.
    var items: [[TemplateNode]]
    /// What to show when the data list is empty.
    var empty: [TemplateNode]
    /// What the list evaluates to when that depends on nothing (no `of`, and items of
    /// fixed text only): made once when the template is compiled, so evaluating a plan
    /// shares it instead of building the same nodes again for every document.
    var constant: [DocumentNode]?

    init(path: DataPath?, binding: String?, style: Style, items: [[TemplateNode]], empty: [TemplateNode]) {
        self.path = path
        self.binding = binding
        self.style = style
        self.items = items
        self.empty = empty
        if path == nil, items.allSatisfy({ $0.allSatisfy(\.isConstant) }) {
            constant = TemplateEvaluator.constantList(self)
        }
    }
}

extension TemplateNode {
    /// Whether the node evaluates to the same blocks for every plan, at any depth: fixed
    /// paragraphs, notes, check items, write-ins, page breaks and lists of them.
    var isConstant: Bool {
        switch self {
        case .paragraph(let content), .note(let content), .check(let content):
            return content.allSatisfy(\.isConstant)
        case .writeIn, .pageBreak:
            return true
        case .list(let list):
            return list.constant != nil
        case .heading, .section, .domains, .field, .conditional, .guidance, .resources, .stageGuide, .principles,
            .assessment:
            return false
        }
    }
}

extension TemplateInline {
    /// Whether the inline is fixed text (no values, no conditions).
    var isConstant: Bool {
        switch self {
        case .text, .blank:
            return true
        case .emphasis(let children), .strong(let children):
            return children.allSatisfy(\.isConstant)
        case .value, .conditional:
            return false
        }
    }
}

/// Inline content of a compiled template.
indirect enum TemplateInline: Equatable, Sendable {
    case text(String)
    case emphasis([TemplateInline])
    case strong([TemplateInline])
    case value(DataPath, default: String?, isPhone: Bool)
    case blank(width: Int)
    case conditional(Condition, [TemplateInline])
}

/// A condition of `<if>`: every part given must hold.
struct Condition: Equatable, Sendable {
    var stages: [Stage]?
    var has: DataPath?
    var lacks: DataPath?
    var emphasis: [DomainEmphasis]?
    var isDiscreet: Bool?
    /// `copy="youth|advocate"`: which copy of the document the part belongs to.
    var copy: DocumentCopy?
    /// `has-any="a b"`: at least one of the paths has a value.
    var hasAny: [DataPath]?
}

/// A checked data path such as `client.name` or `person.phone`.
struct DataPath: Equatable, Sendable, CustomStringConvertible {
    /// The first component is a top-level key, `plan`, or a list binding.
    var components: [String]

    var description: String { components.joined(separator: ".") }
}
