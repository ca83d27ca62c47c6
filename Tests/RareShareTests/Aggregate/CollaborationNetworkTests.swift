import Testing
@testable import RareShare

@Suite struct CollaborationNetworkTests {
    typealias F = CountingFixtures

    /// 2020: CN–US (two countries), CN–DE–US (three), DE–FR (multi-affiliation
    /// author), solo GB, one unattributed; 2021: one more CN–US.
    static var network: CollaborationNetwork {
        var n = CollaborationNetwork()
        for u in [F.unit(F.threeAuthorsTwoCountries), F.unit(F.threeCountries), F.unit(F.multiAffiliation),
                  F.unit(F.soloGB), F.unit(nil), F.unit(F.threeAuthorsTwoCountries, year: 2021)] { n.add(u) }
        return n
    }

    func link(_ a: CountryCode, _ b: CountryCode) -> CollaborationNetwork.Link { CollaborationNetwork.Link(a, b)! }

    @Test func fullAndFractionalStrengths() throws {
        let g = Self.network.graph(.all, try #require(YearRange(2020, 2020)))
        #expect(g.countries.map(\.description) == ["CN", "DE", "FR", "GB", "US"])
        // Full: 1 per unit holding both; fractional: 1/(n−1) with n countries in the unit.
        #expect(g.links[link(F.cn, F.us)] == .init(full: 2, fractional: 1.5))
        #expect(g.links[link(F.cn, F.de)] == .init(full: 1, fractional: 0.5))
        #expect(g.links[link(F.de, F.us)] == .init(full: 1, fractional: 0.5))
        #expect(g.links[link(F.de, F.fr)] == .init(full: 1, fractional: 1))
        #expect(g.links.count == 4)
        #expect(g.nodes[F.cn] == .init(units: 2, internationalUnits: 2, fractionalWeight: 2.0 / 3.0 + 1.0 / 3.0))
        #expect(g.nodes[F.gb] == .init(units: 1, internationalUnits: 0, fractionalWeight: 1))
        #expect(g.linkCount(F.de) == 3)
        #expect(g.totalStrength(F.de) == .init(full: 3, fractional: 2))
        #expect(g.totalStrength(F.gb) == .init(full: 0, fractional: 0))
    }

    @Test func yearRangesSum() throws {
        let both = Self.network.graph(.all, try #require(YearRange("2020-2021")))
        #expect(both.links[link(F.cn, F.us)] == .init(full: 3, fractional: 2.5))
        let later = Self.network.graph(.all, try #require(YearRange("2021")))
        #expect(later.links.count == 1)
        #expect(later.nodes[F.us]?.units == 1)
        #expect(Self.network.graph(.organic, try #require(YearRange(2020, 2021))).nodes.isEmpty)
    }

    @Test func yearRangeParsing() {
        #expect(YearRange("1996-2009")?.description == "1996-2009")
        #expect(YearRange("2010")?.description == "2010")
        #expect(YearRange("2010:2012")?.years == 2010...2012)
        #expect(YearRange("2012-2010") == nil)
        #expect(YearRange("x-2010") == nil)
    }
}
