import Foundation
import Testing
@testable import RareShare

@Suite struct CountingComparisonTests {
    func results() async -> CountingResults {
        await ParallelAggregator(threads: 1).aggregate(CountingFixtures.year2020,
                                                       methods: [.paper, .full, .correspondingAuthor], network: true, production: true)
    }

    @Test func sharesSideBySide() async {
        let text = CountingComparison.comparison(await results().tallies, region: .all, years: [2020])
        // Percent of N_t = 4; rows by author-fractional weight: GB 1, DE 0.75, CN 2/3, US 1/3, FR 0.25.
        #expect(text == """
        country\tyear\tauthor-fractional\tfull\tcorresponding-author
        GB\t2020\t25\t25\t25
        DE\t2020\t18.75\t25\t
        CN\t2020\t16.666666666666664\t25\t
        US\t2020\t8.333333333333332\t25\t25
        FR\t2020\t6.25\t25\t

        """)
    }

    @Test func methodsTableReportsCreditedUnits() async {
        let text = CountingComparison.methods(await results().tallies, regions: [.all], years: [2020])
        #expect(text == """
        region\tyear\tmethod\tunits\tattributed\tcredited\tweight_sum
        all\t2020\tauthor-fractional\t4\t3\t3\t3
        all\t2020\tfull\t4\t3\t3\t5
        all\t2020\tcorresponding-author\t4\t3\t2\t2

        """)
    }

    /// A run with every counting option keeps the paper-named files byte for
    /// byte and adds the method-named ones.
    @Test func reportWriterAddsMethodFiles() async throws {
        let works = Fixture.shared("corpora/openalex-json/openalexPro__biodiversity_finance_200.jsonl")
        var plain = AnalysisOptions()
        plain.workFiles = [works]
        plain.threads = 1
        var counted = plain
        counted.countingMethods = CountingMethod.allCases
        counted.collaborationNetwork = true
        counted.countryProduction = true
        let base = try await AnalysisPipeline(options: plain).run()
        let result = try await AnalysisPipeline(options: counted).run()
        #expect(result.tally == base.tally)
        #expect(result.methodTallies.map(\.method) == CountingMethod.allCases)

        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plainFiles = try AnalysisReportWriter(folder: folder.appendingPathComponent("plain").path).write(base)
        var writer = AnalysisReportWriter(folder: folder.appendingPathComponent("counted").path)
        writer.counting = CountingComparison.Settings(top: 3, ranges: [YearRange(1977, 1999)!, YearRange(2000, 2010)!])
        let countedFiles = try writer.write(result)
        #expect(Array(countedFiles.prefix(plainFiles.count)) == plainFiles)
        // Crossovers.tsv lists every method tallied, so it differs; measures.json records the options.
        for name in plainFiles where name != "measures.json" && name != "Crossovers.tsv" {
            let a = try String(contentsOf: folder.appendingPathComponent("plain/" + name), encoding: .utf8)
            let b = try String(contentsOf: folder.appendingPathComponent("counted/" + name), encoding: .utf8)
            #expect(a == b, "\(name)")
        }
        for name in ["Country_weighted_allSubs.full.tsv", "Country_weighted_allSubs.corresponding-author.tsv",
                     "measures.first-author.csv", "Counting_comparison_allSubs.tsv", "Counting_methods.tsv",
                     "Top_countries_allSubs_1977-2010.publication-fractional.tsv", "Top_collaborations_allSubs_1977-2010.tsv",
                     "Collaboration_allSubs_2000-2010_vosviewer_map.txt", "Collaboration_allSubs_1977-1999.graphml",
                     "Country_production_allSubs_2000-2010.tsv", "Country_production_placement.tsv"] {
            #expect(countedFiles.contains(name), "\(name)")
        }
        // Corresponding-author counting credits no more units than are attributed.
        let methods = try String(contentsOf: folder.appendingPathComponent("counted/Counting_methods.tsv"), encoding: .utf8)
        for line in methods.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(Int(cells[5])! <= Int(cells[4])!)
        }
    }

    /// `--affiliations all` with every method on a real OpenAlex export (36
    /// authorships there hold several institutions, 9 of them in several countries).
    @Test func allAffiliationsWithEveryMethod() async throws {
        var options = AnalysisOptions()
        options.workFiles = [Fixture.shared("corpora/openalex-json/openalexPro__biodiversity_finance_200.jsonl")]
        options.affiliations = .all
        options.countingMethods = CountingMethod.allCases
        options.threads = 2
        let result = try await AnalysisPipeline(options: options).run()
        let full = try #require(result.counting?.tally(.full))
        var checkedYears = 0
        for t in result.methodTallies {
            for y in t.years {
                let yt = t.tally(.all, y)
                #expect(yt.attributed == result.tally.tally(.all, y).attributed)
                guard t.method.isFractional else { continue }
                let sum = yt.weights.keys.sorted().reduce(0.0) { $0 + yt.weights[$1]! }
                #expect(abs(sum - Double(yt.credited)) < 1e-9, "\(t.method) \(y)")
                for (c, w) in yt.weights { #expect(full.tally(.all, y).weights[c, default: 0] >= w - 1e-12) }
                checkedYears += 1
            }
        }
        #expect(checkedYears > 0)
    }
}
