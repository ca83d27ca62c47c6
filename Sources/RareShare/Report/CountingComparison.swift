/// Tables that put the counting methods side by side, and the list of every
/// file the counting options add to a run's output folder.
///
/// Files of the paper's method keep the paper's names; every other method's
/// files carry the method before the extension
/// (`Country_weighted_allSubs.full.tsv`), so a folder never mixes two
/// methods under one name.
public enum CountingComparison {
    /// What the counting options of `analyze` ask to write.
    public struct Settings: Sendable, Equatable {
        /// Write top countries and top collaborations, this many each; `nil` for none.
        public var top: Int?
        /// Years averaged for the top lists; `nil` for the whole span of the run.
        public var rankYears: YearRange?
        /// Year ranges of the collaboration network and SCP/MCP tables; empty for the whole span.
        public var ranges: [YearRange]

        public init(top: Int? = nil, rankYears: YearRange? = nil, ranges: [YearRange] = []) {
            self.top = top
            self.rankYears = rankYears
            self.ranges = ranges
        }
    }

    public static func comparisonFileName(_ r: Region) -> String { "Counting_comparison_\(r.weightedFileSuffix).tsv" }
    public static let methodsFileName = "Counting_methods.tsv"
    public static let rulesFileName = "Counting_rules.tsv"

    /// The rules the run's main tables were counted under (`option<TAB>value`).
    /// Tallies of other `--counting` methods share every rule but the method,
    /// which their file names carry.
    public static func rulesTable(_ rules: CountingRules) -> String {
        "option\tvalue\n" + rules.optionRows.map { "\($0.option)\t\($0.value)\n" }.joined()
    }

    /// Share of each country (percent of `N_t`) under every method, one
    /// column per method, one row per country and year. Countries are ordered
    /// by their total weight under the first tally (largest first), then code.
    public static func comparison(_ tallies: [ShareTally], region: Region, years: [Int]) -> String {
        var out = "country\tyear\t" + tallies.map(\.method.rawValue).joined(separator: "\t") + "\n"
        guard let base = tallies.first else { return out }
        var totals: [CountryCode: Double] = [:]
        for y in years { for (c, w) in base.tally(region, y).weights { totals[c, default: 0] += w } }
        let order = totals.keys.sorted { totals[$0]! != totals[$1]! ? totals[$0]! > totals[$1]! : $0 < $1 }
        for c in order {
            for y in years {
                let cells = tallies.map { t in t.measures(region, y).share(c).map(NumberFormat.exact) ?? "" }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                out += "\(c)\t\(y)\t" + cells.joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    /// Per region, year and method: `N_t`, attributed units, units the
    /// method could credit (fewer for first- and corresponding-author
    /// counting when that author is unknown) and the sum of the weights,
    /// which equals the credited units for every fractional method and is
    /// at least that under full counting (more with any international unit).
    public static func methods(_ tallies: [ShareTally], regions: [Region], years: [Int]) -> String {
        var out = "region\tyear\tmethod\tunits\tattributed\tcredited\tweight_sum\n"
        for region in regions {
            for y in years {
                for t in tallies {
                    let yt = t.tally(region, y)
                    var sum = 0.0
                    for c in yt.weights.keys.sorted() { sum += yt.weights[c] ?? 0 }
                    out += "\(region)\t\(y)\t\(t.method)\t\(yt.units)\t\(yt.attributed)\t\(yt.credited)\t\(sum == 0 ? "0" : NumberFormat.exact(sum))\n"
                }
            }
        }
        return out
    }

    /// Lines for the terminal: per method, the units it credited out of the
    /// attributed ones (all years, all substances or publications); empty
    /// when only the paper's method ran.
    public static func summary(_ result: AnalysisResult) -> String {
        let tallies = result.methodTallies
        guard tallies.count > 1 else { return "" }
        var out = "Counting methods (units credited / attributed, all years):\n"
        for t in tallies {
            var credited = 0, attributed = 0
            for y in t.years {
                credited += t.tally(.all, y).credited
                attributed += t.tally(.all, y).attributed
            }
            out += "  \(t.method): \(credited) / \(attributed)\n"
        }
        return out
    }

    /// ``Crossovers`` of every tallied method (plus full and publication-fractional
    /// counts from the exact sets) among the top countries (`--top`, else 10).
    public static func crossovers(_ result: AnalysisResult, regions: [Region], years: [Int], settings: Settings) -> [Crossovers.Row] {
        Crossovers.rows(tallies: result.methodTallies, regions: regions, years: years, top: settings.top ?? Crossovers.defaultTop)
    }

    /// `measures.csv` layout (region, year, measure, key, value) for one method's rows.
    static func measuresCSV(_ rows: [LongFormRows.Row]) -> String {
        var out = "region,year,measure,key,value\n"
        for r in rows {
            let key = r.key.contains(",") ? "\"\(r.key)\"" : r.key
            out += "\(r.region),\(r.year),\(r.measure),\(key),\(r.value)\n"
        }
        return out
    }

    /// Every file the counting options add, as (name, text), in a fixed order.
    /// `result.methodTallies` decides the methods; the network and SCP/MCP
    /// tables come when the run kept them.
    public static func files(for result: AnalysisResult, regions: [Region], years: [Int],
                             settings: Settings) -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = []
        let tallies = result.methodTallies
        let span = years.first.flatMap { f in years.last.flatMap { YearRange(f, $0) } }
        files.append((Crossovers.fileName, Crossovers.tsv(crossovers(result, regions: regions, years: years, settings: settings))))
        if tallies.count > 1 {
            for t in tallies where t.method != .paper {
                for region in regions {
                    files.append((t.method.fileName(PaperTables.weightedFileName(region)),
                                  PaperTables.weighted(t, region: region, years: years).tsv))
                }
                files.append((t.method.fileName("measures.csv"), measuresCSV(LongFormRows.rows(t))))
            }
            for region in regions { files.append((comparisonFileName(region), comparison(tallies, region: region, years: years))) }
            files.append((methodsFileName, methods(tallies, regions: regions, years: years)))
        }
        // Top lists by average yearly rank (``AverageRank``). The countries the
        // paper plots in Figures 1a, 2b and 2d are the best averages over
        // 2010–2022, not over 1996–2022, hence the window is a setting.
        if let top = settings.top, let window = settings.rankYears ?? span {
            let rankYears = Array(window.years)
            for t in tallies {
                for region in regions {
                    let countries = AverageRank.countries(t, region: region, years: rankYears, count: top)
                    files.append((t.method.fileName("Top_countries_\(region.weightedFileSuffix)_\(window).tsv"), AverageRank.tsv(countries)))
                }
            }
            for region in regions {
                let sets = AverageRank.collaborations(result.tally, region: region, years: rankYears, count: top)
                files.append(("Top_collaborations_\(region.weightedFileSuffix)_\(window).tsv", AverageRank.tsv(sets)))
            }
        }
        let ranges = settings.ranges.isEmpty ? (span.map { [$0] } ?? []) : settings.ranges
        if let network = result.counting?.network {
            for region in regions {
                for range in ranges {
                    files += CollaborationNetworkWriter.files(network.graph(region, range),
                                                              stem: "Collaboration_\(region.weightedFileSuffix)_\(range)")
                }
            }
        }
        if let production = result.counting?.production {
            for region in regions {
                for range in ranges {
                    files.append(("Country_production_\(region.weightedFileSuffix)_\(range).tsv",
                                  CountryProductionTable.table(production.total(region, range))))
                }
            }
            files.append(("Country_production_placement.tsv", CountryProductionTable.placement(production, regions: regions, ranges: ranges)))
        }
        return files
    }
}
