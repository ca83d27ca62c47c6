/// Builds the paper's raw tables from tallies, and tallies from the paper's
/// raw tables: the two directions of the same layout.
///
/// File names follow the reference study's `raw/` folder:
/// `Country_weighted_<region>.tsv` (fractional weights `w_c,t`),
/// `Absolute_collab_<region>.tsv` (units per exact country set), and
/// `Figure2a.tsv` (yearly totals `N_t` per region).
public enum PaperTables {
    public static func weightedFileName(_ r: Region) -> String { "Country_weighted_\(r.weightedFileSuffix).tsv" }
    public static func collabFileName(_ r: Region) -> String { "Absolute_collab_\(r.collabFileSuffix).tsv" }
    public static let totalsFileName = "Figure2a.tsv"

    /// Years from the first to the last with data, without gaps.
    public static func yearSpan(_ tally: ShareTally) -> [Int] {
        guard let lo = tally.years.first, let hi = tally.years.last else { return [] }
        return Array(lo...hi)
    }

    /// `w_c,t`, countries ordered by total weight (largest first), then code.
    public static func weighted(_ tally: ShareTally, region: Region, years: [Int]) -> YearTable {
        var totals: [CountryCode: Double] = [:]
        for y in years { for (c, w) in tally.tally(region, y).weights { totals[c, default: 0] += w } }
        let order = totals.keys.sorted { totals[$0]! != totals[$1]! ? totals[$0]! > totals[$1]! : $0 < $1 }
        return YearTable(years: years, rows: order.map { c in
            (c.description, years.map { NumberFormat.exact(tally.tally(region, $0).weights[c] ?? 0) })
        })
    }

    /// Units per exact country set, sets ordered by total (largest first), then key.
    public static func collaborations(_ tally: ShareTally, region: Region, years: [Int]) -> YearTable {
        var totals: [CountrySet: Int] = [:]
        for y in years { for (k, n) in tally.tally(region, y).exactSets { totals[k, default: 0] += n } }
        let order = totals.keys.sorted { totals[$0]! != totals[$1]! ? totals[$0]! > totals[$1]! : $0 < $1 }
        return YearTable(years: years, rows: order.map { k in
            (k.description, years.map { NumberFormat.count(tally.tally(region, $0).exactSets[k] ?? 0) })
        })
    }

    /// `N_t` per region, in the layout of the paper's `Figure2a.tsv`.
    public static func totals(_ tally: ShareTally, regions: [Region], years: [Int]) -> YearTable {
        YearTable(years: years, rows: regions.map { r in
            (r.totalsRowLabel, years.map { String(tally.tally(r, $0).units) })
        })
    }

    /// Units per composition or per element, in the paper's `*_compositions_byYear.tsv` layout.
    public static func compositions(_ tally: ShareTally, region: Region, years: [Int], elements: Bool) -> YearTable {
        // One dictionary per year, taken once: a region has thousands of compositions.
        let perYear = years.map { y in elements ? tally.tally(region, y).elements : tally.tally(region, y).compositions }
        var totals: [String: Int] = [:]
        for counts in perYear {
            for (k, n) in counts { totals[k, default: 0] += n }
        }
        let order = totals.sorted { a, b in elements ? a.key < b.key : (a.value != b.value ? a.value > b.value : a.key < b.key) }
        return YearTable(corner: "compo", years: years, rows: order.map { entry in
            (entry.key, perYear.map { NumberFormat.count($0[entry.key] ?? 0) })
        })
    }

    /// File-name stem of the composition tables per region (the paper has them for two regions).
    public static func compositionStem(_ r: Region) -> String? {
        switch r {
        case .organometallic: "organometallics"
        case .rareEarth: "raras"
        default: nil
        }
    }

    /// Rebuilds tallies from published tables: weights from `Country_weighted_*`,
    /// exact sets from `Absolute_collab_*`, `N_t` from the totals. Rows whose
    /// key is not a country code (the paper's `null`, `D`, `N` junk rows) are
    /// left out and returned, so a caller can report them.
    public static func tally(weighted: [Region: YearTable], collaborations: [Region: YearTable],
                             totals: YearTable) -> (tally: ShareTally, ignoredRows: [String]) {
        var result = ShareTally()
        var ignored: [String] = []
        for row in totals.rows {
            guard let region = Region(totalsRowLabel: row.key) else { continue }
            for (i, year) in totals.years.enumerated() {
                var t = YearlyTally()
                t.units = Int(row.cells[i]) ?? 0
                if let w = weighted[region] {
                    for r in w.rows {
                        guard let code = CountryCode(r.key) else { continue }
                        if let col = w.years.firstIndex(of: year), let v = Double(r.cells[col]) { t.weights[code] = v }
                    }
                }
                if let c = collaborations[region] {
                    for r in c.rows {
                        guard let set = CountrySet(key: r.key) else { continue }
                        if let col = c.years.firstIndex(of: year), let v = Int(r.cells[col]) { t.exactSets[set] = v }
                    }
                }
                t.attributed = t.exactSets.values.reduce(0, +)
                result.set(t, region: region, year: year)
            }
        }
        for table in Array(weighted.values) + Array(collaborations.values) {
            for r in table.rows where CountryCode(r.key) == nil && CountrySet(key: r.key) == nil && !ignored.contains(r.key) {
                ignored.append(r.key)
            }
        }
        return (result, ignored.sorted())
    }
}
