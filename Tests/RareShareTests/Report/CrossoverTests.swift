import Testing
@testable import RareShare

/// Crossovers on a hand-made series and on the paper's own raw tables.
@Suite struct CrossoverTests {
    @Test func firstAndForGoodYears() {
        let a = CountryCode("CN")!, b = CountryCode("US")!, c = CountryCode("DE")!
        let values: [CountryCode: [Double]] = [a: [1, 3, 1, 3, 3], b: [2, 2, 2, 2, 2], c: [2, 2, 2, 2, 2]]
        let series = Crossovers.Series(method: .full) { code, y in values[code]![y - 2000] }
        let rows = Crossovers.rows(region: .all, years: Array(2000...2004), countries: [a, b, c], series: [series])
        // CN ahead of US in 2001, behind in 2002, ahead for good from 2003; US and DE level in 2004: no row.
        #expect(rows == [Crossovers.Row(region: .all, method: .full, leader: a, follower: b, firstYear: 2001, forGoodYear: 2003),
                         Crossovers.Row(region: .all, method: .full, leader: a, follower: c, firstYear: 2001, forGoodYear: 2003)])
        #expect(Crossovers.tsv(rows).hasPrefix("region\tmethod\tleader\tfollower\tfirst_year\tfor_good_year\nallSubs\tfull\tCN\tUS\t2001\t2003\n"))
    }

    /// What the paper's raw tables say about China and the US (checked by
    /// hand from `Country_weighted_*.tsv` and `Absolute_collab_allSubs.tsv`).
    @Test func chinaPassesTheUSInThePapersTables() throws {
        let inputs = try FigureInputs.load(folder: Fixture.shared("reference/paper/raw"))
        let rows = Crossovers.rows(tables: inputs.tally, regions: Region.allCases, years: inputs.years, top: 10)
        let cn = CountryCode("CN")!, us = CountryCode("US")!
        func line(_ region: Region, _ method: CountingMethod) -> Crossovers.Row? {
            rows.first { $0.region == region && $0.method == method && $0.leader == cn && $0.follower == us }
        }
        // Rare earths, author-fractional: CN 916.1 > 842.7 in 1997, behind 1998–2002, ahead from 2003 on.
        #expect(line(.rareEarth, .authorFractional).map { [$0.firstYear, $0.forGoodYear] } == [1997, 2003])
        // The paper's rare-earth exact-set table lists only the top 50 pairs: no full or
        // publication-fractional counts can be made from it, so no such rows.
        #expect(line(.rareEarth, .full) == nil && line(.rareEarth, .publicationFractional) == nil)
        // All substances: 2013 under all three (full: CN 126,903 vs US 125,292 in 2013; 102,077 vs 122,458 in 2012).
        for method in [CountingMethod.authorFractional, .full, .publicationFractional] {
            #expect(line(.all, method).map { [$0.firstYear, $0.forGoodYear] } == [2013, 2013], "\(method)")
        }
        #expect(line(.organic, .authorFractional).map { [$0.firstYear, $0.forGoodYear] } == [2013, 2013])
        #expect(line(.organometallic, .authorFractional).map { [$0.firstYear, $0.forGoodYear] } == [2019, 2021])
        #expect(Crossovers.chinaUSLine(rows)?.contains("rare-earth author-fractional CN ahead for good from 2003 (first 1997)") == true)
    }
}
