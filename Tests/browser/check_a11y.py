#!/usr/bin/env python3
"""axe-core in headless Chromium over the portal's kinds of page; run by scripts/check-site.

Usage: check_a11y.py PUBLIC_DIR [--page PATH ...]

Needs Python 3.12+ with PyPI's axe-selenium-python 3.x (it ships axe-core) and selenium:
scripts/check-site runs it from its own virtualenv for that.

Serves PUBLIC_DIR on a free 127.0.0.1 port, loads each page in headless Chromium through
Debian's /usr/bin/chromedriver (given explicitly, so Selenium Manager never downloads
anything), injects axe-core and runs it with its default rules (WCAG 2.x A and AA, and
best practices). A page fails when axe finds a violation of impact "serious" or
"critical"; "moderate" and "minor" ones are printed but do not fail.

The pages: the home page, the SOP page (/sops/SW01/), the case list (/cases/), a case page
of every state (from status.json: one per state, SW01-2568-001 handed-over,
SW01-2568-003 rejected, SW01-2569-004 overdue, SW01-2569-005 in progress, SW01-2567-007
maintenance, and the first case of any other state status.json has), a handover manual
(/cases/SW01-2568-001/manual/) and the reports page (/reports/, when the site has one).
--page PATH (repeatable) checks those paths instead.

For every violation it prints the impact, the rule id, axe's help text and URL, how many
elements, and the first few of them (CSS selector and axe's summary of what to fix). The
whole of axe's results goes to ${CHECK_SITE_ARTIFACTS:-/tmp}/a11y-results.json.

Ends with "check_a11y: N passed, M failed" (one per page); exit 1 when a page failed, 2 when
the check could not run.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

import sitecheck

# Selenium Manager must never run (no downloads on this network).
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from axe_selenium_python import Axe  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402

FAILING_IMPACTS = ("critical", "serious")
IMPACT_ORDER = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
SHOW_NODES = 3

FIXED_PAGES = [
    ("home page", "/"),
    ("SOP page", "/sops/SW01/"),
    ("case list", "/cases/"),
]
# One case page per state (the sample portal's cases); status.json says which state each is in.
CASE_PAGES = ["SW01-2568-001", "SW01-2568-003", "SW01-2569-004", "SW01-2569-005",
              "SW01-2567-007"]
MANUAL_PAGES = [("handover manual", "/cases/SW01-2568-001/manual/")]
# Checked when the site has them; search with a query, so that its results are checked too.
OPTIONAL_PAGES = [("reports", "/reports/"), ("search and its results", "/search/?q=ระบบ")]


def pages_to_check(public: Path, explicit: list[str] | None) -> list[tuple[str, str, bool]]:
    """(label, path, required) for every page to check."""
    if explicit:
        return [("page", path, True) for path in explicit]
    pages = [(label, path, True) for label, path in FIXED_PAGES]
    states: dict[str, str] = {}
    try:
        status = json.loads((public / "status.json").read_text(encoding="utf-8"))
        states = {c["id"]: c["state"] for c in status.get("cases", [])}
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"note: could not read the cases' states from status.json: {e}", flush=True)
    covered = set()
    for case in CASE_PAGES:
        state = states.get(case, "state unknown")
        covered.add(state)
        pages.append((f"case page ({state})", f"/cases/{case}/", True))
    # Any state the fixed list misses (the content changed): its first case.
    for case, state in sorted(states.items()):
        if state not in covered:
            covered.add(state)
            print(f"note: no case of state {state!r} in the list; checking {case}", flush=True)
            pages.append((f"case page ({state})", f"/cases/{case}/", True))
    pages += [(label, path, True) for label, path in MANUAL_PAGES]
    for label, path in OPTIONAL_PAGES:
        folder = path.split("?")[0].strip("/")
        if (public / folder / "index.html").is_file():
            pages.append((label, path, True))
        else:
            print(f"skip {label} {path}: the site has no {folder}/index.html", flush=True)
    return pages


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def describe(violation: dict) -> list[str]:
    nodes = violation.get("nodes", [])
    lines = [f"  [{violation.get('impact') or 'no impact'}] {violation['id']}: "
             f"{violation.get('help', '')} ({len(nodes)} element{'s' if len(nodes) != 1 else ''}) "
             f"{violation.get('helpUrl', '')}"]
    for node in nodes[:SHOW_NODES]:
        target = " ".join(json.dumps(t, ensure_ascii=False) if not isinstance(t, str) else t
                          for t in node.get("target", []))
        summary = one_line(node.get("failureSummary", ""))
        html = one_line(node.get("html", ""))
        if len(html) > 160:
            html = html[:160] + "..."
        lines.append(f"      {target}")
        if html:
            lines.append(f"        html: {html}")
        if summary:
            lines.append(f"        {summary}")
    if len(nodes) > SHOW_NODES:
        lines.append(f"      ... and {len(nodes) - SHOW_NODES} more")
    return lines


WAIT_JS = """
const done = arguments[arguments.length - 1];
const ready = () => (document.fonts ? document.fonts.ready : Promise.resolve())
  .then(() => done(true), () => done(true));
if (document.readyState === 'complete') ready();
else window.addEventListener('load', ready);
"""


def run(public: Path, pages: list[tuple[str, str, bool]]) -> tuple[int, list[str]]:
    passed, failed = 0, []
    all_results = {}
    server = sitecheck.serve(public)
    base = sitecheck.base_url(server)
    driver = sitecheck.chrome(script_timeout=60)
    engine = None
    try:
        for label, path, _required in pages:
            file = path.split("?")[0].strip("/")
            if not (public / file / "index.html").is_file() and not (public / file).is_file():
                failed.append(f"{label} {path}")
                print(f"FAIL {label} {path}: the site has no such page", flush=True)
                continue
            start = time.monotonic()
            driver.get(base + path)
            driver.execute_async_script(WAIT_JS)
            if "?q=" in path:
                sitecheck.wait_for_search(driver)
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            engine = engine or results.get("testEngine", {}).get("version")
            all_results[path] = results
            violations = sorted(results.get("violations", []),
                                key=lambda v: (IMPACT_ORDER.get(v.get("impact"), 9), v["id"]))
            bad = [v for v in violations if v.get("impact") in FAILING_IMPACTS]
            incomplete = [v for v in results.get("incomplete", [])
                          if v.get("impact") in FAILING_IMPACTS]
            took = time.monotonic() - start
            counts = (f"{len(results.get('passes', []))} rules passed, {len(violations)} "
                      f"violated ({len(bad)} serious or critical), {took:.1f}s")
            if bad:
                failed.append(f"{label} {path}")
                print(f"FAIL {label} {path}: {counts}", flush=True)
            else:
                passed += 1
                print(f"ok   {label} {path}: {counts}", flush=True)
            for v in violations:
                for line in describe(v):
                    print(line, flush=True)
            if incomplete:
                print("  note: axe could not decide (check by hand): " + ", ".join(
                    f"{v['id']} [{v.get('impact')}] on {len(v.get('nodes', []))} element(s)"
                    for v in incomplete), flush=True)
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
    artifacts = Path(os.environ.get("CHECK_SITE_ARTIFACTS") or "/tmp")
    try:
        artifacts.mkdir(parents=True, exist_ok=True)
        out = artifacts / "a11y-results.json"
        out.write_text(json.dumps(all_results, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"axe-core {engine}; full results in {out}", flush=True)
    except OSError as e:
        print(f"note: could not save the results: {e}", flush=True)
    return passed, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("public_dir", help="the built site, e.g. public/")
    parser.add_argument("--page", action="append", metavar="PATH",
                        help="a page to check instead of the default list, e.g. /cases/")
    args = parser.parse_args()
    public = Path(args.public_dir).resolve()
    if not (public / "index.html").is_file():
        print(f"check_a11y: could not run: no {public}/index.html")
        print("check_a11y: 0 passed, 1 failed")
        return 2
    pages = pages_to_check(public, args.page)
    try:
        passed, failed = run(public, pages)
    except (OSError, WebDriverException) as e:
        traceback.print_exc()
        print(f"check_a11y: could not run: {type(e).__name__}: {e}", flush=True)
        print("check_a11y: 0 passed, 1 failed")
        return 2
    if failed:
        print("failed: " + "; ".join(failed))
    print(f"check_a11y: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
