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
        Leaders in 2021 (share of the region's new substances):
          all  China 45.00%, US 25.00%

        All substances, 2020 → 2021:
          China: share 30.00% → 45.00%; solo ratio 83.33% → 88.89%
          US: share 40.00% → 25.00%; solo ratio 87.50% → 80.00%

        Largest collaboration pairs (substances with exactly these two countries, 2020–2021):
          China-US  18  (6.00% in 2021)

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
