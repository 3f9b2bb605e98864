#!/usr/bin/env python3
"""Headless Chromium on /cases/: the filters and the sorting that static/cases.js adds, and
the plain table that stays readable without JavaScript.

Usage: check_case_list.py PUBLIC_DIR
Closes with "check_case_list: N passed, M failed".
"""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import sitecheck


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
        visible = lambda: [r for r in driver.find_elements(By.CSS_SELECTOR, "table.cases tbody tr") if r.is_displayed()]
        total = len(visible())
        check("the filters show", driver.find_element(By.CSS_SELECTOR, "form.case-filters").is_displayed())
        Select(driver.find_element(By.NAME, "state")).select_by_value("overdue")
        states = {r.get_attribute("data-state") for r in visible()}
        check("filtering by state leaves only that state", states == {"overdue"} and len(visible()) < total, str(states))
        Select(driver.find_element(By.NAME, "state")).select_by_value("")
        check("clearing the filter shows every case again", len(visible()) == total)
        unit = Select(driver.find_element(By.NAME, "unit")).options[1].get_attribute("value")
        Select(driver.find_element(By.NAME, "unit")).select_by_value(unit)
        check("filtering by unit", {r.get_attribute("data-unit") for r in visible()} == {unit}, unit)
        Select(driver.find_element(By.NAME, "unit")).select_by_value("")
        year = Select(driver.find_element(By.NAME, "year")).options[1].get_attribute("value")
        Select(driver.find_element(By.NAME, "year")).select_by_value(year)
        check("filtering by year", {r.get_attribute("data-year") for r in visible()} == {year}, year)
        Select(driver.find_element(By.NAME, "year")).select_by_value("")

        heading = driver.find_elements(By.CSS_SELECTOR, "table.cases thead th")[0]
        heading.find_element(By.TAG_NAME, "button").click()
        ids = [r.find_elements(By.TAG_NAME, "td")[0].text for r in visible()]
        check("sorting by id, ascending", ids == sorted(ids) and heading.get_attribute("aria-sort") == "ascending", str(ids))
        heading.find_element(By.TAG_NAME, "button").click()
        ids = [r.find_elements(By.TAG_NAME, "td")[0].text for r in visible()]
        check("sorting by id, descending", ids == sorted(ids, reverse=True), str(ids))
    finally:
        driver.quit()
        server.shutdown()

    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
