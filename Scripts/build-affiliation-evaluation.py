#!/usr/bin/env python3
"""Builds the labeled affiliation evaluation set Fixtures/affiliations/evaluation.tsv
from the real exports in ../shared/corpora (see its MANIFEST.md for their origin).

Labels come from the records themselves, never from the resolver:
  openalex  raw_affiliation_strings of an authorship whose institutions all
            carry one country_code (OpenAlex's own institution matching);
  wos       C1 address lines: Web of Science prints the country as the last
            part ("..., Ames, IA 50011 USA"); the country is read with the
            table below;
  scopus    `Affiliations` entries, whose last comma part is the country;
  pubmed    <Affiliation> texts whose last comma part is exactly a country name;
  s2aff     the gold affiliation annotations of allenai/S2AFF (Apache-2.0):
            strings linked to ROR ids by human annotators; the label is the
            registry's country of those ids (../shared/data/ror), when they
            agree.  `s2aff-gold.tsv` (affiliation TAB ROR ids) is extracted
            from the repository's data/gold_affiliation_annotations*.csv
            with --import-s2aff DIR.
For every wos / scopus / pubmed string the same string with its country part
cut off is added too (source suffix `-cut`), the hard case the resolver must
answer from regions, organizations, cities and e-mail domains.

Columns: country, names_country (yes/no: a name of the labeled country occurs
as whole words in the string, by the table below), source, affiliation.
Rows are unique by affiliation (a string with two labels is dropped) and
sorted by source then affiliation.  Standard library only.
"""
import csv, glob, gzip, json, os, re, sys, xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.path.join(ROOT, "..", "shared", "corpora")
OUT = os.path.join(ROOT, "Fixtures", "affiliations", "evaluation.tsv")
S2AFF = os.path.join(ROOT, "Fixtures", "affiliations", "s2aff-gold.tsv")
ROR = os.path.join(ROOT, "..", "shared", "data", "ror", "organizations.tsv.gz")

# Country names as the exports print them (Web of Science, Scopus, PubMed).
NAMES = {
 "US": ["USA", "United States", "United States of America", "U.S.A."], "CN": ["Peoples R China", "China", "P.R. China", "PR China", "People's Republic of China"],
 "GB": ["England", "Scotland", "Wales", "North Ireland", "Northern Ireland", "United Kingdom", "UK"], "DE": ["Germany", "Fed Rep Ger", "West Germany"],
 "JP": ["Japan"], "FR": ["France"], "IT": ["Italy"], "ES": ["Spain"], "CA": ["Canada"], "AU": ["Australia"], "NL": ["Netherlands", "The Netherlands"],
 "CH": ["Switzerland"], "SE": ["Sweden"], "BE": ["Belgium"], "AT": ["Austria"], "DK": ["Denmark"], "FI": ["Finland"], "NO": ["Norway"],
 "KR": ["South Korea", "Korea", "Republic of Korea", "Korea, Republic of"], "IN": ["India"], "BR": ["Brazil"], "MX": ["Mexico"], "RU": ["Russia", "Russian Federation"],
 "PL": ["Poland"], "CZ": ["Czech Republic", "Czechia"], "HU": ["Hungary"], "GR": ["Greece"], "PT": ["Portugal"], "IE": ["Ireland"], "IL": ["Israel"],
 "TR": ["Turkey", "Turkiye", "Türkiye"], "IR": ["Iran"], "EG": ["Egypt"], "ZA": ["South Africa"], "NZ": ["New Zealand"], "SG": ["Singapore"],
 "TW": ["Taiwan"], "HK": ["Hong Kong"], "AR": ["Argentina"], "CL": ["Chile"], "CO": ["Colombia"], "SA": ["Saudi Arabia"], "PK": ["Pakistan"],
 "MY": ["Malaysia"], "TH": ["Thailand"], "VN": ["Vietnam", "Viet Nam"], "ID": ["Indonesia"], "NG": ["Nigeria"], "KE": ["Kenya"], "UA": ["Ukraine"],
 "RO": ["Romania"], "BG": ["Bulgaria"], "HR": ["Croatia"], "SI": ["Slovenia"], "SK": ["Slovakia"], "RS": ["Serbia"], "LT": ["Lithuania"],
 "EE": ["Estonia"], "LV": ["Latvia"], "IS": ["Iceland"], "LU": ["Luxembourg"], "CY": ["Cyprus"], "MT": ["Malta"], "PE": ["Peru"], "VE": ["Venezuela"],
 "UY": ["Uruguay"], "EC": ["Ecuador"], "CR": ["Costa Rica"], "CU": ["Cuba"], "PR": ["Puerto Rico"], "BD": ["Bangladesh"], "LK": ["Sri Lanka"],
 "NP": ["Nepal"], "PH": ["Philippines"], "AE": ["U Arab Emirates", "United Arab Emirates"], "QA": ["Qatar"], "KW": ["Kuwait"], "JO": ["Jordan"],
 "LB": ["Lebanon"], "TN": ["Tunisia"], "MA": ["Morocco"], "DZ": ["Algeria"], "ET": ["Ethiopia"], "GH": ["Ghana"], "TZ": ["Tanzania"], "UG": ["Uganda"],
 "CM": ["Cameroon"], "SN": ["Senegal"], "ZW": ["Zimbabwe"], "ZM": ["Zambia"], "MW": ["Malawi"], "BW": ["Botswana"], "NA": ["Namibia"],
 "MZ": ["Mozambique"], "GT": ["Guatemala"], "PA": ["Panama"], "BO": ["Bolivia"], "PY": ["Paraguay"], "JM": ["Jamaica"], "BY": ["Belarus"],
 "KZ": ["Kazakhstan"], "GE": ["Georgia"], "AM": ["Armenia"], "AZ": ["Azerbaijan"], "MN": ["Mongolia"], "MO": ["Macao", "Macau"], "BA": ["Bosnia & Herceg", "Bosnia and Herzegovina"],
 "MK": ["Macedonia", "North Macedonia"], "AL": ["Albania"], "ME": ["Montenegro"], "MD": ["Moldova"], "FJ": ["Fiji"], "PG": ["Papua N Guinea", "Papua New Guinea"],
 "GL": ["Greenland"], "OM": ["Oman"], "BH": ["Bahrain"], "IQ": ["Iraq"], "SY": ["Syria"], "SD": ["Sudan"], "LY": ["Libya"], "CI": ["Cote Ivoire", "Ivory Coast"],
 "BF": ["Burkina Faso"], "ML": ["Mali"], "NE": ["Niger"], "BJ": ["Benin"], "TG": ["Togo"], "RW": ["Rwanda"], "MG": ["Madagascar"], "MU": ["Mauritius"],
}
LOOKUP = {}
for code, names in NAMES.items():
    for n in names:
        LOOKUP[n.lower()] = code
# Longest names first so "South Africa" wins over "Africa"-like tails.
ORDERED = sorted(LOOKUP, key=len, reverse=True)

def words(s):
    return " " + " ".join(re.findall(r"\w+", s.lower())) + " "

def names_country(text, code):
    w = words(text)
    return any(words(n) in w for n in NAMES.get(code, []))

def split_country(address):
    """(rest, code) when the address ends with a known country name."""
    a = address.strip().rstrip(".").strip()
    low = a.lower()
    for n in ORDERED:
        if low.endswith(n) and (len(low) == len(n) or not low[-len(n) - 1].isalnum()):
            rest = a[: len(a) - len(n)].rstrip(" ,;")
            return rest, LOOKUP[n]
    return None, None

rows = {}   # affiliation -> set((code, source))

def add(text, code, source):
    text = " ".join(text.split())
    if len(text) < 4 or not code:
        return
    rows.setdefault(text, set()).add((code, source))

# Territories keep their own code, as in the reference study, although Web
# of Science prints "Hong Kong, Peoples R China" and "San Juan, PR 00936 USA".
TERRITORIES = [("CN", r"\bhong kong\b", "HK"), ("CN", r"\bmaca[ou]\b", "MO"), ("CN", r"\btaiwan\b", "TW"),
               ("US", r"\bpuerto rico\b|\bPR 00\d{3}\b", "PR")]

def add_with_cut(address, source):
    rest, code = split_country(address)
    if not code:
        return
    for sovereign, pattern, territory in TERRITORIES:
        if code == sovereign and re.search(pattern, address, 0 if "PR" in pattern else re.I):
            code = territory
    # The country must be its own last part ("..., Japan", "... 50011 USA").
    add(address.strip().rstrip("."), code, source)
    if rest and re.search(r"[A-Za-z]", rest):
        add(rest, code, source + "-cut")

def openalex():
    for path in sorted(glob.glob(os.path.join(CORPORA, "openalex-json", "*"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        docs = []
        if path.endswith(".jsonl"):
            docs = [json.loads(l) for l in text.splitlines() if l.strip()]
        else:
            d = json.loads(text)
            docs = d.get("results", [d])
        for w in docs:
            for a in w.get("authorships") or []:
                ccs = {i.get("country_code") for i in a.get("institutions") or []}
                if len(ccs) != 1 or None in ccs:
                    continue
                code = ccs.pop()
                for r in a.get("raw_affiliation_strings") or []:
                    add(r, code, "openalex")

def wos():
    for path in sorted(glob.glob(os.path.join(CORPORA, "wos-plaintext", "*"))):
        if "badFile" in path:
            continue      # a damaged copy of testFile.isi
        tag = None
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if line[:2].strip() and (len(line) < 3 or line[2] == " "):
                    tag = line[:2]
                    value = line[3:]
                elif line.startswith("   "):
                    value = line[3:]
                else:
                    tag = None
                    continue
                if tag == "C1":
                    value = re.sub(r"^\[[^\]]*\]\s*", "", value)
                    add_with_cut(value, "wos")

def scopus():
    csv.field_size_limit(10**9)
    for path in sorted(glob.glob(os.path.join(CORPORA, "scopus-csv", "*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                for aff in (row.get("Affiliations") or "").split("; "):
                    add_with_cut(aff, "scopus")

def pubmed():
    for path in sorted(glob.glob(os.path.join(CORPORA, "pubmed-xml", "*"))):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as f:
            for _, el in ET.iterparse(f):
                if el.tag == "Affiliation" and el.text:
                    t = el.text.strip().rstrip(".")
                    if "@" in t:
                        continue
                    last = t.rsplit(",", 1)[-1].strip()
                    if last.lower() in LOOKUP:
                        add_with_cut(t, "pubmed")
                    el.clear()

def import_s2aff(folder):
    """Writes S2AFF: (affiliation, ROR ids) of every annotated string the
    annotators marked valid and correctly linked (or corrected)."""
    out = {}
    def keep(text, ids):
        text = " ".join(text.replace("#TAB#", " ").replace("#N#", " ").split())
        ids = sorted(set(re.findall(r"ror\.org/([0-9a-z]{9})", ids)))
        if text and ids:
            out.setdefault(text, set()).add(" ".join(ids))
    with open(os.path.join(folder, "gold_affiliation_annotations.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            keep(row["original_affiliation"], row["labels"])
    for year in ("2021", "2022"):
        with open(os.path.join(folder, f"gold_affiliation_annotations_{year}.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if "labels" in row:
                    keep(row["original_affiliation"], row["labels"])
                elif row["valid_affiliation_string"] == "yes":
                    keep(row["raw_affiliation_string"], row["ror_ids"] if row["correct"] == "yes" else row["ror_labels_or_wikidata"])
    with open(os.environ.get("S2AFF_OUT", S2AFF), "w", encoding="utf-8") as f:
        f.write("affiliation\tror_ids\n")
        for text in sorted(out):
            if len(out[text]) == 1:
                f.write(f"{text}\t{out[text].pop()}\n")

def s2aff():
    path = os.environ.get("S2AFF_OUT", S2AFF)
    if not os.path.exists(path):
        return
    country = {}
    with gzip.open(ROR, "rt", encoding="utf-8") as f:
        f.readline()
        for line in f:
            cols = line.split("\t")
            country[cols[0]] = cols[5]
    with open(path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            text, ids = line.rstrip("\n").split("\t")
            codes = {country.get(i) for i in ids.split()}
            if len(codes) == 1 and None not in codes:
                add(text, codes.pop(), "s2aff")

def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--import-s2aff":
        import_s2aff(sys.argv[2])
    openalex(); wos(); scopus(); pubmed(); s2aff()
    out = []
    for text, labels in rows.items():
        codes = {c for c, _ in labels}
        if len(codes) != 1:
            continue
        code = codes.pop()
        source = sorted(s for _, s in labels)[0]
        out.append((source, text, code))
    out.sort()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(os.environ.get("EVALUATION_OUT", OUT), "w", encoding="utf-8") as f:
        f.write("country\tnames_country\tsource\taffiliation\n")
        for source, text, code in out:
            f.write(f"{code}\t{'yes' if names_country(text, code) else 'no'}\t{source}\t{text}\n")
    by = {}
    for source, text, code in out:
        key = (source, "yes" if names_country(text, code) else "no")
        by[key] = by.get(key, 0) + 1
    print(f"{os.path.relpath(OUT, ROOT)}: {len(out)} strings")
    for k in sorted(by):
        print(f"  {k[0]:12} names_country={k[1]:3} {by[k]}")

if __name__ == "__main__":
    main()
