"""What nginx answers for the published portal: every kind of page with the security headers,
the right content types, no dotfile, and nothing but whole pages while the portal is rebuilt."""
import glob
import os
import subprocess
import threading
import time

import deploy_support as ds

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def check_pages(checks, base):
    check = checks.check
    pages = ["/", "/cases/", "/cases/RV-01/", "/sops/RV01/", "/reports/", "/search/"]
    for path in pages:
        status, headers, text = ds.get(base + path)
        check("GET %s answers 200 with a whole page" % path, status == 200 and text.rstrip().endswith("</html>"), status)
        missing = [h for h, v in HEADERS.items() if headers.get(h) != v]
        csp = headers.get("Content-Security-Policy", "")
        check("%s has the security headers" % path, not missing and "frame-ancestors 'none'" in csp, missing or csp)
        check("%s is revalidated on every visit" % path, headers.get("Cache-Control") == "no-cache", headers.get("Cache-Control"))
        check("%s is text/html; charset=utf-8" % path, headers.get("Content-Type") == "text/html; charset=utf-8",
              headers.get("Content-Type"))
    search_csp = ds.get(base + "/search/")[1].get("Content-Security-Policy", "")
    check("the search page may run Pagefind's WebAssembly", "'wasm-unsafe-eval'" in search_csp, search_csp)
    check("other pages may not", "wasm" not in ds.get(base + "/")[1].get("Content-Security-Policy", "wasm"))
    root = ds.get(base + "/build.json")
    fonts = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "..", "themes", "default", "static", "fonts", "*.woff2")))
    font = "/static/fonts/" + os.path.basename(fonts[0]) if fonts else "/static/fonts/missing.woff2"
    types = {
        font: "font/woff2", "/status.json": "application/json", "/build.json": "application/json",
        "/feed.xml": "application/xml", "/cases/RV-01/badge.svg": "image/svg+xml",
        "/cases/RV-03/spec.pdf": "application/pdf", "/cases/RV-03/meeting.ics": "text/calendar",
        "/static/style.css": "text/css",
    }
    for path, wanted in types.items():
        status, headers, _ = ds.get(base + path)
        got = (headers.get("Content-Type") or "").split(";")[0]
        check("GET %s answers 200 as %s" % (path, wanted), status == 200 and got == wanted, (status, got))
        missing = [h for h, v in HEADERS.items() if headers.get(h) != v]
        check("%s has the security headers" % path, not missing, missing)
    cache = ds.get(base + font)[1].get("Cache-Control", "")
    check("fonts are cached long", "max-age=2592000" in cache, cache)
    status, headers, _ = ds.get(base + "/static/style.css")
    check("static files are revalidated by their ETag", headers.get("ETag") and headers.get("Cache-Control") == "no-cache",
          dict(headers))
    check("build.json says ok", root[0] == 200 and '"ok" : true' in root[2], root[2][:300])


def check_dotfiles(checks, base, root):
    with open(os.path.join(root, ".deploy-secret"), "w") as f:
        f.write("secret")
    os.makedirs(os.path.join(root, ".git"), exist_ok=True)
    with open(os.path.join(root, ".git", "config"), "w") as f:
        f.write("[core]")
    for path in ["/.deploy-secret", "/.git/config", "/cases/.sopsite-index.html"]:
        status, _, text = ds.get(base + path)
        checks.check("the dotfile %s is refused" % path, status == 404 and "secret" not in text and "[core]" not in text, status)


def check_rebuilds_under_load(checks, base, case, rebuilds):
    """`rebuilds` edits published while wrk and a client that reads every answer whole load nginx."""
    urls = [base + p for p in ["/cases/RV-01/", "/cases/", "/", "/reports/"]]
    stop = threading.Event()
    problems, answers = [], [0]

    def client():
        while not stop.is_set():
            for url in urls:
                status, _, text = ds.get(url)
                answers[0] += 1
                if status != 200 or not text.rstrip().endswith("</html>"):
                    problems.append((url, status, len(text)))

    threads = [threading.Thread(target=client) for _ in range(4)]
    for t in threads:
        t.start()
    # wrk: two threads, eight connections, bounded in time, loopback only.
    wrk = subprocess.Popen(["wrk", "-t2", "-c8", "-d15s", base + "/cases/RV-01/"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    published = 0
    for i in range(rebuilds):
        title = "ระบบจองห้องประชุม รอบแก้ %d" % i
        text = open(case, encoding="utf-8").read()
        before = text.split("title: ", 1)[1].split("\n", 1)[0]
        ds.edit(case, "title: " + before, "title: " + title)
        if ds.wait_for(lambda: title in ds.get(base + "/cases/RV-01/")[2], 5):
            published += 1
    out = wrk.communicate(timeout=60)[0]  # it ends on its own, its summary printed
    stop.set()
    for t in threads:
        t.join()
    checks.check("%d rebuilds published while under load" % rebuilds, published == rebuilds, published)
    checks.check("every answer during the rebuilds was 200 and a whole page (%d answers)" % answers[0],
                 not problems and answers[0] > 100, problems[:5])
    checks.check("wrk saw no error and no answer other than 2xx",
                 "Non-2xx" not in out and "Socket errors" not in out and "requests in" in out, out)
