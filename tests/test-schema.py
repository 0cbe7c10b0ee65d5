#!/usr/bin/env python3
# test-schema.py — the project file schema, the samples and the format
# reference agree
#
# Copyright 2026 The Borderline developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: python3 tests/test-schema.py SOURCE_ROOT
#
# Checks that data/project.schema.json is a valid JSON Schema (draft
# 2020-12), that every data/samples/*.borderline and the first ```json
# example of docs/project-format.md validate against it, that every date
# example of the reference matches the schema's date text, and that the
# schema rejects a set of invalid documents. Output is TAP.
#
# If the environment variable BORDERLINE names the borderline executable,
# the documented example is also given to `borderline --check`.
#
# Needs Python 3 and jsonschema (Debian: python3-jsonschema). Without
# jsonschema the test is skipped (exit 77), unless CI=true, where it fails.

import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77

try:
    import jsonschema
except ImportError:
    message = ("test-schema.py: the Python module jsonschema is not installed "
               "(Debian/Ubuntu: apt-get install python3-jsonschema)")
    if os.environ.get("CI") == "true":
        print("Bail out! " + message)
        sys.exit(1)
    print("1..0 # SKIP " + message)
    sys.exit(SKIP)


def strict_load(path):
    """Loads JSON as strictly as Borderline's reader does: no repeated
    members, no NaN or Infinity, no byte order mark."""

    def pairs(items):
        result = {}
        for key, value in items:
            if key in result:
                raise ValueError("member %r appears twice" % key)
            result[key] = value
        return result

    def constant(name):
        raise ValueError("%s is not JSON" % name)

    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("the file starts with a byte order mark")
    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs,
                      parse_constant=constant)


def doc_example(path):
    """Returns the text of the first ```json block of a Markdown file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"^```json[ \t]*\n(.*?)^```[ \t]*$", text, re.M | re.S)
    if match is None:
        raise ValueError("%s has no ```json block" % path)
    return match.group(1)


def doc_dates(path):
    """Returns the date texts in the first column of the date table of the
    reference: rows of the form | `TEXT` | ... under "Dates"."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    section = re.search(r"^## Dates.*?(?=^## )", text, re.M | re.S)
    if section is None:
        raise ValueError("%s has no \"## Dates\" section" % path)
    return re.findall(r"^\| `([^`]*)` +\|", section.group(0), re.M)


# A small valid project that the invalid documents below are made from.
BASE = {
    "format": "borderline",
    "version": 1,
    "actors": [{"id": "a1", "name": "Spokesperson", "kind": "state-official",
                "reliability": "B"}],
    "sources": [{"id": "s1", "name": "Daily", "url": "https://example.org/a",
                 "published": "2023-02-14", "reliability": "C"}],
    "topics": [{"id": "t1", "title": "Fighters", "unit": "fighters"}],
    "claims": [
        {"id": "c1", "statement": "There are 6,000.", "claimant": "a1",
         "source": "s1", "said-on": "2023-02-14", "about": "2021-08/..",
         "topic": "t1",
         "quantity": {"value": 6000, "qualifier": "at-least", "unit": "fighters"},
         "location": {"lat": 37.1, "lon": 70.6, "areas": ["AF-BDS"],
                      "precision": "settlement"},
         "credibility": 3, "tags": ["briefing"]},
        {"id": "c2", "statement": "There are several hundred.",
         "quantity": {"qualifier": "several-hundred"}, "stance": "qualifies",
         "relations": [{"type": "cites", "claim": "c1"}]},
    ],
    "annotations": [{"id": "n1", "kind": "arrow", "points": [[70, 37], [71, 38]],
                     "color": "#aa0000", "size": 2}],
    "views": [{"name": "North", "bbox": [66, 35, 75, 39], "from": "2021-08",
               "to": "2023-02", "clock": "about", "cumulative": True,
               "lanes": "source", "shown-from": "2021", "shown-to": "2023",
               "default": True}],
}


def claim(d, i=0):
    return d["claims"][i]


def setter(get, member, value):
    def change(d):
        get(d)[member] = value
    return change


def remover(get, member):
    def change(d):
        del get(d)[member]
    return change


INVALID = [
    ("latitude 95",
     setter(lambda d: claim(d)["location"], "lat", 95)),
    ("longitude -181",
     setter(lambda d: claim(d)["location"], "lon", -181)),
    ("unknown member in a claim",
     setter(claim, "colour", "red")),
    ("unknown top-level member",
     setter(lambda d: d, "author", "me")),
    ("claim without statement",
     remover(claim, "statement")),
    ("claim without id",
     remover(claim, "id")),
    ("date text 14/02/2023",
     setter(claim, "said-on", "14/02/2023")),
    ("date text 2023-2-14",
     setter(claim, "said-on", "2023-2-14")),
    ("date text 2023-13",
     setter(claim, "about", "2023-13")),
    ("date text ../..",
     setter(claim, "about", "../..")),
    ("area code Badakhshan",
     setter(lambda d: claim(d)["location"], "areas", ["Badakhshan"])),
    ("area code af-bds",
     setter(lambda d: claim(d)["location"], "areas", ["af-bds"])),
    ("version 2",
     setter(lambda d: d, "version", 2)),
    ("format Borderline",
     setter(lambda d: d, "format", "Borderline")),
    ("no version",
     remover(lambda d: d, "version")),
    ("credibility 7",
     setter(claim, "credibility", 7)),
    ("reliability G",
     setter(lambda d: d["actors"][0], "reliability", "G")),
    ("unknown stance",
     setter(claim, "stance", "rejects")),
    ("lat without lon",
     remover(lambda d: claim(d)["location"], "lon")),
    ("exact quantity without value",
     setter(claim, "quantity", {"unit": "fighters"})),
    ("vague quantity with a value",
     setter(lambda d: claim(d, 1)["quantity"], "value", 300)),
    ("quantity min without max",
     setter(lambda d: claim(d)["quantity"], "min", 6000)),
    ("empty id",
     setter(claim, "id", "")),
    ("id with a leading space",
     setter(claim, "id", " c1")),
    ("null title",
     setter(lambda d: d, "title", None)),
    ("relation without type",
     remover(lambda d: claim(d, 1)["relations"][0], "type")),
    ("ftp url",
     setter(lambda d: d["sources"][0], "url", "ftp://example.org/a")),
    ("colour red",
     setter(lambda d: d["annotations"][0], "color", "red")),
    ("arrow with one point",
     setter(lambda d: d["annotations"][0], "points", [[70, 37]])),
    ("position with three numbers",
     setter(lambda d: d["annotations"][0], "points", [[70, 37, 0], [71, 38]])),
    ("bbox with three numbers",
     setter(lambda d: d["views"][0], "bbox", [66, 35, 75])),
    ("lanes by stance",
     setter(lambda d: d["views"][0], "lanes", "stance")),
    ("cumulative as text",
     setter(lambda d: d["views"][0], "cumulative", "yes")),
    ("shown-from not a date",
     setter(lambda d: d["views"][0], "shown-from", "August")),
    ("default as a number",
     setter(lambda d: d["views"][0], "default", 1)),
]

BAD_DATES = ["2023-02-30", "0000", "000X", "2023 ", "2023~~", "~", "2023/2024/2025",
             "2023-02-14T00:00", "23", "202x"]


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0
        self.lines = []

    def ok(self, good, name, why=None):
        self.n += 1
        self.lines.append("%s %d - %s" % ("ok" if good else "not ok", self.n, name))
        if not good:
            self.failed += 1
            for line in str(why or "").splitlines():
                self.lines.append("# " + line)

    def finish(self):
        print("1..%d" % self.n)
        for line in self.lines:
            print(line)
        return 1 if self.failed else 0


def first_error(validator, instance):
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    e = errors[0]
    return "%s: %s" % (e.json_path, e.message[:300])


def main(argv):
    if len(argv) != 2:
        print("Usage: %s SOURCE_ROOT" % argv[0], file=sys.stderr)
        return 2

    root = argv[1]
    tap = Tap()
    schema_path = os.path.join(root, "data", "project.schema.json")
    doc_path = os.path.join(root, "docs", "project-format.md")

    try:
        schema = strict_load(schema_path)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        tap.ok(True, "schema is valid draft 2020-12")
    except Exception as e:  # noqa: BLE001 - report whatever went wrong
        tap.ok(False, "schema is valid draft 2020-12", e)
        return tap.finish()

    # The samples
    samples = sorted(glob.glob(os.path.join(root, "data", "samples", "*.borderline")))
    tap.ok(len(samples) > 0, "there are samples in data/samples")
    for path in samples:
        name = "sample %s validates" % os.path.basename(path)
        try:
            tap.ok(validator.is_valid(strict_load(path)), name,
                   first_error(validator, strict_load(path)))
        except Exception as e:  # noqa: BLE001
            tap.ok(False, name, e)

    # The example of the reference
    example = None
    try:
        example = doc_example(doc_path)
        document = json.loads(example)
        tap.ok(validator.is_valid(document), "the example in docs/project-format.md validates",
               first_error(validator, document))
    except Exception as e:  # noqa: BLE001
        tap.ok(False, "the example in docs/project-format.md validates", e)

    borderline = os.environ.get("BORDERLINE")
    if borderline and example is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".borderline", encoding="utf-8",
                                         delete=False) as f:
            f.write(example)
        try:
            result = subprocess.run([borderline, "--check", f.name], capture_output=True,
                                    text=True, timeout=60)
            tap.ok(result.returncode == 0 and ": ok" in result.stdout,
                   "borderline --check accepts the example",
                   result.stdout + result.stderr)
        finally:
            os.unlink(f.name)

    # The dates of the reference match the date text; some others do not
    date_schema = dict(schema["$defs"]["date"])
    date_schema["$schema"] = schema["$schema"]
    date_validator = jsonschema.Draft202012Validator(date_schema)
    try:
        dates = doc_dates(doc_path)
        tap.ok(len(dates) >= 6, "the reference lists date examples", dates)
        for text in dates:
            tap.ok(date_validator.is_valid(text), "date text %r is valid" % text)
    except Exception as e:  # noqa: BLE001
        tap.ok(False, "the reference lists date examples", e)
    for text in BAD_DATES:
        tap.ok(not date_validator.is_valid(text), "date text %r is rejected" % text)

    # A valid base, and invalid documents made from it
    tap.ok(validator.is_valid(BASE), "the base document validates", first_error(validator, BASE))
    for name, change in INVALID:
        document = copy.deepcopy(BASE)
        change(document)
        tap.ok(not validator.is_valid(document), "rejected: " + name)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
