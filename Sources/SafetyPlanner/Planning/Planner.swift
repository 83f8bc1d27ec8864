import Synchronization

/// The planner: a youth's data and stage, plus the catalog, become a `Plan`.
///
/// The stage rules of DESIGN.md §4 live here, and only here: which domains a stage leads
/// with, which it covers briefly, and which it leaves out. The youth's own stage is the
/// one given; the planner never moves a youth to another stage.
public struct Planner: Sendable {
    /// The catalog the planner draws on; setting it drops what was worked out from the old one.
    public var catalog: Catalog {
        didSet {
            precomputed = ChoiceCache()
            precomputedValues = Self.planValues(catalog)
            ageBands = AgeBands(catalog)
        }
    }

    /// The ages that select the same legal items and resources, grouped.
    private var ageBands: AgeBands

    /// The `plan.*` values every plan at a stage shares, by the stage's place in the cycle.
    private var precomputedValues: [DataRecord] = []

    private static func planValues(_ catalog: Catalog) -> [DataRecord] {
        Stage.allCases.map { stage in
            let info = catalog.info(for: stage)
            var planValues: DataRecord = [
                "stage": .text(info.name),
                "stageId": .text(stage.id),
                "youth": .text(info.youth),
                "aim": .text(info.aim),
                "response": .text(info.response),
                "source": .text(catalog.source),
            ]
            if let cycle = catalog.cycle[.youth] { planValues["cycle"] = .text(cycle) }
            if let cycle = catalog.cycle[.provider] { planValues["providerCycle"] = .text(cycle) }
            return planValues
        }
    }

    /// What a plan holds for each stage, discretion and age band, worked out once per
    /// catalog, when first needed: the resources and planned domains depend only on those.
    private var precomputed = ChoiceCache()

    /// A planner for a catalog.
    public init(catalog: Catalog) {
        self.catalog = catalog
        self.precomputedValues = Self.planValues(catalog)
        self.ageBands = AgeBands(catalog)
    }

    /// The shape of the plan for this stage, data and copy: what its fixed parts depend on.
    public func shape(stage: Stage, data: PlanData, isDiscreet: Bool = false, copy: DocumentCopy = .youth)
        -> PlanShape
    {
        PlanShape(
            stage: stage, isDiscreet: isDiscreet, copy: isDiscreet ? .youth : copy, ageBand: ageBands.band(of: data.age)
        )
    }

    /// The domains a stage covers, in the order it leads with them, and their weight.
    ///
    /// From the source: pre-contemplation acknowledges the youth is not ready and offers
    /// useful resources (basic safety, a person to reach, reporting as information only);
    /// contemplation helps identify sources of support and safety; preparation creates a
    /// plan covering support, shelter, counseling, reporting and safety planning; action
    /// addresses safety concerns while processing anxiety and loss; maintenance offers
    /// long-term support, patience and realistic goals.
    public static func rules(for stage: Stage) -> [(domain: Domain, emphasis: DomainEmphasis)] {
        switch stage {
        case .preContemplation:
            return [(.safety, .lead), (.support, .brief), (.reporting, .brief)]
        case .contemplation:
            return [
                (.support, .lead), (.safety, .lead), (.counseling, .brief), (.shelter, .brief), (.reporting, .brief),
            ]
        case .preparation:
            return [(.support, .full), (.shelter, .full), (.counseling, .full), (.reporting, .full), (.safety, .full)]
        case .action:
            return [(.safety, .lead), (.counseling, .lead), (.support, .full), (.shelter, .full), (.reporting, .full)]
        case .maintenance:
            return [
                (.support, .lead), (.counseling, .full), (.safety, .full), (.shelter, .brief), (.reporting, .brief),
            ]
        }
    }

    /// How many guidance items a brief domain shows.
    static let briefItemCount = 2

    /// Makes the plan for one youth at one stage.
    ///
    /// - Parameters:
    ///   - stage: the youth's own stage.
    ///   - data: the validated data file (may be empty).
    ///   - isDiscreet: whether the document must not reveal what it is about.
    ///   - copy: the youth's copy (the default) or the advocate's; a discreet plan is
    ///     always the youth's.
    ///   - card: for a wallet card, the lines the youth chose and whether the code word is
    ///     printed (`CardOptions`); nil for every other document.
    public func plan(
        stage: Stage, data: PlanData, isDiscreet: Bool = false, copy: DocumentCopy = .youth,
        card: CardOptions? = nil
    ) -> Plan {
        var shape = shape(stage: stage, data: data, isDiscreet: isDiscreet, copy: copy)
        shape.lines = card?.lines
        // Every age of a band makes the same choices: the band's youngest stands for it.
        var (resources, domains) = precomputed.choice(ChoiceKey(shape)) {
            Self.choose(catalog, stage: stage, age: ageBands.youngest(in: shape.ageBand), isDiscreet: isDiscreet)
        }
        if let chosen = card?.lines {
            // The youth's own choice of lines, in their order, in place of the lines the age
            // fits; the organisations stay.
            let lines = chosen.compactMap { id in catalog.resources.first { $0.id == id && $0.kind == .line } }
            resources = lines + resources.filter { $0.kind != .line }
        }
        return Plan(
            shape: shape, domains: domains, resources: resources, stageGuide: catalog.stages,
            principles: catalog.principles,
            values: values(stage: stage, data: data, isDiscreet: isDiscreet, card: card),
            discretion: catalog.discretion, words: catalog.words, domainInfo: catalog.domains)
    }

    /// The resources that fit the age (lines first) and the domains the stage covers.
    private static func choose(
        _ catalog: Catalog, stage: Stage, age: Int?, isDiscreet: Bool
    ) -> (resources: [Resource], domains: [PlannedDomain]) {
        let resources = catalog.resources.filter { $0.serves(age: age) }
            .enumerated().sorted { lhs, rhs in
                let (left, right) = (lhs.element.kind == .line ? 0 : 1, rhs.element.kind == .line ? 0 : 1)
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
        let domains = rules(for: stage).map { rule -> PlannedDomain in
            let info = catalog.info(for: rule.domain)
            let limit = rule.emphasis == .brief ? briefItemCount : Int.max
            // A discreet plan leaves out items that reveal, and takes the neutral wordings
            // written for it; another plan never shows those.
            func items(_ audience: Audience) -> [GuidanceItem] {
                let all = info.items(for: stage, audience: audience, age: age)
                let shown =
                    isDiscreet
                    ? all.filter { !catalog.discretion.isRevealing($0.text) }
                    : all.filter { !$0.isDiscreetWording }
                return Array(shown.prefix(limit))
            }
            return PlannedDomain(
                domain: rule.domain, emphasis: rule.emphasis, info: info,
                youthGuidance: items(.youth), providerGuidance: items(.provider),
                resources: resources.filter { $0.domains.contains(rule.domain) })
        }
        return (resources, domains)
    }

    /// The data file's values plus `plan.*`.
    private func values(stage: Stage, data: PlanData, isDiscreet: Bool, card: CardOptions?) -> DataValue {
        let info = catalog.info(for: stage)
        var planValues = precomputedValues[Stage.allCases.firstIndex(of: stage)!]
        if let date = data.date { planValues["date"] = .text(date) }
        // A move back is only ever framed without judgment: the catalog's words for the
        // stage the youth is at now, never a comparison with where they were.
        if let last = data.history.last?.stage, last > stage {
            planValues["movedBack"] = .text(info.movedBack)
            planValues["previousStage"] = .text(catalog.info(for: last).name)
        }
        guard case .record(var fields) = data.root else { return .record(["plan": .record(planValues)]) }
        fields["plan"] = .record(planValues)
        // A wallet card prints the code word only when the youth asks, discreet or not.
        let keepsCodeWord = card?.showsCodeWord ?? false
        if card != nil, !keepsCodeWord { fields["codeWord"] = nil }
        if !catalog.words.printsDatesAsWritten || catalog.words.language != TemplateLibrary.baseLanguage {
            localize(&fields)
        }
        // The catalog's words in `plan.*` are made safe with the youth's: every path that
        // renders a discreet plan then prints the same thing.
        return isDiscreet
            ? catalog.discretion.redacted(.record(fields), keepingCodeWord: keepsCodeWord) : .record(fields)
    }
}

extension Planner {
    /// Dates and earlier stages in the catalog's language: the date and each `history`
    /// entry's date as `words.xml` prints dates ("29 de noviembre de 2026"), and each
    /// entry's stage by the catalog's name for it, in lower case ("contemplación"). English
    /// prints both as the data file writes them, so this is only done for other languages.
    fileprivate func localize(_ fields: inout DataRecord) {
        let words = catalog.words
        if let date = fields["date"]?.text { fields["date"] = .text(words.date(date)) }
        if case .record(var assessment)? = fields["assessment"], let date = assessment["date"]?.text {
            assessment["date"] = .text(words.date(date))
            fields["assessment"] = .record(assessment)
        }
        guard case .list(let entries)? = fields["history"] else { return }
        fields["history"] = .list(
            entries.map { entry in
                guard case .record(var parts) = entry else { return entry }
                if let date = parts["date"]?.text { parts["date"] = .text(words.date(date)) }
                if let id = parts["stage"]?.text, let stage = Stage(rawValue: id) {
                    parts["stage"] = .text(catalog.info(for: stage).name.lowercased())
                }
                return .record(parts)
            })
    }
}

/// What the planner's choices depend on: the stage, discretion and the age band.
private struct ChoiceKey: Hashable {
    var stage: Stage
    var isDiscreet: Bool
    var ageBand: Int?

    init(_ shape: PlanShape) {
        (stage, isDiscreet, ageBand) = (shape.stage, shape.isDiscreet, shape.ageBand)
    }
}

/// The planner's choices, filled in as shapes are asked for, so a run that makes one plan
/// computes one entry. Shared by copies of a planner, and safe to use from several threads.
private final class ChoiceCache: Sendable {
    typealias Choice = (resources: [Resource], domains: [PlannedDomain])
    private let choices = Mutex<[ChoiceKey: Choice]>([:])

    func choice(_ key: ChoiceKey, _ make: () -> Choice) -> Choice {
        if let found = choices.withLock({ $0[key] }) { return found }
        let made = make()
        choices.withLock { $0[key] = made }
        return made
    }
}

/// The catalog's ages cut where any legal item or resource starts or stops applying: two
/// ages in one band select the same items and resources.
private struct AgeBands: Sendable {
    /// Sorted, distinct ages at which a band starts (the first band starts at 0).
    let starts: [Int]

    init(_ catalog: Catalog) {
        var ranges = catalog.resources.map { AgeRange($0.ages) ?? .all }
        ranges += catalog.domains.flatMap { $0.items.map(\.ages) }
        var starts: Set<Int> = [AgeRange.adulthood]
        for range in ranges {
            starts.insert(range.lowest)
            if range.highest < Int.max { starts.insert(range.highest + 1) }
        }
        starts.remove(0)
        self.starts = starts.sorted()
    }

    /// The band of `age` (nil when the age is unknown).
    func band(of age: Int?) -> Int? {
        guard let age else { return nil }
        return starts.firstIndex { $0 > age } ?? starts.count
    }

    /// The youngest age of a band: it makes the band's choices (nil: unknown age).
    func youngest(in band: Int?) -> Int? {
        guard let band else { return nil }
        return band == 0 ? 0 : starts[band - 1]
    }
}
