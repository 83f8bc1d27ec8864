import SafeXML

extension Workspace {
    /// Compiles the form template with this name, refusing a template of another kind.
    ///
    /// - Throws: `TemplateError` when the template does not compile, or when its kind is
    ///   not `form` (located at its `<template>` element).
    public func form(named name: String) throws(TemplateError) -> Template {
        guard library.file(named: name + ".xml") != nil else { throw noSuchTemplate(name, kind: .form) }
        let template = try template(named: name)
        guard template.kind == .form else {
            var location = SourceLocation(file: name + ".xml", line: 1, column: 1)
            if let file = library.file(named: name + ".xml") {
                location =
                    (try? Document.parse(file.bytes, file: file.displayName))?.root.location
                    ?? SourceLocation(file: file.displayName, line: 1, column: 1)
            }
            var reason = "is a \(template.kind.rawValue), not a form; 'fill' only fills templates with kind=\"form\""
            if template.kind == .plan { reason += " (use 'safetyplan generate' for a plan)" }
            throw TemplateError(.misplaced(element: "template", reason: reason), at: location)
        }
        return template
    }

    /// Returns this workspace with one more template file, as an agency's `--templates`
    /// folder would add it: found by its file name, replacing a file of the same name.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - fileName: the name it is found by, such as `intake-form.xml`.
    ///   - displayName: the name to print in messages (the path given).
    public func adding(templateFile bytes: [UInt8], named fileName: String, displayName: String) -> Workspace {
        var files = library.files
        files[fileName] = TemplateLibrary.File(displayName: displayName, bytes: bytes)
        var copy = self
        copy.library = TemplateLibrary(files: files)
        return copy
    }
}
