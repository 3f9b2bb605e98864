#!/usr/bin/env python3
"""The search index in `sopsite serve` after one edit (issue 19): the CPU time serve and its
Pagefind children use from saving one case to the end of the re-indexing it causes, and the
wall time. Run beside a serve started with search on.

Usage: serve_search.py PID LOG CASE_FILE TIMEOUT
  PID        the serve process      LOG   its output (stdout and stderr)
  CASE_FILE  a case's index.md to edit (a line is added to its report)
Waits for serve's first "search index:" line (its first, whole index), then edits, waits for
the next one, and prints `CPU_S WALL_S INDEX_LINE`. The CPU is serve's own and its children's
once reaped (utime + stime + cutime + cstime of /proc/PID/stat): Pagefind runs as serve's child.
Exits 1 when a line does not come within TIMEOUT seconds.
"""
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # After the name: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
    return sum(int(fields[i - 3]) for i in (14, 15, 16, 17)) / TICKS


def index_lines(log):
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return []
    if "search was left out" in text:
        sys.exit("serve_search: serve has no Pagefind (search was left out)")
    return [line.strip() for line in text.splitlines() if "search index:" in line]


def wait_for_lines(log, count, timeout, pid):
    end = time.time() + timeout
    while time.time() < end:
        lines = index_lines(log)
        if len(lines) >= count:
            return lines
        if not os.path.exists(f"/proc/{pid}"):
            sys.exit(f"serve_search: serve ended; see {log}")
        time.sleep(0.05)
    sys.exit(f"serve_search: no search index line within {timeout} s; see {log}")


def main(pid, log, case_file, timeout):
    before = wait_for_lines(log, 1, timeout, pid)
    time.sleep(1)  # let the first run's last children be reaped
    cpu0, t0 = cpu_seconds(pid), time.time()
    with open(case_file, "a", encoding="utf-8") as f:
        f.write("\nบันทึกเพิ่มเติมเพื่อวัดเวลาทำดัชนีค้นหาใหม่\n")
    lines = wait_for_lines(log, len(before) + 1, timeout, pid)
    wall = time.time() - t0
    time.sleep(0.2)
    print(f"{cpu_seconds(pid) - cpu0:.2f} {wall:.2f} {lines[len(before)]}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]))
