#!/usr/bin/env python3
"""Writes templates/bench-plan.xml: the workload's plan document in our template language.

Usage: python3 port_template.py ../../shared/bench      (the folder holding gen_templates.py)

The wording, stage conditions and order come from the workload's gen_templates.py (its
STAGE_TEXT, INTRO, SECTIONS, GROUPS, EMPTY, FOOTER and EMERGENCY), read from there rather
than copied, so the port follows the workload if it changes. Layout is ours: the same
template prints text and HTML. Run it by hand when the workload changes; the XML it writes
is committed.
"""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "../../shared/bench"))
import gen_templates as w  # noqa: E402

OUR_STAGE = {"precontemplation": "pre-contemplation"}


def stages(cond):
    return " ".join(OUR_STAGE.get(s, s) for s in w.stages_of(cond))


def main():
    x = []
    o = x.append
    o('<?xml version="1.0" encoding="UTF-8"?>')
    o('<!-- The render benchmark\'s plan document (Benchmarks/README.md), ported from the workload\'s')
    o('     gen_templates.py by port_template.py. Not shipped: it is loaded with the templates option. -->')
    o('<template xmlns="urn:safetyplanner:template:1" name="bench-plan" title="Safety plan" kind="plan">')
    o('  <heading>Safety plan for <value of="client.name"/></heading>')
    o('  <p>Client ID <value of="id"/> · Language <value of="client.language"/> · Prepared with your support worker</p>')
    for st in w.STAGES:
        label, desc = w.STAGE_TEXT[st]
        o('  <if stage="%s">' % stages(st))
        o('    <p><strong>Stage: %s</strong></p>' % escape(label))
        o('    <p>%s</p>' % escape(desc))
        o('  </if>')
    o('  <section>')
    o('    <heading>About this plan</heading>')
    for t in w.INTRO:
        o('    <p>%s</p>' % escape(t))
    o('  </section>')
    for i, (sid, heading, items) in enumerate(w.SECTIONS, 1):
        o('  <section>')
        o('    <heading>%d. %s</heading>' % (i, escape(heading)))
        # <if> holds blocks, not list items: a conditional item is a one-item list of its
        # own (the same text and bullets; in HTML a separate <ul>).
        run = []
        for text, cond in items + [(None, "end")]:
            if cond is None:
                run.append(text)
                continue
            if run:
                o('    <list>%s</list>' % "".join('<item>%s</item>' % escape(t) for t in run))
                run = []
            if text is not None:
                o('    <if stage="%s"><list><item>%s</item></list></if>' % (stages(cond), escape(text)))
        if sid == "support":
            o('    <section>')
            o('      <heading>Your support contacts</heading>')
            o('      <list of="supports" as="person">')
            o('        <item><value of="person.name"/> (<value of="person.relation"/>): <value of="person.phone" format="phone"/></item>')
            o('        <empty><p>%s</p></empty>' % escape(w.EMPTY["contacts"]))
            o('      </list>')
            o('    </section>')
        elif sid == "shelter":
            o('    <section>')
            o('      <heading>Your safe places</heading>')
            o('      <list of="safePlaces" as="place">')
            o('        <item><strong><value of="place.name"/></strong>, <value of="place.address"/></item>')
            o('        <empty><p>%s</p></empty>' % escape(w.EMPTY["safePlaces"]))
            o('      </list>')
            o('    </section>')
        elif sid == "counseling":
            o('    <section>')
            o('      <heading>Your goals</heading>')
            o('      <list of="goals" as="goal" style="number">')
            o('        <item><value of="goal"/></item>')
            o('        <empty><p>%s</p></empty>' % escape(w.EMPTY["goals"]))
            o('      </list>')
            o('    </section>')
        elif sid == "safety":
            o('    <section>')
            o('      <heading>Notes from your worker</heading>')
            o('      <p><value of="notes"/></p>')
            o('    </section>')
        o('  </section>')
    o('  <p>%s</p>' % escape(w.FOOTER))
    o('  <list>')
    for label, number in w.EMERGENCY:
        o('    <item>%s: <strong>%s</strong></item>' % (escape(label), escape(number)))
    o('  </list>')
    o('</template>')
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "templates", "bench-plan.xml"), "w", encoding="utf-8") as f:
        f.write("\n".join(x) + "\n")


if __name__ == "__main__":
    main()
