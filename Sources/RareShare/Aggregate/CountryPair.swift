/// An ordered pair of countries for "c without d" (METRICS.md): the share of
/// `c` over units whose country set contains `c` but not `d`.
public struct CountryPair: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var country: CountryCode
    public var excluded: CountryCode

    public init(_ country: CountryCode, without excluded: CountryCode) {
        self.country = country
        self.excluded = excluded
    }

    /// Parses `CN-US`, `CN,US` or `CN/US` as "CN without US".
    public init?(_ text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "," || $0 == "/" })
        guard parts.count == 2, let a = CountryCode(parts[0]), let b = CountryCode(parts[1]), a != b else { return nil }
        self.init(a, without: b)
    }

    public var description: String { "\(country) w/o \(excluded)" }

    public static func < (l: CountryPair, r: CountryPair) -> Bool {
        (l.country, l.excluded) < (r.country, r.excluded)
    }

    /// The paper's Figure 1a pairs: China without the US and the US without China.
    public static let paperDefaults: [CountryPair] = [
        CountryPair(CountryCode("CN")!, without: CountryCode("US")!),
        CountryPair(CountryCode("US")!, without: CountryCode("CN")!),
    ]
}
