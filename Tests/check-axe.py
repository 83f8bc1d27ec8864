#!/usr/bin/env python3
"""Renders every shipped template at every stage, in the youth, discreet and advocate copies, as HTML with the
built tool (and the HTML samples), opens each file in headless Chromium through
chromedriver, runs axe-core on it for screen and again with print media emulated, and
fails on any violation.

The pages have a Content-Security-Policy of default-src 'none'; axe is injected with
WebDriver's execute_script, which runs as a DevTools script and is not subject to the
page's CSP (the script checks that axe really loaded on every page). One browser session
is reused for all pages. chromedriver listens on loopback only, and Chromium is started
with networking features off; the pages load nothing but themselves.

Usage: check-axe.py PATH_TO_SAFETYPLAN
"""
import os
import re
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium_axe_python import Axe

ROOT = pathlib.Path(__file__).resolve().parent.parent
STAGES = ["pre-contemplation", "contemplation", "preparation", "action", "maintenance"]
# WCAG 2.0, 2.1 and 2.2 A and AA, plus axe's best practices.
AXE_OPTIONS = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}}"


def templates():
    """Names of the shipped templates: files under Templates/ whose root is <template>."""
    names = []
    for path in sorted((ROOT / "Templates").rglob("*.xml")):
        head = path.read_text(encoding="utf-8")[:4096]
        if "<template" in head:
            names.append(path.stem)
    return sorted(set(names))  # each language's copy has the English file's name


def for_helpers(template):
    """Whether the template is written for helpers (audience="provider"): it has no
    discreet version (the tool refuses --discreet on it, exit 64)."""
    path = next((ROOT / "Templates").rglob(template + ".xml"))  # any language's copy says the same
    return 'audience="provider"' in path.read_text(encoding="utf-8")[:4096]


def is_card(template):
    """Whether the template is a wallet card (kind="card"), which 'handout card' makes."""
    path = next((ROOT / "Templates").rglob(template + ".xml"))
    return 'kind="card"' in path.read_text(encoding="utf-8")[:4096]


def languages():
    """English and every language folder of Templates/ (es, ...)."""
    return ["en"] + sorted(p.name for p in (ROOT / "Templates").iterdir()
                           if p.is_dir() and re.fullmatch(r"[a-z]{2,3}", p.name))


def render(tool, folder):
    """Writes every rendering, in every language, into folder and returns the paths."""
    paths = []
    for language, template, stage in ((l, t, s) for l in languages() for t in templates() for s in STAGES):
        # The youth copy, the discreet copy and the advocate copy (never discreet).
        for discreet, copy in ((False, "youth"), (True, "youth"), (False, "advocate")):
            if discreet and for_helpers(template):
                continue
            card = is_card(template)
            if card and copy == "advocate":
                continue
            path = os.path.join(
                folder, f"{language}-{template}-{stage}-{copy}{'-discreet' if discreet else ''}.html")
            if card:
                # The wallet card is made by 'handout card' only, discreet unless --no-discreet.
                args = [tool, "handout", "card", "--stage", stage, "--format", "html", "--language", language,
                        "--copies", "3", "-o", path]
                if not discreet:
                    args.append("--no-discreet")
            else:
                args = [tool, "generate", "--template", template, "--stage", stage, "--format", "html",
                        "--audience", copy, "--language", language, "-o", path]
                if discreet:
                    args.append("--discreet")
            result = subprocess.run(args, capture_output=True, text=True)
            if result.returncode != 0:
                raise SystemExit(f"{template} {stage}: exit {result.returncode}: {result.stderr}")
            paths.append(path)
    for sample in sorted((ROOT / "Samples").glob("*.html")):
        path = os.path.join(folder, "sample-" + sample.name)
        shutil.copyfile(sample, path)
        paths.append(path)
    return paths


def browser():
    chromium = os.environ.get("SAFETYPLAN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        raise SystemExit("check-axe: needs chromium and chromedriver (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--disable-extensions", "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--metrics-recording-only", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--window-size=1024,900",
    ]:
        options.add_argument(argument)
    service = Service(executable_path=driver, service_args=["--allowed-ips=127.0.0.1"])
    return webdriver.Chrome(options=options, service=service)


# A page with the renderer's CSP and known violations: axe must find them, or the check
# proves nothing (axe blocked by the CSP, a rule set that matches nothing, ...).
CANARY = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>canary</title><style>p { color: #bbb; background: #fff; }</style></head>
<body><main><h1>Canary</h1><p>Pale text</p><a href="tel:1"></a></main></body></html>
"""
CANARY_RULES = {"html-has-lang", "color-contrast", "link-name"}


def describe(page, media, violation):
    lines = [f"{page} [{media}]: {violation['id']} ({violation.get('impact')}): {violation['help']}"]
    for node in violation["nodes"]:
        lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def main():
    tool = sys.argv[1]
    started = time.monotonic()
    violations = 0
    checked = 0
    with tempfile.TemporaryDirectory() as folder:
        paths = render(tool, folder)
        canary = os.path.join(folder, "canary.html")
        with open(canary, "w", encoding="utf-8") as file:
            file.write(CANARY)
        driver = browser()
        try:
            driver.set_script_timeout(60)
            axe = Axe(driver)
            driver.get(pathlib.Path(canary).as_uri())
            axe.inject()
            found = {violation["id"] for violation in axe.run(options=AXE_OPTIONS)["violations"]}
            if not CANARY_RULES <= found:
                raise SystemExit(f"check-axe: axe missed {sorted(CANARY_RULES - found)} on the canary page")
            for path in paths:
                page = os.path.basename(path)
                driver.get(pathlib.Path(path).as_uri())
                for media in ("screen", "print"):
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
                    axe.inject()
                    if not driver.execute_script("return typeof axe === 'object' && !!axe.version"):
                        raise SystemExit(f"check-axe: axe did not load in {page}")
                    results = axe.run(options=AXE_OPTIONS)
                    checked += 1
                    if not results.get("passes"):
                        raise SystemExit(f"check-axe: axe ran no rule on {page}")
                    for violation in results["violations"]:
                        violations += 1
                        print(describe(page, media, violation))
            version = driver.execute_script("return axe.version")
        finally:
            driver.quit()
    elapsed = time.monotonic() - started
    print(f"check-axe: axe-core {version}, {len(paths)} pages checked for screen and print "
          f"({checked} runs), {violations} violations, {elapsed:.0f} s")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
