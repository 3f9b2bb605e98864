#!/usr/bin/env python3
"""Timing helpers for the benchmark's `sopsite serve` figure (bench/run calls them).

    serve_latency.py ready URL FILE LOG TIMEOUT_S PID
        waits until FILE exists, URL answers 200 and the server's LOG has its "serving ..." line
        (serve starts watching only after its first build, and says so in that line: an edit
        saved before it is not seen), while process PID lives; prints the seconds waited; exits
        1 on timeout or when PID is gone.
    serve_latency.py edit KIND CASE_MD CASE_HTML LOG RUNS
        RUNS times: changes the case's Markdown file with a unique token, takes the time once the
        file is written and closed, and polls (os.stat every 1 ms) until CASE_HTML contains the
        token (the page is on disk) and then until the server's LOG has one more "rebuilt in"
        line (the rebuild is finished: the moment serve reloads the browser). KIND is `body`
        (a paragraph appended to the report: only the case's own pages change) or `title` (the
        front matter's title changed: the case list and status.json change too, the
        dashboard and feed when they show the case) or `event` (a maintenance event, step 9, dated
        the as-of day, is added: the dashboard and the feed list it), `step` (for a case at step 6:
        step 6 done the as-of day, or undone again, with the title changed: every page that
        lists or counts cases changes) or `new` (a new case, a copy
        of CASE_MD under the id <case>-n<run>, moved into cases/: its pages are new and every page
        that lists or counts cases changes; CASE_HTML's folder is replaced by the new id's).
        Waits for each rebuild to finish before the next edit. Prints one line per edit, then, last, "PAGE_MEDIAN_MS DONE_MEDIAN_MS
        SERVER_MEDIAN_MS" (the last as the server's own log says). A change not seen within
        60 s is an error.
"""

import os
import re
import statistics
import sys
import time
import urllib.request

POLL = 0.001


def watching(log):
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            return re.search(r"^serving ", f.read(), re.M) is not None
    except FileNotFoundError:
        return False


def ready(url, path, log, timeout, pid):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            sys.exit("serve_latency: the server (pid %d) exited before its first build finished" % pid)
        if os.path.exists(path) and watching(log):
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        print("%.3f" % (time.monotonic() - start))
                        return
            except OSError:
                pass
        time.sleep(0.01)
    sys.exit("serve_latency: %s did not answer with %s written and a 'serving' line in %s within %d s"
             % (url, path, log, timeout))


def signature(path):
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def contains(path, token):
    try:
        with open(path, "rb") as f:
            return token in f.read()
    except FileNotFoundError:
        return False


def rebuilds(log):
    """The "rebuilt in N ms" lines of the server's log so far, as N."""
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            return [int(m.group(1)) for m in re.finditer(r"^rebuilt in (\d+) ms", f.read(), re.M)]
    except FileNotFoundError:
        return []


def change(kind, md, token):
    if kind == "step":
        # The case's step 6 done today (the case stood at step 6), or undone again: the state, the
        # current step and the step's times change, so every page that lists or counts cases
        # does. The title carries the token, for the page on disk to show.
        with open(md, encoding="utf-8") as f:
            text = f.read()
        done = "  - step: 6\n    date: 2026-11-27\n    note: bench-step\n"
        head, sep, rest = text.partition("\n---\n")
        head += "\n"
        head = (head[: -len(done)] if head.endswith(done) else head + done).rstrip("\n")
        head, n = re.subn(r"^title: .*?(?: bench-edit-\S+)?$", lambda m: m.group(0).split(" bench-edit-")[0]
                          + " " + token, head, count=1, flags=re.M)
        if not sep or n != 1:
            sys.exit("serve_latency: no front matter with a title in %s" % md)
        with open(md, "w", encoding="utf-8") as f:
            f.write(head + sep + rest)
        return
    if kind == "event":
        # A maintenance event (SW01 step 9, ongoing: any number of them) recorded today, as staff
        # record a step done; the previous run's event is replaced.
        with open(md, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"  - step: 9\n    date: 2026-11-27\n    note: bench-edit-\S+\n", "", text)
        head, sep, rest = text.partition("\n---\n")
        if not sep or "\nevents:\n" not in head:
            sys.exit("serve_latency: no front matter with events in %s" % md)
        text = head + "\n  - step: 9\n    date: 2026-11-27\n    note: " + token + sep + rest
        with open(md, "w", encoding="utf-8") as f:
            f.write(text)
        return
    if kind == "body":
        with open(md, "a", encoding="utf-8") as f:
            f.write("\nแก้ไขเพื่อวัดเวลา %s\n" % token)
        return
    with open(md, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r"^title: .*?(?: bench-edit-\S+)?$", lambda m: m.group(0).split(" bench-edit-")[0]
                      + " " + token, text, count=1, flags=re.M)
    if n != 1:
        sys.exit("serve_latency: no 'title:' line in %s" % md)
    with open(md, "w", encoding="utf-8") as f:
        f.write(text)


def edit(kind, md, html, log, runs):
    pages, dones, servers = [], [], []
    for i in range(runs):
        # Tokens of different lengths: sopsite serve (a34768e) skips rewriting a page whose new
        # bytes have the old ones' length and first bytes (it compares Data.hashValue), so
        # same-length title edits after the first never reach the disk.
        token = "bench-edit-%s-%d-%d%s" % (kind, i + 1, time.time_ns(), "x" * (i + 1))
        if kind == "new":
            # A new case: the edited case's file under a new id, written to a temporary folder
            # and moved in (as a file manager or `git pull` makes it appear at once).
            new_id = "%s-n%d" % (os.path.basename(os.path.dirname(md)), i + 1)
            html = os.path.join(os.path.dirname(os.path.dirname(html)), new_id, "index.html")
        seen = signature(html)
        before = len(rebuilds(log))
        if kind == "new":
            cases = os.path.dirname(os.path.dirname(md))
            temporary = os.path.join(os.path.dirname(cases), ".bench-new-case")
            os.makedirs(temporary, exist_ok=True)
            with open(md, encoding="utf-8") as f:
                text = f.read()
            text = re.sub(r"^title: .*$", lambda m: m.group(0) + " " + token, text, count=1, flags=re.M)
            with open(os.path.join(temporary, "index.md"), "w", encoding="utf-8") as f:
                f.write(text)
            os.rename(temporary, os.path.join(cases, new_id))
        else:
            change(kind, md, token)
        start = time.perf_counter()
        needle = token.encode()
        page = None
        while True:
            if page is None:
                now = signature(html)
                if now != seen:
                    seen = now
                    if contains(html, needle):
                        page = time.perf_counter() - start
            if page is not None:
                done = rebuilds(log)
                if len(done) > before:
                    break
            if time.perf_counter() - start > 60:
                sys.exit("serve_latency: edit %d: %s" % (
                    i + 1, "the page never showed it" if page is None else "no 'rebuilt in' line in the log"))
            time.sleep(POLL)
        finished = time.perf_counter() - start
        pages.append(page * 1000)
        dones.append(finished * 1000)
        servers.append(done[-1])
        print("edit %d: page on disk after %.1f ms, rebuild finished after %.1f ms (server: rebuilt in %d ms)"
              % (i + 1, page * 1000, finished * 1000, done[-1]))
        time.sleep(0.5)
    print("%.1f %.1f %.1f" % (statistics.median(pages), statistics.median(dones), statistics.median(servers)))


def main(argv):
    if len(argv) == 7 and argv[1] == "ready":
        ready(argv[2], argv[3], argv[4], float(argv[5]), int(argv[6]))
    elif len(argv) == 7 and argv[1] == "edit" and argv[2] in ("body", "title", "event", "new", "step"):
        edit(argv[2], argv[3], argv[4], argv[5], int(argv[6]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
