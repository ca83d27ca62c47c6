/// METRICS.md's country measures for one region and year, computed from a
/// ``YearlyTally``. Percentages are of `N_t` unless said (or of the attributed
/// units, with ``CountingRules/Denominator/attributed``).
///
/// The same code serves a run's own tallies and tallies loaded from the
/// paper's published tables, which is how the tests show agreement.
public struct ShareMeasures: Sendable {
    public let tally: YearlyTally

    /// What the shares are percentages of; coverage is always of `N_t`.
    public let denominator: CountingRules.Denominator

    public init(_ tally: YearlyTally, denominator: CountingRules.Denominator = .all) {
        self.tally = tally
        self.denominator = denominator
    }

    /// `N_t`.
    public var units: Int { tally.units }

    /// The units a share is a percentage of: `N_t`, or the attributed units.
    public var base: Int { denominator == .all ? tally.units : tally.attributed }

    private func percent(_ x: Double) -> Double? {
        let n = base
        return n > 0 ? 100 * x / Double(n) : nil
    }

    /// `w_c,t`.
    public func weight(_ c: CountryCode) -> Double { tally.weights[c] ?? 0 }

    /// Share of c: `100 · w_c,t / N_t`.
    public func share(_ c: CountryCode) -> Double? { percent(weight(c)) }

    /// Share ceiling of c: `100 · (w_c,t + U_t) / N_t`, `U_t` the unattributed
    /// units of the year: the share c would have if every one of them were
    /// its own, so a reader sees how far attribution gaps could move a share.
    /// (Under either denominator: the unattributed then join the attributed.)
    public func shareCeiling(_ c: CountryCode) -> Double? {
        guard tally.units > 0 else { return nil }
        return 100 * (weight(c) + Double(tally.units - tally.attributed)) / Double(tally.units)
    }

    /// Units whose country set is exactly `{c}`.
    public func aloneCount(_ c: CountryCode) -> Int { tally.exactSets[CountrySet([c])] ?? 0 }

    /// c alone: `100 · #{s : S(s) = {c}} / N_t`.
    public func aloneShare(_ c: CountryCode) -> Double? { percent(Double(aloneCount(c))) }

    /// c without d: `100 · Σ_{c∈S, d∉S} a_c,s/|A(s)| / N_t` (only for pairs tallied).
    public func shareWithout(_ pair: CountryPair) -> Double? {
        guard let w = tally.weightsWithout[pair] else { return base > 0 ? 0 : nil }
        return percent(w)
    }

    /// Solo ratio of c: `100 · (c alone count) / w_c,t`; `nil` when c has no weight.
    public func soloRatio(_ c: CountryCode) -> Double? {
        let w = weight(c)
        return w > 0 ? 100 * Double(aloneCount(c)) / w : nil
    }

    /// Units whose country set is exactly `k`.
    public func exactSetCount(_ k: CountrySet) -> Int { tally.exactSets[k] ?? 0 }

    /// Collaboration share of K: `100 · #{s : S(s) = K} / N_t`.
    public func collaborationShare(_ k: CountrySet) -> Double? { percent(Double(exactSetCount(k))) }

    /// Joint count of K (inclusive): `#{s : K ⊆ S(s)}`.
    public func jointCount(_ k: CountrySet) -> Int {
        tally.exactSets.reduce(0) { $0 + ($1.key.isSuperset(of: k) ? $1.value : 0) }
    }

    /// Joint share ratio: `#{s : K ⊆ S(s)} / w_c,t` (a ratio, not a percentage; Figure 1c's right axis).
    public func jointRatio(_ k: CountrySet, over c: CountryCode) -> Double? {
        let w = weight(c)
        return w > 0 ? Double(jointCount(k)) / w : nil
    }

    /// Full count of c: `#{s : c ∈ S(s)}`.
    public func fullCount(_ c: CountryCode) -> Int {
        tally.exactSets.reduce(0) { $0 + ($1.key.contains(c) ? $1.value : 0) }
    }

    /// Coverage: `100 · attributed / N_t`.
    public var coverage: Double? { tally.units > 0 ? 100 * Double(tally.attributed) / Double(tally.units) : nil }
}
