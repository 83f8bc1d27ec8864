import SafeXML
import Testing

/// Every DOCTYPE is refused before its subset is read, so none of these ever expands an
/// entity, reads a file or touches the network.
@Test(arguments: [
    ("hostile/billion-laughs.xml", "billion-laughs.xml:2:1: error: DOCTYPE is not allowed"),
    ("hostile/external-entity.xml", "external-entity.xml:3:1: error: DOCTYPE is not allowed"),
    ("hostile/parameter-entity.xml", "parameter-entity.xml:2:1: error: DOCTYPE is not allowed"),
    ("hostile/external-dtd.xml", "external-dtd.xml:1:1: error: DOCTYPE is not allowed"),
])
func doctypeIsRefused(fixtureName: String, expected: String) throws {
    let bytes = try fixture(fixtureName)
    let file = String(fixtureName.split(separator: "/").last!)
    #expect(parseError(bytes, file: file) == expected)
    let diagnostics = Document.diagnose(bytes, file: file, schema: nil).map(\.description)
    #expect(diagnostics == [expected])
    #expect(!diagnostics.joined().contains("root:"))
}

@Test func doctypeAfterXMLDeclarationIsLocatedAtItsAngleBracket() {
    #expect(parseError("<?xml version=\"1.0\"?> <!DOCTYPE a><a/>") == "t.xml:1:23: error: DOCTYPE is not allowed")
}

// The limits catch a hang, not slowness (each parse takes ~0.02 s): on 2 cores the
// tool's command tests, which wait for the processes they start, hold Swift Testing's
// threads for a minute or more, and a test's clock runs while it waits for one.
@Test(.timeLimit(.minutes(10)))
func hundredThousandDeepNestingFailsWithAnError() {
    let depth = 100_000
    let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
    #expect(parseError(text) == "t.xml:1:772: error: elements are nested more than 256 levels deep")
}

@Test func nestingWithinTheLimitParses() throws {
    let depth = 250
    let text = String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)
    let root = try Document.parse(Array(text.utf8), file: "t.xml").root
    #expect(root.textContent == "x")
}

@Test(.timeLimit(.minutes(10)))
func oneMegabyteTextLineUnderTheLimitParses() throws {
    let body = String(repeating: "safe ", count: 200_000)
    let bytes = Array("<p>\(body)</p>".utf8)
    #expect(bytes.count < 1 << 20)
    let root = try Document.parse(bytes, file: "t.xml").root
    #expect(root.children == [.text(body)])
}
