/// A plan: what the planner decided for one youth at one stage, ready to be put into words
/// by a template.
///
/// The plan holds choices, not formatting: which domains appear and in what order, how
/// much guidance each gets, which resources fit, and the values templates may print.
public struct Plan: Equatable, Sendable {
    /// The stage the plan is for: the youth's own.
    public var stage: Stage
    /// The domains in the order the stage leads with; domains the stage leaves out are absent.
    public var domains: [PlannedDomain]
    /// Every resource that fits the youth (by age), lines first.
    public var resources: [Resource]
    /// The stages of change from the catalog, in order (for guides and handouts).
    public var stageGuide: [StageInfo]
    /// The principles from the catalog (for handouts).
    public var principles: [Principle]
    /// The values templates may print: the data file's keys, plus `plan.*`.
    public var values: DataValue
    /// Whether the document must avoid revealing words and details.
    public var isDiscreet: Bool
    /// The youth's copy or the advocate's (a discreet plan is always the youth's).
    public var copy: DocumentCopy = .youth
    /// What a discreet document leaves out (the catalog's `discretion.xml`).
    public var discretion: DiscretionPolicy
    /// The words the document prints outside its template, in its language (`words.xml`).
    public var words: Words = .english

    /// The planned domain for `domain`, if the plan includes it.
    public func planned(_ domain: Domain) -> PlannedDomain? {
        domains.first { $0.domain == domain }
    }
}

/// How much weight a stage gives a domain (DESIGN.md §4).
public enum DomainEmphasis: String, CaseIterable, Sendable {
    /// What the plan leads with at this stage: placed first, all guidance.
    case lead
    /// Covered in full.
    case full
    /// Covered briefly: the first two guidance items.
    case brief
}

/// One domain as the plan covers it.
public struct PlannedDomain: Equatable, Sendable {
    public var domain: Domain
    public var emphasis: DomainEmphasis
    public var info: DomainInfo
    /// Guidance for the youth, chosen for the stage and trimmed to the emphasis.
    public var youthGuidance: [GuidanceItem]
    /// Guidance for the advocate, chosen for the stage and trimmed to the emphasis.
    public var providerGuidance: [GuidanceItem]
    /// Resources tagged with this domain that fit the youth.
    public var resources: [Resource]
}
