#!/usr/bin/env python3
"""Headless Chromium on /cases/: the filters and the sorting that static/cases.js adds, and
the plain table that stays readable without JavaScript.

Usage: check_case_list.py PUBLIC_DIR
Closes with "check_case_list: N passed, M failed".
"""
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import sitecheck


def shown_rows(driver):
    """The rows on screen, each its state, unit, year and id, read in one script: the page's
    script replaces the rows once cases/index.json has come (after a filter or a sort), and a
    row found by one WebDriver call may be gone by the next (a stale element)."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll("table.cases tbody tr"))
            .filter(function (r) { return r.getClientRects().length > 0; })
            .map(function (r) { return {state: r.dataset.state, unit: r.dataset.unit, year: r.dataset.year,
                                        id: r.cells.length ? r.cells[0].innerText.trim() : ""}; });
    """)


def rows_once(driver, done, seconds=5):
    """The rows on screen once `done(rows)` holds, or as they are after `seconds`: a filter or a
    sort is drawn when the index has been fetched, not when the select changes."""
    deadline = time.monotonic() + seconds
    rows = shown_rows(driver)
    while not done(rows) and time.monotonic() < deadline:
        time.sleep(0.05)
        rows = shown_rows(driver)
    return rows


def main(public):
    checks = sitecheck.Checks("check_case_list")
    check = checks.check

    server = sitecheck.serve(public)
    url = sitecheck.base_url(server) + "/cases/"

    driver = sitecheck.chrome(javascript=False)
    try:
        driver.get(url)
        rows = driver.find_elements(By.CSS_SELECTOR, "table.cases tbody tr")
        check("without JavaScript every case is listed", len(rows) >= 8, f"{len(rows)} rows")
        form = driver.find_element(By.CSS_SELECTOR, "form.case-filters")
        check("without JavaScript the filters stay hidden", not form.is_displayed())
    finally:
        driver.quit()

    driver = sitecheck.chrome()
    try:
        driver.get(url)
        total = len(shown_rows(driver))
        check("the filters show", driver.find_element(By.CSS_SELECTOR, "form.case-filters").is_displayed())
        Select(driver.find_element(By.NAME, "state")).select_by_value("overdue")
        rows = rows_once(driver, lambda rows: rows and {r["state"] for r in rows} == {"overdue"})
        states = {r["state"] for r in rows}
        check("filtering by state leaves only that state", states == {"overdue"} and len(rows) < total, str(states))
        Select(driver.find_element(By.NAME, "state")).select_by_value("")
        check("clearing the filter shows every case again", len(rows_once(driver, lambda rows: len(rows) == total)) == total)
        unit = Select(driver.find_element(By.NAME, "unit")).options[1].get_attribute("value")
        Select(driver.find_element(By.NAME, "unit")).select_by_value(unit)
        units = {r["unit"] for r in rows_once(driver, lambda rows: rows and {r["unit"] for r in rows} == {unit})}
        check("filtering by unit", units == {unit}, f"{unit}: {units}")
        Select(driver.find_element(By.NAME, "unit")).select_by_value("")
        year = Select(driver.find_element(By.NAME, "year")).options[1].get_attribute("value")
        Select(driver.find_element(By.NAME, "year")).select_by_value(year)
        years = {r["year"] for r in rows_once(driver, lambda rows: rows and {r["year"] for r in rows} == {year})}
        check("filtering by year", years == {year}, f"{year}: {years}")
        Select(driver.find_element(By.NAME, "year")).select_by_value("")
        rows_once(driver, lambda rows: len(rows) == total)

        # Sorted rows are drawn from the index, which says how many match instead of which page
        # this is: waited for, as the page's own rows may already be in the order asked for.
        showing = lambda: driver.find_element(By.CSS_SELECTOR, ".cases-showing").text
        page_showing = showing()
        heading = driver.find_elements(By.CSS_SELECTOR, "table.cases thead th")[0]
        heading.find_element(By.TAG_NAME, "button").click()
        ids = [r["id"] for r in rows_once(driver, lambda rows: showing() != page_showing and rows
                                          and [r["id"] for r in rows] == sorted(r["id"] for r in rows))]
        check("sorting by id, ascending", ids == sorted(ids) and heading.get_attribute("aria-sort") == "ascending", str(ids))
        heading.find_element(By.TAG_NAME, "button").click()
        ids = [r["id"] for r in rows_once(driver, lambda rows: rows and [r["id"] for r in rows] == sorted((r["id"] for r in rows), reverse=True))]
        check("sorting by id, descending", ids == sorted(ids, reverse=True), str(ids))
    finally:
        driver.quit()
        server.shutdown()

    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
