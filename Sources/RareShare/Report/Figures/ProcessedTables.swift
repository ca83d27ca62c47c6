import Foundation

/// One regenerated table: its printed cells and the unrounded values a
/// chart is drawn from.
public struct ProcessedTable: Sendable {
    public var spec: ProcessedTableSpec
    /// Cells as printed, in the paper's layout (rows × years).
    public var table: YearTable
    /// Per row: label, value per year of ``table``'s years (`nil` where
    /// undefined), and whether the row is emphasised.
    public var series: [ChartSeries]

    /// The table as TSV, in the paper's layout (years as rows for FigureS1).
    public var tsv: String {
        guard spec.isTransposed else { return table.tsv }
        var out = spec.corner + "\t" + table.rows.map(\.key).joined(separator: "\t") + "\n"
        for (i, year) in table.years.enumerated() {
            out += String(year) + "\t" + table.rows.map { $0.cells[i] }.joined(separator: "\t") + "\n"
        }
        return out
    }
}

/// Derives the paper's processed tables from tallies through ``ShareMeasures``.
public enum ProcessedTables {
    /// Regenerates one table for the given years.
    public static func derive(_ spec: ProcessedTableSpec, from tally: ShareTally, years: [Int]) -> ProcessedTable {
        let rows = resolvedRows(spec, tally: tally, years: years)
        var table = YearTable(corner: spec.corner, years: years)
        var series: [ChartSeries] = []
        for row in rows {
            let region = row.region ?? spec.region
            let values = years.map { ShareMeasures(tally.tally(region, $0)).value(of: row.measure) }
            table.rows.append((row.label, values.map { format($0, row.precision ?? spec.precision) }))
            series.append(ChartSeries(label: legendLabel(row), values: values, isEmphasised: row.isEmphasised, axis: row.axis,
                                      group: row.group, key: colourKey(row)))
        }
        return ProcessedTable(spec: spec, table: table, series: series)
    }

    /// The name a chart shows for a row: country names where the table
    /// prints codes as the paper did ("CN alone/CN" → "China solo ratio").
    static func legendLabel(_ row: FigureRow) -> String {
        switch row.measure {
        case .share(let c): CountryLabels.name(c)
        case .aloneShare(let c): "\(CountryLabels.name(c)) alone"
        case .soloRatio(let c): "\(CountryLabels.name(c)) solo ratio"
        case .shareWithout(let p): "\(CountryLabels.name(p.country)) w/o \(CountryLabels.name(p.excluded))"
        case .jointRatio(let k, let c): "\(CountryLabels.name(k)) joint / \(CountryLabels.name(c)) weight"
        case .collaborationShare(let k): CountryLabels.name(k)
        default: row.label
        }
    }

    /// The country (or set) whose colour a row's line takes, the same in every chart.
    static func colourKey(_ row: FigureRow) -> String? {
        switch row.measure {
        case .units: row.region.map { "region:\($0)" }
        case .share(let c), .aloneShare(let c), .soloRatio(let c), .jointRatio(_, over: let c): c.description
        case .shareWithout(let p): p.country.description
        case .collaborationShare(let k): k.description
        default: nil
        }
    }

    /// The listed rows, or one row per element / composition present in the
    /// years, ordered as the paper's S7 tables: by the first year's value
    /// (largest first), then by the total over the years, then by key.
    public static func resolvedRows(_ spec: ProcessedTableSpec, tally: ShareTally, years: [Int]) -> [FigureRow] {
        switch spec.rows {
        case .listed(let rows):
            return rows
        case .elements, .compositions:
            let elements = spec.rows == .elements
            var first: [String: Int] = [:]
            var total: [String: Int] = [:]
            for (i, y) in years.enumerated() {
                let t = tally.tally(spec.region, y)
                for (k, n) in (elements ? t.elements : t.compositions) where n > 0 {
                    total[k, default: 0] += n
                    if i == 0 { first[k] = n }
                }
            }
            let keys = total.keys.sorted { a, b in
                let fa = first[a] ?? 0, fb = first[b] ?? 0
                if fa != fb { return fa > fb }
                let ta = total[a] ?? 0, tb = total[b] ?? 0
                return ta != tb ? ta > tb : a < b
            }
            return keys.map { FigureRow($0, elements ? .element($0) : .composition($0)) }
        }
    }

    /// Prints one cell. Zero prints as `0.00` in the decimal layouts (the
    /// paper does so) and as an empty cell in the full-precision layout.
    public static func format(_ value: Double?, _ precision: CellPrecision) -> String {
        guard let value, value.isFinite else { return "" }
        switch precision {
        case .decimals(let n):
            return String(format: "%.\(n)f", value)
        case .twoDecimalsViaThree:
            return roundHalfUp(String(format: "%.3f", value), dropping: 1)
        case .shortest:
            return value == 0 ? "" : "\(value)"
        case .integer:
            return String(Int(value.rounded()))
        case .significant(let n):
            return String(format: "%.\(n)g", value)
        }
    }

    /// Drops the last `count` decimals of a plain decimal string, rounding half
    /// away from zero on the decimal digits themselves (no binary detour).
    static func roundHalfUp(_ text: String, dropping count: Int) -> String {
        var digits = Array(text)
        guard count > 0, let dot = digits.firstIndex(of: "."), digits.count - dot - 1 >= count else { return text }
        let dropped = digits.suffix(count)
        digits.removeLast(count)
        if digits.last == "." { digits.removeLast() }
        guard let lead = dropped.first, let d = lead.wholeNumberValue, d >= 5 else { return String(digits) }
        var i = digits.count - 1
        while i >= 0 {
            if digits[i] == "." { i -= 1; continue }
            guard let v = digits[i].wholeNumberValue else { break }
            if v < 9 {
                digits[i] = Character(String(v + 1))
                return String(digits)
            }
            digits[i] = "0"
            i -= 1
        }
        let signed = digits.first == "-"
        digits.insert("1", at: signed ? 1 : 0)
        return String(digits)
    }
}

/// Countries and collaborations ranked the way the paper picks its top lists:
/// rank by `w_c,t` (or by exact-set count) in each year, average the ranks
/// over the years, keep the best averages.
public enum AverageRank {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var label: String
        /// Mean of the yearly ranks (1 = largest).
        public var averageRank: Double
    }

    /// Countries by average rank of `w_c,t`; a country absent in a year ranks
    /// after every country present. The unresolved bucket is left out.
    public static func countries(_ tally: ShareTally, region: Region, years: [Int], count: Int) -> [Entry] {
        var codes = Set<CountryCode>()
        for y in years { codes.formUnion(tally.tally(region, y).weights.keys) }
        codes.remove(CountryLabels.unresolved)
        let keys = codes.sorted()
        let ranked = rank(keys, years: years) { c, y in tally.tally(region, y).weights[c] ?? 0 }
        return ranked.prefix(count).map { Entry(key: $0.0.description, label: CountryLabels.name($0.0), averageRank: $0.1) }
    }

    /// International exact sets (two or more countries) by average rank of their counts.
    public static func collaborations(_ tally: ShareTally, region: Region, years: [Int], count: Int) -> [Entry] {
        var sets = Set<CountrySet>()
        for y in years {
            for (k, n) in tally.tally(region, y).exactSets where n > 0 && k.isInternational && !k.contains(CountryLabels.unresolved) {
                sets.insert(k)
            }
        }
        let keys = sets.sorted()
        let ranked = rank(keys, years: years) { k, y in Double(tally.tally(region, y).exactSets[k] ?? 0) }
        return ranked.prefix(count).map { Entry(key: $0.0.description, label: CountryLabels.name($0.0), averageRank: $0.1) }
    }

    /// Ranks `keys` (already in a fixed order) in every year, ties sharing the
    /// better rank, and sorts by mean rank, then by that fixed order.
    static func rank<K>(_ keys: [K], years: [Int], value: (K, Int) -> Double) -> [(K, Double)] {
        guard !years.isEmpty else { return [] }
        var sums = [Double](repeating: 0, count: keys.count)
        for y in years {
            let values = keys.map { value($0, y) }
            let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
            var rank = 0
            for (position, index) in order.enumerated() {
                if position == 0 || values[index] != values[order[position - 1]] { rank = position + 1 }
                sums[index] += Double(rank)
            }
        }
        let means = sums.map { $0 / Double(years.count) }
        let order = keys.indices.sorted { means[$0] != means[$1] ? means[$0] < means[$1] : $0 < $1 }
        return order.map { (keys[$0], means[$0]) }
    }

    /// The entries as TSV: rank, key, label, average rank (two decimals).
    public static func tsv(_ entries: [Entry]) -> String {
        var out = "rank\tkey\tlabel\taverage_rank\n"
        for (i, e) in entries.enumerated() {
            out += "\(i + 1)\t\(e.key)\t\(e.label)\t\(NumberFormat.fixed(e.averageRank))\n"
        }
        return out
    }
}
