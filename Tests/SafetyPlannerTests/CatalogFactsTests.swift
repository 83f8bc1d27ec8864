import Foundation
import Testing

@testable import SafetyPlanner

/// Hotline numbers are facts: pinned here so a change to one is a deliberate, reviewed edit.
@Suite struct CatalogFactsTests {
    static let catalog = try! Workspace.load().catalog

    @Test func hotlineNumbersArePinned() {
        let lines = Dictionary(
            uniqueKeysWithValues: Self.catalog.resources.filter { $0.kind == .line }.map { ($0.id, $0) })
        let expected: [String: (call: String, text: String?)] = [
            "emergency-911": ("911", nil),
            "nhth": ("1-888-373-7888", "233733"),
            "lifeline-988": ("988", "988"),
            "childhelp": ("1-800-422-4453", "18004224453"),
            "nrs": ("1-800-786-2929", nil),
        ]
        #expect(Set(lines.keys) == Set(expected.keys))
        for (id, numbers) in expected {
            #expect(lines[id]?.call == numbers.call, "\(id) call")
            #expect(lines[id]?.textNumber == numbers.text, "\(id) text")
        }
        #expect(lines["nhth"]?.name == "National Human Trafficking Hotline")
    }

    @Test func everyResourceHasSourcesWithISODatesAndNoneClaimsAVerification() {
        #expect(Self.catalog.resources.count == 10)
        let isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
        for resource in Self.catalog.resources {
            #expect(!resource.sources.isEmpty, "\(resource.id)")
            for source in resource.sources {
                #expect(!source.text.trimmingCharacters(in: .whitespaces).isEmpty, "\(resource.id)")
                if let date = source.date {
                    #expect(date.wholeMatch(of: isoDate) != nil, "\(resource.id): '\(date)'")
                }
            }
            // No one has called or visited a service to verify its entry yet: a date here
            // would claim a check that was not made.
            #expect(resource.verified == nil, "\(resource.id)")
        }
    }

    @Test func theHotlineOperatorIsCompassConnectionsAsTheSourcesSay() throws {
        let resources = Dictionary(uniqueKeysWithValues: Self.catalog.resources.map { ($0.id, $0) })
        let hotline = try #require(resources["nhth"])
        #expect(hotline.offers.contains("awarded the hotline to Compass Connections"))
        #expect(!hotline.source.contains("operator of the National Human Trafficking Hotline"))
        let release = try #require(hotline.sources.first)
        #expect(release.date == "2025-09-22")
        #expect(release.text.hasPrefix("HHS Administration for Children and Families, press release"))
        #expect(hotline.sources.contains { $0.text.hasPrefix("CATTA Center") && $0.date == nil })
        let polaris = try #require(resources["polaris"])
        #expect(!polaris.offers.contains("which it operates"))
        #expect(polaris.offers.contains("It operated the National Human Trafficking Hotline from 2007"))
    }

    @Test func everyStageDomainAndAudienceHasAtLeastTwoItems() throws {
        let catalog = try Workspace.load().catalog
        for stage in Stage.allCases {
            for domain in Domain.allCases {
                for audience in Audience.allCases {
                    let count = catalog.info(for: domain).items(for: stage, audience: audience).count
                    #expect(count >= 2, "\(stage) × \(domain) × \(audience) has \(count) items")
                }
            }
        }
    }

    @Test func everyStageHasSignsAndWordsForTheYouth() throws {
        let catalog = try Workspace.load().catalog
        #expect(catalog.stages.map(\.stage) == Stage.allCases)
        for info in catalog.stages {
            #expect(!info.signs.isEmpty)
            #expect(!info.response.isEmpty && !info.youth.isEmpty && !info.movedBack.isEmpty)
        }
        #expect(catalog.cycle[.youth] != nil && catalog.cycle[.provider] != nil)
        #expect(catalog.principles.count == 10)
    }
}
