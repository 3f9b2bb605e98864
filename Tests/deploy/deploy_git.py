"""The content repository's hooks, the day's rollover with a test clock, and the unit file."""
import json
import os
import shutil
import subprocess
import tempfile

import deploy_support as ds


def git(*args, cwd, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)


def check_hooks(checks, tmp, repo, sopsite, content, base):
    """A bare repository with deploy/git's hooks; the published content is the folder the
    running `publish` watches. A good push shows through nginx; a broken one is refused."""
    bare, work = os.path.join(tmp, "content.git"), os.path.join(tmp, "work")
    git("init", "--bare", "-q", "-b", "main", bare, cwd=tmp)
    for hook in ("pre-receive", "post-receive"):
        shutil.copy(os.path.join(repo, "deploy", "git", hook), os.path.join(bare, "hooks", hook))
    env = dict(os.environ, SOPSITE=sopsite, SOPSITE_THEMES=os.path.join(repo, "themes"), SOPSITE_CONTENT=content,
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid")
    env.pop("SOPSITE_TEST_NOW", None)
    git("clone", "-q", bare, work, cwd=tmp, env=env)
    git("checkout", "-q", "-b", "main", cwd=work, env=env)
    for name in os.listdir(content):
        source = os.path.join(content, name)
        if name.startswith("."):
            continue
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(work, name))
    ds.edit(os.path.join(work, "cases", "RV-04", "index.md"), "title: ระบบแจ้งซ่อม", "title: ระบบแจ้งซ่อมผ่านเว็บ")
    git("add", "-A", cwd=work, env=env)
    git("commit", "-q", "-m", "good", cwd=work, env=env)
    pushed = git("push", "-q", "origin", "main", cwd=work, env=env)
    checks.check("a push of good content is accepted", pushed.returncode == 0, pushed.stderr)
    shown = ds.wait_for(lambda: "ระบบแจ้งซ่อมผ่านเว็บ" in ds.get(base + "/cases/RV-04/")[2], 5)
    checks.check("a push of good content is published", shown)
    head = git("rev-parse", "HEAD", cwd=work).stdout.strip()
    checks.check("build.json names the pushed commit",
                 ds.wait_for(lambda: ds.get_json(base + "/build.json").get("commit") == head, 5),
                 ds.get_json(base + "/build.json"))

    page = ds.get(base + "/cases/RV-04/")[2]
    ds.edit(os.path.join(work, "cases", "RV-04", "index.md"), "sop: RV01", "sop: RV09")
    git("commit", "-qam", "broken", cwd=work, env=env)
    refused = git("push", "-q", "origin", "main", cwd=work, env=env)
    checks.check("a push of broken content is refused", refused.returncode != 0, refused.stderr)
    checks.check("the pusher sees the error with its position, as in the repository",
                 "cases/RV-04/index.md:4:6: error: unknown SOP 'RV09'" in refused.stderr, refused.stderr)
    remote = [line for line in refused.stderr.splitlines() if line.startswith("remote:")]
    checks.check("the pusher's errors name no temporary folder", remote and not any(tmp in line or "/tmp/" in line for line in remote),
                 remote)
    checks.check("a refused push leaves the repository's branch as it was",
                 git("rev-parse", "main", cwd=bare).stdout.strip() == head)
    checks.check("a refused push leaves what is published as it was", ds.get(base + "/cases/RV-04/")[2] == page)


def start_before_midnight(tmp, name, sopsite, repo, command):
    """`sopsite COMMAND` on a copy of rounds-site, its clock three seconds before midnight on
    23 March, the day RV-01's second pass of step 3 is due: (process, folder, log)."""
    folder = os.path.join(tmp, name)
    shutil.copytree(os.path.join(repo, "Tests", "SopsiteKitTests", "Fixtures", "rounds-site"), os.path.join(folder, "content"))
    log = os.path.join(folder, name + ".log")
    env = dict(os.environ, SOPSITE_TEST_NOW="2026-03-23T23:59:57")
    process = ds.start([sopsite, *command, "--no-search", "--content", os.path.join(folder, "content"), "--themes-dir",
                        os.path.join(repo, "themes"), "--output", os.path.join(folder, "public")], log, env, cwd=folder)
    return process, folder, log


def check_turns_overdue(checks, what, state, log):
    """RV-01 in progress before midnight, overdue after it, with no change to the content."""
    def rv01():
        return next(c["state"] for c in state()["cases"] if c["id"] == "RV-01")
    checks.check(what + ": before midnight RV-01 is in progress", ds.wait_for(lambda: rv01() == "in-progress", 10),
                 ds.tail(log))
    checks.check(what + ": after midnight RV-01 is overdue in status.json", ds.wait_for(lambda: rv01() == "overdue", 15),
                 ds.tail(log))


def check_rollover(checks, tmp, sopsite, repo):
    """publish, started the evening before RV-01's due date: the case turns overdue in
    status.json and on its page once the clock passes midnight, and the log says so."""
    process, folder, log = start_before_midnight(tmp, "publish", sopsite, repo, ["publish"])
    root = os.path.join(folder, "public")
    try:
        def state():
            with open(os.path.join(root, "status.json"), encoding="utf-8") as f:
                return json.load(f)
        check_turns_overdue(checks, "publish", state, log)
        # The new day's files are written one after another: status.json may land before the
        # case's page, so the page is waited for as status.json was (a CI run read it between).
        def page():
            return open(os.path.join(root, "cases", "RV-01", "index.html"), encoding="utf-8").read()
        checks.check("and on its page", ds.wait_for(lambda: "state state-overdue" in page(), 5), ds.tail(log))
        checks.check("the log says the portal moved to the new day", "2026-03-24" in open(log, encoding="utf-8").read(),
                     ds.tail(log))
    finally:
        ds.stop(process)


def check_serve_rollover(checks, tmp, sopsite, repo):
    """`serve` turns the day the same way: its status.json, as served, shows RV-01 overdue."""
    port = ds.free_port()
    process, _, log = start_before_midnight(tmp, "serve", sopsite, repo, ["serve", "--port", str(port)])
    try:
        check_turns_overdue(checks, "serve", lambda: ds.get_json("http://127.0.0.1:%d/status.json" % port), log)
    finally:
        ds.stop(process)


def check_unit(checks, repo, sopsite, tmp):
    """The unit passes `systemd-analyze verify` (where systemd's tools run: they do here, without
    systemd as init), with its binary path pointed at the built one."""
    unit = open(os.path.join(repo, "deploy", "systemd", "sopsite-publish.service"), encoding="utf-8").read()
    folder = tempfile.mkdtemp(dir=tmp)
    path = os.path.join(folder, "sopsite-publish.service")
    with open(path, "w", encoding="utf-8") as f:
        f.write(unit.replace("/usr/local/bin/sopsite", sopsite))
    if not shutil.which("systemd-analyze"):
        checks.check("systemd-analyze is installed", False, "apt-get install systemd")
        return
    verify = subprocess.run(["systemd-analyze", "verify", path], capture_output=True, text=True)
    checks.check("the unit passes systemd-analyze verify", verify.returncode == 0 and not verify.stderr.strip(),
                 verify.stderr)
