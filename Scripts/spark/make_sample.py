#!/usr/bin/env python3
"""Writes a small, deliberately awkward set of inputs for `rareshare`:
Reaxys-shaped substance and citation exports (XML) and OpenAlex works (JSON
Lines), several files of each, some gzip-compressed.

The data exercise every decision the pipeline takes across records and files,
so that `rareshare analyze` and `rareshare extract` + the Spark job can be
compared on them: the same registry number in several files and several times
in one file (with earlier, later and equal years), citation blocks without a
year or without an id, citation ids listed twice with different years, DOIs
written in different forms, works listed twice, works without DOI or year,
authors with no affiliation, with an unresolvable one, with a raw string only,
or with several countries, and formulas of every region (and none).

Usage: make_sample.py OUT_DIR [--seed N] [--substances N] [--files N]
Writes OUT_DIR/{substances,citations,works}/. Deterministic for a given seed.
"""
import argparse
import gzip
import json
import os
import random

FORMULAS = [
    "C6H6", "C<sub>12</sub>H<sub>22</sub>O<sub>11</sub>", "C2H3O2*Na", "C10H10Fe", "Cl3La",
    "C6H5Ce", "H2O", "Yb", "CoCl2", "C2H6O*0.5H2O", "C18H15P.Cl2Pd", "C3H9Y", "CO", "Co",
    "C24H20BNa", "Nd2O3", "C5H5N*C2HF3O2", "X", "C8H8O3", "C2H6Sn", "CsCl", "C16H36Eu", "O2Si",
    "C(x)H(2x)", "C6H12O6", "C12H8Br2", "D2O", "C4H4S", "ScCl3*6H2O", "C20H12GdN4",
]
GIVEN = ["Ann", "Bo", "Chen", "Dana", "Emil", "Femi"]
SURNAMES = ["Lee", "Wang", "Smith", "Müller", "Tanaka", "Rossi", "Garcia"]
COUNTRY_CODES = ["CN", "US", "DE", "JP", "GB", "FR", "IN", "KR", "IT", "ES", "CA", "RU", "BR", "CH", "HK", "TW"]
COUNTRY_NAMES = {
    "CN": "Peoples R China", "US": "USA", "DE": "Germany", "JP": "Japan", "GB": "England",
    "FR": "France", "IN": "India", "KR": "South Korea", "IT": "Italy", "ES": "Spain",
    "CA": "Canada", "RU": "Russia", "BR": "Brazil", "CH": "Switzerland", "HK": "Hong Kong", "TW": "Taiwan",
}


def opener(path):
    return gzip.open(path, "wt", encoding="utf-8") if path.endswith(".gz") else open(path, "w", encoding="utf-8")


def doi_forms(doi, rng):
    """The same DOI as different exports print it."""
    return rng.choice([doi, doi.upper(), "https://doi.org/" + doi, "doi:" + doi, "http://dx.doi.org/" + doi])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--substances", type=int, default=400, help="substance records in all (default 400)")
    ap.add_argument("--files", type=int, default=3, help="files of each kind (default 3)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n_subs = a.substances
    n_cits = max(10, n_subs // 2)
    files = max(1, a.files)
    for kind in ("substances", "citations", "works"):
        os.makedirs(os.path.join(a.out, kind), exist_ok=True)

    # Citations: id -> (year, doi); some ids listed again in a later file with other values.
    dois = ["10.%d/chem.%d" % (1000 + rng.randrange(50), i) for i in range(n_cits)]
    cits = []
    for i in range(n_cits):
        year = rng.choice([None] + list(range(1995, 2006)) * 6)
        doi = None if rng.random() < 0.08 else dois[rng.randrange(n_cits)] if rng.random() < 0.1 else dois[i]
        cits.append(("C%05d" % i, year, doi))
    chunks = [[] for _ in range(files)]
    for c in cits:
        chunks[rng.randrange(files)].append(c)
    for k in range(files):
        for c in rng.sample(cits, min(len(cits), max(1, n_cits // 20))):
            # A repeated id: the pipeline keeps whichever file is read first.
            chunks[k].append((c[0], rng.choice([c[1], 1990 + rng.randrange(20), None]), rng.choice([c[2], dois[rng.randrange(n_cits)]])))
        rng.shuffle(chunks[k])
    for k, chunk in enumerate(chunks):
        name = os.path.join(a.out, "citations", "citations-%02d.xml%s" % (k + 1, ".gz" if k == 1 else ""))
        with opener(name) as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<xf>\n<citations>\n')
            for cid, year, doi in chunk:
                f.write("<citation>\n  <CNR><CNR.CNR>%s</CNR.CNR></CNR>\n" % cid)
                if doi:
                    f.write("  <CIT><CIT.DOI>%s</CIT.DOI></CIT>\n" % doi_forms(doi, rng))
                if year is not None:
                    f.write("  <CIT><CIT.PY>%d</CIT.PY></CIT>\n" % year)
                elif rng.random() < 0.3:
                    f.write("  <CIT><CIT.PREPY>%d</CIT.PREPY></CIT>\n" % (1996 + rng.randrange(10)))
                f.write("</citation>\n")
            f.write("</citations>\n</xf>\n")

    # Works: one per DOI mostly, some twice (first read wins), some without DOI.
    works = []
    for i, doi in enumerate(dois):
        if rng.random() < 0.1:
            continue   # cited but never found
        works.append(make_work(rng, doi, i))
        if rng.random() < 0.08:
            works.append(make_work(rng, doi, i + 100000))
    for i in range(n_cits // 10):
        works.append(make_work(rng, None, i + 200000))
    rng.shuffle(works)
    # The same publication again without its DOI (another source id): a
    # publication run drops it when title, year and first author match a record read before.
    for w in rng.sample(works, max(1, len(works) // 15)):
        copy = json.loads(json.dumps(w))
        copy.pop("doi", None)
        copy["id"] = w["id"] + "-copy"
        works.insert(rng.randrange(len(works) + 1), copy)
    wchunks = [works[k::files] for k in range(files)]
    for k, chunk in enumerate(wchunks):
        name = os.path.join(a.out, "works", "works-%02d.jsonl%s" % (k + 1, ".gz" if k == 0 else ""))
        with opener(name) as f:
            for w in chunk:
                f.write(json.dumps(w, ensure_ascii=False) + "\n")

    # Substances: registry numbers drawn with repeats, within and across files.
    xrns = ["%d" % (100000 + i) for i in range(int(n_subs * 0.75))]
    schunks = [[] for _ in range(files)]
    ids = [c[0] for c in cits]
    for _ in range(n_subs):
        xrn = rng.choice(xrns)
        formula = None if rng.random() < 0.05 else rng.choice(FORMULAS)
        blocks = []
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            cid = rng.choice(ids) if rng.random() < 0.93 else "UNKNOWN%d" % rng.randrange(5)
            own = rng.choice([None, None, None, 1995 + rng.randrange(12)])
            blocks.append((None if rng.random() < 0.03 else cid, own))
        schunks[rng.randrange(files)].append((xrn, formula, blocks))
    for k, chunk in enumerate(schunks):
        name = os.path.join(a.out, "substances", "substances-%02d.xml%s" % (k + 1, ".gz" if k == 2 else ""))
        with opener(name) as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<xf>\n<substances>\n')
            for xrn, formula, blocks in chunk:
                f.write("<substance>\n  <IDE><IDE.XRN>%s</IDE.XRN>" % xrn)
                if formula is not None:
                    f.write("<IDE.MF>%s</IDE.MF>" % formula)
                f.write("</IDE>\n")
                for cid, year in blocks:
                    f.write("  <CIT>")
                    if cid is not None:
                        f.write("<CNR.CNR>%s</CNR.CNR>" % cid)
                    f.write("<CIT.PY>%s</CIT.PY>" % ("" if year is None else year))
                    f.write("</CIT>\n")
                f.write("</substance>\n")
            f.write("</substances>\n</xf>\n")


def make_work(rng, doi, i):
    authorships = []
    for p in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 6])):
        kind = rng.random()
        a = {"author_position": "first" if p == 0 else "middle", "author": {"display_name": "%s %s" % (rng.choice(GIVEN), rng.choice(SURNAMES))},
             "is_corresponding": p == 0}
        if kind < 0.55:
            ccs = [rng.choice(COUNTRY_CODES) for _ in range(rng.choice([1, 1, 1, 2]))]
            a["institutions"] = [{"id": "https://openalex.org/I%d" % rng.randrange(10 ** 6), "country_code": c} for c in ccs]
            a["raw_affiliation_strings"] = ["Institute %d, %s" % (j, COUNTRY_NAMES[c]) for j, c in enumerate(ccs)]
        elif kind < 0.8:
            a["institutions"] = []
            a["raw_affiliation_strings"] = ["Dept Chem, Univ %d, City, %s" % (rng.randrange(99), COUNTRY_NAMES[rng.choice(COUNTRY_CODES)])]
        elif kind < 0.9:
            a["institutions"] = []
            a["raw_affiliation_strings"] = ["Laboratory of Somewhere %d" % rng.randrange(5)]
        else:
            a["institutions"] = []
            a["raw_affiliation_strings"] = []
        authorships.append(a)
    w = {"id": "https://openalex.org/W%d" % (10 ** 7 + i), "publication_year": rng.choice([None] + list(range(1994, 2008)) * 4),
         "type": "article", "title": "Work %d" % (i % 100000), "authorships": authorships}
    if doi is not None:
        w["doi"] = doi_forms(doi, rng)
    return w


if __name__ == "__main__":
    main()
