/// One check of `safetyplan lint`, by the name printed after each message.
public enum LintRule: String, CaseIterable, Sendable, Comparable {
    /// A file that is not well-formed XML: nothing else in it can be checked.
    case xml
    /// A word that blames or labels a youth ("child prostitute", "pimp"), with the words to use instead.
    case stigmatizingTerm = "stigmatizing-term"
    /// Words that push a youth ("you must", "tienes que"): errors in pre-contemplation and
    /// contemplation text, warnings in later stages.
    case pressure
    /// A label a youth may not use for themselves ("victim", "trafficking") in text for
    /// pre-contemplation or contemplation.
    case label
    /// Youth text above US grade 6 (Flesch-Kincaid), or below 70 on the Fernández-Huerta scale.
    case readingLevel = "reading-level"
    /// A resource with no `<source>`.
    case resourceSource = "resource-source"
    /// A resource's `<call>` or `<text number>` that is not a number anyone can dial or text.
    case resourcePhone = "resource-phone"
    /// A resource whose facts were never verified with the service, or not for 12 months.
    case resourceVerified = "resource-verified"
    /// A guidance item that states the law without saying where (`jurisdiction`) and for
    /// whom (`ages`) it is true.
    case legalItem = "legal-item"

    /// The rule's name, as printed in brackets after each message and in JSON.
    public var name: String { rawValue }

    /// Rules in the order they are listed here (the order of the README's table).
    public static func < (left: LintRule, right: LintRule) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}
