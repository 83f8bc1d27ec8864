public struct TextRenderer { public init(width: Int = 72) {}; public func render(_ d: DocumentTree) -> String { "" } }
public struct HTMLRenderer { public init() {}; public func render(_ d: DocumentTree) -> String { "" } }
