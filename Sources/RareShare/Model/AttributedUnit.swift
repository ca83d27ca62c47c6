/// One counted unit (a substance at its first report, or a publication) with
/// everything aggregation needs: its year, regions and authorship.
public struct AttributedUnit: Sendable {
    public var year: Int
    public var regions: RegionSet
    /// `nil` when the unit matched no bibliographic record; an empty authorship
    /// when it matched one whose authors have no country. Both are unattributed.
    public var authorship: Authorship?
    /// Composition key (`CClHORu`) when the unit has a formula.
    public var composition: String?

    public init(year: Int, regions: RegionSet, authorship: Authorship?, composition: String? = nil) {
        self.year = year
        self.regions = regions
        self.authorship = authorship
        self.composition = composition
    }

    /// True when `|S(s)| ≥ 1`.
    public var isAttributed: Bool { (authorship?.authorCount ?? 0) > 0 }
}
