import Foundation
import Testing

/// `analyze --preset` on three hand-made OpenAlex records (publication run,
/// N = 3, all attributed): CN; US+CN; HK; an author without affiliation —
/// TW; MO; US — and NSF's example US, US, CN, BR. Expected weights worked
/// out on paper (see CountingPresetTests for the arithmetic).
@Suite struct PresetCommandTests {
    static func works(in dir: URL) throws -> String {
        func author(_ codes: [String]) -> String {
            let inst = codes.map { "{\"display_name\":\"Inst \($0)\",\"country_code\":\"\($0)\"}" }.joined(separator: ",")
            return "{\"author\":{\"display_name\":\"X\"},\"institutions\":[\(inst)],\"raw_affiliation_strings\":[]}"
        }
        let records: [(String, [[String]])] = [("10.1/a", [["CN"], ["US", "CN"], ["HK"], []]),
                                               ("10.1/b", [["TW"], ["MO"], ["US"]]),
                                               ("10.1/e", [["US"], ["US"], ["CN"], ["BR"]])]
        let lines = records.enumerated().map { i, r in
            "{\"id\":\"https://openalex.org/W\(i)\",\"doi\":\"https://doi.org/\(r.0)\",\"title\":\"T\(i)\",\"publication_year\":2022,\"type\":\"article\",\"authorships\":[\(r.1.map(author).joined(separator: ","))]}"
        }
        let path = dir.appendingPathComponent("works.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ extra: [String]) throws -> URL {
        let dir = try Fixture.temporaryFolder()
        let works = try Self.works(in: dir)
        let r = try CommandRunner.run(["analyze", "--works", works, "--out", dir.appendingPathComponent("out").path, "-q"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return dir.appendingPathComponent("out")
    }

    func text(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func leidenFoldsTerritoriesAndKeepsAuthorsWithoutCountry() throws {
        let out = try run(["--preset", "leiden"])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        // CN 5/8 + 1/3 + 1/4 = 29/24, US 1/8 + 1/3 + 1/2 = 23/24, TW 1/3, BR 1/4.
        #expect(try text(out, "Country_weighted_allSubs.tsv") == "\t2022\nCN\t1.2083333333333333\nUS\t0.9583333333333333\nTW\t0.3333333333333333\nBR\t0.25\n")
        #expect(try text(out, "Counting_rules.tsv") == "option\tvalue\ncounting\tauthor-fractional\naffiliations\tall\nterritories\tleiden\ndenominator\tall\nauthor-count\tall\n")
    }

    @Test func natureIndexAndNSFDenominators() throws {
        let nature = try run(["--preset", "nature-index"])
        defer { try? FileManager.default.removeItem(at: nature.deletingLastPathComponent()) }
        // CN 1/2 + 1/4, US 1/6 + 1/3 + 1/2, HK, MO, TW 1/3, BR 1/4.
        #expect(try text(nature, "Country_weighted_allSubs.tsv") == "\t2022\nUS\t1\nCN\t0.75\nHK\t0.3333333333333333\nMO\t0.3333333333333333\nTW\t0.3333333333333333\nBR\t0.25\n")
        // A rule set alone wins over the preset's: NSF with HK, MO, TW as CN.
        let nsf = try run(["--preset", "nsf", "--territories", "cn-all"])
        defer { try? FileManager.default.removeItem(at: nsf.deletingLastPathComponent()) }
        let rules = try text(nsf, "Counting_rules.tsv")
        #expect(rules.contains("territories\tcn-all\n") && rules.contains("denominator\tattributed\n"))
        // CN 1/3 + 1/3 (HK) + 1/3 (TW) + 1/3 (MO) + 1/4 = 19/12 of 3 units.
        #expect(try text(nsf, "measures.csv").contains("all,2022,share_percent,CN,\(100 * (19.0 / 12) / 3)\n"))
    }

    @Test func methodComparisonRanksEveryPreset() throws {
        let out = try run([])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let table = try text(out, "Method_comparison_allSubs.tsv")
        #expect(table.hasPrefix("country\tyear\tpreset\tmethod\tshare_percent\trank\trank_change\nUS\t2022\tstudy\tauthor-fractional\t38.888888888888886\t1\t0\n"))
        // Leiden puts CN first (29/24 of 3) and US second.
        #expect(table.contains("CN\t2022\tleiden\tauthor-fractional\t40.27777777777778\t1\t1\n"))
        #expect(table.contains("US\t2022\tleiden\tauthor-fractional\t31.944444444444443\t2\t-1\n"))
        #expect(table.contains("HK\t2022\tleiden\tauthor-fractional\t\t\t\n"))
        // Full counting: US in all three records, CN in two, BR ties with HK, MO, TW at one.
        #expect(table.contains("US\t2022\tstudy\tfull\t100\t1\t0\n"))
        #expect(table.contains("BR\t2022\tstudy\tfull\t33.333333333333336\t3\t3\n"))
        #expect(try text(out, "Counting_rules.tsv").contains("affiliations\tfirst\n"))
    }

    @Test func unknownPresetIsAUsageError() throws {
        let r = try CommandRunner.run(["analyze", "--works", Fixture.path("demo/works"), "--preset", "scopus"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown --preset 'scopus'; known: study, nsf, leiden, nature-index"))
    }
}
