import Foundation

/// What one figures run produced.
public struct FigureRun: Sendable {
    public var tables: [ProcessedTable]
    public var underived: [UnderivedTable]
    public var summary: String
    /// File names written into the output folder, in the order written.
    public var written: [String]
    public var ignoredRows: [String]
}

/// Regenerates the paper's processed tables, their SVG figures, top lists,
/// an HTML report and a text summary from a folder of aggregate tables.
/// Used by `rareshare figures` and by `rareshare analyze --figures`.
public enum FigureReport {
    /// Builds everything in memory; nothing is written.
    public static func make(_ inputs: FigureInputs, options: FigureOptions = FigureOptions()) -> FigureRun {
        let years = inputs.years.filter { options.years?.contains($0) ?? true }
        var (specs, underived) = PaperFigures.specs(options, inputs: inputs)
        var tables = specs.map { ProcessedTables.derive($0, from: inputs.tally, years: years) }
        if options.regions.contains(.all) {
            let wb = WorldBankFigures.tables(inputs, years: years, focus: options.focus)
            tables += wb.tables
            underived += wb.underived
        }
        let regions = inputs.unitNoun == "substances" ? options.regions.filter(inputs.totalsRegions.contains) : [.all]
        var summary = RunSummary(tally: inputs.tally, years: years, regions: regions, noun: inputs.unitNoun)
        summary.knowsAttributed = inputs.hasMatchedCounts
        return FigureRun(tables: tables, underived: underived, summary: summary.text, written: [], ignoredRows: inputs.ignoredRows)
    }

    /// The chart of one table: its first ``ProcessedTableSpec/chartRowLimit`` drawn rows.
    public static func chart(_ table: ProcessedTable) -> SVGLineChart {
        var drawn = 0
        let series = table.series.filter { s in
            guard s.axis != .hidden, drawn < table.spec.chartRowLimit else { return false }
            drawn += 1
            return true
        }
        var title = "\(table.spec.name): \(table.spec.title)"
        if table.series.filter({ $0.axis != .hidden }).count > series.count {
            title += " (first \(series.count) rows)"
        }
        return SVGLineChart(title: title, yLabel: table.spec.axisLabel, rightLabel: table.spec.rightAxisLabel,
                            years: table.table.years, series: series)
    }

    /// Reads `tablesFolder`, writes every output into `outputFolder`, and
    /// returns what was made.
    /// - Throws: ``InputError`` when the tables cannot be read or outputs cannot be written.
    @discardableResult
    public static func generate(tablesFolder: String, outputFolder: String, options: FigureOptions = FigureOptions()) throws -> FigureRun {
        let inputs = try FigureInputs.load(folder: tablesFolder)
        var run = make(inputs, options: options)
        do { try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true) } catch {
            throw OutputError(.cannotCreate, path: outputFolder, errno: OutputFolder.errno(of: error), "cannot create the folder: \(OutputFolder.reason(error))")
        }
        func put(_ name: String, _ text: String) throws {
            let path = (outputFolder as NSString).appendingPathComponent(name)
            try OutputFolder.write(text, toFile: path)
            run.written.append(name)
        }
        var figures: [HTMLReport.Figure] = []
        for table in run.tables {
            try put("\(table.spec.name).tsv", table.tsv)
            let svg = chart(table).svg
            try put("\(table.spec.name).svg", svg)
            figures.append(HTMLReport.Figure(table: table, svg: svg))
        }
        let years = inputs.years.filter { options.years?.contains($0) ?? true }
        for region in options.regions where inputs.tally.populatedRegions.contains(region) {
            let stem = region.weightedFileSuffix
            try put("TopCountries_\(stem).tsv", AverageRank.tsv(AverageRank.countries(inputs.tally, region: region, years: years, count: options.topCount)))
            try put("TopCollaborations_\(stem).tsv", AverageRank.tsv(AverageRank.collaborations(inputs.tally, region: region, years: years, count: options.topCount)))
        }
        try put("not_derived.tsv", "table\treason\n" + run.underived.map { "\($0.name)\t\($0.reason)\n" }.joined())
        try put("summary.txt", run.summary)
        let report = HTMLReport(figures: figures, underived: run.underived, summary: run.summary,
                                qualityText: inputs.qualityText, ignoredRows: inputs.ignoredRows)
        try put("report.html", report.html)
        return run
    }
}
