"""What check_deploy.py runs: nginx and sopsite as child processes on loopback, HTTP through
the standard library, and the closing line the CI reads."""
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request



class Checks:
    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def check(self, what, ok, detail=""):
        if ok:
            self.passed += 1
            print("PASS " + what, flush=True)
        else:
            self.failed += 1
            print("FAIL " + what + ((": " + str(detail)[:2000]) if detail else ""), flush=True)

    def finish(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed), flush=True)
        return 1 if self.failed else 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(tmp, port, root, repo):
    """nginx with deploy/nginx/sopsite.conf, only its port and paths changed, as a child."""
    site = open(os.path.join(repo, "deploy", "nginx", "sopsite.conf"), encoding="utf-8").read()
    site = site.replace("listen 80;", "listen 127.0.0.1:%d;" % port).replace("listen [::]:80;\n", "")
    site = site.replace("root /srv/sop/public;", "root %s;" % root)
    with open(os.path.join(tmp, "site.conf"), "w", encoding="utf-8") as f:
        f.write(site)
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write("""daemon off;
pid %(t)s/nginx.pid;
error_log %(t)s/nginx-error.log;
worker_processes 2;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path %(t)s/client;
    proxy_temp_path %(t)s/proxy;
    fastcgi_temp_path %(t)s/fastcgi;
    uwsgi_temp_path %(t)s/uwsgi;
    scgi_temp_path %(t)s/scgi;
    include %(t)s/site.conf;
}
""" % {"t": tmp})
    test = subprocess.run(["nginx", "-t", "-c", conf, "-p", tmp], capture_output=True, text=True)
    if test.returncode != 0:
        raise SystemExit("nginx -t failed:\n" + test.stderr)
    process = subprocess.Popen(["nginx", "-c", conf, "-p", tmp], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_for(lambda: get("http://127.0.0.1:%d/" % port)[0] in (200, 403, 404), 10):
        raise SystemExit("nginx did not answer on port %d" % port)
    return process


def unit_command(repo, sopsite, srv):
    """The systemd unit's ExecStart, with the binary, the themes and /srv/sop replaced."""
    unit = open(os.path.join(repo, "deploy", "systemd", "sopsite-publish.service"), encoding="utf-8").read()
    line = re.search(r"^ExecStart=(.*)$", unit, re.M).group(1)
    words = []
    for word in shlex.split(line):
        word = word.replace("/usr/local/bin/sopsite", sopsite)
        word = word.replace("/usr/local/share/sopsite/themes", os.path.join(repo, "themes"))
        words.append(word.replace("/srv/sop", srv))
    return words


def start(command, log, env, cwd):
    with open(log, "w") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, seconds):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if condition():
                return True
        except Exception:  # not up yet, or half written: try again
            pass
        time.sleep(0.05)
    return False


def get(url, method="GET"):
    """(status, headers, text) of one request; status 0 when the connection failed."""
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return 0, {}, ""


def get_json(url):
    status, _, text = get(url)
    return json.loads(text) if status == 200 else {}


def edit(path, old, new):
    text = open(path, encoding="utf-8").read()
    if old not in text:
        raise SystemExit("%s: %r not found" % (path, old))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def tail(path, lines=20):
    try:
        return "".join(open(path, encoding="utf-8").readlines()[-lines:])
    except OSError:
        return ""
