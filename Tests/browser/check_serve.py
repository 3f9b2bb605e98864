#!/usr/bin/env python3
"""`sopsite serve` as a user meets it, in headless Chromium: a saved case file is on the open
page after the rebuild (the page reloads by itself), a broken file shows its errors over the
page while the last good portal is still served, fixing it clears them, and a stylesheet
change applies without reloading.

Usage: check_serve.py REPO   (runs REPO/.build/debug/sopsite on a copy of REPO/content)
Closes with "check_serve: N passed, M failed".
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import sitecheck

CASE = "SW01-2569-005"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(what, condition, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if condition():
                return True
        except Exception:
            pass
        time.sleep(0.05)
    print(f"  (gave up waiting for {what})")
    return False


def main(repo):
    checks = sitecheck.Checks("check_serve")
    check = checks.check

    work = tempfile.mkdtemp(prefix="sopsite-serve-")
    shutil.copytree(os.path.join(repo, "content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(repo, "themes"), os.path.join(work, "themes"))
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w+")
    server = subprocess.Popen([os.path.join(repo, ".build/debug/sopsite"), "serve", "--port", str(port),
                               "--as-of", "2026-11-27"], cwd=work, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    case_file = os.path.join(work, "content", "cases", CASE, "index.md")
    original = open(case_file, encoding="utf-8").read()

    def terminal():
        log.flush()
        log.seek(0)
        return log.read()

    def fetch(path):
        with urllib.request.urlopen(base + path, timeout=5) as r:
            return r.read().decode("utf-8")

    driver = sitecheck.chrome(width=1200)
    try:
        check("serve says where it serves", wait("serving", lambda: f"serving http://127.0.0.1:{port}/" in terminal()), terminal())
        check("the case page is served", CASE in fetch(f"/cases/{CASE}/"))
        check("pages on disk hold no reload code", "_sopsite" not in open(os.path.join(work, "public/cases", CASE, "index.html"), encoding="utf-8").read())

        driver.get(f"{base}/cases/{CASE}/")
        wait("the live socket", lambda: driver.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)
        driver.execute_script("window.sopsiteMarker = 1")
        with open(case_file, "a", encoding="utf-8") as f:
            f.write("\nบรรทัดที่เพิ่งบันทึก\n")
        saved = time.time()
        reloaded = wait("the reload", lambda: "บรรทัดที่เพิ่งบันทึก" in driver.page_source
                        and driver.execute_script("return window.sopsiteMarker") is None)
        check("a saved case is on the open page after it reloads by itself", reloaded,
              f"terminal: {terminal()}")
        print(f"  (saved to reloaded: {int((time.time() - saved) * 1000)} ms)")

        with open(case_file, "w", encoding="utf-8") as f:
            f.write(original.replace("sop: SW01", "sop: SW99") + "\nบรรทัดที่เพิ่งบันทึก\n")
        overlay = wait("the overlay", lambda: "unknown SOP 'SW99'" in driver.execute_script(
            "var o = document.getElementById('sopsite-errors'); return o ? o.textContent : ''"))
        check("a broken file shows its error over the page", overlay)
        check("the terminal shows it too, compiler-style", wait("terminal", lambda: f"{CASE}/index.md:2:6: error: unknown SOP 'SW99'" in terminal()), terminal())
        check("the last good page is still served", "บรรทัดที่เพิ่งบันทึก" in fetch(f"/cases/{CASE}/"))
        driver.get(f"{base}/cases/{CASE}/")
        check("a page opened while broken shows the errors too", wait("overlay on load", lambda: driver.execute_script(
            "return !!document.getElementById('sopsite-errors')")))

        with open(case_file, "w", encoding="utf-8") as f:
            f.write(original + "\nแก้ไขแล้ว\n")
        fixed = wait("the fix", lambda: "แก้ไขแล้ว" in driver.page_source and driver.execute_script(
            "return !document.getElementById('sopsite-errors')"))
        check("fixing the file clears the errors and shows the fix", fixed, terminal())

        driver.execute_script("window.sopsiteMarker = 2")
        css = os.path.join(work, "themes", "default", "static", "style.css")
        with open(css, "a", encoding="utf-8") as f:
            f.write("\nbody { border-top: 7px solid rgb(1, 2, 3); }\n")
        restyled = wait("the new style", lambda: driver.execute_script(
            "return getComputedStyle(document.body).borderTopWidth") == "7px")
        check("a stylesheet change applies", restyled)
        check("... without reloading the page", driver.execute_script("return window.sopsiteMarker") == 2)

        with open(os.path.join(work, "content", "cases", CASE, ".index.md.swp"), "w") as f:
            f.write("vim swap")
        time.sleep(0.4)
        check("an editor's swap file starts no rebuild", driver.execute_script("return window.sopsiteMarker") == 2)
    finally:
        driver.quit()
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)

    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
