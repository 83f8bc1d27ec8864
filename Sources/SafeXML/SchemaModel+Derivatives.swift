/// The derivatives of James Clark's "An algorithm for RELAX NG validation" (2002), over
/// `Pattern`: what a pattern still allows after a start tag, an attribute, the end of the
/// start tag, some text, or an end tag. `notAllowed` means the step does not match.
///
/// `isLenient` lets every value through (a `<data>`, a `<value>`, an attribute's value):
/// after a value was reported, the explainer goes on as if it had been right, so one wrong
/// value is one message.
extension SchemaModel {
    func isNullable(_ pattern: Pattern) -> Bool {
        switch pattern {
        case .empty, .text: true
        case .group(let a, let b), .interleave(let a, let b): isNullable(a) && isNullable(b)
        case .choice(let a, let b): isNullable(a) || isNullable(b)
        case .oneOrMore(let a): isNullable(a)
        default: false
        }
    }

    func startTagOpen(_ pattern: Pattern, namespace: String, local: String) -> Pattern {
        switch pattern {
        case .choice(let a, let b):
            return .either(
                startTagOpen(a, namespace: namespace, local: local), startTagOpen(b, namespace: namespace, local: local)
            )
        case .element(let index):
            let definition = elements[index]
            guard definition.nameClass.contains(namespace: namespace, local: local) else { return .notAllowed }
            return .following(definition.content, .empty)
        case .interleave(let a, let b):
            return .either(
                applyAfter(startTagOpen(a, namespace: namespace, local: local)) { .interleaving($0, b) },
                applyAfter(startTagOpen(b, namespace: namespace, local: local)) { .interleaving(a, $0) })
        case .oneOrMore(let a):
            return applyAfter(startTagOpen(a, namespace: namespace, local: local)) {
                .sequence($0, .either(.oneOrMore(a), .empty))
            }
        case .group(let a, let b):
            let first = applyAfter(startTagOpen(a, namespace: namespace, local: local)) { .sequence($0, b) }
            return isNullable(a) ? .either(first, startTagOpen(b, namespace: namespace, local: local)) : first
        case .after(let a, let b):
            return applyAfter(startTagOpen(a, namespace: namespace, local: local)) { .following($0, b) }
        default:
            return .notAllowed
        }
    }

    /// Replaces what follows each `after` of `pattern` by `change(it)`.
    func applyAfter(_ pattern: Pattern, _ change: (Pattern) -> Pattern) -> Pattern {
        switch pattern {
        case .after(let a, let b): return .following(a, change(b))
        case .choice(let a, let b): return .either(applyAfter(a, change), applyAfter(b, change))
        default: return .notAllowed
        }
    }

    func attribute(
        _ pattern: Pattern, namespace: String, local: String, value: String, isLenient: Bool = false
    ) -> Pattern {
        func next(_ p: Pattern) -> Pattern {
            attribute(p, namespace: namespace, local: local, value: value, isLenient: isLenient)
        }
        switch pattern {
        case .after(let a, let b): return .following(next(a), b)
        case .choice(let a, let b): return .either(next(a), next(b))
        case .group(let a, let b): return .either(.sequence(next(a), b), .sequence(a, next(b)))
        case .interleave(let a, let b): return .either(.interleaving(next(a), b), .interleaving(a, next(b)))
        case .oneOrMore(let a): return .sequence(next(a), .either(.oneOrMore(a), .empty))
        case .attribute(let index):
            let definition = attributes[index]
            guard definition.nameClass.contains(namespace: namespace, local: local) else { return .notAllowed }
            return isLenient || valueMatches(definition.value, value) ? .empty : .notAllowed
        default:
            return .notAllowed
        }
    }

    func valueMatches(_ pattern: Pattern, _ value: String, isLenient: Bool = false) -> Bool {
        (isNullable(pattern) && value.allSatisfy(\.isXMLWhitespace))
            || isNullable(text(pattern, value, isLenient: isLenient))
    }

    func startTagClose(_ pattern: Pattern) -> Pattern {
        switch pattern {
        case .after(let a, let b): return .following(startTagClose(a), b)
        case .choice(let a, let b): return .either(startTagClose(a), startTagClose(b))
        case .group(let a, let b): return .sequence(startTagClose(a), startTagClose(b))
        case .interleave(let a, let b): return .interleaving(startTagClose(a), startTagClose(b))
        case .oneOrMore(let a): return .repeating(startTagClose(a))
        case .attribute: return .notAllowed
        default: return pattern
        }
    }

    /// `pattern` with every attribute still expected taken as given.
    func withoutAttributes(_ pattern: Pattern) -> Pattern {
        switch pattern {
        case .after(let a, let b): return .following(withoutAttributes(a), b)
        case .choice(let a, let b): return .either(withoutAttributes(a), withoutAttributes(b))
        case .group(let a, let b): return .sequence(withoutAttributes(a), withoutAttributes(b))
        case .interleave(let a, let b): return .interleaving(withoutAttributes(a), withoutAttributes(b))
        case .oneOrMore(let a): return .repeating(withoutAttributes(a))
        case .attribute: return .empty
        default: return pattern
        }
    }

    func text(_ pattern: Pattern, _ text: String, isLenient: Bool = false) -> Pattern {
        func next(_ p: Pattern) -> Pattern { self.text(p, text, isLenient: isLenient) }
        switch pattern {
        case .choice(let a, let b): return .either(next(a), next(b))
        case .interleave(let a, let b): return .either(.interleaving(next(a), b), .interleaving(a, next(b)))
        case .group(let a, let b):
            let first = Pattern.sequence(next(a), b)
            return isNullable(a) ? .either(first, next(b)) : first
        case .after(let a, let b): return .following(next(a), b)
        case .oneOrMore(let a): return .sequence(next(a), .either(.oneOrMore(a), .empty))
        case .text: return .text
        case .leaf(let index): return isLenient || datatypes.allows(index, text) ? .empty : .notAllowed
        case .list(let inner):
            if isLenient { return .empty }
            var current = inner
            for word in text.split(whereSeparator: \.isXMLWhitespace) {
                current = self.text(current, String(word))
                if current == .notAllowed { return .notAllowed }
            }
            return isNullable(current) ? .empty : .notAllowed
        default:
            return .notAllowed
        }
    }

    func endTag(_ pattern: Pattern, isLenient: Bool = false) -> Pattern {
        switch pattern {
        case .choice(let a, let b): return .either(endTag(a, isLenient: isLenient), endTag(b, isLenient: isLenient))
        case .after(let a, let b): return isLenient || isNullable(a) ? b : .notAllowed
        default: return .notAllowed
        }
    }

    // MARK: What a pattern expects

    /// The content of each started element in `pattern` (the first part of each `after`).
    func contents(_ pattern: Pattern) -> [Pattern] {
        switch pattern {
        case .after(let a, _): [a]
        case .choice(let a, let b): contents(a) + contents(b)
        default: []
        }
    }

    /// The elements `pattern` can start with now, in schema order, without repeats.
    func firstElements(_ pattern: Pattern) -> [Int] {
        var found: [Int] = []
        func walk(_ p: Pattern) {
            switch p {
            case .element(let index): if !found.contains(index) { found.append(index) }
            case .choice(let a, let b), .interleave(let a, let b):
                walk(a)
                walk(b)
            case .group(let a, let b):
                walk(a)
                if isNullable(a) { walk(b) }
            case .oneOrMore(let a): walk(a)
            case .after(let a, _): walk(a)
            default: break
            }
        }
        walk(pattern)
        return found
    }

    /// Every element `pattern` holds at its own level (not inside other elements).
    func allElements(_ pattern: Pattern) -> [Int] {
        var found: [Int] = []
        func walk(_ p: Pattern) {
            switch p {
            case .element(let index): if !found.contains(index) { found.append(index) }
            case .choice(let a, let b), .interleave(let a, let b), .group(let a, let b):
                walk(a)
                walk(b)
            case .after(let a, _), .oneOrMore(let a), .list(let a): walk(a)
            default: break
            }
        }
        walk(pattern)
        return found
    }

    /// The elements that must still come, in order; each step is one element or a choice
    /// of several.
    func requiredElements(_ pattern: Pattern) -> [[Int]] {
        switch pattern {
        case .element(let index): return [[index]]
        case .group(let a, let b), .interleave(let a, let b): return requiredElements(a) + requiredElements(b)
        case .choice(let a, let b):
            if isNullable(a) || isNullable(b) { return [] }
            let left = requiredElements(a)
            let right = requiredElements(b)
            if left.isEmpty || right.isEmpty { return [] }
            if left == right { return left }
            // Either branch: what both must start with, as one step.
            var step = left[0]
            for index in right[0] where !step.contains(index) { step.append(index) }
            return [step]
        case .oneOrMore(let a): return requiredElements(a)
        case .after(let a, _): return requiredElements(a)
        default: return []
        }
    }

    /// The attributes that must still be given, in order, each one or a choice of several.
    func requiredAttributes(_ pattern: Pattern) -> [[Int]] {
        switch pattern {
        case .attribute(let index): return [[index]]
        case .group(let a, let b), .interleave(let a, let b): return requiredAttributes(a) + requiredAttributes(b)
        case .choice(let a, let b):
            if startTagClose(a) != .notAllowed || startTagClose(b) != .notAllowed { return [] }
            let left = requiredAttributes(a)
            let right = requiredAttributes(b)
            if left == right { return left }
            return [Array(Set(left.flatMap { $0 } + right.flatMap { $0 })).sorted()]
        case .oneOrMore(let a): return requiredAttributes(a)
        case .after(let a, _): return requiredAttributes(a)
        default: return []
        }
    }

    /// The attributes of `pattern` (at its own level) whose name class accepts the name.
    func matchingAttributes(_ pattern: Pattern, namespace: String, local: String) -> [Int] {
        var found: [Int] = []
        func walk(_ p: Pattern) {
            switch p {
            case .attribute(let index):
                if attributes[index].nameClass.contains(namespace: namespace, local: local), !found.contains(index) {
                    found.append(index)
                }
            case .choice(let a, let b), .interleave(let a, let b), .group(let a, let b):
                walk(a)
                walk(b)
            case .oneOrMore(let a): walk(a)
            case .after(let a, _): walk(a)
            default: break
            }
        }
        walk(pattern)
        return found
    }

    /// Every attribute of `pattern` at its own level.
    func allAttributes(_ pattern: Pattern) -> [Int] {
        var found: [Int] = []
        func walk(_ p: Pattern) {
            switch p {
            case .attribute(let index): if !found.contains(index) { found.append(index) }
            case .choice(let a, let b), .interleave(let a, let b), .group(let a, let b):
                walk(a)
                walk(b)
            case .oneOrMore(let a): walk(a)
            case .after(let a, _): walk(a)
            default: break
            }
        }
        walk(pattern)
        return found
    }

    /// The elements of `pattern` that accept the name, as `startTagOpen` would start them.
    func matchingElements(_ pattern: Pattern, namespace: String, local: String) -> [Int] {
        firstElements(pattern).filter { elements[$0].nameClass.contains(namespace: namespace, local: local) }
    }

    /// Whether `pattern` holds text, a value or a list at its own level.
    func holdsText(_ pattern: Pattern) -> Bool {
        switch pattern {
        case .text, .leaf, .list: true
        case .choice(let a, let b), .interleave(let a, let b), .group(let a, let b): holdsText(a) || holdsText(b)
        case .oneOrMore(let a), .after(let a, _): holdsText(a)
        default: false
        }
    }

    /// Whether `pattern` holds a value that can be wrong (a leaf or a list) at its own level.
    func holdsValue(_ pattern: Pattern) -> Bool {
        switch pattern {
        case .leaf, .list: true
        case .choice(let a, let b), .interleave(let a, let b), .group(let a, let b): holdsValue(a) || holdsValue(b)
        case .oneOrMore(let a), .after(let a, _): holdsValue(a)
        default: false
        }
    }
}

extension Character {
    /// XML's white space: space, tab, line feed, carriage return.
    var isXMLWhitespace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}
