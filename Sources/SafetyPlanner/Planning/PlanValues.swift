/// The `plan.*` values templates may print, beside the data file's own keys.
enum PlanValues {
    static let shape = DataShape.record([
        DataFieldShape("stage", .text),
        DataFieldShape("stageId", .text),
        DataFieldShape("date", .text),
        DataFieldShape("youth", .text),
        DataFieldShape("aim", .text),
        DataFieldShape("response", .text),
        DataFieldShape("movedBack", .text),
        DataFieldShape("previousStage", .text),
        DataFieldShape("cycle", .text),
        DataFieldShape("providerCycle", .text),
        DataFieldShape("source", .text),
    ])
}
