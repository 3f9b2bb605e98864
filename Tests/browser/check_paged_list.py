#!/usr/bin/env python3
"""Headless Chromium on a portal with more cases than one page of the case list holds (built by
scripts/check-site from bench/generate.py's cases): the pages and their links without
JavaScript; with it, filters and sorting that cover every case, read from cases/index.json, a
page's worth at a time with a "show more" button; a link that presets a filter; the home page's
overdue list cut short with a link to all of them.

Usage: check_paged_list.py PUBLIC_DIR
Closes with "check_paged_list: N passed, M failed".
"""
import json
import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import sitecheck


def ids_in(driver):
    """The case ids the table lists, read in one call (one call per row takes seconds)."""
    return driver.execute_script("return Array.from(document.querySelectorAll("
                                 "'table.cases tbody tr td:first-child a'), a => a.textContent)")


def attribute_of_rows(driver, name):
    return set(driver.execute_script("return Array.from(document.querySelectorAll("
                                     "'table.cases tbody tr'), r => r.getAttribute(arguments[0]))", name))


def wait_for(condition, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def main(public):
    checks = sitecheck.Checks("check_paged_list")
    check = checks.check
    index = json.loads(Path(public, "cases/index.json").read_text(encoding="utf-8"))
    at = {name: i for i, name in enumerate(index["columns"])}
    rows = index["rows"]
    overdue = [r for r in rows if r[at["state"]] == "overdue"]
    check("the portal has more cases than one page holds, and more overdue ones",
          len(rows) > 800 and len(overdue) > 400, f"{len(rows)} cases, {len(overdue)} overdue")

    server = sitecheck.serve(public)
    base = sitecheck.base_url(server)

    driver = sitecheck.chrome(javascript=False)
    try:
        driver.get(base + "/cases/")
        first = ids_in(driver)
        check("without JavaScript the first page lists one page of cases", 0 < len(first) < len(rows), f"{len(first)} rows")
        driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
        second = ids_in(driver)
        check("the next-page link leads to the next cases", driver.current_url.endswith("/cases/page/2/")
              and second and not set(second) & set(first), driver.current_url)
        driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=prev]").click()
        check("the previous-page link leads back", ids_in(driver) == first, driver.current_url)
        pages = [first]
        url = base + "/cases/"
        while True:
            driver.get(url)
            if url != base + "/cases/":
                pages.append(ids_in(driver))
            nxt = driver.find_elements(By.CSS_SELECTOR, "nav.pager a[rel=next]")
            if not nxt:
                break
            url = nxt[0].get_attribute("href")
        listed = [i for page in pages for i in page]
        check("following the pages lists every case once", sorted(listed) == sorted(r[at["id"]] for r in rows),
              f"{len(listed)} listed, {len(rows)} cases")

        driver.get(base + "/")
        shown = driver.find_elements(By.CSS_SELECTOR, "a[href$='cases/?state=overdue']")
        check("home links to every overdue case", len(shown) == 1)
    finally:
        driver.quit()

    driver = sitecheck.chrome()
    try:
        driver.get(base + "/cases/")
        page_size = len(ids_in(driver))
        Select(driver.find_element(By.NAME, "state")).select_by_value("overdue")
        wait_for(lambda: str(len(overdue)) in driver.find_element(By.CSS_SELECTOR, ".cases-showing").text)
        states = attribute_of_rows(driver, "data-state")
        check("filtering by state covers every page", states == {"overdue"}
              and len(ids_in(driver)) == min(page_size, len(overdue)), f"{len(ids_in(driver))} rows, {states}")
        more = driver.find_element(By.CSS_SELECTOR, "button.cases-more")
        check("more overdue cases than a page: a button shows more", more.is_displayed() == (len(overdue) > page_size))
        while more.is_displayed():
            more.click()
        check("showing more reaches every overdue case", sorted(ids_in(driver)) == sorted(r[at["id"]] for r in overdue),
              f"{len(ids_in(driver))} of {len(overdue)}")

        Select(driver.find_element(By.NAME, "state")).select_by_value("")
        wait_for(lambda: len(ids_in(driver)) == page_size)
        heading = driver.find_elements(By.CSS_SELECTOR, "table.cases thead th")[0]
        heading.find_element(By.TAG_NAME, "button").click()
        heading.find_element(By.TAG_NAME, "button").click()
        newest = max(r[at["id"]] for r in rows)
        wait_for(lambda: ids_in(driver)[:1] == [newest])
        check("sorting by id sorts every case, not one page", ids_in(driver)[:1] == [newest], f"{ids_in(driver)[:3]}, newest {newest}")

        unit = rows[-1][at["unit"]]
        driver.get(base + "/cases/?unit=" + unit)
        of_unit = [r for r in rows if r[at["unit"]] == unit]
        wait_for(lambda: str(len(of_unit)) in driver.find_element(By.CSS_SELECTOR, ".cases-showing").text)
        check("a link may preset a filter (?unit=)", attribute_of_rows(driver, "data-unit") == {unit}
              and str(len(of_unit)) in driver.find_element(By.CSS_SELECTOR, ".cases-showing").text, unit)
    finally:
        driver.quit()
        server.shutdown()

    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
