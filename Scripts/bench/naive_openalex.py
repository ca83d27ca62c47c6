#!/usr/bin/env python3
"""Naive OpenAlex JSON Lines country tally (standard library `json`), a
benchmark baseline. Usage: naive_openalex.py --out DIR FILE_OR_DIR…"""
import gzip
import json

from naive_tally import main, resolve


def author_country(a):
    insts = {i.get("id"): i.get("country_code") for i in a.get("institutions") or []}
    if a.get("affiliations"):
        first = a["affiliations"][0]
        code = next((insts.get(i) for i in first.get("institution_ids") or [] if insts.get(i)), None)
        return code or resolve(first.get("raw_affiliation_string"))
    if a.get("institutions"):
        return a["institutions"][0].get("country_code")
    raws = a.get("raw_affiliation_strings") or []
    return resolve(raws[0]) if raws else None


def read(path, tally):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                w = json.loads(line)
                tally.add(w.get("doi"), w.get("id"), w.get("publication_year"),
                          [author_country(a) for a in w.get("authorships") or []])


if __name__ == "__main__":
    main(read, __doc__)
