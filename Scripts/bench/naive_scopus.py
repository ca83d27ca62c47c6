#!/usr/bin/env python3
"""Naive Scopus CSV country tally (standard library `csv`), a benchmark
baseline: `Authors with affiliations` lists `Name, Affiliation` entries
separated by `; `, and an author's first entry is their first affiliation.
Usage: naive_scopus.py --out DIR FILE_OR_DIR…"""
import csv

from naive_tally import main, resolve, year_of


def read(path, tally):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            first = {}
            for entry in (row.get("Authors with affiliations") or "").split("; "):
                name, _, affiliation = entry.partition(", ")
                first.setdefault(name.strip(), affiliation)
            tally.add(row.get("DOI"), row.get("EID"), year_of(row.get("Year")), [resolve(a) for a in first.values()])


if __name__ == "__main__":
    main(read, __doc__)
