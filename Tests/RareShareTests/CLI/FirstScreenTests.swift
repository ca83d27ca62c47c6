import Foundation
import RareShare
import Testing

/// What a new user sees first, end to end through the built executable: the
/// summary's order and headings, the command line's own help, the run
/// record and the loud warnings.
@Suite struct FirstScreenTests {
    func run(_ arguments: [String]) throws -> CommandRunner.Outcome { try CommandRunner.run(arguments) }

    /// Substances 1001 (organic), 1003 (organometallic) and 1004 (rare-earth)
    /// of the demonstration, with no bad record, so `--strict` fails only on
    /// a run warning.
    static func cleanSubstances(in folder: URL) throws -> String {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xf><substances>
        <substance index="1"><IDE><IDE.XRN>1001</IDE.XRN><IDE.MF>C<sub>6</sub>H<sub>6</sub></IDE.MF></IDE><CIT><CNR.CNR>5001</CNR.CNR><CIT.PY>2020</CIT.PY></CIT></substance>
        <substance index="2"><IDE><IDE.XRN>1003</IDE.XRN><IDE.MF>C<sub>10</sub>H<sub>10</sub>Fe</IDE.MF></IDE><CIT><CNR.CNR>5004</CNR.CNR><CIT.PY>2021</CIT.PY></CIT></substance>
        <substance index="3"><IDE><IDE.XRN>1004</IDE.XRN><IDE.MF>CeCl<sub>3</sub></IDE.MF></IDE><CIT><CNR.CNR>5003</CNR.CNR><CIT.PY>2021</CIT.PY></CIT></substance>
        </substances></xf>

        """
        let path = folder.appendingPathComponent("substances.xml")
        try xml.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test func demoSummaryListsRegionsInOrderAndCountriesByLatestShare() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["analyze", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        // 2021: CN 2 of 4 substances; DE, JP, US 1/3 each. Ties share the
        // place and are all shown, in code order.
        #expect(r.stdout.hasPrefix("""
        RareShare: new substances by country, 2019–2021

        [all] All substances, 2019–2021: 11 new substances, 8 attributed to a country (72.73%)
          country             share 2019  share 2021     change
          China (CN)               0.00%      50.00%  +50.00 pp
          Germany (DE)             0.00%       8.33%   +8.33 pp
          Japan (JP)               0.00%       8.33%   +8.33 pp
          United States (US)       0.00%       8.33%   +8.33 pp

        [organic] Organic substances, 2019–2021: 6 new substances, 4 attributed to a country (66.67%)

        """))
        let headings = r.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }.map { $0.prefix { $0 != "," } }
        #expect(headings == ["[all] All substances", "[organic] Organic substances",
                             "[organometallic] Organometallic substances", "[rare-earth] Rare-earth substances"])
        #expect(r.stdout.contains("""
        Findings
          All substances: China (CN) leads in 2021 with 50.00%, 6.00× the next, Germany (DE) (8.33%).
        """))
        #expect(r.stdout.contains("  China (CN) passed United States (US) as the leader of all substances in 2021 and has led since.\n"))
        // The figures' summary is the same text, rebuilt from the tables.
        let figures = try CommandRunner.run(["figures", "--tables", dir.path, "--out", dir.appendingPathComponent("f").path])
        #expect(figures.status == 0)
        #expect(r.stdout.hasPrefix(figures.stdout))
    }

    @Test func demoNoteIsPrintedEvenWhenQuiet() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["analyse", "-q", "--out", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("rareshare: no inputs named: using the bundled demonstration exports in ") == true)
    }

    @Test func versionAndMistypedCommands() throws {
        let v = try run(["--version"])
        #expect(v.status == 0 && v.stdout == RareShareVersion.current + "\n")
        let typo = try run(["analize", "--works", "x"])
        #expect(typo.status == 64)
        #expect(typo.stderr == "error: unknown command 'analize'; did you mean analyze?\n")
        let help = try run(["help", "bogus"])
        #expect(help.status == 64)
        #expect(help.stderr.contains("help: no command 'bogus'; commands: analyze, inspect, resolve, figures, extract"))
        #expect(try run(["help", "figures"]).status == 0)
        #expect(try run(["analyse", "--help"]).status == 0)
    }

    @Test func outputThatIsAFileIsRefusedBeforeAnyWork() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("results.txt")
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["analyze", "--out", file.path])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--out '\(file.path)' is a file, not a folder"))
        #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("demonstration"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
    }

    @Test func runRecordNamesVersionOptionsAndInputs() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = Fixture.path("demo")
        let r = try run(["analyze", "-q", "--substances", demo + "/substances", "--citations", demo + "/citations",
                         "--works", demo + "/works", "--affiliations", "all", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("run.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(record["version"] as? String == RareShareVersion.current)
        #expect((record["command_line"] as? [String])?.dropFirst().first == "analyze")
        let options = try #require(record["options"] as? [String: String])
        #expect(options["affiliations"] == "all" && options["counting"] == "author-fractional" && options["strict"] == "false")
        let inputs = try #require(record["inputs"] as? [[String: Any]])
        #expect(inputs.count == 5)
        let first = try #require(inputs.first)
        #expect(first["role"] as? String == "substances")
        #expect((first["path"] as? String)?.hasSuffix("demo/substances/substances-1.xml") == true)
        #expect(first["bytes"] as? Int == 1554 && first["records"] as? Int == 8)
        // sha256sum Fixtures/demo/substances/substances-1.xml
        #expect(first["sha256"] as? String == "ad3df195db0fbbaca340c4a176b77e54a3849b47d517fbc9b1b9e2386c4c0eff")
        #expect(record["started"] is String && record["finished"] is String)
        let measures = try String(contentsOf: dir.appendingPathComponent("measures.json"), encoding: .utf8)
        #expect(measures.contains("\"affiliations\": \"all\""))
    }

    @Test func runWhereNothingMatchedWarnsLoudlyAndFailsUnderStrict() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let substances = try Self.cleanSubstances(in: dir)
        let out = dir.appendingPathComponent("out").path
        let arguments = ["analyze", "--substances", substances, "--citations", Fixture.path("demo/citations"),
                         "--works", Fixture.path("formats/medline_sample.txt"), "--out", out]
        let r = try run(arguments)
        #expect(r.status == 0)
        let warning = "warning: none of the 3 citation DOIs matched a bibliographic record"
        #expect(r.stderr.contains(warning))
        #expect(!r.stdout.contains("Problems: 0"))
        let quality = try String(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("quality.txt"), encoding: .utf8)
        #expect(quality.contains("WARNING: this run is probably wrong (1 warning):\n  ! none of the 3 citation DOIs"))
        #expect(quality.contains("Problems: 1 ("))
        let strict = try run(arguments + ["--strict", "-q"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains(warning))
    }

    @Test func sha256MatchesTheStandardVectors() {
        var empty = SHA256()
        #expect(empty.finish() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var abc = SHA256()
        abc.update(Array("abc".utf8))
        #expect(abc.finish() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // 56 bytes: the padding spills into a second block.
        var two = SHA256()
        two.update(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        #expect(two.finish() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite struct ProgressLineTests {
    @Test func fitsAnEightyColumnTerminalAndSaysMiB() {
        let line = ProgressLine(stage: "works", file: "/data/openalex/part-000-with-a-rather-long-name.jsonl.gz", records: 1_234_567,
                                bytesDone: 3 * 1_048_576, bytesTotal: 10 * 1_048_576, elapsed: 2)
        let wide = line.text(width: 200)
        #expect(wide == "works part-000-with-a-rather-long-name.jsonl.gz: 1,234,567 records | 3 of 10 MiB | 1.5 MiB/s | 0:02 elapsed | ETA 0:05")
        let narrow = line.text(width: 80)
        #expect(narrow.count == 79)
        #expect(narrow.hasSuffix("…") && wide.hasPrefix(String(narrow.dropLast())))
    }
}
