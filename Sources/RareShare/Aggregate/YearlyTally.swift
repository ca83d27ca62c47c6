/// The sums one region accumulates for one year: everything METRICS.md's
/// country measures are computed from.
///
/// Only sums that cannot be rebuilt from others are kept: full counts and
/// joint (inclusive) counts come from the exact-set counts, and "alone" is
/// the exact set of one country.
public struct YearlyTally: Sendable, Equatable {
    /// `N_t`: units of the year, unattributed included.
    public var units = 0
    /// Units with at least one attributed author.
    public var attributed = 0
    /// Attributed units the counting method could not credit to any country
    /// (first- or corresponding-author counting with that author unknown).
    /// Always 0 under the paper's method, so its tallies are as before.
    public var uncredited = 0
    /// `w_c,t`: Σ `a_c,s / |A(s)|` (or the counting method's weights, see ``CountingMethod``).
    public var weights: [CountryCode: Double] = [:]
    /// Units per exact country set `S(s)` (one-country sets are the "alone" counts).
    public var exactSets: [CountrySet: Int] = [:]
    /// Σ `a_c,s / |A(s)|` over units with `c ∈ S(s)`, `d ∉ S(s)`, for the requested pairs.
    public var weightsWithout: [CountryPair: Double] = [:]
    /// Units per composition key (element symbols sorted and joined).
    public var compositions: [String: Int] = [:]
    /// Units containing each element.
    public var elements: [String: Int] = [:]

    public init() {}

    /// Adds one unit. `pairs` names the "c without d" sums to keep; `rules`
    /// decide the weights (exact sets depend only on their territory rule).
    public mutating func add(_ unit: AttributedUnit, pairs: [CountryPair], keepCompositions: Bool,
                             rules: CountingRules = .study) {
        add(UnitSummary(unit, rules: rules), pairs: pairs, keepCompositions: keepCompositions)
    }

    /// What every region a unit belongs to adds: computed once per unit.
    public struct UnitSummary: Sendable {
        var composition: String?
        var set: CountrySet?
        /// The counting rules' weights; empty for an attributed unit the method cannot credit.
        var fractional: [(CountryCode, Double)] = []

        public init(_ unit: AttributedUnit, rules: CountingRules = .study) {
            composition = unit.composition
            if let authorship = rules.authorship(of: unit) {
                fractional = rules.weights(of: authorship)
                // Author-fractional weights name every country of S(s); other methods may not.
                set = rules.method == .paper ? CountrySet(sorted: fractional.map(\.0)) : authorship.countrySet
            }
        }

        /// The unit's weights, in ascending code order.
        public var weights: [(CountryCode, Double)] { fractional }
        /// `S(s)` under the rules' territories; `nil` for an unattributed unit.
        public var countrySet: CountrySet? { self.set }
    }

    /// `countElements: false` leaves ``elements`` to
    /// ``countElementsFromCompositions()``, once for many units: every unit
    /// with a kept composition counts once for each element of it, so the
    /// element counts follow from the composition counts.
    mutating func add(_ unit: UnitSummary, pairs: [CountryPair], keepCompositions: Bool, countElements: Bool = true) {
        units += 1
        if keepCompositions, let composition = unit.composition {
            compositions[composition, default: 0] += 1
            if countElements {
                for element in Self.symbols(in: composition) { elements[element, default: 0] += 1 }
            }
        }
        guard let set = unit.set else { return }
        attributed += 1
        exactSets[set, default: 0] += 1
        if unit.fractional.isEmpty { uncredited += 1 }
        for (code, weight) in unit.fractional { weights[code, default: 0] += weight }
        for pair in pairs where set.contains(pair.country) && !set.contains(pair.excluded) {
            if let w = unit.fractional.first(where: { $0.0 == pair.country })?.1 { weightsWithout[pair, default: 0] += w }
        }
    }

    /// Adds the sums of a later chunk. Called in chunk order, so every
    /// floating-point sum is formed in the same order whatever the thread count.
    public mutating func merge(_ other: YearlyTally) {
        units += other.units
        attributed += other.attributed
        uncredited += other.uncredited
        for (k, v) in other.weights { weights[k, default: 0] += v }
        for (k, v) in other.exactSets { exactSets[k, default: 0] += v }
        for (k, v) in other.weightsWithout { weightsWithout[k, default: 0] += v }
        for (k, v) in other.compositions { compositions[k, default: 0] += v }
        for (k, v) in other.elements { elements[k, default: 0] += v }
    }

    /// Sets ``elements`` from ``compositions``: for a tally whose units were
    /// all added with `countElements: false`. Each distinct composition is
    /// split once, not once per unit.
    mutating func countElementsFromCompositions() {
        elements = [:]
        for (composition, n) in compositions {
            for element in Self.symbols(in: composition) { elements[element, default: 0] += n }
        }
    }

    /// Units the counting method credited to at least one country.
    public var credited: Int { attributed - uncredited }

    /// Splits a composition key back into its symbols (`CClHORu` → C, Cl, H, O, Ru).
    /// Keys are ASCII element symbols; it runs once per unit of the composition regions.
    static func symbols(in key: String) -> [String] {
        var out: [String] = []
        var start: String.UTF8View.Index?
        let utf8 = key.utf8
        for i in utf8.indices where utf8[i] >= 0x41 && utf8[i] <= 0x5A {
            if let s = start { out.append(String(key[s..<i])) }
            start = i
        }
        if let s = start { out.append(String(key[s...])) }
        return out
    }
}
