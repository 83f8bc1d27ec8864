/// An element of a parsed document, as a plain value.
///
/// `Document.parse` builds these from libxml2's tree and frees that tree before it returns;
/// nothing here refers to C memory.
public struct Element: Equatable, Sendable {
    /// The local name, without any prefix.
    public var name: String
    /// The namespace URI, or `nil` when the element is in no namespace.
    public var namespace: String?
    /// The attributes in document order; namespace declarations are not included.
    public var attributes: [Attribute]
    /// The child elements and text in document order.
    public var children: [Node]
    /// The location of the `<` that opens the element's start tag.
    public var location: SourceLocation

    /// Creates an element.
    ///
    /// - Parameters:
    ///   - name: The local name.
    ///   - namespace: The namespace URI, or `nil`.
    ///   - attributes: The attributes in document order.
    ///   - children: The children in document order.
    ///   - location: The location of the start tag's `<`.
    public init(
        name: String,
        namespace: String? = nil,
        attributes: [Attribute] = [],
        children: [Node] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.location = location
    }

    /// Returns the value of the attribute with this local name and no namespace.
    ///
    /// - Parameter name: The attribute's local name.
    /// - Returns: The value, or `nil` when the element has no such attribute.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The child elements in document order, without text.
    public var elements: [Element] {
        children.compactMap {
            if case .element(let element) = $0 { element } else { nil }
        }
    }

    /// All descendant text concatenated in document order.
    public var textContent: String {
        var result = ""
        appendText(to: &result)
        return result
    }

    private func appendText(to result: inout String) {
        for child in children {
            switch child {
            case .text(let text): result += text
            case .element(let element): element.appendText(to: &result)
            }
        }
    }
}
