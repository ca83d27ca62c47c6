/// METRICS.md's country measures for one region and year, computed from a
/// ``YearlyTally``. Percentages are of `N_t` unless said.
///
/// The same code serves a run's own tallies and tallies loaded from the
/// paper's published tables, which is how the tests show agreement.
public struct ShareMeasures: Sendable {
    public let tally: YearlyTally

    public init(_ tally: YearlyTally) { self.tally = tally }

    /// `N_t`.
    public var units: Int { tally.units }

    private func percent(_ x: Double) -> Double? {
        tally.units > 0 ? 100 * x / Double(tally.units) : nil
    }

    /// `w_c,t`.
    public func weight(_ c: CountryCode) -> Double { tally.weights[c] ?? 0 }

    /// Share of c: `100 · w_c,t / N_t`.
    public func share(_ c: CountryCode) -> Double? { percent(weight(c)) }

    /// Units whose country set is exactly `{c}`.
    public func aloneCount(_ c: CountryCode) -> Int { tally.exactSets[CountrySet([c])] ?? 0 }

    /// c alone: `100 · #{s : S(s) = {c}} / N_t`.
    public func aloneShare(_ c: CountryCode) -> Double? { percent(Double(aloneCount(c))) }

    /// c without d: `100 · Σ_{c∈S, d∉S} a_c,s/|A(s)| / N_t` (only for pairs tallied).
    public func shareWithout(_ pair: CountryPair) -> Double? {
        guard let w = tally.weightsWithout[pair] else { return tally.units > 0 ? 0 : nil }
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
    public var coverage: Double? { percent(Double(tally.attributed)) }
}
