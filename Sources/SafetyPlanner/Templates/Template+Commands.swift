/// What the commands say about a template before rendering it.
extension Template {
    /// Why this template has no discreet version, or nil when it has one.
    ///
    /// A discreet copy is one a youth keeps, and a reference for helpers
    /// (`audience="provider"`, the provider handout) cannot be made to reveal nothing, so
    /// `--discreet` on it is a usage error.
    public var discreetRefusal: String? {
        guard audience == .provider else { return nil }
        return "\(name) is written for helpers and has no discreet version; "
            + "--discreet is for what a youth keeps (plans, forms, the youth handout and the wallet card)"
    }

    /// The warning `fill` prints when this form is made for another stage than `data`
    /// gives (it is filled anyway), or nil.
    ///
    /// - Parameters:
    ///   - data: the data file the form is filled with.
    ///   - name: the form's name as given on the command line.
    public func stageWarning(for data: PlanData, name: String) -> String? {
        guard let made = stage, let given = data.stage, made != given else { return nil }
        return "warning: the form \(name) is made for the \(made.id) stage, and the data file gives the stage "
            + "\(given.id); it is filled anyway: read it with the youth before handing it over"
    }
}

extension Template {
    /// The usage error of `generate` and `batch` for a wallet card, which only `handout
    /// card` makes (discreet by default, with its own options), or nil for another template.
    public var cardRefusal: String? {
        guard kind == .card else { return nil }
        return "\(name) is a wallet card; make it with 'safetyplan handout card' (discreet unless --no-discreet)"
    }
}
