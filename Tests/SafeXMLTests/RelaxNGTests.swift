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
            == "invalid.xml:3:3: error: unknown element <note> in <plan>; remove it"
    )
}

@Test func diagnoseReturnsEveryValidationError() throws {
    let bytes = try fixture("relaxng/several-problems.xml")
    #expect(
        Document.diagnose(bytes, file: "several-problems.xml", schema: try planSchema()).map(\.description) == [
            "several-problems.xml:1:1: error: <plan> needs the attribute 'version'",
            "several-problems.xml:2:9: error: <b> is not allowed in <step>, which holds only text; remove the tags and keep the words",
            "several-problems.xml:3:3: error: unknown element <extra> in <plan>; remove it",
        ]
    )
}

@Test func missingChildIsReported() throws {
    #expect(
        parseError(Array("<plan version=\"1\"/>".utf8), schema: try planSchema())
            == "t.xml:1:1: error: <plan> is missing <step>"
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

// MARK: Plain words for every problem

/// A schema with a rule in its own words (`<m:message>`), one libxml2 can check but no
/// words can be made for (a pattern), and rules whose words are made from the pattern.
private let wordedSchema = """
    <element name="card" xmlns="http://relaxng.org/ns/structure/1.0"
        xmlns:m="urn:safetyplanner:schema-messages:1"
        datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <attribute name="kind"><choice><value>line</value><value>place</value></choice></attribute>
      <optional><attribute name="code"><data type="token"><param name="pattern">[A-Z]{3}</param></data></attribute></optional>
      <element name="phone">
        <m:message>a phone number in {name} is written with digits and hyphens, e.g. 510-555-0100</m:message>
        <data type="token"><param name="pattern">[0-9]+(-[0-9]+)*</param></data>
      </element>
      <optional><element name="since"><data type="date"/></element></optional>
    </element>
    """

@Test func rulesWithoutWordsAreFound() throws {
    let schema = try RelaxNGSchema(Array(wordedSchema.utf8), file: "card.rng")
    // The pattern of code= has no words: it is the one rule found.
    #expect(schema.rulesWithoutWords() == [SafeXML.SourceLocation(file: "card.rng", line: 5, column: 13)])
}

@Test func eachProblemInPlainWordsAtItsPlace() throws {
    let schema = try RelaxNGSchema(Array(wordedSchema.utf8), file: "card.rng")
    let document = """
        <card kind="shop" code="ab">
          <phone>(510) 555-0100</phone>
          <since>yesterday</since>
        </card>
        """
    #expect(
        Document.diagnose(Array(document.utf8), file: "c.xml", schema: schema).map(\.description) == [
            "c.xml:1:7: error: kind=\"…\" on <card> is \"line\" or \"place\"",
            "c.xml:1:19: error: code=\"…\" on <card> is not in a form card.rng allows (see card.rng:5:13)",
            "c.xml:2:3: error: a phone number in <phone> is written with digits and hyphens, e.g. 510-555-0100",
            "c.xml:3:3: error: <since> holds a date written YYYY-MM-DD, e.g. 2026-11-29",
        ])
}

@Test func noMessageHoldsAValueFromTheDocument() throws {
    let schema = try RelaxNGSchema(Array(wordedSchema.utf8), file: "card.rng")
    let document = #"<card kind="4155550199" code="4155550199"><phone>(415) 555-0199</phone><since>415</since></card>"#
    let problems = Document.diagnose(Array(document.utf8), file: "c.xml", schema: schema)
    #expect(problems.count == 4)
    for problem in problems {
        #expect(!problem.message.contains("415"), "\(problem)")
    }
}

/// A schema the model does not know (a nested grammar with `parentRef`): libxml2's reports,
/// in plain words.
@Test func aSchemaTheModelDoesNotKnowStillGetsPlainWords() throws {
    let nested = """
        <grammar xmlns="http://relaxng.org/ns/structure/1.0">
          <start><element name="plan"><grammar><start>
            <element name="step"><parentRef name="words"/></element>
          </start></grammar></element></start>
          <define name="words"><text/></define>
        </grammar>
        """
    let schema = try RelaxNGSchema(Array(nested.utf8), file: "nested.rng")
    #expect(schema.rulesWithoutWords() == nil)
    #expect(
        Document.diagnose(Array("<plan>\n  <stp/>\n</plan>".utf8), file: "n.xml", schema: schema).map(\.description)
            == ["n.xml:2:3: error: <stp> cannot come here; see where it goes in nested.rng"])
    #expect(
        Document.diagnose(Array("<plan>\n  <step><b/></step>\n</plan>".utf8), file: "n.xml", schema: schema).map(
            \.description) == ["n.xml:2:9: error: <b> cannot come here; see where it goes in nested.rng"])
}
