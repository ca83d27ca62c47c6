#!/usr/bin/env python3
"""OpenAlex JSON Lines country tally with orjson (from PyPI), the parser a
data scientist would reach for; otherwise the same as naive_openalex.py.
Usage: orjson_openalex.py --out DIR FILE_OR_DIR…"""
import gzip

import orjson

from naive_openalex import author_country
from naive_tally import main


def read(path, tally):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        for line in fh:
            if line.strip():
                w = orjson.loads(line)
                tally.add(w.get("doi"), w.get("id"), w.get("publication_year"),
                          [author_country(a) for a in w.get("authorships") or []])


if __name__ == "__main__":
    main(read, __doc__)
