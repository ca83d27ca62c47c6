/// The data-quality section of a run in plain text: how much of the input was
/// used, what was skipped, and where coverage was lost.
public struct QualityReport {
    public let result: AnalysisResult

    public init(result: AnalysisResult) { self.result = result }

    public var text: String {
        let q = result.quality
        var lines: [String] = ["Data quality", "============"]
        let warnings = RunWarnings.of(result)
        if !warnings.isEmpty {
            lines.append("WARNING: this run is probably wrong (\(warnings.count) \(warnings.count == 1 ? "warning" : "warnings")):")
            lines += warnings.map { "  ! " + $0 }
        }
        for f in q.files {
            lines.append("  \(f.file) [\(f.format.rawValue)]: \(f.recordsRead) records read, \(f.recordsUsed) used, \(f.recordsSkipped) skipped")
        }
        if result.unit == .substance {
            lines.append("Substances: \(q.substanceRecords) records, \(q.distinctSubstances) distinct registry numbers (\(q.duplicateSubstanceRecords) repeated records counted once, at the earliest report)")
            lines.append("  without any citation year (left out of N_t): \(q.substancesWithoutYear)")
            lines.append("  first report citing an unknown citation id: \(q.reportsWithUnknownCitation)")
            lines.append("  first report citation without DOI: \(q.reportsWithoutDOI)")
            lines.append("  DOI with no bibliographic record: \(q.unitsWithoutRecord)")
        }
        lines.append("Bibliographic records: \(q.worksRead) read, \(q.worksWithoutDOI) without DOI, \(q.duplicateWorks) duplicates kept once" +
                     (result.unit == .substance ? ", \(q.worksNotNeeded) not cited by any substance" : ", \(q.worksWithoutYear) without a year (not counted)"))
        lines.append("  units matched to a record none of whose authors has a country: \(q.unitsWithoutCountry)")
        lines.append("Authors: \(q.authorsSeen) seen, \(q.authorsWithoutAffiliation) without affiliation, \(q.authorsWithoutCountry) without a country (left out of A(s))")
        lines.append("Unresolved affiliation strings: \(q.unresolvedAffiliations.count) distinct" +
                     (q.unresolvedAffiliations.isEmpty ? "" : ", most frequent:"))
        for u in q.unresolvedAffiliations.prefix(5) { lines.append("  \(u.count)× \(u.affiliation)") }
        var units = 0, attributed = 0
        for y in result.tally.years {
            let t = result.tally.tally(.all, y)
            units += t.units
            attributed += t.attributed
        }
        let pct = units > 0 ? NumberFormat.fixed(100 * Double(attributed) / Double(units)) : "–"
        lines.append("Coverage: \(attributed) of \(units) \(result.unit.rawValue)s attributed to at least one country (\(pct)%)")
        let p = q.problems
        // A run-level warning is a problem too: "Problems: 0" after a run in
        // which nothing matched would tell the user all is well.
        lines.append("Problems: \(p.total + warnings.count) (\(p.counts[.skippedRecord, default: 0]) records skipped, \(p.counts[.warning, default: 0]) warnings, \(p.counts[.truncated, default: 0]) truncated files, \(warnings.count) run warnings above); see problems.tsv")
        for problem in p.problems.prefix(5) { lines.append("  \(problem)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
