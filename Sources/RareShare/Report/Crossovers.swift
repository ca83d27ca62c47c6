/// When one country's share passes another's: `Crossovers.tsv`, from a run
/// or from a folder of aggregate tables.
///
/// For every pair of the top countries of a region and every counting method
/// the inputs allow, the *leader* is the one ahead in the last year;
/// `first_year` is the first year it is ahead, `for_good_year` the first year
/// from which it stays ahead to the end. A pair level in the last year has no
/// leader and no row. A country without a value in a year counts 0 there.
/// Shares of one year share a denominator, so weights are compared directly.
public enum Crossovers {
    public struct Row: Sendable, Equatable {
        public var region: Region
        public var method: CountingMethod
        public var leader: CountryCode
        public var follower: CountryCode
        public var firstYear: Int
        public var forGoodYear: Int
    }

    public static let fileName = "Crossovers.tsv"
    /// How many top countries are paired when the run names no `--top`.
    public static let defaultTop = 10

    /// The yearly values of one method in one region, by country.
    public struct Series: Sendable {
        public var method: CountingMethod
        public var value: @Sendable (CountryCode, Int) -> Double
    }

    /// The rows of one region over `years` (ascending) for `countries` (in rank order).
    public static func rows(region: Region, years: [Int], countries: [CountryCode], series: [Series]) -> [Row] {
        guard let last = years.last else { return [] }
        var out: [Row] = []
        for s in series {
            for (i, a) in countries.enumerated() {
                for b in countries[(i + 1)...] {
                    let va = s.value(a, last), vb = s.value(b, last)
                    guard va != vb else { continue }
                    let (leader, follower) = va > vb ? (a, b) : (b, a)
                    let ahead = years.map { s.value(leader, $0) > s.value(follower, $0) }
                    guard let first = ahead.firstIndex(of: true) else { continue }
                    var forGood = years.count - 1
                    while forGood > 0 && ahead[forGood - 1] { forGood -= 1 }
                    out.append(Row(region: region, method: s.method, leader: leader, follower: follower,
                                   firstYear: years[first], forGoodYear: years[forGood]))
                }
            }
        }
        return out
    }

    /// The series a tally allows: its own method's weights, and full and
    /// publication-fractional counts from its exact country sets when those
    /// sets are complete (`exactSetsComplete`) and the method is not already given.
    /// Members of ``CountryLabels/unresolved`` do not count in a set's size.
    public static func series(_ tally: ShareTally, region: Region, exactSetsComplete: Bool, skip: [CountingMethod] = []) -> [Series] {
        var out = [Series(method: tally.method, value: { c, y in tally.tally(region, y).weights[c] ?? 0 })]
        guard exactSetsComplete else { return out }
        for method in [CountingMethod.full, .publicationFractional] where method != tally.method && !skip.contains(method) {
            out.append(Series(method: method) { c, y in
                var sum = 0.0
                for (set, n) in tally.tally(region, y).exactSets where set.contains(c) {
                    let size = set.members.filter { $0 != CountryLabels.unresolved }.count
                    sum += method == .full ? Double(n) : Double(n) / Double(max(1, size))
                }
                return sum
            })
        }
        return out
    }

    /// True when some year of the region has a one-country exact set: the
    /// exact-set table then holds every set (a run's, or the paper's
    /// `Absolute_collab_allSubs.tsv`), not only the top collaborations
    /// (the paper's other regions), so full counts can be summed from it.
    public static func hasCompleteExactSets(_ tally: ShareTally, region: Region, years: [Int]) -> Bool {
        years.contains { y in tally.tally(region, y).exactSets.keys.contains { $0.isSolo && !$0.contains(CountryLabels.unresolved) } }
    }

    /// Every row for a run: each tallied method, plus full and
    /// publication-fractional counts from the first tally's exact sets.
    public static func rows(tallies: [ShareTally], regions: [Region], years: [Int], top: Int) -> [Row] {
        guard let main = tallies.first else { return [] }
        var out: [Row] = []
        for region in regions {
            let countries = AverageRank.countries(main, region: region, years: years, count: top).compactMap { CountryCode($0.key) }
            var all: [Series] = []
            for t in tallies { all += series(t, region: region, exactSetsComplete: false) }
            all += series(main, region: region, exactSetsComplete: true, skip: tallies.map(\.method)).dropFirst()
            out += rows(region: region, years: years, countries: countries, series: all)
        }
        return out
    }

    /// Every row a folder of aggregate tables allows: author-fractional from
    /// `Country_weighted_*.tsv`; full and publication-fractional from
    /// `Absolute_collab_*.tsv` where that table holds every exact set (of the
    /// paper's, only `allSubs`: its other regions list the top 50 pairs only).
    public static func rows(tables tally: ShareTally, regions: [Region], years: [Int], top: Int) -> [Row] {
        var out: [Row] = []
        for region in regions {
            let countries = AverageRank.countries(tally, region: region, years: years, count: top).compactMap { CountryCode($0.key) }
            let complete = hasCompleteExactSets(tally, region: region, years: years)
            out += rows(region: region, years: years, countries: countries, series: series(tally, region: region, exactSetsComplete: complete))
        }
        return out
    }

    public static func tsv(_ rows: [Row]) -> String {
        var out = "region\tmethod\tleader\tfollower\tfirst_year\tfor_good_year\n"
        for r in rows {
            out += "\(r.region.weightedFileSuffix)\t\(r.method)\t\(r.leader)\t\(r.follower)\t\(r.firstYear)\t\(r.forGoodYear)\n"
        }
        return out
    }

    /// The China–US line of a terminal summary: from which year CN stays
    /// ahead of US (or US of CN) per region and method; `nil` without such rows.
    public static func chinaUSLine(_ rows: [Row]) -> String? {
        let cn = CountryCode("CN")!, us = CountryCode("US")!
        let pairs = rows.filter { Set([$0.leader, $0.follower]) == Set([cn, us]) }
        guard !pairs.isEmpty else { return nil }
        let parts = pairs.map { r in "\(r.region) \(r.method) \(r.leader == cn ? "CN" : "US") ahead for good from \(r.forGoodYear) (first \(r.firstYear))" }
        return "China–US: " + parts.joined(separator: "; ") + "\n"
    }
}
