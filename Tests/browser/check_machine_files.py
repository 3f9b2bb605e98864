#!/usr/bin/env python3
"""Checks the files other systems read: status.json against its JSON Schema
(docs/status.schema.json), the Atom feed and every badge as XML, and the due-date calendars
(calendar.ics and units/*/calendar.ics) read by a real iCalendar parser (PyPI's icalendar):
every open case's due date from status.json is an all-day event of the whole feed and of its
unit's, and the units' feeds together are the whole one.

Usage: check_machine_files.py PUBLIC_DIR SCHEMA
Prints one line per check and closes with "check_machine_files: N passed, M failed".
"""
import datetime
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

import icalendar

import jsonschema

import sitecheck

ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"


def main(public, schema_path):
    checks = sitecheck.Checks("check_machine_files")
    check = checks.check

    with open(os.path.join(public, "status.json"), encoding="utf-8") as f:
        status = json.load(f)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(status), key=lambda e: list(e.path))
    check("status.json matches its schema", not errors,
          "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
    ids = [c["id"] for c in status.get("cases", [])]
    check("status.json lists cases in id order", ids == sorted(ids), str(ids))
    pages = sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(public, "cases", "*", "index.html")))
    check("status.json lists every case page", ids == pages, f"json {ids} pages {pages}")

    feed = ET.parse(os.path.join(public, "feed.xml")).getroot()
    check("feed.xml is an Atom feed", feed.tag == ATOM + "feed", feed.tag)
    entries = feed.findall(ATOM + "entry")
    check("feed.xml has entries with title, id, updated and link", bool(entries) and all(
        e.find(ATOM + t) is not None for e in entries for t in ("title", "id", "updated", "link")), f"{len(entries)} entries")
    entry_ids = [e.find(ATOM + "id").text for e in entries]
    check("feed entry ids are unique", len(entry_ids) == len(set(entry_ids)))

    badges = sorted(glob.glob(os.path.join(public, "cases", "*", "badge.svg")))
    bad = []
    for path in badges:
        root = ET.parse(path).getroot()
        if root.tag != SVG + "svg" or root.find(SVG + "title") is None:
            bad.append(path)
    check("every case has a badge that is SVG with a title", len(badges) == len(pages) and not bad,
          f"{len(badges)} badges, bad: {bad}")

    check_calendars(checks, public, status)
    return checks.finish()


def read_calendar(checks, path):
    """The feed's events as (uid, start, end, summary), or None when the parser refuses it."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except ValueError as e:
        checks.check(f"{path} is iCalendar", False, str(e))
        return None
    events = [(str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"]))
              for e in calendar.walk("VEVENT")]
    checks.check(f"{os.path.relpath(path, os.path.dirname(os.path.dirname(path)))}: iCalendar 2.0, CRLF, all-day events",
                 calendar.get("VERSION") == "2.0" and b"\n" not in raw.replace(b"\r\n", b"")
                 and all(type(s) is datetime.date and e == s + datetime.timedelta(days=1) for _, s, e, _ in events)
                 and len({u for u, _, _, _ in events}) == len(events), f"{len(events)} events")
    return events


def check_calendars(checks, public, status):
    whole = read_calendar(checks, os.path.join(public, "calendar.ics"))
    units = sorted(glob.glob(os.path.join(public, "units", "*", "calendar.ics")))
    by_unit = {path: read_calendar(checks, path) for path in units}
    if whole is None or None in by_unit.values():
        return
    starts = {uid.split("-step-")[0]: [] for uid, _, _, _ in whole}
    for uid, start, _, _ in whole:
        starts[uid.split("-step-")[0]].append(start.isoformat())
    open_cases = [c for c in status["cases"] if c["state"] in ("in-progress", "overdue") and c.get("due")]
    missing = [c["id"] for c in open_cases if c["due"][:10] not in starts.get(c["id"], [])]
    checks.check("calendar.ics has every open case's due date (status.json)", open_cases and not missing, f"missing {missing}")
    closed = [c["id"] for c in status["cases"] if c["state"] not in ("in-progress", "overdue") and c["id"] in starts]
    checks.check("calendar.ics has no closed case", not closed, f"{closed}")
    units_of = {c["unit"] for c in status["cases"]}
    checks.check("every unit with a case has its calendar", len(units) == len(units_of), f"{len(units)} feeds, {len(units_of)} units")
    together = sorted(e for events in by_unit.values() for e in events)
    checks.check("the units' calendars together are calendar.ics", together == sorted(whole))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
