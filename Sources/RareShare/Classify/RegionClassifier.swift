/// Places a substance in the regions of the chemical space from its formula.
///
/// - organic: contains carbon;
/// - organometallic: carbon and a metal in the same component (for a salt,
///   at least one ion holds both), so a sodium salt of an organic acid
///   written `C2H3O2*Na` is organic but not organometallic;
/// - rare-earth: contains any of Sc, Y and the lanthanides.
/// Every substance is in ``Region/all``, including one without a formula.
public struct RegionClassifier: Sendable {
    public init() {}

    public func regions(of formula: Formula) -> RegionSet {
        var set: RegionSet = .all
        let elements = formula.components.joined()
        if elements.contains("C") { set.insert(.organic) }
        if formula.components.contains(where: { c in c.contains("C") && c.contains(where: Element.metals.contains) }) {
            set.insert(.organometallic)
        }
        if elements.contains(where: Element.rareEarths.contains) { set.insert(.rareEarth) }
        return set
    }

    public func regions(ofFormula text: String?) -> RegionSet {
        guard let text else { return .all }
        return regions(of: Formula(text))
    }
}
