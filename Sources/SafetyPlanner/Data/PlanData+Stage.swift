import SafeXML

extension PlanData {
    /// The stage to make a document for, by the data contract's rule: `--stage` and the
    /// data file's `stage` must agree; else whichever of them is given; else the
    /// command's own `fallback`.
    ///
    /// Every command resolves its stage here. Their fallbacks: `generate` has none (nil:
    /// it asks for `--stage`); `fill` the form's `stage` attribute, else maintenance;
    /// `batch` its `--stage`, the stage of records without one (a record has no option to
    /// disagree with); `handout` the stage its youth handout is for, or any stage for the
    /// provider handout, which covers every stage.
    ///
    /// - Parameters:
    ///   - option: `--stage`, when the command has it and it was given.
    ///   - file: the data file's name, for the message.
    ///   - fallback: the command's stage when neither is given.
    /// - Returns: the stage, or nil when neither is given and there is no fallback.
    /// - Throws: `DataError` at the file as a whole, for the key `stage`, when `option` and
    ///   the file's stage disagree.
    public func stage(option: Stage?, file: String, fallback: Stage?) throws(DataError) -> Stage? {
        switch (option, stage) {
        case (let option?, let given?) where option != given:
            throw DataError(
                at: SourceLocation(file: file), path: "stage",
                message: "the data file gives the stage \(given.id) but --stage is \(option.id); they must agree")
        case (let chosen?, _), (nil, let chosen?):
            return chosen
        case (nil, nil):
            return fallback
        }
    }
}
