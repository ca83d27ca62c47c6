import Testing
@testable import RareShare

/// The demonstration exports run end to end; every value is worked out by
/// hand in `Fixtures/demo/EXPECTED.md`.
@Suite struct DemoPipelineTests {
    static let cn = CountryCode("CN")!, us = CountryCode("US")!, fr = CountryCode("FR")!
    static let gb = CountryCode("GB")!, de = CountryCode("DE")!, jp = CountryCode("JP")!

    static func options(threads: Int = 1, policy: AffiliationPolicy = .first) throws -> AnalysisOptions {
        var o = AnalysisOptions()
        o.substanceFiles = try InputFiles.expand([Fixture.path("demo/substances")])
        o.citationFiles = try InputFiles.expand([Fixture.path("demo/citations")])
        o.workFiles = try InputFiles.expand([Fixture.path("demo/works")])
        o.threads = threads
        o.affiliations = policy
        return o
    }

    @Test func totalsPerRegionAndYear() async throws {
        let result = try await AnalysisPipeline(options: Self.options()).run()
        #expect(result.unit == .substance)
        let t = result.tally
        #expect(t.years == [2019, 2020, 2021])
        let expected: [(Region, Int, Int, Int)] = [
            (.all, 2019, 1, 0), (.all, 2020, 6, 5), (.all, 2021, 4, 3),
            (.organic, 2019, 1, 0), (.organic, 2020, 3, 3), (.organic, 2021, 2, 1),
            (.organometallic, 2019, 0, 0), (.organometallic, 2020, 1, 1), (.organometallic, 2021, 1, 1),
            (.rareEarth, 2019, 0, 0), (.rareEarth, 2020, 2, 1), (.rareEarth, 2021, 1, 1),
        ]
        for (region, year, units, attributed) in expected {
            #expect(t.tally(region, year).units == units, "N_t \(region) \(year)")
            #expect(t.tally(region, year).attributed == attributed, "attributed \(region) \(year)")
        }
    }

    @Test func weightsAndSetsAllSubstances() async throws {
        let t = try await AnalysisPipeline(options: Self.options()).run().tally
        let y2020 = t.tally(.all, 2020)
        #expect(y2020.weights.count == 4)
        #expect(approximatelyEqual(y2020.weights[Self.cn], 2.0 / 3))
        #expect(approximatelyEqual(y2020.weights[Self.us], 10.0 / 3))
        #expect(y2020.weights[Self.fr] == 0.5)
        #expect(y2020.weights[Self.gb] == 0.5)
        #expect(y2020.exactSets == [CountrySet([Self.cn, Self.us]): 1, CountrySet([Self.us]): 3, CountrySet([Self.fr, Self.gb]): 1])
        let y2021 = t.tally(.all, 2021)
        #expect(y2021.weights[Self.cn] == 2)
        #expect(approximatelyEqual(y2021.weights[Self.de], 1.0 / 3))
        #expect(approximatelyEqual(y2021.weights[Self.jp], 1.0 / 3))
        #expect(approximatelyEqual(y2021.weights[Self.us], 1.0 / 3))
        #expect(y2021.exactSets == [CountrySet([Self.cn]): 2, CountrySet([Self.de, Self.jp, Self.us]): 1])
    }

    @Test func measures() async throws {
        let t = try await AnalysisPipeline(options: Self.options()).run().tally
        let m20 = ShareMeasures(t.tally(.all, 2020))
        #expect(approximatelyEqual(m20.share(Self.cn), 100 * (2.0 / 3) / 6))
        #expect(approximatelyEqual(m20.share(Self.us), 100 * (10.0 / 3) / 6))
        #expect(m20.aloneShare(Self.us) == 50)
        #expect(approximatelyEqual(m20.soloRatio(Self.us), 90))
        #expect(m20.shareWithout(CountryPair(Self.us, without: Self.cn)) == 50)
        #expect(m20.shareWithout(CountryPair(Self.cn, without: Self.us)) == 0)
        #expect(approximatelyEqual(m20.coverage, 500.0 / 6))
        #expect(m20.fullCount(Self.us) == 4)
        let m21 = ShareMeasures(t.tally(.all, 2021))
        #expect(m21.share(Self.cn) == 50)
        #expect(m21.aloneShare(Self.cn) == 50)
        #expect(m21.soloRatio(Self.cn) == 100)
        #expect(m21.shareWithout(CountryPair(Self.cn, without: Self.us)) == 50)
        #expect(approximatelyEqual(m21.shareWithout(CountryPair(Self.us, without: Self.cn)), 100.0 / 3 / 4))
        #expect(m21.jointCount(CountrySet([Self.jp, Self.us])) == 1)
        #expect(m21.collaborationShare(CountrySet([Self.de, Self.jp, Self.us])) == 25)
    }

    @Test func regionsAndCompositions() async throws {
        let t = try await AnalysisPipeline(options: Self.options()).run().tally
        let organic2020 = t.tally(.organic, 2020)
        #expect(approximatelyEqual(organic2020.weights[Self.us], 4.0 / 3))
        #expect(approximatelyEqual(organic2020.weights[Self.cn], 2.0 / 3))
        #expect(t.tally(.organometallic, 2020).compositions == ["CHNd": 1])
        #expect(t.tally(.organometallic, 2021).compositions == ["CFeH": 1])
        #expect(t.tally(.rareEarth, 2020).compositions == ["ClYb": 1, "CHNd": 1])
        #expect(t.tally(.rareEarth, 2021).compositions == ["CeCl": 1])
        #expect(t.tally(.rareEarth, 2020).elements == ["Cl": 1, "Yb": 1, "C": 1, "H": 1, "Nd": 1])
        #expect(t.tally(.rareEarth, 2021).weights == [Self.cn: 1])
    }

    @Test func dataQualityCountsAddUp() async throws {
        let q = try await AnalysisPipeline(options: Self.options()).run().quality
        #expect(q.substanceRecords == 14)
        #expect(q.distinctSubstances == 12)
        #expect(q.duplicateSubstanceRecords == 2)
        #expect(q.substancesWithoutYear == 1)
        #expect(q.substancesWithoutYearListed == ["1007"])
        #expect(q.reportsWithoutDOI == 1)
        #expect(q.unitsWithoutRecord == 1)
        #expect(q.unitsWithoutCountry == 1)
        #expect(q.worksRead == 8)
        #expect(q.duplicateWorks == 1)
        #expect(q.worksNotNeeded == 1)
        #expect(q.authorsSeen == 13)
        #expect(q.authorsWithoutCountry == 1)
        #expect(q.unresolvedAffiliations.map(\.affiliation) == ["Department of Chemistry"])
        for file in q.files { #expect(file.recordsRead == file.recordsUsed + file.recordsSkipped) }
        let skipped = try #require(q.problems.problems.first { $0.severity == .skippedRecord })
        #expect(skipped.field == "IDE.XRN")
        #expect(skipped.position.record == 8)
        #expect(skipped.position.file.hasSuffix("substances-1.xml"))
        let warning = try #require(q.problems.problems.first { $0.severity == .warning })
        #expect(warning.description.hasSuffix("substance 7 (XRN 1012): CIT.PY: \"19x6\" is not a year; this citation block is used without a year"))
    }

    @Test func allAffiliationsSplitAnAuthor() async throws {
        let t = try await AnalysisPipeline(options: Self.options(policy: .all)).run().tally
        let y = t.tally(.rareEarth, 2020)
        #expect(y.weights == [Self.fr: 0.25, Self.de: 0.25, Self.gb: 0.5])
    }

    @Test func strictStopsAtTheFirstProblem() async throws {
        var o = try Self.options()
        o.strict = true
        await #expect(throws: InputError.self) { try await AnalysisPipeline(options: o).run() }
    }

    @Test(arguments: [2, 3, 8])
    func identicalForAnyThreadCount(threads: Int) async throws {
        let one = try await AnalysisPipeline(options: Self.options(threads: 1)).run().tally
        let many = try await AnalysisPipeline(options: Self.options(threads: threads)).run().tally
        #expect(one == many)
    }

    @Test func publicationsWhenNoSubstances() async throws {
        var o = AnalysisOptions()
        o.workFiles = try InputFiles.expand([Fixture.path("demo/works")])
        let result = try await AnalysisPipeline(options: o).run()
        #expect(result.unit == .publication)
        let t = result.tally
        #expect([2018, 2019, 2020, 2021].map { t.tally(.all, $0).units } == [1, 1, 3, 2])
        #expect([2018, 2019, 2020, 2021].map { t.tally(.all, $0).attributed } == [1, 0, 3, 2])
        #expect(result.quality.duplicateWorks == 1)
        #expect(approximatelyEqual(t.tally(.all, 2020).weights[Self.us], 1.0 / 3 + 1))
    }
}
