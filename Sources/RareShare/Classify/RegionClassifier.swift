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
        let table = Element.table
        var set: RegionSet = .all
        for component in formula.componentIDs {
            let hasCarbon = component.contains(table.carbon)
            if hasCarbon { set.insert(.organic) }
            if hasCarbon && component.contains(where: { table.isMetal[Int($0)] }) { set.insert(.organometallic) }
            if component.contains(where: { table.isRareEarth[Int($0)] }) { set.insert(.rareEarth) }
        }
        return set
    }

    public func regions(ofFormula text: String?) -> RegionSet {
        guard let text else { return .all }
        return regions(of: Formula(text))
    }
}
