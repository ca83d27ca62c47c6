import Foundation
import Testing
@testable import RareShare

/// Regenerates the paper's processed tables from its raw tables (plus
/// `processed/Figure2a.tsv` as the yearly totals) and compares every cell
/// with the printed one.
@Suite struct PaperFiguresTests {
    /// The paper's raw tables and its totals, linked into one temporary folder
    /// (the layout `rareshare figures --tables` reads); loaded once.
    static let loaded: Result<FigureInputs, Error> = Result(catching: {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let raw = Fixture.shared("reference/paper/raw")
        for name in try fm.contentsOfDirectory(atPath: raw).sorted() where name.hasSuffix(".tsv") {
            try fm.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: raw + "/" + name)
        }
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("Figure2a.tsv").path,
                                  withDestinationPath: Fixture.shared("reference/paper/processed/Figure2a.tsv"))
        return try FigureInputs.load(folder: folder.path)
    })

    static let run: Result<FigureRun, Error> = loaded.map { FigureReport.make($0) }

    /// The paper's row labels that differ from ours: a typo ("Spaim") and a
    /// mislabelled set: its "Austria-China" row of Figure 2e is, cell for cell,
    /// the `AU,CN` row of Absolute_collab_raras.tsv (AU is Australia; there is
    /// no AT,CN row).
    static let paperLabelAliases = ["Spaim": "Spain", "Austria-China": "Australia-China"]

    /// Processed tables regenerated from the raw tables.
    static let derivable = ["Figure1a", "Figure1b", "Figure1c", "Figure2a", "Figure2b", "Figure2c", "Figure2d", "Figure2e",
                            "FigureS5", "FigureS6", "FigureS7a_b", "FigureS7d_e", "FigureS7f_g"]

    func paperTable(_ name: String) throws -> YearTable {
        let text = try String(contentsOfFile: Fixture.shared("reference/paper/processed/\(name).tsv"), encoding: .utf8)
        return YearTable(tsv: text)
    }

    @Test(arguments: derivable)
    func everyPrintedCellAgrees(_ name: String) throws {
        let run = try Self.run.get()
        let ours = try #require(run.tables.first { $0.spec.name == name }, "\(name) was not regenerated").table
        let paper = try paperTable(name)
        #expect(ours.corner == paper.corner)
        #expect(ours.years == paper.years)
        var compared = 0
        var mismatches: [String] = []
        let ourRows = Dictionary(ours.rows.map { ($0.key, $0.cells) }, uniquingKeysWith: { a, _ in a })
        for row in paper.rows {
            if name == "Figure1a", row.key.contains("w/o") { continue }   // needs author-level data, checked below
            let key = Self.paperLabelAliases[row.key] ?? row.key
            guard let cells = ourRows[key] else {
                mismatches.append("row \(row.key) missing")
                continue
            }
            for (i, year) in paper.years.enumerated() {
                guard let j = ours.years.firstIndex(of: year) else { continue }
                compared += 1
                if cells[j] != row.cells[i] { mismatches.append("\(row.key) \(year): paper \(row.cells[i]), ours \(cells[j])") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) cells differ, first: \(mismatches.prefix(5))")
        #expect(compared == paper.rows.filter { !(name == "Figure1a" && $0.key.contains("w/o")) }.count * paper.years.count)
    }

    /// Hand-checked cells (METRICS.md), so a mistake in the paper-file reading
    /// cannot hide behind the comparison itself.
    @Test func handCheckedCells() throws {
        let run = try Self.run.get()
        func cell(_ table: String, _ row: String, _ year: Int) -> String? {
            guard let t = run.tables.first(where: { $0.spec.name == table })?.table,
                  let r = t.rows.first(where: { $0.key == row }), let i = t.years.firstIndex(of: year) else { return nil }
            return r.cells[i]
        }
        #expect(cell("Figure1a", "China", 1996) == "1.48")        // 4555.06 / 308716
        #expect(cell("Figure1a", "USA alone", 1996) == "21.91")   // 67630 / 308716
        #expect(cell("Figure1b", "China-US", 1996) == "0.02")     // 61 / 308716
        #expect(cell("Figure1c", "US alone/US", 1996) == "96.87") // 67630 / 69812.4
        #expect(cell("Figure1c", "CN-US collab/US", 2022) == "0.18")
        #expect(cell("Figure2d", "China", 1996) == "8.57")        // 691.538 / 8069
        #expect(cell("Figure2e", "China-US", 1996) == "0.01")     // 1 / 8069
        #expect(cell("Figure2a", "Rare-earth chemicals", 2022) == "9690")
        // Figure 2b prints 9.69 for 4761.9 / 49168 = 9.68496…: rounded to 9.685 first.
        #expect(cell("Figure2b", "Germany", 2012) == "9.69")
        // Figure 1a prints 22.02 for 22.02492…: rounded once.
        #expect(cell("Figure1a", "US", 2009) == "22.02")
    }

    /// The joint count of Figure 1c includes the paper's sets with an
    /// unresolved member (`CN,US,null`): 2008 is 0.07 with them, 0.06 without.
    @Test func jointCountKeepsUnresolvedMembers() throws {
        let inputs = try Self.loaded.get()
        let m = ShareMeasures(inputs.tally.tally(.all, 2008))
        let cnus = try #require(CountrySet(key: "CN,US"))
        let withUnresolved = try #require(CountrySet(key: "CN,US,\(CountryLabels.unresolved)"))
        #expect(m.exactSetCount(withUnresolved) > 0)
        #expect(ProcessedTables.format(m.jointRatio(cnus, over: try #require(CountryCode("CN"))), .decimals(2)) == "0.07")
    }

    /// The tables the raw tables cannot give are named, each with its reason.
    @Test func underivedTablesAreNamedWithReasons() throws {
        let run = try Self.run.get()
        let names = run.underived.map(\.name)
        #expect(names == ["Figure1d", "FigureS2", "FigureS3", "FigureS4_organicKW", "FigureS4_organoMetallicKW",
                          "Figure1a (rows 'China w/o US', 'US w/o China')", "FigureS1", "Figure1e"])
        #expect(run.underived.last?.reason.contains("no 'Population, total' row") == true)
        #expect(run.underived.first { $0.name.hasPrefix("Figure1a") }?.reason.contains("author-level data") == true)
        #expect(run.underived.allSatisfy { !$0.reason.isEmpty })
        // Every processed table of the paper is either regenerated or named here.
        let processed = try FileManager.default.contentsOfDirectory(atPath: Fixture.shared("reference/paper/processed"))
            .filter { $0.hasSuffix(".tsv") }.map { String($0.dropLast(4)) }.sorted()
        let covered = Set(run.tables.map(\.spec.name)).union(names)
        #expect(processed.filter { !covered.contains($0) } == [])
    }

    /// The paper's S7 tables leave out the last row of each raw table (Zr,
    /// CFeHMoNNdOP); ours keep it, with the same rule for every cell.
    @Test func s7TablesKeepTheRowThePaperDropped() throws {
        let run = try Self.run.get()
        let ours = try #require(run.tables.first { $0.spec.name == "FigureS7d_e" }).table
        let paper = try paperTable("FigureS7d_e")
        #expect(ours.rows.count == paper.rows.count + 1)
        #expect(Set(ours.rows.map(\.key)).subtracting(paper.rows.map(\.key)) == ["Zr"])
    }

    /// Rows of the organic collaboration table with more cells than its header
    /// cannot be placed in years and are reported, not guessed.
    @Test func malformedRowsAreReported() throws {
        let inputs = try Self.loaded.get()
        let organic = inputs.ignoredRows.filter { $0.hasPrefix("Absolute_collab_Organic.tsv") }
        #expect(organic.count == 40)
        #expect(organic.first == "Absolute_collab_Organic.tsv: line 13 (FR,US): 31 cells for a header of 29")
        let t = inputs.tally.tally(.organic, 1996)
        #expect(t.exactSets[try #require(CountrySet(key: "CN,US"))] == 53)
    }

    @Test func roundingViaThreeDecimalsIsDecimal() {
        #expect(ProcessedTables.format(9.684957696062478, .twoDecimalsViaThree) == "9.69")
        #expect(ProcessedTables.format(9.684957696062478, .decimals(2)) == "9.68")
        #expect(ProcessedTables.format(0.004784, .twoDecimalsViaThree) == "0.01")
        #expect(ProcessedTables.format(99.9951, .twoDecimalsViaThree) == "100.00")
        #expect(ProcessedTables.format(0, .decimals(2)) == "0.00")
        #expect(ProcessedTables.format(0, .shortest) == "")
        #expect(ProcessedTables.format(nil, .decimals(2)) == "")
    }

    /// Average rank: ranks per year (ties share the better rank), then the mean.
    @Test func averageRankOfHandMadeTally() throws {
        var tally = ShareTally()
        let (a, b, c) = (try #require(CountryCode("AA")), try #require(CountryCode("BB")), try #require(CountryCode("CC")))
        var y1 = YearlyTally(); y1.units = 10; y1.weights = [a: 5, b: 3, c: 1]
        var y2 = YearlyTally(); y2.units = 10; y2.weights = [a: 1, b: 3, c: 3]
        tally.set(y1, region: .all, year: 2000)
        tally.set(y2, region: .all, year: 2001)
        // 2000: A 1, B 2, C 3; 2001: B 1, C 1, A 3 → A 2.0, B 1.5, C 2.0.
        let ranked = AverageRank.countries(tally, region: .all, years: [2000, 2001], count: 2)
        #expect(ranked.map(\.key) == ["BB", "AA"])
        #expect(ranked.map(\.averageRank) == [1.5, 2.0])
    }
}
