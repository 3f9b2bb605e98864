#!/usr/bin/env python3
"""Search in headless Chromium, from the site's own files on a local server: a Thai word that
appears only inside a longer phrase of one case finds that case (Pagefind's extended build
segments Thai), and an English word finds the manual it is in.

Usage: check_search.py PUBLIC_DIR
Closes with "check_search: N passed, M failed".
"""
import sys
import time

from selenium.webdriver.common.by import By

import sitecheck

# (query, a path the results must link to, why)
SEARCHES = [
    ("ฟาร์ม", "/cases/SW01-2569-005/", "a Thai word inside the title ระบบยืม-คืนวัสดุและอุปกรณ์ฟาร์ม"),
    ("วัสดุ", "/cases/SW01-2569-005/", "a Thai word in the middle of the same title"),
    ("Booking", "/cases/SW01-2568-001/manual/", "an English word in one manual"),
]


def main(public):
    checks = sitecheck.Checks("check_search")
    check = checks.check

    server = sitecheck.serve(public)
    base = sitecheck.base_url(server)
    # Requests to other hosts are let through to fail on their own, so that the check below
    # sees them in the page's resource timings.
    driver = sitecheck.chrome(width=1200, block_outside=False)
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

    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
