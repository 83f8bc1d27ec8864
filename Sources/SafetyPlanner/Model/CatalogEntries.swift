/// What the catalog says about one stage of change (Templates/catalog/stages.xml).
public struct StageInfo: Equatable, Sendable {
    /// The stage this entry describes.
    public var stage: Stage
    /// The stage's name as the source writes it ("Pre-contemplation").
    public var name: String
    /// How a helper may recognise the stage.
    public var signs: [String]
    /// What a helper can do, from the source.
    public var response: String
    /// What a plan does at this stage, for the helper.
    public var aim: String
    /// A few plain words to the youth about where they are.
    public var youth: String
    /// Words to the youth, without judgment, when they are here after a later stage.
    public var movedBack: String
    /// Each sign's id, in the order of `signs` (`pc-not-a-victim`): the same in every
    /// language; `<stage>-<n>` for a sign that has none in the catalog.
    public var signIDs: [String] = []
    /// What a helper may ask next at this stage (`<ask>`), for `safetyplan assess`.
    public var questions: [String] = []

    /// The text of the sign with this id, if the stage has it.
    public func sign(id: String) -> String? {
        signIDs.firstIndex(of: id).map { signs[$0] }
    }
}

/// One piece of stage-appropriate guidance in a domain (Templates/catalog/guidance.xml).
public struct GuidanceItem: Equatable, Sendable {
    /// The guidance, as the youth or helper reads it.
    public var text: String
    /// The stages the item is written for.
    public var stages: [Stage]
    /// Who the item speaks to.
    public var audience: Audience
    /// Where a legal fact comes from, for items that state one.
    public var source: String?
    /// The place whose law the item states, so an agency elsewhere can replace it.
    public var jurisdiction: String?
    /// The ages the item is true for (`ages="under-18"` on the California duty to report
    /// child abuse; `ages="18-and-over"` on what reporting means for an adult survivor).
    public var ages: AgeRange = .all
    /// A neutral wording written for discreet documents only (`discreet="only"`): it takes
    /// the place of items that would reveal what the plan is about.
    public var isDiscreetWording = false
}

/// The ages a catalog entry applies to: `all`, `under-N`, `N-M` or `N-and-over`.
public struct AgeRange: Equatable, Sendable, CustomStringConvertible {
    /// The youngest age covered.
    public var lowest: Int
    /// The oldest age covered (`Int.max`: no upper bound).
    public var highest: Int

    /// Every age.
    public static let all = AgeRange(lowest: 0, highest: .max)

    /// The youngest age the law treats as an adult in the catalog's jurisdictions.
    public static let adulthood = 18

    /// The ages from `lowest` to `highest`, both included.
    public init(lowest: Int, highest: Int) {
        self.lowest = lowest
        self.highest = highest
    }

    /// Reads the attribute's value (the schemas check its form); nil when malformed.
    public init?(_ text: String) {
        if text == "all" {
            self = .all
        } else if text.hasPrefix("under-"), let bound = Int(text.dropFirst(6)), bound > 0 {
            self.init(lowest: 0, highest: bound - 1)
        } else if text.hasSuffix("-and-over"), let bound = Int(text.dropLast(9)) {
            self.init(lowest: bound, highest: .max)
        } else {
            let bounds = text.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
            self.init(lowest: bounds[0], highest: bounds[1])
        }
    }

    /// Whether the entry fits a youth of `age`. An unknown age is taken to be a minor's
    /// (the law that protects minors is the safer one to state): the entry fits when it
    /// covers any age under 18.
    public func contains(age: Int?) -> Bool {
        guard let age else { return lowest < Self.adulthood }
        return (lowest...highest).contains(age)
    }

    /// The attribute's form: `all`, `under-N`, `N-M` or `N-and-over`.
    public var description: String {
        switch (lowest, highest) {
        case (0, .max): return "all"
        case (0, let highest): return "under-\(highest + 1)"
        case (let lowest, .max): return "\(lowest)-and-over"
        case (let lowest, let highest): return "\(lowest)-\(highest)"
        }
    }
}

/// What the catalog says about one domain of a plan.
public struct DomainInfo: Equatable, Sendable {
    /// The domain this entry describes.
    public var domain: Domain
    /// The name for helpers ("Shelter").
    public var name: String
    /// The name the youth sees ("A safe place to stay").
    public var youthName: String
    /// One sentence about the domain for each audience.
    public var about: [Audience: String]
    /// Guidance items in the order written.
    public var items: [GuidanceItem]

    /// The items for one stage, audience and age, in catalog order.
    public func items(for stage: Stage, audience: Audience, age: Int? = nil) -> [GuidanceItem] {
        items.filter { $0.audience == audience && $0.stages.contains(stage) && $0.ages.contains(age: age) }
    }
}

/// A trauma-informed principle or survivor-centered practice (Templates/catalog/principles.xml).
public struct Principle: Equatable, Sendable {
    /// The principle's id in the catalog ("safety").
    public var id: String
    /// The id of its group ("trauma-informed" or "survivor-centered").
    public var group: String
    /// The group's name as printed.
    public var groupName: String
    /// The principle's name as printed.
    public var name: String
    /// What the principle means, from the source.
    public var meaning: String
    /// What it means in a plan.
    public var inPlan: String
}

/// A help line or organisation (Templates/catalog/resources.xml).
public struct Resource: Equatable, Sendable {
    /// Whether the resource is a line to call or text, or an organisation.
    public enum Kind: String, Sendable {
        case line
        case organisation
    }

    /// The resource's id in the catalog.
    public var id: String
    /// A line or an organisation.
    public var kind: Kind
    /// The domains the resource helps with.
    public var domains: [Domain]
    /// The ages served: `all`, `under-18`, or a range such as `12-24`.
    public var ages: String
    /// Where it serves ("National", "Alameda County").
    public var region: String
    /// A neutral label for discreet documents ("Help line").
    public var discreetName: String
    /// Its own name, as it writes it.
    public var name: String
    /// The number to call, as written.
    public var call: String?
    /// The number to text, and how to say it ("Text 233733").
    public var textNumber: String?
    /// How to say the text number, when the catalog words it ("Text HELP to 233733").
    public var textLabel: String?
    /// Its web address, when it has one.
    public var web: String?
    /// What it offers, in one sentence.
    public var offers: String
    /// Whom it serves, in one sentence.
    public var serves: String
    /// Where it is, for an organisation with a place to visit.
    public var location: String?
    /// One plain sentence for a youth about when they might reach out.
    public var youth: String?
    /// Where the facts come from, in the order the catalog gives them.
    public var sources: [Source]
    /// The ISO date (YYYY-MM-DD) someone last checked the live facts with the service
    /// itself (called or visited it), or `nil` when no one has.
    public var verified: String?

    /// One source of a resource's facts: what it is, and the ISO date it bears when it has one.
    public struct Source: Equatable, Sendable {
        /// The source as a reader can find it ("CATTA Center, “CSEC: Meeting Victims Where They Are”").
        public var text: String
        /// The date of the source itself (its publication), not of any check; `nil` when it has none.
        public var date: String?
    }

    /// Every source's text, joined with "; ".
    public var source: String { sources.map(\.text).joined(separator: "; ") }

    /// Whether a youth of `age` is served; an unknown age is a minor's (`AgeRange`).
    public func serves(age: Int?) -> Bool {
        (AgeRange(ages) ?? .all).contains(age: age)
    }
}
