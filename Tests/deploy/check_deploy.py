#!/usr/bin/env python3
"""The deployment of deploy/, run for real on loopback: nginx from Debian with deploy/'s site
(only the port and the paths changed), `sopsite publish` started with the systemd unit's own
command line, the git hooks on a bare repository, and the day's rollover with a test clock.

Usage: check_deploy.py SOPSITE_BINARY
Prints one line per check and closes with "check_deploy: N passed, M failed".
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import deploy_checks
import deploy_git
import deploy_support as ds

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(REPO, "Tests", "SopsiteKitTests", "Fixtures", "rounds-site")


def main(sopsite):
    checks = ds.Checks("check_deploy")
    check = checks.check
    tmp = tempfile.mkdtemp(prefix="sopsite-deploy-")
    os.chmod(tmp, 0o755)  # nginx's workers run as another user
    srv = os.path.join(tmp, "srv", "sop")
    content, root = os.path.join(srv, "content"), os.path.join(srv, "public")
    shutil.copytree(FIXTURE, content)
    os.makedirs(root)
    # Attachments of the types the site must label right.
    with open(os.path.join(content, "cases", "RV-03", "spec.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n%%EOF\n")
    with open(os.path.join(content, "cases", "RV-03", "meeting.ics"), "w") as f:
        f.write("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    processes = []
    try:
        port = ds.free_port()
        processes.append(ds.start_nginx(tmp, port, root, REPO))
        base = "http://127.0.0.1:%d" % port

        # The unit's command line, with only the paths changed; a test clock on 20 March 2026.
        command = ds.unit_command(REPO, sopsite, srv)
        log = os.path.join(tmp, "publish.log")
        env = dict(os.environ, SOPSITE_TEST_NOW="2026-03-20T10:00:00")
        publish = ds.start(command, log, env, cwd=srv)
        processes.append(publish)
        check("publish builds the web root", ds.wait_for(lambda: os.path.exists(os.path.join(root, "build.json")), 60),
              ds.tail(log))
        deploy_checks.check_pages(checks, base)
        deploy_checks.check_dotfiles(checks, base, root)

        # A change shows through nginx within 2 s.
        case = os.path.join(content, "cases", "RV-01", "index.md")
        ds.edit(case, "title: ระบบจองห้องประชุม", "title: ระบบจองห้องประชุมออนไลน์")
        start = time.time()
        shown = ds.wait_for(lambda: "ระบบจองห้องประชุมออนไลน์" in ds.get(base + "/cases/RV-01/")[2], 5)
        check("a change to a case shows through nginx within 2 s", shown and time.time() - start < 2,
              "%.2f s" % (time.time() - start))

        # A broken change keeps the last good pages, with the error in the log and build.json.
        other = os.path.join(content, "cases", "RV-02", "index.md")
        good = open(other, encoding="utf-8").read()
        ds.edit(other, "sop: RV01", "sop: RV01\nopened: [broken")
        broken = ds.wait_for(lambda: not ds.get_json(base + "/build.json").get("ok", True), 5)
        info = ds.get_json(base + "/build.json")
        check("a broken change is in build.json", broken and any("RV-02/index.md" in e for e in info.get("errors", [])),
              str(info))
        status, _, page = ds.get(base + "/cases/RV-02/")
        check("the last good page of a broken case is still served", status == 200 and "ระบบลงทะเบียนอบรม" in page)
        check("the error is in the log", "RV-02/index.md" in open(log, encoding="utf-8").read(), ds.tail(log))
        with open(other, "w", encoding="utf-8") as f:
            f.write(good)
        check("fixed, build.json says ok again", ds.wait_for(lambda: ds.get_json(base + "/build.json").get("ok"), 5))

        deploy_checks.check_rebuilds_under_load(checks, base, case, 20)
        deploy_git.check_hooks(checks, tmp, REPO, sopsite, content, base)
        deploy_git.check_rollover(checks, tmp, sopsite, REPO)
        deploy_git.check_serve_rollover(checks, tmp, sopsite, REPO)
        deploy_git.check_unit(checks, REPO, sopsite, tmp)
    finally:
        for p in processes:
            ds.stop(p)
        shutil.rmtree(tmp, ignore_errors=True)
    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(os.path.abspath(sys.argv[1])))
