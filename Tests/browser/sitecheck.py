"""What the site checks share: the built portal served on 127.0.0.1 as a static web server
serves it, headless Chromium kept off the network (Debian's chromedriver is passed
explicitly, so Selenium Manager never downloads anything), and the closing line the CI reads.

Selenium is imported inside `chrome()`: check_links.py uses this module with the standard
library alone.
"""
from __future__ import annotations

import functools
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Chromium's own background traffic (updates, sync, metrics) is not the page's and has nowhere
# to go here; and whatever a page asks for outside loopback fails fast instead of leaving the
# machine (the checks still see it, and fail it).
OFFLINE_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--force-device-scale-factor=1",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a line on stderr for each request."""

    def log_message(self, format, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser or linkchecker that hangs up once it has what it needs is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path | str, handler=QuietHandler) -> Server:
    """Serves `directory` on a free port of 127.0.0.1, in a background thread."""
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()
    return server


def base_url(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def wait_for_search(driver, timeout: float = 10) -> str:
    """The search page lists what it found after loading its index: waits until its status
    line says something (how many pages, or none), and returns what it says."""
    script = "var s = document.querySelector('.search-status'); return s ? s.textContent : '';"
    end = time.monotonic() + timeout
    status = driver.execute_script(script)
    while not status and time.monotonic() < end:
        time.sleep(0.1)
        status = driver.execute_script(script)
    return status


def chrome(width: int = 1280, height: int = 900, javascript: bool = True, args=(),
           logging_prefs: dict | None = None, script_timeout: int = 30, block_outside: bool = True):
    """Headless Chromium through Debian's chromedriver, off the network (with
    `block_outside=False`, a request to another host is left to fail on its own)."""
    import os
    # Selenium Manager must never run (no downloads on this network).
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    base = OFFLINE_ARGS if block_outside else tuple(a for a in OFFLINE_ARGS if not a.startswith("--host-resolver-rules"))
    for arg in base + (f"--window-size={width},{height}",) + tuple(args):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    if logging_prefs:
        options.set_capability("goog:loggingPrefs", logging_prefs)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(script_timeout)
    return driver


class Checks:
    """Named checks, one line each, closing with "NAME: N passed, M failed"."""

    def __init__(self, name: str):
        self.name = name
        self.results: list[bool] = []

    def check(self, what: str, ok, detail: str = "") -> bool:
        self.results.append(bool(ok))
        print(("ok   " if ok else "FAIL ") + what + (": " + detail if detail and not ok else ""), flush=True)
        return bool(ok)

    def finish(self) -> int:
        passed = sum(self.results)
        print(f"{self.name}: {passed} passed, {len(self.results) - passed} failed")
        return 0 if all(self.results) else 1
