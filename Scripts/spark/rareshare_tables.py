#!/usr/bin/env python3
"""The tables of `rareshare analyze`, computed by Apache Spark from the rows of
`rareshare extract` (schema: docs/EXTRACT_SCHEMA.md; how to run: docs/SPARK.md).

    spark-submit Scripts/spark/rareshare_tables.py ROWS_DIR OUT_DIR [ROWS_DIR OUT_DIR ...]

ROWS_DIR holds `substances/`, `citations/`, `works/` (any path Spark reads:
local, hdfs://, s3a://...). The tables are small (countries x years), so they
are collected and written by the driver into OUT_DIR on its local disk, with
the file names, row order and cell format of `analyze`:

    Country_weighted_<region>.tsv   fractional weights w_c,t
    Absolute_collab_<region>.tsv    units per exact country set
    Figure2a.tsv                    N_t per region
    organometallics_/raras_ compositions_byYear.tsv and elements_byYear.tsv
    Coverage.tsv                    N_t, attributed units, percentage

Every rule follows the Swift pipeline (Sources/RareShare/Pipeline/AnalysisPipeline.swift):
- a citation id listed twice keeps the row read first (lowest file, then seq);
- a substance record's first report is its earliest citation block, by the
  block's own year or else its citation's year, ties to the block listed first;
  with no dated block it keeps the first block's citation id;
- a registry number in several records counts once, at its earliest report,
  the record read first winning ties; its formula is the first one met along
  the records that successively improved the year;
- works are matched by DOI, the work read first winning;
- substances without any year are left out; N_t counts unattributed ones.
Without substance rows the unit is the publication: works deduplicated by
DOI, else source id, the first read winning; then a work without DOI whose
title key an earlier kept work shares is dropped; works without a year left out.
"""
import math
import os
import sys

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

REGIONS = ["all", "organic", "organometallic", "rare-earth"]
WEIGHTED_SUFFIX = {"all": "allSubs", "organic": "organic", "organometallic": "organoMetallic", "rare-earth": "raras"}
COLLAB_SUFFIX = {"all": "allSubs", "organic": "Organic", "organometallic": "organoMetallic", "rare-earth": "raras"}
TOTALS_LABEL = {"all": "All substances", "organic": "Organic chemicals",
                "organometallic": "Organometallics", "rare-earth": "Rare-earth chemicals"}
COMPOSITION_STEM = {"organometallic": "organometallics", "rare-earth": "raras"}

CITATION_SCHEMA = T.StructType([
    T.StructField("file", T.LongType()), T.StructField("seq", T.LongType()),
    T.StructField("id", T.StringType()), T.StructField("year", T.IntegerType()),
    T.StructField("doi", T.StringType()),
])
WORK_SCHEMA = T.StructType([
    T.StructField("file", T.LongType()), T.StructField("seq", T.LongType()),
    T.StructField("doi", T.StringType()), T.StructField("source_id", T.StringType()),
    T.StructField("year", T.IntegerType()), T.StructField("source", T.StringType()),
    T.StructField("authors", T.ArrayType(T.ArrayType(T.StringType()))),
    T.StructField("authors_listed", T.IntegerType()), T.StructField("title_key", T.StringType()),
])
SUBSTANCE_SCHEMA = T.StructType([
    T.StructField("file", T.LongType()), T.StructField("seq", T.LongType()),
    T.StructField("xrn", T.StringType()), T.StructField("formula", T.StringType()),
    T.StructField("organic", T.BooleanType()), T.StructField("organometallic", T.BooleanType()),
    T.StructField("rare_earth", T.BooleanType()), T.StructField("composition", T.StringType()),
    T.StructField("reports", T.ArrayType(T.StructType([
        T.StructField("citation", T.StringType()), T.StructField("year", T.IntegerType())]))),
])


# ---------------------------------------------------------------- input

def row_files(spark, folder):
    """Whether `folder` exists and holds a row file (names starting with '.' or '_' are not rows)."""
    jvm = spark._jvm
    path = jvm.org.apache.hadoop.fs.Path(folder)
    fs = path.getFileSystem(spark._jsc.hadoopConfiguration())
    if not fs.exists(path):
        return None
    return [s.getPath().getName() for s in fs.listStatus(path)
            if not s.getPath().getName().startswith((".", "_"))]


def load(spark, rows, kind, schema):
    folder = rows.rstrip("/") + "/" + kind
    files = row_files(spark, folder)
    if not files:
        return spark.createDataFrame([], schema), files is not None
    return spark.read.schema(schema).json(folder), True


def first_read(df, key):
    """Keeps, per value of `key`, the row read first (lowest file, then seq)."""
    w = Window.partitionBy(key).orderBy("file", "seq")
    return df.withColumn("_rank", F.row_number().over(w)).where("_rank = 1").drop("_rank")


def with_authorship(works):
    """Adds n (|A|), weights (array of (country, a_c/|A|)) and set_key ("CN,US") to works rows."""
    n = F.size("authors")
    per_country = (works.select("doi", "file", "seq", F.posexplode("authors").alias("a", "countries"))
                   .select("file", "seq", "a", F.explode("countries").alias("country"),
                           (F.lit(1.0) / F.size("countries")).alias("part"))
                   .groupBy("file", "seq", "country").agg(F.sum("part").alias("part")))
    weights = per_country.groupBy("file", "seq").agg(
        F.collect_list(F.struct("country", "part")).alias("parts"))
    return (works.join(weights, ["file", "seq"], "left")
            .withColumn("n", F.when(F.col("authors").isNull(), 0).otherwise(n))
            .withColumn("weights", F.expr("transform(coalesce(parts, array()), p -> named_struct('country', p.country, 'weight', p.part / n))"))
            .withColumn("set_key", F.array_join(F.array_sort(F.array_distinct(F.flatten(F.coalesce("authors", F.array().cast("array<array<string>>"))))), ","))
            .drop("parts"))


# ---------------------------------------------------------------- units

def substance_units(spark, substances, citations, works):
    """One row per counted substance: year, regions, composition, and its work's authorship (or none)."""
    cits = first_read(citations.where(F.col("id").isNotNull()), "id").select(
        F.col("id").alias("cid"), F.col("year").alias("cyear"), F.col("doi").alias("cdoi"))

    # First report of each record.
    blocks = (substances.select("file", "seq", F.posexplode_outer("reports").alias("pos", "r"))
              .select("file", "seq", "pos", F.col("r.citation").alias("citation"), F.col("r.year").alias("own"))
              .join(cits.select("cid", "cyear"), F.col("citation") == F.col("cid"), "left")
              .withColumn("eff", F.coalesce("own", "cyear")))
    chosen = blocks.groupBy("file", "seq").agg(
        F.min(F.when(F.col("eff").isNotNull(), F.struct("eff", "pos", "citation"))).alias("best"),
        F.min(F.when(F.col("citation").isNotNull(), F.struct("pos", "citation"))).alias("firstcit"))
    records = (substances.join(chosen, ["file", "seq"], "left")
               .withColumn("cyear_", F.col("best.eff"))
               .withColumn("ccit", F.when(F.col("best").isNotNull(), F.col("best.citation")).otherwise(F.col("firstcit.citation")))
               .select("file", "seq", "xrn", "formula", "organic", "organometallic", "rare_earth", "composition",
                       F.col("cyear_").alias("cand_year"), "ccit"))

    # One registry number, several records: earliest year, first read on ties;
    # the formula is the first one along the records that improved the year.
    order = Window.partitionBy("xrn").orderBy("file", "seq")
    before = order.rowsBetween(Window.unboundedPreceding, -1)
    records = (records.withColumn("_rn", F.row_number().over(order))
               .withColumn("_prev", F.min("cand_year").over(before))
               .withColumn("_chain", (F.col("_rn") == 1) | (F.col("cand_year").isNotNull()
                                                             & (F.col("_prev").isNull() | (F.col("cand_year") < F.col("_prev"))))))
    firsts = records.groupBy("xrn").agg(
        F.min(F.when(F.col("cand_year").isNotNull(), F.struct("cand_year", "file", "seq", "ccit"))).alias("win"),
        F.min(F.when(F.col("_chain") & F.col("formula").isNotNull(),
                     F.struct("file", "seq", "organic", "organometallic", "rare_earth", "composition"))).alias("f"))
    firsts = firsts.where(F.col("win").isNotNull()).select(
        F.col("win.cand_year").alias("year"), F.col("win.ccit").alias("cit"),
        F.coalesce(F.col("f.organic"), F.lit(False)).alias("organic"),
        F.coalesce(F.col("f.organometallic"), F.lit(False)).alias("organometallic"),
        F.coalesce(F.col("f.rare_earth"), F.lit(False)).alias("rare_earth"),
        F.col("f.composition").alias("composition"))

    # Join: citation id -> DOI -> first work with that DOI.
    ws = with_authorship(first_read(works.where(F.col("doi").isNotNull()), "doi")).select(
        F.col("doi").alias("wdoi"), "n", "weights", "set_key")
    units = (firsts.join(cits.select("cid", "cdoi"), F.col("cit") == F.col("cid"), "left")
             .join(ws, F.col("cdoi") == F.col("wdoi"), "left"))
    return units.select("year", "organic", "organometallic", "rare_earth", "composition",
                        F.coalesce("n", F.lit(0)).alias("n"), "weights", "set_key")


def publication_units(works):
    """One row per counted publication (no substance data)."""
    key = F.when(F.col("doi").isNotNull(), F.concat(F.lit("doi:"), "doi")).when(
        F.col("source_id").isNotNull(), F.concat(F.lit("id:"), "source_id"))
    keyed = works.withColumn("_key", key)
    kept = first_read(keyed.where(F.col("_key").isNotNull()), "_key").unionByName(keyed.where(F.col("_key").isNull()))
    # A record without DOI is a copy of an earlier kept record with the same title key.
    by_title = Window.partitionBy("title_key").orderBy("file", "seq")
    kept = (kept.withColumn("_t", F.when(F.col("title_key").isNotNull(), F.row_number().over(by_title)).otherwise(1))
            .where((F.col("_t") == 1) | F.col("doi").isNotNull()))
    kept = with_authorship(kept.drop("_key", "_t").where(F.col("year").isNotNull()))
    return kept.select("year", F.lit(False).alias("organic"), F.lit(False).alias("organometallic"),
                       F.lit(False).alias("rare_earth"), F.lit(None).cast("string").alias("composition"),
                       "n", "weights", "set_key")


# ---------------------------------------------------------------- sums

def tally(units, regions):
    """Sums per (region, year), collected: the equivalent of ShareTally."""
    region = F.array(F.lit("all"), F.when(F.col("organic"), F.lit("organic")),
                     F.when(F.col("organometallic"), F.lit("organometallic")),
                     F.when(F.col("rare_earth"), F.lit("rare-earth")))
    u = (units.withColumn("region", F.explode(F.array_compact(region)) if hasattr(F, "array_compact")
                          else F.explode(F.filter(region, lambda r: r.isNotNull())))
         .where(F.col("region").isin(regions)).cache())
    result = {r: {} for r in regions}

    def cell(r, y):
        return result[r].setdefault(y, {"units": 0, "attributed": 0, "weights": {}, "sets": {}, "compositions": {}, "elements": {}})

    for row in u.groupBy("region", "year").agg(F.count(F.lit(1)).alias("units"),
                                                F.sum(F.when(F.col("n") > 0, 1).otherwise(0)).alias("attributed")).collect():
        c = cell(row["region"], row["year"])
        c["units"], c["attributed"] = row["units"], row["attributed"]
    attributed = u.where(F.col("n") > 0)
    for row in attributed.groupBy("region", "year", "set_key").count().collect():
        cell(row["region"], row["year"])["sets"][row["set_key"]] = row["count"]
    for row in (attributed.select("region", "year", F.explode("weights").alias("w"))
                .groupBy("region", "year", F.col("w.country").alias("country")).agg(F.sum("w.weight").alias("weight")).collect()):
        cell(row["region"], row["year"])["weights"][row["country"]] = row["weight"]
    kept = u.where(F.col("region").isin("organometallic", "rare-earth") & F.col("composition").isNotNull())
    for row in kept.groupBy("region", "year", "composition").count().collect():
        cell(row["region"], row["year"])["compositions"][row["composition"]] = row["count"]
    for row in (kept.select("region", "year", F.explode(F.expr("regexp_extract_all(composition, '[A-Z][a-z]*', 0)")).alias("e"))
                .groupBy("region", "year", "e").count().collect()):
        cell(row["region"], row["year"])["elements"][row["e"]] = row["count"]
    u.unpersist()
    return result


# ---------------------------------------------------------------- tables (as Sources/RareShare/Report/PaperTables.swift)

def exact(v):
    """NumberFormat.exact: empty for zero, integers without a point, else the shortest round-trip text."""
    if v == 0:
        return ""
    if v == round(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v))


def count(n):
    return "" if n == 0 else str(n)


def fixed(v, decimals=2):
    """NumberFormat.fixed: half away from zero."""
    scale = 10.0 ** decimals
    x = abs(v) * scale
    f = math.floor(x)
    r = (f + 1 if x - f >= 0.5 else f) / scale
    signed = -r if v < 0 and r != 0 else r
    whole = int(abs(signed))
    fraction = int(round((abs(signed) - whole) * scale))
    if fraction >= int(scale):
        whole, fraction = whole + 1, fraction - int(scale)
    s = ("-" if signed < 0 else "") + str(whole)
    if decimals > 0:
        s += "." + str(fraction).rjust(decimals, "0")
    return s


def table(years, rows, corner=""):
    out = corner + "\t" + "\t".join(str(y) for y in years) + "\n"
    for key, cells in rows:
        out += key + "\t" + "\t".join(cells) + "\n"
    return out


def get(t, r, y):
    return t[r].get(y, {"units": 0, "attributed": 0, "weights": {}, "sets": {}, "compositions": {}, "elements": {}})


def by_total(t, r, years, field):
    totals = {}
    for y in years:
        for k, v in get(t, r, y)[field].items():
            totals[k] = totals.get(k, 0) + v
    return totals


def set_order(key):
    return tuple(key.split(","))


def write_tables(t, regions, unit, out):
    os.makedirs(out, exist_ok=True)
    present = sorted({y for r in regions for y in t[r]})
    years = list(range(present[0], present[-1] + 1)) if present else []
    written = []

    def put(name, text):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
        written.append(name)

    for r in regions:
        totals = by_total(t, r, years, "weights")
        order = sorted(totals, key=lambda c: (-totals[c], c))
        put("Country_weighted_%s.tsv" % WEIGHTED_SUFFIX[r],
            table(years, [(c, [exact(get(t, r, y)["weights"].get(c, 0)) for y in years]) for c in order]))
        totals = by_total(t, r, years, "sets")
        order = sorted(totals, key=lambda k: (-totals[k], set_order(k)))
        put("Absolute_collab_%s.tsv" % COLLAB_SUFFIX[r],
            table(years, [(k, [count(get(t, r, y)["sets"].get(k, 0)) for y in years]) for k in order]))
        if unit == "substance" and r in COMPOSITION_STEM:
            totals = by_total(t, r, years, "compositions")
            order = sorted(totals, key=lambda k: (-totals[k], k))
            put("%s_compositions_byYear.tsv" % COMPOSITION_STEM[r],
                table(years, [(k, [count(get(t, r, y)["compositions"].get(k, 0)) for y in years]) for k in order], "compo"))
            totals = by_total(t, r, years, "elements")
            put("%s_elements_byYear.tsv" % COMPOSITION_STEM[r],
                table(years, [(k, [count(get(t, r, y)["elements"].get(k, 0)) for y in years]) for k in sorted(totals)], "compo"))
    put("Figure2a.tsv", table(years, [(TOTALS_LABEL[r], [str(get(t, r, y)["units"]) for y in years]) for r in regions]))
    noun = "Reaxys substances" if unit == "substance" else "Publications"
    cov = "\t%s\tMerged data\tPercentage\n" % noun
    for y in years:
        c = get(t, "all", y)
        pct = fixed(100.0 * c["attributed"] / c["units"]) if c["units"] > 0 else ""
        cov += "%d\t%d\t%d\t%s\n" % (y, c["units"], c["attributed"], pct)
    put("Coverage.tsv", cov)
    return written


def run(spark, rows, out):
    substances, has_substances = load(spark, rows, "substances", SUBSTANCE_SCHEMA)
    citations, _ = load(spark, rows, "citations", CITATION_SCHEMA)
    works, _ = load(spark, rows, "works", WORK_SCHEMA)
    if has_substances:
        unit, regions = "substance", REGIONS
        units = substance_units(spark, substances, citations, works)
    else:
        unit, regions = "publication", ["all"]
        units = publication_units(works)
    written = write_tables(tally(units, regions), regions, unit, out)
    return unit, written


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.stderr.write("usage: rareshare_tables.py ROWS_DIR OUT_DIR [ROWS_DIR OUT_DIR ...]\n")
        return 64
    spark = SparkSession.builder.appName("rareshare-tables").getOrCreate()
    # Spark logs every stage at INFO; the job's own lines are what a user reads.
    # --conf spark.log.level=INFO (or DEBUG) brings Spark's back.
    spark.sparkContext.setLogLevel(spark.conf.get("spark.log.level", "WARN"))
    try:
        for rows, out in zip(argv[0::2], argv[1::2]):
            unit, written = run(spark, rows, out)
            sys.stderr.write("rareshare_tables: %s -> %s (%s, %d tables)\n" % (rows, out, unit, len(written)))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
