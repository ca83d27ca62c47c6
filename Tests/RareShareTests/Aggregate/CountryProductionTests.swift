import Testing
@testable import RareShare

@Suite struct CountryProductionTests {
    typealias F = CountingFixtures

    static var production: CountryProduction {
        var p = CountryProduction()
        for u in [F.unit(F.threeAuthorsTwoCountries), F.unit(F.multiAffiliation), F.unit(F.soloGB),
                  F.unit(F.noFirstNoCorresponding), F.unit(nil), F.unit(F.threeCountries, year: 2021)] { p.add(u) }
        return p
    }

    @Test func placesByCorrespondingThenFirstAuthor() throws {
        // CN, CN, US with the US author corresponding → US.
        #expect(CountryProduction.place(F.threeAuthorsTwoCountries)?.country == F.us)
        #expect(CountryProduction.place(F.threeAuthorsTwoCountries)?.byCorresponding == true)
        // Nobody said to correspond: the first author's first country.
        #expect(CountryProduction.place(F.multiAffiliation)?.country == F.de)
        #expect(CountryProduction.place(F.multiAffiliation)?.byCorresponding == false)
        #expect(CountryProduction.place(F.threeCountries)?.country == F.cn)
        #expect(CountryProduction.place(F.noFirstNoCorresponding) == nil)
    }

    @Test func countsPerCountry() throws {
        let y2020 = Self.production.total(.all, try #require(YearRange(2020, 2020)))
        #expect(y2020.countries == [F.us: .init(single: 0, multiple: 1), F.de: .init(single: 0, multiple: 1),
                                    F.gb: .init(single: 1, multiple: 0)])
        #expect(y2020.placement == .init(byCorresponding: 2, byFirstAuthor: 1, unplaced: 1))
        let both = Self.production.total(.all, try #require(YearRange(2020, 2021)))
        #expect(both.countries[F.cn] == .init(single: 0, multiple: 1))
        #expect(both.placement == .init(byCorresponding: 2, byFirstAuthor: 2, unplaced: 1))
    }

    @Test func tableInBibliometrixLayout() throws {
        let text = CountryProductionTable.table(Self.production.total(.all, try #require(YearRange(2020, 2021))))
        #expect(text == """
        country\tarticles\tSCP\tMCP\tfreq\tMCP_ratio
        CN\t1\t0\t1\t0.2500\t1.0000
        DE\t1\t0\t1\t0.2500\t1.0000
        GB\t1\t1\t0\t0.2500\t0.0000
        US\t1\t0\t1\t0.2500\t1.0000

        """)
        #expect(CountryProductionTable.placement(Self.production, regions: [.all], ranges: [YearRange(2020, 2021)!]) == """
        region\tyears\tby_corresponding_author\tby_first_author\tunplaced
        all\t2020-2021\t2\t2\t1

        """)
    }
}
