/// Says, in plain words and at its place, every way a document does not match a schema.
///
/// It runs only after libxml2 found the document invalid, and walks it against the
/// `SchemaModel` with the derivative algorithm, recovering after each problem so that one
/// mistake is one message (a wrong value is taken as right, a misplaced element is passed
/// over, missing attributes are taken as given). Each message says what the rule is, never
/// what was written: a value in the file may be a real phone number or name. Element and
/// attribute names are the markup's, and are named.
///
/// The words: `<offers> holds plain text, not empty, at most 600 characters`, `kind="…" on
/// <resource> is line or organisation`, the schema's own `<m:message>` for a rule a pattern
/// states (`a phone number in <call> is written with digits and hyphens, e.g.
/// 510-555-0100`), `<domain> needs the attribute 'youth-name'`, `unknown attribute 'colour'
/// on <resource>`, `unknown element <sing> in <signs>; did you mean <sign>?`, `<resource> is
/// missing <offers> before <serves>`, `<resource> is missing <source>`, `text is not allowed
/// directly in <resource>; …`.
struct SchemaExplainer {
    let model: SchemaModel
    let source: SourceText
    private(set) var problems: [XMLError] = []
    /// Elements visited; an explanation gives up (returns nil) past `stepLimit`.
    private var steps = 0
    static let stepLimit = 100_000

    init(model: SchemaModel, source: SourceText) {
        self.model = model
        self.source = source
    }

    /// Where a child element is being matched: its parent and what came before it.
    struct Parent {
        var element: Element
        /// The parent's content as its start tag closed (what it may hold at all).
        var start: Pattern
        var previous: Element?
        /// Whether a child was out of place or text was not allowed: then a "missing"
        /// at the end is most likely that child, and is not said again.
        var hadSequenceProblem = false
        /// Whether the child just before was out of place: a "missing" before this one is
        /// then most likely that child, and is not said again.
        var lastWasUnexpected = false
    }

    /// The problems of `root`, in document order; nil when the walk was too long.
    mutating func explain(_ root: Element) -> [XMLError]? {
        var parent: Parent?
        _ = visit(root, in: model.start, parent: &parent, following: [])
        return steps > Self.stepLimit ? nil : problems
    }

    // MARK: Elements

    /// Matches `element` in `pattern` and returns what may follow it; `following` are its
    /// next siblings, to tell a missing element from a wrong one.
    private mutating func visit(
        _ element: Element, in pattern: Pattern, parent: inout Parent?, following: ArraySlice<Element>
    ) -> Pattern {
        steps += 1
        guard steps <= Self.stepLimit else { return model.endTag(pattern, isLenient: true) }
        let namespace = element.namespace ?? ""
        var state = pattern
        var opened = model.startTagOpen(state, namespace: namespace, local: element.name)
        if opened == .notAllowed {
            if let (skipped, after) = skipRequired(
                state, until: { self.startTag(element, fitsIn: $0, strictly: false) })
            {
                if !(parent?.lastWasUnexpected ?? false) { report(missing: skipped, before: element, parent: parent) }
                state = after
                opened = model.startTagOpen(state, namespace: namespace, local: element.name)
            } else {
                report(unexpected: element, in: state, parent: parent)
                parent?.hadSequenceProblem = true
                parent?.lastWasUnexpected = true
                return pattern
            }
        }
        let definitions = model.matchingElements(state, namespace: namespace, local: element.name)

        // Attributes: a wrong value is said and taken as right; an unknown one is passed over.
        var withAttributes = opened
        var attributeProblems: [XMLError] = []
        // Names suggested for unknown attributes: that one is not also said to be missing.
        var suggested: Set<String> = []
        for attribute in element.attributes {
            let attributeNamespace = attribute.namespace ?? ""
            let next = model.attribute(
                withAttributes, namespace: attributeNamespace, local: attribute.name, value: attribute.value)
            if next != .notAllowed {
                withAttributes = next
                continue
            }
            let matching = model.matchingAttributes(
                withAttributes, namespace: attributeNamespace, local: attribute.name)
            let location = attributeLocation(attribute, of: element)
            if matching.isEmpty {
                let names = Self.unique(model.allAttributes(opened).map { model.attributes[$0].displayName })
                let suggestion = Self.closest(attribute.name, among: names)
                if let suggestion { suggested.insert(suggestion) }
                let advice = suggestion.map { "; did you mean '\($0)'?" } ?? "; remove it"
                attributeProblems.append(
                    XMLError(
                        message: "unknown attribute '\(attribute.name)' on <\(element.name)>\(advice)",
                        location: location))
            } else {
                attributeProblems.append(
                    XMLError(
                        message: valueMessage(attribute: attribute, of: element, definitions: matching, parent: parent),
                        location: location))
                withAttributes = model.attribute(
                    withAttributes, namespace: attributeNamespace, local: attribute.name, value: attribute.value,
                    isLenient: true)
            }
        }
        // A value that belongs to a later element of this name (a <domain id="counseling">
        // where <domain id="shelter"> comes first) means the one before is missing, when
        // the next siblings then fit better than with this one taken as it is.
        if !attributeProblems.isEmpty,
            let (skipped, after) = skipRequired(state, until: { self.startTag(element, fitsIn: $0, strictly: true) }),
            fitting([element] + following, in: after) > 1 + fitting(following, in: passed(element, in: state))
        {
            report(missing: skipped, before: element, parent: parent)
            return visit(element, in: after, parent: &parent, following: following)
        }
        problems += attributeProblems

        var closed = model.startTagClose(withAttributes)
        if closed == .notAllowed {
            for step in model.requiredAttributes(withAttributes)
            where !step.contains(where: { suggested.contains(model.attributes[$0].displayName) }) {
                let names = step.map { "'\(model.attributes[$0].displayName)'" }
                problems.append(
                    XMLError(
                        message: "<\(element.name)> needs the attribute \(SchemaDatatypes.oneOf(names))",
                        location: element.location))
            }
            closed = model.startTagClose(model.withoutAttributes(withAttributes))
        }

        // Content.
        var current = closed
        var me: Parent? = Parent(element: element, start: closed)
        let hasElementChildren = element.children.contains { if case .element = $0 { true } else { false } }
        if !hasElementChildren {
            var text = ""
            for case .text(let run) in element.children { text += run }
            current = matchText(text, in: current, of: element, definitions: definitions, parent: &me, isAlone: true)
        } else {
            let childElements = element.elements
            var elementIndex = 0
            for child in element.children {
                switch child {
                case .text(let text):
                    if text.allSatisfy(\.isXMLWhitespace) { continue }
                    current = matchText(
                        text, in: current, of: element, definitions: definitions, parent: &me, isAlone: false)
                case .element(let child):
                    elementIndex += 1
                    let following = childElements[elementIndex...].prefix(8)
                    let wasUnexpected = me?.lastWasUnexpected ?? false
                    current = visit(child, in: current, parent: &me, following: following)
                    // Cleared once a child after the unexpected one has been matched.
                    if wasUnexpected { me?.lastWasUnexpected = false }
                    me?.previous = child
                }
            }
        }

        var ended = model.endTag(current)
        if ended == .notAllowed {
            if !(me?.hadSequenceProblem ?? false) {
                let required = model.requiredElements(current)
                if !required.isEmpty {
                    let names = required.map { step in SchemaDatatypes.oneOf(step.map { describeElement($0) }) }
                    problems.append(
                        XMLError(
                            message: "<\(element.name)> is missing \(Self.list(names))", location: element.location))
                } else if model.contents(current).contains(where: model.holdsValue) {
                    problems.append(
                        XMLError(message: contentMessage(element, definitions: definitions), location: element.location)
                    )
                } else {
                    problems.append(
                        XMLError(
                            message: "<\(element.name)> is not complete; see what it holds in \(model.file)",
                            location: element.location))
                }
            }
            ended = model.endTag(current, isLenient: true)
        }
        return ended
    }

    /// Matches a run of text; `isAlone` when it is all the element holds (white space
    /// alone then also matches as nothing, as RELAX NG says).
    private mutating func matchText(
        _ text: String, in pattern: Pattern, of element: Element, definitions: [Int], parent: inout Parent?,
        isAlone: Bool
    ) -> Pattern {
        let isWhitespace = text.allSatisfy(\.isXMLWhitespace)
        var next = model.text(pattern, text)
        if isAlone && isWhitespace { next = .either(pattern, next) }
        guard next == .notAllowed else { return next }
        // After an element that did not belong, the text around it is not said again.
        if parent?.hadSequenceProblem ?? false {
            next = model.text(pattern, text, isLenient: true)
            return next == .notAllowed ? pattern : next
        }
        if model.contents(pattern).contains(where: model.holdsValue) {
            problems.append(
                XMLError(message: contentMessage(element, definitions: definitions), location: element.location))
            next = model.text(pattern, text, isLenient: true)
            if isAlone && isWhitespace { next = .either(pattern, next) }
            return next == .notAllowed ? pattern : next
        }
        let holdsElements = model.contents(parent?.start ?? pattern).contains { !model.allElements($0).isEmpty }
        let message =
            holdsElements
            ? "text is not allowed directly in <\(element.name)>; put it inside one of its elements, or remove it"
            : "<\(element.name)> is empty: remove the text in it"
        problems.append(XMLError(message: message, location: element.location))
        parent?.hadSequenceProblem = true
        return pattern
    }

    /// How many of `elements`, one after another, fit in `pattern` with their attributes.
    private func fitting(_ elements: ArraySlice<Element>, in pattern: Pattern) -> Int {
        var state = pattern
        var count = 0
        for element in elements {
            guard startTag(element, fitsIn: state, strictly: true) else { break }
            state = passed(element, in: state)
            count += 1
        }
        return count
    }

    /// What follows `element` in `pattern`, its attributes' values and its content taken as right.
    private func passed(_ element: Element, in pattern: Pattern) -> Pattern {
        var opened = model.startTagOpen(pattern, namespace: element.namespace ?? "", local: element.name)
        for attribute in element.attributes {
            let next = model.attribute(
                opened, namespace: attribute.namespace ?? "", local: attribute.name, value: attribute.value,
                isLenient: true)
            if next != .notAllowed { opened = next }
        }
        return model.endTag(model.startTagClose(model.withoutAttributes(opened)), isLenient: true)
    }

    /// Whether `element`'s start tag (and, `strictly`, its attributes) fits in `pattern`.
    private func startTag(_ element: Element, fitsIn pattern: Pattern, strictly: Bool) -> Bool {
        var opened = model.startTagOpen(pattern, namespace: element.namespace ?? "", local: element.name)
        guard opened != .notAllowed else { return false }
        guard strictly else { return true }
        for attribute in element.attributes {
            opened = model.attribute(
                opened, namespace: attribute.namespace ?? "", local: attribute.name, value: attribute.value)
            if opened == .notAllowed { return false }
        }
        return model.startTagClose(opened) != .notAllowed
    }

    /// The elements that must come next, passed over one at a time (at most six) until
    /// `fits` holds: what was passed over (as `describeElement` says them) and the state
    /// after them, or nil.
    private func skipRequired(_ pattern: Pattern, until fits: (Pattern) -> Bool) -> ([String], Pattern)? {
        var state = pattern
        var skipped: [String] = []
        for _ in 0..<6 {
            guard let step = model.requiredElements(state).first, let first = step.first,
                case .name(let namespace, let local) = model.elements[first].nameClass
            else { return nil }
            let matching = model.matchingElements(state, namespace: namespace, local: local)
            skipped.append(matching.count == 1 ? describeElement(matching[0]) : "<\(local)>")
            state = model.endTag(model.startTagOpen(state, namespace: namespace, local: local), isLenient: true)
            if state == .notAllowed { return nil }
            if fits(state) { return (skipped, state) }
        }
        return nil
    }

    // MARK: Messages

    private mutating func report(missing: [String], before element: Element, parent: Parent?) {
        let container = parent.map { "<\($0.element.name)>" } ?? "the file"
        problems.append(
            XMLError(
                message: "\(container) is missing \(Self.list(missing)) before this <\(element.name)>",
                location: element.location))
    }

    private mutating func report(unexpected element: Element, in pattern: Pattern, parent: Parent?) {
        let namespace = element.namespace ?? ""
        guard let parent else {
            // The root.
            let expected = model.firstElements(pattern)
            if let same = expected.first(where: { model.elements[$0].displayName == element.name }),
                case .name(let wanted, _) = model.elements[same].nameClass
            {
                problems.append(
                    XMLError(
                        message:
                            "<\(element.name)> needs the namespace \(wanted): write <\(element.name) xmlns=\"\(wanted)\">",
                        location: element.location))
            } else {
                let names = expected.map { "<\(model.elements[$0].displayName)>" }
                problems.append(
                    XMLError(
                        message: "the root element must be \(SchemaDatatypes.oneOf(Array(Set(names)).sorted()))",
                        location: element.location))
            }
            return
        }
        let container = parent.element.name
        let all = model.contents(parent.start).flatMap(model.allElements)
        let names = Self.unique(all.map { model.elements[$0].displayName })
        let message: String
        if names.isEmpty {
            message =
                model.contents(parent.start).contains(where: model.holdsText)
                ? "<\(element.name)> is not allowed in <\(container)>, which holds only text; remove the tags and keep the words"
                : "<\(element.name)> is not allowed in <\(container)>, which is empty; remove it"
        } else if let same = all.first(where: { model.elements[$0].displayName == element.name }) {
            if case .name(let wanted, _) = model.elements[same].nameClass, wanted != namespace,
                !all.contains(where: {
                    model.elements[$0].nameClass.contains(namespace: namespace, local: element.name)
                })
            {
                message = "<\(element.name)> in <\(container)> needs the namespace \(wanted)"
            } else {
                let next = Self.unique(model.firstElements(pattern).map { "<\(model.elements[$0].displayName)>" })
                let here = "<\(element.name)> cannot come here in <\(container)>"
                if let previous = parent.previous {
                    message =
                        next.isEmpty
                        ? "\(here): nothing comes after <\(previous.name)>"
                        : "\(here): after <\(previous.name)> comes \(SchemaDatatypes.oneOf(next))"
                } else {
                    message = "\(here): first comes \(SchemaDatatypes.oneOf(next))"
                }
            }
        } else {
            let suggestion = Self.closest(element.name, among: names).map { "; did you mean <\($0)>?" } ?? "; remove it"
            message = "unknown element <\(element.name)> in <\(container)>\(suggestion)"
        }
        problems.append(XMLError(message: message, location: element.location))
    }

    /// The rule for an attribute's value: the schema's words, or words made from its pattern.
    private func valueMessage(attribute: Attribute, of element: Element, definitions: [Int], parent: Parent?)
        -> String
    {
        let subject = "\(attribute.name)=\"…\" on <\(element.name)>"
        if let message = definitions.lazy.compactMap({ model.attributes[$0].message }).first {
            return message.replacing("{name}", with: subject)
        }
        let descriptions = Self.unique(definitions.compactMap { model.datatypes.describe(model.attributes[$0].value) })
        guard descriptions.count == definitions.count, !descriptions.isEmpty else {
            let definition = model.attributes[definitions[0]]
            return "\(subject) is not in a form \(model.file) allows (see \(definition.location))"
        }
        var message = "\(subject) is \(SchemaDatatypes.oneOf(descriptions))"
        // Several elements of this name, each with its own fixed value, in order.
        if let parent, let order = fixedOrder(of: attribute, named: element.name, in: parent.start), order.count > 1 {
            message =
                "\(attribute.name)=\"…\" on this <\(element.name)> is \(SchemaDatatypes.oneOf(descriptions)): "
                + "the <\(element.name)> elements of <\(parent.element.name)> are "
                + "\(Self.list(order)), in that order"
        }
        return message
    }

    /// The fixed values of an attribute on the elements of one name a parent holds, in
    /// schema order, when every one of them fixes it.
    private func fixedOrder(of attribute: Attribute, named name: String, in start: Pattern) -> [String]? {
        var values: [String] = []
        for index in model.contents(start).flatMap(model.allElements) where model.elements[index].displayName == name {
            let fixed = model.allAttributes(model.elements[index].content).compactMap { candidate -> String? in
                guard model.attributes[candidate].displayName == attribute.name,
                    case .leaf(let leaf) = model.attributes[candidate].value,
                    case .value(_, _, let text) = model.leaves[leaf].kind
                else { return nil }
                return "\"\(text.trimmingSpaces)\""
            }
            guard let value = fixed.first else { return nil }
            if !values.contains(value) { values.append(value) }
        }
        return values
    }

    /// The rule for an element's text.
    private func contentMessage(_ element: Element, definitions: [Int]) -> String {
        let subject = "<\(element.name)>"
        if let message = definitions.lazy.compactMap({ model.elements[$0].message }).first {
            return message.replacing("{name}", with: subject)
        }
        let descriptions = Self.unique(definitions.compactMap { model.datatypes.describe(model.elements[$0].content) })
        guard descriptions.count == definitions.count, !descriptions.isEmpty else {
            let location = definitions.first.map { " (see \(model.elements[$0].location))" } ?? ""
            return "\(subject) holds text in a form \(model.file) does not allow\(location)"
        }
        return "\(subject) holds \(SchemaDatatypes.oneOf(descriptions))"
    }

    /// An element as a message names it: `<source>`, or `<domain id="shelter">` when its
    /// definition fixes an attribute (which tells it from the others of its name).
    private func describeElement(_ index: Int) -> String {
        let definition = model.elements[index]
        var fixed: [String] = []
        for step in model.requiredAttributes(.after(definition.content, .empty)) where step.count == 1 {
            let attribute = model.attributes[step[0]]
            if case .leaf(let leaf) = attribute.value, case .value(_, _, let text) = model.leaves[leaf].kind {
                fixed.append(" \(attribute.displayName)=\"\(text.trimmingSpaces)\"")
            }
        }
        return "<\(definition.displayName)\(fixed.joined())>"
    }

    /// The place of an attribute's name in its element's start tag, else the element's.
    private func attributeLocation(_ attribute: Attribute, of element: Element) -> SourceLocation {
        guard
            let position = source.attributePosition(
                named: attribute.name, inTagAtLine: element.location.line, column: element.location.column)
        else { return element.location }
        return SourceLocation(file: element.location.file, line: position.line, column: position.column)
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: [String] = []
        for item in items where !seen.contains(item) { seen.append(item) }
        return seen
    }

    /// The name nearest to `name`: the same but for case, or one edit away (two for a name
    /// of six letters or more), if any.
    static func closest(_ name: String, among names: [String]) -> String? {
        if let same = names.first(where: { $0.lowercased() == name.lowercased() && $0 != name }) { return same }
        let scored = names.map { ($0, distance(Array(name), Array($0))) }.filter {
            $0.1 == 1 || ($0.1 == 2 && name.count >= 6)
        }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Edits (insert, delete, replace, or swap two neighbours) from `a` to `b`.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
