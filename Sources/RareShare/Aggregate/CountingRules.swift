/// Every choice that decides what one unit credits to each country: the
/// counting method and the four rules producers of country shares differ in.
///
/// The study, NSF's Science & Engineering Indicators, the CWTS Leiden Ranking
/// and the Nature Index each fix these differently (``CountingPreset``); a
/// run records the rules it used (`Counting_rules.tsv`) so two folders of
/// tables can be told apart. The defaults are the study's, and under them
/// every weight is the one ``CountingMethod/weights(of:)`` gives, so the
/// paper's tables are unchanged. docs/METHODS.md gives each rule's source.
public struct CountingRules: Sendable, Hashable, Codable, CustomStringConvertible {
    public var method: CountingMethod
    /// Which affiliations of an author count (first, or all of them split equally among their countries).
    public var affiliations: AffiliationPolicy
    public var territories: Territories
    public var denominator: Denominator
    public var authorCount: AuthorCount

    public init(method: CountingMethod = .paper, affiliations: AffiliationPolicy = .first,
                territories: Territories = .asDelivered, denominator: Denominator = .all,
                authorCount: AuthorCount = .withCountry) {
        self.method = method
        self.affiliations = affiliations
        self.territories = territories
        self.denominator = denominator
        self.authorCount = authorCount
    }

    /// The study's rules (author-fractional, first affiliation, territories as delivered, `N_t`, `|A(s)|`).
    public static let study = CountingRules()

    /// The same rules with another counting method.
    public func with(_ method: CountingMethod) -> CountingRules {
        var copy = self
        copy.method = method
        return copy
    }

    /// Which territories are counted as another country.
    public enum Territories: String, Sendable, Hashable, Codable, CaseIterable {
        /// Codes as the resolver gives them: HK, MO and TW stay apart, as in the study.
        case asDelivered = "as-delivered"
        /// HK and MO count as CN (the CWTS Leiden Ranking's country of China).
        case leiden
        /// HK, MO and TW count as CN.
        case cnAll = "cn-all"

        private static let cn = CountryCode("CN")!, hk = CountryCode("HK")!, mo = CountryCode("MO")!, tw = CountryCode("TW")!

        /// The country `code` counts as under this rule.
        public func fold(_ code: CountryCode) -> CountryCode {
            switch self {
            case .asDelivered: return code
            case .leiden: return code == Self.hk || code == Self.mo ? Self.cn : code
            case .cnAll: return code == Self.hk || code == Self.mo || code == Self.tw ? Self.cn : code
            }
        }
    }

    /// What a share is a percentage of.
    public enum Denominator: String, Sendable, Hashable, Codable, CaseIterable {
        /// `N_t`: every unit of the year, unattributed ones included (the study).
        case all
        /// Attributed units only (NSF: the world total leaves out unclassified addresses).
        case attributed
    }

    /// Whom a unit's credit is divided among under author-fractional counting.
    public enum AuthorCount: String, Sendable, Hashable, Codable, CaseIterable {
        /// `|A(s)|`: authors with a country; a unit's weights sum to 1.
        case withCountry = "with-country"
        /// Every authorship of the unit; the parts of authors without a
        /// country go to nobody, so the weights sum to the attributed fraction.
        case all
    }

    /// `author-fractional, affiliations first, territories as-delivered, denominator all, author-count with-country`.
    public var description: String {
        "\(method), affiliations \(affiliations.rawValue), territories \(territories.rawValue), denominator \(denominator.rawValue), author-count \(authorCount.rawValue)"
    }

    /// The authorship these rules count for `unit`: the chosen affiliation
    /// policy's, territories folded; `nil` when the unit is unattributed.
    public func authorship(of unit: AttributedUnit) -> Authorship? {
        guard let a = unit.authorship(under: affiliations), a.authorCount > 0 else { return nil }
        return a.folding(territories)
    }

    /// The credit each country gets from `authorship`, in ascending code order
    /// (see ``CountingMethod/weights(of:)``). With ``AuthorCount/all`` the
    /// author-fractional weights are scaled by `|A(s)| / n`, `n` counting every
    /// authorship; the other methods do not divide by authors and are unchanged.
    public func weights(of authorship: Authorship) -> [(CountryCode, Double)] {
        let weights = method.weights(of: authorship)
        guard authorCount == .all, method == .authorFractional, authorship.unattributedAuthors > 0 else { return weights }
        let kept = Double(authorship.authorCount), all = Double(authorship.bylineCount)
        return weights.map { ($0.0, $0.1 * kept / all) }
    }

    /// The rows of `Counting_rules.tsv`: each option's name and value.
    public var optionRows: [(option: String, value: String)] {
        [("counting", method.rawValue), ("affiliations", affiliations.rawValue), ("territories", territories.rawValue),
         ("denominator", denominator.rawValue), ("author-count", authorCount.rawValue)]
    }
}
