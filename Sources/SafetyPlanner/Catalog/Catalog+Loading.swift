import SafeXML
import Synchronization

extension Catalog {
    /// The catalog files and the schema each must satisfy.
    static let files: [(file: String, schema: String)] = [
        ("stages.xml", "stages.rng"),
        ("guidance.xml", "guidance.rng"),
        ("principles.xml", "principles.rng"),
        ("resources.xml", "resources.rng"),
        ("discretion.xml", "discretion.rng"),
        ("words.xml", "words.rng"),
    ]

    /// Loads and checks the catalog from a template library.
    ///
    /// - Throws: `TemplateError` at the first problem: malformed XML, a schema violation,
    ///   or a rule a schema cannot say (every stage and domain present exactly once).
    public static func load(from library: TemplateLibrary) throws(TemplateError) -> Catalog {
        let stagesRoot = try CatalogFile.root(of: "stages.xml", schema: "stages.rng", in: library)
        let guidanceRoot = try CatalogFile.root(of: "guidance.xml", schema: "guidance.rng", in: library)
        let principlesRoot = try CatalogFile.root(of: "principles.xml", schema: "principles.rng", in: library)
        let resourcesRoot = try CatalogFile.root(of: "resources.xml", schema: "resources.rng", in: library)
        let discretionRoot = try CatalogFile.root(of: "discretion.xml", schema: "discretion.rng", in: library)
        var words = try Words(element: CatalogFile.root(of: "words.xml", schema: "words.rng", in: library))
        if library.file(named: "words.xml")?.isBundled == false {
            // An agency's words made before the interview's lines: the bundled ones fill in.
            let bundled = TemplateLibrary.bundled.translated(to: library.language) ?? .bundled
            if let element = try? CatalogFile.root(of: "words.xml", schema: "words.rng", in: bundled),
                let bundledWords = try? Words(element: element)
            {
                words = words.fillingMissing(from: bundledWords)
            }
        }

        var cycle: [Audience: String] = [:]
        for element in stagesRoot.elements where element.name == "cycle" {
            cycle[Audience(rawValue: element.attribute("audience") ?? "") ?? .provider] = element.normalizedText
        }
        let stages = try stagesRoot.elements.filter { $0.name == "stage" }.map(StageInfo.init(element:))
        try CatalogFile.requireEach(
            Stage.allCases.map(\.id), in: stages.map(\.stage.id), root: stagesRoot, what: "stage")
        try Self.requireDistinctSignIDs(stagesRoot)

        let domains = try guidanceRoot.elements.filter { $0.name == "domain" }.map(DomainInfo.init(element:))
        try CatalogFile.requireEach(
            Domain.allCases.map(\.id), in: domains.map(\.domain.id), root: guidanceRoot, what: "domain")

        var principles: [Principle] = []
        for group in principlesRoot.elements where group.name == "group" {
            for element in group.elements where element.name == "principle" {
                principles.append(
                    Principle(
                        id: element.attribute("id") ?? "", group: group.attribute("id") ?? "",
                        groupName: group.attribute("name") ?? "", name: element.attribute("name") ?? "",
                        meaning: element.childText("meaning") ?? "", inPlan: element.childText("in-plan") ?? ""))
            }
        }
        let resources = try resourcesRoot.elements.filter { $0.name == "resource" }.map(Resource.init(element:))
        return Catalog(
            stages: Stage.allCases.map { stage in stages.first { $0.stage == stage }! },
            cycle: cycle, source: stagesRoot.attribute("source") ?? "",
            domains: Domain.allCases.map { domain in domains.first { $0.domain == domain }! },
            principles: principles, resources: resources, discretion: DiscretionPolicy(element: discretionRoot),
            words: words)
    }
}

extension DiscretionPolicy {
    /// Every language's lists together: a discreet document shows no revealing word of
    /// any language the catalog lists.
    init(element: Element) {
        var stems: [String] = []
        var words: Set<String> = []
        var phrases: [[String]] = []
        var surnameTitles: Set<String> = []
        var givenNameTitles: Set<String> = []
        var particles: Set<String> = []
        for language in element.elements where language.name == "language" {
            for child in language.elements {
                let text = child.normalizedText
                let list = text.split(separator: " ").map(String.init)
                switch (child.name, child.attribute("before")) {
                case ("stem", _): stems.append(text)
                case ("word", _): words.insert(text)
                case ("phrase", _): phrases.append(list)
                case ("titles", "surname"): surnameTitles.formUnion(list)
                case ("titles", _): givenNameTitles.formUnion(list)
                case ("particles", _): particles.formUnion(list)
                default: break
                }
            }
        }
        self.init(
            stems: stems, words: words, phrases: phrases, surnameTitles: surnameTitles,
            givenNameTitles: givenNameTitles, particles: particles)
    }
}

extension Words {
    /// The words of one `words.xml`.
    ///
    /// - Throws: `TemplateError` when a text the tool prints is missing or given twice, or
    ///   when there are not twelve months.
    init(element: Element) throws(TemplateError) {
        var texts: [String: String] = [:]
        var months: [String] = []
        var questions: [String: (label: String, hint: String)] = [:]
        var found: [String] = []
        for child in element.elements {
            switch child.name {
            case "text":
                let id = try CatalogFile.required(child, "id")
                found.append(id)
                texts[id] = child.normalizedText
            case "months":
                months = child.normalizedText.split(separator: " ").map(String.init)
            case "question":
                let path = try CatalogFile.required(child, "path")
                questions[path] = (try CatalogFile.required(child, "label"), child.attribute("hint") ?? "")
            default:
                break
            }
        }
        try CatalogFile.requireEach(Words.requiredIDs, in: found, root: element, what: "text")
        guard months.count == 12 else {
            throw TemplateError(.misplaced(element: "words", reason: "must name twelve months"), at: element.location)
        }
        self.init(
            language: element.attribute("lang") ?? "en", texts: texts, months: months, questions: questions)
    }
}

/// Reading helpers shared by the catalog's entry types.
enum CatalogFile {
    static func root(of name: String, schema schemaName: String, in library: TemplateLibrary) throws(TemplateError)
        -> Element
    {
        let start = SourceLocation(file: name, line: 1, column: 1)
        guard let file = library.file(named: name) else { throw TemplateError(.missingFile(name), at: start) }
        guard let schemaFile = library.file(named: schemaName) else {
            throw TemplateError(.missingFile(schemaName), at: start)
        }
        do {
            let document: Document
            if file.isBundled && schemaFile.isBundled {
                document = try Document.parse(file.bytes, file: file.displayName, maxBytes: library.maximumBytes)
            } else {
                let schema = try SchemaCache.shared.schema(schemaFile)
                document = try Document.parse(
                    file.bytes, file: file.displayName, schema: schema, maxBytes: library.maximumBytes)
            }
            guard document.root.namespace == Catalog.namespace else {
                throw TemplateError(
                    .wrongNamespace(element: document.root.name, expected: Catalog.namespace),
                    at: document.root.location)
            }
            return document.root
        } catch let error as XMLError {
            throw TemplateError(error)
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(.malformedXML("\(error)"), at: start)
        }
    }

    static func requireEach(_ expected: [String], in found: [String], root: Element, what: String) throws(TemplateError)
    {
        for id in expected where found.filter({ $0 == id }).count != 1 {
            throw TemplateError(
                .misplaced(element: root.name, reason: "must have exactly one \(what) '\(id)'"), at: root.location)
        }
    }

    static func required(_ element: Element, _ attribute: String) throws(TemplateError) -> String {
        guard let value = element.attribute(attribute) else {
            throw TemplateError(.missingAttribute(name: attribute, element: element.name), at: element.location)
        }
        return value
    }

    static func requiredChild(_ element: Element, _ name: String) throws(TemplateError) -> String {
        guard let text = element.childText(name) else {
            throw TemplateError(.misplaced(element: element.name, reason: "needs a <\(name)>"), at: element.location)
        }
        return text
    }

    /// `Stage.parseList(text)`, matched over bytes when every word is an ASCII stage name.
    ///
    /// For ASCII text, `String` equality is byte equality, and a space, tab or line feed
    /// byte is a separator `Character` of its own; anything else (a carriage return, which
    /// may join a line feed, any non-ASCII byte, a word that is not a stage) is left to
    /// `Stage.parseList`, which also words the error.
    static func stages(_ text: String) -> Result<[Stage], UnknownWord> {
        var text = text
        let fast = text.withUTF8 { bytes -> [Stage]? in
            var stages: [Stage] = []
            var start = 0
            for end in 0...bytes.count {
                let byte: UInt8 = end < bytes.count ? bytes[end] : 0x20
                if byte >= 0x80 || byte == 0x0D { return nil }
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A else { continue }
                if end > start {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    guard let index = stageNames.firstIndex(where: { $0.elementsEqual(word) }) else { return nil }
                    stages.append(Stage.allCases[index])
                }
                start = end + 1
            }
            return stages
        }
        return fast.map { .success($0) } ?? Stage.parseList(text)
    }

    /// Each stage's identifier as bytes, in `Stage.allCases` order.
    private static let stageNames = Stage.allCases.map { Array($0.rawValue.utf8) }

    static func domains(_ element: Element, _ attribute: String) throws(TemplateError) -> [Domain] {
        var domains: [Domain] = []
        for word in (element.attribute(attribute) ?? "").split(separator: " ") {
            guard let domain = Domain(rawValue: String(word)) else {
                throw TemplateError(.unknownDomain(String(word)), at: element.location)
            }
            domains.append(domain)
        }
        return domains
    }
}

/// Compiled schemas, so each `.rng` file is compiled once per process.
final class SchemaCache: Sendable {
    static let shared = SchemaCache()
    private let schemas = Mutex<[String: RelaxNGSchema]>([:])

    func schema(_ file: TemplateLibrary.File) throws(XMLError) -> RelaxNGSchema {
        let key = file.displayName + ":" + String(file.bytes.hashValue)
        if let schema = schemas.withLock({ $0[key] }) { return schema }
        let schema = try RelaxNGSchema(file.bytes, file: file.displayName)
        schemas.withLock { $0[key] = schema }
        return schema
    }
}

extension Element {
    /// The element's text with runs of whitespace collapsed and the ends trimmed.
    var normalizedText: String {
        let text = textContent
        if let normalized = Self.normalizedBytes(text) { return normalized }
        return Self.normalizedCharacters(text)
    }

    /// `TemplateCompiler.collapseWhitespace` with the ends trimmed, `Character` by
    /// `Character`: the reference for `normalizedBytes`, and its fall-back.
    static func normalizedCharacters(_ text: String) -> String {
        var parts = TemplateCompiler.collapseWhitespace(text)
        while parts.first == " " { parts.removeFirst() }
        while parts.last == " " { parts.removeLast() }
        return parts
    }

    /// `normalizedCharacters(text)` computed over UTF-8 bytes, or nil where the two could
    /// differ.
    ///
    /// `collapseWhitespace` treats a space, tab, line feed or carriage return as whitespace
    /// only when it is a `Character` of its own. A whitespace byte is one, except a carriage
    /// return followed by a line feed (one `Character`) and a space next to a combining or
    /// prepended scalar, which is never ASCII. So the bytes give the same answer unless a
    /// CR LF pair occurs or a whitespace byte touches a non-ASCII byte; then this returns
    /// nil. Loading the catalog spent most of its time in the `Character` walk.
    static func normalizedBytes(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var hasPendingSpace = false
            var previous: UInt8 = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    if previous >= 0x80 { return nil }
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return nil }
                    hasPendingSpace = true
                } else {
                    // Pending space means the byte before this one was whitespace.
                    if byte >= 0x80, hasPendingSpace { return nil }
                    if hasPendingSpace, !output.isEmpty { output.append(0x20) }
                    hasPendingSpace = false
                    output.append(byte)
                }
                previous = byte
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The normalized text of the first child element with this name.
    func childText(_ name: String) -> String? {
        firstChild(named: name)?.normalizedText
    }

    /// The first child element with this name (`elements.first { $0.name == name }`
    /// without building the array of elements).
    func firstChild(named name: String) -> Element? {
        for case .element(let child) in children where child.name == name { return child }
        return nil
    }
}

extension StageInfo {
    init(element: Element) throws(TemplateError) {
        let id = try CatalogFile.required(element, "id")
        guard let stage = Stage(rawValue: id) else { throw TemplateError(.unknownStage(id), at: element.location) }
        let signElements = element.firstChild(named: "signs")?.elements ?? []
        self.init(
            stage: stage, name: try CatalogFile.required(element, "name"),
            signs: signElements.map(\.normalizedText),
            response: try CatalogFile.requiredChild(element, "response"),
            aim: try CatalogFile.requiredChild(element, "aim"),
            youth: try CatalogFile.requiredChild(element, "youth"),
            movedBack: try CatalogFile.requiredChild(element, "moved-back"),
            // An agency's stages.xml written before signs had ids still loads: a sign
            // without one is named by its stage and place (pre-contemplation-1).
            signIDs: signElements.enumerated().map { $0.element.attribute("id") ?? "\(id)-\($0.offset + 1)" },
            questions: element.elements.filter { $0.name == "ask" }.map(\.normalizedText))
    }
}

extension DomainInfo {
    init(element: Element) throws(TemplateError) {
        let id = try CatalogFile.required(element, "id")
        guard let domain = Domain(rawValue: id) else { throw TemplateError(.unknownDomain(id), at: element.location) }
        var about: [Audience: String] = [:]
        var items: [GuidanceItem] = []
        for child in element.elements {
            let audience = Audience(rawValue: child.attribute("audience") ?? "") ?? .provider
            switch child.name {
            case "about":
                about[audience] = child.normalizedText
            case "item":
                let stages: [Stage]
                switch CatalogFile.stages(try CatalogFile.required(child, "stages")) {
                case .success(let parsed): stages = parsed
                case .failure(let unknown): throw TemplateError(.unknownStage(unknown.word), at: child.location)
                }
                items.append(
                    GuidanceItem(
                        text: child.normalizedText, stages: stages, audience: audience,
                        source: child.attribute("source"),
                        jurisdiction: child.attribute("jurisdiction"),
                        ages: child.attribute("ages").flatMap(AgeRange.init) ?? .all,
                        isDiscreetWording: child.attribute("discreet") == "only"))
            default:
                break
            }
        }
        self.init(
            domain: domain, name: try CatalogFile.required(element, "name"),
            youthName: element.attribute("youth-name") ?? element.attribute("name")!, about: about, items: items)
    }
}

extension Resource {
    init(element: Element) throws(TemplateError) {
        let textElement = element.firstChild(named: "text")
        let sources = element.elements.filter { $0.name == "source" }.map {
            Source(text: $0.normalizedText, date: $0.attribute("date"))
        }
        if sources.isEmpty { _ = try CatalogFile.requiredChild(element, "source") }
        self.init(
            id: try CatalogFile.required(element, "id"),
            kind: Resource.Kind(rawValue: element.attribute("kind") ?? "") ?? .organisation,
            domains: try CatalogFile.domains(element, "domains"),
            ages: element.attribute("ages") ?? "all", region: element.attribute("region") ?? "",
            discreetName: element.attribute("discreet-name") ?? "Contact",
            name: try CatalogFile.requiredChild(element, "name"), call: element.childText("call"),
            textNumber: textElement?.attribute("number"), textLabel: textElement?.normalizedText,
            web: element.childText("web"), offers: try CatalogFile.requiredChild(element, "offers"),
            serves: try CatalogFile.requiredChild(element, "serves"), location: element.childText("where"),
            youth: element.childText("youth"), sources: sources, verified: element.attribute("verified"))
    }
}

extension Catalog {
    /// Refuses two signs with one id (a derived `<stage>-<n>` counts): a data file's
    /// `assessment.observed` must name one sign.
    fileprivate static func requireDistinctSignIDs(_ root: Element) throws(TemplateError) {
        var seen: Set<String> = []
        for stage in root.elements where stage.name == "stage" {
            let stageID = stage.attribute("id") ?? ""
            for (index, sign) in (stage.firstChild(named: "signs")?.elements ?? []).enumerated() {
                let id = sign.attribute("id") ?? "\(stageID)-\(index + 1)"
                guard seen.insert(id).inserted else {
                    throw TemplateError(
                        .misplaced(
                            element: "sign", reason: "has the id '\(id)' of another sign; give each sign its own id"),
                        at: sign.location)
                }
            }
        }
    }
}
