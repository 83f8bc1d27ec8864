import SafeXML

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The set of XML files a run works from: the bundled `Templates/`, optionally overlaid
/// by an agency's own folder.
///
/// Files are found by their file name alone (`stages.xml`, `plan.xml`), the way SwiftPM
/// flattens the bundled copy; an agency's folder may hold any of them, in any subfolder,
/// and each one it holds replaces the bundled file of the same name.
///
/// Languages: the files outside a language folder are English (`baseLanguage`). A folder
/// named by a language tag (`es/`, two or three lowercase letters) at the top of
/// `Templates/` or of an agency's folder holds that language's files, found by name in
/// the same way; `translated(to:)` lays them over the English ones.
public struct TemplateLibrary: Sendable {
    /// One file of the library.
    public struct File: Sendable {
        /// The name to print in messages: a path for an agency's file, `Templates/…` for
        /// a bundled one.
        public var displayName: String
        /// The file's contents.
        public var bytes: [UInt8]
        /// Whether the file is one of the bundled `Templates/`, compiled into the tool.
        /// Bundled catalog files are not checked against their schemas when loaded: the
        /// same bytes are checked by `safetyplan check` in the tests, and compiling the
        /// schemas is most of the tool's start-up. An agency's files are always checked.
        public var isBundled: Bool

        /// A file of the library.
        public init(displayName: String, bytes: [UInt8], isBundled: Bool = false) {
            self.displayName = displayName
            self.bytes = bytes
            self.isBundled = isBundled
        }
    }

    /// Files by file name (in `language`: the English files with that language's laid over them).
    public private(set) var files: [String: File]

    /// The files of each language other than English, by language, then by file name.
    public private(set) var translations: [String: [String: File]] = [:]

    /// The language of `files`.
    public private(set) var language: String = TemplateLibrary.baseLanguage

    /// The language of the files outside any language folder.
    public static let baseLanguage = "en"

    /// The languages the library has files in, English first, then the others in order.
    public var languages: [String] {
        [Self.baseLanguage] + translations.keys.sorted()
    }

    /// This library in `language`: each of its files replaces the English file of the same
    /// name; nil when the library has no files in that language.
    public func translated(to language: String) -> TemplateLibrary? {
        if language == self.language { return self }
        guard self.language == Self.baseLanguage else { return nil }
        if language == Self.baseLanguage { return self }
        guard let overlay = translations[language] else { return nil }
        var result = self
        result.files.merge(overlay) { _, translated in translated }
        result.language = language
        return result
    }

    /// Whether `name` can name a language folder: two or three lowercase ASCII letters.
    public static func isLanguageFolder(_ name: some StringProtocol) -> Bool {
        (2...3).contains(name.utf8.count) && name.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }

    /// The largest file parsed; larger files are refused before parsing.
    public var maximumBytes: Int

    /// Creates a library from files keyed by file name.
    public init(files: [String: File], maximumBytes: Int = 1 << 20) {
        self.files = files
        self.maximumBytes = maximumBytes
    }

    /// The templates compiled into the tool.
    public static let bundled: TemplateLibrary = {
        var files: [String: File] = [:]
        var translations: [String: [String: File]] = [:]
        for (key, bytes) in BundledFiles.all {
            // A language's file is listed as `es/stages.xml`.
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            let name = parts.last!
            let file = File(
                displayName: "Templates/\(BundledFiles.folder(of: key))\(name)", bytes: bytes, isBundled: true)
            if parts.count == 2 {
                translations[parts[0], default: [:]][name] = file
            } else {
                files[name] = file
            }
        }
        var library = TemplateLibrary(files: files)
        library.translations = translations
        return library
    }()

    /// The file with this name, if the library has one.
    public func file(named name: String) -> File? { files[name] }

    /// The document templates (files under `documents/` or `forms/`, or any agency file
    /// whose root is a template), by name without `.xml`.
    public var templateNames: [String] {
        files.keys.filter { name in
            name.hasSuffix(".xml") && files[name]!.bytes.containsTemplateRoot
        }.map { String($0.dropLast(4)) }.sorted()
    }

    /// Returns this library with every `.xml` and `.rng` file found under `directory`
    /// (recursively) replacing the file of the same name.
    ///
    /// - Throws: `TemplateError.templatesFolderMissing` when there is no such folder, and a
    ///   `TemplateError` when two files in it share a name.
    public func overlaid(withDirectory directory: String, maximumBytes: Int) throws(TemplateError) -> TemplateLibrary {
        guard Self.isDirectory(directory) else {
            throw TemplateError(
                .templatesFolderMissing(directory, exists: FileSystem.linkStatus(directory) != nil),
                at: .init(file: directory, line: 1, column: 1))
        }
        var result = self
        result.maximumBytes = maximumBytes
        var seen: [String: String] = [:]
        // The folder as an absolute, standardized path (`URL` resolves `.`, `..` and the
        // current folder), so messages name the same files whatever the spelling.
        var paths: [(path: String, name: String)] = []
        let root = URL(fileURLWithPath: directory).path
        Self.collectFiles(in: root, into: &paths)
        let resolvedRoot = FileSystem.resolved(root) ?? root
        for (path, name) in paths.sorted(by: { $0.path < $1.path }) {
            let location = SourceLocation(file: path, line: 1, column: 1)
            // A link may point only inside the folder, as an include may not climb out of it.
            if let link = FileSystem.linkStatus(path), (link.st_mode & S_IFMT) == S_IFLNK {
                let target = FileSystem.resolved(path)
                guard let target, target.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/")
                else {
                    throw TemplateError(
                        .refusedFile(reason: "is a symbolic link that points outside the templates folder"),
                        at: location)
                }
            }
            // A file inside a language folder at the top (`es/catalog/stages.xml`) is that
            // language's.
            let relative = path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1)
            let top = relative.split(separator: "/", maxSplits: 1)
            let language = top.count == 2 && Self.isLanguageFolder(top[0]) ? String(top[0]) : nil
            let key = (language.map { $0 + "/" } ?? "") + name
            if let other = seen[key] {
                throw TemplateError(
                    .misplaced(element: name, reason: "has the same file name as \(other); file names must be unique"),
                    at: location)
            }
            seen[key] = path
            let bytes: [UInt8]
            do {
                bytes = try FileInput.read(path, maximumBytes: maximumBytes)
            } catch {
                switch error.kind {
                case .tooLarge:
                    throw TemplateError(.malformedXML("input is larger than \(maximumBytes) bytes"), at: location)
                case .isFolder, .notRegularFile:
                    throw TemplateError(.refusedFile(reason: error.message), at: location)
                default:
                    throw TemplateError(.missingFile(path), at: location)
                }
            }
            if let language {
                result.translations[language, default: [:]][name] = File(displayName: path, bytes: bytes)
            } else {
                result.files[name] = File(displayName: path, bytes: bytes)
            }
        }
        return result
    }
}

extension TemplateLibrary {
    /// Whether `path` is a folder, following a symbolic link.
    fileprivate static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Every entry whose name ends in `.xml` or `.rng` under `folder`, at any depth.
    ///
    /// Hidden entries are included; symbolic links are listed but never followed into,
    /// and folders that cannot be read are skipped.
    fileprivate static func collectFiles(in folder: String, into paths: inout [(path: String, name: String)]) {
        // Names are bytes (`PathBytes`): a name that is not UTF-8 still opens.
        for name in FileSystem.entries(of: folder) ?? [] {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if name.hasSuffix(".xml") || name.hasSuffix(".rng") { paths.append((path, name)) }
            if let info = FileSystem.linkStatus(path), (info.st_mode & S_IFMT) == S_IFDIR {
                collectFiles(in: path, into: &paths)
            }
        }
    }
}

extension [UInt8] {
    /// Whether the first element of the document is `<template` (cheap sniff, no parse).
    fileprivate var containsTemplateRoot: Bool {
        let prefix = self.prefix(4096)
        let needle = Array("<template".utf8)
        guard prefix.count >= needle.count else { return false }
        for start in 0...(prefix.count - needle.count) where Array(prefix[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }
}

extension TemplateLibrary {
    /// This library with another's files laid over it, language by language, as an
    /// agency's folder is laid over the bundled files.
    public func overlaid(with other: TemplateLibrary) -> TemplateLibrary {
        var result = self
        result.files.merge(other.files) { _, new in new }
        for (language, own) in other.translations {
            result.translations[language, default: [:]].merge(own) { _, new in new }
        }
        return result
    }

    /// The names of every file of the library, a language's as `es/plan.xml`.
    public var allFileNames: [String] {
        files.keys.sorted()
            + translations.keys.sorted().flatMap { language in
                translations[language]!.keys.sorted().map { language + "/" + $0 }
            }
    }
}
