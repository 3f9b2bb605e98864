#!/usr/bin/env python3
"""Browser check of one built SOP page, run by scripts/check-site.

Usage: check_sop_page.py PUBLIC_DIR [--content DIR] [--sop SW01]

Serves PUBLIC_DIR on a free 127.0.0.1 port (http.server in a background thread), loads
/sops/<SOP>/ in headless Chromium through Debian's /usr/bin/chromedriver (given explicitly,
so Selenium Manager never downloads anything) and checks that:
  - the theme font "Sarabun" (the site's own static/fonts/Sarabun-Regular.woff2) is loaded
    and is the font the page's Thai text is really drawn with;
  - no request left 127.0.0.1 and every request to it succeeded;
  - the page has exactly one inline svg.flowchart with <title> and <desc>, and one g.fc-step
    per step of the SOP (data-step "1".."N") whose text, as real <text> elements, contains
    that step's title from the SOP file's front matter;
  - <html lang="th">, and the footer shows the help-desk and survey links and the phone;
warns (fails with --strict-layout) about drawing problems in the flowchart: a label not
inside its box, two boxes overlapping, an arrow running through a box, a branch label on a
box; and saves a full-page screenshot, 1280 CSS pixels wide, to ${CHECK_SITE_ARTIFACTS:-/tmp}/
sw01.png (and the flowchart alone, at 2x, to sw01-flowchart.png) for a person to look at.

Prints one line per check and ends with "check_sop_page: N passed, M failed"; exit 1 when a
check failed, 2 when the checks could not run at all.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import re
import sys
import traceback
from pathlib import Path
from urllib.parse import urlsplit

import yaml

import sitecheck

# Selenium Manager must never run (no downloads on this network); these are belt and braces
# next to passing the driver and the browser explicitly.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402

WIDTH = 1280
FONT_FAMILY = "Sarabun"
FOOTER_LINKS = ["https://noc.rmutl.ac.th", "https://arit.rmutl.ac.th"]
FOOTER_PHONE = "053921444"
LOCAL_HOSTS = {"127.0.0.1"}


# ------------------------------------------------------------------------------ helpers
def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def front_matter(path: Path) -> dict:
    """The YAML between the first two `---` lines of a content file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError(f"{path}: does not start with a '---' line")
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return yaml.safe_load("\n".join(lines[1:end])) or {}
    raise ValueError(f"{path}: no closing '---' line")


class Results:
    def __init__(self) -> None:
        self.passed = 0
        self.failed: list[str] = []

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"ok   {name}" + (f": {detail}" if detail else ""), flush=True)
        else:
            self.failed.append(name)
            print(f"FAIL {name}: {detail}", flush=True)
        return ok


class Handler(sitecheck.QuietHandler):
    """Static files, quietly, remembering each request's path and status."""

    log: list[tuple[str, int]] = []

    def log_request(self, code="-", size="-"):  # noqa: D401 (http.server's signature)
        try:
            status = int(getattr(code, "value", code))
        except (TypeError, ValueError):
            status = 0
        Handler.log.append((self.path, status))


def make_driver() -> webdriver.Chrome:
    driver = sitecheck.chrome(width=WIDTH, args=("--hide-scrollbars",),
                              logging_prefs={"performance": "ALL", "browser": "ALL"})
    # Lay the page out exactly WIDTH CSS pixels wide, whatever the window decorations.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    )
    return driver


def network_urls(driver) -> list[str]:
    """Every URL the page asked for, from the DevTools log (includes failed requests)."""
    urls = []
    for entry in driver.get_log("performance"):
        try:
            msg = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def platform_fonts(driver, selector: str) -> list[dict] | None:
    """The fonts Chromium really drew the first node matching selector with (DevTools)."""
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})
    if not node.get("nodeId"):
        return None
    return driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})[
        "fonts"
    ]


# ------------------------------------------------------------------------------ the checks
FONTS_JS = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => {
  const faces = [];
  document.fonts.forEach(f => faces.push({family: f.family, status: f.status,
                                          weight: String(f.weight), style: f.style}));
  done({check: document.fonts.check('16px Sarabun'), status: document.fonts.status, faces});
}).catch(e => done({error: String(e)}));
"""

PAGE_JS = r"""
const collapse = s => (s || '').replace(/\s+/g, ' ').trim();
const svgs = Array.from(document.querySelectorAll('svg.flowchart'));
const svg = svgs[0] || null;
let title = null, desc = null, steps = [], box = null;
if (svg) {
  const t = svg.querySelector(':scope > title'), d = svg.querySelector(':scope > desc');
  title = t ? collapse(t.textContent) : null;
  desc = d ? collapse(d.textContent) : null;
  const r = svg.getBoundingClientRect();
  box = {width: r.width, height: r.height};
  steps = Array.from(svg.querySelectorAll('g.fc-step')).map(g => {
    const texts = Array.from(g.querySelectorAll('text'));
    return {
      step: g.getAttribute('data-step'),
      text: collapse(g.textContent),
      textElements: texts.length,
      nonEmptyTexts: texts.filter(t => collapse(t.textContent) !== '').length,
      userSelect: texts.length ? getComputedStyle(texts[0]).userSelect : null,
    };
  });
}
const footers = Array.from(document.querySelectorAll('footer'));
const footer = document.querySelector('body > footer, footer.site-footer') ||
               footers[footers.length - 1] || null;
const links = footer ? Array.from(footer.querySelectorAll('a[href]')).map(a => ({
  href: a.getAttribute('href'), text: collapse(a.textContent),
  visible: a.getClientRects().length > 0 && getComputedStyle(a).visibility !== 'hidden',
})) : [];
return {
  url: location.href,
  lang: document.documentElement.getAttribute('lang'),
  svgCount: svgs.length, title, desc, steps, box,
  footer: footer ? collapse(footer.innerText) : null, links,
  pageWidth: document.documentElement.scrollWidth,
  resources: performance.getEntriesByType('resource').map(e => e.name),
};
"""

LAYOUT_JS = r"""
// Geometry of the drawn flowchart, in the SVG's user units (no transforms are used on the
// groups, so getBBox() of shapes, texts and paths share one coordinate system).
const svg = document.querySelector('svg.flowchart');
if (!svg) return [];
const problems = [];
const nodeSel = 'g.fc-step, g.fc-action, g.fc-terminal';
const name = g => g.matches('g.fc-step') ? 'step ' + g.getAttribute('data-step')
  : g.matches('g.fc-action') ? 'action box of step ' + g.getAttribute('data-decision') +
                               ' (' + g.getAttribute('data-branch') + ')'
  : (g.matches('.fc-start') ? 'start' : 'end') + ' terminal';
const bb = el => { const b = el.getBBox(); return {x: b.x, y: b.y, w: b.width, h: b.height}; };
const r1 = v => Math.round(v * 10) / 10;
const shapes = [];
for (const g of svg.querySelectorAll(nodeSel)) {
  for (const el of g.querySelectorAll(':scope > rect, :scope > polygon')) {
    shapes.push({g, el, name: name(g), box: bb(el), diamond: el.tagName === 'polygon'});
  }
}
const inside = (p, s, shrink) => {
  const b = s.box, cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  const hw = b.w / 2 - shrink, hh = b.h / 2 - shrink;
  if (hw <= 0 || hh <= 0) return false;
  const dx = Math.abs(p.x - cx), dy = Math.abs(p.y - cy);
  return s.diamond ? dx / hw + dy / hh < 1 : dx < hw && dy < hh;
};
// 1. Every label inside its own shape. Ink width is what matters; the text box's height is
//    the font's line box (Sarabun's is tall), so vertically only the middle 60% is held to it.
for (const g of svg.querySelectorAll(nodeSel)) {
  const own = shapes.filter(s => s.g === g);
  for (const t of g.querySelectorAll(':scope > text:not(.fc-ongoing-note)')) {
    const b = bb(t), cy = b.y + b.h / 2, cx = b.x + b.w / 2;
    const s = own.find(s => inside({x: cx, y: cy}, s, 0)) || own[0];
    if (!s) continue;
    const corners = [[b.x, cy - 0.3 * b.h], [b.x + b.w, cy - 0.3 * b.h],
                     [b.x, cy + 0.3 * b.h], [b.x + b.w, cy + 0.3 * b.h]];
    const out = corners.filter(([x, y]) => !inside({x, y}, s, -1));
    if (out.length) {
      problems.push(`${name(g)}: its text "${t.textContent}" (${r1(b.w)} wide) does not fit ` +
                    `inside its ${s.diamond ? 'diamond' : 'box'} (${r1(s.box.w)} x ${r1(s.box.h)})`);
    }
  }
}
// 2. No two shapes overlap.
for (let i = 0; i < shapes.length; i++) for (let j = i + 1; j < shapes.length; j++) {
  const a = shapes[i].box, b = shapes[j].box;
  const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (ox > 1 && oy > 1 && shapes[i].g !== shapes[j].g) {
    problems.push(`${shapes[i].name} and ${shapes[j].name} overlap (${r1(ox)} x ${r1(oy)})`);
  }
}
// 3. No arrow runs through a shape (its ends touch the borders, hence the 3-unit margin).
svg.querySelectorAll('g.fc-edge > path').forEach((p, k) => {
  const len = p.getTotalLength(), hit = new Set();
  for (let d = 0; d <= len; d += 2) {
    const pt = p.getPointAtLength(d);
    for (const s of shapes) if (inside(pt, s, 3)) hit.add(s.name);
  }
  if (hit.size) problems.push(`arrow ${k + 1} (d="${p.getAttribute('d')}") runs through ${[...hit].join(', ')}`);
});
// 4. Branch labels clear of shapes and of each other.
const labels = Array.from(svg.querySelectorAll('text.fc-edge-label')).map(t => ({t, b: bb(t)}));
const overlaps = (a, b, m) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > m &&
                              Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > m;
for (const l of labels) {
  const mid = {x: l.b.x, y: l.b.y + 0.2 * l.b.h, w: l.b.w, h: 0.6 * l.b.h};
  for (const s of shapes) if (overlaps(mid, s.box, 1)) {
    problems.push(`branch label "${l.t.textContent}" overlaps ${s.name}`);
  }
}
for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
  if (overlaps(labels[i].b, labels[j].b, 1)) {
    problems.push(`branch labels "${labels[i].t.textContent}" and "${labels[j].t.textContent}" overlap`);
  }
}
return problems;
"""


def run(args) -> Results:
    results = Results()
    public = Path(args.public_dir).resolve()
    sop_file = Path(args.content) / "sops" / f"{args.sop}.md"
    meta = front_matter(sop_file)
    steps = sorted(meta.get("steps") or [], key=lambda s: int(s["id"]))
    titles = {str(s["id"]): collapse(str(s["title"])) for s in steps}
    print(f"sop: {sop_file} has {len(titles)} steps", flush=True)

    artifacts = Path(os.environ.get("CHECK_SITE_ARTIFACTS") or "/tmp")
    artifacts.mkdir(parents=True, exist_ok=True)
    shot = artifacts / f"{args.sop.lower()}.png"

    server = sitecheck.serve(public, Handler)
    port = server.server_address[1]
    driver = make_driver()
    try:
        url = f"http://127.0.0.1:{port}/sops/{args.sop}/"
        print(f"loading {url}", flush=True)
        driver.get(url)

        # --- font ---------------------------------------------------------------------
        fonts = driver.execute_async_script(FONTS_JS)
        if "error" in fonts:
            results.check("font: document.fonts.ready", False, fonts["error"])
        else:
            sarabun = [f for f in fonts["faces"] if f["family"].strip("'\"") == FONT_FAMILY]
            loaded = [f for f in sarabun if f["status"] == "loaded"]
            results.check(
                "font: document.fonts.check('16px Sarabun')",
                fonts["check"] is True,
                f"returned {fonts['check']!r} (document.fonts.status {fonts['status']!r})",
            )
            results.check(
                "font: a Sarabun FontFace is loaded",
                bool(loaded),
                f"{len(loaded)} of {len(sarabun)} Sarabun faces loaded; faces: "
                + json.dumps(fonts["faces"], ensure_ascii=False),
            )
        # Which font Chromium really drew the text with (a missing glyph falls back to
        # another font, or to tofu): the title and the flowchart's first step label.
        driver.execute_cdp_cmd("DOM.enable", {})
        driver.execute_cdp_cmd("CSS.enable", {})
        for label, selector in (
            ("page heading", "h1"),
            ("flowchart step 1 text", 'svg.flowchart g.fc-step[data-step="1"] text'),
        ):
            used = platform_fonts(driver, selector)
            if used is None:
                results.check(f"font: {label} drawn in Sarabun", False, f"no {selector!r}")
                continue
            others = [f for f in used if f["familyName"] != FONT_FAMILY]
            results.check(
                f"font: {label} drawn in Sarabun",
                bool(used) and not others,
                "platform fonts " + ", ".join(
                    f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in used),
            )

        # --- the page -------------------------------------------------------------------
        page = driver.execute_script(PAGE_JS)
        requested = sorted(set(page["resources"]) | set(network_urls(driver)) | {page["url"]})
        outside = [
            u for u in requested
            if urlsplit(u).scheme not in ("data", "blob", "about")
            and urlsplit(u).hostname not in LOCAL_HOSTS
        ]
        results.check(
            "network: every request went to 127.0.0.1",
            not outside,
            f"{len(requested)} requests" if not outside else "outside requests: " + ", ".join(outside),
        )
        bad = [(p, s) for p, s in Handler.log if s >= 400 and not p.startswith("/favicon.ico")]
        results.check(
            "network: every local request succeeded",
            not bad,
            f"{len(Handler.log)} served" if not bad
            else ", ".join(f"{p} -> {s}" for p, s in bad),
        )

        results.check(
            "flowchart: exactly one svg.flowchart",
            page["svgCount"] == 1,
            f"found {page['svgCount']}",
        )
        if page["svgCount"] >= 1:
            results.check("flowchart: has a <title>", bool(page["title"]),
                          f"<title> {page['title']!r}")
            results.check("flowchart: has a <desc>", bool(page["desc"]),
                          f"<desc> {page['desc']!r}")
            found = [s["step"] for s in page["steps"]]
            expected = [str(i) for i in range(1, len(titles) + 1)]
            results.check(
                f"flowchart: {len(expected)} g.fc-step with data-step 1..{len(expected)}",
                sorted(found, key=lambda s: (len(s or ""), s or "")) == expected,
                f"data-step values {found}",
            )
            by_step = {s["step"]: s for s in page["steps"]}
            for n in expected:
                g = by_step.get(n)
                want = titles.get(n, "")
                if g is None:
                    results.check(f"flowchart: step {n} text", False, "no such g.fc-step")
                    continue
                if want in g["text"]:
                    ok, how = True, ""
                elif want.replace(" ", "") in g["text"].replace(" ", ""):
                    # Thai has no spaces between words: a title wrapped onto two <text> or
                    # <tspan> lines gains one at the break. Same text, so it passes.
                    ok, how = True, " (matched across a line break)"
                else:
                    ok, how = False, ""
                results.check(
                    f"flowchart: step {n} text contains its title",
                    ok,
                    f"title {want!r}; rendered {g['text']!r}{how}",
                )
                results.check(
                    f"flowchart: step {n} is real <text>",
                    g["nonEmptyTexts"] >= 1 and g["userSelect"] != "none",
                    f"{g['textElements']} <text> ({g['nonEmptyTexts']} non-empty), "
                    f"user-select {g['userSelect']!r}",
                )

            # Drawing problems a person would see: reported, not counted (see --strict-layout).
            for problem in driver.execute_script(LAYOUT_JS):
                if args.strict_layout:
                    results.check("flowchart layout", False, problem)
                else:
                    print(f"warn: flowchart layout: {problem}", flush=True)

        results.check("page: <html lang=\"th\">", page["lang"] == "th",
                      f"lang {page['lang']!r}")
        hrefs = {(link["href"] or "").rstrip("/"): link for link in page["links"]}
        for want in FOOTER_LINKS:
            link = hrefs.get(want)
            results.check(
                f"footer: link {want}",
                link is not None and link["visible"],
                "found, visible" if link and link["visible"]
                else ("found but not visible" if link else
                      f"footer links: {[l['href'] for l in page['links']]}"),
            )
        footer_digits = re.sub(r"[\s\-().]", "", page["footer"] or "")
        results.check(
            f"footer: phone {FOOTER_PHONE}",
            FOOTER_PHONE in footer_digits,
            f"footer text {page['footer']!r}",
        )

        # --- screenshot -----------------------------------------------------------------
        metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        height = int(metrics["cssContentSize"]["height"])
        png = driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True,
             "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1}},
        )["data"]
        shot.write_bytes(base64.b64decode(png))
        results.check("screenshot", shot.stat().st_size > 0,
                      f"{shot} ({WIDTH}x{height})")
        if page["pageWidth"] > WIDTH:
            print(f"note: the page is {page['pageWidth']}px wide at a {WIDTH}px window "
                  "(horizontal scrolling)", flush=True)
        # The flowchart alone, at twice the size, for a closer look at its text and arrows.
        rect = driver.execute_script(
            "const e = document.querySelector('svg.flowchart'); if (!e) return null;"
            "const r = e.getBoundingClientRect();"
            "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};")
        if rect and rect["width"] > 0 and rect["height"] > 0:
            fshot = artifacts / f"{args.sop.lower()}-flowchart.png"
            png = driver.execute_cdp_cmd(
                "Page.captureScreenshot",
                {"format": "png", "captureBeyondViewport": True, "clip": {**rect, "scale": 2}},
            )["data"]
            fshot.write_bytes(base64.b64decode(png))
            print(f"note: flowchart alone, at 2x, in {fshot} "
                  f"({rect['width']:g}x{rect['height']:g} CSS px)", flush=True)
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", ""):
                print(f"note: console {entry['level']}: {entry['message']}", flush=True)
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("public_dir", help="the built site, e.g. public/")
    parser.add_argument("--content", default="content",
                        help="the content folder the site was built from (default: content)")
    parser.add_argument("--sop", default="SW01", help="which SOP page to check (default: SW01)")
    parser.add_argument("--strict-layout", action="store_true",
                        help="count flowchart drawing problems (text outside its box, boxes "
                             "overlapping, an arrow through a box) as failures, not warnings")
    args = parser.parse_args()
    if not (Path(args.public_dir) / "sops" / args.sop / "index.html").is_file():
        print(f"check_sop_page: no {args.public_dir}/sops/{args.sop}/index.html", flush=True)
        print("check_sop_page: 0 passed, 1 failed")
        return 1
    try:
        results = run(args)
    except (OSError, ValueError, KeyError, WebDriverException) as e:
        traceback.print_exc()
        print(f"check_sop_page: could not run: {type(e).__name__}: {e}", flush=True)
        print("check_sop_page: 0 passed, 1 failed")
        return 2
    if results.failed:
        print("failed: " + "; ".join(results.failed))
    print(f"check_sop_page: {results.passed} passed, {len(results.failed)} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
