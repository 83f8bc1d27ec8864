#!/usr/bin/env python3
"""The web app under load (issue 16): many sessions at once, none sees another's answers,
and the server's memory goes back down once the sessions expire.

Starts the built `safetyplan-serve` on loopback (a free port) with a short idle limit
(the hidden `--idle-minutes`), then:

1. warms it up: WARM sessions through the whole flow, left to expire; the server's
   resident memory (VmRSS, /proc/PID/status) then is the baseline;
2. runs SESSIONS sessions at once, each on its own connection (threads, http.client):
   the token exchanged for a cookie, the start page, a plan started, answers posted for
   four sections with a name unique to the session (the youth, the advocate, a goal, a
   support), that section read back, the review, and the youth and advocate previews:
   REQUESTS_PER_SESSION requests each, SESSIONS * REQUESTS_PER_SESSION in all. Every
   answer must have the status expected, and every page a session gets must hold its own
   name and no other session's;
3. waits until every session has expired (each old cookie gets the closed page, 403),
   and measures the memory again: it must be within 10% of the baseline.

Everything is on 127.0.0.1 only and bounded in time; the server is stopped at the end,
also on failure. No third-party library.

Usage: check-web-load.py [PATH_TO_SAFETYPLAN_SERVE]   (without it, WebApp/'s debug build)
"""
import http.client
import os
import random
import re
import signal
import statistics
import string
import subprocess
import sys
import threading
import time
import urllib.parse

SESSIONS = 200
REQUESTS_PER_SESSION = 10
WARM = 20
# The idle limit given to the server, in minutes (sessions are swept every
# min(60, max(1, limit / 4)) seconds, and on each request).
IDLE_MINUTES = 0.2
TIME_LIMIT = 120
REQUEST_TIMEOUT = 60
# Every unique name is MARK followed by ten lowercase letters, so a page's names are found by one pattern.
MARK = "Zq"
NAMES = re.compile(MARK + "[a-z]{10}")


class Failure(Exception):
    pass


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise Failure("no VmRSS in /proc/%d/status" % pid)


class Server:
    def __init__(self, binary):
        environment = dict(os.environ)
        self.process = subprocess.Popen(
            [binary, "--port", "0", "--idle-minutes", str(IDLE_MINUTES)], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env=environment)
        found = threading.Event()
        self.lines = []

        def read():
            for line in self.process.stdout:
                self.lines.append(line)
                if "?token=" in line:
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(30):
            self.stop()
            raise Failure("the server printed no address within 30 s")
        match = re.search(r"http://127\.0\.0\.1:(\d+)(/\?token=[0-9a-f]+)", "".join(self.lines))
        if not match:
            self.stop()
            raise Failure("the server stopped without an address: " + self.process.stderr.read())
        self.port = int(match.group(1))
        self.start_path = match.group(2)
        self.origin = f"http://127.0.0.1:{self.port}"

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


class Session:
    """One browser's worth of requests, on one keep-alive connection."""

    def __init__(self, server, name):
        self.server = server
        self.name = name
        self.cookie = None
        self.connection = None
        self.latencies = []
        self.requests = 0

    def request(self, method, path, form=None, expect=200):
        headers = {}
        body = None
        if self.cookie:
            headers["Cookie"] = "sp=" + self.cookie
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.server.origin
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=REQUEST_TIMEOUT)
            started = time.monotonic()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed an idle keep-alive connection: once more on a new one.
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        self.latencies.append(time.monotonic() - started)
        self.requests += 1
        if response.status != expect:
            raise Failure(f"{method} {path}: {response.status}, not {expect}: {data[:200]!r}")
        if response.getheader("Cache-Control") != "no-store":
            raise Failure(f"{method} {path}: no Cache-Control: no-store")
        cookie = response.getheader("Set-Cookie")
        if cookie:
            match = re.match(r"sp=([0-9a-f]+)", cookie)
            if match:
                self.cookie = match.group(1)
        text = data.decode("utf-8", errors="replace")
        others = set(NAMES.findall(text)) - {self.name}
        if others:
            raise Failure(f"{method} {path}: the session {self.name} sees another session's answers: {sorted(others)}")
        return response, text

    def expect_own(self, text, what):
        if self.name not in text:
            raise Failure(f"{what}: the session's own name {self.name} is not there")

    def run(self):
        """The flow: REQUESTS_PER_SESSION requests."""
        response, _ = self.request("GET", self.server.start_path, expect=303)
        if not self.cookie or response.getheader("Location") != "/":
            raise Failure("the token gave no cookie or no redirect to /")
        self.request("GET", "/")
        response, _ = self.request(
            "POST", "/start", {"document": "plan", "language": "en", "copy": "advocate"}, expect=303)
        if response.getheader("Location") != "/questions/1":
            raise Failure("/start did not go to /questions/1: " + str(response.getheader("Location")))
        self.request("POST", "/questions/1", {
            "v:stage": "preparation", "v:client.name": self.name, "v:client.age": "16",
            "v:advocate.name": "Ms. " + self.name, "go": "next"}, expect=303)
        self.request("POST", "/questions/2", {"l:goals": f"Finish school\n{self.name} gets a phone", "go": "next"},
                     expect=303)
        self.request("POST", "/questions/4", {
            "n:supports": "3", "r:supports:0:name": "Aunt " + self.name, "r:supports:0:relation": "aunt",
            "r:supports:0:phone": "(510) 555-0187", "v:advocate.phone": "510-555-0142", "go": "next"}, expect=303)
        _, text = self.request("GET", "/questions/4")
        self.expect_own(text, "section 4 read back")
        _, text = self.request("GET", "/review")
        self.expect_own(text, "the review")
        for copy in ("youth", "advocate"):
            _, text = self.request("GET", "/preview?copy=" + copy)
            self.expect_own(text, copy + " preview")
        if self.connection:
            self.connection.close()
            self.connection = None


def unique_names(count):
    names = set()
    while len(names) < count:
        names.add(MARK + "".join(random.choice(string.ascii_lowercase) for _ in range(10)))
    return sorted(names)


def run_sessions(server, names):
    """Every session at once (threads released together); (sessions, errors, seconds)."""
    sessions = [Session(server, name) for name in names]
    errors = []
    barrier = threading.Barrier(len(sessions) + 1)

    def one(session):
        barrier.wait()
        try:
            session.run()
        except Exception as error:  # every failure is counted and printed, none stops the others
            errors.append(f"{session.name}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=one, args=(session,), daemon=True) for session in sessions]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.monotonic()
    for thread in threads:
        thread.join(max(1, TIME_LIMIT - (time.monotonic() - started)))
    if any(thread.is_alive() for thread in threads):
        errors.append("some sessions did not finish in time")
    return sessions, errors, time.monotonic() - started


def sweep_seconds():
    """How often the server sweeps idle sessions (WebServer.run)."""
    return min(60, max(1, IDLE_MINUTES * 60 / 4))


def wait_for_expiry():
    """Sleeps until every session is past the idle limit and the server's background
    sweep has run since (no request meanwhile: a request would mark its session used)."""
    time.sleep(IDLE_MINUTES * 60 + sweep_seconds() + 1)


def expect_expired(server, sessions):
    """Every session's old cookie gets the closed page (403)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=REQUEST_TIMEOUT)
    still = 0
    try:
        for session in sessions:
            connection.request("GET", "/review", headers={"Cookie": "sp=" + session.cookie})
            response = connection.getresponse()
            body = response.read()
            if response.status != 403 or session.name.encode() in body:
                still += 1
    finally:
        connection.close()
    if still:
        raise Failure(f"{still} sessions still open after the idle limit")


def main():
    if len(sys.argv) == 2:
        binary = sys.argv[1]
    else:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        binary = os.path.join(subprocess.run(["swift", "build", "--package-path", "WebApp", "--show-bin-path"],
                                             cwd=root, capture_output=True, text=True).stdout.strip(),
                              "safetyplan-serve")
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"check-web-load: {binary} is not built "
                         "(swift build --package-path WebApp --product safetyplan-serve)")
    started = time.monotonic()
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(Failure(f"over {TIME_LIMIT} s in all")))
    signal.alarm(TIME_LIMIT)
    server = Server(binary)
    pid = server.process.pid
    try:
        rss_start = rss_kib(pid)
        names = unique_names(WARM + SESSIONS)
        warm, errors, _ = run_sessions(server, names[:WARM])
        if errors:
            raise Failure("warm-up: " + "; ".join(errors[:5]))
        wait_for_expiry()
        rss_base = rss_kib(pid)
        expect_expired(server, warm)

        sessions, errors, seconds = run_sessions(server, names[WARM:])
        rss_loaded = rss_kib(pid)
        requests = sum(session.requests for session in sessions)
        latencies = sorted(latency for session in sessions for latency in session.latencies)
        print(f"check-web-load: {len(sessions)} sessions at once, {requests} requests in {seconds:.1f} s "
              f"({requests / seconds:.0f} a second), {len(errors)} errors; latency median "
              f"{statistics.median(latencies) * 1000:.0f} ms, 95th percentile "
              f"{latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, longest {latencies[-1] * 1000:.0f} ms")
        for error in errors[:10]:
            print("  " + error)
        if errors:
            raise Failure(f"{len(errors)} sessions failed")
        if requests != SESSIONS * REQUESTS_PER_SESSION:
            raise Failure(f"{requests} requests, not {SESSIONS * REQUESTS_PER_SESSION}")

        loaded_at = time.monotonic()
        wait_for_expiry()
        rss_after = rss_kib(pid)
        waited = time.monotonic() - loaded_at
        expect_expired(server, sessions)
        rss_probed = rss_kib(pid)
        change = (rss_after - rss_base) / rss_base * 100
        print(f"check-web-load: server memory (VmRSS): {rss_start / 1024:.1f} MiB at start, "
              f"{rss_base / 1024:.1f} MiB after the warm-up ({WARM} sessions, expired), "
              f"{rss_loaded / 1024:.1f} MiB after the load, {rss_after / 1024:.1f} MiB once every session had "
              f"expired ({waited:.1f} s after the load, idle limit {IDLE_MINUTES * 60:.0f} s, swept every "
              f"{sweep_seconds():.1f} s): {change:+.1f}% from the warm-up; {rss_probed / 1024:.1f} MiB after "
              f"{len(sessions)} requests with the old cookies (all 403)")
        if abs(change) > 10:
            raise Failure(f"the server's memory is {change:+.1f}% from its level after the warm-up (at most 10%)")
        if server.process.poll() is not None:
            raise Failure("the server stopped during the check")
    except Failure as failure:
        print(f"check-web-load: FAIL: {failure}")
        return 1
    finally:
        signal.alarm(0)
        server.stop()
    print(f"check-web-load: passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
