/// The last part of a path and the folder before it, as the shell names them.
///
/// The same results as Foundation's `NSString.lastPathComponent` and
/// `deletingLastPathComponent`, without linking Foundation: trailing slashes are ignored,
/// and the root stays `/`.
package enum PathName {
    /// The file or folder name at the end of `path`: `a/b.xml` → `b.xml`, `a/b/` → `b`.
    package static func last(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        if trimmed == "/" { return "/" }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `path` without its last part: `a/b.xml` → `a`, `b.xml` → ``, `/b` → `/`.
    package static func deletingLast(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if trimmed == "/" { return "/" }
        let folder = withoutTrailingSlashes(String(trimmed[..<slash]))
        return folder.isEmpty ? "/" : String(folder)
    }

    private static func withoutTrailingSlashes(_ path: String) -> Substring {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
