import Testing
@testable import RareShare

@Suite struct OpenAlexReaderTests {
    func readAll(_ path: String) throws -> ([Work], ReadStatistics, ProblemLog) {
        var works: [Work] = []
        var log = ProblemLog()
        let stats = try OpenAlexReader().read(path: path, log: &log) { works.append($0) }
        return (works, stats, log)
    }

    /// Record counts from the corpus MANIFEST.md.
    @Test(arguments: [("corpora/openalex-json/openalexPro__biodiversity_finance_200.jsonl", 200),
                      ("corpora/openalex-json/openalexPro__keypaper_results_page_1.json", 2),
                      ("corpora/openalex-json/openalex-python__W2741809807.json", 1)])
    func readsEveryRecordOfTheCorpus(file: String, count: Int) throws {
        let (works, stats, log) = try readAll(Fixture.shared(file))
        #expect(works.count == count)
        #expect(stats.recordsRead == count)
        #expect(stats.recordsSkipped == 0)
        #expect(log.isEmpty)
    }

    @Test func singleWorkFieldsAndAffiliations() throws {
        let (works, _, _) = try readAll(Fixture.shared("corpora/openalex-json/openalex-python__W2741809807.json"))
        let work = try #require(works.first)
        #expect(work.doi == "10.7717/peerj.4375")
        #expect(work.year == 2018)
        #expect(work.authors.count == 9)
        #expect(work.authors[0].name == "Heather Piwowar")
        let countries = work.authors.map { $0.affiliations.first?.countryCode?.description ?? "-" }
        #expect(countries == ["US", "US", "CA", "CA", "CA", "US", "US", "US", "CA"])
    }

    @Test func demoWorksFilesMixLinesAndAPIPages() throws {
        let (lines, _, _) = try readAll(Fixture.path("demo/works/works-1.jsonl"))
        #expect(lines.map(\.doi) == ["10.1000/a1", "10.1000/a3", "10.1000/a4", "10.1000/a7"])
        #expect(lines[2].title == "Ferrocene über alles")
        #expect(lines[1].authors[1].affiliations == [Affiliation(raw: "Peking University, Beijing, Peoples R China")])
        let (page, _, _) = try readAll(Fixture.path("demo/works/works-2.json"))
        #expect(page.map(\.doi) == ["10.1000/a2", "10.1000/a8", "10.1000/a2", "10.1000/a9"])
        #expect(page[1].authors[0].affiliations.map { $0.countryCode?.description } == ["FR", "DE"])
    }

    @Test func truncatedFileKeepsEarlierRecords() throws {
        let dir = try Fixture.temporaryFolder()
        let source = try String(contentsOfFile: Fixture.path("demo/works/works-1.jsonl"), encoding: .utf8)
        let cut = String(source.prefix(source.count - 200))
        let path = dir.appendingPathComponent("cut.jsonl").path
        try cut.write(toFile: path, atomically: true, encoding: .utf8)
        let (works, stats, log) = try readAll(path)
        #expect(works.count == 3)
        #expect(stats.recordsRead == 4)
        #expect(stats.recordsSkipped == 1)
        let p = try #require(log.problems.first)
        #expect(p.position.line == 4)
        #expect(p.position.record == 4)
        try? FileManager.default.removeItem(at: dir)
    }
}

import Foundation
