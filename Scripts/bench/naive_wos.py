#!/usr/bin/env python3
"""Naive Web of Science plain-text country tally (standard library only), a
benchmark baseline: tags in the first two columns, continuation lines indented,
`ER` ends a record; C1 `[Author; Author] Address` lines give each author's
first address, an unbracketed first C1 line stands for every author.
Usage: naive_wos.py --out DIR FILE_OR_DIR…"""
from naive_tally import main, resolve, year_of


def finish(rec, tally):
    authors = rec.get("AF") or rec.get("AU") or []
    first = {}
    fallback = None
    for line in rec.get("C1", []):
        if line.startswith("[") and "]" in line:
            names, address = line[1:].split("]", 1)
            for name in names.split(";"):
                first.setdefault(name.strip(), address.strip())
        elif fallback is None:
            fallback = line
    countries = [resolve(first.get(a.strip(), fallback)) for a in authors]
    tally.add((rec.get("DI") or [None])[0], (rec.get("UT") or [None])[0], year_of((rec.get("PY") or [""])[0]), countries)


def read(path, tally):
    rec, tag = {}, None
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if line.startswith("   "):
                if tag:
                    rec[tag].append(line[3:])
                continue
            tag = line[:2]
            if tag == "ER":
                finish(rec, tally)
                rec, tag = {}, None
            elif tag.strip():
                rec.setdefault(tag, []).append(line[3:])


if __name__ == "__main__":
    main(read, __doc__)
