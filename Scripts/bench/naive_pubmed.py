#!/usr/bin/env python3
"""Naive PubMed XML country tally (standard library ElementTree), a benchmark
baseline: each Author's first AffiliationInfo, the PubDate year.
Usage: naive_pubmed.py --out DIR FILE_OR_DIR…"""
import gzip
import xml.etree.ElementTree as ET

from naive_tally import main, resolve, year_of


def read(path, tally):
    with (gzip.open(path) if path.endswith(".gz") else open(path, "rb")) as fh:
        for _, el in ET.iterparse(fh):
            if el.tag != "PubmedArticle":
                continue
            doi = next((i.text for i in el.iter("ArticleId") if i.get("IdType") == "doi"), None)
            date = el.find(".//Article/Journal/JournalIssue/PubDate")
            year = year_of(date.findtext("Year") or date.findtext("MedlineDate")) if date is not None else None
            countries = [resolve(a.findtext("AffiliationInfo/Affiliation")) for a in el.iter("Author")]
            tally.add(doi, el.findtext(".//PMID"), year, countries)
            el.clear()


if __name__ == "__main__":
    main(read, __doc__)
