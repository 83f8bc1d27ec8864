/// What an advocate noticed and what a youth said about where they are, read from a data
/// file's `assessment` (`safetyplan assess`): a conversation aid, never a score.
///
/// The assessment holds what was noticed and said, as given. `suggestion` groups the
/// stages the noticed signs fit, most noticed first, without ever exposing a count; the
/// youth's own stage (`youthStage`) is kept beside it, never replaced by it.
public struct Assessment: Equatable, Sendable {
    /// What was noticed and said, for the youth's situation as a whole or for one domain.
    public struct View: Equatable, Sendable {
        /// The ids of the signs the advocate noticed, in the order given, each once.
        public var observed: [String] = []
        /// The youth's own words about where they are.
        public var youthWords: String?
        /// The stage the youth says they are at, if they said.
        public var youthStage: Stage?
        /// The youth's Readiness Ruler answers (0–10): how important a change is, and
        /// how confident they are that they could make it. Printed as the youth's
        /// answers, never combined.
        public var importance: Int?
        public var confidence: Int?

        /// Whether anything was noticed or said.
        public var isEmpty: Bool {
            observed.isEmpty && youthWords == nil && youthStage == nil && importance == nil && confidence == nil
        }
    }

    /// The day of the assessment (YYYY-MM-DD), if given.
    public var date: String?
    /// The youth's situation as a whole.
    public var overall: View
    /// Views for single domains (shelter may be at preparation while reporting is at
    /// pre-contemplation), in the order given.
    public var domains: [(domain: Domain, view: View)]

    /// The assessment in `data`, or nil when it has none.
    public init?(_ data: PlanData) {
        guard let value = data.root["assessment"] else { return nil }
        self.init(value)
    }

    /// The assessment of an `assessment` value (validated against `DataShape.assessment`).
    init(_ value: DataValue) {
        date = value["date"]?.text
        overall = Self.view(value)
        domains = (value["domains"]?.elements ?? []).compactMap { entry in
            guard let domain = entry["domain"]?.text.flatMap(Domain.init(rawValue:)) else { return nil }
            return (domain, Self.view(entry))
        }
    }

    /// An assessment of one view and domain views.
    public init(date: String? = nil, overall: View, domains: [(domain: Domain, view: View)] = []) {
        self.date = date
        self.overall = overall
        self.domains = domains
    }

    private static func view(_ value: DataValue) -> View {
        var observed: [String] = []
        for id in (value["observed"]?.elements ?? []).compactMap(\.text) where !observed.contains(id) {
            observed.append(id)
        }
        return View(
            observed: observed, youthWords: value["youthWords"]?.text.flatMap { $0.isEmpty ? nil : $0 },
            youthStage: value["youthStage"]?.text.flatMap(Stage.init(rawValue:)),
            importance: value["importance"]?.text.flatMap { Int($0) },
            confidence: value["confidence"]?.text.flatMap { Int($0) })
    }

    public static func == (left: Assessment, right: Assessment) -> Bool {
        left.date == right.date && left.overall == right.overall
            && left.domains.map(\.domain) == right.domains.map(\.domain)
            && left.domains.map(\.view) == right.domains.map(\.view)
    }
}

/// The stages a view's noticed signs fit: a suggestion, never a verdict.
public struct StageSuggestion: Equatable, Sendable {
    /// The stages most of the noticed signs fit, together when they are tied, in the
    /// cycle's order; empty when nothing was noticed.
    public var leading: [Stage]
    /// The other stages some noticed sign fits, most first, in the cycle's order when tied.
    public var alsoFitting: [Stage]
    /// The noticed signs of each stage, in the cycle's order, stages without one left out.
    public var signsByStage: [(stage: Stage, signs: [String])]

    /// Every stage a noticed sign fits: `leading`, then `alsoFitting`.
    public var stages: [Stage] { leading + alsoFitting }

    /// The suggestion for `view` from the stages of `guide` (`Plan.stageGuide`).
    public init(_ view: Assessment.View, guide: [StageInfo]) {
        var groups: [(stage: Stage, signs: [String])] = []
        for info in guide {
            let signs = info.signIDs.indices.filter { view.observed.contains(info.signIDs[$0]) }.map { info.signs[$0] }
            if !signs.isEmpty { groups.append((info.stage, signs)) }
        }
        signsByStage = groups
        // Most noticed first; a tie keeps the cycle's order (a stable sort).
        var ranked: [[Stage]] = []
        var previous = -1
        for group in groups.enumerated().sorted(by: { left, right in
            left.element.signs.count != right.element.signs.count
                ? left.element.signs.count > right.element.signs.count : left.offset < right.offset
        }).map(\.element) {
            if group.signs.count == previous {
                ranked[ranked.count - 1].append(group.stage)
            } else {
                ranked.append([group.stage])
            }
            previous = group.signs.count
        }
        leading = ranked.first ?? []
        alsoFitting = Array(ranked.dropFirst().joined())
    }

    /// Whether the youth's stage, when they gave one, is not among the leading stages:
    /// then both are shown side by side, unresolved.
    public func differs(from youthStage: Stage?) -> Bool {
        guard let youthStage, !leading.isEmpty else { return false }
        return !leading.contains(youthStage)
    }

    public static func == (left: StageSuggestion, right: StageSuggestion) -> Bool {
        left.leading == right.leading && left.alsoFitting == right.alsoFitting
            && left.signsByStage.map(\.stage) == right.signsByStage.map(\.stage)
            && left.signsByStage.map(\.signs) == right.signsByStage.map(\.signs)
    }
}
