import Testing
@testable import RareShare

/// The aggregator derives element counts from composition counts once per
/// chunk; that must give exactly what adding unit by unit gives.
@Suite struct ElementCountTests {
    static func units(count: Int) -> [AttributedUnit] {
        let compositions = ["CClHORu", "CHNd", "CFeH", "ClLaO", "CCeHN", nil]
        let us = try! #require(CountryCode("US")), cn = try! #require(CountryCode("CN"))
        return (0..<count).map { i in
            let composition = compositions[i % compositions.count]
            var regions: RegionSet = .all
            if composition?.hasPrefix("C") == true, composition != "ClLaO" { regions.insert(.organic) }
            if composition == "CClHORu" || composition == "CFeH" || composition == "CHNd" || composition == "CCeHN" { regions.insert(.organometallic) }
            if composition == "CHNd" || composition == "ClLaO" || composition == "CCeHN" { regions.insert(.rareEarth) }
            let authorship = i % 3 == 0 ? nil : Authorship(authors: i % 2 == 0 ? [[us], [cn]] : [[cn]])
            return AttributedUnit(year: 2000 + i % 7, regions: regions, authorship: authorship, composition: composition)
        }
    }

    @Test(arguments: [1, 2, 8])
    func derivedElementsEqualUnitByUnitCounts(threads: Int) async {
        let units = Self.units(count: ParallelAggregator.chunkSize * 2 + 123)
        var direct = ShareTally()
        for u in units { direct.add(u) }
        let parallel = await ParallelAggregator(threads: threads).aggregate(units)
        #expect(parallel == direct)
        // Hand check: in 2000 the rare-earth units are CHNd (C, H, Nd), ClLaO and CCeHN (C, Ce, H, N).
        let ree2000 = parallel.tally(.rareEarth, 2000)
        let chnd = units.filter { $0.year == 2000 && $0.composition == "CHNd" }.count
        let ccehn = units.filter { $0.year == 2000 && $0.composition == "CCeHN" }.count
        #expect(ree2000.elements["Nd"] == chnd)
        #expect(ree2000.elements["N"] == ccehn)
        #expect(ree2000.elements["H"] == chnd + ccehn)
        #expect(ree2000.elements["Ce"] == ccehn)
        #expect(ree2000.compositions["CHNd"] == chnd)
        #expect(chnd > 0 && ccehn > 0)
    }
}
