extension ShareMeasures {
    /// Percent of the year's new formulas (in the tally's region) containing
    /// `element`. Divides before multiplying by 100, as the paper did, so the
    /// full-precision cells of its S7 tables agree to the last digit.
    public func elementShare(_ element: String) -> Double? {
        guard tally.units > 0 else { return nil }
        return Double(tally.elements[element] ?? 0) / Double(tally.units) * 100
    }

    /// Percent of the year's new formulas with exactly this composition
    /// (element symbols sorted and joined, e.g. `BaCuOY`).
    public func compositionShare(_ composition: String) -> Double? {
        guard tally.units > 0 else { return nil }
        return Double(tally.compositions[composition] ?? 0) / Double(tally.units) * 100
    }

    /// The value of one figure measure, `nil` where it is undefined (no
    /// units, or no weight for a ratio over `w_c,t`).
    public func value(of measure: FigureMeasure) -> Double? {
        switch measure {
        case .share(let c): share(c)
        case .aloneShare(let c): aloneShare(c)
        case .shareWithout(let pair): shareWithout(pair)
        case .soloRatio(let c): soloRatio(c)
        case .collaborationShare(let k): collaborationShare(k)
        case .jointRatio(let k, let c): jointRatio(k, over: c)
        case .units: Double(units)
        case .attributed: Double(tally.attributed)
        case .coverage: coverage
        case .element(let e): elementShare(e)
        case .composition(let k): compositionShare(k)
        }
    }
}
