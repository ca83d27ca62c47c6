import ArgumentParser
import RareShare

/// `--preset` and the counting rules it bundles, each of which may also be
/// set alone (a rule set alone wins over the preset's). `--affiliations`
/// belongs to ``InputOptions`` (extract uses it too) and is folded in here.
struct CountingRuleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Counting rules of one producer of country shares: study (the paper's, default), nsf, leiden or nature-index. See docs/METHODS.md.", valueName: "name"))
    var preset: String?

    @Option(help: ArgumentHelp("Territories counted as China: as-delivered (HK, MO, TW apart, the paper's), leiden (HK, MO → CN) or cn-all (HK, MO, TW → CN).", valueName: "rule"))
    var territories: String?

    @Option(help: ArgumentHelp("What shares are percentages of: all (every unit of the year, the paper's) or attributed (units with a country only, NSF's).", valueName: "all|attributed"))
    var denominator: String?

    @Option(name: .customLong("author-count"), help: ArgumentHelp("Author-fractional divisor: with-country (authors with a country, the paper's) or all (every authorship; the parts of authors without a country go to nobody, CWTS Leiden's).", valueName: "with-country|all"))
    var authorCount: String?

    func validate() throws {
        try Self.check(preset, CountingPreset.self, "--preset")
        try Self.check(territories, CountingRules.Territories.self, "--territories")
        try Self.check(denominator, CountingRules.Denominator.self, "--denominator")
        try Self.check(authorCount, CountingRules.AuthorCount.self, "--author-count")
    }

    private static func check<T: RawRepresentable & CaseIterable>(_ value: String?, _: T.Type, _ flag: String) throws where T.RawValue == String {
        guard let value, T(rawValue: value) == nil else { return }
        throw ValidationError("unknown \(flag) '\(value)'; known: \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
    }

    /// The preset's rules with every rule set alone applied over them.
    func rules(affiliations: AffiliationPolicy?) -> CountingRules {
        var rules = preset.flatMap(CountingPreset.init(rawValue:))?.rules ?? .study
        if let affiliations { rules.affiliations = affiliations }
        if let t = territories.flatMap(CountingRules.Territories.init(rawValue:)) { rules.territories = t }
        if let d = denominator.flatMap(CountingRules.Denominator.init(rawValue:)) { rules.denominator = d }
        if let a = authorCount.flatMap(CountingRules.AuthorCount.init(rawValue:)) { rules.authorCount = a }
        return rules
    }
}
