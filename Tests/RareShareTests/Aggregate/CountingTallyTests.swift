import Testing
@testable import RareShare

@Suite struct CountingTallyTests {
    typealias F = CountingFixtures

    func tallies(_ units: [AttributedUnit], threads: Int = 1) async -> CountingResults {
        await ParallelAggregator(threads: threads).aggregate(units, methods: CountingMethod.allCases)
    }

    func weights(_ t: YearlyTally) -> [String: Double] {
        var out: [String: Double] = [:]
        for (c, w) in t.weights { out[c.description] = w }
        return out
    }

    @Test func everyMethodOnTheHandBuiltYear() async throws {
        let r = await tallies(F.year2020)
        func year(_ m: CountingMethod) throws -> YearlyTally { try #require(r.tally(m)).tally(.all, 2020) }

        let af = try year(.authorFractional)
        #expect(weights(af) == ["CN": 2.0 / 3.0, "US": 1.0 / 3.0, "DE": 0.75, "FR": 0.25, "GB": 1])
        #expect(af.units == 4 && af.attributed == 3 && af.credited == 3)

        let full = try year(.full)
        #expect(weights(full) == ["CN": 1, "US": 1, "DE": 1, "FR": 1, "GB": 1])
        #expect(full.credited == 3)

        #expect(weights(try year(.publicationFractional)) == ["CN": 0.5, "US": 0.5, "DE": 0.5, "FR": 0.5, "GB": 1])

        let first = try year(.firstAuthor)
        #expect(weights(first) == ["CN": 1, "DE": 0.5, "FR": 0.5, "GB": 1])
        #expect(first.credited == 3)

        let corresponding = try year(.correspondingAuthor)
        #expect(weights(corresponding) == ["US": 1, "GB": 1])
        #expect(corresponding.credited == 2)
        #expect(corresponding.attributed == 3)

        // Measures: shares are percent of N_t = 4 under each method.
        #expect(ShareMeasures(full).share(F.cn) == 25)
        #expect(ShareMeasures(af).share(F.de) == 18.75)
        #expect(ShareMeasures(corresponding).share(F.us) == 25)
        #expect(ShareMeasures(corresponding).share(F.cn) == 0)
        // Weight-free measures are the same under every method.
        for m in CountingMethod.allCases {
            let t = try year(m)
            #expect(t.exactSets == [CountrySet([F.cn, F.us]): 1, CountrySet([F.de, F.fr]): 1, CountrySet([F.gb]): 1])
            #expect(ShareMeasures(t).aloneCount(F.gb) == 1)
            #expect(ShareMeasures(t).fullCount(F.de) == 1)
            #expect(ShareMeasures(t).coverage == 75)
        }
        // Solo ratio of GB: 100 · 1 / w_GB, the same under every method that credits the unit.
        #expect(ShareMeasures(full).soloRatio(F.gb) == 100)
        #expect(ShareMeasures(try year(.correspondingAuthor)).soloRatio(F.gb) == 100)
    }

    /// A reproducible mix of units (solo and international, multi-affiliation
    /// authors, unknown first and corresponding authors, unattributed units).
    static func mixedUnits(count: Int) -> [AttributedUnit] {
        let pool = ["CN", "US", "DE", "FR", "GB", "JP", "IN", "RU"].compactMap(CountryCode.init)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var units: [AttributedUnit] = []
        for _ in 0..<count {
            let year = 2000 + next(5)
            if next(10) == 0 { units.append(AttributedUnit(year: year, regions: .all, authorship: nil)); continue }
            var authors: [[CountryCode]] = []
            let solo = next(3) == 0
            let home = pool[next(pool.count)]
            for _ in 0..<(1 + next(6)) {
                var countries = [solo ? home : pool[next(pool.count)]]
                if !solo && next(4) == 0 { countries.append(pool[next(pool.count)]) }
                authors.append(countries)
            }
            var a = Authorship(authors: authors)
            a.firstAuthorIndex = next(5) == 0 ? nil : 0
            switch next(3) {
            case 0: a.correspondingIndexes = nil
            case 1: a.correspondingIndexes = []
            default: a.correspondingIndexes = [next(a.authorCount)]
            }
            let regions: RegionSet = next(2) == 0 ? [.all, .organic] : .all
            units.append(AttributedUnit(year: year, regions: regions, authorship: a))
        }
        return units
    }

    @Test func invariantsHold() async throws {
        let units = Self.mixedUnits(count: 3_000)
        let r = await tallies(units)
        let paper = try #require(r.tally(.paper))
        let full = try #require(r.tally(.full))
        for region in [Region.all, .organic] {
            for y in paper.years {
                let base = paper.tally(region, y)
                #expect(base.credited == base.attributed)
                for t in r.tallies {
                    let yt = t.tally(region, y)
                    let sum = yt.weights.keys.sorted().reduce(0.0) { $0 + yt.weights[$1]! }
                    if t.method.isFractional {
                        // Fractional weights sum to the units the method credits…
                        #expect(abs(sum - Double(yt.credited)) < 1e-9, "\(t.method) \(region) \(y)")
                        // …and full counts are at least the fractional ones.
                        for (c, w) in yt.weights { #expect(full.tally(region, y).weights[c, default: 0] >= w - 1e-12) }
                    } else {
                        #expect(sum >= Double(yt.attributed))
                    }
                    #expect(yt.credited <= yt.attributed)
                }
                // Author- and publication-fractional credit every attributed unit.
                let pf = try #require(r.tally(.publicationFractional)).tally(region, y)
                #expect(pf.credited == base.attributed)
                // Full counts equal the full count measure built from exact sets.
                for (c, w) in full.tally(region, y).weights { #expect(Double(ShareMeasures(base).fullCount(c)) == w) }
            }
        }
    }

    @Test func soloUnitsCountTheSameUnderEveryMethod() async throws {
        let solo = Self.mixedUnits(count: 2_000).filter {
            guard let a = $0.authorship else { return false }
            return a.countrySet.isSolo && a.firstAuthorIndex != nil && (a.correspondingIndexes?.isEmpty == false)
        }
        try #require(solo.count > 50)
        let r = await tallies(solo)
        let paper = try #require(r.tally(.paper))
        for t in r.tallies {
            for y in paper.years { #expect(t.tally(.all, y).weights == paper.tally(.all, y).weights, "\(t.method) \(y)") }
        }
    }

    /// The paper's method in the multi-method pass equals the single-method path.
    @Test func defaultPathUnchanged() async {
        let units = Self.mixedUnits(count: 5_000)
        let single = await ParallelAggregator(threads: 2).aggregate(units)
        let multi = await ParallelAggregator(threads: 2).aggregate(units, methods: [.paper, .full], network: true, production: true)
        #expect(multi.tallies[0] == single)
        #expect(multi.tallies[0].method == .authorFractional)
    }

    @Test(arguments: [2, 3, 8])
    func identicalForAnyThreadCount(_ threads: Int) async {
        let units = Self.mixedUnits(count: ParallelAggregator.chunkSize + 1_000)
        let one = await ParallelAggregator(threads: 1).aggregate(units, methods: CountingMethod.allCases, network: true, production: true)
        let many = await ParallelAggregator(threads: threads).aggregate(units, methods: CountingMethod.allCases, network: true, production: true)
        #expect(one == many)
    }
}
