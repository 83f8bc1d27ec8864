import SafeXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension TemplateLibrary {
    /// This library with an agency's folders and files laid over it, as `safetyplan check`
    /// is given them, and the names of the files they gave.
    ///
    /// Each path is a folder (every `.xml` and `.rng` file in it, at any depth, and its
    /// language folders, as `overlaid(withDirectory:maximumBytes:)` reads it) or a single
    /// `.xml` or `.rng` file. A later path's file replaces an earlier one's of the same
    /// name, and every one of them replaces the bundled file of that name; single files
    /// are laid over the folders.
    ///
    /// - Returns: the library, and the names of the files the paths gave (the files to
    ///   check): the English ones sorted, then a language's as `es/plan.xml`.
    /// - Throws: `TemplateError` for a folder's problem; `IOError` for a single file that
    ///   cannot be read, or a path that is neither a folder nor an `.xml` or `.rng` file.
    public func overlaid(withPaths paths: [String], maximumBytes: Int) throws -> (
        library: TemplateLibrary, names: [String]
    ) {
        var own: [String: File] = [:]
        var folders = TemplateLibrary(files: [:])
        for path in paths {
            if let info = FileSystem.status(path), (info.st_mode & S_IFMT) == S_IFDIR {
                let folder = try TemplateLibrary(files: [:]).overlaid(withDirectory: path, maximumBytes: maximumBytes)
                guard !folder.allFileNames.isEmpty else { throw IOError(.nothingToCheck(path), at: nil) }
                own.merge(folder.files) { _, new in new }
                folders = folders.overlaid(with: folder)
            } else {
                guard FileSystem.linkStatus(path) != nil else { throw IOError(.pathMissing(path), at: nil) }
                let name = PathName.last(path)
                guard name.hasSuffix(".xml") || name.hasSuffix(".rng") else {
                    throw IOError.file(.notTemplateFile, path)
                }
                own[name] = File(path: path, contents: try FileInput.read(path, maximumBytes: maximumBytes))
            }
        }
        let library = overlaid(with: folders).overlaid(with: TemplateLibrary(files: own))
        return (library, own.keys.sorted() + folders.allFileNames.filter { $0.contains("/") })
    }
}

extension TemplateLibrary.File {
    /// A file read by the tool (an agency's file given to `check`).
    ///
    /// - Parameters:
    ///   - displayName: the path to print in messages.
    ///   - bytes: the file's bytes.
    public init(path displayName: String, contents bytes: [UInt8]) {
        self.init(displayName: displayName, bytes: bytes, isBundled: false)
    }
}
