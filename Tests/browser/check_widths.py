#!/usr/bin/env python3
"""Every kind of page at a phone's width and a laptop's (issue 20): headless Chromium at
390×844 and 1280×800 on home, the SOP, the case list, a case of each state, a manual, the
reports and search. The page never scrolls sideways (`scrollWidth <= innerWidth`); wide things
(tables, the flowchart, the timeline) scroll inside their own box. Screenshots go to
${CHECK_SITE_ARTIFACTS:-/tmp}/widths/ for a person to look at.

Case pages' Gantt charts (issue 21): shown at 1280 px within the page, hidden at 390 px where the
list below says the same, and printed to A4 (Chromium's own PDF) within the paper's width: every
word of the PDF inside the page, the chart's legend among them.

Usage: check_widths.py PUBLIC_DIR
Closes with "check_widths: N passed, M failed".
"""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
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


# The case page's Gantt chart: whether it shows, and where its drawing ends.
GANTT = """
const f = document.querySelector('figure.case-gantt');
if (!f) return null;
const svg = f.querySelector('svg');
const r = svg.getBoundingClientRect();
return [getComputedStyle(f).display, Math.round(r.left), Math.round(r.right), innerWidth,
        !!document.querySelector('ol.timeline li') && document.querySelector('ol.timeline').getBoundingClientRect().height > 0];
"""


def check_gantt(checks, driver, path, width):
    """Whether the page has a Gantt chart, checked for this width."""
    gantt = driver.execute_script(GANTT)
    if gantt is None:
        return False
    display, left, right, inner, list_shown = gantt
    checks.check(f"{path} at {width} px: the timeline's list shows", list_shown)
    if width >= 1000:
        checks.check(f"{path} at {width} px: the Gantt chart shows within the page", display != "none" and left >= 0 and right <= inner,
                     f"display {display}, from {left} to {right} of {inner}")
    else:
        checks.check(f"{path} at {width} px: the Gantt chart gives way to the list", display == "none", f"display {display}")
    return True


# A4 less print.css's margins (12 mm each side), in CSS pixels: 186 mm.
A4_CONTENT = round(186 / 25.4 * 96)


def check_print(checks, driver, path, shots):
    """The case page printed by Chromium on A4: laid out for print at the paper's width, nothing
    wider than it (Chromium would shrink the whole page to fit, so the PDF alone cannot tell),
    and in the PDF every word inside the paper."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": A4_CONTENT, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    try:
        gantt = driver.execute_script(GANTT)
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        checks.check(f"{path} laid out for A4: the Gantt chart within the paper's width",
                     gantt and gantt[0] != "none" and gantt[2] <= A4_CONTENT and scroll <= A4_CONTENT,
                     f"chart {gantt}, page {scroll} px wide, paper {A4_CONTENT} px")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    name = (path.strip("/").replace("/", "_")) + "-a4.pdf"
    (shots / name).write_bytes(base64.b64decode(pdf["data"]))
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp, "words.html")
        subprocess.run(["pdftotext", "-bbox", str(shots / name), str(html)], check=True)
        text = html.read_text(encoding="utf-8")
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S)
    checks.check(f"{path} printed: A4 pages", pages and all(abs(float(w) - 595.3) < 2 for w, _, _ in pages),
                 f"page widths {[w for w, _, _ in pages]}")
    words = [(float(m[0]), float(m[1]), m[2]) for _, _, body in pages
             for m in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', body)]
    outside = [w for w in words if w[0] < 0 or w[1] > 595.3]
    checks.check(f"{path} printed: every word within the width of A4", words and not outside, f"{outside[:5]}")
    # The legend's "planned" swatch is the chart's alone (the footer's "ข้อมูล ณ" is on every page).
    legend = [w for w in words if w[2] in ("ช่วงเวลาตามกำหนด", "Planned")]
    checks.check(f"{path} printed: the Gantt chart is on the paper", legend, "its legend is not in the PDF")


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
                    has_gantt = check_gantt(checks, driver, path, width)
                    name = (path.strip("/").replace("/", "_").replace("?q=", "-q-") or "home") + f"-{width}.png"
                    driver.save_screenshot(str(shots / name))
                    if width >= 1000 and has_gantt:
                        check_print(checks, driver, path, shots)
            finally:
                driver.quit()
    finally:
        server.shutdown()
    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
