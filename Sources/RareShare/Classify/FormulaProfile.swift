/// What an analysis run needs of a formula, computed in one walk without
/// allocating: its regions (``RegionClassifier``'s rules) and its elements.
///
/// ``Formula`` keeps every component's symbols, which a run never looks at
/// again; this runs once per substance record, millions of times.
struct FormulaProfile: Sendable {
    private(set) var regions: RegionSet = .all
    /// Every element of the formula: the composition key of the substance.
    private(set) var elements = ElementSet()

    init(bytes: UnsafeBufferPointer<UInt8>) {
        var walk = Walk()
        Formula.scan(bytes, into: &walk)
        regions = walk.regions
        elements = walk.elements
    }

    /// Carbon and metal are judged per component: an organometallic
    /// substance has both in one component (one ion of a salt).
    private struct Walk: FormulaVisitor {
        var regions: RegionSet = .all
        var elements = ElementSet()
        var carbon = false
        var metal = false

        @inline(__always)
        mutating func element(_ id: UInt8) {
            let table = Element.table
            elements.insert(id)
            if id == table.carbon { carbon = true; regions.insert(.organic) }
            if table.isMetal[Int(id)] { metal = true }
            if table.isRareEarth[Int(id)] { regions.insert(.rareEarth) }
        }

        @inline(__always)
        mutating func endComponent() {
            if carbon && metal { regions.insert(.organometallic) }
            carbon = false
            metal = false
        }

        mutating func unknownSymbol(_ symbol: UnsafeBufferPointer<UInt8>) {}
    }
}
