import Foundation
import Testing

/// `analyze` with the counting options on the demonstration exports; the
/// expected values are worked out from Fixtures/demo/EXPECTED.md's
/// authorship lists (W1 names its CN first author as corresponding, W4 its
/// US last author; W2, W3 and W8 say nothing).
@Suite struct CountingCommandTests {
    func text(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func everyCountingOutputOnTheDemo() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandRunner.run(["analyze", "--out", dir.path, "--counting", "all",
                                               "--network", "--production", "--top", "3"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("  corresponding-author: 2 / 8\n"))
        #expect(r.stdout.contains("  first-author: 8 / 8\n"))

        let methods = try text(dir, "Counting_methods.tsv")
        // 2020: 1001 {CN,CN,US}, 1002/1010/1012 {US,US}, 1009 {FR,GB}, 1006 unattributed.
        #expect(methods.contains("all\t2020\tfull\t6\t5\t5\t7\n"))
        #expect(methods.contains("all\t2020\tcorresponding-author\t6\t5\t1\t1\n"))
        #expect(methods.contains("all\t2021\tfirst-author\t4\t3\t3\t3\n"))

        let comparison = try text(dir, "Counting_comparison_allSubs.tsv")
        #expect(comparison.hasPrefix("country\tyear\tauthor-fractional\tfull\tpublication-fractional\tfirst-author\tcorresponding-author\n"))
        // US 2020: 10/3, 4, 3.5, 3 (W2 three times) and unknown (only W1 names a corresponding author, CN).
        #expect(comparison.contains("US\t2020\t55.55555555555555\t66.66666666666667\t58.333333333333336\t50\t\n"))
        #expect(try text(dir, "Country_weighted_allSubs.first-author.tsv").contains("FR\t\t1\t\n"))

        #expect(try text(dir, "Country_production_allSubs_2019-2021.tsv") == """
        country\tarticles\tSCP\tMCP\tfreq\tMCP_ratio
        US\t4\t3\t1\t0.5000\t0.2500
        CN\t3\t2\t1\t0.3750\t0.3333
        FR\t1\t0\t1\t0.1250\t1.0000

        """)
        #expect(try text(dir, "Collaboration_allSubs_2019-2021_vosviewer_network.fractional.txt") == "1\t6\t1\n2\t5\t0.5\n2\t6\t0.5\n3\t4\t1\n5\t6\t0.5\n")
        #expect(try text(dir, "Top_countries_allSubs_2019-2021.tsv").hasPrefix("rank\tkey\tlabel\taverage_rank\n1\tCN\t"))  // CN and US tie at 4/3: code order
    }

    @Test func unknownMethodIsAUsageError() throws {
        let r = try CommandRunner.run(["analyze", "--works", Fixture.path("demo/works"), "--counting", "full,whole"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown --counting method 'whole'"))
    }
}
