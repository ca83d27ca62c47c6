/// A region of the chemical space, as the reference study cuts it.
public enum Region: Int, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case all = 0
    case organic = 1
    case organometallic = 2
    case rareEarth = 3

    /// Short name used on the command line and in long-form output.
    public var description: String {
        switch self {
        case .all: "all"
        case .organic: "organic"
        case .organometallic: "organometallic"
        case .rareEarth: "rare-earth"
        }
    }

    /// Suffix of the paper's `Country_weighted_*.tsv` file names.
    public var weightedFileSuffix: String {
        switch self {
        case .all: "allSubs"
        case .organic: "organic"
        case .organometallic: "organoMetallic"
        case .rareEarth: "raras"
        }
    }

    /// Suffix of the paper's `Absolute_collab_*.tsv` file names (the paper capitalises "Organic" here).
    public var collabFileSuffix: String {
        switch self {
        case .all: "allSubs"
        case .organic: "Organic"
        case .organometallic: "organoMetallic"
        case .rareEarth: "raras"
        }
    }

    /// Row label in the paper's `Figure2a.tsv` (yearly totals).
    public var totalsRowLabel: String {
        switch self {
        case .all: "All substances"
        case .organic: "Organic chemicals"
        case .organometallic: "Organometallics"
        case .rareEarth: "Rare-earth chemicals"
        }
    }

    public init?(totalsRowLabel label: String) {
        guard let r = Region.allCases.first(where: { $0.totalsRowLabel == label }) else { return nil }
        self = r
    }
}

/// The regions one unit belongs to, as a bit set (every unit is in ``Region/all``).
public struct RegionSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let all = RegionSet(rawValue: 1 << 0)
    public static let organic = RegionSet(rawValue: 1 << 1)
    public static let organometallic = RegionSet(rawValue: 1 << 2)
    public static let rareEarth = RegionSet(rawValue: 1 << 3)

    public init(_ region: Region) { self.init(rawValue: 1 << UInt8(region.rawValue)) }

    public func contains(_ region: Region) -> Bool { contains(RegionSet(region)) }

    public var regions: [Region] { Region.allCases.filter { contains($0) } }

    /// Calls `body` for each region of the set in the paper's order, without
    /// building an array: aggregation does this once per unit.
    @inline(__always)
    public func forEach(_ body: (Region) throws -> Void) rethrows {
        var bits = rawValue
        while bits != 0 {
            try body(Region(rawValue: bits.trailingZeroBitCount)!)
            bits &= bits - 1
        }
    }
}
