import Foundation
import Testing

/// `rareshare inspect` end to end: output, JSON lines, exit codes.
@Suite struct InspectCommandTests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func run(_ arguments: [String]) throws -> Run {
        let p = Process()
        p.executableURL = CommandRunner.binary
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func textReportsEachFileAndTheDuplicatesAcrossThem() throws {
        let lens = Fixture.path("formats/lens_sample.csv")
        let dimensions = Fixture.path("formats/dimensions_sample.csv")
        let r = try run(["inspect", lens, dimensions])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == """
        \(lens)
          format:   lens-csv
          records:  2 usable of 2 read, 0 skipped
          years:    2019-2021
          DOIs:     2 of 2 records
          authors:  3 (0 with affiliations, 3 without)
          problems: 0

        \(dimensions)
          format:   dimensions-csv
          records:  3 usable of 3 read, 0 skipped
          years:    2019-2021
          DOIs:     2 of 3 records
          authors:  4 (3 with affiliations, 1 without, 2 with a country code from the source)
          problems: 0

        duplicates: 5 records are 4 publications (1 merged into 1)
          authors kept from dimensions-csv: 1
          documentType kept from lens-csv: 1
          doi kept from lens-csv: 1
          sourceID kept from lens-csv: 1
          title kept from lens-csv: 1
          year kept from lens-csv: 1

        """)
    }

    @Test func jsonIsOneObjectPerFile() throws {
        let files = [Fixture.shared("corpora/wos-tab/wosfile__wos_tab_delimited_win_utf16.txt"),
                     Fixture.shared("corpora/scopus-csv/litstudy__scopus.csv")]
        let r = try run(["inspect", "--json"] + files)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        try #require(lines.count == 2)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["file"] as? String } == files)
        #expect(objects.map { $0["format"] as? String } == ["wos-tab", "scopus-csv"])
        #expect(objects.map { $0["records"] as? Int } == [50, 58])
        #expect(objects.map { $0["skipped"] as? Int } == [0, 0])
        #expect(objects.map { $0["problems"] as? Int } == [0, 0])
    }

    @Test func unknownFormatNamesTheFileAndExits65() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.txt").path
        try "Dear reviewer,\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(["inspect", path])
        #expect(r.status == 65)
        #expect(r.stderr == "error: \(path): unknown format; the file starts with \"Dear reviewer,\\xA\"\n")
    }

    @Test func missingFileExits66AndStillReportsTheOthers() throws {
        let lens = Fixture.path("formats/lens_sample.csv")
        let r = try run(["inspect", "--json", "/nonexistent/savedrecs.txt", lens])
        #expect(r.status == 66)
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(r.stdout.hasPrefix("{\"file\":\"/nonexistent/savedrecs.txt\",\"format\":null,\"records\":0,"))
        #expect(r.stderr.contains("/nonexistent/savedrecs.txt: no such file"))
    }

    @Test func formatOverrideIsValidated() throws {
        let r = try run(["inspect", "--format", "endnote", Fixture.path("formats/lens_sample.csv")])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown --format 'endnote'"))
    }
}
