import SafeXML
import Testing

@Test func truncatedDocument() {
    #expect(parseError("<plan>\n  <step>Call") == "t.xml:2:13: error: Premature end of data in tag step line 2")
}

@Test func mismatchedTag() {
    #expect(
        parseError("<plan>\n  <step>Call</plan>")
            == "t.xml:2:20: error: Opening and ending tag mismatch: step line 2 and plan"
    )
}

@Test func unquotedAttribute() {
    #expect(parseError("<plan version=1/>") == "t.xml:1:15: error: AttValue: \" or ' expected")
}

@Test func twoRootElements() {
    #expect(parseError("<plan/>\n<plan/>") == "t.xml:2:1: error: Extra content at the end of the document")
}

@Test func undefinedEntity() {
    #expect(parseError("<plan>&nbsp;</plan>") == "t.xml:1:13: error: Entity 'nbsp' not defined")
}

@Test func undeclaredNamespacePrefix() {
    #expect(parseError("<t:plan/>") == "t.xml:1:8: error: Namespace prefix t on plan is not defined")
}

@Test func predefinedEntitiesAndCharacterReferencesAreFine() throws {
    let root = try Document.parse(Array("<p>&lt;&gt;&amp;&quot;&apos;&#x41;&#66;</p>".utf8), file: "t.xml").root
    #expect(root.children == [.text("<>&\"'AB")])
}

@Test func emptyInput() {
    #expect(parseError([]) == "t.xml:1:1: error: document is empty")
    #expect(
        Document.diagnose([], file: "t.xml", schema: nil).map(\.description) == [
            "t.xml:1:1: error: document is empty"
        ])
}

@Test func oversizeInputIsRefusedBeforeParsing() {
    #expect(parseError("<plan></plan>", maxBytes: 12) == "t.xml:1:1: error: input is larger than 12 bytes")
    #expect(parseError("<plan></plan>", maxBytes: 13) == nil)
}

@Test func invalidUTF8() {
    var bytes = Array("<plan>x</plan>".utf8)
    bytes[6] = 0xFF
    #expect(parseError(bytes) == "t.xml:1:7: error: input is not proper UTF-8 (bytes 0xFF 0x3C 0x2F 0x70)")
}

@Test func diagnoseReturnsTheFirstSyntaxErrorAlone() {
    #expect(
        Document.diagnose(Array("<a><b></a>\n<c>".utf8), file: "t.xml", schema: nil).map(\.description)
            == ["t.xml:1:11: error: Opening and ending tag mismatch: b line 1 and a"]
    )
    #expect(Document.diagnose(Array("<a/>".utf8), file: "t.xml", schema: nil) == [])
}
