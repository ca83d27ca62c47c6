import Testing
@testable import RareShare

/// Aggregation gives bit-identical tallies for any thread count, on generated
/// data large enough to span many chunks.
@Suite struct DeterminismTests {
    /// A deterministic pseudo-random stream (SplitMix64), so the data are the same every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func generatedUnits(count: Int) -> [AttributedUnit] {
        var rng = SplitMix(state: 42)
        let codes = ["CN", "US", "JP", "DE", "IN", "GB", "FR", "KR", "RU", "BR"].compactMap(CountryCode.init)
        let regionChoices: [RegionSet] = [[.all], [.all, .organic], [.all, .organic, .organometallic], [.all, .rareEarth],
                                          [.all, .organic, .organometallic, .rareEarth]]
        return (0..<count).map { _ in
            let authors = Int.random(in: 0...7, using: &rng)
            var a: [[CountryCode]] = []
            for _ in 0..<authors { a.append([codes[Int.random(in: 0..<codes.count, using: &rng)]]) }
            return AttributedUnit(year: Int.random(in: 1996...2022, using: &rng),
                                  regions: regionChoices[Int.random(in: 0..<regionChoices.count, using: &rng)],
                                  authorship: authors == 0 ? nil : Authorship(authors: a),
                                  composition: ["CHO", "CHNdO", "CFeH", "ClYb"][Int.random(in: 0..<4, using: &rng)])
        }
    }

    @Test(arguments: [2, 8])
    func bitIdentical(threads: Int) async {
        let units = Self.generatedUnits(count: 100_000)
        let one = await ParallelAggregator(threads: 1).aggregate(units)
        let many = await ParallelAggregator(threads: threads).aggregate(units)
        #expect(one == many)
        // Bit-identical, not merely close: compare the raw bit patterns of every weight.
        for region in Region.allCases {
            for year in one.years {
                let a = one.tally(region, year).weights, b = many.tally(region, year).weights
                #expect(a.keys.sorted() == b.keys.sorted())
                for k in a.keys { #expect(a[k]!.bitPattern == b[k]!.bitPattern) }
            }
        }
    }

    @Test func fractionalWeightsSumToAttributedUnits() async {
        let units = Self.generatedUnits(count: 20_000)
        let t = await ParallelAggregator(threads: 2).aggregate(units)
        for year in t.years {
            let y = t.tally(.all, year)
            let sum = y.weights.values.reduce(0, +)
            #expect(abs(sum - Double(y.attributed)) < 1e-6)
            #expect(y.exactSets.values.reduce(0, +) == y.attributed)
        }
    }
}
