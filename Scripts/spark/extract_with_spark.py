#!/usr/bin/env python3
"""Runs `rareshare extract` as Spark tasks, one task per input file, so the
extraction of a large batch of exports is spread over the cluster's workers.

    spark-submit Scripts/spark/extract_with_spark.py --rareshare /opt/rareshare/bin/rareshare \
        --out /shared/rows --substances /shared/reaxys/substances --citations /shared/reaxys/citations \
        --works /shared/openalex [--affiliations first|all] [--gzip] [--cited-by /shared/reaxys/citations]

Inputs are files, folders or glob patterns, expanded and ordered exactly as
`rareshare analyze` orders them (a folder: its files, hidden ones left out,
recursively, sorted by name; a pattern: its matches, sorted), and each file's
task passes its place in that order as `--file-order-start`, so the rows are
those of one `rareshare extract` over all the files. The `rareshare` binary,
the inputs and the output folder must be reachable under the same paths on
every worker (a shared file system); the rows are then read by
rareshare_tables.py.
"""
import argparse
import glob
import os
import subprocess
import sys

from pyspark.sql import SparkSession


def list_files(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        if name.startswith("."):
            continue
        path = folder + name if folder.endswith("/") else folder + "/" + name
        out += list_files(path) if os.path.isdir(path) else [path]
    return out


def expand(arguments):
    """The file list of InputFiles.expand (Sources/RareShare/Read/InputFiles.swift)."""
    out, seen = [], set()
    for argument in arguments:
        if any(ch in argument for ch in "*?["):
            found = []
            for match in sorted(glob.glob(argument)):
                found += list_files(match) if os.path.isdir(match) else [match]
            found.sort()
        elif os.path.isdir(argument):
            found = list_files(argument)
        else:
            found = [argument]
        if not found:
            raise SystemExit("rareshare: nothing matches %s" % argument)
        for f in found:
            if f not in seen:
                seen.add(f)
                out.append(f)
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rareshare", required=True, help="path of the rareshare binary on every worker")
    ap.add_argument("--out", required=True)
    ap.add_argument("--substances", nargs="*", default=[])
    ap.add_argument("--citations", nargs="*", default=[])
    ap.add_argument("--works", nargs="*", default=[])
    ap.add_argument("--affiliations", default="first")
    ap.add_argument("--format")
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--cited-by", nargs="*", default=[], help="citation exports whose DOIs select the works to write")
    a = ap.parse_args(argv)
    tasks = []
    for kind in ("citations", "works", "substances"):
        for order, path in enumerate(expand(getattr(a, kind))):
            command = [a.rareshare, "extract", "--quiet", "--" + kind, path, "--file-order-start", str(order),
                       "--out", a.out, "--affiliations", a.affiliations]
            if a.gzip:
                command.append("--gzip")
            if a.format and kind == "works":
                command += ["--format", a.format]
            if a.cited_by and kind == "works":
                command += ["--cited-by"] + a.cited_by
            tasks.append(command)
    if not tasks:
        sys.stderr.write("extract_with_spark: no input files\n")
        return 64

    def run(command):
        done = subprocess.run(command, capture_output=True, text=True)
        return (done.returncode, " ".join(command), done.stderr.strip())

    spark = SparkSession.builder.appName("rareshare-extract").getOrCreate()
    # Spark logs every stage at INFO; the job's own lines are what a user reads.
    # --conf spark.log.level=INFO (or DEBUG) brings Spark's back.
    spark.sparkContext.setLogLevel(spark.conf.get("spark.log.level", "WARN"))
    try:
        results = spark.sparkContext.parallelize(tasks, len(tasks)).map(run).collect()
    finally:
        spark.stop()
    failures = [r for r in results if r[0] != 0]
    for code, command, err in failures:
        sys.stderr.write("extract_with_spark: exit %d: %s\n%s\n" % (code, command, err))
    sys.stderr.write("extract_with_spark: %d files extracted, %d failed\n" % (len(results) - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
