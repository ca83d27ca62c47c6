/// Turns a raw affiliation string into a country, or says why it cannot.
///
/// Implementations must be pure (the same string always gives the same
/// answer) so that results can be cached and runs are reproducible.
public protocol AffiliationResolver: Sendable {
    func resolve(_ affiliation: String) -> CountryResolution
    /// Does any one-time setup now (loading name tables), on up to `threads`
    /// cores, so that a run can do it while it reads other files rather than
    /// on the first string resolved while other workers wait. Optional.
    func prepare(threads: Int)
}

extension AffiliationResolver {
    public func prepare(threads: Int) {}
}

/// The answer for one affiliation string: a country with the evidence that
/// decided it, or no country with the reason.
public struct CountryResolution: Sendable, Equatable, Hashable {
    public var country: CountryCode?
    /// What decided, e.g. `country name "Peoples R China"`, or why nothing did.
    public var evidence: String
    /// The id of the rule that decided (``ResolverRule``, e.g.
    /// `country-name`), or `unresolved`; empty for resolvers without rules.
    public var rule: String

    public init(country: CountryCode?, evidence: String, rule: String = "") {
        self.country = country
        self.evidence = evidence
        self.rule = rule
    }

    public init(country: CountryCode?, evidence: String, rule: ResolverRule) {
        self.init(country: country, evidence: evidence, rule: rule.rawValue)
    }

    public static func unresolved(_ reason: String, rule: ResolverRule = .unresolved) -> CountryResolution {
        CountryResolution(country: nil, evidence: reason, rule: rule.rawValue)
    }

    /// The evidence with the rule's id, as `resolve` prints it:
    /// `country name "Japan" [country-name]`.
    public var evidenceWithRule: String { rule.isEmpty ? evidence : "\(evidence) [\(rule)]" }
}
