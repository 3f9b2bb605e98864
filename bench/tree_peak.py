#!/usr/bin/env python3
"""Runs a command and prints the peak of the summed resident memory of it and every process
below it (sampled every 50 ms from /proc), in KB, on stderr as `tree peak: N KB`.
GNU time reports the largest single process only: a build that runs two Pagefinds beside
itself needs the sum.

Usage: tree_peak.py COMMAND [ARG...]     (exits with the command's status)
"""
import os
import subprocess
import sys
import time


def children(pid):
    """The processes started by `pid`, from each of its threads' `children` file: only the
    tree is read, since scanning all of /proc every 20 ms took a fifth of a core, which the
    measured build then lacked."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(child) for child in f.read().split()]
        except (OSError, ValueError):
            continue
    return found


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
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss_kb(pid)
        todo += children(pid)
    return total


def main(argv):
    if not argv:
        sys.exit(__doc__)
    process = subprocess.Popen(argv)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.05)
    print(f"tree peak: {peak} KB", file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
