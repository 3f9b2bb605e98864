#!/usr/bin/env python3
"""Checks the files other systems read: status.json against its JSON Schema
(docs/status.schema.json), the Atom feed and every badge as XML.

Usage: check_machine_files.py PUBLIC_DIR SCHEMA
Prints one line per check and closes with "check_machine_files: N passed, M failed".
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

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

    return checks.finish()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
