import Testing

@testable import SafetyPlanner

/// The stage rules of DESIGN.md §4, as the planner applies them.
@Suite struct PlannerTests {
    static let planner = Planner(catalog: try! Workspace.load().catalog)

    func order(_ stage: Stage) -> [String] {
        Self.planner.plan(stage: stage, data: PlanData()).domains.map { "\($0.domain.id):\($0.emphasis.rawValue)" }
    }

    @Test func preContemplationLeadsWithSafetyAndLeavesOutThePush() {
        #expect(order(.preContemplation) == ["safety:lead", "support:brief", "reporting:brief"])
    }

    @Test func contemplationLeadsWithSupportAndSafety() {
        #expect(
            order(.contemplation) == [
                "support:lead", "safety:lead", "counseling:brief", "shelter:brief", "reporting:brief",
            ])
    }

    @Test func preparationCoversAllFiveInFull() {
        #expect(
            order(.preparation) == ["support:full", "shelter:full", "counseling:full", "reporting:full", "safety:full"])
    }

    @Test func actionLeadsWithSafetyAndCounseling() {
        #expect(order(.action) == ["safety:lead", "counseling:lead", "support:full", "shelter:full", "reporting:full"])
    }

    @Test func maintenanceLeadsWithSupport() {
        #expect(
            order(.maintenance) == [
                "support:lead", "counseling:full", "safety:full", "shelter:brief", "reporting:brief",
            ])
    }

    @Test(arguments: Stage.allCases)
    func everyPlannedDomainHasGuidanceForBothAudiences(stage: Stage) {
        for planned in Self.planner.plan(stage: stage, data: PlanData()).domains {
            #expect(!planned.youthGuidance.isEmpty, "\(stage) \(planned.domain) youth")
            #expect(!planned.providerGuidance.isEmpty, "\(stage) \(planned.domain) provider")
            if planned.emphasis == .brief { #expect(planned.youthGuidance.count <= Planner.briefItemCount) }
        }
    }

    @Test func guidanceDiffersBetweenStages() {
        let plans = Stage.allCases.map { Self.planner.plan(stage: $0, data: PlanData()) }
        for (a, b) in zip(plans, plans.dropFirst()) {
            #expect(a.domains.flatMap(\.youthGuidance) != b.domains.flatMap(\.youthGuidance))
        }
    }

    @Test func movedBackOnlyWhenTheLastRecordedStageIsLater() throws {
        let back = try PlanData.parse(Array(#"{"history":[{"stage":"action"}]}"#.utf8), file: "d")
        let forward = try PlanData.parse(Array(#"{"history":[{"stage":"contemplation"}]}"#.utf8), file: "d")
        #expect(Self.planner.plan(stage: .preparation, data: back).values["plan"]?["movedBack"] != nil)
        #expect(Self.planner.plan(stage: .preparation, data: back).values["plan"]?["previousStage"] == .text("Action"))
        #expect(Self.planner.plan(stage: .preparation, data: forward).values["plan"]?["movedBack"] == nil)
    }

    @Test func resourcesFollowTheYouthsAge() throws {
        let adult = try PlanData.parse(Array(#"{"client":{"age":25}}"#.utf8), file: "d")
        let ids = Self.planner.plan(stage: .preparation, data: adult).resources.map(\.id)
        #expect(!ids.contains("misssey"))
        let youth = try PlanData.parse(Array(#"{"client":{"age":16}}"#.utf8), file: "d")
        #expect(Self.planner.plan(stage: .preparation, data: youth).resources.map(\.id).contains("misssey"))
    }

    @Test func linesComeBeforeOrganisations() {
        let kinds = Self.planner.plan(stage: .action, data: PlanData()).resources.map(\.kind)
        #expect(kinds == kinds.sorted { $0 == .line && $1 == .organisation })
    }
}
