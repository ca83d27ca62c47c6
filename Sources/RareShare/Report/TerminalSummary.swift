/// The short summary `analyze` prints on stdout: per region the leading
/// countries, China's and the US's shares first and last year, and coverage.
public struct TerminalSummary {
    public let result: AnalysisResult
    public var top = 5

    public init(result: AnalysisResult) { self.result = result }

    public var text: String {
        let tally = result.tally
        let years = PaperTables.yearSpan(tally)
        guard let first = years.first, let last = years.last else {
            return "No \(result.unit.rawValue)s with a year were found; nothing to count.\n"
        }
        var out = "RareShare: \(result.unit.rawValue)s by country, \(first)–\(last)\n"
        let cn = CountryCode("CN")!, us = CountryCode("US")!
        for region in tally.populatedRegions {
            var n = 0, attributed = 0
            var totals: [CountryCode: Double] = [:]
            for y in years {
                let t = tally.tally(region, y)
                n += t.units
                attributed += t.attributed
                for (c, w) in t.weights { totals[c, default: 0] += w }
            }
            let cov = n > 0 ? NumberFormat.fixed(100 * Double(attributed) / Double(n)) : "–"
            out += "\n[\(region)] N = \(n), attributed \(attributed) (\(cov)%)\n"
            let leaders = totals.keys.sorted { totals[$0]! != totals[$1]! ? totals[$0]! > totals[$1]! : $0 < $1 }.prefix(top)
            let lastMeasures = ShareMeasures(tally.tally(region, last))
            for c in leaders {
                let share = lastMeasures.share(c).map { NumberFormat.fixed($0) + "%" } ?? "–"
                out += "  \(c)  weight \(NumberFormat.fixed(totals[c]!))  share \(last): \(share)\n"
            }
            let f = ShareMeasures(tally.tally(region, first))
            func pct(_ v: Double?) -> String { v.map { NumberFormat.fixed($0) + "%" } ?? "–" }
            out += "  China share \(first) \(pct(f.share(cn))) → \(last) \(pct(lastMeasures.share(cn)));"
            out += " US share \(first) \(pct(f.share(us))) → \(last) \(pct(lastMeasures.share(us)))\n"
        }
        return out
    }
}
