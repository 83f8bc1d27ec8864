#!/usr/bin/env python3
"""Writes the seed corpus, Tests/Fuzz/corpus/, from the repository's templates and samples
and the hand-written seeds below. Each file starts with the fuzz target's dispatch byte:
0x00 template (then a selector byte), 0x01 data file, 0x02 data file to render (then a
selector byte). Run it again after changing the templates or samples; run.sh never writes
to corpus/."""
import hashlib
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "corpus"

NS = 'xmlns="urn:safetyplanner:template:1"'


def template(body, title="T", extra=""):
    return f'<?xml version="1.0"?>\n<template {NS} title="{title}"{extra}>\n{body}\n</template>\n'


TEMPLATES = {
    "minimal": template("<p>Hello</p>"),
    "value": template('<p><strong>For:</strong> <value of="client.name" default="me"/> <value of="advocate.phone" format="phone"/></p>'),
    "domains": template(
        '<domains><section domain="support"><heading>People</heading><guidance audience="youth"/>'
        '<list of="supports" as="person" style="number"><item><value of="person.name"/>: '
        '<value of="person.phone" format="phone"/></item><empty><write-in lines="3"/></empty></list>'
        '</section><section domain="safety"><if emphasis="lead"><p>Lead</p></if></section></domains>'),
    "conditions": template(
        '<if stage="action maintenance"><field label="Notes" of="notes" lines="3"/></if>'
        '<if has="goals"><list of="goals" as="g" style="check"><item><value of="g"/></item></list></if>'
        '<if lacks="codeWord"><p>No code word <blank width="12"/></p></if>'
        '<if discreet="true"><note>Discreet</note></if><p>Inline <if stage="preparation">prep</if></p>'),
    "blocks": template(
        '<heading>H <em>e</em></heading><note>n</note><check>c</check><section><p>s</p></section>'
        '<stage-guide/><principles/><page-break/><resources audience="youth" kind="line"/>'
        '<resources domain="reporting" audience="provider" kind="organisation"/>'
        '<guidance domain="shelter" audience="provider" limit="2"/><include name="lines-to-call"/>',
        extra=' name="fuzz" discreet-title="Mine" lang="en" kind="form"'),
    "plan-values": template('<p><value of="plan.stage"/> <value of="plan.youth"/> <value of="plan.movedBack"/> <value of="plan.date"/></p>'),
    "include-self": template('<include name="fuzz"/>'),
    "entities": template('<p>&amp; &lt; &gt; &quot; &apos; &#233; &#x1F600; <![CDATA[<raw>]]><!-- c --><?pi x?></p>'),
    "bad-element": template("<paragraph>no</paragraph>"),
    "bad-namespace": '<template xmlns="urn:other" title="T"><p>x</p></template>',
    "wrong-root": f'<fragment {NS}><p>x</p></fragment>',
    "not-closed": template("<p>unclosed</section>"),
    "doctype": '<?xml version="1.0"?>\n<!DOCTYPE template [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    f'<template {NS} title="T"><p>&x;</p></template>',
    "billion-laughs": '<!DOCTYPE t [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><template>&b;</template>',
    "xinclude": f'<template {NS} xmlns:xi="http://www.w3.org/2001/XInclude" title="T"><xi:include href="/etc/passwd"/></template>',
    "deep": template("<section>" * 300 + "</section>" * 300),
    "latin1": '<?xml version="1.0" encoding="ISO-8859-1"?>\n' f'<template {NS} title="T"><p>caf\xe9</p></template>',
    "utf16-decl": '<?xml version="1.0" encoding="UTF-16"?><template/>',
    "empty": "",
    "text": "just text",
}

DATA = {
    "empty-object": "{}",
    "hostile-deep": "[" * 100 + "]" * 100,
    "hostile-deep-object": '{"a":' * 40 + "1" + "}" * 40,
    "unknown-key": '{"supports":[{"phon":"1"}],"codeWord":"a","codeWord":"b","goals":"x"}',
    "escapes": '{"notes":"\\u0000\\ud83d\\ude00\\ud800\\n\\t\\"\\\\\\/\\b\\f\\r"}',
    "lone-surrogate": '{"notes":"\\udc00"}',
    "numbers": '{"client":{"age":-0.5e+10},"id":"1e999"}',
    "big-age": '{"client":{"age":99999999999999999999999}}',
    "bad-utf8": b'{"notes":"\xff\xfe\xc0\x80"}',
    "bom": b'\xef\xbb\xbf{"stage":"action"}',
    "bad-stage": '{"stage":"ready","date":"2026-02-30","history":[{"stage":"x","date":"not a date"}]}',
    "trailing": '{} {}',
    "words": '[true,false,null,nul,truex]',
    "unterminated": '{"notes":"abc',
    "html": '{"client":{"name":"<script>alert(1)</script>"},"notes":"</p><img src=x onerror=1>&amp;","codeWord":"\\u202e\\u0301\\u200b"}',
    "wide": '{"goals":["\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587\\u4e2d\\u6587", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]}',
    "moved-back": '{"stage":"contemplation","history":[{"stage":"maintenance","date":"2026-01-01"}],"checkIns":[{"when":"Mondays","how":"text"}],"celebrations":["x"],"hardTimes":["y"]}',
    "phones": '{"advocate":{"phone":"+1 (510) 555-0142 ext. 12"},"supports":[{"name":"","phone":"5"},{"phone":"\\u0000"}],"safePlaces":[{}]}',
}


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8") if not name.endswith("latin1") else data.encode("latin-1")
    (OUT / name).write_bytes(data)


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    # Templates shipped in the repository, for several stages and settings.
    shipped = sorted((ROOT / "Templates" / "documents").glob("*.xml")) + sorted((ROOT / "Templates" / "partials").glob("*.xml"))
    for path in shipped:
        for selector in (0, 2, 13, 29):
            write(f"t-{path.stem}-{selector}", bytes([0, selector]) + path.read_bytes())
    for name, text in TEMPLATES.items():
        write(f"t-{name}", bytes([0, 7]) + (text.encode("latin-1") if name == "latin1" else text.encode("utf-8")))
    # Data files: the samples and the test fixtures, parsed and rendered.
    samples = sorted((ROOT / "Samples").glob("*.json")) + sorted((ROOT / "Tests" / "SafetyPlannerTests" / "Fixtures").glob("**/*.json"))
    for path in samples:
        stem = f"{path.parent.name}-{path.stem}" if path.parent.name != "Samples" else path.stem
        write(f"d-{stem}", bytes([1]) + path.read_bytes())
        write(f"r-{stem}", bytes([2, 40]) + path.read_bytes())
    for name, text in DATA.items():
        raw = text if isinstance(text, bytes) else text.encode("utf-8")
        write(f"d-{name}", bytes([1]) + raw)
        write(f"r-{name}", bytes([2, 3]) + raw)


if __name__ == "__main__":
    main()
