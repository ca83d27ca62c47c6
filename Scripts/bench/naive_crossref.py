#!/usr/bin/env python3
"""Naive Crossref works JSON Lines country tally (standard library `json`), a
benchmark baseline: each author's first `affiliation[].name`, the year of
`issued` (else `published-print`). Usage: naive_crossref.py --out DIR FILE_OR_DIR…"""
import json

from naive_tally import main, resolve


def year(w):
    for field in ("issued", "published-print", "published-online"):
        parts = (w.get(field) or {}).get("date-parts") or [[None]]
        if parts[0] and parts[0][0]:
            return int(parts[0][0])
    return None


def read(path, tally):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                w = json.loads(line)
                countries = [resolve(((a.get("affiliation") or [{}])[0]).get("name")) for a in w.get("author") or []]
                tally.add(w.get("DOI"), None, year(w), countries)


if __name__ == "__main__":
    main(read, __doc__)
