#!/usr/bin/env python3
"""Search in headless Chromium, from the site's own files on a local server: a Thai word that
appears only inside a longer phrase or a compound finds the pages that have it ("วิจัย" in
"ผลงานวิจัย", "สหกิจ" in "สหกิจศึกษา": sopsite gives Pagefind the Thai split into words as the
browser splits a query), the whole compound still does, and an English word finds the manual it
is in. No query lists a page that does not have it where a word starts, nor a piece of a word
("จัย" is inside "วิจัย" only). ?q= in the address searches.

Usage: check_search.py PUBLIC_DIR
Closes with "check_search: N passed, M failed".
"""
import re
import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By

import sitecheck

# (query, a path the results must link to, why)
SEARCHES = [
    ("ฟาร์ม", "/cases/SW01-2569-005/", "a Thai word inside the title ระบบยืม-คืนวัสดุและอุปกรณ์ฟาร์ม"),
    ("วัสดุ", "/cases/SW01-2569-005/", "a Thai word in the middle of the same title"),
    ("วิจัย", "/cases/SW01-2569-004/", "inside ผลงานวิจัย, in ระบบคลังข้อมูลผลงานวิจัยและนวัตกรรม"),
    ("ผลงานวิจัย", "/cases/SW01-2569-004/", "the whole compound"),
    ("สหกิจ", "/cases/SW01-2569-006/", "the start of สหกิจศึกษา, in ระบบบริหารจัดการสหกิจศึกษา"),
    ("ศึกษา", "/cases/SW01-2569-006/", "the end of สหกิจศึกษา"),
    ("Booking", "/cases/SW01-2568-001/manual/", "an English word in one manual"),
]
# Pieces of words: in the pages' text, but never where a word starts.
NOT_WORDS = ["จัย", "สดุ"]


def pages_containing(public, text):
    """The site's pages whose text has `text`: no search may list a page outside these."""
    found = set()
    for page in Path(public).rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if text.lower() in re.sub(r"<[^>]*>", "", html).lower():
            relative = str(page.parent.relative_to(public))
            found.add("/" if relative == "." else "/" + relative + "/")
    return found


def results(driver, base, query):
    """The pages listed for `query` typed into the box, and the status line."""
    driver.get(base + "/search/")
    box = None
    end = time.time() + 10
    while time.time() < end and box is None:
        found = driver.find_elements(By.CSS_SELECTOR, "#search-query")
        box = found[0] if found else None
        time.sleep(0.05)
    if box is None:
        return None, driver.page_source[:500]
    box.send_keys(query)
    return wait_for_results(driver, base)


def wait_for_results(driver, base):
    status = sitecheck.wait_for_search(driver)
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-result-title")]
    return sorted({l.replace(base, "").split("#")[0] for l in links}), status


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
            paths, status = results(driver, base, query)
            if paths is None:
                check("the search box shows on /search/", False, status)
                continue
            check(f"'{query}' finds {path} ({why})", path in paths, f"results: {paths}; status: {status}")
            containing = pages_containing(public, query)
            check(f"'{query}' lists only pages that have it", set(paths) <= containing,
                  f"results: {paths}; pages with it: {sorted(containing)}")
        for piece in NOT_WORDS:
            paths, status = results(driver, base, piece)
            check(f"'{piece}', a piece of a word, lists no page", paths == [] and status != "",
                  f"results: {paths}; status: {status}")
        driver.get(base + "/search/?q=" + "ฟาร์ม")
        paths, status = wait_for_results(driver, base)
        check("/search/?q=ฟาร์ม searches as the page opens", "/cases/SW01-2569-005/" in paths, f"results: {paths}")
        marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, ".search-results mark")]
        check("the word found is marked in the excerpt", marks and all(m == "ฟาร์ม" for m in marks), str(marks))
        excerpt = driver.find_element(By.CSS_SELECTOR, ".search-results p").text
        check("the excerpt reads as the page does: no spaces put between Thai words",
              "อุปกรณ์ฟาร์ม" in excerpt, excerpt)
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
