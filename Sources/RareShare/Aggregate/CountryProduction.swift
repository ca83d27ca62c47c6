/// Single-country and multiple-country publications per country, as
/// bibliometrix reports them (`SCP`, `MCP`, MCP ratio), kept per region and year.
///
/// Each unit goes to one country: its corresponding author's (the first
/// corresponding author with a country, first listed affiliation), or the
/// first author's when the source names no corresponding author or none
/// with a country. bibliometrix takes the reprint author's country the same
/// way; the fallback keeps sources without that field usable, and the run
/// counts how often each rule was used. A unit is an SCP when all its
/// attributed authors share that one country, an MCP otherwise.
public struct CountryProduction: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        /// Units whose authors are all from the country.
        public var single = 0
        /// Units with authors from two or more countries.
        public var multiple = 0

        public init(single: Int = 0, multiple: Int = 0) {
            self.single = single
            self.multiple = multiple
        }

        /// SCP + MCP.
        public var units: Int { single + multiple }
        /// MCP / (SCP + MCP); `nil` for no units.
        public var multipleRatio: Double? { units > 0 ? Double(multiple) / Double(units) : nil }

        mutating func merge(_ o: Counts) {
            single += o.single
            multiple += o.multiple
        }
    }

    /// Which rule placed the units of one region and year.
    public struct Placement: Sendable, Equatable {
        /// Placed by the corresponding author's country.
        public var byCorresponding = 0
        /// Placed by the first author's country (no corresponding author with a country).
        public var byFirstAuthor = 0
        /// Attributed units that could not be placed (neither author has a country).
        public var unplaced = 0

        public init(byCorresponding: Int = 0, byFirstAuthor: Int = 0, unplaced: Int = 0) {
            self.byCorresponding = byCorresponding
            self.byFirstAuthor = byFirstAuthor
            self.unplaced = unplaced
        }

        mutating func merge(_ o: Placement) {
            byCorresponding += o.byCorresponding
            byFirstAuthor += o.byFirstAuthor
            unplaced += o.unplaced
        }
    }

    /// One region and year.
    public struct Year: Sendable, Equatable {
        public var countries: [CountryCode: Counts] = [:]
        public var placement = Placement()

        public init() {}

        mutating func merge(_ o: Year) {
            for (k, v) in o.countries { countries[k, default: Counts()].merge(v) }
            placement.merge(o.placement)
        }
    }

    public private(set) var regions: [Region: [Int: Year]] = [:]

    public init() {}

    /// The country a unit is placed under and the rule used; `nil` when neither
    /// a corresponding nor the first author has a country.
    public static func place(_ authorship: Authorship) -> (country: CountryCode, byCorresponding: Bool)? {
        for i in authorship.correspondingIndexes ?? [] where i >= 0 && i < authorship.authorCount {
            if let c = authorship.countries(ofAuthor: i).first { return (c, true) }
        }
        if let i = authorship.firstAuthorIndex, i >= 0, i < authorship.authorCount,
           let c = authorship.countries(ofAuthor: i).first {
            return (c, false)
        }
        return nil
    }

    public mutating func add(_ unit: AttributedUnit) {
        guard let authorship = unit.authorship, authorship.authorCount > 0 else { return }
        let placed = Self.place(authorship)
        let multiple = authorship.countrySet.isInternational
        for region in unit.regions.regions {
            // In place, so the year's dictionary is not copied per unit.
            regions[region, default: [:]][unit.year, default: Year()].add(placed, multiple: multiple)
        }
    }

    /// Adds a later chunk's counts (integers only, so order does not matter; kept in chunk order anyway).
    public mutating func merge(_ other: CountryProduction) {
        for (region, years) in other.regions {
            for (year, y) in years { regions[region, default: [:]][year, default: Year()].merge(y) }
        }
    }

    /// Counts of one region summed over a year range.
    public func total(_ region: Region, _ range: YearRange) -> Year {
        var out = Year()
        guard let years = regions[region] else { return out }
        for y in years.keys.sorted() where range.contains(y) { out.merge(years[y]!) }
        return out
    }
}

extension CountryProduction.Year {
    mutating func add(_ placed: (country: CountryCode, byCorresponding: Bool)?, multiple: Bool) {
        guard let placed else {
            placement.unplaced += 1
            return
        }
        if placed.byCorresponding { placement.byCorresponding += 1 } else { placement.byFirstAuthor += 1 }
        if multiple { countries[placed.country, default: .init()].multiple += 1 } else { countries[placed.country, default: .init()].single += 1 }
    }
}
