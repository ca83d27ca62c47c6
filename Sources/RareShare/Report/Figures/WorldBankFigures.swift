/// Per-researcher and per-population views of the focus countries' weights,
/// from World Bank indicators placed beside the tables
/// (`World_Bank_data_Population_Researchers.tsv`, the paper's layout:
/// indicator, country code, one column per year).
///
/// The number of researchers is researchers per million people × population;
/// the paper's table carries the first factor only (its "total number" rows
/// are the per-million values × 10^6), so the population must come from a
/// `Population, total` row (World Bank indicator SP.POP.TOTL) in the same file.
public enum WorldBankFigures {
    public static let researchersIndicator = "Researchers in R&D (per million people)"
    public static let populationIndicator = "Population, total"

    /// `Figure1e` (researchers), `PerResearcher` (weight per 1,000 researchers)
    /// and `PerPopulation` (weight per million people) for the focus
    /// countries; or why they cannot be made.
    public static func tables(_ inputs: FigureInputs, years: [Int], focus: [CountryCode]) -> (tables: [ProcessedTable], underived: [UnderivedTable]) {
        guard let wb = inputs.worldBank else {
            return ([], [UnderivedTable("Figure1e", "needs the World Bank indicators (\(FigureInputs.worldBankFileName)) beside the tables")])
        }
        var researchers: [(CountryCode, [Double?])] = []
        var population: [(CountryCode, [Double?])] = []
        for c in focus {
            guard let rpm = wb.values(researchersIndicator, c), let pop = wb.values(populationIndicator, c) else { continue }
            population.append((c, years.map { pop[$0] }))
            researchers.append((c, years.map { y in rpm[y].flatMap { r in pop[y].map { r * $0 / 1_000_000 } } }))
        }
        guard !researchers.isEmpty else {
            return ([], [UnderivedTable("Figure1e", "number of researchers = researchers per million × population; the World Bank table has no '\(populationIndicator)' row for \(focus.map(\.description).joined(separator: ", ")) (its 'total number' rows are the per-million values × 10^6)")])
        }
        func weights(_ c: CountryCode) -> [Double] { years.map { ShareMeasures(inputs.tally.tally(.all, $0)).weight(c) } }
        func table(_ name: String, _ title: String, _ axis: String, _ precision: CellPrecision,
                   _ rows: [(CountryCode, [Double?])]) -> ProcessedTable {
            let spec = ProcessedTableSpec(name: name, title: title, region: .all, corner: "country", rows: .listed([]),
                                          precision: precision, axisLabel: axis)
            var t = YearTable(corner: "country", years: years)
            var series: [ChartSeries] = []
            for (c, values) in rows {
                t.rows.append((CountryLabels.name(c), values.map { ProcessedTables.format($0, precision) }))
                series.append(ChartSeries(label: CountryLabels.name(c), values: values, isEmphasised: true, key: c.description))
            }
            return ProcessedTable(spec: spec, table: t, series: series)
        }
        let perResearcher = researchers.map { c, r in
            (c, zip(weights(c), r).map { w, r in r.flatMap { $0 > 0 ? 1000 * w / $0 : nil } })
        }
        let perPopulation = population.map { c, p in
            (c, zip(weights(c), p).map { w, p in p.flatMap { $0 > 0 ? 1_000_000 * w / $0 : nil } })
        }
        return ([
            table("Figure1e", "Researchers in R&D", "Researchers (count)", .significant(10), researchers),
            table("PerResearcher", "New \(inputs.unitNoun) per 1,000 researchers", "Weight per 1,000 researchers", .decimals(2), perResearcher),
            table("PerPopulation", "New \(inputs.unitNoun) per million people", "Weight per million people", .decimals(2), perPopulation),
        ], [])
    }
}
