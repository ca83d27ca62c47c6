#!/usr/bin/env python3
"""Naive Web of Science tab-delimited country tally (standard library `csv`),
a benchmark baseline: C1 holds every address, `; `-separated, with
`[Author; Author]` prefixes. Usage: naive_wos_tab.py --out DIR FILE_OR_DIR…"""
import csv
import re

from naive_tally import main, resolve, year_of


def read(path, tally):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            authors = [a.strip() for a in (row.get("AF") or row.get("AU") or "").split(";") if a.strip()]
            first, fallback = {}, None
            for names, address in re.findall(r"\[([^\]]*)\]\s*([^\[]*)", row.get("C1") or ""):
                for name in names.split(";"):
                    first.setdefault(name.strip(), address.strip().rstrip(";"))
            if not first and row.get("C1"):
                fallback = row["C1"].split("; ")[0]
            tally.add(row.get("DI"), row.get("UT"), year_of(row.get("PY")),
                      [resolve(first.get(a, fallback)) for a in authors])


if __name__ == "__main__":
    main(read, __doc__)
