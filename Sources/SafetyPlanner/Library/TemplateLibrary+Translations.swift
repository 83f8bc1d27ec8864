import SafeXML

/// Comparing a language's files with the English ones: `safetyplan check` reports every
/// id, element or attribute (a data path, a stage, a number) that a translation is
/// missing, has in excess or has different, and every file that is still English.
///
/// A translation changes text only. Elements must match the English file one for one:
/// elements with an `id` (stages, domains, principles, resources, words) or a `path`
/// (questions) by it, others in order. Attributes must be equal, except those that hold
/// words (`translatableAttributes`), `lang` and `detail`. Text is never compared. A resource may
/// have more `<source>` elements than the English one: a translation adds the sources of
/// facts about its language (a line's service in Spanish).
extension TemplateLibrary {
    /// Attributes whose values are words, which a translation changes, and `detail`: a
    /// translation may print a line in full where the English prints it briefly, to say
    /// how to reach it in that language (the Spanish youth handout does).
    static let translatableAttributes: Set<String> = [
        "name", "youth-name", "discreet-name", "title", "discreet-title", "label", "hint", "default", "lang", "detail",
    ]

    /// Files that are shared by every language and never translated.
    static func isShared(_ name: String) -> Bool {
        name.hasSuffix(".rng") || name == "discretion.xml"
    }

    /// The problems of every language's files against the English ones.
    ///
    /// - Parameter names: the files to compare (`es/plan.xml`), or nil for all.
    func translationProblems(only names: [String]? = nil) -> [TemplateError] {
        var problems: [TemplateError] = []
        for language in translations.keys.sorted() {
            let own = translations[language]!
            for name in own.keys.sorted() where names?.contains(language + "/" + name) ?? true {
                let translated = own[name]!
                guard let english = files[name] else {
                    problems.append(
                        TemplateError(
                            .misplaced(
                                element: name,
                                reason:
                                    "has no English file of the same name; a language's files translate the English ones"
                            ),
                            at: SourceLocation(file: translated.displayName, line: 1, column: 1)))
                    continue
                }
                if Self.isShared(name) {
                    problems.append(
                        TemplateError(
                            .misplaced(
                                element: name,
                                reason:
                                    "is shared by every language and is not translated; keep one copy, outside \(language)/"
                            ),
                            at: SourceLocation(file: translated.displayName, line: 1, column: 1)))
                    continue
                }
                guard
                    let englishRoot = try? Document.parse(english.bytes, file: english.displayName).root,
                    let translatedRoot = try? Document.parse(translated.bytes, file: translated.displayName).root
                else { continue }  // a file that does not parse is reported by the file checks
                if translated.bytes == english.bytes {
                    problems.append(
                        TemplateError(
                            .misplaced(
                                element: translatedRoot.name,
                                reason: "is still English: it is the same as \(english.displayName)"),
                            at: translatedRoot.location))
                    continue
                }
                Self.compare(englishRoot, translatedRoot, into: &problems)
            }
            // English files with no translation, where the language comes from the same
            // place (the bundled set, or the agency's folder).
            guard names == nil || names!.contains(where: { $0.hasPrefix(language + "/") }) else { continue }
            for name in files.keys.sorted() where !Self.isShared(name) && own[name] == nil && name.hasSuffix(".xml") {
                let english = files[name]!
                guard own.values.contains(where: { $0.isBundled == english.isBundled }) else { continue }
                let root = try? Document.parse(english.bytes, file: english.displayName).root
                problems.append(
                    TemplateError(
                        .misplaced(
                            element: root?.name ?? name,
                            reason: "is still English in \(language): there is no \(language)/ file named \(name)"),
                        at: root?.location ?? SourceLocation(file: english.displayName, line: 1, column: 1)))
            }
        }
        return problems
    }

    /// The key an element is matched by: its `id`, or a question's `path`.
    private static func key(_ element: Element) -> String? {
        element.attribute("id") ?? element.attribute("path")
    }

    private static func describe(_ element: Element) -> String {
        key(element).map { "<\(element.name) \(element.attribute("id") != nil ? "id" : "path")=\"\($0)\">" }
            ?? "<\(element.name)>"
    }

    /// Compares a translated element with the English one, and their children.
    private static func compare(_ english: Element, _ translated: Element, into problems: inout [TemplateError]) {
        let at = translated.location
        func report(_ reason: String) {
            problems.append(TemplateError(.misplaced(element: translated.name, reason: reason), at: at))
        }
        guard english.name == translated.name else {
            problems.append(
                TemplateError(
                    .misplaced(
                        element: translated.name,
                        reason: "is <\(english.name)> in the English file (\(english.location))"),
                    at: at))
            return
        }
        for attribute in english.attributes where !translatableAttributes.contains(attribute.name) {
            switch translated.attribute(attribute.name) {
            case nil:
                report(
                    "is missing \(attribute.name)=\"\(attribute.value)\" that the English file has (\(english.location))"
                )
            case let value? where value != attribute.value:
                report(
                    "has \(attribute.name)=\"\(value)\" where the English file has \(attribute.name)=\"\(attribute.value)\" (\(english.location))"
                )
            default:
                break
            }
        }
        for attribute in translated.attributes
        where !translatableAttributes.contains(attribute.name) && english.attribute(attribute.name) == nil {
            report(
                "has \(attribute.name)=\"\(attribute.value)\", which the English file does not (\(english.location))")
        }

        // A translation may add sources to a resource.
        let mayAddSources = english.name == "resource"
        let englishChildren = english.elements
        let translatedChildren = translated.elements.filter { !(mayAddSources && $0.name == "source") }
        let englishCompared = englishChildren.filter { !(mayAddSources && $0.name == "source") }
        if !englishChildren.isEmpty, englishChildren.allSatisfy({ key($0) != nil }),
            translatedChildren.allSatisfy({ key($0) != nil })
        {
            var byKey: [String: Element] = [:]
            for child in translatedChildren { byKey[child.name + " " + key(child)!] = child }
            var seen: Set<String> = []
            for child in englishChildren {
                let name = child.name + " " + key(child)!
                seen.insert(name)
                if let match = byKey[name] {
                    compare(child, match, into: &problems)
                } else {
                    report("is missing \(describe(child)) that the English file has (\(child.location))")
                }
            }
            for child in translatedChildren where !seen.contains(child.name + " " + key(child)!) {
                problems.append(
                    TemplateError(
                        .misplaced(
                            element: child.name,
                            reason: "\(describe(child)) is not in the English file (\(english.location))"),
                        at: child.location))
            }
            return
        }
        for (index, pair) in zip(englishCompared, translatedChildren).enumerated() {
            guard pair.0.name == pair.1.name else {
                problems.append(
                    TemplateError(
                        .misplaced(
                            element: pair.1.name,
                            reason:
                                "is <\(pair.0.name)> in the English file (\(pair.0.location)); elements must follow the English file one for one"
                        ),
                        at: pair.1.location))
                return
            }
            _ = index
            compare(pair.0, pair.1, into: &problems)
        }
        if englishCompared.count > translatedChildren.count {
            let missing = englishCompared[translatedChildren.count]
            report("is missing \(describe(missing)) that the English file has (\(missing.location))")
        } else if translatedChildren.count > englishCompared.count {
            let extra = translatedChildren[englishCompared.count]
            problems.append(
                TemplateError(
                    .misplaced(element: extra.name, reason: "is not in the English file (\(english.location))"),
                    at: extra.location))
        }
    }
}
