/// An attribute of an `Element`, as written in the document.
///
/// Namespace declarations (`xmlns`, `xmlns:prefix`) are not attributes; they only resolve
/// the `namespace` of elements and attributes.
public struct Attribute: Equatable, Sendable {
    /// The local name, without any prefix.
    public var name: String
    /// The namespace URI, or `nil` for an unprefixed attribute.
    public var namespace: String?
    /// The value after entity and character references are replaced.
    public var value: String
    /// The location of the element that carries the attribute.
    public var location: SourceLocation

    /// Creates an attribute.
    ///
    /// - Parameters:
    ///   - name: The local name.
    ///   - namespace: The namespace URI, or `nil`.
    ///   - value: The value.
    ///   - location: The location of the element that carries the attribute.
    public init(name: String, namespace: String? = nil, value: String, location: SourceLocation) {
        self.name = name
        self.namespace = namespace
        self.value = value
        self.location = location
    }
}
