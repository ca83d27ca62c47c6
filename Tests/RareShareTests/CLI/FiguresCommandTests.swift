import Foundation
import Testing

/// `rareshare figures` end to end: the built executable, its exit codes and stdout.
@Suite struct FiguresCommandTests {
    static let executable = CommandRunner.binary.path

    static func run(_ arguments: [String]) throws -> CommandRunner.Outcome { try CommandRunner.run(arguments) }

    static func smallTablesFolder() throws -> URL {
        let folder = try Fixture.temporaryFolder()
        try "\t2020\t2021\nAll substances\t100\t200\n".write(to: folder.appendingPathComponent("Figure2a.tsv"), atomically: true, encoding: .utf8)
        try "\t2020\t2021\nCN\t30\t90\nUS\t40\t50\n".write(to: folder.appendingPathComponent("Country_weighted_allSubs.tsv"), atomically: true, encoding: .utf8)
        try "\t2020\t2021\nCN\t25\t80\nUS\t35\t40\nCN,US\t6\t12\n".write(to: folder.appendingPathComponent("Absolute_collab_allSubs.tsv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func writesFiguresAndPrintsTheSummary() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "build the executable first")
        let tables = try Self.smallTablesFolder()
        let out = try Fixture.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: tables)
            try? FileManager.default.removeItem(at: out)
        }
        let r = try Self.run(["figures", "--tables", tables.path, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        RareShare: new substances by country, 2020–2021

        [all] All substances, 2020–2021: 300 new substances
          country             share 2020  share 2021     change
          China (CN)              30.00%      45.00%  +15.00 pp
          United States (US)      40.00%      25.00%  -15.00 pp

        Findings
          All substances: China (CN) leads in 2021 with 45.00%, 1.80× the next, United States (US) (25.00%).
          Largest rises in share since 2020: China (CN) +15.00 pp
          Largest falls in share since 2020: United States (US) -15.00 pp
          Solo ratio (substances with no foreign co-author, % of weight), 2020 → 2021: China (CN) 83.33% → 88.89%; United States (US) 87.50% → 80.00%
          China (CN) passed United States (US) as the leader of all substances in 2021 and has led since.
          Largest two-country collaborations, 2020–2021 (substances with exactly these countries): China (CN) – United States (US) 18

        """)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written.contains("report.html") && written.contains("Figure1a.svg") && written.contains("not_derived.tsv"))
    }

    @Test(arguments: [
        (["figures", "--tables", "/nonexistent-rareshare-tables"], Int32(66)),
        (["figures", "--tables", ".", "--years", "2022-1996"], Int32(64)),
        (["figures", "--tables", ".", "--regions", "inorganic"], Int32(64)),
        (["figures", "--tables", ".", "--focus", "CN"], Int32(64)),
        (["figures", "--tables", ".", "--sets", "CN"], Int32(64)),
    ])
    func exitCodes(_ arguments: [String], _ status: Int32) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "build the executable first")
        #expect(try Self.run(arguments).status == status)
    }
}
