extension PlanData {
    /// The data with `assessment` set to `value` (an `assessment` value, as
    /// `AssessmentInterview.assessment` gives), every other key kept.
    public func replacingAssessment(with value: DataValue) -> PlanData {
        guard case .record(var fields) = root else { return self }
        fields["assessment"] = value
        return PlanData(root: .record(fields))
    }

    /// The data with its assessment recorded in `history` (`safetyplan assess --record`),
    /// and whether an entry was added.
    ///
    /// The entry holds the assessment's date (`today` when it has none, and the
    /// assessment is dated then too), the stage the youth gave, if any, and `suggested`:
    /// the stages the noticed signs point most to, if any. An entry equal to one already
    /// in `history` (same date, stage and suggestion) is not added again, so recording
    /// the same conversation twice, or resuming from the recorded file, changes nothing.
    /// `history` is the youth's own stages: an assessment where the youth gave no stage
    /// adds no entry (the suggestion alone is never written down as their stage).
    public func recordingAssessment(guide: [StageInfo], today: String) -> (data: PlanData, isAdded: Bool) {
        guard case .record(var fields) = root, case .record(var assessmentFields)? = fields["assessment"] else {
            return (self, false)
        }
        let date = assessmentFields["date"]?.text ?? today
        assessmentFields["date"] = .text(date)
        fields["assessment"] = .record(assessmentFields)
        let assessment = Assessment(.record(assessmentFields))
        let suggested = StageSuggestion(assessment.overall, guide: guide).leading
        var entry: DataRecord = [:]
        if let stage = assessment.overall.youthStage { entry["stage"] = .text(stage.id) }
        entry["date"] = .text(date)
        if !suggested.isEmpty { entry["suggested"] = .list(suggested.map { .text($0.id) }) }
        var history = fields["history"]?.elements ?? []
        let isAdded = entry["stage"] != nil && !history.contains(.record(entry))
        if isAdded {
            history.append(.record(entry))
            fields["history"] = .list(history)
        }
        return (PlanData(root: .record(fields)), isAdded)
    }
}
