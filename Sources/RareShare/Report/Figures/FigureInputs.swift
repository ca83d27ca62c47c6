import Foundation

/// Everything the figures are drawn from: tallies rebuilt from a folder of
/// aggregate tables in the paper's `raw/` layout (the paper's own, or the
/// folder `rareshare analyze` writes), plus what is known to be missing.
///
/// Aggregate tables are small (one row per country, set or formula), so each
/// is read whole; no export is ever read here.
public struct FigureInputs: Sendable {
    public var tally: ShareTally
    /// Years of the totals table, ascending.
    public var years: [Int]
    /// True when "c without d" sums were given (`measures.csv` of a run); the
    /// published raw tables do not hold them.
    public var hasAuthorLevelSums: Bool
    /// True when the number of matched (attributed) units per year was given
    /// (`Coverage.tsv` of a run).
    public var hasMatchedCounts: Bool
    /// Regions whose element / composition counts were given.
    public var elementRegions: [Region]
    public var compositionRegions: [Region]
    /// Rows that were read but could not be used, as `file: key: reason`.
    public var ignoredRows: [String]
    /// The run's `quality.txt`, when the folder has one.
    public var qualityText: String?
    /// The World Bank indicators, when the folder has them.
    public var worldBank: WorldBankTable?
    /// What was counted, for labels: "substances", or "publications" for a
    /// run without substance data (its `Coverage.tsv` says so).
    public var unitNoun = "substances"
    /// Regions with a row in the totals table, in the paper's order (a run
    /// writes a row for every region, empty ones too).
    public var totalsRegions: [Region] = Region.allCases
    /// The run's `run.json`, when the folder has one: the report's header and method.
    public var record: RunRecord?

    public init(tally: ShareTally, years: [Int], hasAuthorLevelSums: Bool, hasMatchedCounts: Bool,
                elementRegions: [Region] = [], compositionRegions: [Region] = [], ignoredRows: [String] = [],
                qualityText: String? = nil, worldBank: WorldBankTable? = nil) {
        self.tally = tally
        self.years = years
        self.hasAuthorLevelSums = hasAuthorLevelSums
        self.hasMatchedCounts = hasMatchedCounts
        self.elementRegions = elementRegions
        self.compositionRegions = compositionRegions
        self.ignoredRows = ignoredRows
        self.qualityText = qualityText
        self.worldBank = worldBank
    }

    /// File name of the World Bank indicators in the paper's `raw/` folder.
    public static let worldBankFileName = "World_Bank_data_Population_Researchers.tsv"

    /// Reads a tables folder. `Figure2a.tsv` (yearly totals) is required, in the
    /// folder or, for the paper's own layout, in `../processed/`; every other
    /// table is optional, and what it would have given is then listed as not
    /// derivable.
    /// - Throws: ``InputError`` `.missing` when the folder or the totals are absent.
    public static func load(folder: String) throws -> FigureInputs {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(.missing, at: SourcePosition(file: folder), "no such folder of tables")
        }
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        var ignored: [String] = []
        func table(_ name: String) throws -> YearTable? {
            guard FileManager.default.fileExists(atPath: path(name)) else { return nil }
            let text = try read(path(name))
            let (t, dropped) = normalisedTable(text)
            ignored += dropped.map { "\(name): \($0)" }
            return t
        }
        // The paper's own folders keep the totals apart (raw/ and processed/);
        // reading them there spares users a copy. (The URL, not NSString:
        // Foundation's deletingLastPathComponent traps on ".".)
        let besideRaw = URL(fileURLWithPath: folder).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent("processed/" + PaperTables.totalsFileName).path
        let totalsName = FileManager.default.fileExists(atPath: path(PaperTables.totalsFileName))
            || !FileManager.default.fileExists(atPath: besideRaw) ? PaperTables.totalsFileName : "../processed/" + PaperTables.totalsFileName
        guard let totals = try table(totalsName) else {
            throw InputError(.missing, at: SourcePosition(file: path(PaperTables.totalsFileName)),
                             "the yearly totals (layout of the paper's Figure2a.tsv) are required")
        }
        var weighted: [Region: YearTable] = [:]
        var collaborations: [Region: YearTable] = [:]
        for region in Region.allCases {
            weighted[region] = try table(PaperTables.weightedFileName(region)).map { mergingUnresolved($0, sets: false) }
            collaborations[region] = try table(PaperTables.collabFileName(region)).map { mergingUnresolved($0, sets: true) }
        }
        let built = PaperTables.tally(weighted: weighted, collaborations: collaborations, totals: totals)
        var tally = built.tally
        ignored += built.ignoredRows.map { "\($0): not a country or country set" }

        var elementRegions: [Region] = [], compositionRegions: [Region] = []
        for region in Region.allCases {
            guard let stem = PaperTables.compositionStem(region) else { continue }
            for elements in [true, false] {
                let name = "\(stem)_\(elements ? "elements" : "compositions")_byYear.tsv"
                guard let t = try table(name) else { continue }
                if elements { elementRegions.append(region) } else { compositionRegions.append(region) }
                for (col, year) in t.years.enumerated() {
                    var y = tally.tally(region, year)
                    for row in t.rows {
                        guard let n = Int(row.cells[col]), n > 0 else { continue }
                        if elements { y.elements[row.key] = n } else { y.compositions[row.key] = n }
                    }
                    tally.set(y, region: region, year: year)
                }
            }
        }

        var matched = false
        var noun = "substances"
        if let coverage = try? read(path("Coverage.tsv")) {
            matched = applyCoverage(coverage, to: &tally)
            if coverage.prefix(while: { $0 != "\n" }).contains("Publications") { noun = "publications" }
        }
        var withouts = false
        if FileManager.default.fileExists(atPath: path("measures.csv")) {
            withouts = try applyWithoutShares(path("measures.csv"), to: &tally)
        }
        let quality = try? read(path("quality.txt"))
        let worldBank = (try? read(path(worldBankFileName))).map(WorldBankTable.init(tsv:))
        var inputs = FigureInputs(tally: tally, years: totals.years, hasAuthorLevelSums: withouts, hasMatchedCounts: matched,
                                  elementRegions: elementRegions, compositionRegions: compositionRegions,
                                  ignoredRows: ignored, qualityText: quality, worldBank: worldBank)
        inputs.unitNoun = noun
        inputs.totalsRegions = Region.allCases.filter { r in totals.rows.contains { $0.key == r.totalsRowLabel } }
        inputs.record = (try? read(path("run.json"))).flatMap(RunRecord.init(json:))
        return inputs
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.unreadable, at: SourcePosition(file: path), "cannot read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(.badEncoding, at: SourcePosition(file: path), "not UTF-8")
        }
        return text
    }

    /// Parses a table, repairing the two shapes the paper's files take besides
    /// the plain one: rows that start with an extra empty index cell
    /// (`Absolute_collab_Organic.tsv`: header `\t1996…`, rows `\tCN,US\t53…`),
    /// and rows with more cells than the header, which no reading can place
    /// in a year (the same file's rows 13–52): those are dropped and returned.
    static func normalisedTable(_ text: String) -> (YearTable, dropped: [String]) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
        guard let header = lines.first else { return (YearTable(tsv: text), []) }
        let width = header.split(separator: "\t", omittingEmptySubsequences: false).count
        var kept = [String(header)]
        var dropped: [String] = []
        for (i, line) in lines.enumerated().dropFirst() {
            var cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            if cells.count == width + 1, cells[0].trimmingSpaces.isEmpty { cells.removeFirst() }
            if cells.count > width {
                let key = cells.first(where: { !$0.trimmingSpaces.isEmpty }).map(String.init) ?? ""
                dropped.append("line \(i + 1) (\(key)): \(cells.count) cells for a header of \(width)")
                continue
            }
            kept.append(cells.joined(separator: "\t"))
        }
        return (YearTable(tsv: kept.joined(separator: "\n")), dropped)
    }

    /// Rewrites the paper's unresolved members (`null`, `None`) as
    /// ``CountryLabels/unresolved`` and adds up rows that then share a key
    /// (`JP,null` and `JP,None`).
    static func mergingUnresolved(_ table: YearTable, sets: Bool) -> YearTable {
        var order: [String] = []
        var sums: [String: [Double?]] = [:]
        for row in table.rows {
            var key = row.key
            if sets || key == "null" || key == "None" {
                let parts = key.split(separator: ",").map { $0 == "null" || $0 == "None" ? CountryLabels.unresolved.description : String($0) }
                key = Array(Set(parts)).sorted().joined(separator: ",")
            }
            let values = row.cells.map { Double($0) }
            if let old = sums[key] {
                sums[key] = zip(old, values).map { a, b in a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0) }
            } else {
                order.append(key)
                sums[key] = values
            }
        }
        return YearTable(corner: table.corner, years: table.years, rows: order.map { key in
            (key, (sums[key] ?? []).map { $0.map(NumberFormat.exact) ?? "" })
        })
    }

    /// Takes the matched counts from a run's `Coverage.tsv` (layout of the
    /// paper's FigureS1: year, units, matched, percent).
    static func applyCoverage(_ text: String, to tally: inout ShareTally) -> Bool {
        var any = false
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 3, let year = Int(cells[0].trimmingSpaces), let matched = Int(cells[2].trimmingSpaces) else { continue }
            var t = tally.tally(.all, year)
            t.attributed = matched
            tally.set(t, region: .all, year: year)
            any = true
        }
        return any
    }

    /// Takes the "c without d" percentages of a run's `measures.csv` back to
    /// sums (`percent · N_t / 100`), read line by line.
    static func applyWithoutShares(_ path: String, to tally: inout ShareTally) throws -> Bool {
        let source = try ByteSource(path: path)
        var pending: [UInt8] = []
        var any = false
        func take(_ line: ArraySlice<UInt8>) {
            // region,year,measure,key,value with key "CN w/o US" (never quoted: no comma).
            let cells = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard cells.count == 5, String(decoding: cells[2], as: UTF8.self) == "without_percent",
                  let region = Region.allCases.first(where: { $0.description == String(decoding: cells[0], as: UTF8.self) }),
                  let year = Int(String(decoding: cells[1], as: UTF8.self)),
                  let value = Double(String(decoding: cells[4], as: UTF8.self)) else { return }
            let parts = String(decoding: cells[3], as: UTF8.self).components(separatedBy: " w/o ")
            guard parts.count == 2, let c = CountryCode(parts[0]), let d = CountryCode(parts[1]) else { return }
            var t = tally.tally(region, year)
            t.weightsWithout[CountryPair(c, without: d)] = value * Double(t.units) / 100
            tally.set(t, region: region, year: year)
            any = true
        }
        while let chunk = try source.nextChunk() {
            pending += chunk
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                take(pending[start..<nl])
                start = nl + 1
            }
            pending.removeSubrange(..<start)
        }
        try source.throwIfDamaged()
        if !pending.isEmpty { take(pending[...]) }
        return any
    }
}

/// The paper's World Bank indicator table: one row per indicator and
/// country (`Researchers in R&D (per million people)`, `CN`, values by year).
public struct WorldBankTable: Sendable {
    public struct Series: Sendable {
        public var indicator: String
        public var country: CountryCode
        public var values: [Int: Double]
    }

    public var series: [Series]

    public init(tsv text: String) {
        var out: [Series] = []
        let lines = text.split(separator: "\n").map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let header = lines.first else { series = []; return }
        let years = header.split(separator: "\t", omittingEmptySubsequences: false).map { Int($0.trimmingSpaces) }
        for line in lines.dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 2, let code = CountryCode(cells[1].trimmingSpaces) else { continue }
            var values: [Int: Double] = [:]
            for (i, cell) in cells.enumerated() where i < years.count {
                if let y = years[i], let v = Double(cell.trimmingSpaces) { values[y] = v }
            }
            out.append(Series(indicator: String(cells[0].trimmingSpaces), country: code, values: values))
        }
        series = out
    }

    /// Values of the first indicator whose name starts with `prefix`, for one country.
    public func values(_ prefix: String, _ country: CountryCode) -> [Int: Double]? {
        series.first { $0.indicator.hasPrefix(prefix) && $0.country == country }?.values
    }
}
