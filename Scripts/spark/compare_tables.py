#!/usr/bin/env python3
"""Compares the tables the Spark job wrote with those `rareshare analyze` wrote.

    compare_tables.py LABEL ANALYZE_DIR SPARK_DIR

Every table the job writes must exist in both folders with the same header
(years), the same row keys in the same order and the same cells: counts
exactly, fractional weights (Country_weighted_*) to 1e-9. Two weighted rows
may only trade places when their totals are equal to 1e-9, since the job sums
in another order than Swift and an exact tie can come out either way.
Prints one line per table, `ok LABEL/NAME` or `FAIL LABEL/NAME: why`.
Exit status: 0 when every table matches.
"""
import os
import sys

TOLERANCE = 1e-9
SUBSTANCE_TABLES = (
    ["Country_weighted_%s.tsv" % s for s in ("allSubs", "organic", "organoMetallic", "raras")]
    + ["Absolute_collab_%s.tsv" % s for s in ("allSubs", "Organic", "organoMetallic", "raras")]
    + ["%s_%s_byYear.tsv" % (stem, kind) for stem in ("organometallics", "raras") for kind in ("compositions", "elements")]
    + ["Figure2a.tsv", "Coverage.tsv"])
PUBLICATION_TABLES = ["Country_weighted_allSubs.tsv", "Absolute_collab_allSubs.tsv", "Figure2a.tsv", "Coverage.tsv"]


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = lines[0].split("\t") if lines else []
    rows = [(cells[0], cells[1:]) for cells in (line.split("\t") for line in lines[1:])]
    return header, rows


def close(a, b):
    if a == b:
        return True
    if a == "" or b == "":
        # An empty cell is zero; a sum of weights cannot round to one.
        return False
    x, y = float(a), float(b)
    return abs(x - y) <= TOLERANCE * max(1.0, abs(x), abs(y))


def compare(name, left, right):
    lh, lrows = parse(left)
    rh, rrows = parse(right)
    if lh != rh:
        return "header differs: %r vs %r" % (lh[:4], rh[:4])
    weighted = name.startswith("Country_weighted_")
    lkeys, rkeys = [k for k, _ in lrows], [k for k, _ in rrows]
    if sorted(lkeys) != sorted(rkeys):
        only_l = sorted(set(lkeys) - set(rkeys))[:5]
        only_r = sorted(set(rkeys) - set(lkeys))[:5]
        return "row keys differ (only in analyze: %s; only in spark: %s)" % (only_l, only_r)
    lmap, rmap = dict(lrows), dict(rrows)
    for key in lkeys:
        lc, rc = lmap[key], rmap[key]
        if len(lc) != len(rc):
            return "row %s: %d vs %d cells" % (key, len(lc), len(rc))
        for i, (a, b) in enumerate(zip(lc, rc)):
            if not (close(a, b) if weighted else a == b):
                return "row %s, %s: analyze %r, spark %r" % (key, lh[i + 1], a, b)
    if lkeys != rkeys:
        if not weighted:
            return "row order differs (first at %s vs %s)" % next((a, b) for a, b in zip(lkeys, rkeys) if a != b)
        total = {k: sum(float(c) for c in cells if c) for k, cells in lrows}
        for a, b in zip(lkeys, rkeys):
            if a != b and abs(total[a] - total[b]) > TOLERANCE * max(1.0, abs(total[a])):
                return "row order differs: %s (total %r) vs %s (total %r)" % (a, total[a], b, total[b])
    return None


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 64
    label, left_dir, right_dir = argv
    tables = SUBSTANCE_TABLES if os.path.exists(os.path.join(left_dir, "substances_without_year.txt")) else PUBLICATION_TABLES
    failed = 0
    for name in tables:
        left, right = os.path.join(left_dir, name), os.path.join(right_dir, name)
        if not os.path.exists(left):
            why = "analyze wrote no such table"
        elif not os.path.exists(right):
            why = "the Spark job wrote no such table"
        else:
            why = compare(name, left, right)
        if why:
            failed += 1
            print("FAIL %s/%s: %s" % (label, name, why))
        else:
            print("ok %s/%s" % (label, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
