/// The blocks of `<assessment part="…"/>`: the data's `assessment` put beside the
/// catalog's stages, in the words of `words.xml` (`assess-*`).
///
/// What is never printed: a count, a percentage, a total or a score; a stage as the
/// "right" one when the youth's view differs; anything that asks for or triggers a report.
extension TemplateEvaluator {
    func assessmentBlocks(_ part: AssessmentPart, depth: Int) -> [DocumentNode] {
        let assessment = plan.values["assessment"].map(Assessment.init) ?? Assessment(overall: .init())
        let guide = plan.stageGuide
        switch part {
        case .observed:
            return observed(StageSuggestion(assessment.overall, guide: guide), depth: depth)
        case .suggestion:
            return suggestion(assessment.overall)
        case .responses, .questions:
            let stages = stagesToTalkAbout(assessment, guide: guide)
            var output: [DocumentNode] = []
            if part == .questions, assessment.overall.youthStage == nil {
                output.append(
                    .paragraph([
                        .strong([.text(plan.words["assess-ask-first"])]), .text(" " + plan.words["assess-ask-youth"]),
                    ]))
            }
            if stages.isEmpty {
                if part == .responses { output.append(.paragraph([.text(plan.words["assess-no-stage"])])) }
                return output
            }
            let views = [assessment.overall] + assessment.domains.map(\.view)
            if part == .responses,
                views.contains(where: { StageSuggestion($0, guide: guide).differs(from: $0.youthStage) })
            {
                output.append(.note([.text(plan.words["assess-youth-first"])]))
            }
            for (stage, whose) in stages {
                let info = guide.first { $0.stage == stage }!
                output.append(.heading(level: min(depth + 2, 6), content: [.text(info.name)]))
                if part == .responses {
                    output.append(
                        .paragraph([
                            .emphasis([.text(plan.words["assess-here-for"] + " " + sentence(whose) + ".")])
                        ]))
                    output.append(.paragraph([.strong([.text(plan.words["what-helps"])]), .text(" " + info.response)]))
                } else if !info.questions.isEmpty {
                    output.append(.list(ordered: false, items: info.questions.map { [.paragraph([.text($0)])] }))
                }
            }
            return output
        case .ruler:
            return ruler(assessment.overall)
        case .domains:
            guard !assessment.domains.isEmpty else { return [.paragraph([.text(plan.words["assess-domains-none"])])] }
            var output: [DocumentNode] = []
            for (domain, view) in assessment.domains {
                let name = plan.domainInfo.first { $0.domain == domain }?.name ?? domain.id
                var children: [DocumentNode] = [.heading(level: min(depth + 2, 6), content: [.text(name)])]
                let suggestion = StageSuggestion(view, guide: guide)
                if !suggestion.signsByStage.isEmpty {
                    children.append(
                        .list(
                            ordered: false,
                            items: suggestion.signsByStage.map { group in
                                let stageName = guide.first { $0.stage == group.stage }!.name
                                return [
                                    .paragraph([
                                        .strong([.text(stageName + ":")]),
                                        .text(" " + group.signs.joined(separator: " ")),
                                    ])
                                ]
                            }))
                }
                children += self.suggestion(view)
                children += ruler(view, isBrief: true)
                output.append(.section(domain: domain.id, children: children))
            }
            return output
        case .signs:
            let observed = Set(assessment.overall.observed + assessment.domains.flatMap(\.view.observed))
            return StageInfo.interleavedSigns(guide).map { sign in
                .checkItem(content: [.text(sign.text)], isChecked: observed.contains(sign.id))
            }
        case .history:
            return history(guide: guide)
        }
    }

    /// For each stage a noticed sign fits, in the cycle's order, its signs.
    private func observed(_ suggestion: StageSuggestion, depth: Int) -> [DocumentNode] {
        guard !suggestion.signsByStage.isEmpty else { return [.paragraph([.text(plan.words["assess-noticed-none"])])] }
        var output: [DocumentNode] = []
        for group in suggestion.signsByStage {
            let name = plan.stageGuide.first { $0.stage == group.stage }!.name
            output.append(.heading(level: min(depth + 2, 6), content: [.text(name)]))
            output.append(.list(ordered: false, items: group.signs.map { [.paragraph([.text($0)])] }))
        }
        return output
    }

    /// What the signs point to and what the youth says, side by side, and the plain
    /// statement that the youth's own view decides; where they differ, left unresolved.
    private func suggestion(_ view: Assessment.View) -> [DocumentNode] {
        let words = plan.words
        let suggestion = StageSuggestion(view, guide: plan.stageGuide)
        var items: [[DocumentNode]] = []
        if suggestion.leading.isEmpty {
            items.append([
                .paragraph([.strong([.text(words["assess-points-to"])]), .text(" " + words["assess-points-nowhere"])])
            ])
        } else {
            items.append([
                .paragraph([.strong([.text(words["assess-points-to"])]), .text(" " + names(suggestion.leading) + ".")])
            ])
            if !suggestion.alsoFitting.isEmpty {
                items.append([
                    .paragraph([
                        .strong([.text(words["assess-also-fits"])]), .text(" " + names(suggestion.alsoFitting) + "."),
                    ])
                ])
            }
        }
        var says: [Inline] = [.strong([.text(words["assess-youth-says"])])]
        if let stage = view.youthStage {
            says.append(.text(" " + names([stage]) + (view.youthWords == nil ? "." : ",")))
        }
        if let youthWords = view.youthWords { says += [.text(" \u{201C}"), .text(youthWords), .text("\u{201D}")] }
        if view.youthStage == nil && view.youthWords == nil { says.append(.text(" " + words["assess-youth-not-said"])) }
        items.append([.paragraph(says)])
        var output: [DocumentNode] = [.list(ordered: false, items: items)]
        if suggestion.differs(from: view.youthStage) { output.append(.note([.text(words["assess-differ"])])) }
        if !suggestion.leading.isEmpty { output.append(.note([.text(words["assess-suggestion"])])) }
        return output
    }

    /// The youth's Readiness Ruler answers as theirs, each with the usual follow-up questions.
    private func ruler(_ view: Assessment.View, isBrief: Bool = false) -> [DocumentNode] {
        let words = plan.words
        var items: [[DocumentNode]] = []
        for (answer, id) in [
            (view.importance, "assess-ruler-importance"), (view.confidence, "assess-ruler-confidence"),
        ] {
            guard let answer else { continue }
            var followUps: [String] = []
            if answer > 0 {
                followUps.append(
                    words.text("assess-ruler-why", ["answer": String(answer), "low": String(max(0, answer - 3))]))
            }
            if answer < 10 { followUps.append(words["assess-ruler-up"]) }
            items.append([
                .paragraph([.text(words.text(id, ["answer": String(answer)]) + " " + followUps.joined(separator: " "))])
            ])
        }
        guard !items.isEmpty else { return isBrief ? [] : [.paragraph([.text(words["assess-ruler-none"])])] }
        var output: [DocumentNode] = [.list(ordered: false, items: items)]
        if !isBrief { output.append(.note([.text(words["assess-ruler-note"])])) }
        return output
    }

    /// Earlier assessments in `history` (entries with a suggestion, or every entry of
    /// the cycle), oldest first, as written.
    private func history(guide: [StageInfo]) -> [DocumentNode] {
        let words = plan.words
        let entries = plan.values["history"]?.elements ?? []
        guard !entries.isEmpty else { return [.paragraph([.text(words["assess-history-none"])])] }
        return [
            .list(
                ordered: false,
                items: entries.map { entry in
                    var parts: [String] = []
                    if let stage = entry["stage"]?.text {
                        // Another language's planner has put the stage's name in already.
                        let name = Stage(rawValue: stage).map { names([$0]).lowercased() } ?? stage
                        parts.append(words.text("assess-history-said", ["stage": name]))
                    } else {
                        parts.append(words["assess-history-not-said"])
                    }
                    let suggested =
                        entry["suggested"]?.elements.compactMap { $0.text.flatMap(Stage.init(rawValue:)) } ?? []
                    if !suggested.isEmpty {
                        parts.append(words.text("assess-history-pointed", ["stages": names(suggested).lowercased()]))
                    }
                    let date = entry["date"]?.text.map { $0 + ": " } ?? ""
                    return [.paragraph([.text(date + parts.joined(separator: "; ") + ".")])]
                })
        ]
    }

    /// Stage names joined as a sentence says them: "Preparation and Pre-contemplation".
    private func names(_ stages: [Stage]) -> String {
        sentence(stages.map { stage in plan.stageGuide.first { $0.stage == stage }!.name })
    }

    /// Parts joined as a sentence says them: "a, b and c".
    private func sentence(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " " + plan.words["assess-and"] + " " + parts.last!
    }

    /// The stages to say what helps at and what to ask: the youth's own first, then
    /// those the noticed signs fit (the whole and each domain), each once, with whose
    /// view brought it up.
    private typealias View = Assessment.View

    private func stagesToTalkAbout(_ assessment: Assessment, guide: [StageInfo]) -> [(Stage, [String])] {
        var stages: [(Stage, [String])] = []
        func add(_ stage: Stage, _ whose: String) {
            if let index = stages.firstIndex(where: { $0.0 == stage }) {
                if !stages[index].1.contains(whose) { stages[index].1.append(whose) }
            } else {
                stages.append((stage, [whose]))
            }
        }
        // Whose view brought the stage up, and about what: the whole, or one domain.
        let views: [(View, String?)] =
            [(assessment.overall, nil)]
            + assessment.domains.map { entry in
                (
                    entry.view,
                    (plan.domainInfo.first { $0.domain == entry.domain }?.name ?? entry.domain.id).lowercased()
                )
            }
        for (view, domain) in views {
            guard let stage = view.youthStage else { continue }
            add(
                stage,
                domain.map { plan.words.text("assess-from-youth-on", ["domain": $0]) }
                    ?? plan.words["assess-from-youth"])
        }
        for (view, domain) in views {
            for stage in StageSuggestion(view, guide: guide).stages {
                add(
                    stage,
                    domain.map { plan.words.text("assess-from-signs-on", ["domain": $0]) }
                        ?? plan.words["assess-from-signs"])
            }
        }
        return stages
    }
}
