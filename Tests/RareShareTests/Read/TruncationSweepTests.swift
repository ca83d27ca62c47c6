import Foundation
import Testing
@testable import RareShare

/// Cuts each file at many points and checks what a reader keeps: never a
/// crash, the counts add up, and the records kept are exactly the first
/// records of the whole file (a cut record is skipped, never half-used).
@Suite struct TruncationSweepTests {
    static let files = [
        Fixture.shared("corpora/wos-plaintext/tethne__wos.txt"),
        Fixture.shared("corpora/wos-plaintext/tethne__valentin.txt"),
        Fixture.shared("corpora/wos-tab/wosfile__wos_tab_delimited_win_utf16.txt"),
        Fixture.shared("corpora/wos-tab/scientopy__wos_2017.txt"),
        Fixture.shared("corpora/scopus-csv/bibliometrix__scopus_sample.csv"),
        Fixture.shared("corpora/pubmed-xml/ncbiutils__pubmed.xml"),
        Fixture.shared("corpora/crossref-json/fatcat__crossref-works.2018-01-21.badsample.jsonl"),
        Fixture.path("formats/medline_sample.txt"),
        Fixture.path("formats/dimensions_sample.csv"),
    ]

    @Test(arguments: files)
    func everyCutKeepsAPrefixAndCountsTheRest(_ source: String) throws {
        let whole = try readAll(source)
        let format = try FormatDetector.detect(path: source)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: source)[.size] as? Int)
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        // 23 cuts spread over the file, at odd offsets (mid-character for UTF-16).
        for k in 1...23 {
            let cut = size * k / 24 | 1
            let url = folder.appendingPathComponent("cut-\(k)")
            try data.prefix(cut).write(to: url)
            let part = try readAll(url.path, override: format)
            #expect(part.stats.recordsRead == part.stats.recordsUsed + part.stats.recordsSkipped)
            #expect(part.works.count < whole.works.count)
            #expect(part.works == Array(whole.works.prefix(part.works.count)), "cut at byte \(cut)")
            #expect(part.log.counts[.truncated, default: 0] + part.log.skippedRecords >= 1, "cut at byte \(cut) not reported")
        }
    }
}
