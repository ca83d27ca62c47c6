/// Top countries and top collaborations by average rank (METRICS.md): rank
/// every candidate in each year of a window, average the ranks, keep the N
/// best averages.
///
/// A year's rank is the competition rank ("1224"): 1 + the number of
/// candidates with a strictly larger value that year, so tied candidates share
/// a rank and the result never depends on storage order; a candidate with no
/// value in a year ties with the other absent ones after every present one.
/// Candidates are the keys with a value above zero in at least one year of
/// the window.
///
/// Checked against the paper: with the window 2010–2022 the N best averages
/// of `raw/Country_weighted_*.tsv` are exactly the countries plotted in
/// Figure 1a (N = 8, all substances), Figure 2b (N = 10, organometallics) and
/// Figure 2d (N = 10, rare earths). Over all of 1996–2022 the rare-earth set
/// still matches but the other two swap one country (Spain for Russia, Italy
/// for Russia), so the paper's selection weighs the later years; the window
/// is therefore a parameter. The rows of those figures are ordered by share
/// in one year, not by average rank.
public enum AverageRank {
    /// One ranked key.
    public struct Entry<Key: Hashable & Comparable & Sendable>: Sendable, Equatable {
        public var key: Key
        /// Mean of the yearly ranks over the window (1 = first every year).
        public var averageRank: Double
        /// Sum of the values over the window (tie-breaker, and shown beside the rank).
        public var total: Double
    }

    /// Ranks keys by their yearly values. `values[year][key]`; years outside
    /// `years` are ignored. Order: average rank, then larger total, then key.
    public static func rank<Key: Hashable & Comparable & Sendable>(_ values: [Int: [Key: Double]], years: [Int], top: Int) -> [Entry<Key>] {
        let window = years.sorted()
        guard !window.isEmpty, top > 0 else { return [] }
        var candidates = Set<Key>()
        for y in window { for (k, v) in values[y] ?? [:] where v > 0 { candidates.insert(k) } }
        let keys = candidates.sorted()
        var rankSum = [Key: Int]()
        var totals = [Key: Double]()
        for y in window {
            let year = values[y] ?? [:]
            // Sorted descending once; the competition rank is the index of the first equal value + 1.
            let sortedValues = keys.map { max(0, year[$0] ?? 0) }.sorted(by: >)
            for k in keys {
                let v = max(0, year[k] ?? 0)
                rankSum[k, default: 0] += firstIndex(of: v, inDescending: sortedValues) + 1
                totals[k, default: 0] += v
            }
        }
        let entries = keys.map { Entry(key: $0, averageRank: Double(rankSum[$0] ?? 0) / Double(window.count), total: totals[$0] ?? 0) }
        return Array(entries.sorted {
            if $0.averageRank != $1.averageRank { return $0.averageRank < $1.averageRank }
            if $0.total != $1.total { return $0.total > $1.total }
            return $0.key < $1.key
        }.prefix(top))
    }

    /// Top countries by `w_c,t` of `region` under the tally's counting method.
    public static func countries(_ tally: ShareTally, region: Region, years: [Int], top: Int) -> [Entry<CountryCode>] {
        var values: [Int: [CountryCode: Double]] = [:]
        for y in years { values[y] = tally.tally(region, y).weights }
        return rank(values, years: years, top: top)
    }

    /// Top collaborations: exact country sets with two or more countries, by units per year.
    public static func collaborations(_ tally: ShareTally, region: Region, years: [Int], top: Int) -> [Entry<CountrySet>] {
        var values: [Int: [CountrySet: Double]] = [:]
        for y in years {
            var row: [CountrySet: Double] = [:]
            for (k, n) in tally.tally(region, y).exactSets where k.isInternational { row[k] = Double(n) }
            values[y] = row
        }
        return rank(values, years: years, top: top)
    }

    /// Index of the first element equal to `v` in an array sorted descending (binary search).
    private static func firstIndex(of v: Double, inDescending a: [Double]) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] > v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
