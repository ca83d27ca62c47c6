import Testing
@testable import RareShare

/// Aggregation gives bit-identical tallies for any thread count, on generated
/// data large enough to span many chunks.
@Suite struct DeterminismTests {
    /// A deterministic pseudo-random stream (SplitMix64), so the data are the same every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func generatedUnits(count: Int) -> [AttributedUnit] {
        var rng = SplitMix(state: 42)
        let codes = ["CN", "US", "JP", "DE", "IN", "GB", "FR", "KR", "RU", "BR"].compactMap(CountryCode.init)
        let regionChoices: [RegionSet] = [[.all], [.all, .organic], [.all, .organic, .organometallic], [.all, .rareEarth],
                                          [.all, .organic, .organometallic, .rareEarth]]
        return (0..<count).map { _ in
            let authors = Int.random(in: 0...7, using: &rng)
            var a: [[CountryCode]] = []
            for _ in 0..<authors { a.append([codes[Int.random(in: 0..<codes.count, using: &rng)]]) }
            return AttributedUnit(year: Int.random(in: 1996...2022, using: &rng),
                                  regions: regionChoices[Int.random(in: 0..<regionChoices.count, using: &rng)],
                                  authorship: authors == 0 ? nil : Authorship(authors: a),
                                  composition: ["CHO", "CHNdO", "CFeH", "ClYb"][Int.random(in: 0..<4, using: &rng)])
        }
    }

    @Test(arguments: [2, 8])
    func bitIdentical(threads: Int) async {
        let units = Self.generatedUnits(count: 100_000)
        let one = await ParallelAggregator(threads: 1).aggregate(units)
        let many = await ParallelAggregator(threads: threads).aggregate(units)
        #expect(one == many)
        // Bit-identical, not merely close: compare the raw bit patterns of every weight.
        for region in Region.allCases {
            for year in one.years {
                let a = one.tally(region, year).weights, b = many.tally(region, year).weights
                #expect(a.keys.sorted() == b.keys.sorted())
                for k in a.keys { #expect(a[k]!.bitPattern == b[k]!.bitPattern) }
            }
        }
    }

    @Test func fractionalWeightsSumToAttributedUnits() async {
        let units = Self.generatedUnits(count: 20_000)
        let t = await ParallelAggregator(threads: 2).aggregate(units)
        for year in t.years {
            let y = t.tally(.all, year)
            let sum = y.weights.values.reduce(0, +)
            #expect(abs(sum - Double(y.attributed)) < 1e-6)
            #expect(y.exactSets.values.reduce(0, +) == y.attributed)
        }
    }
}

/// The whole pipeline, on generated export files cut into many small batches,
/// gives identical tallies and data-quality counts for 1, 2 and 8 threads.
@Suite struct PipelineDeterminismTests {
    /// Writes a Reaxys-shaped substance and citation export and OpenAlex JSON Lines.
    static func generatedExports() throws -> URL {
        var rng = DeterminismTests.SplitMix(state: 2024)
        let dir = try Fixture.temporaryFolder()
        let countries = ["CN", "US", "JP", "DE", "IN", "GB", "FR", "KR"]
        var citations = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xf><citations>\n"
        var works = ""
        for i in 0..<600 {
            let year = Int.random(in: 1996...2022, using: &rng)
            citations += "<citation><CNR.CNR>\(70000 + i)</CNR.CNR><CIT.PY>\(year)</CIT.PY><CIT.DOI>10.5555/g\(i)</CIT.DOI></citation>\n"
            if i % 9 == 0 { continue }   // some citations have no bibliographic record
            let authors = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                let c = countries[Int.random(in: 0..<countries.count, using: &rng)]
                return "{\"author\":{\"display_name\":\"A\"},\"institutions\":[{\"id\":\"I\",\"country_code\":\"\(c)\"}],\"raw_affiliation_strings\":[\"Lab, \(c)\"]}"
            }
            works += "{\"doi\":\"https://doi.org/10.5555/G\(i)\",\"publication_year\":\(year),\"authorships\":[\(authors.joined(separator: ","))]}\n"
        }
        citations += "</citations></xf>\n"
        let formulas = ["C<sub>6</sub>H<sub>6</sub>", "C<sub>10</sub>H<sub>10</sub>Fe", "CeCl<sub>3</sub>", "C<sub>15</sub>H<sub>15</sub>Nd",
                        "NaCl", "C<sub>2</sub>H<sub>4</sub>O<sub>2</sub>*Na"]
        for f in 0..<2 {
            var subs = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xf><substances>\n"
            for k in 0..<2500 {
                let xrn = 1_000_000 + k + f * 2300   // the files overlap: repeated registry numbers
                subs += "<substance><IDE><IDE.XRN>\(xrn)</IDE.XRN><IDE.MF>\(formulas[Int.random(in: 0..<formulas.count, using: &rng)])</IDE.MF></IDE>"
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    subs += "<CIT><CNR.CNR>\(70000 + Int.random(in: 0..<600, using: &rng))</CNR.CNR></CIT>"
                }
                subs += "</substance>\n"
            }
            subs += "</substances></xf>\n"
            try subs.write(to: dir.appendingPathComponent("substances-\(f).xml"), atomically: true, encoding: .utf8)
        }
        try citations.write(to: dir.appendingPathComponent("citations.xml"), atomically: true, encoding: .utf8)
        try works.write(to: dir.appendingPathComponent("works.jsonl"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func identicalForOneTwoAndEightThreads() async throws {
        let dir = try Self.generatedExports()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ threads: Int) async throws -> AnalysisResult {
            var o = AnalysisOptions()
            o.substanceFiles = [dir.appendingPathComponent("substances-0.xml").path, dir.appendingPathComponent("substances-1.xml").path]
            o.citationFiles = [dir.appendingPathComponent("citations.xml").path]
            o.workFiles = [dir.appendingPathComponent("works.jsonl").path]
            o.threads = threads
            o.batchBytes = 4096   // dozens of batches per file
            return try await AnalysisPipeline(options: o).run()
        }
        let one = try await run(1)
        #expect(one.quality.distinctSubstances == 4800)
        #expect(one.quality.duplicateSubstanceRecords == 200)
        for threads in [2, 8] {
            let many = try await run(threads)
            #expect(many.tally == one.tally, "threads \(threads)")
            #expect(many.quality.distinctSubstances == one.quality.distinctSubstances)
            #expect(many.quality.unitsWithoutRecord == one.quality.unitsWithoutRecord)
            #expect(many.quality.authorsSeen == one.quality.authorsSeen)
            for region in Region.allCases {
                for year in one.tally.years {
                    let a = one.tally.tally(region, year).weights, b = many.tally.tally(region, year).weights
                    for (k, v) in a { #expect(b[k]?.bitPattern == v.bitPattern) }
                }
            }
        }
    }
}

import Foundation
