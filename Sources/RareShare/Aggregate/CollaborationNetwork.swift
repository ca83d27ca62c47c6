/// The country co-authorship network, kept per region and year so that any
/// year range can be summed afterwards without reading the input again.
///
/// Nodes are countries; a link joins two countries that appear together in a
/// unit's country set `S(s)`. Each link carries two strengths:
/// - **full**: units in which both countries appear (every pair of `S(s)` gets 1);
/// - **fractional**: each unit with `n = |S(s)| ≥ 2` gives `1 / (n − 1)` to each of
///   its `n(n−1)/2` pairs, so each country's links from one unit sum to 1 and a
///   large consortium does not outweigh many bilateral papers. This is the
///   fractional counting of co-authorship networks described by Perianes-Rodriguez,
///   van Eck and Waltman (2016), applied to countries instead of authors.
///
/// Units without an attributed author are not in the network.
public struct CollaborationNetwork: Sendable, Equatable {
    /// An unordered pair of countries, stored with `first < second`.
    public struct Link: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let first: CountryCode
        public let second: CountryCode

        /// `nil` for a country paired with itself.
        public init?(_ a: CountryCode, _ b: CountryCode) {
            guard a != b else { return nil }
            first = min(a, b)
            second = max(a, b)
        }

        public var description: String { "\(first),\(second)" }

        public static func < (l: Link, r: Link) -> Bool { (l.first, l.second) < (r.first, r.second) }
    }

    /// What one country accumulates.
    public struct Node: Sendable, Equatable {
        /// Units whose country set contains the country (full count).
        public var units = 0
        /// Of those, units with two or more countries.
        public var internationalUnits = 0
        /// `w_c`: the paper's author-weighted fractional count.
        public var fractionalWeight = 0.0

        public init(units: Int = 0, internationalUnits: Int = 0, fractionalWeight: Double = 0) {
            self.units = units
            self.internationalUnits = internationalUnits
            self.fractionalWeight = fractionalWeight
        }

        mutating func merge(_ o: Node) {
            units += o.units
            internationalUnits += o.internationalUnits
            fractionalWeight += o.fractionalWeight
        }
    }

    /// The two strengths of one link.
    public struct Strength: Sendable, Equatable {
        public var full = 0
        public var fractional = 0.0

        public init(full: Int = 0, fractional: Double = 0) {
            self.full = full
            self.fractional = fractional
        }

        mutating func merge(_ o: Strength) {
            full += o.full
            fractional += o.fractional
        }
    }

    /// Nodes and links of one region and year (or of a summed range).
    public struct Graph: Sendable, Equatable {
        public var nodes: [CountryCode: Node] = [:]
        public var links: [Link: Strength] = [:]

        public init() {}

        /// Countries in ascending code order.
        public var countries: [CountryCode] { nodes.keys.sorted() }
        /// Links in ascending order of their two codes.
        public var sortedLinks: [Link] { links.keys.sorted() }

        /// Links a country has (VOSviewer's "Links").
        public func linkCount(_ c: CountryCode) -> Int {
            links.keys.reduce(0) { $0 + ($1.first == c || $1.second == c ? 1 : 0) }
        }

        /// Sum of a country's link strengths (VOSviewer's "Total link strength"),
        /// added in link order so the sum is the same on every run.
        public func totalStrength(_ c: CountryCode) -> Strength {
            var s = Strength()
            for l in sortedLinks where l.first == c || l.second == c { s.merge(links[l]!) }
            return s
        }

        /// Adds one unit with country set `members` and author-fractional `weights`.
        mutating func add(members: [CountryCode], weights: [(CountryCode, Double)]) {
            let international = members.count >= 2
            for (c, w) in weights {
                nodes[c, default: Node()].merge(Node(units: 1, internationalUnits: international ? 1 : 0, fractionalWeight: w))
            }
            guard international else { return }
            let fractional = 1.0 / Double(members.count - 1)
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    if let link = Link(members[i], members[j]) {
                        links[link, default: Strength()].merge(Strength(full: 1, fractional: fractional))
                    }
                }
            }
        }

        mutating func merge(_ o: Graph) {
            for (k, v) in o.nodes { nodes[k, default: Node()].merge(v) }
            for (k, v) in o.links { links[k, default: Strength()].merge(v) }
        }
    }

    public private(set) var regions: [Region: [Int: Graph]] = [:]

    public init() {}

    /// Adds one unit to every region it belongs to.
    public mutating func add(_ unit: AttributedUnit) {
        guard let authorship = unit.authorship, authorship.authorCount > 0 else { return }
        let members = authorship.countrySet.members
        let weights = authorship.fractionalWeights()
        for region in unit.regions.regions {
            // Mutated in place: a copy taken out of the dictionary would be copied whole on write.
            regions[region, default: [:]][unit.year, default: Graph()].add(members: members, weights: weights)
        }
    }

    /// Adds a later chunk's network; called in chunk order (see ``ParallelAggregator``).
    public mutating func merge(_ other: CollaborationNetwork) {
        for (region, years) in other.regions {
            for (year, graph) in years { regions[region, default: [:]][year, default: Graph()].merge(graph) }
        }
    }

    /// The network of one region summed over a year range, years added in
    /// ascending order so the floating-point sums do not depend on storage order.
    public func graph(_ region: Region, _ range: YearRange) -> Graph {
        var out = Graph()
        guard let years = regions[region] else { return out }
        for y in years.keys.sorted() where range.contains(y) { out.merge(years[y]!) }
        return out
    }

    /// Years holding at least one attributed unit in `region`, ascending.
    public func years(_ region: Region) -> [Int] { (regions[region]?.keys).map { $0.sorted() } ?? [] }
}
