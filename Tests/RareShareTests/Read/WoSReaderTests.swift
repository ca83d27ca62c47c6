import Foundation
import Testing
@testable import RareShare

@Suite struct WoSReaderTests {
    @Test func unbracketedAddressesGoToEveryAuthor() throws {
        let r = try readAll(Fixture.shared("corpora/wos-plaintext/wosfile__wos_plaintext.txt"))
        let w = try #require(r.works.first)
        #expect(w.doi == "10.1287/orsc.1030.0054")
        #expect(w.sourceID == "WOS:000220015600001")
        #expect(w.year == 2004)
        #expect(w.documentType == "Article")
        #expect(w.title == "Knowledge networks as channels and conduits: The effects of spillovers in the Boston biotechnology community")
        #expect(w.authors.map(\.name) == ["Owen-Smith, J", "Powell, WW"])
        let addresses = ["Univ Michigan, Dept Sociol, Ann Arbor, MI 48104 USA", "Stanford Univ, Stanford, CA 94305 USA"]
        #expect(w.authors[0].affiliations.map(\.raw) == addresses)
        #expect(w.authors[1].affiliations.map(\.raw) == addresses)
        #expect(w.authors.map(\.isCorresponding) == [true, false])
    }

    @Test func bracketedAddressesGoToTheNamedAuthors() throws {
        let r = try readAll(Fixture.shared("corpora/wos-plaintext/bibliometrix__wos_sample.txt"))
        let turkey = try #require(r.works.first { $0.doi == "10.21031/epod.1069307" })
        #expect(turkey.year == 2022)
        #expect(turkey.sourceID == "WOS:000870236000001")
        #expect(turkey.authors.count == 1)
        #expect(turkey.authors[0].name == "Buyukkidik, Serap")
        #expect(turkey.authors[0].affiliations.map(\.raw) == ["Sinop Univ, Fac Educ, Sinop, Turkey"])
        // RP spells the name "Büyükkidik, S" (the AU form), AF "Buyukkidik, Serap".
        #expect(turkey.authors[0].isCorresponding == true)

        let aria = try #require(r.works.first { $0.authors.first?.name == "Aria, Massimo" })
        #expect(aria.authors.count == 2)
        #expect(aria.authors[0].affiliations.map(\.raw) == ["Univ Napoli Federico II, Dept Econ & Stat, Via Cintia, I-80126 Naples, Italy"])
        #expect(aria.authors[1].affiliations.map(\.raw) == ["Univ Campania Luigi Vanvitelli, Dept Econ & Management, Capua, CE, Italy"])
        #expect(aria.authors.map(\.isCorresponding) == [true, false])
    }

    @Test func aTagWithoutItsSpaceIsReadAndReported() throws {
        let r = try readAll(Fixture.shared("corpora/wos-plaintext/metaknowledge__testFile.isi"))
        let w = r.works[5]
        #expect(w.authors.map(\.name) == ["Gilles, H", "Girard, S", "Hamel, J"])
        #expect(w.authors[1].affiliations.map(\.raw) == ["Ctr Interdisciplinaire Rech Ions Lasers, Equipe Phys Atom & Canteurs, F-14050 Caen, France"])
        let p = try #require(r.log.problems.first)
        #expect(p.severity == .warning)
        #expect(p.position.line == 416)
        #expect(p.field == "AU")
    }

    @Test func aFileCutInsideARecordKeepsTheRecordsBeforeIt() throws {
        let source = Fixture.shared("corpora/wos-plaintext/tethne__wos.txt")
        // Cut in the middle of the 4th record: after its PT line, before its ER.
        let cut = try offset(of: "\nPT ", occurrence: 4, in: source) + 200
        let (folder, path) = try truncatedCopy(of: source, keeping: cut, name: "cut.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try readAll(path)
        #expect(r.works.count == 3)
        #expect(r.stats.recordsRead == 4)
        #expect(r.stats.recordsSkipped == 1)
        let p = try #require(r.log.problems.last)
        #expect(p.severity == .truncated)
        #expect(p.position.record == 4)
        #expect(p.field == "ER")
        #expect(p.position.file == path)
    }

    @Test func aMissingERSkipsOnlyThatRecord() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.txt").path
        let text = """
        FN Clarivate Analytics Web of Science
        VR 1.0
        PT J
        AU Doe, J
        PY 2001
        ER

        PT J
        AU Roe, R
        PY 2002

        PT J
        AU Poe, P
        PY 2003
        DI 10.1000/XYZ
        ER

        EF

        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try readAll(path)
        #expect(r.works.map(\.year) == [2001, 2003])
        #expect(r.works[1].doi == "10.1000/xyz")
        #expect(r.stats.recordsRead == 3)
        #expect(r.stats.recordsSkipped == 1)
        let p = try #require(r.log.problems.first)
        #expect(p.severity == .skippedRecord)
        #expect(p.position.line == 8)
        #expect(p.position.record == 2)
    }

    /// `cat a.txt b.txt`: each export keeps its BOM and FN/VR header, and
    /// tethne__wos.txt ends in "EF" with no line break, so its EF runs into
    /// the next file's first line.
    @Test func concatenatedExportsReadAsOne() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var joined = Data()
        for name in ["tethne__wos.txt", "wosfile__wos_plaintext.txt", "tethne__valentin.txt"] {
            joined += try Data(contentsOf: URL(fileURLWithPath: Fixture.shared("corpora/wos-plaintext/" + name)))
        }
        let path = folder.appendingPathComponent("all.txt").path
        try joined.write(to: URL(fileURLWithPath: path))
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 62)
        #expect(r.stats.recordsUsed == 62)
        #expect(r.log.isEmpty)
        #expect(r.works[10].doi == "10.1287/orsc.1030.0054")
    }

    @Test func booksCreditTheirBookAuthors() throws {
        let r = try readAll(Fixture.shared("corpora/wos-tab/scientopy__wos_2026_04_02_4071.txt"))
        let book = r.works[36]
        #expect(book.sourceID == "WOS:000317242000008")
        #expect(book.year == 2013)
        #expect(book.authors.map(\.name) == ["Gupta, N"])
        #expect(r.works.filter(\.authors.isEmpty).isEmpty)
    }

    @Test func aReprintAddressWithoutANameLeavesTheFlagUnknown() throws {
        let r = try readAll(Fixture.shared("corpora/wos-plaintext/bibliometrix__performance_soccer.txt"))
        let w = try #require(r.works.first { $0.sourceID == "WOS:000185950900088" })
        #expect(w.authors.map(\.name) == ["Tang, Z", "Zhou, CJ", "Sun, ZQ"])
        for author in w.authors {
            #expect(author.affiliations.map(\.raw) == ["Singapore Polytech, Sch Elect & Elect Engn, Singapore 139651, Singapore",
                                                       "Tsinghua Univ, Dept Comp Sci, Beijing 100084, Peoples R China"])
            #expect(author.isCorresponding == nil)
        }
    }

    @Test func tabDelimitedMixedBracketsAndCorrespondingAuthor() throws {
        let r = try readAll(Fixture.shared("corpora/wos-tab/scientopy__wos_2017.txt"))
        for w in r.works { #expect(w.source == .wosTabDelimited) }
        let withC1 = r.works.filter { $0.authors.contains { !$0.affiliations.isEmpty } }
        #expect(withC1.count == 123)
    }

    @Test func tabDelimitedCutMidRowReportsIt() throws {
        let source = Fixture.shared("corpora/wos-tab/scientopy__wos_2026_04_02_4071.txt")
        let cut = try offset(of: "\r\n", occurrence: 10, in: source) + 300
        let (folder, path) = try truncatedCopy(of: source, keeping: cut, name: "cut.txt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try readAll(path)
        #expect(r.works.count == 9)
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.log.problems.last?.severity == .truncated)
        #expect(r.log.problems.last?.position.record == 10)
    }
}
