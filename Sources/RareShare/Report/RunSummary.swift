/// The summary a user reads first, printed by `analyze` and `figures` alike:
/// one block per region, then the findings (see ``SummaryFindings``).
///
/// Each block lists countries by their share in the latest year, because
/// "who leads now" is the question a reader brings; the first year's share
/// and the change stand beside it, so a rise is seen at a glance. Ties at
/// the end of the list are all shown: cutting one of two equal countries
/// would rank them by their codes. Built from a ``ShareTally`` only, so a
/// run's own tallies and tallies rebuilt from its tables print the same text.
public struct RunSummary: Sendable {
    public var tally: ShareTally
    /// Years of the run, ascending (the first and last are compared).
    public var years: [Int]
    /// Regions to summarise, in this order; empty regions get a line saying so.
    public var regions: [Region]
    /// What was counted, plural: "substances" or "publications".
    public var noun: String
    /// Countries listed per region (more when the last ones tie).
    public var top = 10
    /// False when the attributed counts are unknown (tables without a
    /// run's `Coverage.tsv`): the block then does not print a guess.
    public var knowsAttributed = true
    /// Lines other analyses add to the findings (for example crossovers);
    /// printed after the built-in findings, in this order.
    public var extraFindings: [String] = []

    public init(tally: ShareTally, years: [Int], regions: [Region], noun: String) {
        self.tally = tally
        self.years = years
        self.regions = regions
        self.noun = noun
    }

    /// The summary of a run: every region for substances, all publications otherwise.
    public init(result: AnalysisResult) {
        self.init(tally: result.tally, years: PaperTables.yearSpan(result.tally),
                  regions: result.unit == .substance ? Region.allCases : [.all],
                  noun: result.unit == .substance ? "substances" : "publications")
    }

    /// The heading of one region's block: "All substances", "Organic
    /// substances", …; "All publications" when publications are counted.
    public func heading(_ region: Region) -> String {
        switch region {
        case .all: "All \(noun)"
        case .organic: "Organic \(noun)"
        case .organometallic: "Organometallic \(noun)"
        case .rareEarth: "Rare-earth \(noun)"
        }
    }

    /// The years with at least one unit in the region, ascending.
    func countedYears(_ region: Region) -> [Int] { years.filter { tally.tally(region, $0).units > 0 } }

    public var text: String {
        guard let first = years.first, let last = years.last else {
            return "No \(noun) with a year were found; nothing to count.\n"
        }
        var out = "RareShare: new \(noun) by country, \(first)–\(last)\n"
        for region in regions { out += "\n" + block(region) }
        out += "\n" + SummaryFindings(summary: self).text
        return out
    }

    /// One region: its total over the period, then the country table.
    func block(_ region: Region) -> String {
        var units = 0, attributed = 0
        for y in years {
            let t = tally.tally(region, y)
            units += t.units
            attributed += t.attributed
        }
        let span = years.first.map { f in years.last.map { "\(f)–\($0)" } ?? "\(f)" } ?? ""
        var out = "[\(region)] \(heading(region)), \(span): \(NumberFormat.grouped(units)) new \(units == 1 ? String(noun.dropLast()) : noun)"
        guard units > 0 else { return out + " (no \(noun) in this region)\n" }
        let pct = NumberFormat.fixed(100 * Double(attributed) / Double(units))
        out += knowsAttributed ? ", \(NumberFormat.grouped(attributed)) attributed to a country (\(pct)%)\n" : "\n"
        let counted = countedYears(region)
        guard let first = counted.first, let last = counted.last else { return out }
        let ranked = rankedCountries(region, first: first, last: last)
        guard !ranked.isEmpty else { return out + "  no country attributed in \(first) or \(last)\n" }
        let shown = Self.cut(ranked, at: top) { $0.last }
        let names = shown.map { CountryLabels.named($0.code) }
        let nameWidth = max(names.map(\.count).max() ?? 0, "country".count)
        let headers = ["share \(first)", "share \(last)", "change"]
        let cells = shown.map { [Self.percent($0.first), Self.percent($0.last), NumberFormat.pointChange($0.last - $0.first)] }
        let widths = headers.indices.map { i in max(headers[i].count, cells.map { $0[i].count }.max() ?? 0) }
        func line(_ name: String, _ row: [String]) -> String {
            "  " + Self.pad(name, nameWidth) + row.indices.map { "  " + Self.padLeft(row[$0], widths[$0]) }.joined() + "\n"
        }
        out += line("country", headers)
        for (i, row) in cells.enumerated() { out += line(names[i], row) }
        if ranked.count > shown.count {
            out += "  … and \(ranked.count - shown.count) more countries (\(PaperTables.weightedFileName(region)))\n"
        }
        return out
    }

    /// A country's share in the first and the latest year of a region.
    struct Ranked: Sendable {
        var code: CountryCode
        var first: Double
        var last: Double
    }

    /// Countries with weight in the first or latest year, by latest share,
    /// then first share, then code; the unresolved bucket left out.
    func rankedCountries(_ region: Region, first: Int, last: Int) -> [Ranked] {
        let a = ShareMeasures(tally.tally(region, first)), b = ShareMeasures(tally.tally(region, last))
        let codes = Set(a.tally.weights.filter { $0.value > 0 }.keys).union(b.tally.weights.filter { $0.value > 0 }.keys)
            .subtracting([CountryLabels.unresolved])
        return codes.map { Ranked(code: $0, first: a.share($0) ?? 0, last: b.share($0) ?? 0) }
            .sorted { ($0.last, $0.first) != ($1.last, $1.first) ? ($0.last, $0.first) > ($1.last, $1.first) : $0.code < $1.code }
    }

    /// The first `count` items, and every further item tied with the last kept.
    static func cut<T>(_ items: [T], at count: Int, by key: (T) -> Double) -> ArraySlice<T> {
        guard items.count > count, count > 0 else { return items[...] }
        var end = count
        while end < items.count && key(items[end]) == key(items[count - 1]) { end += 1 }
        return items.prefix(end)
    }

    static func percent(_ v: Double) -> String { NumberFormat.fixed(v) + "%" }
    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    static func padLeft(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
