/// A RELAX NG schema as patterns SafeXML can walk itself, to say in plain words why a
/// document that libxml2 found invalid does not match.
///
/// libxml2 decides whether a document is valid; its messages ("Element resource failed to
/// validate attributes") do not say which attribute, or what the rule is. `SchemaExplainer`
/// validates the document again against this model with the derivative algorithm of James
/// Clark's "An algorithm for RELAX NG validation", which knows at each step what was
/// expected, and words each problem from the schema: a rule's own words where the schema
/// gives them (`<m:message>` in the namespace `messagesNamespace`, on an `<element>`, an
/// `<attribute>` or a `<define>`), else words made from the pattern (a choice of values, a
/// date, plain text of a length). Values are checked by libxml2 itself (`SchemaDatatypes`),
/// so both validators agree on every data type.
///
/// The model is built from the schema's source (after libxml2 accepted it). A construct it
/// does not know (a nested grammar, `parentRef`) leaves no model, and messages fall back to
/// plain wordings of libxml2's own reports (`SchemaFallback`).
final class SchemaModel: Sendable {
    /// The namespace of plain-words annotations in a schema.
    static let messagesNamespace = "urn:safetyplanner:schema-messages:1"
    static let structureNamespace = "http://relaxng.org/ns/structure/1.0"

    /// The schema's file name, for messages that point at it.
    let file: String
    /// What a document's root must match.
    let start: Pattern
    /// Every `<element>` of the schema, by the index `Pattern.element` holds.
    let elements: [ElementDefinition]
    /// Every `<attribute>`, by the index `Pattern.attribute` holds.
    let attributes: [AttributeDefinition]
    /// Every `<data>` and `<value>`, by the index `Pattern.leaf` holds.
    let leaves: [Leaf]
    /// Checks values against leaves, with libxml2.
    let datatypes: SchemaDatatypes

    init(file: String, start: Pattern, elements: [ElementDefinition], attributes: [AttributeDefinition], leaves: [Leaf])
    {
        self.file = file
        self.start = start
        self.elements = elements
        self.attributes = attributes
        self.leaves = leaves
        datatypes = SchemaDatatypes(leaves: leaves)
    }

    /// The definitions whose rule for a value has no words: neither the schema's own
    /// (`<m:message>`) nor words made from its pattern (a pattern parameter needs the
    /// schema's). A problem with such a value is worded "not in a form the schema allows".
    func rulesWithoutWords() -> [SourceLocation] {
        var missing: [SourceLocation] = []
        for definition in attributes where definition.message == nil && holdsValue(definition.value) {
            if datatypes.describe(definition.value) == nil { missing.append(definition.location) }
        }
        for definition in elements where definition.message == nil && holdsValue(definition.content) {
            if datatypes.describe(definition.content) == nil { missing.append(definition.location) }
        }
        return missing.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Builds the model of a schema from its root element, or nil for a construct it does
    /// not know.
    static func build(from root: Element, file: String) -> SchemaModel? {
        var builder = SchemaModelBuilder(file: file)
        return builder.build(root)
    }
}

/// A name class: which element or attribute names a pattern accepts.
indirect enum NameClass: Hashable, Sendable {
    case name(namespace: String, local: String)
    case anyName(except: NameClass?)
    case nsName(namespace: String, except: NameClass?)
    case choice(NameClass, NameClass)

    /// Whether the class accepts the name (`namespace` "" for none).
    func contains(namespace: String, local: String) -> Bool {
        switch self {
        case .name(let ns, let name): ns == namespace && name == local
        case .anyName(let except): !(except?.contains(namespace: namespace, local: local) ?? false)
        case .nsName(let ns, let except):
            ns == namespace && !(except?.contains(namespace: namespace, local: local) ?? false)
        case .choice(let a, let b):
            a.contains(namespace: namespace, local: local) || b.contains(namespace: namespace, local: local)
        }
    }

    /// The names it lists, when it is a name or a choice of names.
    var names: [(namespace: String, local: String)]? {
        switch self {
        case .name(let namespace, let local): [(namespace, local)]
        case .choice(let a, let b): a.names.flatMap { first in b.names.map { first + $0 } }
        default: nil
        }
    }

    /// The name to print: the local name, or "element" / "attribute" for a wider class.
    func display(_ fallback: String) -> String {
        if let names, let first = names.first { return first.local }
        return fallback
    }
}

/// A pattern of the derivative algorithm; the schema's patterns and their derivatives.
indirect enum Pattern: Hashable, Sendable {
    case empty
    case notAllowed
    case text
    /// `SchemaModel.elements[index]`.
    case element(Int)
    /// `SchemaModel.attributes[index]`.
    case attribute(Int)
    /// `SchemaModel.leaves[index]`: a `<data>` or `<value>`.
    case leaf(Int)
    case list(Pattern)
    case oneOrMore(Pattern)
    case group(Pattern, Pattern)
    case interleave(Pattern, Pattern)
    case choice(Pattern, Pattern)
    /// The content of an element that has started, then what follows it.
    case after(Pattern, Pattern)

    /// A choice without `notAllowed` branches or repeated alternatives.
    static func either(_ a: Pattern, _ b: Pattern) -> Pattern {
        if a == .notAllowed { return b }
        if b == .notAllowed { return a }
        var members: [Pattern] = []
        for pattern in a.alternatives + b.alternatives where !members.contains(pattern) {
            members.append(pattern)
        }
        return members.dropFirst().reduce(members[0]) { .choice($0, $1) }
    }

    static func sequence(_ a: Pattern, _ b: Pattern) -> Pattern {
        if a == .notAllowed || b == .notAllowed { return .notAllowed }
        if a == .empty { return b }
        if b == .empty { return a }
        return .group(a, b)
    }

    static func interleaving(_ a: Pattern, _ b: Pattern) -> Pattern {
        if a == .notAllowed || b == .notAllowed { return .notAllowed }
        if a == .empty { return b }
        if b == .empty { return a }
        return .interleave(a, b)
    }

    static func following(_ a: Pattern, _ b: Pattern) -> Pattern {
        if a == .notAllowed || b == .notAllowed { return .notAllowed }
        return .after(a, b)
    }

    static func repeating(_ a: Pattern) -> Pattern {
        a == .notAllowed ? .notAllowed : .oneOrMore(a)
    }

    /// The branches of a choice (the pattern itself when it is none).
    var alternatives: [Pattern] {
        if case .choice(let a, let b) = self { return a.alternatives + b.alternatives }
        return [self]
    }
}

/// An `<element>` of the schema.
struct ElementDefinition: Sendable {
    var nameClass: NameClass
    /// Attributes and content.
    var content: Pattern
    /// The rule for its text in plain words (`{name}` for the element), from the schema.
    var message: String?
    /// Where it is in the schema.
    var location: SourceLocation

    var displayName: String { nameClass.display("element") }
}

/// An `<attribute>` of the schema.
struct AttributeDefinition: Sendable {
    var nameClass: NameClass
    var value: Pattern
    /// The rule for its value in plain words (`{name}` for the attribute), from the schema.
    var message: String?
    var location: SourceLocation

    var displayName: String { nameClass.display("attribute") }
}

/// A `<data>` or `<value>`, checked by libxml2 with a schema of its own (`probe`).
struct Leaf: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// `<data type=…>` with its parameters, in order.
        case data(library: String, type: String, parameters: [Parameter], hasExcept: Bool)
        /// `<value type=…>text</value>`.
        case value(library: String, type: String, text: String)
    }

    struct Parameter: Hashable, Sendable {
        var name: String
        var value: String
    }

    var kind: Kind
    /// A RELAX NG schema of one element `v` whose text is this leaf, to check a value with.
    var probe: String
}

/// Builds a `SchemaModel` from a schema's elements, resolving references and inheriting
/// `ns` and `datatypeLibrary` as RELAX NG's simplification does.
struct SchemaModelBuilder {
    let file: String
    private var defines: [String: [Element]] = [:]
    private var defineContexts: [String: Context] = [:]
    private var compiledDefines: [String: Pattern] = [:]
    private var compiling: Set<String> = []
    private var elements: [ElementDefinition] = []
    private var pendingContents: [(index: Int, children: [Element], context: Context)] = []
    private var attributes: [AttributeDefinition] = []
    private var leaves: [Leaf] = []
    private var isUnsupported = false

    /// What a pattern inherits from its ancestors in the schema.
    struct Context {
        var namespace: String
        var datatypeLibrary: String
    }

    init(file: String) {
        self.file = file
    }

    mutating func build(_ root: Element) -> SchemaModel? {
        let context = Self.inherit(Context(namespace: "", datatypeLibrary: ""), from: root)
        let start: Pattern
        if Self.isRNG(root, "grammar") {
            var starts: [(Element, Context)] = []
            collectGrammar(root, context: context, starts: &starts)
            guard !starts.isEmpty else { return nil }
            var pattern: Pattern?
            for (element, context) in starts {
                let compiled = group(Self.patternChildren(element), context: context)
                pattern = pattern.map { .either($0, compiled) } ?? compiled
            }
            start = pattern!
        } else {
            start = compile(root, context: context)
        }
        // Element contents are compiled after the element itself, so that a recursive
        // grammar (a section holds blocks, which hold sections) ends.
        while let pending = pendingContents.popLast() {
            elements[pending.index].content = group(pending.children, context: pending.context)
        }
        guard !isUnsupported else { return nil }
        return SchemaModel(file: file, start: start, elements: elements, attributes: attributes, leaves: leaves)
    }

    static func isRNG(_ element: Element, _ name: String) -> Bool {
        element.namespace == SchemaModel.structureNamespace && element.name == name
    }

    /// The children that are patterns: RELAX NG elements other than name classes.
    static func patternChildren(_ element: Element) -> [Element] {
        element.elements.filter {
            $0.namespace == SchemaModel.structureNamespace
                && !["name", "anyName", "nsName", "param", "except"].contains($0.name)
        }
    }

    /// Whether a pattern is an attribute, or only optional attributes (an element's
    /// attributes, which its text's rule leaves out).
    static func isAttribute(_ element: Element) -> Bool {
        if isRNG(element, "attribute") { return true }
        if isRNG(element, "optional") { return patternChildren(element).allSatisfy(isAttribute) }
        return false
    }

    /// The plain-words annotation of a schema element, if it has one.
    static func message(of element: Element) -> String? {
        element.elements.first { $0.namespace == SchemaModel.messagesNamespace && $0.name == "message" }
            .map { $0.textContent.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    static func inherit(_ context: Context, from element: Element) -> Context {
        var context = context
        if let namespace = element.attribute("ns") { context.namespace = namespace }
        if let library = element.attribute("datatypeLibrary") { context.datatypeLibrary = library }
        return context
    }

    private mutating func collectGrammar(_ grammar: Element, context: Context, starts: inout [(Element, Context)]) {
        for child in grammar.elements where child.namespace == SchemaModel.structureNamespace {
            let childContext = Self.inherit(context, from: child)
            switch child.name {
            case "start": starts.append((child, childContext))
            case "define":
                let name = child.attribute("name") ?? ""
                defines[name, default: []].append(child)
                defineContexts[name] = childContext
            case "div": collectGrammar(child, context: childContext, starts: &starts)
            default: isUnsupported = true
            }
        }
    }

    /// The patterns in sequence (an element's or a define's children).
    private mutating func group(_ children: [Element], context: Context) -> Pattern {
        let patterns = children.map { compile($0, context: Self.inherit(context, from: $0)) }
        return patterns.dropFirst().reduce(patterns.first ?? .empty) { Pattern.sequence($0, $1) }
    }

    private mutating func compile(_ element: Element, context: Context) -> Pattern {
        let context = Self.inherit(context, from: element)
        let children = Self.patternChildren(element)
        switch element.name {
        case "element":
            let nameClass = elementName(element, context: context)
            let index = elements.count
            elements.append(
                ElementDefinition(
                    nameClass: nameClass, content: .empty,
                    message: Self.message(of: element) ?? refMessage(children.filter { !Self.isAttribute($0) }),
                    location: element.location))
            pendingContents.append((index, children, context))
            return .element(index)
        case "attribute":
            // An attribute is in no namespace unless it says so itself.
            var attributeContext = context
            attributeContext.namespace = element.attribute("ns") ?? ""
            let nameClass = elementName(element, context: attributeContext)
            let value = children.isEmpty ? Pattern.text : group(children, context: context)
            attributes.append(
                AttributeDefinition(
                    nameClass: nameClass, value: value, message: Self.message(of: element) ?? refMessage(children),
                    location: element.location))
            return .attribute(attributes.count - 1)
        case "group": return group(children, context: context)
        case "interleave":
            let patterns = children.map { compile($0, context: context) }
            return patterns.dropFirst().reduce(patterns.first ?? .empty) { Pattern.interleaving($0, $1) }
        case "choice":
            let patterns = children.map { compile($0, context: context) }
            return patterns.dropFirst().reduce(patterns.first ?? .notAllowed) { Pattern.either($0, $1) }
        case "optional": return .either(group(children, context: context), .empty)
        case "zeroOrMore": return .either(.repeating(group(children, context: context)), .empty)
        case "oneOrMore": return .repeating(group(children, context: context))
        case "mixed": return .interleaving(.text, group(children, context: context))
        case "list": return .list(group(children, context: context))
        case "empty": return .empty
        case "text": return .text
        case "notAllowed": return .notAllowed
        case "data", "value": return leaf(element, context: context)
        case "ref": return reference(element.attribute("name") ?? "")
        default:
            // parentRef, a nested grammar, externalRef: not modelled.
            isUnsupported = true
            return .notAllowed
        }
    }

    /// The annotation of the define that `children` refer to, when they are one `<ref>`.
    private func refMessage(_ children: [Element]) -> String? {
        var current = children
        var seen: Set<String> = []
        while current.count == 1, Self.isRNG(current[0], "ref"), let name = current[0].attribute("name"),
            seen.insert(name).inserted, let bodies = defines[name], bodies.count == 1
        {
            if let message = Self.message(of: bodies[0]) { return message }
            current = Self.patternChildren(bodies[0])
        }
        return nil
    }

    private mutating func reference(_ name: String) -> Pattern {
        if let compiled = compiledDefines[name] { return compiled }
        guard let bodies = defines[name], !compiling.contains(name) else {
            isUnsupported = true
            return .notAllowed
        }
        compiling.insert(name)
        let context = defineContexts[name]!
        var pattern: Pattern?
        for body in bodies {
            let compiled = group(Self.patternChildren(body), context: Self.inherit(context, from: body))
            switch body.attribute("combine") {
            case "interleave": pattern = pattern.map { .interleaving($0, compiled) } ?? compiled
            default: pattern = pattern.map { .either($0, compiled) } ?? compiled
            }
        }
        compiling.remove(name)
        compiledDefines[name] = pattern!
        return pattern!
    }

    private mutating func leaf(_ element: Element, context: Context) -> Pattern {
        let library = element.attribute("datatypeLibrary") ?? context.datatypeLibrary
        let kind: Leaf.Kind
        if element.name == "data" {
            let parameters = element.elements.filter { Self.isRNG($0, "param") }.map {
                Leaf.Parameter(name: $0.attribute("name") ?? "", value: $0.textContent)
            }
            let hasExcept = element.elements.contains { Self.isRNG($0, "except") }
            kind = .data(
                library: library, type: element.attribute("type") ?? "", parameters: parameters, hasExcept: hasExcept)
        } else if element.attribute("type") == nil {
            // A value without a type is a token of the built-in library.
            kind = .value(library: "", type: "token", text: element.textContent)
        } else {
            kind = .value(library: library, type: element.attribute("type")!, text: element.textContent)
        }
        let probe = SchemaDatatypes.probe(for: element, library: library, namespace: context.namespace)
        let made = Leaf(kind: kind, probe: probe)
        if let index = leaves.firstIndex(of: made) { return .leaf(index) }
        leaves.append(made)
        return .leaf(leaves.count - 1)
    }

    /// The name class of an `<element>` or `<attribute>`: its `name` attribute (a prefixed
    /// name is not resolved here, and the shipped schemas use none) or its name-class child.
    private mutating func elementName(_ element: Element, context: Context) -> NameClass {
        if let name = element.attribute("name") {
            if name.contains(":") { isUnsupported = true }
            return .name(namespace: context.namespace, local: name.trimmingSpaces)
        }
        return nameClassChild(element, context: context)
    }

    private mutating func nameClassChild(_ element: Element, context: Context) -> NameClass {
        guard let child = element.elements.first(where: { $0.namespace == SchemaModel.structureNamespace }) else {
            isUnsupported = true
            return .anyName(except: nil)
        }
        return nameClass(child, context: Self.inherit(context, from: child))
    }

    private mutating func nameClass(_ element: Element, context: Context) -> NameClass {
        let except = element.elements.first { Self.isRNG($0, "except") }.flatMap { except -> NameClass? in
            let classes = except.elements.filter { $0.namespace == SchemaModel.structureNamespace }.map {
                nameClass($0, context: Self.inherit(context, from: $0))
            }
            return classes.dropFirst().reduce(classes.first) { partial, next in partial.map { .choice($0, next) } }
        }
        switch element.name {
        case "name":
            let text = element.textContent.trimmingSpaces
            if text.contains(":") { isUnsupported = true }
            return .name(namespace: context.namespace, local: text)
        case "anyName": return .anyName(except: except)
        case "nsName": return .nsName(namespace: context.namespace, except: except)
        case "choice":
            let classes = element.elements.filter { $0.namespace == SchemaModel.structureNamespace }.map {
                nameClass($0, context: Self.inherit(context, from: $0))
            }
            guard let first = classes.first else {
                isUnsupported = true
                return .anyName(except: nil)
            }
            return classes.dropFirst().reduce(first) { .choice($0, $1) }
        default:
            isUnsupported = true
            return .anyName(except: nil)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
