import ArgumentParser
import SafetyPlanner

@main
struct SafetyPlan: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "safetyplan", abstract: "Build safety plans.")
    func run() throws {}
}
