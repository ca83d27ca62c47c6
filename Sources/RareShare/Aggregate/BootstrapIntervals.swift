/// 95% percentile intervals of the share-like measures, from resampling the
/// units of each region and year with replacement.
///
/// What it covers: the sampling of units (which substances or publications
/// happen to be in a year). What it does not: attribution errors (a wrong
/// or missing country stays wrong in every resample), nor the choice of
/// counting rules (compare presets for that).
///
/// Reproducible: replicate `r` of region `g` and year `t` draws from a
/// random stream derived from `(seed, g, t, r)` only, never from thread
/// order, and each region-year is resampled on its own; so the intervals are
/// bit-identical for any number of threads.
/// - Complexity: O(replicates × units) time; O(units) memory for the unit summaries.
public struct BootstrapIntervals: Sendable, Equatable {
    public let replicates: Int
    public let seed: UInt64
    /// `[region][year][measure \u{1F} key]` → (low, high).
    public private(set) var intervals: [Region: [Int: [String: Interval]]] = [:]

    /// What `--bootstrap N --seed S` asks for.
    public struct Settings: Sendable, Equatable {
        public var replicates: Int
        public var seed: UInt64
        public init(replicates: Int, seed: UInt64) {
            self.replicates = replicates
            self.seed = seed
        }
    }

    public struct Interval: Sendable, Equatable {
        public var low: Double
        public var high: Double
    }

    /// Measures of percent kind that get an interval (of `N_t` or the attributed units).
    public static let measures: Set<String> = ["share_percent", "share_ceiling_percent", "alone_percent", "set_percent",
                                               "without_percent", "coverage_percent"]

    public init(replicates: Int, seed: UInt64) {
        self.replicates = replicates
        self.seed = seed
    }

    /// The interval of one long-form row, when it has one.
    public func interval(region: Region, year: Int, measure: String, key: String) -> Interval? {
        intervals[region]?[year]?[measure + "\u{1F}" + key]
    }

    /// Resamples every region and year of `units` (summaries in unit order),
    /// `threads` region-years at a time.
    public static func compute(_ units: [Region: [Int: [YearlyTally.UnitSummary]]], replicates: Int, seed: UInt64,
                               pairs: [CountryPair], denominator: CountingRules.Denominator, threads: Int) -> BootstrapIntervals {
        var out = BootstrapIntervals(replicates: replicates, seed: seed)
        let jobs = units.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { r in units[r]!.keys.sorted().map { (r, $0) } }
        let results = ConcurrentMap.values(count: jobs.count, concurrently: threads > 1) { i in
            let (region, year) = jobs[i]
            return resample(units[region]![year]!, region: region, year: year, replicates: replicates, seed: seed,
                            pairs: pairs, denominator: denominator)
        }
        for (i, job) in jobs.enumerated() { out.intervals[job.0, default: [:]][job.1] = results[i] }
        return out
    }

    /// The intervals of one region-year: every share-like value of every
    /// replicate (0 where a country or set is absent from it), sorted, cut at 2.5% and 97.5%.
    static func resample(_ units: [YearlyTally.UnitSummary], region: Region, year: Int, replicates: Int, seed: UInt64,
                         pairs: [CountryPair], denominator: CountingRules.Denominator) -> [String: Interval] {
        guard !units.isEmpty, replicates > 0 else { return [:] }
        var full = YearlyTally()
        for u in units { full.add(u, pairs: pairs, keepCompositions: false) }
        let keys = Array(Self.values(full, pairs: pairs, denominator: denominator).keys).sorted()
        // Replicate values are gathered per key in replicate order, so each sorted list is the same on any machine.
        var samples = [String: [Double]](minimumCapacity: keys.count)
        for k in keys { samples[k] = [] }
        for r in 0..<replicates {
            var rng = UnitStream(seed: seed, region: region, year: year, replicate: r)
            var t = YearlyTally()
            for _ in 0..<units.count { t.add(units[rng.index(below: units.count)], pairs: pairs, keepCompositions: false) }
            let v = Self.values(t, pairs: pairs, denominator: denominator)
            for k in keys { samples[k]!.append(v[k] ?? 0) }
        }
        // With very few units every replicate can fall on one side of the
        // estimate; the interval is then widened to hold it.
        let estimates = Self.values(full, pairs: pairs, denominator: denominator)
        var out: [String: Interval] = [:]
        for k in keys {
            let sorted = samples[k]!.sorted(), e = estimates[k]!
            out[k] = Interval(low: min(e, quantile(sorted, 0.025)), high: max(e, quantile(sorted, 0.975)))
        }
        return out
    }

    /// The share-like values of a tally, keyed as ``interval(region:year:measure:key:)`` keys them.
    static func values(_ t: YearlyTally, pairs: [CountryPair], denominator: CountingRules.Denominator) -> [String: Double] {
        let m = ShareMeasures(t, denominator: denominator)
        var out: [String: Double] = [:]
        func put(_ measure: String, _ key: String, _ v: Double?) { if let v { out[measure + "\u{1F}" + key] = v } }
        put("coverage_percent", "", m.coverage)
        for c in t.weights.keys {
            put("share_percent", c.description, m.share(c))
            put("share_ceiling_percent", c.description, m.shareCeiling(c))
            put("alone_percent", c.description, m.aloneShare(c))
        }
        for set in t.exactSets.keys where set.isInternational { put("set_percent", set.description, m.collaborationShare(set)) }
        for pair in pairs { put("without_percent", pair.description, m.shareWithout(pair)) }
        return out
    }

    /// Linear interpolation between the order statistics around `p · (n − 1)` (R's type 7).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = p * Double(sorted.count - 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

/// The random stream of one bootstrap replicate: SplitMix64 started from
/// the seed, region, year and replicate number mixed together.
struct UnitStream {
    private var state: UInt64

    init(seed: UInt64, region: Region, year: Int, replicate: Int) {
        var s = Self.mix(seed)
        s = Self.mix(s ^ UInt64(region.rawValue + 1))
        s = Self.mix(s ^ UInt64(bitPattern: Int64(year)))
        state = Self.mix(s ^ UInt64(replicate))
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A position in `0..<n` (multiply-shift: the high word of `next() · n`).
    mutating func index(below n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }
}
