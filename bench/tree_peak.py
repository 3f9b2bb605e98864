#!/usr/bin/env python3
"""Runs a command and prints the peak of the summed resident memory of it and every process
below it (sampled every 20 ms from /proc), in KB, on stderr as `tree peak: N KB`.
GNU time reports the largest single process only: a build that runs two Pagefinds beside
itself needs the sum.

Usage: tree_peak.py COMMAND [ARG...]     (exits with the command's status)
"""
import os
import subprocess
import sys
import time


def children_of():
    parents = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(pid))
    return parents


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss(root):
    parents, total, todo = children_of(), 0, [root]
    while todo:
        pid = todo.pop()
        total += rss_kb(pid)
        todo += parents.get(pid, [])
    return total


def main(argv):
    if not argv:
        sys.exit(__doc__)
    process = subprocess.Popen(argv)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.02)
    print(f"tree peak: {peak} KB", file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
