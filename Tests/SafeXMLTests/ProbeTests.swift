import Testing
@testable import SafeXML

@Test func probe() throws {
    let cases: [String] = [
        "<a><b></a>",
        "<a>",
        "<a x=1/>",
        "<a/><b/>",
        "<a>&foo;</a>",
        "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>",
        "<!DOCTYPE x SYSTEM \"http://example.invalid/x.dtd\"><x/>",
        "<a>\u{FF}</a>",
        "<t:a/>",
        "   ",
        "<a\n  b='1'\n  c='2'>\n<b/></a>",
    ]
    for text in cases {
        print("CASE", text.debugDescription, Document.diagnose(Array(text.utf8), file: "t.xml", schema: nil).map(\.description))
    }
    var bad = Array("<a>x</a>".utf8); bad[3] = 0xFF
    print("UTF8", Document.diagnose(bad, file: "t.xml", schema: nil).map(\.description))
    let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
    print("DEEP", Document.diagnose(Array(deep.utf8), file: "t.xml", schema: nil).map(\.description))
    let doc = try Document.parse(Array("<a\n  b='1'\n  c='2'>\n<b/></a>".utf8), file: "t.xml")
    print(doc.root)
    let schemaText = """
    <element name="plan" xmlns="http://relaxng.org/ns/structure/1.0">
      <attribute name="version"/>
      <oneOrMore><element name="step"><text/></element></oneOrMore>
    </element>
    """
    let schema = try RelaxNGSchema(Array(schemaText.utf8), file: "s.rng")
    for text in ["<plan version='1'><step>a</step></plan>", "<plan>\n<step>a</step><note/></plan>", "<plan><step><x/></step><y/></plan>", "<plan version='1'/>"] {
        print("RNG", Document.diagnose(Array(text.utf8), file: "t.xml", schema: schema).map(\.description))
    }
    for text in ["<element xmlns=\"http://relaxng.org/ns/structure/1.0\"><text/></element>", "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n  <start><ref name=\"nope\"/></start></grammar>", "<foo/>"] {
        do { _ = try RelaxNGSchema(Array(text.utf8), file: "s.rng"); print("SCHEMA ok") } catch { print("SCHEMA", error.description) }
    }
}
