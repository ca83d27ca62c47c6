/// The JSON Lines rows `rareshare extract` writes, one self-contained object
/// per line (schema: `docs/EXTRACT_SCHEMA.md`).
///
/// Rows carry what the joins need and nothing more, already normalized and
/// attributed, so a Spark job can rebuild every table of `analyze` without a
/// gazetteer or an XML parser. Every row starts with `file` (the input file's
/// place in the run's order) and `seq` (1-based ordinal of the record in that
/// file): `analyze` lets the record read first win ties and duplicates, and
/// these two numbers are that reading order once the rows are spread over a
/// cluster.
///
/// Keys are written in a fixed order and numbers as plain integers, so the
/// same input always gives byte-identical rows.
public enum ExtractRow {
    /// One citation: `{"file","seq","id","year","doi"}`.
    public static func citation(_ c: Citation, file: Int, seq: Int) -> String {
        "{\"file\":\(file),\"seq\":\(seq),\"id\":\(JSONText.quote(c.id)),\"year\":\(number(c.year)),\"doi\":\(string(c.doi))}"
    }

    /// One bibliographic record with its attributed authorship:
    /// `authors` lists, author after author, the distinct countries of each
    /// author who has one (the ``Authorship`` the pipeline would count);
    /// `authors_listed` is the byline length, attributed or not; `title_key`
    /// (title, year and first author's surname, as ``WorkMerger`` matches
    /// them) lets a publication run drop a DOI-less copy of an earlier record.
    public static func work(_ w: Work, authorship: Authorship, file: Int, seq: Int) -> String {
        var authors: [String] = []
        authors.reserveCapacity(authorship.authorCount)
        for i in 0..<authorship.authorCount {
            authors.append("[" + authorship.countries(ofAuthor: i).map { "\"\($0)\"" }.joined(separator: ",") + "]")
        }
        return "{\"file\":\(file),\"seq\":\(seq),\"doi\":\(string(w.doi)),\"source_id\":\(string(w.sourceID)),"
            + "\"year\":\(number(w.year)),\"source\":\"\(w.source.rawValue)\","
            + "\"authors\":[\(authors.joined(separator: ","))],\"authors_listed\":\(w.authors.count),"
            + "\"title_key\":\(string(WorkMerger.titleKey(w)))}"
    }

    /// One substance record: registry number, formula with the regions and
    /// composition key classified from it (all `false` / `null` without a
    /// formula), and every citation block in the order listed: the first
    /// report needs the citations' years, which only the join can supply.
    public static func substance(_ s: Substance, file: Int, seq: Int, classifier: RegionClassifier = RegionClassifier()) -> String {
        let formula = s.formula.map(Formula.init)
        let regions = formula.map(classifier.regions(of:)) ?? .all
        let reports = s.reports.map { "{\"citation\":\(string($0.citationID)),\"year\":\(number($0.year))}" }
        return "{\"file\":\(file),\"seq\":\(seq),\"xrn\":\(JSONText.quote(s.registryNumber)),\"formula\":\(string(s.formula)),"
            + "\"organic\":\(regions.contains(.organic)),\"organometallic\":\(regions.contains(.organometallic)),"
            + "\"rare_earth\":\(regions.contains(.rareEarth)),\"composition\":\(string(formula?.compositionKey)),"
            + "\"reports\":[\(reports.joined(separator: ","))]}"
    }

    private static func number(_ n: Int?) -> String { n.map(String.init) ?? "null" }
    private static func string(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
}
