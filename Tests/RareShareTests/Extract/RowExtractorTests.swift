import Foundation
import Testing
@testable import RareShare

@Suite struct ExtractRowTests {
    @Test func citationRowKeepsNormalizedFieldsAndNulls() {
        let full = Citation(id: "C12", doi: "10.1021/ja01234", year: 1999, authors: "A. Author")
        #expect(ExtractRow.citation(full, file: 2, seq: 7)
                == #"{"file":2,"seq":7,"id":"C12","year":1999,"doi":"10.1021/ja01234"}"#)
        let bare = Citation(id: "a\"b", doi: nil, year: nil, authors: nil)
        #expect(ExtractRow.citation(bare, file: 0, seq: 1)
                == #"{"file":0,"seq":1,"id":"a\"b","year":null,"doi":null}"#)
    }

    @Test func workRowListsEachAttributedAuthorsCountries() {
        let work = Work(doi: "10.1/x", sourceID: "W1", year: 2004, authors: [Author(), Author(), Author()], source: .openAlexJSON)
        var authorship = Authorship()
        authorship.append([CountryCode("CN")!])
        authorship.append([CountryCode("US")!, CountryCode("DE")!])
        #expect(ExtractRow.work(work, authorship: authorship, file: 1, seq: 3)
                == #"{"file":1,"seq":3,"doi":"10.1/x","source_id":"W1","year":2004,"source":"openalex-json","authors":[["CN"],["US","DE"]],"authors_listed":3,"title_key":null}"#)
        let titled = Work(doi: nil, year: 1999, title: "On Rare Earths, Part 2!", authors: [Author(name: "Curie, M.")], source: .openAlexJSON)
        #expect(ExtractRow.work(titled, authorship: Authorship(), file: 0, seq: 2).hasSuffix(#""title_key":"title:onrareearthspart2|1999|curie"}"#))
        let empty = Work(source: .openAlexJSON)
        #expect(ExtractRow.work(empty, authorship: Authorship(), file: 0, seq: 1)
                == #"{"file":0,"seq":1,"doi":null,"source_id":null,"year":null,"source":"openalex-json","authors":[],"authors_listed":0,"title_key":null}"#)
    }

    @Test func substanceRowClassifiesTheFormulaAndKeepsEveryBlock() {
        let ferrocene = Substance(registryNumber: "1", formula: "C10H10Fe",
                                  reports: [SubstanceReport(citationID: "C1", year: nil), SubstanceReport(citationID: nil, year: 1951)])
        #expect(ExtractRow.substance(ferrocene, file: 0, seq: 4)
                == #"{"file":0,"seq":4,"xrn":"1","formula":"C10H10Fe","organic":true,"organometallic":true,"rare_earth":false,"composition":"CFeH","reports":[{"citation":"C1","year":null},{"citation":null,"year":1951}]}"#)
        // A sodium salt is organic but not organometallic; cerium makes it rare-earth.
        let salt = Substance(registryNumber: "2", formula: "C2H3O2*Na", reports: [])
        #expect(ExtractRow.substance(salt, file: 0, seq: 5).contains(#""organic":true,"organometallic":false,"rare_earth":false,"composition":"CHNaO""#))
        let none = Substance(registryNumber: "3", formula: nil, reports: [SubstanceReport(citationID: "C9", year: 2001)])
        #expect(ExtractRow.substance(none, file: 3, seq: 1)
                == #"{"file":3,"seq":1,"xrn":"3","formula":null,"organic":false,"organometallic":false,"rare_earth":false,"composition":null,"reports":[{"citation":"C9","year":2001}]}"#)
    }
}

@Suite struct RowExtractorTests {
    static let substances = """
        <?xml version="1.0"?>
        <xf><substances>
        <substance><IDE><IDE.XRN>100</IDE.XRN><IDE.MF>C<sub>6</sub>H<sub>5</sub>Ce</IDE.MF></IDE>
          <CIT><CNR.CNR>C1</CNR.CNR><CIT.PY>2001</CIT.PY></CIT><CIT><CNR.CNR>C2</CNR.CNR><CIT.PY></CIT.PY></CIT></substance>
        <substance><IDE><IDE.MF>H2O</IDE.MF></IDE><CIT><CNR.CNR>C3</CNR.CNR></CIT></substance>
        <substance><IDE><IDE.XRN>200</IDE.XRN></IDE><CIT><CNR.CNR>C2</CNR.CNR></CIT></substance>
        </substances></xf>
        """
    static let citations = """
        <?xml version="1.0"?>
        <xf><citations>
        <citation><CNR><CNR.CNR>C1</CNR.CNR></CNR><CIT><CIT.DOI>https://doi.org/10.1000/ABC</CIT.DOI><CIT.PY>2001</CIT.PY></CIT></citation>
        <citation><CNR><CNR.CNR>C2</CNR.CNR></CNR><CIT><CIT.PY>1998</CIT.PY></CIT></citation>
        </citations></xf>
        """
    static let works = """
        {"id":"W1","doi":"10.1000/abc","publication_year":2001,"authorships":[{"institutions":[{"id":"I1","country_code":"CN"}]},{"raw_affiliation_strings":["Dept Chem, Boston, USA"]},{"raw_affiliation_strings":["Nowhere"]}]}
        {"id":"W2","publication_year":1999,"authorships":[]}

        """

    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func lines(_ path: String) throws -> [String] {
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        while let chunk = try source.nextChunk() { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test(arguments: [false, true])
    func writesOneRowFilePerInputInReadingOrder(compress: Bool) throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = ExtractOptions()
        options.substanceFiles = [try write(Self.substances, "subs.xml", in: folder)]
        options.citationFiles = [try write(Self.citations, "cits.xml", in: folder)]
        options.workFiles = [try write(Self.works, "works.jsonl", in: folder)]
        options.folder = folder.appendingPathComponent("rows").path
        options.compress = compress
        options.firstFileOrder = 4

        let summary = try RowExtractor(options: options).run()

        let ext = compress ? ".jsonl.gz" : ".jsonl"
        #expect(summary.files.map(\.kind) == [.citations, .works, .substances])
        #expect(summary.files.map(\.rows) == [2, 2, 2])
        #expect(summary.files.map { ($0.output as NSString).lastPathComponent }
                == ["000004-cits_xml" + ext, "000004-works_jsonl" + ext, "000004-subs_xml" + ext])
        #expect(summary.problems.skippedRecords == 1)   // the substance without XRN
        #expect(summary.authorsSeen == 3)
        #expect(summary.authorsWithoutCountry == 1)
        #expect(try lines(summary.files[0].output) == [
            #"{"file":4,"seq":1,"id":"C1","year":2001,"doi":"10.1000/abc"}"#,
            #"{"file":4,"seq":2,"id":"C2","year":1998,"doi":null}"#,
        ])
        #expect(try lines(summary.files[1].output) == [
            #"{"file":4,"seq":1,"doi":"10.1000/abc","source_id":"W1","year":2001,"source":"openalex-json","authors":[["CN"],["US"]],"authors_listed":3,"title_key":null}"#,
            #"{"file":4,"seq":2,"doi":null,"source_id":"W2","year":1999,"source":"openalex-json","authors":[],"authors_listed":0,"title_key":null}"#,
        ])
        #expect(try lines(summary.files[2].output) == [
            #"{"file":4,"seq":1,"xrn":"100","formula":"C6H5Ce","organic":true,"organometallic":true,"rare_earth":true,"composition":"CCeH","reports":[{"citation":"C1","year":2001},{"citation":"C2","year":null}]}"#,
            #"{"file":4,"seq":2,"xrn":"200","formula":null,"organic":false,"organometallic":false,"rare_earth":false,"composition":null,"reports":[{"citation":"C2","year":null}]}"#,
        ])
        // No partial files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: options.folder + "/substances")
        #expect(names == ["000004-subs_xml" + ext])
    }

    @Test func citedByKeepsWorksWhoseDOIACitationNamesWithTheirOrdinals() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let works = #"{"id":"W0","doi":"10.9/other","authorships":[]}"# + "\n" + Self.works
        var options = ExtractOptions()
        options.citedBy = [try write(Self.citations, "cits.xml", in: folder)]
        options.workFiles = [try write(works, "works.jsonl", in: folder)]
        options.folder = folder.appendingPathComponent("rows").path

        let summary = try RowExtractor(options: options).run()

        // Only works rows: --cited-by files are read for their DOIs, not extracted.
        #expect(summary.files.map(\.kind) == [.works])
        // W0 (uncited DOI) and W2 (no DOI) are left out; W1 keeps seq 2, its place in the file.
        #expect(summary.files[0].rows == 1)
        #expect(try lines(summary.files[0].output) == [
            #"{"file":0,"seq":2,"doi":"10.1000/abc","source_id":"W1","year":2001,"source":"openalex-json","authors":[["CN"],["US"]],"authors_listed":3,"title_key":null}"#,
        ])
    }

    @Test func emptyFileIsReportedAndSkippedLikeAnalyzeDoes() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = ExtractOptions()
        options.workFiles = [try write(" \n", "empty.jsonl", in: folder), try write(Self.works, "works.jsonl", in: folder)]
        options.folder = folder.appendingPathComponent("rows").path

        let summary = try RowExtractor(options: options).run()

        // The second file keeps its place (file 1) in the order.
        #expect(summary.files.map { ($0.output as NSString).lastPathComponent } == ["000001-works_jsonl.jsonl"])
        #expect(summary.problems.total == 1)
        #expect(summary.problems.first?.reason == "the file is empty; nothing was read from it")
    }

    @Test func strictStopsAtTheFirstProblemAndLeavesNoRowFile() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = ExtractOptions()
        options.substanceFiles = [try write(Self.substances, "subs.xml", in: folder)]
        options.folder = folder.appendingPathComponent("rows").path
        options.strict = true
        #expect(throws: InputError.self) { try RowExtractor(options: options).run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: options.folder + "/substances").isEmpty)
    }

    @Test func missingInputFailsBeforeAnyRowIsWritten() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = ExtractOptions()
        options.citationFiles = [try write(Self.citations, "cits.xml", in: folder)]
        options.substanceFiles = [folder.appendingPathComponent("absent.xml").path]
        options.folder = folder.appendingPathComponent("rows").path
        let error = try #require(throws: InputError.self) { try RowExtractor(options: options).run() }
        #expect(error.kind == .missing)
        #expect(!FileManager.default.fileExists(atPath: options.folder))
    }
}
