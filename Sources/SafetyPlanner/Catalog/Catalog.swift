import SafeXML

/// The content a plan draws on: stages, domain guidance, principles and resources, read
/// from the catalog files of a template library and checked against their schemas.
///
/// The catalog is loaded once per process and shared; everything in it is a value.
public struct Catalog: Equatable, Sendable {
    /// The XML namespace of catalog files.
    public static let namespace = "urn:safetyplanner:catalog:1"

    /// The five stages, in order.
    public var stages: [StageInfo]
    /// The cycle note for each audience: stages repeat, moving back is part of the process.
    public var cycle: [Audience: String]
    /// The source document the stages come from, for credits.
    public var source: String
    /// The five domains, in the source's order.
    public var domains: [DomainInfo]
    /// The trauma-informed principles and survivor-centered practices, in catalog order.
    public var principles: [Principle]
    /// The lines and organisations, in catalog order.
    public var resources: [Resource]
    /// What discreet documents leave out (`discretion.xml`).
    public var discretion: DiscretionPolicy
    /// The words the tool prints itself, in the catalog's language (`words.xml`).
    public var words: Words = .english

    /// The catalog entry for a stage.
    public func info(for stage: Stage) -> StageInfo {
        stages.first { $0.stage == stage }!
    }

    /// Every sign's id, stage by stage in catalog order (`StageInfo.signIDs`).
    public var signIDs: [String] { stages.flatMap(\.signIDs) }

    /// The stage and text of the sign with this id, if the catalog has it.
    public func sign(id: String) -> (stage: Stage, text: String)? {
        for info in stages { if let text = info.sign(id: id) { return (info.stage, text) } }
        return nil
    }

    /// The catalog entry for a domain.
    public func info(for domain: Domain) -> DomainInfo {
        domains.first { $0.domain == domain }!
    }
}
