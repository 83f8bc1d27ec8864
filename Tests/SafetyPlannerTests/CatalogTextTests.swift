import SafeXML
import Testing

@testable import SafetyPlanner

/// The catalog's text read over bytes is the text read `Character` by `Character`.
@Suite struct CatalogTextTests {
    /// Every element of every bundled catalog file, at any depth.
    static func elements() throws -> [Element] {
        var elements: [Element] = []
        func visit(_ element: Element) {
            elements.append(element)
            element.elements.forEach(visit)
        }
        for (file, _) in Catalog.files {
            let bytes = try #require(TemplateLibrary.bundled.file(named: file)).bytes
            visit(try Document.parse(bytes, file: file).root)
        }
        return elements
    }

    @Test func bundledCatalogTextIsTheSameOverBytes() throws {
        let elements = try Self.elements()
        #expect(elements.count > 100)
        var fallBacks = 0
        for element in elements {
            let text = element.textContent
            let reference = Element.normalizedCharacters(text)
            #expect(element.normalizedText == reference)
            if let bytes = Element.normalizedBytes(text) {
                #expect(Array(bytes.utf8) == Array(reference.utf8), "\(element.location)")
            } else {
                fallBacks += 1
            }
        }
        // The bundled text takes the byte path almost everywhere.
        #expect(fallBacks * 10 < elements.count)
    }

    @Test(arguments: [
        "", " ", "\n\t \r", "a", " a ", "a  b", "a\n\tb", "  Zoë  and\tJosé ", "a \u{301}b", "a\u{301} b",
        "\u{301} a", "a \n\u{301}", "x\r\ny", "x\ry", "x\r", "\r\n", "a\u{A0}b", "a\u{2028}b", "😀 ok", "ok 😀",
        "e\u{301}\n", "\n\u{600}a", "\u{600} a", "a\u{200D} b", "tab\tend\t",
    ])
    func byteAndCharacterPathsAgree(_ text: String) {
        let reference = Element.normalizedCharacters(text)
        if let bytes = Element.normalizedBytes(text) {
            #expect(Array(bytes.utf8) == Array(reference.utf8))
        }
        let element = Element(name: "p", children: [.text(text)], location: .init(file: "t", line: 1, column: 1))
        #expect(Array(element.normalizedText.utf8) == Array(reference.utf8))
    }

    @Test(arguments: [
        "", " ", "preparation", "preparation action", "  action\tmaintenance\n", "pre-contemplation contemplation",
        "action action", "actions", "Action", "act", "action\r\nmaintenance", "action\rmaintenance", "actión",
        "action \u{301}", "preparation\u{A0}action", "maintenance unknown", "x",
    ])
    func stageListsOverBytesAreTheStageParser(_ text: String) {
        #expect(CatalogFile.stages(text) == Stage.parseList(text))
    }

    @Test func bundledStageListsOverBytesAreTheStageParser() throws {
        var lists = 0
        for element in try Self.elements() {
            guard let text = element.attribute("stages") else { continue }
            lists += 1
            #expect(CatalogFile.stages(text) == Stage.parseList(text))
        }
        #expect(lists > 20)
    }
}
