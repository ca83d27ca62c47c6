import Foundation
import Testing
@testable import RareShare

@Suite struct ScopusCSVReaderTests {
    @Test func currentLayoutGivesPerAuthorAffiliations() throws {
        let r = try readAll(Fixture.shared("corpora/scopus-csv/bibliometrix__scopus_sample.csv"))
        let w = try #require(r.works.first)
        #expect(w.doi == "10.1177/20552076261415846")
        #expect(w.sourceID == "2-s2.0-105030721984")
        #expect(w.year == 2026)
        #expect(w.documentType == "Article")
        #expect(w.authors.map(\.name) == ["Liu, Fengyuan", "Li, Chunyun", "Liu, Yong", "Li, Yufei"])
        #expect(w.authors[0].affiliations.map(\.raw) == ["Department of Clinical Medicine, Hunan Normal University Health Science Center, Hunan, Changsha, China"])
        #expect(w.authors[1].affiliations.map(\.raw) == ["Department of Surgery, Department of Clinical Medicine, Hunan Normal University Health Science Center, Hunan, Changsha, China"])
        // "Y. Li" in Correspondence Address is the fourth author, Li Y.
        #expect(w.authors.map(\.isCorresponding) == [false, false, false, true])
    }

    @Test func anAuthorWithTwoAffiliationsGetsBothSeparately() throws {
        let r = try readAll(Fixture.shared("corpora/scopus-csv/bibliometrix__scopus_sample.csv"))
        let w = r.works[4]
        #expect(w.doi == "10.1007/s12672-025-02590-4")
        #expect(w.year == 2025)
        #expect(w.authors.count == 9)
        #expect(w.authors[0].affiliations.map(\.raw) == [
            "Department of Urology, Qingdao Central Hospital, University of Health and Rehabilitation Sciences, Qingdao, 266042, China",
            "School of Qingdao Medical College, Qingdao University, 308 Ningxia Road, Qingdao, 266071, China",
        ])
        // "J. Lv" is Lv J., the sixth author.
        #expect(w.authors.firstIndex { $0.isCorresponding == true } == 5)
    }

    @Test func olderLayoutWithCommaSeparatedAuthors() throws {
        let r = try readAll(Fixture.shared("corpora/scopus-csv/metaknowledge__scopus_testing.csv"))
        let w = try #require(r.works.first)
        #expect(w.doi == "10.1109/tasc.2016.2541670")
        #expect(w.year == 2016)
        #expect(w.authors.count == 11)
        #expect(w.authors[0].name == "Yagai T.")
        #expect(w.authors[0].affiliations.map(\.raw) == ["Sophia University, Tokyo, Japan"])
        #expect(w.authors[1].affiliations.map(\.raw) == ["Meiji University, Kanagawa, Japan"])
        #expect(w.authors[0].isCorresponding == nil)
    }

    @Test func rowsWithAnUnnamedFundingColumnStillLineUp() throws {
        let r = try readAll(Fixture.shared("corpora/scopus-csv/litstudy__scopus.csv"))
        let first = r.works[0]
        #expect(first.doi == "10.1002/jcc.20289")
        #expect(first.year == 2005)
        #expect(first.documentType == "Review")
        #expect(first.authors.count == 10)
        #expect(first.authors[0].affiliations.first?.raw == "Beckman Institute, University of Illinois at Urbana-Champaign, Urbana, IL 61801, United States")
        #expect(first.authors[9].isCorresponding == true)
        // The third row has 46 fields for 45 names.
        let third = r.works[2]
        #expect(third.doi == "10.1038/s41598-022-04849-0")
        #expect(third.sourceID == "2-s2.0-85123480963")
        #expect(third.documentType == "Article")
        #expect(third.year == 2022)
        #expect(third.authors.count == 6)
        #expect(third.authors[0].affiliations.map(\.raw) == ["Institute of Computing Science, Poznan University of Technology, Piotrowo 2, Poznan, 60-965, Poland"])
        #expect(third.authors.map(\.isCorresponding) == [true, false, false, false, false, false])
    }

    @Test func aFileCutInsideAQuotedFieldKeepsTheRowsBefore() throws {
        let source = Fixture.shared("corpora/scopus-csv/bibliometrix__scopus_sample.csv")
        let cut = try offset(of: "\n\"", occurrence: 5, in: source) + 500
        let (folder, path) = try truncatedCopy(of: source, keeping: cut, name: "cut.csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try readAll(path)
        #expect(r.works.count == 4)
        #expect(r.stats.recordsRead == 5)
        #expect(r.stats.recordsSkipped == 1)
        let p = try #require(r.log.problems.last)
        #expect(p.severity == .truncated)
        #expect(p.position.record == 5)
        #expect(p.position.line == 6)
        #expect(p.field == "Title")
    }
}
