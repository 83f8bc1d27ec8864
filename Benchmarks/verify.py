#!/usr/bin/env python3
"""Checks that safetyplan's bench-plan documents say what the workload's anchors say.

Usage: verify.py OURS_HTML_DIR OURS_TEXT_DIR JINJA2_HTML JINJA2_TEXT N

HTML (as the workload's verify.py checks the anchors): each document is reduced to its
visible text (style dropped, tags replaced by a space, entities decoded, whitespace
collapsed) and compared with the Jinja2 anchor's document for the same record, after two
stated adjustments to the anchor's side:
  - the <title> element is dropped on both sides (ours is the template's fixed title);
  - the anchor's contact table (header row Name/Relation/Phone, one row per contact) is
    read as our list items, "name (relation): phone": our template language has no tables.
Text: every line fits in 72 columns, and the document's words (whitespace collapsed; heading
underlines and "- " bullets dropped) are the words of our HTML document's visible text (with
the numbers of numbered items, which text prints), so both formats say the same; the layout
(underlined headings, "- " bullets, blank lines between items) is TextRenderer's own, not
the anchor's (upper-case headings, rules, a column of emergency numbers), so text bytes are
not compared with the anchor's.
"""
import html
import os
import re
import sys


def visible(doc):
    doc = re.sub(r"<style>.*?</style>", " ", doc, flags=re.S)
    doc = re.sub(r"<title>.*?</title>", " ", doc, flags=re.S)
    doc = re.sub(r"<[^>]*>", " ", doc)
    return " ".join(html.unescape(doc).split())


def anchor_visible(doc):
    doc = re.sub(r"<thead>.*?</thead>", " ", doc, flags=re.S)
    doc = re.sub(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", r"<li>\1 (\2): \3</li>", doc)
    return visible(doc)


def numbered(doc):
    """Our HTML with each <ol> item's number written out, as the text shows it."""
    def number(m):
        items = re.split(r"<li>", m.group(0))
        return items[0] + "".join("<li>%d. %s" % (i, it) for i, it in enumerate(items[1:], 1))
    return re.sub(r"<ol>.*?</ol>", number, doc, flags=re.S)


def text_words(t):
    lines = [l for l in t.split("\n") if not re.fullmatch(r"[=-]+", l)]
    lines = [re.sub(r"^(\s*)- ", r"\1", l) for l in lines]
    return " ".join(" ".join(lines).split())


def split_html(s):
    parts = s.split("<!DOCTYPE html>")
    assert parts[0] == ""
    return ["<!DOCTYPE html>" + p for p in parts[1:]]


def main(ours_html, ours_text, ref_html, ref_text, n):
    n = int(n)
    ids = ["C%06d" % (i + 1) for i in range(n)]
    with open(ref_html, encoding="utf-8") as f:
        ref = split_html(f.read())
    assert len(ref) == n, "anchor has %d documents, expected %d" % (len(ref), n)
    ok = True
    equal_html = 0
    first_bad = None
    ours_vis = {}
    for i, doc_id in enumerate(ids):
        with open(os.path.join(ours_html, doc_id + ".html"), encoding="utf-8") as f:
            d = f.read()
        v = visible(d)
        # Inline tags join their text (</strong>, is ",") as text does.
        ours_vis[doc_id] = visible(re.sub(r"</?(?:strong|em|a|span)\b[^>]*>", "", numbered(d)))
        if v == anchor_visible(ref[i]):
            equal_html += 1
        elif first_bad is None:
            first_bad = (i, v, anchor_visible(ref[i]))
    print("HTML: %d documents; visible text equal to jinja2's (adjusted as stated): %d/%d" % (n, equal_html, n))
    if first_bad:
        ok = False
        i, a, b = first_bad
        k = next((j for j in range(min(len(a), len(b))) if a[j] != b[j]), min(len(a), len(b)))
        print("  first mismatch in document %d at character %d:\n  ours:   ...%s\n  jinja2: ...%s" % (
            i, k, a[max(0, k - 60):k + 80], b[max(0, k - 60):k + 80]))
    widest = 0
    equal_words = 0
    for doc_id in ids:
        with open(os.path.join(ours_text, doc_id + ".txt"), encoding="utf-8") as f:
            t = f.read()
        widest = max([widest] + [len(line) for line in t.split("\n")])
        if text_words(t) == ours_vis[doc_id]:
            equal_words += 1
    print("Text: %d documents; widest line %d columns; same words as our HTML: %d/%d" % (n, widest, equal_words, n))
    if widest > 72 or equal_words != n:
        ok = False
    print("VERIFY %s" % ("OK" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
