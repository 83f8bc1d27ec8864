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

    @Test func everyResourceHasASourceAndACheckedISODate() {
        #expect(Self.catalog.resources.count == 10)
        let isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
        for resource in Self.catalog.resources {
            #expect(!resource.source.trimmingCharacters(in: .whitespaces).isEmpty, "\(resource.id)")
            #expect(resource.checked.wholeMatch(of: isoDate) != nil, "\(resource.id): '\(resource.checked)'")
        }
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
