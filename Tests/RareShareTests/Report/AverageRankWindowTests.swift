import Foundation
import Testing
@testable import RareShare

@Suite struct AverageRankWindowTests {
    @Test func competitionRanksAveraged() {
        // 2001: A 3, B 1, C 1 → ranks A 1, B 2, C 2. 2002: A 0, B 2, C 5 → C 1, B 2, A 3.
        // Averages: A 2, B 2, C 1.5; A and B tie, so the given key order decides.
        let values: [Int: [String: Double]] = [2001: ["A": 3, "B": 1, "C": 1], 2002: ["B": 2, "C": 5], 2003: ["D": 9]]
        let ranked = AverageRank.rank(["A", "B", "C"], years: [2001, 2002]) { k, y in values[y]?[k] ?? 0 }
        #expect(ranked.map(\.0) == ["C", "A", "B"])
        #expect(ranked.map(\.1) == [1.5, 2, 2])
        #expect(AverageRank.rank(["A"], years: []) { _, _ in 1 }.isEmpty)
    }

    @Test func countriesAndCollaborationsFromATally() async throws {
        let r = await ParallelAggregator(threads: 1).aggregate(CountingFixtures.year2020, methods: [.paper, .full])
        let paper = try #require(r.tally(.paper)), full = try #require(r.tally(.full))
        // Author-fractional 2020: GB 1, DE 0.75, CN 2/3, US 1/3, FR 0.25.
        #expect(AverageRank.countries(paper, region: .all, years: [2020], count: 3).map(\.key) == ["GB", "DE", "CN"])
        // Full: all 1, so all rank 1 and code order decides.
        #expect(AverageRank.countries(full, region: .all, years: [2020], count: 5).map(\.key) == ["CN", "DE", "FR", "GB", "US"])
        #expect(AverageRank.collaborations(paper, region: .all, years: [2020], count: 5).map(\.key) == ["CN,US", "DE,FR"])
    }

    static func paperTally() throws -> ShareTally {
        func table(_ path: String) throws -> YearTable {
            YearTable(tsv: try String(contentsOfFile: Fixture.shared("reference/paper/" + path), encoding: .utf8))
        }
        var weighted: [Region: YearTable] = [:]
        for r in Region.allCases { weighted[r] = try table("raw/" + PaperTables.weightedFileName(r)) }
        return PaperTables.tally(weighted: weighted, collaborations: [:], totals: try table("processed/Figure2a.tsv")).tally
    }

    /// The countries the paper plots are the best average ranks over 2010–2022 (the
    /// window `--rank-years` sets), not over 1996–2022.
    @Test func paperFigureCountriesAreTopAverageRanks() throws {
        let tally = try Self.paperTally()
        let recent = Array(2010...2022)
        let all = AverageRank.countries(tally, region: .all, years: recent, count: 8)
        // Figure 1a: China, US, India, Japan, Germany, Russia, UK, France.
        #expect(all.map(\.key) == ["CN", "US", "IN", "JP", "DE", "GB", "FR", "RU"])
        #expect(all.first?.averageRank == 16.0 / 13.0)
        // Figure 2b (organometallics, 10 countries).
        #expect(Set(AverageRank.countries(tally, region: .organometallic, years: recent, count: 10).map(\.key))
                == ["US", "DE", "JP", "ES", "CA", "GB", "FR", "IN", "CN", "RU"])
        // Figure 2d (rare earths, 10 countries).
        #expect(AverageRank.countries(tally, region: .rareEarth, years: recent, count: 10).map(\.key)
                == ["CN", "US", "RU", "DE", "IN", "FR", "JP", "GB", "PL", "ES"])
        // Over the whole span Spain replaces Russia among all substances.
        #expect(AverageRank.countries(tally, region: .all, years: Array(1996...2022), count: 8).map(\.key)
                == ["US", "JP", "DE", "CN", "GB", "IN", "FR", "ES"])
        // …and Italy replaces Russia among organometallics; the rare-earth set is unchanged.
        let organometallic = Set(AverageRank.countries(tally, region: .organometallic, years: Array(1996...2022), count: 10).map(\.key))
        #expect(organometallic == ["US", "DE", "JP", "CN", "GB", "ES", "IN", "FR", "IT", "CA"])
        #expect(Set(AverageRank.countries(tally, region: .rareEarth, years: Array(1996...2022), count: 10).map(\.key))
                == ["CN", "RU", "US", "DE", "IN", "FR", "JP", "GB", "ES", "PL"])
    }
}
