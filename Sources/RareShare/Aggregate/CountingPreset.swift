/// The counting rules of one producer of country shares, by name.
///
/// Each preset is only a bundle of ``CountingRules``; every rule can also be
/// set alone, and a rule set alone wins over the preset's. Sources and worked
/// examples: docs/METHODS.md.
public enum CountingPreset: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The reference study: author-fractional on first affiliations, HK/MO/TW
    /// apart, shares of `N_t` (unattributed units included).
    case study
    /// NSF Science & Engineering Indicators: the study's author proportions,
    /// shares of the attributed units only.
    case nsf
    /// CWTS Leiden Ranking: 1/n per authorship (n = all authorships, an
    /// author without a country keeps a part that goes to nobody), split
    /// over the author's affiliations; HK and MO count as CN.
    case leiden
    /// Nature Index: 1 per unit split equally among authors with a country,
    /// each author's part equally among the countries of their affiliations.
    case natureIndex = "nature-index"

    public var description: String { rawValue }

    public var rules: CountingRules {
        switch self {
        case .study:
            return .study
        case .nsf:
            return CountingRules(denominator: .attributed)
        case .leiden:
            return CountingRules(affiliations: .all, territories: .leiden, authorCount: .all)
        case .natureIndex:
            return CountingRules(affiliations: .all, denominator: .attributed)
        }
    }
}
