import Foundation
import Testing
@testable import RareShare

/// Older and sibling layouts of the formats read, and the damage converters
/// do to their headers and line structure: hand-made files in each layout,
/// with hand-counted records.
@Suite struct LayoutVariantTests {
    func write(_ text: String, name: String) throws -> (folder: URL, path: String) {
        let folder = try Fixture.temporaryFolder()
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return (folder, url.path)
    }

    @Test func medlineCitationSetBeforeTwentySeventeenReadsEveryCitation() throws {
        let (folder, path) = try write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE MedlineCitationSet PUBLIC "-//NLM//DTD Medline Citation, 1st January, 2015//EN" "nlmmedlinecitationset_150101.dtd">
        <MedlineCitationSet>
        <MedlineCitation Owner="NLM" Status="MEDLINE">
        <PMID Version="1">1001</PMID>
        <Article PubModel="Print">
        <Journal><JournalIssue><PubDate><Year>1999</Year><Month>Aug</Month></PubDate></JournalIssue></Journal>
        <ArticleTitle>First old citation.</ArticleTitle>
        <ELocationID EIdType="doi" ValidYN="Y">10.1000/old.1</ELocationID>
        <Affiliation>Dept of Chemistry, Kyoto University, Kyoto, Japan.</Affiliation>
        <AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>Sato</LastName><ForeName>Ken</ForeName></Author>
        <Author ValidYN="Y"><LastName>Mori</LastName><ForeName>Aki</ForeName></Author></AuthorList>
        </Article>
        </MedlineCitation>
        <MedlineCitation Owner="NLM" Status="MEDLINE">
        <PMID Version="1">1002</PMID>
        <Article PubModel="Print">
        <Journal><JournalIssue><PubDate><MedlineDate>2001 Jan-Feb</MedlineDate></PubDate></JournalIssue></Journal>
        <ArticleTitle>Second old citation.</ArticleTitle>
        <AuthorList><Author><LastName>Weber</LastName><Initials>H</Initials></Author></AuthorList>
        </Article>
        <CommentsCorrectionsList><CommentsCorrections RefType="Cites"><PMID Version="1">77</PMID></CommentsCorrections></CommentsCorrectionsList>
        </MedlineCitation>
        </MedlineCitationSet>

        """, name: "medline15n0001.xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try FormatDetector.detect(path: path) == .pubMedXML)
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 2)
        #expect(r.works.map(\.sourceID) == ["1001", "1002"])
        #expect(r.works.map(\.year) == [1999, 2001])
        #expect(r.works[0].doi == "10.1000/old.1")
        #expect(r.works[0].authors.map(\.name) == ["Sato, Ken", "Mori, Aki"])
        #expect(r.works[0].authors[0].affiliations.map(\.raw) == ["Dept of Chemistry, Kyoto University, Kyoto, Japan."])
        #expect(r.works[1].authors.map(\.name) == ["Weber, H"])
        #expect(r.log.isEmpty)
    }

    @Test func medlineTextFromPubMedCentralStartsRecordsAtPMC() throws {
        let (folder, path) = try write("""
        PMC - PMC5550001
        PMID- 28800001
        OWN - NLM
        TI  - An article in PubMed Central and PubMed.
        DP  - 2017 Aug
        FAU - Lopez, Maria
        AU  - Lopez M
        AD  - Universidad de Chile, Santiago, Chile.
        LID - 10.1000/pmc.1 [doi]
        SO  - J Test. 2017 Aug;1(1):1-2.

        PMC - PMC5550002
        TI  - An article only in PubMed Central.
        DP  - 2018
        FAU - Novak, Jan
        AD  - Charles University, Prague, Czech Republic.
        SO  - J Test. 2018;2:3.

        """, name: "pmc_result.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try FormatDetector.detect(path: path) == .medlineText)
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 2)
        #expect(r.works.map(\.sourceID) == ["28800001", "PMC5550002"])
        #expect(r.works.map(\.year) == [2017, 2018])
        #expect(r.works[0].doi == "10.1000/pmc.1")
        #expect(r.works[1].authors.first?.affiliations.first?.raw == "Charles University, Prague, Czech Republic.")
    }

    static let wosRecords = """
    PT J
    AU Kim, J
       Park, S
    AF Kim, Jisoo
       Park, Sungmin
    TI A first record
    C1 [Kim, Jisoo] Seoul Natl Univ, Dept Chem, Seoul 08826, South Korea.
       [Park, Sungmin] Univ Tokyo, Tokyo 1138656, Japan.
    PY 2019
    DI 10.1000/wos.1
    UT WOS:000000000000001
    ER

    PT J
    AU Silva, A
    TI A second record
    PY 2020
    UT WOS:000000000000002
    ER

    EF
    """

    @Test(arguments: [
        ("FN Clarivate Analytics Web of Science\nVR 1.0\n", 0),
        ("", 0),                                                       // header missing
        ("FN Web of Science Core Collection (exported by a reference manager)\n", 0),
        ("Exported from Web of Science on 2024-03-01\n\n", 1),         // header replaced: one stray line
    ])
    func aWoSExportIsKnownByItsRecordsWhateverItsHeader(_ header: String, strayWarnings: Int) throws {
        let (folder, path) = try write(header + Self.wosRecords + "\n", name: "savedrecs.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try FormatDetector.detect(path: path) == .wosPlainText)
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 2)
        #expect(r.works.map(\.sourceID) == ["WOS:000000000000001", "WOS:000000000000002"])
        #expect(r.log.problems.count == strayWarnings)
    }

    @Test func aHeaderFusedWithTheFirstRecordStillOpensIt() throws {
        let text = "FN Clarivate Analytics Web of Science\nVR 1.0" + Self.wosRecords + "\n"
        let (folder, path) = try write(text, name: "savedrecs.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try FormatDetector.detect(path: path) == .wosPlainText)
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 2)
        #expect(r.stats.recordsSkipped == 0)
        #expect(r.works.first?.doi == "10.1000/wos.1")
        #expect(r.works.first?.authors.map(\.name) == ["Kim, Jisoo", "Park, Sungmin"])
        #expect(r.log.problems.count == 1)   // the fused header is reported
    }

    @Test func continuationLinesThatLostTheirIndentationContinueTheValue() throws {
        // A BIOSIS record as some converters write it: no indentation at all.
        let (folder, path) = try write("""
        FN Thomson Reuters Web of Knowledge
        VR 1.0
        PT J
        UT BCI:BCI201300000001
        TI Carbon sources of two benthic
        consumers in arctic lakes
        AU Medina, Clara A.
        Hart, Anne E.
        C1 Univ Florida, Dept Biol, Gainesville, FL 32611
        USA.
        PY 2013
        DI 10.1000/biosis.1
        ER

        EF

        """, name: "biosis.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try readAll(path)
        let work = try #require(r.works.first)
        #expect(r.works.count == 1)
        #expect(work.title == "Carbon sources of two benthic consumers in arctic lakes")
        #expect(work.authors.map(\.name) == ["Medina, Clara A.", "Hart, Anne E."])
        #expect(work.authors[1].affiliations.map(\.raw) == ["Univ Florida, Dept Biol, Gainesville, FL 32611 USA"])
        #expect(r.log.isEmpty)
    }

    @Test func aWrappedAddressIsOneAddress() throws {
        let (folder, path) = try write("""
        PT J
        AU Kim, J
           Lee, H
        AF Kim, Jisoo
           Lee, Hana
        C1 [Kim, Jisoo; Lee, Hana] Korea Adv Inst Sci & Technol, Dept Chem, 291 Daehak Ro,
           Daejeon 34141, South Korea.
           [Lee, Hana] Univ Tokyo, Tokyo 1138656, Japan.
        PY 2021
        UT WOS:000000000000003
        ER

        """, name: "wrapped.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = try #require(try readAll(path).works.first)
        #expect(work.authors[0].affiliations.map(\.raw) == ["Korea Adv Inst Sci & Technol, Dept Chem, 291 Daehak Ro, Daejeon 34141, South Korea"])
        #expect(work.authors[1].affiliations.count == 2)
    }

    @Test func authorsRunTogetherInAUAreTakenFromAF() throws {
        // Current Contents writes every short name on one AU line, without separators.
        let (folder, path) = try write("""
        PT J
        AU Kim J Lee H Wu X
        AF Kim, Jisoo
           Lee, Hana
           Wu, Xin
        C1 [Wu, Xin] Peking Univ, Beijing 100871, Peoples R China.
        PY 2005
        UT CCC:000000000000004
        ER

        """, name: "cc.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = try #require(try readAll(path).works.first)
        #expect(work.authors.map(\.name) == ["Kim, Jisoo", "Lee, Hana", "Wu, Xin"])
        #expect(work.authors[2].affiliations.count == 1)
    }
}
