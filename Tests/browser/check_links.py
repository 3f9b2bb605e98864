#!/usr/bin/env python3
"""Every internal link and every #anchor of the built site resolves; run by scripts/check-site.

Usage: check_links.py PUBLIC_DIR [--config Tests/browser/linkcheckerrc] [--linkchecker PATH]

Serves PUBLIC_DIR on a free 127.0.0.1 port and runs Debian's `linkchecker` on
http://127.0.0.1:PORT/ with the configuration Tests/browser/linkcheckerrc (anchor checking
on, links to other hosts only syntax-checked: nothing leaves the machine). Over http, not
file://, because the site links to folders (sops/SW01/, ../../) and a web server answers
those with their index.html, and linkchecker checks anchors on http pages only, not on
file:// folders. The server behaves like the portal's: a folder without an index.html is a
404, not a listing, so a link to such a folder fails here as it would there.

Every link that linkchecker reports as an error, or with a warning (an anchor that is not
on the page is a warning), fails, printed with the page it is on, its line and column, the
link as written and linkchecker's message. (linkchecker checks each URL once: a broken link
on many pages is shown on the first page it was found on.)

Each run also proves that anchor checking is really on: the server adds one page of its own,
/__check_links_canary__/, whose link to #no-such-anchor must be reported, and whose link to
#present must not. If linkchecker stops checking anchors (the [AnchorCheck] section lost, the
config file not found: linkchecker only warns about that), this check fails.

Prints one line per failure and ends with "check_links: N passed, M failed, K skipped"
(K: links to other hosts, syntax-checked only); exit 1 when a link failed, 2 when the check
could not run.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import time
from http import HTTPStatus
from pathlib import Path

import sitecheck
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
CANARY = "/__check_links_canary__/"
CANARY_HTML = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>check_links canary</title></head>
<body><h1 id="present">canary</h1>
<p><a href="#present">an anchor that is there</a>
<a href="#no-such-anchor">an anchor that is not</a></p></body></html>
"""


class Handler(sitecheck.QuietHandler):
    """The built site, as a plain static web server serves it: a folder answers with its
    index.html, a folder without one is 404 (no listing). Tells linkchecker, with the
    "LinkChecker" header, that it need not slow down for this host."""

    def end_headers(self):
        self.send_header("LinkChecker", "local")
        super().end_headers()

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND, "folder without index.html")
        return None

    def send_head(self):
        if urlsplit(self.path).path == CANARY:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(CANARY_HTML)))
            self.end_headers()
            return io.BytesIO(CANARY_HTML)
        return super().send_head()


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("public_dir", help="the built site, e.g. public/")
    parser.add_argument("--config", default=str(HERE / "linkcheckerrc"),
                        help="linkchecker configuration (default: %(default)s)")
    parser.add_argument("--linkchecker", default=shutil.which("linkchecker") or "linkchecker",
                        help="the linkchecker program (default: %(default)s)")
    args = parser.parse_args()

    public = Path(args.public_dir).resolve()

    def give_up(why: str) -> int:
        print(f"check_links: could not run: {why}", flush=True)
        print("check_links: 0 passed, 1 failed")
        return 2

    if not (public / "index.html").is_file():
        return give_up(f"no {public}/index.html")
    if not Path(args.config).is_file():
        return give_up(f"no configuration file {args.config}")
    if not shutil.which(args.linkchecker):
        return give_up(f"{args.linkchecker} not found (Debian package linkchecker)")

    server = sitecheck.serve(public, Handler)
    base = sitecheck.base_url(server)
    command = [args.linkchecker, "--config", args.config, "--no-status", "--verbose",
               "--output", "csv/utf-8", base + "/", base + CANARY]
    print("running: " + " ".join(command), flush=True)
    # linkchecker is Debian's (/usr/bin/python3); keep a virtualenv's or pyenv's settings away.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    start = time.monotonic()
    try:
        proc = subprocess.run(command, capture_output=True, env=env, timeout=300)
    except subprocess.TimeoutExpired:
        return give_up("linkchecker did not finish in 300 s")
    finally:
        server.shutdown()
        server.server_close()
    elapsed = time.monotonic() - start
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")

    # linkchecker's own comment lines start with "# " and have no ";"; result rows do, and
    # those of in-page links (#main) start with "#" too.
    rows = list(csv.DictReader(
        (line for line in stdout.splitlines()
         if line and not (line.startswith("#") and ";" not in line)),
        delimiter=";"))
    if not rows or "valid" not in rows[0]:
        print(stdout[-3000:])
        print(stderr[-3000:])
        return give_up(f"linkchecker (exit {proc.returncode}) printed no results")
    # Only linkchecker's own start-up notes are expected on stderr.
    for line in stderr.splitlines():
        if line.strip() and "dropping privileges" not in line and "intern URLs only" not in line:
            print(f"note: linkchecker: {line}", flush=True)

    def where(url: str) -> str:
        return unquote(url[len(base):]) if url.startswith(base) else url

    passed = failed = skipped = 0
    canary_broken_reported = canary_present_clean = False
    for row in rows:
        url = row.get("url") or row.get("urlname") or ""
        parent = row.get("parentname") or ""
        warning = one_line(row.get("warningstring"))
        result = one_line(row.get("result"))
        valid = row.get("valid") == "True"
        if url.startswith(base + CANARY) or parent.startswith(base + CANARY):
            if url.endswith("#no-such-anchor"):
                canary_broken_reported = "not found" in warning
            elif url.endswith("#present"):
                canary_present_clean = valid and not warning
            continue
        if not url.startswith(base):
            skipped += 1  # another host, or mailto:/tel:: syntax only (see linkcheckerrc)
            if not valid:  # a malformed URL is still an error
                failed += 1
                print(f"FAIL {where(parent)} line {row.get('line')} col {row.get('column')}: "
                      f"{row.get('urlname')!r}: {result}", flush=True)
            continue
        if valid and not warning:
            passed += 1
            continue
        failed += 1
        page = where(parent) if parent else "(start URL)"
        message = "; ".join(x for x in (result if not valid else "", warning) if x)
        if len(message) > 600:  # "Available anchors: ..." can list a whole manual
            message = message[:600] + " ..."
        print(f"FAIL {page} line {row.get('line')} col {row.get('column')}: "
              f"link {row.get('urlname')!r} -> {where(url)}: {message}", flush=True)

    # The proof that anchors are checked at all.
    if canary_broken_reported and canary_present_clean:
        print("ok   anchor checking is active: the canary's #no-such-anchor was reported, "
              "its #present was not", flush=True)
    else:
        failed += 1
        print("FAIL anchor checking is not active: linkchecker did not report the canary page's "
              f"link to #no-such-anchor (reported: {canary_broken_reported}; #present clean: "
              f"{canary_present_clean}); is [AnchorCheck] in {args.config}?", flush=True)

    pages = {row.get("url") for row in rows
             if (row.get("url") or "").startswith(base) and "#" not in (row.get("url") or "")
             and CANARY not in (row.get("url") or "")}
    print(f"linkchecker: exit {proc.returncode}, {len(rows)} results over {len(pages)} local "
          f"URLs in {elapsed:.1f}s", flush=True)
    print(f"check_links: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
