/// The planner: a youth's data and stage, plus the catalog, become a `Plan`.
///
/// The stage rules of DESIGN.md §4 live here, and only here: which domains a stage leads
/// with, which it covers briefly, and which it leaves out. The youth's own stage is the
/// one given; the planner never moves a youth to another stage.
public struct Planner: Sendable {
    public var catalog: Catalog {
        didSet {
            precomputed = ChoiceCache()
            precomputedValues = Self.planValues(catalog)
        }
    }

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

    /// What a plan without an age holds for each stage, plain and discreet, worked out once
    /// per catalog, when first needed: the resources and planned domains depend only on
    /// the stage, the age and discretion, and most data files give no age.
    private var precomputed = ChoiceCache()

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.precomputedValues = Self.planValues(catalog)
    }

    private static func key(_ stage: Stage, _ isDiscreet: Bool) -> Int {
        Stage.allCases.firstIndex(of: stage)! * 2 + (isDiscreet ? 1 : 0)
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
    public func plan(stage: Stage, data: PlanData, isDiscreet: Bool = false, copy: DocumentCopy = .youth) -> Plan {
        let age = data.age
        let (resources, domains) =
            age == nil
            ? precomputed.choice(Self.key(stage, isDiscreet)) {
                Self.choose(catalog, stage: stage, age: nil, isDiscreet: isDiscreet)
            }
            : Self.choose(catalog, stage: stage, age: age, isDiscreet: isDiscreet)
        return Plan(
            stage: stage, domains: domains, resources: resources, stageGuide: catalog.stages,
            principles: catalog.principles, values: values(stage: stage, data: data, isDiscreet: isDiscreet),
            isDiscreet: isDiscreet, copy: isDiscreet ? .youth : copy, discretion: catalog.discretion,
            words: catalog.words)
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
    private func values(stage: Stage, data: PlanData, isDiscreet: Bool) -> DataValue {
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
        if !catalog.words.printsDatesAsWritten || catalog.words.language != TemplateLibrary.baseLanguage {
            localize(&fields)
        }
        // The catalog's words in `plan.*` are made safe with the youth's: every path that
        // renders a discreet plan then prints the same thing.
        return isDiscreet ? catalog.discretion.redacted(.record(fields)) : .record(fields)
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

/// The planner's choices for plans without an age, filled in as stages are asked for, so a
/// run that makes one plan computes one entry. Shared by copies of a planner, and safe to
/// use from several threads.
final class ChoiceCache: @unchecked Sendable {
    private var choices: [Int: (resources: [Resource], domains: [PlannedDomain])] = [:]
    private let lock = NSLockLike()

    func choice(
        _ key: Int, _ make: () -> (resources: [Resource], domains: [PlannedDomain])
    ) -> (resources: [Resource], domains: [PlannedDomain]) {
        if let found = lock.withLock({ choices[key] }) { return found }
        let made = make()
        lock.withLock { choices[key] = made }
        return made
    }
}
