import Foundation
import Testing

@testable import SafetyPlanner

/// The table of embedded files matches `Templates/` exactly.
@Suite struct BundledFilesTests {
    @Test func tableListsEveryTemplateFile() throws {
        let root = Golden.packageRoot.appendingPathComponent("Templates")
        var onDisk: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasSuffix(".xml") || name.hasSuffix(".rng") else { continue }
            let folder = (relative as NSString).deletingLastPathComponent
            // A language's files (es/catalog/stages.xml) are listed as es/stages.xml.
            let top = relative.split(separator: "/").first.map(String.init) ?? ""
            let key = TemplateLibrary.isLanguageFolder(top) && relative.contains("/") ? top + "/" + name : name
            onDisk[key] = folder.isEmpty ? "" : folder + "/"
        }
        #expect(onDisk == BundledFiles.folders)
        #expect(Set(BundledFiles.all.map(\.name)) == Set(onDisk.keys))
        for (key, bytes) in BundledFiles.all {
            let name = key.split(separator: "/").last.map(String.init)!
            let disk = FileManager.default.contents(atPath: root.appendingPathComponent(onDisk[key]! + name).path)
            #expect(disk.map { [UInt8]($0) } == bytes, "\(key) is stale in the build")
        }
    }

    @Test func everyShippedTemplateCompiles() throws {
        let workspace = try Workspace.load()
        #expect(!workspace.library.templateNames.isEmpty)
        for name in workspace.library.templateNames {
            _ = try workspace.template(named: name)
        }
    }
}
