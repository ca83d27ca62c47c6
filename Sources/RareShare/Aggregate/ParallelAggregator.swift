/// Aggregates units on all cores with results identical for any thread count.
///
/// Units are cut into chunks of a fixed size (``chunkSize``, never derived
/// from the core count); each chunk is summed in order into its own
/// ``ShareTally`` and the partial tallies are merged in chunk order. Every
/// floating-point sum is therefore formed in the same order on 1 thread or
/// 64, and the output is bit-identical.
/// - Complexity: O(units) time; memory O(threads × tally size) beyond the input.
public struct ParallelAggregator: Sendable {
    public static let chunkSize = 16_384
    public var threads: Int
    public var pairs: [CountryPair]

    public init(threads: Int, pairs: [CountryPair] = CountryPair.paperDefaults) {
        self.threads = max(1, threads)
        self.pairs = pairs
    }

    public func aggregate(_ units: [AttributedUnit]) async -> ShareTally {
        await aggregate(count: units.count) { units[$0] }
    }

    /// Aggregates units `0..<count` produced on demand by `unit` (which
    /// returns `nil` for a position that is not counted), so callers need not
    /// hold every unit in memory at once.
    public func aggregate(count: Int, unit: @escaping @Sendable (Int) -> AttributedUnit?) async -> ShareTally {
        let pairs = self.pairs
        return await reduce(count: count, unit: unit, empty: { ShareTally(pairs: pairs) },
                            add: { $0.add($1, countElements: false) }, finish: { $0.countElementsFromCompositions() },
                            merge: { $0.merge($1) })
    }

    /// One pass over the units filling a tally per counting method (every
    /// other rule from `rules`) and, when
    /// asked, the collaboration network and the SCP/MCP counts.
    public func aggregate(_ units: [AttributedUnit], methods: [CountingMethod], rules: CountingRules = .study,
                          network: Bool = false, production: Bool = false) async -> CountingResults {
        await aggregate(count: units.count, unit: { units[$0] }, methods: methods, rules: rules, network: network, production: production)
    }

    /// ``aggregate(_:methods:rules:network:production:)`` over units produced on demand.
    public func aggregate(count: Int, unit: @escaping @Sendable (Int) -> AttributedUnit?, methods: [CountingMethod],
                          rules: CountingRules = .study, network: Bool = false, production: Bool = false) async -> CountingResults {
        let pairs = self.pairs
        return await reduce(count: count, unit: unit,
                            empty: { CountingResults(pairs: pairs, methods: methods, rules: rules, network: network, production: production) },
                            add: { $0.add($1, countElements: false) }, finish: { $0.countElementsFromCompositions() },
                            merge: { $0.merge($1) })
    }

    /// The latest year of each region in `years` under every preset and
    /// method (``PresetComparison``): a second pass over the units, which
    /// skips every unit of another year after one comparison.
    public func compare(count: Int, unit: @escaping @Sendable (Int) -> AttributedUnit?, years: [Region: Int]) async -> PresetComparison {
        let wanted = Set(years.values)
        return await reduce(count: count, unit: unit, empty: { PresetComparison(years: years) },
                            add: { c, u in if wanted.contains(u.year) { c.add(u) } }, merge: { $0.merge($1) })
    }

    /// Every unit's summary under `rules`, by region and year in unit order,
    /// compositions dropped: what ``BootstrapIntervals`` resamples.
    /// - Complexity: O(units) memory; asked for only with `--bootstrap`.
    public func unitSummaries(count: Int, unit: @escaping @Sendable (Int) -> AttributedUnit?,
                              rules: CountingRules) async -> [Region: [Int: [YearlyTally.UnitSummary]]] {
        await reduce(count: count, unit: unit, empty: { [:] }, add: { d, u in
            var s = YearlyTally.UnitSummary(u, rules: rules)
            s.composition = nil
            u.regions.forEach { d[$0, default: [:]][u.year, default: []].append(s) }
        }, merge: { a, b in
            for (r, years) in b { for (y, list) in years { a[r, default: [:]][y, default: []] += list } }
        })
    }

    /// Sums units `0..<count` chunk by chunk into values of `T`, merges them
    /// in chunk order, and lets `finish` complete the sums once at the end
    /// (element counts follow from the merged composition counts, so they
    /// are derived once per distinct composition, not per unit or per chunk).
    func reduce<T: Sendable>(count: Int, unit: @escaping @Sendable (Int) -> AttributedUnit?,
                             empty: @escaping @Sendable () -> T,
                             add: @escaping @Sendable (inout T, AttributedUnit) -> Void,
                             finish: @escaping @Sendable (inout T) -> Void = { _ in },
                             merge: @escaping @Sendable (inout T, T) -> Void) async -> T {
        let chunkCount = (count + Self.chunkSize - 1) / Self.chunkSize
        @Sendable func tally(chunk index: Int) -> T {
            var t = empty()
            let start = index * Self.chunkSize
            for i in start..<min(count, start + Self.chunkSize) {
                if let u = unit(i) { add(&t, u) }
            }
            return t
        }
        var result = empty()
        if threads == 1 || chunkCount <= 1 {
            for i in 0..<chunkCount { merge(&result, tally(chunk: i)) }
            finish(&result)
            return result
        }
        var partials = [T?](repeating: nil, count: chunkCount)
        var nextToMerge = 0
        await withTaskGroup(of: (Int, T).self) { group in
            var next = 0
            // Bounded fan-out: `threads` chunks in flight, one in per one out.
            while next < min(threads, chunkCount) {
                let i = next
                group.addTask { (i, tally(chunk: i)) }
                next += 1
            }
            for await (i, t) in group {
                partials[i] = t
                while nextToMerge < chunkCount, let p = partials[nextToMerge] {
                    merge(&result, p)
                    partials[nextToMerge] = nil
                    nextToMerge += 1
                }
                if next < chunkCount {
                    let j = next
                    group.addTask { (j, tally(chunk: j)) }
                    next += 1
                }
            }
        }
        finish(&result)
        return result
    }
}
