#!/usr/bin/env python3
"""Writes a synthetic Reaxys substance + citation export and OpenAlex works
at a chosen scale, with realistic shapes: several citation blocks per
substance, formulas with <sub>/<sup> markup and salts, papers with one to
a dozen authors from one or several countries, raw affiliation strings,
duplicates across substance files.

Usage: generate.py OUTDIR --substances N [--files K] [--seed S]
Writes OUTDIR/substances/substances-NN.xml, OUTDIR/citations/citations.xml,
OUTDIR/works/works.jsonl.
"""
import argparse
import json
import os
import random

COUNTRIES = ["CN"] * 30 + ["US"] * 18 + ["JP"] * 7 + ["DE"] * 7 + ["IN"] * 7 + ["GB"] * 4 + ["FR"] * 4 + \
    ["KR"] * 4 + ["RU"] * 3 + ["ES"] * 2 + ["IT"] * 2 + ["CH"] * 2 + ["BR"] * 2 + ["CA"] * 2 + ["HK", "TW", "PL", "AU"]
CITY = {"CN": "Beijing, Peoples R China", "US": "Cambridge, MA 02139, USA", "JP": "Sendai, Miyagi 9808578, Japan",
        "DE": "Leipzig, Germany", "IN": "Mumbai 400076, India", "GB": "Oxford OX1 3TA, England",
        "FR": "Paris, France", "KR": "Seoul 08826, South Korea", "RU": "Moscow, Russia", "ES": "Madrid, Spain",
        "IT": "Milan, Italy", "CH": "Zurich, Switzerland", "BR": "Sao Paulo, Brazil", "CA": "Toronto, ON, Canada",
        "HK": "Kowloon, Hong Kong", "TW": "Taipei 10617, Taiwan", "PL": "Warsaw, Poland", "AU": "Sydney, NSW, Australia"}
ORGANIC = ["C", "H", "N", "O", "S", "F", "Cl", "Br", "P", "Si", "B", "I"]
METALS = ["Fe", "Co", "Ni", "Cu", "Zn", "Pd", "Pt", "Ru", "Rh", "Ir", "Ti", "Zr", "Sn", "Li", "Mg", "Al"]
REE = ["La", "Ce", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Er", "Yb", "Y", "Sc", "Lu"]


def formula(rng):
    kind = rng.random()
    atoms = ["C", "H"] + rng.sample(ORGANIC[2:], rng.randint(0, 4))
    if kind < 0.08:
        atoms.append(rng.choice(METALS))
    elif kind < 0.10:
        atoms.append(rng.choice(REE))
    elif kind < 0.13:
        atoms = rng.sample(["O", "Cl", "S", "N", "F"], 2) + [rng.choice(METALS + REE)]
    parts = []
    for a in sorted(set(atoms)):
        n = rng.randint(1, 40)
        parts.append(a + ("<sub>%d</sub>" % n if n > 1 else ""))
    text = "".join(parts)
    if rng.random() < 0.05:
        text += "*" + rng.choice(["H<sub>2</sub>O", "HCl", "Na", "0.5H<sub>2</sub>O"])
    if rng.random() < 0.02:
        text += "<sup>+</sup>"
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--substances", type=int, required=True)
    ap.add_argument("--files", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n_subs = args.substances
    n_cits = max(10, n_subs // 6)
    for d in ("substances", "citations", "works"):
        os.makedirs(os.path.join(args.out, d), exist_ok=True)

    years = {}
    with open(os.path.join(args.out, "citations", "citations.xml"), "w") as c, \
            open(os.path.join(args.out, "works", "works.jsonl"), "w") as w:
        c.write('<?xml version="1.0" encoding="UTF-8"?>\n<xf>\n <citations>\n')
        for i in range(n_cits):
            cnr = 10_000_000 + i
            year = rng.randint(1996, 2022)
            years[cnr] = year
            doi = "10.%d/bench.%d" % (1000 + i % 50, i)
            has_doi = rng.random() < 0.93
            c.write('  <citation index="%d">\n   <CNR.CNR>%d</CNR.CNR>\n   <CIT.DT>Article</CIT.DT>\n'
                    '   <CIT.AU>Author, A.; Author, B.</CIT.AU>\n   <CIT.PY>%d</CIT.PY>\n' % (i + 1, cnr, year))
            if has_doi:
                c.write("   <CIT.DOI>%s</CIT.DOI>\n" % (doi.upper() if i % 7 == 0 else doi))
            c.write("  </citation>\n")
            if not has_doi or rng.random() < 0.12:
                continue   # no bibliographic record for this one
            main_country = rng.choice(COUNTRIES)
            n_auth = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6, 8, 12])
            international = rng.random() < 0.15
            authorships = []
            for a in range(n_auth):
                cc = rng.choice(COUNTRIES) if international and a > 0 and rng.random() < 0.5 else main_country
                inst = {"id": "https://openalex.org/I%d" % rng.randint(1, 20000), "display_name": "University %s" % cc,
                        "ror": "https://ror.org/0%07d" % rng.randint(0, 9999999), "country_code": cc, "type": "education",
                        "lineage": ["https://openalex.org/I%d" % rng.randint(1, 20000)]}
                raw_only = rng.random() < 0.05
                authorships.append({
                    "author_position": "first" if a == 0 else ("last" if a == n_auth - 1 else "middle"),
                    "author": {"id": "https://openalex.org/A%d" % rng.randint(1, 10**9), "display_name": "Author %d" % a,
                               "orcid": None},
                    "institutions": [] if raw_only else [inst],
                    "countries": [] if raw_only else [cc],
                    "is_corresponding": a == n_auth - 1,
                    "raw_author_name": "Author %d" % a,
                    "raw_affiliation_strings": ["Department of Chemistry, University, %s" % CITY[cc]],
                    "affiliations": [{"raw_affiliation_string": "Department of Chemistry, University, %s" % CITY[cc],
                                      "institution_ids": [] if raw_only else [inst["id"]]}],
                })
            work = {"id": "https://openalex.org/W%d" % (100000 + i), "doi": "https://doi.org/" + doi,
                    "title": "Synthesis and \u00e9valuation of compound \u201c%d\u201d" % i,
                    "display_name": "Synthesis and evaluation of compound %d" % i,
                    "publication_year": year, "publication_date": "%d-03-01" % year, "type": "article",
                    "language": "en", "cited_by_count": rng.randint(0, 500),
                    "primary_location": {"is_oa": False, "landing_page_url": "https://doi.org/" + doi,
                                         "source": {"id": "https://openalex.org/S1", "display_name": "Journal of Chemistry",
                                                    "issn_l": "0000-0000", "type": "journal"}},
                    "authorships": authorships,
                    "concepts": [{"id": "https://openalex.org/C185592680", "display_name": "Chemistry", "level": 0,
                                  "score": 0.9}],
                    "abstract_inverted_index": {"We": [0], "report": [1], "a": [2, 7], "new": [3], "compound": [4],
                                                "with": [5], "remarkable": [6], "structure.": [8]},
                    "referenced_works": ["https://openalex.org/W%d" % rng.randint(1, 10**8) for _ in range(rng.randint(5, 40))]}
            w.write(json.dumps(work, ensure_ascii=False) + "\n")
        c.write(" </citations>\n</xf>\n")

    cnrs = list(years.keys())
    per_file = (n_subs + args.files - 1) // args.files
    xrn = 1_000_000
    for f in range(args.files):
        with open(os.path.join(args.out, "substances", "substances-%02d.xml" % (f + 1)), "w") as s:
            s.write('<?xml version="1.0" encoding="UTF-8"?>\n<xf>\n <substances>\n')
            for i in range(min(per_file, n_subs - f * per_file)):
                # About 1% of records repeat a registry number seen before (batches overlap).
                this = xrn - rng.randint(1, 1000) if (xrn > 1_001_000 and rng.random() < 0.01) else xrn
                xrn += 1
                s.write('  <substance index="%d">\n   <IDE>\n    <IDE.XRN highlight="true">%d</IDE.XRN>\n'
                        '    <IDE.MF>%s</IDE.MF>\n    <IDE.MW>%.2f</IDE.MW>\n   </IDE>\n'
                        % (i + 1, this, formula(rng), rng.uniform(50, 900)))
                for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
                    cnr = rng.choice(cnrs)
                    year = years[cnr] if rng.random() < 0.97 else None
                    s.write("   <CIT>\n    <CNR.CNR>%d</CNR.CNR>\n" % cnr)
                    if year is not None:
                        s.write("    <CIT.PY>%d</CIT.PY>\n" % year)
                    s.write("   </CIT>\n")
                s.write("  </substance>\n")
            s.write(" </substances>\n</xf>\n")


if __name__ == "__main__":
    main()
