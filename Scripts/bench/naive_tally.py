"""The country tally the naive per-format benchmark scripts share (standard
library only): publication units, each author's first affiliation, author-
weighted fractional counts per country and year, de-duplicated by DOI (else
the record's own id). Affiliation strings are resolved the naive way, by the
last comma-separated part (or its last words) against a table of names."""
import os
import re
import sys

NAMES = {
    "usa": "US", "united states": "US", "united states of america": "US", "us": "US",
    "peoples r china": "CN", "china": "CN", "pr china": "CN", "p.r. china": "CN", "people's republic of china": "CN",
    "japan": "JP", "germany": "DE", "india": "IN", "england": "GB", "scotland": "GB", "wales": "GB",
    "north ireland": "GB", "united kingdom": "GB", "uk": "GB", "france": "FR", "south korea": "KR", "korea": "KR",
    "republic of korea": "KR", "russia": "RU", "russian federation": "RU", "spain": "ES", "italy": "IT",
    "switzerland": "CH", "brazil": "BR", "canada": "CA", "hong kong": "HK", "taiwan": "TW", "poland": "PL",
    "australia": "AU", "netherlands": "NL", "the netherlands": "NL", "belgium": "BE", "sweden": "SE",
    "norway": "NO", "denmark": "DK", "finland": "FI", "austria": "AT", "portugal": "PT", "greece": "GR",
    "ireland": "IE", "israel": "IL", "iran": "IR", "turkey": "TR", "egypt": "EG", "south africa": "ZA",
    "mexico": "MX", "argentina": "AR", "chile": "CL", "colombia": "CO", "new zealand": "NZ", "singapore": "SG",
    "malaysia": "MY", "thailand": "TH", "indonesia": "ID", "pakistan": "PK", "saudi arabia": "SA",
    "czech republic": "CZ", "hungary": "HU", "romania": "RO", "ukraine": "UA", "nigeria": "NG", "kenya": "KE",
    "vietnam": "VN", "viet nam": "VN", "philippines": "PH", "bangladesh": "BD", "peru": "PE", "uruguay": "UY",
}


def resolve(raw):
    """Country code of an affiliation string, or None."""
    if not raw:
        return None
    last = raw.rstrip(" .;").rsplit(",", 1)[-1].strip().lower()
    code = NAMES.get(last)
    if code:
        return code
    words = re.sub(r"[\d.]+", " ", last).split()
    for n in (2, 1):
        if len(words) >= n:
            code = NAMES.get(" ".join(words[-n:]))
            if code:
                return code
    return None


def normalize_doi(raw):
    s = (raw or "").strip().lower()
    for p in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"):
        if s.startswith(p):
            s = s[len(p):]
    return s if s.startswith("10.") else None


class Tally:
    def __init__(self):
        self.seen = set()
        self.cells = {}
        self.works = 0

    def add(self, doi, record_id, year, countries):
        """countries: one code (or None) per author, in author order."""
        key = normalize_doi(doi) or (("id:" + record_id) if record_id else None)
        if key is not None:
            if key in self.seen:
                return
            self.seen.add(key)
        if year is None:
            return
        known = [c for c in countries if c]
        if not known:
            return
        self.works += 1
        n = len(known)
        for c in set(known):
            k = (c, year)
            self.cells[k] = self.cells.get(k, 0.0) + known.count(c) / n

    def write(self, out):
        os.makedirs(out, exist_ok=True)
        years = sorted({y for _, y in self.cells})
        with open(os.path.join(out, "Country_weighted_publications.tsv"), "w") as fh:
            fh.write("\t" + "\t".join(map(str, years)) + "\n")
            for c in sorted({c for c, _ in self.cells}):
                fh.write(c + "\t" + "\t".join(repr(self.cells[(c, y)]) if (c, y) in self.cells else "" for y in years) + "\n")
        print("%d attributed works, weight %.1f" % (self.works, sum(self.cells.values())), file=sys.stderr)


def year_of(text):
    m = re.search(r"(1[6-9]\d\d|20\d\d)", text or "")
    return int(m.group(1)) if m else None


def files(paths):
    out = []
    for p in paths:
        out += sorted(os.path.join(p, n) for n in os.listdir(p)) if os.path.isdir(p) else [p]
    return out


def main(read, doc):
    """Command line of every naive script: `SCRIPT --out DIR INPUT…`."""
    import argparse
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--out", required=True)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    tally = Tally()
    for f in files(a.inputs):
        read(f, tally)
    tally.write(a.out)
