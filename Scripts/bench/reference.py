#!/usr/bin/env python3
"""A plain-Python reference of RareShare's substance pipeline (standard
library only), for the benchmark: it reads the same Reaxys substance and
citation XML and OpenAlex JSON Lines, computes the paper's raw tables, and
can compare them with the tables `rareshare analyze` wrote.

Usage:
  reference.py --substances DIR --citations DIR --works DIR --out OUTDIR
  reference.py --compare OUTDIR RARESHARE_OUTDIR
"""
import argparse
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

METALS = set("Li Be Na Mg Al K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Cs Ba "
             "La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po Ra Ac Th Pa U Np "
             "Pu Am Cm Bk Cf Es At Fr Fm Md No Lr".split())
REE = set("Sc Y La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu".split())
ELEMENTS = set("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr "
               "Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb "
               "Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf "
               "Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og".split())
NAMES = {"peoples r china": "CN", "china": "CN", "usa": "US", "united states": "US", "japan": "JP",
         "germany": "DE", "india": "IN", "england": "GB", "united kingdom": "GB", "france": "FR",
         "south korea": "KR", "russia": "RU", "spain": "ES", "italy": "IT", "switzerland": "CH", "brazil": "BR",
         "canada": "CA", "hong kong": "HK", "taiwan": "TW", "poland": "PL", "australia": "AU"}
REGIONS = [("all", "allSubs", "allSubs", "All substances"), ("organic", "organic", "Organic", "Organic chemicals"),
           ("organometallic", "organoMetallic", "organoMetallic", "Organometallics"),
           ("rare-earth", "raras", "raras", "Rare-earth chemicals")]


def normalize_doi(raw):
    s = raw.strip().lower()
    for p in ("https://dx.doi.org/", "http://dx.doi.org/", "https://doi.org/", "http://doi.org/", "dx.doi.org/",
              "doi.org/", "doi:", "doi "):
        if s.startswith(p):
            s = s[len(p):].strip()
    s = s.rstrip(" .,;")
    return s if s.startswith("10.") and "/" in s[:-1] else None


def year_of(text):
    m = re.match(r"\s*(\d{4})(?!\d)", text or "")
    return int(m.group(1)) if m and 1600 <= int(m.group(1)) <= 2100 else None


def resolve(raw):
    for part in reversed(raw.split(",")):
        code = NAMES.get(part.strip().lower())
        if code:
            return code
    return None


def components(formula):
    text = re.sub(r"<[^>]*>", "", formula)
    text = re.sub(r"(?<=\d)\.(?=\d)", "", text)
    out = []
    for comp in re.split(r"[*.]", text):
        syms = []
        for m in re.finditer(r"([A-Z])([a-z]?)", comp):
            s = m.group(1) + m.group(2)
            if s not in ELEMENTS and m.group(2) and m.group(1) in ELEMENTS:
                s = m.group(1)
            if s in ("D", "T"):
                s = "H"
            if s in ELEMENTS and s not in syms:
                syms.append(s)
        if syms:
            out.append(syms)
    return out


def regions_of(formula):
    r = {"all"}
    if formula is None:
        return r
    for c in components(formula):
        if "C" in c:
            r.add("organic")
            if any(e in METALS for e in c):
                r.add("organometallic")
        if any(e in REE for e in c):
            r.add("rare-earth")
    return r


def files(path):
    return sorted(glob.glob(os.path.join(path, "*"))) if os.path.isdir(path) else [path]


def run(args):
    citations = {}
    for f in files(args.citations):
        for _, el in ET.iterparse(f):
            if el.tag != "citation":
                continue
            cid = (el.findtext(".//CNR.CNR") or "").strip()
            if cid and cid not in citations:
                doi = el.findtext(".//CIT.DOI")
                citations[cid] = (year_of(el.findtext(".//CIT.PY")) or year_of(el.findtext(".//CIT.PREPY")),
                                  normalize_doi(doi) if doi else None)
            el.clear()
    needed = {d for _, d in citations.values() if d}

    works = {}
    for f in files(args.works):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                w = json.loads(line)
                doi = normalize_doi(w.get("doi") or "") if w.get("doi") else None
                if doi is None or doi not in needed or doi in works:
                    continue
                countries = []
                for a in w.get("authorships") or []:
                    insts = {i.get("id"): i.get("country_code") for i in a.get("institutions") or []}
                    code = None
                    if a.get("affiliations"):
                        first = a["affiliations"][0]
                        ids = first.get("institution_ids") or []
                        code = next((insts.get(i) for i in ids if insts.get(i)), None)
                        if code is None and first.get("raw_affiliation_string"):
                            code = resolve(first["raw_affiliation_string"])
                    elif a.get("institutions"):
                        code = a["institutions"][0].get("country_code")
                    elif a.get("raw_affiliation_strings"):
                        code = resolve(a["raw_affiliation_strings"][0])
                    if code:
                        countries.append(code)
                works[doi] = countries

    firsts = {}
    order = []
    for f in files(args.substances):
        for _, el in ET.iterparse(f):
            if el.tag != "substance":
                continue
            xrn = (el.findtext(".//IDE.XRN") or "").strip()
            mf_el = el.find(".//IDE.MF")
            mf = "".join(mf_el.itertext()).strip() if mf_el is not None else None
            blocks = []
            has_id = has_year = False
            for node in el.iter():
                if node.tag == "CNR.CNR":
                    cid = (node.text or "").strip() or None
                    if blocks and not has_id:
                        blocks[-1][0] = cid
                    else:
                        blocks.append([cid, None])
                        has_year = False
                    has_id = True
                elif node.tag == "CIT.PY":
                    y = year_of(node.text) if (node.text or "").strip() else None
                    if blocks and not has_year:
                        blocks[-1][1] = y
                    else:
                        blocks.append([None, y])
                        has_id = False
                    has_year = True
            el.clear()
            if not xrn:
                continue
            best_year, best_cit = None, None
            for cid, y in blocks:
                if y is None and cid in citations:
                    y = citations[cid][0]
                if y is None:
                    if best_year is None and best_cit is None:
                        best_cit = cid
                    continue
                if best_year is None or y < best_year:
                    best_year, best_cit = y, cid
            if xrn in firsts:
                old = firsts[xrn]
                if best_year is not None and (old[0] is None or best_year < old[0]):
                    firsts[xrn] = (best_year, best_cit, old[2] if old[2] is not None else mf)
            else:
                firsts[xrn] = (best_year, best_cit, mf)
                order.append(xrn)

    weights = {r[0]: {} for r in REGIONS}
    sets = {r[0]: {} for r in REGIONS}
    totals = {r[0]: {} for r in REGIONS}
    for xrn in order:
        year, cid, mf = firsts[xrn]
        if year is None:
            continue
        doi = citations.get(cid, (None, None))[1] if cid else None
        countries = works.get(doi) if doi else None
        for region in regions_of(mf):
            totals[region][year] = totals[region].get(year, 0) + 1
            if countries:
                n = len(countries)
                for c in sorted(set(countries)):
                    key = (c, year)
                    weights[region][key] = weights[region].get(key, 0.0) + countries.count(c) / n
                k = (",".join(sorted(set(countries))), year)
                sets[region][k] = sets[region].get(k, 0) + 1

    os.makedirs(args.out, exist_ok=True)
    years = sorted({y for t in totals.values() for y in t})
    years = list(range(years[0], years[-1] + 1)) if years else []
    for region, wsuffix, csuffix, _ in REGIONS:
        write_table(os.path.join(args.out, "Country_weighted_%s.tsv" % wsuffix), weights[region], years)
        write_table(os.path.join(args.out, "Absolute_collab_%s.tsv" % csuffix), sets[region], years)
    with open(os.path.join(args.out, "Figure2a.tsv"), "w") as fh:
        fh.write("\t" + "\t".join(map(str, years)) + "\n")
        for region, _, _, label in REGIONS:
            fh.write(label + "\t" + "\t".join(str(totals[region].get(y, 0)) for y in years) + "\n")


def write_table(path, cells, years):
    keys = sorted({k for k, _ in cells})
    with open(path, "w") as fh:
        fh.write("\t" + "\t".join(map(str, years)) + "\n")
        for k in keys:
            fh.write(k + "\t" + "\t".join(repr(cells[(k, y)]) if (k, y) in cells else "" for y in years) + "\n")


def read_table(path):
    with open(path) as fh:
        lines = fh.read().rstrip("\n").split("\n")
    years = lines[0].split("\t")[1:]
    out = {}
    for line in lines[1:]:
        cells = line.split("\t")
        for y, v in zip(years, cells[1:]):
            if v:
                out[(cells[0], y)] = float(v)
    return out


def compare(ours, theirs):
    bad = 0
    names = sorted(n for n in os.listdir(ours) if n.endswith(".tsv"))
    for name in names:
        a, b = read_table(os.path.join(ours, name)), read_table(os.path.join(theirs, name))
        for k in set(a) | set(b):
            x, y = a.get(k, 0.0), b.get(k, 0.0)
            if abs(x - y) > 1e-9 * max(1.0, abs(x)):
                bad += 1
                if bad <= 10:
                    print("mismatch %s %s: reference %r, rareshare %r" % (name, k, x, y), file=sys.stderr)
    print("%d tables compared, %d cells differ" % (len(names), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--substances")
    ap.add_argument("--citations")
    ap.add_argument("--works")
    ap.add_argument("--out")
    ap.add_argument("--compare", nargs=2, metavar=("REFERENCE_OUT", "RARESHARE_OUT"))
    a = ap.parse_args()
    if a.compare:
        sys.exit(compare(*a.compare))
    run(a)
