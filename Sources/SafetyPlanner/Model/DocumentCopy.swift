/// Which copy of a document is made (DESIGN.md §7): what is handed to the youth, or what
/// the advocate keeps.
///
/// What is printed is what is handed over, so the youth copy is the default and holds only
/// what is written for the youth. The advocate copy adds the advocate's pages (the stage's
/// aim, the guidance, the law, the organisations), the history of the cycle and
/// `advocateNotes`. A discreet document is always a youth copy.
public enum DocumentCopy: String, CaseIterable, Sendable {
    case youth
    case advocate

    /// The copy's name as written in templates and on the command line.
    public var id: String { rawValue }
}
