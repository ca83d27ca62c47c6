/// Everything one aggregation pass fills: a ``ShareTally`` per counting
/// method, and optionally the collaboration network and the SCP/MCP counts,
/// all from the same attributed units so they can be compared side by side.
public struct CountingResults: Sendable, Equatable {
    /// One tally per method, in the order asked.
    public private(set) var tallies: [ShareTally]
    public private(set) var network: CollaborationNetwork?
    public private(set) var production: CountryProduction?
    /// The latest year under every preset and method, when the run compared them.
    public var comparison: PresetComparison?
    /// Bootstrap intervals of the first tally's share-like measures, when asked.
    public var intervals: BootstrapIntervals?

    /// `rules` gives every rule but the method, which each tally takes from `methods`.
    public init(pairs: [CountryPair], methods: [CountingMethod], rules: CountingRules = .study, network: Bool, production: Bool) {
        tallies = methods.map { ShareTally(pairs: pairs, rules: rules.with($0)) }
        self.network = network ? CollaborationNetwork() : nil
        self.production = production ? CountryProduction() : nil
    }

    public mutating func add(_ unit: AttributedUnit) {
        add(unit, countElements: true)
    }

    /// ``add(_:)``, optionally leaving element counts to ``countElementsFromCompositions()``.
    mutating func add(_ unit: AttributedUnit, countElements: Bool) {
        for i in tallies.indices { tallies[i].add(unit, countElements: countElements) }
        network?.add(unit)
        production?.add(unit)
    }

    /// Derives the element counts of every tally from its composition counts.
    mutating func countElementsFromCompositions() {
        for i in tallies.indices { tallies[i].countElementsFromCompositions() }
    }

    /// Adds a later chunk's results; called in chunk order.
    public mutating func merge(_ other: CountingResults) {
        for i in tallies.indices where i < other.tallies.count { tallies[i].merge(other.tallies[i]) }
        if let n = other.network { network?.merge(n) }
        if let p = other.production { production?.merge(p) }
    }

    /// The tally of one method, if it was asked for.
    public func tally(_ method: CountingMethod) -> ShareTally? { tallies.first { $0.method == method } }
}
