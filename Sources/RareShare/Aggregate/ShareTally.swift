/// Yearly tallies for every region: the complete result of aggregation.
public struct ShareTally: Sendable, Equatable {
    public private(set) var regions: [Region: [Int: YearlyTally]] = [:]
    public let pairs: [CountryPair]
    /// How each unit's credit is shared among countries (the paper's method unless asked).
    public let method: CountingMethod

    public init(pairs: [CountryPair] = CountryPair.paperDefaults, method: CountingMethod = .paper) {
        self.pairs = pairs
        self.method = method
    }

    /// Adds one unit to every region it belongs to.
    public mutating func add(_ unit: AttributedUnit) {
        let summary = YearlyTally.UnitSummary(unit, method: method)
        for region in unit.regions.regions {
            regions[region, default: [:]][unit.year, default: YearlyTally()]
                .add(summary, pairs: pairs, keepCompositions: region == .organometallic || region == .rareEarth)
        }
    }

    /// Adds a later chunk's tallies (see ``YearlyTally/merge(_:)``).
    public mutating func merge(_ other: ShareTally) {
        for (region, years) in other.regions {
            for (year, tally) in years {
                regions[region, default: [:]][year, default: YearlyTally()].merge(tally)
            }
        }
    }

    /// Sets one region-year directly (used when tallies come from published tables).
    public mutating func set(_ tally: YearlyTally, region: Region, year: Int) {
        regions[region, default: [:]][year] = tally
    }

    public func tally(_ region: Region, _ year: Int) -> YearlyTally {
        regions[region]?[year] ?? YearlyTally()
    }

    /// Years with at least one unit in any region, ascending.
    public var years: [Int] {
        Array(Set(regions.values.flatMap(\.keys))).sorted()
    }

    /// Regions holding at least one unit, in the paper's order.
    public var populatedRegions: [Region] {
        Region.allCases.filter { !(regions[$0]?.isEmpty ?? true) }
    }
}
