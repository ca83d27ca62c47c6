import Foundation
import Testing
@testable import RareShare

/// METRICS.md's checks, repeated by running RareShare's own measure code on
/// tallies rebuilt from the paper's published raw tables.
@Suite struct PaperAgreementTests {
    static func table(_ name: String) throws -> YearTable {
        YearTable(tsv: try String(contentsOfFile: Fixture.shared("reference/paper/" + name), encoding: .utf8))
    }

    static func paperTally() throws -> (ShareTally, [String]) {
        var weighted: [Region: YearTable] = [:]
        var collab: [Region: YearTable] = [:]
        for r in Region.allCases {
            weighted[r] = try table("raw/" + PaperTables.weightedFileName(r))
            collab[r] = try table("raw/" + PaperTables.collabFileName(r))
        }
        return PaperTables.tally(weighted: weighted, collaborations: collab, totals: try table("processed/Figure2a.tsv"))
    }

    static let cn = CountryCode("CN")!, us = CountryCode("US")!, jp = CountryCode("JP")!

    func fixed(_ v: Double?) -> String { v.map { NumberFormat.fixed($0) } ?? "nil" }

    @Test func metricsChecks() throws {
        let (t, ignored) = try Self.paperTally()
        // The paper's junk rows (unresolved `null`/`None` authors, stray `D`/`N`
        // codes, per-table totals) are not country sets and are left out.
        for junk in ["null", "D", "N", "None", "CN,null", "US,null", "totalRaras"] { #expect(ignored.contains(junk)) }
        #expect(!ignored.contains("CN,US"))
        let all1996 = ShareMeasures(t.tally(.all, 1996))
        #expect(all1996.units == 308716)
        #expect(fixed(all1996.share(Self.cn)) == "1.48")
        #expect(fixed(all1996.aloneShare(Self.us)) == "21.91")
        #expect(fixed(all1996.soloRatio(Self.us)) == "96.87")
        #expect(fixed(all1996.collaborationShare(CountrySet([Self.cn, Self.us]))) == "0.02")
        let ree1996 = ShareMeasures(t.tally(.rareEarth, 1996))
        #expect(fixed(ree1996.share(Self.cn)) == "8.57")
        #expect(fixed(ree1996.collaborationShare(CountrySet([Self.cn, Self.us]))) == "0.01")
        let all2022 = ShareMeasures(t.tally(.all, 2022))
        #expect(fixed(all2022.jointRatio(CountrySet([Self.cn, Self.us]), over: Self.us)) == "0.18")
    }

    /// Whole rows of the paper's processed tables, every year.
    @Test func figureRowsEveryYear() throws {
        let (t, _) = try Self.paperTally()
        let f1a = try Self.table("processed/Figure1a.tsv")
        let f1c = try Self.table("processed/Figure1c.tsv")
        let f2d = try Self.table("processed/Figure2d.tsv")
        for year in 1996...2022 {
            let all = ShareMeasures(t.tally(.all, year))
            #expect(fixed(all.share(Self.cn)) == fixed(f1a.value(row: "China", year: year)), "China \(year)")
            #expect(fixed(all.share(Self.us)) == fixed(f1a.value(row: "US", year: year)), "US \(year)")
            #expect(fixed(all.soloRatio(Self.us)) == fixed(f1c.value(row: "US alone/US", year: year)), "US alone/US \(year)")
            #expect(fixed(all.soloRatio(Self.cn)) == fixed(f1c.value(row: "CN alone/CN", year: year)), "CN alone/CN \(year)")
            // The rare-earth weights are printed with six significant digits
            // (691.538), so a share rebuilt from them can differ from the
            // paper's (computed before rounding) by one unit in the last place.
            let ree = ShareMeasures(t.tally(.rareEarth, year))
            for (code, row) in [(Self.cn, "China"), (Self.us, "US")] {
                let ours = try #require(ree.share(code)), paper = try #require(f2d.value(row: row, year: year))
                #expect(abs(ours - paper) <= 0.0100001, "REE \(row) \(year): \(ours) vs \(paper)")
            }
        }
    }
}
