#!/usr/bin/env python3
"""Every kind of page at a phone's width and a laptop's (issue 20): headless Chromium at
390×844 and 1280×800 on home, the SOP, the case list, a case of each state, a manual, the
reports and search. The page never scrolls sideways (`scrollWidth <= innerWidth`); wide things
(tables, the flowchart, the timeline) scroll inside their own box. Screenshots go to
${CHECK_SITE_ARTIFACTS:-/tmp}/widths/ for a person to look at.

Usage: check_widths.py PUBLIC_DIR
Closes with "check_widths: N passed, M failed".
"""
import json
import os
import sys
from pathlib import Path

import sitecheck

SIZES = [(390, 844), (1280, 800)]
FIXED = ["/", "/sops/SW01/", "/cases/", "/cases/SW01-2568-001/manual/", "/reports/",
         "/search/?q=ระบบ"]  # with what it found listed

# What sticks out past the right edge, to say what to fix.
WIDEST = """
const out = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if (r.right > innerWidth + 1 && r.width > 0) {
    let inside = false;
    for (let p = e.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll', 'hidden'].includes(s.overflowX) && p !== document.body && p !== document.documentElement) { inside = true; break; }
    }
    if (!inside) out.push(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' ' + Math.round(r.right));
  }
}
return [document.documentElement.scrollWidth, innerWidth, out.slice(0, 5)];
"""


# Controls a thumb taps: the site's navigation, the pager, buttons and form fields. Links inside
# running text are left out, as WCAG 2.5.8 leaves them out.
SMALL_TARGETS = """
const out = [];
for (const e of document.querySelectorAll('nav a, button, select, input:not([type=hidden]), summary')) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || getComputedStyle(e).visibility === 'hidden') continue;
  if (r.height < 44 || r.width < 44) out.push(e.tagName.toLowerCase() + ' "' + (e.textContent || e.name || '').trim().slice(0, 20) + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
}
return out.slice(0, 6);
"""


def pages(public):
    paths = [p for p in FIXED if Path(public, p.split("?")[0].strip("/"), "index.html").is_file()]
    status = json.loads(Path(public, "status.json").read_text(encoding="utf-8"))
    seen = set()
    for case in status["cases"]:
        if case["state"] not in seen:
            seen.add(case["state"])
            paths.append(f"/cases/{case['id']}/")
    return paths


def main(public):
    checks = sitecheck.Checks("check_widths")
    shots = Path(os.environ.get("CHECK_SITE_ARTIFACTS", "/tmp"), "widths")
    shots.mkdir(parents=True, exist_ok=True)
    server = sitecheck.serve(public)
    base = sitecheck.base_url(server)
    try:
        for width, height in SIZES:
            driver = sitecheck.chrome(width=max(width, 500), height=height)
            # A headless window is at least 500 px wide: the width is emulated. Not as a "mobile"
            # device: a mobile viewport widens itself to fit what sticks out, which would hide it.
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
            try:
                for path in pages(public):
                    driver.get(base + path)
                    if "?q=" in path:
                        sitecheck.wait_for_search(driver)
                    scroll, inner, wide = driver.execute_script(WIDEST)
                    checks.check(f"{path} at {width} px does not scroll sideways", scroll <= inner == width,
                                 f"scrollWidth {scroll} > {inner}; sticking out: {wide}")
                    if width < 500:
                        small = driver.execute_script(SMALL_TARGETS)
                        checks.check(f"{path} at {width} px: controls are at least 44 px", not small, f"{small}")
                    name = (path.strip("/").replace("/", "_").replace("?q=", "-q-") or "home") + f"-{width}.png"
                    driver.save_screenshot(str(shots / name))
            finally:
                driver.quit()
    finally:
        server.shutdown()
    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
