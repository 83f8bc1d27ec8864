/// A plan: what the planner decided for one youth at one stage, ready to be put into words
/// by a template.
///
/// The plan holds choices, not formatting: which domains appear and in what order, how
/// much guidance each gets, which resources fit, and the values templates may print.
public struct Plan: Equatable, Sendable {
    /// What the plan's fixed parts depend on: its stage, discretion, copy and age band.
    public var shape: PlanShape
    /// The stage the plan is for: the youth's own.
    public var stage: Stage { shape.stage }
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
    public var isDiscreet: Bool { shape.isDiscreet }
    /// The youth's copy or the advocate's (a discreet plan is always the youth's).
    public var copy: DocumentCopy { shape.copy }
    /// What a discreet document leaves out (the catalog's `discretion.xml`).
    public var discretion: DiscretionPolicy
    /// The words the document prints outside its template, in its language (`words.xml`).
    public var words: Words = .english
    /// Every domain of the catalog, in the source's order, whether the plan covers it or
    /// not (the assessment's domains are named by it).
    public var domainInfo: [DomainInfo] = []

    /// The planned domain for `domain`, if the plan includes it.
    public func planned(_ domain: Domain) -> PlannedDomain? {
        domains.first { $0.domain == domain }
    }
}

/// What the fixed parts of a document depend on besides its template and format: two plans
/// of one shape print the same text wherever the template does not read the record.
///
/// The age enters by its band (`Planner.shape`): the ages between two places where a legal
/// item or resource starts or stops applying, so every age of a band selects the same
/// items and resources.
public struct PlanShape: Hashable, Sendable {
    /// The youth's own stage.
    public var stage: Stage
    /// Whether the document must tell nothing to a person who finds it.
    public var isDiscreet: Bool
    /// The youth's copy or the advocate's.
    public var copy: DocumentCopy
    /// The youth's age band; nil when the age is unknown.
    public var ageBand: Int?
    /// The lines a wallet card's youth chose (`CardOptions.lines`), by id; nil for the lines
    /// the age fits.
    public var lines: [String]?

    /// A shape; `Planner.shape(stage:data:isDiscreet:copy:)` makes the one of a data file.
    public init(
        stage: Stage, isDiscreet: Bool = false, copy: DocumentCopy = .youth, ageBand: Int? = nil,
        lines: [String]? = nil
    ) {
        self.stage = stage
        self.isDiscreet = isDiscreet
        self.copy = copy
        self.ageBand = ageBand
        self.lines = lines
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
    /// The domain.
    public var domain: Domain
    /// How much weight the stage gives it.
    public var emphasis: DomainEmphasis
    /// What the catalog says about it (its names, what it is about, all its guidance).
    public var info: DomainInfo
    /// Guidance for the youth, chosen for the stage and trimmed to the emphasis.
    public var youthGuidance: [GuidanceItem]
    /// Guidance for the advocate, chosen for the stage and trimmed to the emphasis.
    public var providerGuidance: [GuidanceItem]
    /// Resources tagged with this domain that fit the youth.
    public var resources: [Resource]
}
