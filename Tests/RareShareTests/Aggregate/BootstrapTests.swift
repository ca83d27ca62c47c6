import Testing
@testable import RareShare

/// Seeded bootstrap intervals: reproducible for any thread count, holding
/// their estimate, and narrower with more units.
@Suite struct BootstrapTests {
    typealias F = PresetFixtures

    func summaries(_ units: [AttributedUnit]) -> [Region: [Int: [YearlyTally.UnitSummary]]] {
        [.all: [2022: units.map { YearlyTally.UnitSummary($0, rules: .study) }]]
    }

    func intervals(_ units: [AttributedUnit], seed: UInt64 = 7, threads: Int = 1) -> BootstrapIntervals {
        BootstrapIntervals.compute(summaries(units), replicates: 400, seed: seed, pairs: CountryPair.paperDefaults,
                                   denominator: .all, threads: threads)
    }

    @Test func intervalsHoldTheirEstimate() {
        let units = F.year2022
        let b = intervals(units)
        var tally = ShareTally()
        for u in units { tally.add(u) }
        var checked = 0
        for row in LongFormRows.rows(tally) where BootstrapIntervals.measures.contains(row.measure) {
            guard let i = b.interval(region: row.region, year: row.year, measure: row.measure, key: row.key) else {
                Issue.record("no interval for \(row.measure) \(row.key)")
                continue
            }
            #expect(i.low <= row.value && row.value <= i.high, "\(row.measure) \(row.key): \(i.low) \(row.value) \(i.high)")
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test func sameSeedSameIntervalsOtherSeedOther() {
        let units = F.year2022
        #expect(intervals(units, seed: 7) == intervals(units, seed: 7))
        #expect(intervals(units, seed: 7, threads: 1) == intervals(units, seed: 7, threads: 8))
        #expect(intervals(units, seed: 7) != intervals(units, seed: 8))
    }

    @Test func intervalsShrinkAsUnitsGrow() {
        let small = F.year2022
        let large = Array(repeating: small, count: 16).flatMap { $0 }
        func width(_ b: BootstrapIntervals, _ key: String) -> Double {
            let i = b.interval(region: .all, year: 2022, measure: "share_percent", key: key)!
            return i.high - i.low
        }
        for key in ["CN", "US", "BR"] {
            #expect(width(intervals(large), key) < width(intervals(small), key), "\(key)")
        }
    }

    @Test func pipelineIntervalsDoNotDependOnThreads() async throws {
        var results: [BootstrapIntervals?] = []
        for threads in [1, 2, 8] {
            var options = AnalysisOptions()
            options.substanceFiles = try InputFiles.expand([Fixture.path("demo/substances")])
            options.citationFiles = try InputFiles.expand([Fixture.path("demo/citations")])
            options.workFiles = try InputFiles.expand([Fixture.path("demo/works")])
            options.threads = threads
            options.bootstrap = BootstrapIntervals.Settings(replicates: 200, seed: 42)
            results.append(try await AnalysisPipeline(options: options).run().counting?.intervals)
        }
        #expect(results[0] != nil)
        #expect(results[0] == results[1] && results[1] == results[2])
    }
}
