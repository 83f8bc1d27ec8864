/// One child of an `Element`: an element or a run of text.
///
/// Comments and processing instructions are dropped, CDATA sections become text, and
/// adjacent text is merged, so two `.text` nodes never follow each other.
public enum Node: Equatable, Sendable {
    /// A child element.
    case element(Element)
    /// Character data, with entity and character references replaced.
    case text(String)
}
