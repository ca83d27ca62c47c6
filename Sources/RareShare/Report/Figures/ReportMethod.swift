/// The method paragraph of the report, written from the options the run
/// actually used (its `run.json`), not from the study's defaults: a report
/// made with `--affiliations all` must not say "first affiliation".
public struct ReportMethod: Sendable {
    /// The run's record; `nil` for tables without one (the paper's own).
    public var record: RunRecord?
    /// What was counted, plural: "substances" or "publications".
    public var noun: String

    public init(record: RunRecord?, noun: String) {
        self.record = record
        self.noun = noun
    }

    /// The paragraphs, plain text.
    public var paragraphs: [String] {
        let affiliations = record?.option("affiliations") ?? "first"
        let counting = (record?.option("counting") ?? CountingMethod.paper.rawValue).split(separator: ",").map(String.init)
        var out: [String] = []
        if record == nil {
            out.append("These tables came without a run record (run.json), for example the paper's published tables; the method below is the study's.")
        }
        let unit = noun == "publications"
            ? "Each publication with a year is counted once, in its publication year (no Reaxys substance data was given, so the unit is the publication)."
            : "Each new substance is counted once, in the year of its first report; its authors are those of that publication, found by the citation's DOI."
        let who = affiliations == "all"
            ? "Authors are attributed to countries by all their affiliations: an author with affiliations in several countries counts for each of them in equal parts (--affiliations all)."
            : "Authors are attributed to countries by their first affiliation, as in the study (--affiliations first)."
        out.append(unit + " " + who)
        out.append("""
        A country's weight in a year is the sum over \(noun) of its fraction of the authors (author-fractional counting, the study's), \
        and its share is that weight in percent of all new \(noun) of the year, unattributed ones included. "Alone" counts \
        \(noun) whose authors all come from one country; a collaboration share counts \(noun) whose set of countries is exactly \
        the one named; the solo ratio is the alone count in percent of the weight; the joint ratio is the number of \(noun) whose \
        country set contains both countries, divided by one country's weight.
        """)
        let others = counting.filter { $0 != CountingMethod.paper.rawValue }
        if !others.isEmpty {
            out.append("The run also tallied \(others.joined(separator: ", ")) counting (--counting); those tables carry the method in their file names and are not drawn here.")
        }
        if noun == "substances" {
            out.append("Regions of the chemical space (organic, organometallic, rare-earth) are cut by the molecular formula. Top lists rank countries (or sets) in each year and average the ranks.")
        }
        return out
    }
}
