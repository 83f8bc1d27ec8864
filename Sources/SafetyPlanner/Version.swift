/// The version of SafetyPlanner, the library and the `safetyplan` tool: the one place it is
/// written (`safetyplan --version` prints it).
public let safetyPlannerVersion = "0.5.0"
