#!/usr/bin/env python3
"""Feeds every hostile string into every data field of every shipped template, in every
shipped language, at every stage, in the youth copy, the discreet copy and the advocate
copy, and checks the HTML with an HTML parser: only the elements and attributes the
renderer makes, no event handlers, links only to tel: or sms: with digits, and the
stylesheet exactly as in a clean rendering.

Usage: check-injection.py PATH_TO_SAFETYPLAN
"""
import html.parser
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
STAGES = ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"]
HOSTILE = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)",
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "</style><script>alert(1)</script><style>",
    "</title><script>alert(1)</script>",
    "<!-- comment --> ]]> <![CDATA[x]]>",
    "&lt;script&gt; &amp; &#60;b&#62;",
    "<a href=\"https://127.0.0.1/\">link</a>",
    "+1 (555) 010-0000\" onclick=\"alert(1)",
    "tel:+15550100",
    "\u202e\u2066evil\u2069 \u001b[2J \u0085",
]
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "h4", "h5", "h6",
    "p", "ul", "ol", "li", "span", "div", "em", "strong", "a",
}
ALLOWED_ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "name", "class", "href", "aria-hidden"}


def every_field(value):
    return {
        "client": {"name": value, "pronouns": value, "language": value},
        "advocate": {"name": value, "organization": value, "phone": value, "discreetName": value},
        "goals": [value], "strengths": [value], "advocateNotes": value,
        "supports": [{"name": value, "relation": value, "phone": value, "discreetName": value}],
        "safePlaces": [{"name": value, "address": value, "phone": value, "discreetName": value}],
        "warningSigns": [value], "triggers": [value], "copingStrategies": [value], "codeWord": value,
        "emergencyBag": [value], "notes": value, "checkIns": [{"when": value, "how": value}],
        "celebrations": [value], "hardTimes": [value], "id": value,
        # Sign ids and stages are checked values; the youth's words are free text.
        "history": [{"stage": "contemplation", "date": "2026-09-01", "suggested": ["preparation", "action"]}],
        "assessment": {
            "date": "2026-11-30", "observed": ["pc-defensive", "pr-packing", "ac-police-report"],
            "youthWords": value, "youthStage": "pre-contemplation", "importance": 7, "confidence": 3,
            "domains": [{"domain": "shelter", "observed": ["pr-saving-money"], "youthWords": value,
                         "youthStage": "preparation", "importance": 0, "confidence": 10}],
        },
    }


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.style = []
        self.in_style = False
        self.csp = False

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name not in ALLOWED_ATTRIBUTES:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "href" and not re.fullmatch(r"(tel|sms):\+?[0-9]{1,15}", value or ""):
                self.problems.append(f"link {value!r}")
            if name == "http-equiv" and value == "Content-Security-Policy":
                self.csp = True
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.style.append(data)

    def handle_comment(self, data):
        self.problems.append("comment in output")

    def handle_pi(self, data):
        self.problems.append("processing instruction in output")


def templates():
    names = []
    for path in sorted((ROOT / "Templates").rglob("*.xml")):
        head = path.read_text(encoding="utf-8")[:4096]
        if "<template" in head and path.stem not in names:
            names.append(path.stem)
    return names


# Every shipped language: a language is a folder of Templates/ holding a catalog.
LANGUAGES = ["en"] + sorted(p.name for p in (ROOT / "Templates").iterdir() if (p / "catalog").is_dir())


def for_helpers(template):
    """Whether the template is written for helpers (audience="provider"): it has no
    discreet version (the tool refuses --discreet on it, exit 64)."""
    path = next((ROOT / "Templates").rglob(template + ".xml"))
    return 'audience="provider"' in path.read_text(encoding="utf-8")[:4096]


def is_card(template):
    """Whether the template is a wallet card (kind="card"): made by 'handout card' only,
    discreet unless --no-discreet, with no advocate copy."""
    path = next((ROOT / "Templates").rglob(template + ".xml"))
    return 'kind="card"' in path.read_text(encoding="utf-8")[:4096]


def render(tool, template, stage, data_path, discreet, copy="youth", language="en"):
    if is_card(template):
        # The card with the code word and two copies, so every value it prints is fed.
        args = [tool, "handout", "card", "--stage", stage, "--format", "html", "--language", language,
                "--copies", "2"]
        if data_path:
            args += ["--data", data_path, "--with-code-word"]
        if not discreet:
            args.append("--no-discreet")
    else:
        args = [tool, "generate", "--template", template, "--stage", stage, "--format", "html", "--audience", copy,
                "--language", language]
        if data_path:
            args += ["--data", data_path]
        if discreet:
            args.append("--discreet")
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{template} {stage}: exit {result.returncode}: {result.stderr}")
    return result.stdout


def parse(document):
    checker = Checker()
    checker.feed(document)
    checker.close()
    return checker


def main():
    tool = sys.argv[1]
    runs = 0
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        data_files = []
        for index, value in enumerate(HOSTILE):
            path = os.path.join(folder, f"hostile-{index}.json")
            with open(path, "w", encoding="utf-8") as file:
                json.dump(every_field(value), file, ensure_ascii=False)
            data_files.append(path)
        for language, template in ((language, template) for language in LANGUAGES for template in templates()):
            for stage in STAGES:
                # The youth copy, the discreet copy and the advocate copy (never discreet).
                for discreet, copy in ((False, "youth"), (True, "youth"), (False, "advocate")):
                    if discreet and for_helpers(template):
                        continue
                    if copy == "advocate" and is_card(template):
                        continue
                    clean = parse(render(tool, template, stage, None, discreet, copy, language))
                    for path in data_files:
                        checker = parse(render(tool, template, stage, path, discreet, copy, language))
                        runs += 1
                        if not checker.csp:
                            checker.problems.append("no Content-Security-Policy meta tag")
                        if checker.style != clean.style:
                            checker.problems.append("stylesheet changed by data")
                        if checker.problems:
                            failures += 1
                            print(f"{language} {template} {stage} {copy} discreet={discreet} {os.path.basename(path)}: "
                                  f"{checker.problems}")
    print(f"check-injection: {runs} renderings checked, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
