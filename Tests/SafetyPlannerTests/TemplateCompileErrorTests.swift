import Testing

@testable import SafetyPlanner

/// Every compile error names its file, line and column, and says what is wrong.
@Suite struct TemplateCompileErrorTests {
    static let workspace = try! Workspace.load()

    /// Compiles `body` wrapped in a `<template>` (on line 2; the body starts on line 3).
    func compileError(_ body: String, extraFiles: [String: String] = [:]) -> String? {
        var library = Self.workspace.library
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <template xmlns="urn:safetyplanner:template:1" title="Test">
            \(body)
            </template>

            """
        var files = library.files
        files["t.xml"] = .init(displayName: "t.xml", bytes: Array(source.utf8))
        for (name, text) in extraFiles { files[name] = .init(displayName: name, bytes: Array(text.utf8)) }
        library = TemplateLibrary(files: files)
        do {
            let workspace = try Workspace(library: library)
            _ = try workspace.template(named: "t")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func validTemplateCompiles() {
        #expect(compileError("<p>Hello <value of=\"client.name\" default=\"there\"/>.</p>") == nil)
    }

    @Test func unknownElement() {
        #expect(
            compileError("  <p>ok</p>\n  <paragraph>no</paragraph>")
                == "t.xml:4:3: error: unknown element <paragraph> in <template>")
    }

    @Test func unknownInlineElement() {
        #expect(compileError("<p>Hi <b>there</b></p>") == "t.xml:3:7: error: unknown element <b> in <p>")
    }

    @Test func blockInsideParagraph() {
        #expect(
            compileError("<p>Hi <page-break/></p>")
                == "t.xml:3:7: error: <page-break> is a block and cannot be inside <p>")
    }

    @Test func unknownAttribute() {
        #expect(
            compileError("<p>x</p><field label=\"A\" of=\"notes\" size=\"3\"/>")
                == "t.xml:3:9: error: unknown attribute 'size' on <field>")
    }

    @Test func missingAttribute() {
        #expect(compileError("<field of=\"notes\"/>") == "t.xml:3:1: error: <field> needs the attribute 'label'")
    }

    @Test func unknownStage() {
        #expect(
            compileError("<if stage=\"preparation ready\"><p>x</p></if>")
                == "t.xml:3:1: error: unknown stage 'ready'; expected one of pre-contemplation, contemplation, preparation, action, maintenance"
        )
    }

    @Test func unknownDomain() {
        #expect(
            compileError("<section domain=\"housing\"><p>x</p></section>")
                == "t.xml:3:1: error: unknown domain 'housing'; expected one of support, shelter, counseling, reporting, safety"
        )
    }

    @Test func unknownDataPathWithSuggestion() {
        #expect(
            compileError("<p><value of=\"client.nmae\"/></p>")
                == "t.xml:3:4: error: unknown data path 'client.nmae' (did you mean 'client.name'?)")
        #expect(
            compileError("<list of=\"suports\" as=\"p\"><item>x</item></list>")
                == "t.xml:3:1: error: unknown data path 'suports' (did you mean 'supports'?)")
    }

    @Test func fieldFormatIsPhoneOnly() {
        let error = compileError("<field label=\"Phone\" of=\"advocate.phone\" format=\"date\"/>") ?? ""
        #expect(error.hasPrefix("t.xml:3:1: error: "), "\(error)")
        #expect(error.contains("phone"), "\(error)")
        #expect(compileError("<field label=\"Phone\" of=\"advocate.phone\" format=\"phone\"/>") == nil)
    }

    @Test func unknownDataPathInsideList() {
        #expect(
            compileError("<list of=\"supports\" as=\"person\"><item><value of=\"person.phon\"/></item></list>")
                == "t.xml:3:39: error: unknown data path 'person.phon' (did you mean 'person.phone'?)")
    }

    @Test func bindingIsOnlyVisibleInsideItsList() {
        #expect(
            compileError(
                "<list of=\"goals\" as=\"goal\"><item><value of=\"goal\"/></item></list>\n<p><value of=\"goal\"/></p>")
                == "t.xml:4:4: error: unknown data path 'goal' (did you mean 'goals'?)")
    }

    @Test func valueOfAListIsRefused() {
        #expect(
            compileError("<p><value of=\"goals\"/></p>")
                == "t.xml:3:4: error: 'of' on <value> must be a single value, not a list of text")
    }

    @Test func textOutsideParagraph() {
        #expect(
            compileError("<section>loose text</section>")
                == "t.xml:3:1: error: <section> holds blocks; put its text inside <p>")
    }

    @Test func includeOfMissingFile() {
        #expect(
            compileError("<include name=\"nothing-here\"/>") == "t.xml:3:1: error: no template named 'nothing-here'")
    }

    @Test func includeCycle() {
        let loop = """
            <?xml version="1.0"?>
            <fragment xmlns="urn:safetyplanner:template:1">
              <include name="loop"/>
            </fragment>
            """
        #expect(
            compileError("<include name=\"loop\"/>", extraFiles: ["loop.xml": loop])
                == "loop.xml:3:3: error: 'loop' includes itself")
    }

    @Test func wrongNamespace() {
        #expect(
            compileError("<p xmlns=\"http://www.w3.org/1999/xhtml\">x</p>")
                == "t.xml:3:1: error: <p> is not in the namespace urn:safetyplanner:template:1")
    }

    @Test func doctypeIsRefused() {
        var files = Self.workspace.library.files
        let source = """
            <?xml version="1.0"?>
            <!DOCTYPE template [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <template xmlns="urn:safetyplanner:template:1" title="T"><p>&x;</p></template>
            """
        files["t.xml"] = .init(displayName: "t.xml", bytes: Array(source.utf8))
        let workspace = try! Workspace(library: TemplateLibrary(files: files))
        #expect(
            throws: TemplateError(.malformedXML("DOCTYPE is not allowed"), at: .init(file: "t.xml", line: 2, column: 1))
        ) {
            try workspace.template(named: "t")
        }
    }

    @Test func emphasisConditionOutsideDomain() {
        #expect(
            compileError("<if emphasis=\"lead\"><p>x</p></if>")
                == "t.xml:3:1: error: <if> with 'emphasis' must be inside a domain section")
    }

    @Test func guidanceNeedsADomainOutsideDomainSections() {
        #expect(
            compileError("<guidance audience=\"youth\"/>")
                == "t.xml:3:1: error: <guidance> needs 'domain' outside a domain section")
    }

    @Test func malformedXML() {
        #expect(
            compileError("<p>unclosed</section>")
                == "t.xml:3:22: error: Opening and ending tag mismatch: p line 3 and section")
    }

    @Test func compiledValuesAreWhole() throws {
        var files = Self.workspace.library.files
        let source = """
            <?xml version="1.0"?>
            <template xmlns="urn:safetyplanner:template:1" title="T">
              <heading>Hello,
                <value of="client.name" default="friend"/>!</heading>
              <if stage="action"><check>Pack <em>the</em> bag</check></if>
            </template>
            """
        files["t.xml"] = .init(displayName: "t.xml", bytes: Array(source.utf8))
        let template = try Workspace(library: TemplateLibrary(files: files)).template(named: "t")
        #expect(
            template.body == [
                .heading([
                    .text("Hello, "),
                    .value(DataPath(components: ["client", "name"]), default: "friend", isPhone: false), .text("!"),
                ]),
                .conditional(
                    Condition(stages: [.action]), [.check([.text("Pack "), .emphasis([.text("the")]), .text(" bag")])]),
            ])
    }
}
