#!/usr/bin/env python3
"""Checks that youth-facing text reads at US grade 6 or lower (Flesch-Kincaid), and that
youth-facing Spanish scores at least 70 on the Fernandez-Huerta scale ("bastante facil",
fairly easy, or easier).

Renders each youth handout, and the youth copy of the plan (plain and discreet, with no
data, so only the catalog's and the template's words are scored) at every stage, and the
maintenance support form, with the built tool (text format, one long line per
paragraph), drops what is not prose (headings' underlines, phone numbers, web
addresses, list marks), and computes the Flesch-Kincaid grade with textstat 0.7.3
(newer versions try to download data at run time). Exits 1 if any handout is above 6.
The same documents in Spanish (--language es) are scored with textstat's
fernandez_huerta, syllables counted with its Spanish hyphenation (set_lang("es")), and
must score 70 or more.

Usage: Tests/check-readability.py PATH-TO-safetyplan
"""
import re
import subprocess
import sys

import textstat

STAGES = ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"]
LIMIT = 6.0
SPANISH_LIMIT = 70.0


def prose(text: str) -> str:
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line or set(line) <= set("=-_"):
            continue  # blank lines and heading underlines
        line = re.sub(r"^[-|]\s*", "", line)  # list marks and note bars
        line = re.sub(r"\b[\w.-]+\.(org|com|gov)\b", "", line)  # web addresses
        line = re.sub(r"\d[\d-]*\d|\d", "", line)  # phone numbers and other digits
        line = re.sub(r"\s+([,.:])", r"\1", line).replace(":,", ":").lstrip(". ")
        if not re.search(r"[.!?]$", line):
            line += "."  # a heading is a sentence of its own
        lines.append(line)
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 64
    tool = sys.argv[1]
    failed = False
    documents = []
    for stage in STAGES:
        documents.append((f"youth handout, {stage}", ["handout", "youth", "--stage", stage]))
        documents.append((f"youth copy of the plan, {stage}", ["generate", "--stage", stage]))
        documents.append((f"discreet plan, {stage}", ["generate", "--stage", stage, "--discreet"]))
    documents.append(("maintenance support plan", ["fill", "maintenance-support"]))

    def render(arguments):
        return subprocess.run(
            [tool, *arguments, "--width", "400", "--page-length", "0"],
            check=True, capture_output=True, text=True).stdout

    textstat.set_lang("en_US")
    for name, arguments in documents:
        grade = textstat.flesch_kincaid_grade(prose(render(arguments)))
        verdict = "ok" if grade <= LIMIT else f"above grade {LIMIT:g}"
        print(f"{name}: Flesch-Kincaid grade {grade:.1f} ({verdict})")
        failed = failed or grade > LIMIT
    textstat.set_lang("es")
    for name, arguments in documents:
        score = textstat.fernandez_huerta(prose(render([*arguments, "--language", "es"])))
        verdict = "ok" if score >= SPANISH_LIMIT else f"below {SPANISH_LIMIT:g}"
        print(f"{name}, Spanish: Fernandez-Huerta {score:.1f} ({verdict})")
        failed = failed or score < SPANISH_LIMIT
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
