/// Every country's share in one year under every preset and counting method:
/// what `Method_comparison_<region>.tsv` is made from.
///
/// Only the latest year of each region is tallied (`year`), and only its
/// sums of weights and attributed units, so the twenty rule sets cost one
/// extra pass over that year's units rather than twenty full tallies.
public struct PresetComparison: Sendable, Equatable {
    /// One rule set: the preset it comes from and the method that replaced the preset's own.
    public struct Variant: Sendable, Hashable {
        public var preset: CountingPreset
        public var method: CountingMethod
        public var rules: CountingRules { preset.rules.with(method) }
    }

    /// Every preset with every method, the study's author-fractional first.
    public static let variants: [Variant] = CountingPreset.allCases.flatMap { p in CountingMethod.allCases.map { Variant(preset: p, method: $0) } }

    /// The year compared, per region (the region's latest year with units).
    public private(set) var years: [Region: Int]
    /// `[region][variant]`: the variant's tally of that region's year (no compositions).
    public private(set) var tallies: [Region: [YearlyTally]]

    /// An empty comparison of `years` (region → year).
    public init(years: [Region: Int]) {
        self.years = years
        tallies = years.mapValues { _ in [YearlyTally](repeating: YearlyTally(), count: Self.variants.count) }
    }

    /// Adds one unit to its regions whose compared year is the unit's.
    public mutating func add(_ unit: AttributedUnit) {
        let regions = unit.regions
        var summaries: [YearlyTally.UnitSummary]?
        for (region, year) in years where year == unit.year && regions.contains(region) {
            let s = summaries ?? Self.variants.map { YearlyTally.UnitSummary(unit, rules: $0.rules) }
            summaries = s
            for i in s.indices { tallies[region]![i].add(s[i], pairs: [], keepCompositions: false) }
        }
    }

    /// Adds a later chunk's sums, in chunk order.
    public mutating func merge(_ other: PresetComparison) {
        for (region, list) in other.tallies {
            for i in list.indices { tallies[region]?[i].merge(list[i]) }
        }
    }

    /// Shares (percent, over each variant's denominator) of `region`'s year, by variant.
    public func measures(_ region: Region) -> [ShareMeasures] {
        guard let list = tallies[region] else { return [] }
        return zip(Self.variants, list).map { ShareMeasures($1, denominator: $0.rules.denominator) }
    }

    /// The latest year with units of each region of `tally`.
    public static func latestYears(of tally: ShareTally) -> [Region: Int] {
        var out: [Region: Int] = [:]
        for region in tally.populatedRegions {
            if let y = tally.years.last(where: { tally.tally(region, $0).units > 0 }) { out[region] = y }
        }
        return out
    }
}
