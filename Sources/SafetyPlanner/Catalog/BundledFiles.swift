/// The bundled `Templates/` files, as SwiftPM embeds them (`PackageResources.<name>_<ext>`).
///
/// SwiftPM flattens the folder, so this table restores each file's name and folder; a test
/// checks that it lists every file under `Templates/` and nothing else.
enum BundledFiles {
    static let all: [(name: String, bytes: [UInt8])] = [
    ]

    /// The subfolder of `Templates/` a bundled file lives in, with a trailing slash.
    static func folder(of name: String) -> String {
        if name.hasSuffix(".rng") { return "schemas/" }
        if ["stages.xml", "guidance.xml", "principles.xml", "resources.xml"].contains(name) { return "catalog/" }
        return folders[name] ?? ""
    }

    static let folders: [String: String] = [:]
}
