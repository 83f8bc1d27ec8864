import SafeXML

extension TemplateLibrary {
    /// Checks files of the library and reports every problem found, not just the first.
    ///
    /// Schemas must compile; catalog files are validated against their schemas (every
    /// schema error, through `Document.diagnose`) and then loaded, so the rules a schema
    /// cannot say are checked too; templates and included parts are compiled (the first
    /// problem of each file, which the compiler locates exactly). A file whose root is
    /// none of these, or a catalog file under a name the tool never reads, is a problem.
    ///
    /// - Parameter names: the file names to check (an agency's own files); `nil` checks
    ///   every file. Files outside the list are still used: includes, schemas.
    /// Each language's files are checked too, in that language (a translated template
    /// includes the translated parts), and compared with the English ones
    /// (`translationProblems`).
    ///
    /// - Returns: the number of files checked and the problems, in path order.
    public func check(only names: [String]? = nil) -> CheckReport {
        var report = checkFiles(only: names?.filter { !$0.contains("/") })
        for language in translations.keys.sorted() {
            let own = translations[language]!.keys.filter { names?.contains(language + "/" + $0) ?? true }
            guard !own.isEmpty, let translated = translated(to: language) else { continue }
            let checked = translated.checkFiles(only: own.sorted())
            report.checkedFiles += checked.checkedFiles
            report.problems += checked.problems
        }
        var seen = Set(report.problems.map(\.description))
        for problem in translationProblems(only: names) where seen.insert(problem.description).inserted {
            report.problems.append(problem)
        }
        return report
    }

    /// `check(only:)` for the files of this library as it is (one language).
    private func checkFiles(only names: [String]?) -> CheckReport {
        let selected = (names ?? Array(files.keys)).filter { files[$0] != nil }.sorted {
            (files[$0]!.displayName, $0) < (files[$1]!.displayName, $1)
        }
        var problems: [TemplateError] = []
        var seen: Set<String> = []
        func add(_ error: TemplateError) {
            if seen.insert(error.description).inserted { problems.append(error) }
        }

        var schemas: [String: RelaxNGSchema] = [:]
        for name in files.keys.sorted() where name.hasSuffix(".rng") {
            do {
                schemas[name] = try SchemaCache.shared.schema(files[name]!)
            } catch {
                if selected.contains(name) { add(TemplateError(error)) }
            }
        }

        var catalogProblems = false
        // Shared by every compile below: a part included by many files is parsed once.
        let parsed = ParsedFiles()
        for name in selected where name.hasSuffix(".xml") {
            let file = files[name]!
            let stem = String(name.dropLast(4))
            if let entry = Catalog.files.first(where: { $0.file == name }) {
                let errors = Document.diagnose(file.bytes, file: file.displayName, schema: schemas[entry.schema])
                catalogProblems = catalogProblems || !errors.isEmpty
                errors.forEach { add(TemplateError($0)) }
                continue
            }
            let root: Element
            do {
                root = try Document.parse(file.bytes, file: file.displayName).root
            } catch {
                add(TemplateError(error))
                continue
            }
            do throws(TemplateError) {
                switch (root.namespace, root.name) {
                case (Template.namespace, "template"):
                    _ = try Template.compile(named: stem, from: self, schema: schemas["template.rng"], files: parsed)
                case (Template.namespace, "fragment"):
                    try Template.checkFragment(named: stem, from: self, schema: schemas["template.rng"], files: parsed)
                case (Catalog.namespace, let rootName):
                    let expected = Catalog.files.first { $0.file == rootName + ".xml" }?.file
                    let reason =
                        expected.map { "is the root of a catalog file, which must be named \($0) to be used" }
                        ?? "is not the root of any catalog file"
                    throw TemplateError(.misplaced(element: rootName, reason: reason), at: root.location)
                default:
                    throw TemplateError(
                        .misplaced(element: root.name, reason: "is not a template, an included part or a catalog file"),
                        at: root.location)
                }
            } catch {
                add(error)
            }
        }

        // Rules no schema can say (every stage and domain exactly once), once the schemas pass.
        let catalogSelected = selected.contains { name in Catalog.files.contains { $0.file == name } }
        if catalogSelected, !catalogProblems {
            do {
                _ = try Catalog.load(from: self)
            } catch {
                add(error)
            }
        }
        return CheckReport(checkedFiles: selected.count, problems: problems)
    }
}
