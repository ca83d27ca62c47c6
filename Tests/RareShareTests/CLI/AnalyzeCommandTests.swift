import Foundation
import Testing

/// The executable end to end: exit codes, files written, messages.
@Suite struct AnalyzeCommandTests {
    func run(_ arguments: [String]) throws -> CommandRunner.Outcome { try CommandRunner.run(arguments) }

    @Test func demoRunWritesThePaperTables() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["analyze", "--out", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[all] All substances, 2019–2021: 11 new substances, 8 attributed to a country (72.73%)"))
        let weighted = try String(contentsOf: dir.appendingPathComponent("Country_weighted_allSubs.tsv"), encoding: .utf8)
        #expect(weighted.hasPrefix("\t2019\t2020\t2021\nUS\t\t3.333333333333333\t0.3333333333333333\n"))
        let totals = try String(contentsOf: dir.appendingPathComponent("Figure2a.tsv"), encoding: .utf8)
        #expect(totals == "\t2019\t2020\t2021\nAll substances\t1\t6\t4\nOrganic chemicals\t1\t3\t2\nOrganometallics\t0\t1\t1\nRare-earth chemicals\t0\t2\t1\n")
        let collab = try String(contentsOf: dir.appendingPathComponent("Absolute_collab_allSubs.tsv"), encoding: .utf8)
        #expect(collab == "\t2019\t2020\t2021\nUS\t\t3\t\nCN\t\t\t2\nCN,US\t\t1\t\nDE,JP,US\t\t\t1\nFR,GB\t\t1\t\n")
    }

    @Test func strictExitsWithDataError() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = Fixture.path("demo")
        let r = try run(["analyze", "--strict", "--quiet", "--substances", demo + "/substances", "--citations", demo + "/citations",
                         "--works", demo + "/works", "--out", dir.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("substances-1.xml:34: substance 8: IDE.XRN: no registry number"))
    }

    @Test func missingInputExitsWith66() throws {
        let r = try run(["analyze", "--works", "/nonexistent/works.jsonl", "--out", "/tmp/unused"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/nonexistent/works.jsonl: no such file"))
    }

    @Test func usageErrorExitsWith64() throws {
        let r = try run(["analyze", "--affiliations", "some"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--affiliations must be 'first' or 'all'"))
    }
}
