/// Yearly tallies for every region: the complete result of aggregation.
///
/// Every unit adds to the tally of each of its regions for its year, so the
/// tallies are kept in a flat table indexed by region and year (years
/// 1600–2100, the default plausible range (``YearParser/defaultPlausible``); any other year in
/// a dictionary beside it): adding a unit costs an index computation, not
/// two dictionary lookups per region.
public struct ShareTally: Sendable, Equatable {
    public let pairs: [CountryPair]
    /// How each unit's credit is shared among countries (the paper's method unless asked).
    public let method: CountingMethod

    private static let firstYear = 1600
    private static let span = 501
    /// `Region.rawValue × span + (year − firstYear)`; empty until the first
    /// unit. An unused slot holds an empty tally (no allocation) and is
    /// marked in `used`, so updates happen in place.
    private var table: [YearlyTally] = []
    private var used: [Bool] = []
    private var otherYears: [Region: [Int: YearlyTally]] = [:]

    public init(pairs: [CountryPair] = CountryPair.paperDefaults, method: CountingMethod = .paper) {
        self.pairs = pairs
        self.method = method
    }

    /// Every tally, by region and year.
    public var regions: [Region: [Int: YearlyTally]] {
        var out = otherYears
        for (i, tally) in table.enumerated() where used[i] {
            out[Region(rawValue: i / Self.span)!, default: [:]][Self.firstYear + i % Self.span] = tally
        }
        return out
    }

    @inline(__always)
    private static func slot(_ region: Region, _ year: Int) -> Int? {
        let offset = year - firstYear
        guard offset >= 0 && offset < span else { return nil }
        return region.rawValue * span + offset
    }

    /// Adds one unit to every region it belongs to.
    public mutating func add(_ unit: AttributedUnit) {
        add(unit, countElements: true)
    }

    /// ``add(_:)``, optionally leaving element counts to ``countElementsFromCompositions()``
    /// (see ``YearlyTally/add(_:pairs:keepCompositions:countElements:)``).
    mutating func add(_ unit: AttributedUnit, countElements: Bool) {
        let summary = YearlyTally.UnitSummary(unit, method: method)
        let pairs = self.pairs
        unit.regions.forEach { region in
            let keep = region == .organometallic || region == .rareEarth
            modify(region, unit.year) { $0.add(summary, pairs: pairs, keepCompositions: keep, countElements: countElements) }
        }
    }

    @inline(__always)
    private mutating func modify(_ region: Region, _ year: Int, _ change: (inout YearlyTally) -> Void) {
        guard let i = Self.slot(region, year) else {
            change(&otherYears[region, default: [:]][year, default: YearlyTally()])
            return
        }
        if table.isEmpty {
            table = [YearlyTally](repeating: YearlyTally(), count: Region.allCases.count * Self.span)
            used = [Bool](repeating: false, count: table.count)
        }
        used[i] = true
        change(&table[i])
    }

    /// Derives every tally's element counts from its composition counts.
    mutating func countElementsFromCompositions() {
        for i in table.indices where used[i] && !table[i].compositions.isEmpty { table[i].countElementsFromCompositions() }
        for (region, years) in otherYears {
            for year in years.keys { otherYears[region]![year]!.countElementsFromCompositions() }
        }
    }

    /// Adds a later chunk's tallies (see ``YearlyTally/merge(_:)``).
    public mutating func merge(_ other: ShareTally) {
        for (i, tally) in other.table.enumerated() where other.used[i] {
            modify(Region(rawValue: i / Self.span)!, Self.firstYear + i % Self.span) { $0.merge(tally) }
        }
        for (region, years) in other.otherYears {
            for (year, tally) in years { modify(region, year) { $0.merge(tally) } }
        }
    }

    /// Sets one region-year directly (used when tallies come from published tables).
    public mutating func set(_ tally: YearlyTally, region: Region, year: Int) {
        modify(region, year) { $0 = tally }
    }

    public func tally(_ region: Region, _ year: Int) -> YearlyTally {
        guard let i = Self.slot(region, year) else { return otherYears[region]?[year] ?? YearlyTally() }
        return table.isEmpty ? YearlyTally() : table[i]
    }

    /// Years with at least one unit in any region, ascending.
    public var years: [Int] {
        Array(Set(regions.values.flatMap(\.keys))).sorted()
    }

    /// Regions holding at least one unit, in the paper's order.
    public var populatedRegions: [Region] {
        let present = regions
        return Region.allCases.filter { !(present[$0]?.isEmpty ?? true) }
    }

    public static func == (a: ShareTally, b: ShareTally) -> Bool {
        a.pairs == b.pairs && a.method == b.method && a.regions == b.regions
    }
}
