import Testing

@testable import SafeXML

private func at(_ line: Int, _ column: Int) -> SafeXML.SourceLocation {
    SafeXML.SourceLocation(file: "t.xml", line: line, column: column)
}

@Test func parsesNamespacesAttributesTextCDATAAndDropsCommentsAndProcessingInstructions() throws {
    let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- plan -->
        <plan xmlns="urn:plan" xmlns:x="urn:extra" version="1" x:mode="quiet &amp; calm">
          Hello &amp; &#233; <b>bold</b><![CDATA[<raw>]]><!-- dropped --><?pi data?> end
        </plan>
        """
    let document = try Document.parse(Array(text.utf8), file: "t.xml")
    #expect(document.file == "t.xml")
    #expect(
        document.root
            == Element(
                name: "plan",
                namespace: "urn:plan",
                attributes: [
                    Attribute(name: "version", value: "1", location: at(3, 1)),
                    Attribute(name: "mode", namespace: "urn:extra", value: "quiet & calm", location: at(3, 1)),
                ],
                children: [
                    .text("\n  Hello & é "),
                    .element(
                        Element(name: "b", namespace: "urn:plan", children: [.text("bold")], location: at(4, 22))
                    ),
                    .text("<raw> end\n"),
                ],
                location: at(3, 1)
            )
    )
    #expect(document.root.attribute("version") == "1")
    #expect(document.root.attribute("mode") == nil)
    #expect(document.root.elements.map(\.name) == ["b"])
    #expect(document.root.textContent == "\n  Hello & é bold<raw> end\n")
}

@Test func elementLocationsCountCharactersAndSameNamedElementsOnOneLine() throws {
    let text = """
        <r>
        <s/><s/>
        <p>café <s x="1"/></p>
        <a:s xmlns:a="urn:a"/>
        <s
           y="2"/></r>
        """
    let root = try Document.parse(Array(text.utf8), file: "t.xml").root
    #expect(root.location == at(1, 1))
    #expect(root.elements.map(\.location) == [at(2, 1), at(2, 5), at(3, 1), at(4, 1), at(5, 1)])
    #expect(root.elements[2].elements[0].location == at(3, 9))
}

@Test func columnOfTagFindsTheRequestedOccurrenceOfTheExactName() {
    let source = SourceText(Array("<r>\n<s><sx/>é<s/><s\n/>".utf8))
    #expect(source.column(ofTag: "s", line: 2, occurrence: 1) == 1)
    #expect(source.column(ofTag: "s", line: 2, occurrence: 2) == 10)
    #expect(source.column(ofTag: "s", line: 2, occurrence: 3) == 14)
    #expect(source.column(ofTag: "s", line: 2, occurrence: 4) == nil)
    #expect(source.column(ofTag: "sx", line: 2, occurrence: 1) == 4)
}

@Test func xIncludeElementIsAnOrdinaryElement() throws {
    let root = try Document.parse(try fixture("hostile/xinclude.xml"), file: "t.xml").root
    #expect(
        root.elements
            == [
                Element(
                    name: "include",
                    namespace: "http://www.w3.org/2001/XInclude",
                    attributes: [
                        Attribute(name: "href", value: "file:///etc/passwd", location: at(2, 3)),
                        Attribute(name: "parse", value: "text", location: at(2, 3)),
                    ],
                    location: at(2, 3)
                )
            ]
    )
}

@Test func errorPrintsInCompilerForm() {
    let error = XMLError(message: "DOCTYPE is not allowed", location: at(3, 7))
    #expect(error.description == "t.xml:3:7: error: DOCTYPE is not allowed")
}
