#!/usr/bin/env python3
"""The OpenAlex author-weighted country table computed by DuckDB (from PyPI)
reading JSON Lines with an explicit three-column schema (doi,
publication_year, authorships[].institutions[].country_code): what a data
scientist would run instead of RareShare. Each author counts with the country
of their first institution; authors without one are left out. It does no
de-duplication and no resolution of raw affiliation strings (RareShare does
both), so it does less work than RareShare.
Usage: duckdb_openalex.py --threads N --out DIR FILE_OR_DIR…"""
import argparse
import os

import duckdb

from naive_tally import files

QUERY = """
WITH w AS (
    SELECT publication_year AS year,
           list_filter(list_transform(authorships, lambda a: a.institutions[1].country_code), lambda c: c IS NOT NULL) AS cs
    FROM read_json(?, format = 'newline_delimited', compression = 'auto',
                   columns = {'doi': 'VARCHAR', 'publication_year': 'INTEGER',
                              'authorships': 'STRUCT(institutions STRUCT(country_code VARCHAR)[])[]'})
), u AS (SELECT year, unnest(cs) AS c, 1.0 / len(cs) AS weight FROM w WHERE len(cs) > 0 AND year IS NOT NULL)
SELECT c, year, sum(weight) FROM u GROUP BY c, year ORDER BY c, year
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    con = duckdb.connect()
    con.execute("SET threads = %d" % a.threads)
    rows = con.execute(QUERY, [files(a.inputs)]).fetchall()
    cells = {(c, y): v for c, y, v in rows}
    years = sorted({y for _, y in cells})
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "Country_weighted_publications.tsv"), "w") as fh:
        fh.write("\t" + "\t".join(map(str, years)) + "\n")
        for c in sorted({c for c, _ in cells}):
            fh.write(c + "\t" + "\t".join(repr(float(cells[(c, y)])) if (c, y) in cells else "" for y in years) + "\n")


if __name__ == "__main__":
    main()
