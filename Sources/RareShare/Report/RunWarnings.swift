/// Signs that a whole run is probably wrong, not just a few records: they
/// are printed loudly at the end of the run (stderr), written at the top of
/// `quality.txt`, and make `--strict` exit 65.
///
/// Each check looks at totals a per-record problem log cannot see: every
/// record can be fine while none of the citations finds its publication
/// (the wrong bibliographic export was named).
public enum RunWarnings {
    /// Below this share of citation DOIs matched, the bibliographic records
    /// are almost surely not those of the citations (percent).
    public static let matchedFloor = 1.0
    /// A year is flagged when its coverage is under this fraction of the
    /// median coverage of the other years…
    public static let coverageFraction = 0.5
    /// …and it has at least this many units (a year of two substances says little).
    public static let coverageMinimumUnits = 5

    /// The warnings of one run, most serious first; empty for a healthy run.
    public static func of(_ result: AnalysisResult) -> [String] {
        var out: [String] = []
        if result.unit == .substance { out += matching(result.quality) }
        out += coverage(result)
        if result.unit == .substance { out += emptyRegions(result) }
        return out
    }

    /// No, or almost no, citation DOI matched a bibliographic record.
    static func matching(_ q: DataQuality) -> [String] {
        let withDOI = q.distinctSubstances - q.substancesWithoutYear - q.reportsWithUnknownCitation - q.reportsWithoutDOI
        guard q.distinctSubstances > 0 else { return [] }
        guard withDOI > 0 else {
            return ["no first-report citation has a DOI, so no substance could be matched to a bibliographic record; check --citations"]
        }
        let matched = withDOI - q.unitsWithoutRecord
        let pct = 100 * Double(matched) / Double(withDOI)
        if matched == 0 {
            return ["none of the \(NumberFormat.grouped(withDOI)) citation DOIs matched a bibliographic record: are the --works files the publications the citations name? Every share is empty."]
        }
        if pct < matchedFloor {
            return ["only \(NumberFormat.grouped(matched)) of \(NumberFormat.grouped(withDOI)) citation DOIs (\(NumberFormat.fixed(pct))%) matched a bibliographic record: the --works files probably miss most of the cited publications"]
        }
        return []
    }

    /// Years whose coverage is far below the rest of the run.
    static func coverage(_ result: AnalysisResult) -> [String] {
        let years = result.tally.years.filter { result.tally.tally(.all, $0).units > 0 }
        let cover = years.map { y -> Double in
            let t = result.tally.tally(.all, y)
            return 100 * Double(t.attributed) / Double(t.units)
        }
        var out: [String] = []
        for (i, year) in years.enumerated() where result.tally.tally(.all, year).units >= coverageMinimumUnits {
            var others = cover
            others.remove(at: i)
            guard let median = median(others), median > 0, cover[i] < coverageFraction * median else { continue }
            out.append("coverage in \(year) is \(NumberFormat.fixed(cover[i]))% of \(result.unit.rawValue)s attributed, against a median of \(NumberFormat.fixed(median))% in the other years: are that year's bibliographic records missing?")
        }
        return out
    }

    /// Regions of the chemical space without a single unit.
    static func emptyRegions(_ result: AnalysisResult) -> [String] {
        let populated = Set(result.tally.years.flatMap { y in Region.allCases.filter { result.tally.tally($0, y).units > 0 } })
        guard !populated.isEmpty else { return ["no substance with a year was counted in any region"] }
        return Region.allCases.filter { !populated.contains($0) }.map {
            "the \($0) region has no substances: its tables and figures are empty (are the formulas in the substance exports?)"
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
