#!/usr/bin/env python3
"""Search in headless Chromium, from the site's own files on a local server: a Thai word that
appears only inside a longer phrase of one case finds that case (Pagefind's extended build
segments Thai), and an English word finds the manual it is in.

Usage: check_search.py PUBLIC_DIR
Closes with "check_search: N passed, M failed".
"""
import functools
import http.server
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

# (query, a path the results must link to, why)
SEARCHES = [
    ("ฟาร์ม", "/cases/SW01-2569-005/", "a Thai word inside the title ระบบยืม-คืนวัสดุและอุปกรณ์ฟาร์ม"),
    ("วัสดุ", "/cases/SW01-2569-005/", "a Thai word in the middle of the same title"),
    ("Booking", "/cases/SW01-2568-001/manual/", "an English word in one manual"),
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(public):
    results = []

    def check(name, ok, detail=""):
        results.append(bool(ok))
        print(("ok   " if ok else "FAIL ") + name + (": " + detail if detail and not ok else ""))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=public))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for query, path, why in SEARCHES:
            driver.get(base + "/search/")
            box = None
            end = time.time() + 10
            while time.time() < end and box is None:
                found = driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__search-input")
                box = found[0] if found else None
                time.sleep(0.05)
            if box is None:
                check(f"the search box shows on /search/", False, driver.page_source[:500])
                continue
            box.send_keys(query)
            links = []
            end = time.time() + 10
            while time.time() < end and not links:
                links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
                time.sleep(0.1)
            # Sub-results link to a heading on the same page; count pages.
            paths = sorted({l.replace(base, "").split("#")[0] for l in links})
            check(f"'{query}' finds {path} ({why})", path in paths, f"results: {paths}")
            check(f"'{query}' finds only pages that contain it", len(paths) >= 1 and len(paths) <= 3, f"results: {paths}")
        requests = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        outside = [r for r in requests if not r.startswith(base) and not r.startswith("data:")]
        check("search loads nothing from outside the site", not outside, str(outside))
    finally:
        driver.quit()
        server.shutdown()

    passed = sum(results)
    print(f"check_search: {passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
