#!/usr/bin/env python3
"""How long headless Chromium takes to show pages of a built portal (issue 19): each page's
size, and the median over RUNS loads of its first contentful paint and of its load event
(Navigation Timing, from the start of the navigation), the portal served on 127.0.0.1.

Usage: browser_time.py PUBLIC_DIR RUNS PATH...      e.g. browser_time.py public 5 / /cases/
Prints one line per path: `PATH BYTES FCP_MS LOAD_MS`. Needs selenium and Debian's chromium
and chromedriver (the virtualenv scripts/check-site makes); run it with that Python.
"""
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "browser"))
import sitecheck  # noqa: E402

# The paint entry may come after the load event: waited for (at most 5 s; -1 when none came).
TIMING = """
const done = arguments[arguments.length - 1];
const nav = performance.getEntriesByType('navigation')[0];
const give = () => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  done([paint ? paint.startTime : -1, nav.loadEventEnd]);
};
if (performance.getEntriesByName('first-contentful-paint').length) return give();
new PerformanceObserver(give).observe({type: 'paint', buffered: true});
setTimeout(give, 5000);
"""


def main(public, runs, paths):
    server = sitecheck.serve(public)
    base = sitecheck.base_url(server)
    driver = sitecheck.chrome()
    try:
        for path in paths:
            file = Path(public, path.lstrip("/"), "index.html") if path.endswith("/") else Path(public, path.lstrip("/"))
            paints, loads = [], []
            for _ in range(runs):
                driver.get("about:blank")
                driver.get(base + path)
                paint, load = driver.execute_async_script(TIMING)
                paints.append(paint)
                loads.append(load)
            print(f"{path} {file.stat().st_size} {statistics.median(paints):.0f} {statistics.median(loads):.0f}", flush=True)
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
