import Foundation
import SafeXML
import Testing

@testable import SafetyPlanner

/// Every problem a shipped schema can find is said in plain words at its line and column:
/// the rule and what to do, never libxml2's wording and never the value that was written.
///
/// `Fixtures/schema-messages/` holds a valid file for each schema in `Templates/schemas/`;
/// each case breaks it in one way (one case per kind of rule: a pattern, a choice, a fixed
/// value in its place, a data type, a length, a list, a required attribute, an unknown
/// attribute or element, a missing or misplaced element, text where none is allowed) and
/// expects the exact messages.
@Suite("Schema messages in plain words")
struct SchemaMessagesTests {
    /// The bundled schema of that name.
    static func schema(_ name: String) throws -> RelaxNGSchema {
        let file = try #require(TemplateLibrary.bundled.file(named: name + ".rng"))
        return try RelaxNGSchema(file.bytes, file: file.displayName)
    }

    static func base(_ name: String) -> String {
        String(decoding: Golden.read("schema-messages/\(name).xml"), as: UTF8.self)
    }

    /// The problems of the base file of `schema` with each `old` replaced by its `new`.
    static func problems(_ schema: String, _ changes: [(String, String)]) throws -> [String] {
        var text = base(schema)
        for (old, new) in changes {
            guard let range = text.range(of: old) else {
                Issue.record("\(schema).xml has no \(old.debugDescription)")
                return []
            }
            text.replaceSubrange(range, with: new)
        }
        return Document.diagnose(Array(text.utf8), file: "\(schema).xml", schema: try Self.schema(schema)).map(
            \.description)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var schema: String
        var name: String
        var changes: [(String, String)]
        var expected: [String]
        var testDescription: String { "\(schema): \(name)" }

        init(_ schema: String, _ name: String, _ changes: [(String, String)], _ expected: [String]) {
            self.schema = schema
            self.name = name
            self.changes = changes
            self.expected = expected
        }
    }

    static let schemas = ["resources", "guidance", "stages", "principles", "discretion", "words", "template"]

    @Test(arguments: schemas)
    func theBaseFileIsValid(schema: String) throws {
        #expect(try Self.problems(schema, []) == [])
    }

    /// Every rule of every shipped schema that checks a value has words: a pattern gets
    /// its `<m:message>` in the schema; a choice, a fixed value, a list of them, a date, a
    /// number or a length of text get words made from the pattern. A rule added without
    /// them fails here.
    @Test(arguments: schemas)
    func everyRuleOfAShippedSchemaHasWords(schema: String) throws {
        let missing = try Self.schema(schema).rulesWithoutWords()
        #expect(missing == [])
    }

    static let cases: [Case] = [
        // resources.rng
        Case(
            "resources", "a pattern: the phone number", [("<call>510-555-0100", "<call>(510) 555-0100")],
            ["resources.xml:4:5: error: a phone number in <call> is written with digits and hyphens, e.g. 510-555-0100"]
        ),
        Case(
            "resources", "a pattern: the id", [(#"id="our-line""#, #"id="Our Line""#)],
            [
                #"resources.xml:2:13: error: id="…" on <resource> is lowercase letters and digits, with a hyphen between words, e.g. crisis-text-line"#
            ]),
        Case(
            "resources", "a pattern: the ages", [(#"ages="12-24""#, #"ages="teens""#)],
            [
                #"resources.xml:2:64: error: ages="…" on <resource> is "all", "under-18" (or another under- age), a range such as "12-24", or "18-and-over""#
            ]),
        Case(
            "resources", "a pattern: the text number", [(#"number="555000""#, #"number="555-000""#)],
            [#"resources.xml:5:11: error: number="…" on <text> is the number to text, digits only, e.g. 741741"#]),
        Case(
            "resources", "a pattern: the web address", [("<web>example.org", "<web>https://example.org")],
            [
                "resources.xml:6:5: error: <web> holds a web address without https:// and without spaces, e.g. example.org/help"
            ]),
        Case(
            "resources", "a choice", [(#"kind="line""#, #"kind="hotline""#)],
            [#"resources.xml:2:27: error: kind="…" on <resource> is "line" or "organisation""#]),
        Case(
            "resources", "a list of choices", [(#"domains="support safety""#, #"domains="support housing""#)],
            [
                #"resources.xml:2:39: error: domains="…" on <resource> is one or more of "support", "shelter", "counseling", "reporting", "safety", separated by spaces"#
            ]),
        Case(
            "resources", "a date", [(#"verified="2026-11-02""#, #"verified="2 Nov 2026""#)],
            [#"resources.xml:2:132: error: verified="…" on <resource> is a date written YYYY-MM-DD, e.g. 2026-11-29"#]),
        Case(
            "resources", "a date that does not exist", [(#"date="2026-10-01""#, #"date="2026-13-01""#)],
            [#"resources.xml:10:13: error: date="…" on <source> is a date written YYYY-MM-DD, e.g. 2026-11-29"#]),
        Case(
            "resources", "empty text", [("<offers>Someone to talk to, day or night.</offers>", "<offers> </offers>")],
            ["resources.xml:7:5: error: <offers> holds plain text, not empty, at most 600 characters"]),
        Case(
            "resources", "text too long", [("Youth in Oakland.", String(repeating: "Youth in Oakland. ", count: 40))],
            ["resources.xml:8:5: error: <serves> holds plain text, not empty, at most 600 characters"]),
        Case(
            "resources", "a required attribute", [(#" region="California: Oakland""#, "")],
            ["resources.xml:2:3: error: <resource> needs the attribute 'region'"]),
        Case(
            "resources", "an unknown attribute", [(#"kind="line""#, #"kind="line" colour="red""#)],
            ["resources.xml:2:39: error: unknown attribute 'colour' on <resource>; remove it"]),
        Case(
            "resources", "an unknown attribute close to one", [(#"discreet-name="#, #"discrete-name="#)],
            [
                "resources.xml:2:106: error: unknown attribute 'discrete-name' on <resource>; did you mean 'discreet-name'?"
            ]),
        Case(
            "resources", "an unknown element", [("<youth>Call or text any time.</youth>", "<note>Hi</note>")],
            ["resources.xml:9:5: error: unknown element <note> in <resource>; remove it"]),
        Case(
            "resources", "a misspelt element",
            [("<serves>Youth in Oakland.</serves>", "<sevres>Youth in Oakland.</sevres>")],
            ["resources.xml:8:5: error: unknown element <sevres> in <resource>; did you mean <serves>?"]),
        Case(
            "resources", "a missing element in the middle",
            [("<offers>Someone to talk to, day or night.</offers>", "")],
            ["resources.xml:8:5: error: <resource> is missing <offers> before this <serves>"]),
        Case(
            "resources", "a missing element at the end",
            [(#"<source date="2026-10-01">Our agency's list of services</source>"#, "")],
            ["resources.xml:2:3: error: <resource> is missing <source>"]),
        Case(
            "resources", "an element out of place",
            [
                ("<web>example.org/youth</web>", ""),
                ("<youth>Call or text any time.</youth>", "<web>example.org/youth</web>"),
            ],
            [
                "resources.xml:9:5: error: <web> cannot come here in <resource>: after <serves> comes <where>, <youth> or <source>"
            ]
        ),
        Case(
            "resources", "an element twice",
            [("<call>510-555-0100</call>", "<call>510-555-0100</call><call>911</call>")],
            [
                "resources.xml:4:30: error: <call> cannot come here in <resource>: after <call> comes <text>, <web> or <offers>"
            ]),
        Case(
            "resources", "text where none is allowed",
            [("<name>Our youth line</name>", "<name>Our youth line</name> and more")],
            [
                "resources.xml:2:3: error: text is not allowed directly in <resource>; put it inside one of its elements, or remove it"
            ]),
        Case(
            "resources", "an element inside text", [("day or night", "<b>day</b> or night")],
            [
                "resources.xml:7:33: error: <b> is not allowed in <offers>, which holds only text; remove the tags and keep the words"
            ]),
        Case(
            "resources", "the root", [("<resources xmlns", "<resource xmlns"), ("</resources>", "</resource>")],
            ["resources.xml:1:1: error: the root element must be <resources>"]),
        Case(
            "resources", "the namespace", [(#"<resources xmlns="urn:safetyplanner:catalog:1">"#, "<resources>")],
            [
                #"resources.xml:1:1: error: <resources> needs the namespace urn:safetyplanner:catalog:1: write <resources xmlns="urn:safetyplanner:catalog:1">"#
            ]),
        Case(
            "resources", "several problems, each once",
            [
                ("<call>510-555-0100", "<call>(510) 555-0100"), (#"kind="line""#, #"kind="hotline""#),
                (#"<source date="2026-10-01">Our agency's list of services</source>"#, ""),
            ],
            [
                #"resources.xml:2:27: error: kind="…" on <resource> is "line" or "organisation""#,
                "resources.xml:4:5: error: a phone number in <call> is written with digits and hyphens, e.g. 510-555-0100",
                "resources.xml:2:3: error: <resource> is missing <source>",
            ]),

        // guidance.rng
        Case(
            "guidance", "a fixed value in its place", [(#"id="support""#, #"id="housing""#)],
            [
                #"guidance.xml:2:11: error: id="…" on this <domain> is "support": the <domain> elements of <guidance> are "support", "shelter", "counseling", "reporting" and "safety", in that order"#
            ]),
        Case(
            "guidance", "a fixed value missing in the order",
            [
                (
                    """
                      <domain id="shelter" name="Shelter" youth-name="A safe place to stay">
                        <about audience="provider">Safe housing.</about>
                        <about audience="youth">A place where you can sleep and feel safe.</about>
                        <item stages="preparation" audience="provider" ages="under-18" jurisdiction="California" source="A law">A rule.</item>
                      </domain>

                    """, ""
                )
            ],
            [#"guidance.xml:7:3: error: <guidance> is missing <domain id="shelter"> before this <domain>"#]),
        Case(
            "guidance", "two fixed values in their order",
            [(#"<about audience="provider">Who"#, #"<about audience="youth">Who"#)],
            [
                #"guidance.xml:3:12: error: audience="…" on this <about> is "provider": the <about> elements of <domain> are "provider" and "youth", in that order"#
            ]),
        Case(
            "guidance", "a choice",
            [(#"stages="preparation action" audience="youth""#, #"stages="preparation action" audience="all""#)],
            [#"guidance.xml:5:39: error: audience="…" on <item> is "youth" or "provider""#]),
        Case(
            "guidance", "a list of stages", [(#"stages="preparation action""#, #"stages="preparation ready""#)],
            [
                #"guidance.xml:5:11: error: stages="…" on <item> is one or more of "pre-contemplation", "contemplation", "preparation", "action", "maintenance", separated by spaces"#
            ]),
        Case(
            "guidance", "a pattern: the ages", [(#"ages="under-18""#, #"ages="minors""#)],
            [
                #"guidance.xml:10:52: error: ages="…" on <item> is "all", "under-18" (or another under- age), a range such as "12-24", or "18-and-over""#
            ]),
        Case(
            "guidance", "a fixed value", [(#"discreet="only""#, #"discreet="yes""#)],
            [#"guidance.xml:15:49: error: discreet="…" on <item> is "only""#]),
        Case(
            "guidance", "an empty attribute", [(#"source="A law""#, #"source="""#)],
            [#"guidance.xml:10:94: error: source="…" on <item> is plain text, not empty, at most 600 characters"#]),
        Case(
            "guidance", "a required attribute", [(#" youth-name="People on my side""#, "")],
            ["guidance.xml:2:3: error: <domain> needs the attribute 'youth-name'"]),
        Case(
            "guidance", "empty text", [("Think of one person who makes you feel safe.", "")],
            ["guidance.xml:5:5: error: <item> holds plain text, not empty, at most 600 characters"]),
        Case(
            "guidance", "a missing element",
            [(#"<item stages="contemplation" audience="youth">It is your choice.</item>"#, "")],
            ["guidance.xml:17:3: error: <domain> is missing <item>"]),

        // stages.rng
        Case(
            "stages", "a fixed value in its place", [(#"<stage id="action""#, #"<stage id="ready""#)],
            [
                #"stages.xml:31:10: error: id="…" on this <stage> is "action": the <stage> elements of <stages> are "pre-contemplation", "contemplation", "preparation", "action" and "maintenance", in that order"#
            ]),
        Case(
            "stages", "a misspelt element", [("<sign>A sign.</sign>", "<sing>A sign.</sing>")],
            ["stages.xml:6:7: error: unknown element <sing> in <signs>; did you mean <sign>?"]),
        Case(
            "stages", "an empty list", [("<signs>\n      <sign>A sign.</sign>\n    </signs>", "<signs/>")],
            ["stages.xml:5:5: error: <signs> is missing <sign>"]),
        Case(
            "stages", "a required attribute", [(#" source="A source""#, "")],
            ["stages.xml:1:1: error: <stages> needs the attribute 'source'"]),
        Case(
            "stages", "empty text", [("<aim>An aim.</aim>", "<aim/>")],
            ["stages.xml:9:5: error: <aim> holds plain text, not empty, at most 600 characters"]),

        // principles.rng
        Case(
            "principles", "a fixed value in its place", [(#"<principle id="choice""#, #"<principle id="voice""#)],
            [
                #"principles.xml:5:16: error: id="…" on this <principle> is "choice": the <principle> elements of <group> are "safety", "trustworthiness", "choice", "collaboration" and "empowerment", in that order"#
            ]),
        Case(
            "principles", "a missing element",
            [("<in-plan>P.</in-plan></principle>\n  </group>", "</principle>\n  </group>")],
            ["principles.xml:7:5: error: <principle> is missing <in-plan>"]),

        // discretion.rng
        Case(
            "discretion", "a pattern: the language", [(#"lang="en""#, #"lang="English""#)],
            [
                #"discretion.xml:2:13: error: lang="…" on <language> is a language tag: two or three lowercase letters, e.g. en or es, and for a region a hyphen and its code, e.g. es-MX"#
            ]),
        Case(
            "discretion", "a pattern: one word", [("<word>police</word>", "<word>the police</word>")],
            ["discretion.xml:4:5: error: <word> holds one word of two or more letters or digits, with no spaces"]),
        Case(
            "discretion", "a pattern: a phrase", [("<phrase>child protection</phrase>", "<phrase>protection</phrase>")],
            ["discretion.xml:5:5: error: <phrase> holds two or more words of letters or digits, separated by spaces"]),
        Case(
            "discretion", "a pattern: a list of words", [("Ms. Mr. Coach", "Ms. Mr. Coach-")],
            [
                "discretion.xml:6:5: error: <titles> holds words of letters or digits, separated by spaces; a word may end in a full stop, e.g. Ms."
            ]),
        Case(
            "discretion", "a fixed value in its place", [(#"before="surname""#, #"before="family-name""#)],
            [
                #"discretion.xml:6:13: error: before="…" on this <titles> is "surname": the <titles> elements of <language> are "surname" and "given-name", in that order"#
            ]),
        Case(
            "discretion", "a missing element", [("    <particles>de la van</particles>\n", "")],
            ["discretion.xml:2:3: error: <language> is missing <particles>"]),

        // words.rng
        Case(
            "words", "a pattern: the id", [(#"id="page-footer""#, #"id="Page footer""#)],
            [
                #"words.xml:2:9: error: id="…" on <text> is lowercase letters, digits and hyphens, starting with a letter, e.g. page-footer"#
            ]),
        Case(
            "words", "a pattern: not empty", [("Page {page} of {pages}", "  ")],
            ["words.xml:2:3: error: <text> holds text and may not be empty"]),
        Case(
            "words", "a pattern: the data path", [(#"path="client.name""#, #"path="client name""#)],
            [
                #"words.xml:4:13: error: path="…" on <question> is a data path: names of letters and digits joined by full stops, e.g. client.name"#
            ]),
        Case(
            "words", "a list of words",
            [("January February March April May June July August September October November December", "")],
            ["words.xml:3:3: error: <months> holds the twelve month names, January first, separated by spaces"]),
        Case(
            "words", "an unknown element", [("<months>", "<month>"), ("</months>", "</month>")],
            ["words.xml:3:3: error: unknown element <month> in <words>; did you mean <months>?"]),

        // template.rng (the template compiler checks templates first; the schema is its second line)
        Case(
            "template", "a choice", [(#"kind="plan""#, #"kind="letter""#)],
            [#"template.xml:1:89: error: kind="…" on <template> is "plan", "form", "handout", "card" or "assessment""#]),
        Case(
            "template", "a language tag", [(#"lang="en""#, #"lang="english language""#)],
            [#"template.xml:1:79: error: lang="…" on <template> is a language tag, e.g. en or es-MX"#]),
        Case(
            "template", "a whole number", [(#"lines="3""#, #"lines="three""#)],
            [#"template.xml:11:37: error: lines="…" on <field> is a whole number from 1 up, e.g. 3"#]),
        Case(
            "template", "a name", [(#"as="person""#, #"as="a person""#)],
            [
                #"template.xml:5:25: error: as="…" on <list> is a name of letters, digits, hyphens, underscores and full stops that starts with a letter"#
            ]),
        Case(
            "template", "a pattern: the data path", [(#"of="client.name""#, #"of="client..name""#)],
            [
                #"template.xml:3:17: error: of="…" on <value> is a data path: names of letters and digits joined by full stops, e.g. client.name"#
            ]),
        Case(
            "template", "a pattern: a list of data paths", [(#"has-any="goals notes""#, #"has-any="goals 2notes""#)],
            [
                #"template.xml:10:7: error: has-any="…" on <if> is one or more data paths separated by spaces, e.g. supports safePlaces"#
            ]),
        Case(
            "template", "a pattern: the file name",
            [(#"<include name="lines-to-call"/>"#, #"<include name="lines-to-call.xml"/>"#)],
            [
                #"template.xml:15:12: error: name="…" on <include> is a file name without .xml: letters, digits, hyphens and underscores, e.g. my-safe-places"#
            ]),
        Case(
            "template", "a list of choices", [(#"emphasis="lead full""#, #"emphasis="lead strong""#)],
            [
                #"template.xml:10:29: error: emphasis="…" on <if> is one or more of "lead", "full", "brief", separated by spaces"#
            ]),
        Case(
            "template", "a required attribute", [(#" title="A plan""#, "")],
            ["template.xml:1:1: error: <template> needs the attribute 'title'"]),
        Case(
            "template", "text where none is allowed",
            [("<section domain=\"support\">", "<section domain=\"support\">Hello")],
            [
                "template.xml:4:3: error: text is not allowed directly in <section>; put it inside one of its elements, or remove it"
            ]),
        Case(
            "template", "text in an empty element", [("<page-break/>", "<page-break>here</page-break>")],
            ["template.xml:16:3: error: <page-break> is empty: remove the text in it"]),
        Case(
            "template", "an element in an empty element", [("<page-break/>", "<page-break><p>Hi</p></page-break>")],
            ["template.xml:16:15: error: <p> is not allowed in <page-break>, which is empty; remove it"]),
        Case(
            "template", "the root", [("<template xmlns", "<plan xmlns"), ("</template>", "</plan>")],
            ["template.xml:1:1: error: the root element must be <fragment> or <template>"]),
    ]

    @Test(arguments: cases)
    func eachProblemInPlainWords(_ test: Case) throws {
        let problems = try Self.problems(test.schema, test.changes)
        #expect(problems == test.expected)
        // libxml2's wording never shows.
        for problem in problems {
            for raw in [
                "Element ", "failed to validate", "Expecting", "Did not expect", "Error validating", "datatype",
            ] {
                #expect(!problem.contains(raw), "\(problem)")
            }
        }
    }
}
