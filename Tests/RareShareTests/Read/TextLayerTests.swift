import Foundation
import Testing
@testable import RareShare

@Suite struct DelimitedRecordReaderTests {
    static let csv = "\u{FEFF}a,b,c\r\n\"x, y\",\"line one\nline two\",\"say \"\"hi\"\"\"\r\n1,,3\n"

    func records(_ text: String, chunkSize: Int) throws -> [[String]] {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = DelimitedRecordReader(try TextSource(path: path, chunkSize: chunkSize))
        var out: [[String]] = []
        while let r = try reader.next() { out.append(r.fields) }
        return out
    }

    @Test(arguments: [16, 17, 19, 23, 4096])
    func quotesNewlinesBOMAndCRLF(_ chunkSize: Int) throws {
        #expect(try records(Self.csv, chunkSize: chunkSize) == [
            ["a", "b", "c"],
            ["x, y", "line one\nline two", "say \"hi\""],
            ["1", "", "3"],
        ])
    }

    @Test func anUnclosedQuoteAtTheEndIsReported() throws {
        #expect(throws: DelimitedRecordReader.Failure.self) { try records("a,b\n1,\"open\n", chunkSize: 4096) }
    }

    @Test func recordLinesCountEmbeddedBreaks() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.csv").path
        try "h\n\"a\nb\"\nc\n".write(toFile: path, atomically: true, encoding: .utf8)
        let reader = DelimitedRecordReader(try TextSource(path: path))
        var lines: [Int] = []
        while let r = try reader.next() { lines.append(r.line) }
        #expect(lines == [1, 2, 4])
    }
}

@Suite struct FormatDetectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var head: String
        var format: SourceFormat?
        var testDescription: String { String(head.prefix(30)) }
    }

    static let cases: [Case] = [
        Case(head: "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", format: .wosPlainText),
        Case(head: "PT J\nAU Doe, J\n", format: .wosPlainText),
        Case(head: "PT\tAU\tTI\tUT\r\nJ\tDoe, J\tX\tWOS:1\r\n", format: .wosTabDelimited),
        Case(head: "PMID- 123\nOWN - NLM\n", format: .medlineText),
        Case(head: "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet>", format: .pubMedXML),
        Case(head: "<?xml version=\"1.0\"?><reaxys><substance index=\"1\">", format: .reaxysSubstances),
        Case(head: "{\"status\":\"ok\",\"message-type\":\"work-list\"", format: .crossrefJSON),
        Case(head: "{\"id\":\"https://openalex.org/W1\",\"doi\":null}", format: .openAlexJSON),
        Case(head: "\"Authors\",\"Title\",\"Year\",\"Source title\",\"EID\"\n", format: .scopusCSV),
        Case(head: "\"About the data: Exported on …\",,\nRank,Publication ID,DOI\n", format: .dimensionsCSV),
        Case(head: "Lens ID,Title,Publication Year\n", format: .lensCSV),
        Case(head: "hello, world\n", format: nil),
    ]

    @Test(arguments: cases)
    func detectsFromContent(_ c: Case) {
        #expect(FormatDetector.detect(head: Array(c.head.utf8)) == c.format)
    }

    @Test func utf16WithBOMIsConvertedBeforeLooking() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("PT\tAU\tUT\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(FormatDetector.detect(head: bytes) == .wosTabDelimited)
    }

    @Test func unknownContentNamesTheFileAndItsStart() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mystery.txt").path
        try "hello, world\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: InputError.self) { try FormatDetector.workReader(for: path) }
        #expect(error.kind == .unknownFormat)
        #expect(error.description == "\(path): unknown format; the file starts with \"hello, world\\xA\"")
    }

    @Test func theOverrideWins() throws {
        let reader = try FormatDetector.workReader(for: Fixture.path("formats/lens_sample.csv"), override: .scopusCSV)
        #expect(reader.format == .scopusCSV)
    }
}

@Suite struct FileInspectionTests {
    @Test func jsonHasTheKeysScriptsRelyOn() throws {
        let path = Fixture.shared("corpora/pubmed-xml/ncbiutils__pubmed.xml")
        let inspection = try FileInspection.inspect(path: path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(inspection.json.utf8)) as? [String: Any])
        #expect(object["file"] as? String == path)
        #expect(object["format"] as? String == "pubmed-xml")
        #expect(object["records"] as? Int == 5)
        #expect(object["skipped"] as? Int == 0)
        #expect(object["problems"] as? Int == 0)
        #expect(object["first_year"] as? Int == 1978)
        #expect(object["last_year"] as? Int == 2022)
        #expect(object["authors_without_affiliation"] as? Int == 9)
    }

    @Test func textSaysFormatRecordsYearsAndAuthors() throws {
        let inspection = try FileInspection.inspect(path: Fixture.path("formats/dimensions_sample.csv"))
        #expect(inspection.text == """
        \(Fixture.path("formats/dimensions_sample.csv"))
          format:   dimensions-csv
          records:  3 usable of 3 read, 0 skipped
          years:    2019-2021
          DOIs:     2 of 3 records
          authors:  4 (3 with affiliations, 1 without, 2 with a country code from the source)
          problems: 0

        """)
    }

    @Test func reaxysFilesShowRecordsAndYearsOnly() throws {
        let path = Fixture.path("demo/substances/substances-1.xml")
        let inspection = try FileInspection.inspect(path: path)
        #expect(inspection.format == .reaxysSubstances)
        #expect(inspection.statistics.recordsRead == 8)
        #expect(inspection.statistics.recordsSkipped == 1)
        #expect(inspection.text == """
        \(path)
          format:   reaxys-substances
          records:  7 usable of 8 read, 1 skipped
          years:    2020-2021
          problems: 1
            skipped: \(path):34: substance 8: IDE.XRN: no registry number; record skipped

        """)
    }
}
