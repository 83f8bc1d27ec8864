import SafeXML
import Testing

private func planSchema() throws -> RelaxNGSchema {
    try RelaxNGSchema(try fixture("relaxng/plan.rng"), file: "plan.rng")
}

@Test func validDocumentPasses() throws {
    let schema = try planSchema()
    let document = try Document.parse(try fixture("relaxng/valid.xml"), file: "valid.xml", schema: schema)
    #expect(document.root.elements.map(\.textContent) == ["Call a friend", "Go to the youth shelter"])
    #expect(Document.diagnose(try fixture("relaxng/valid.xml"), file: "valid.xml", schema: schema) == [])
}

@Test func invalidDocumentGivesTheErrorWithLineAndColumn() throws {
    let bytes = try fixture("relaxng/invalid.xml")
    #expect(
        parseError(bytes, file: "invalid.xml", schema: try planSchema())
            == "invalid.xml:3:3: error: Did not expect element note there"
    )
}

@Test func diagnoseReturnsEveryValidationError() throws {
    let bytes = try fixture("relaxng/several-problems.xml")
    #expect(
        Document.diagnose(bytes, file: "several-problems.xml", schema: try planSchema()).map(\.description) == [
            "several-problems.xml:1:1: error: Element plan failed to validate attributes",
            "several-problems.xml:2:9: error: Did not expect element b there",
            "several-problems.xml:3:3: error: Did not expect element extra there",
        ]
    )
}

@Test func missingChildIsReported() throws {
    #expect(
        parseError(Array("<plan version=\"1\"/>".utf8), schema: try planSchema())
            == "t.xml:1:1: error: Expecting an element, got nothing"
    )
}

@Test func syntaxErrorComesBeforeValidation() throws {
    #expect(
        Document.diagnose(Array("<plan>".utf8), file: "t.xml", schema: try planSchema()).map(\.description)
            == ["t.xml:1:7: error: Premature end of data in tag plan line 1"]
    )
}

@Test func brokenSchemaGivesAnErrorInTheSchemaFile() throws {
    do {
        _ = try RelaxNGSchema(try fixture("relaxng/broken.rng"), file: "broken.rng")
        Issue.record("broken schema compiled")
    } catch let error as XMLError {
        #expect(error.description == "broken.rng:2:3: error: expecting name, anyName, nsName or choice : got text")
    }
}

@Test func schemaThatIsNotXMLGivesASyntaxError() {
    #expect(
        throws: XMLError(
            message: "Premature end of data in tag element line 1",
            location: SafeXML.SourceLocation(file: "s.rng", line: 1, column: 10))
    ) {
        try RelaxNGSchema(Array("<element>".utf8), file: "s.rng")
    }
}

@Test func schemaIncludeIsRefused() {
    #expect(
        throws: XMLError(
            message: "RELAX NG include is not allowed",
            location: SafeXML.SourceLocation(file: "include.rng", line: 2, column: 3))
    ) {
        try RelaxNGSchema(try fixture("relaxng/include.rng"), file: "include.rng")
    }
}

@Test func schemaIsSharedBetweenConcurrentValidations() async throws {
    let schema = try planSchema()
    let valid = try fixture("relaxng/valid.xml")
    let invalid = try fixture("relaxng/invalid.xml")
    let results = await withTaskGroup(of: Int.self) { group in
        for index in 0..<16 {
            group.addTask {
                Document.diagnose(index.isMultiple(of: 2) ? valid : invalid, file: "x.xml", schema: schema).count
            }
        }
        return await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(results.sorted() == Array(repeating: 0, count: 8) + Array(repeating: 1, count: 8))
}
