/// bibliometrix-style country production tables from ``CountryProduction``:
/// per country the units placed there, single-country (SCP) and
/// multiple-country (MCP) publications, the country's part of all placed
/// units and the MCP ratio, so users can set RareShare's numbers beside
/// what they already report.
public enum CountryProductionTable {
    /// Columns `country, articles, SCP, MCP, freq, MCP_ratio`; countries by
    /// articles (most first), then code. `freq` and `MCP_ratio` are fractions
    /// of one, as bibliometrix prints them.
    public static func table(_ year: CountryProduction.Year) -> String {
        var out = "country\tarticles\tSCP\tMCP\tfreq\tMCP_ratio\n"
        let placed = year.countries.values.reduce(0) { $0 + $1.units }
        let order = year.countries.keys.sorted {
            let a = year.countries[$0]?.units ?? 0, b = year.countries[$1]?.units ?? 0
            return a != b ? a > b : $0 < $1
        }
        for c in order {
            guard let n = year.countries[c] else { continue }
            let freq = placed > 0 ? Double(n.units) / Double(placed) : 0
            out += "\(c)\t\(n.units)\t\(n.single)\t\(n.multiple)\t\(fraction(freq))\t\(fraction(n.multipleRatio ?? 0))\n"
        }
        return out
    }

    /// How units were placed, per region and range: by the corresponding
    /// author's country, by the first author's, or not at all.
    public static func placement(_ production: CountryProduction, regions: [Region], ranges: [YearRange]) -> String {
        var out = "region\tyears\tby_corresponding_author\tby_first_author\tunplaced\n"
        for region in regions {
            for range in ranges {
                let p = production.total(region, range).placement
                out += "\(region)\t\(range)\t\(p.byCorresponding)\t\(p.byFirstAuthor)\t\(p.unplaced)\n"
            }
        }
        return out
    }

    /// Four decimals, `0.0000` for zero.
    static func fraction(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 4) }
}
