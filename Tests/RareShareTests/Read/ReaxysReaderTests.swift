import Foundation
import Testing
@testable import RareShare

@Suite struct ReaxysReaderTests {
    func substances(_ xml: String) throws -> ([Substance], ReadStatistics, ProblemLog) {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        var log = ProblemLog()
        var out: [Substance] = []
        let stats = try ReaxysSubstanceReader().read(path: path, log: &log) { out.append($0) }
        return (out, stats, log)
    }

    @Test func joinsFormulaMarkupAndPairsCitationBlocks() throws {
        let (s, stats, log) = try substances("""
        <xf><substances><substance index="1"><IDE><IDE.XRN>7</IDE.XRN>
        <IDE.MF>C<sub>10</sub>H<sub>10</sub>Fe<sup>+</sup></IDE.MF></IDE>
        <CIT><CNR.CNR>1</CNR.CNR><CIT.PY>2001</CIT.PY></CIT>
        <CIT><CIT.PY>1999</CIT.PY><CNR.CNR>2</CNR.CNR></CIT>
        <CIT><CNR.CNR>3</CNR.CNR></CIT>
        <CIT><CNR.CNR>4</CNR.CNR><CIT.PY>2005</CIT.PY></CIT>
        </substance></substances></xf>
        """)
        #expect(log.isEmpty)
        #expect(stats.recordsRead == 1)
        let sub = try #require(s.first)
        #expect(sub.registryNumber == "7")
        #expect(sub.formula == "C10H10Fe+")
        #expect(sub.reports == [SubstanceReport(citationID: "1", year: 2001), SubstanceReport(citationID: "2", year: 1999),
                                SubstanceReport(citationID: "3", year: nil), SubstanceReport(citationID: "4", year: 2005)])
    }

    /// Field text is collected below the Swift layer: pieces split by
    /// references and CDATA, white space (ASCII and not), fields nested in
    /// fields and elements nobody reads must come out as before.
    @Test func fieldTextSurvivesReferencesCDATAAndNesting() throws {
        let (s, stats, log) = try substances("""
        <xf><substances>
        <substance index="1"><IDE><IDE.XRN>\u{00A0} 4<![CDATA[2]]>&#49; \u{2003}</IDE.XRN><IDE.XRN>99</IDE.XRN>
        <IDE.MW>12.0</IDE.MW><IDE.MF>
          Nd<sub>2</sub>O<sub>&#51;</sub>&amp;<unknown>x</unknown></IDE.MF></IDE>
        <CIT><CNR.CNR>  </CNR.CNR><CIT.PY>20<i>1</i>9</CIT.PY></CIT>
        <CIT><CNR.CNR>5<CNR.CNR>6</CNR.CNR>7</CNR.CNR><CIT.PY>MMXX</CIT.PY></CIT>
        </substance>
        <substance index="2"><IDE><IDE.XRN>8</IDE.XRN><IDE.MF/></IDE></substance>
        </substances></xf>
        """)
        #expect(stats.recordsRead == 2)
        #expect(s.map(\.registryNumber) == ["421", "8"])
        #expect(s.first?.formula == "Nd2O3&x")
        #expect(s.last?.formula == nil)
        // The nested CNR.CNR closes the field; the text after it is outside any field.
        #expect(s.first?.reports == [SubstanceReport(citationID: nil, year: 2019), SubstanceReport(citationID: "56", year: nil)])
        #expect(log.problems.map(\.field) == ["CIT.PY"])
        #expect(log.problems.first?.reason.contains("\"MMXX\" is not a year") == true)
        #expect(log.problems.first?.recordID == "XRN 421")
    }

    @Test func demoCitationsNormalizeDOIs() throws {
        var log = ProblemLog()
        var out: [Citation] = []
        let stats = try ReaxysCitationReader().read(path: Fixture.path("demo/citations/citations.xml"), log: &log) { out.append($0) }
        #expect(stats.recordsRead == 8)
        #expect(out.map(\.doi) == ["10.1000/a1", "10.1000/a2", "10.1000/a3", "10.1000/a4", "10.1000/a5", nil, "10.1000/a7", "10.1000/a8"])
        #expect(out[3].authors == "Müller, A.; Tanaka, S.; Jones, P.")
        #expect(out.map(\.year) == [2020, 2020, 2021, 2021, 2021, 2020, 2019, 2020])
    }

    @Test func truncatedFileKeepsRecordsBeforeTheCut() throws {
        let full = try String(contentsOfFile: Fixture.path("demo/substances/substances-1.xml"), encoding: .utf8)
        let cutAt = try #require(full.range(of: "<substance index=\"5\">"))
        let (s, stats, log) = try substances(String(full[..<cutAt.upperBound]) + "<IDE><IDE.XRN>10")
        #expect(s.map(\.registryNumber) == ["1001", "1002", "1003", "1004"])
        #expect(stats.recordsRead == 5)
        #expect(stats.recordsSkipped == 1)
        let p = try #require(log.problems.last)
        #expect(p.reason.contains("XML parsing stopped"))
        #expect(p.position.line != nil)
    }

    @Test func refusesEntityExpansionQuickly() throws {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <xf><substances><substance><IDE.XRN>1</IDE.XRN><IDE.MF>&lol3;</IDE.MF></substance></substances></xf>
        """
        let (s, _, log) = try substances(laughs)
        #expect(s.allSatisfy { $0.formula?.contains("lol") != true })
        #expect(!log.isEmpty)
    }

    @Test func neverLoadsExternalEntities() throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt").path
        try "TOPSECRET".write(toFile: secret, atomically: true, encoding: .utf8)
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY xxe SYSTEM "file://\(secret)">]>
        <xf><substances><substance><IDE.XRN>1</IDE.XRN><IDE.MF>&xxe;</IDE.MF></substance></substances></xf>
        """
        let (s, _, _) = try substances(xxe)
        #expect(s.allSatisfy { $0.formula?.contains("TOPSECRET") != true })
    }
}

@Suite struct DOITests {
    @Test(arguments: [("https://doi.org/10.1021/ABC", "10.1021/abc"), ("10.1021/abc", "10.1021/abc"),
                      ("doi:10.1021/ABC.", "10.1021/abc"), (" DOI 10.1000/x1 ", "10.1000/x1"),
                      ("http://dx.doi.org/10.1000/A%2FB", "10.1000/a/b"), ("https://doi.org/ 10.1/x", "10.1/x")])
    func normalizes(raw: String, expected: String) {
        #expect(DOI.normalize(raw) == expected)
    }

    @Test(arguments: ["", "not a doi", "10.1021", "10.1021/", "https://example.org/10.1/x", "11.1021/abc"])
    func rejects(raw: String) {
        #expect(DOI.normalize(raw) == nil)
    }
}
