import Foundation
import Testing
@testable import RareShare

/// A damaged record in the middle of a file is skipped and reported at its
/// place; the records before and after it are kept.
@Suite struct CorruptionTests {
    /// Rewrites line `n` (1-based, without its LF) of `source` with `edit` into a temp file.
    func damagedCopy(of source: String, line n: Int, _ edit: (String) -> String) throws -> (URL, String) {
        let folder = try Fixture.temporaryFolder()
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        lines[n - 1] = Data(edit(String(decoding: lines[n - 1], as: UTF8.self)).utf8)
        let path = folder.appendingPathComponent("damaged").path
        try Data(lines.joined(separator: [0x0A])).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    @Test func jsonLinesRecordWithBrokenSyntax() throws {
        let source = Fixture.shared("corpora/crossref-json/fatcat__crossref-works.2018-01-21.badsample.jsonl")
        // A stray character where a value should be: the braces still balance.
        let (folder, path) = try damagedCopy(of: source, line: 5) { $0.replacingOccurrences(of: "\"DOI\" : ", with: "\"DOI\" : ?") }
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try readAll(source).works
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 14)
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.works == Array(whole[0..<4] + whole[5...]))
        let p = try #require(r.log.problems.first)
        #expect(p.severity == .skippedRecord)
        #expect(p.position.line == 5)
        #expect(p.position.record == 5)
    }

    @Test func tabDelimitedRowWithMissingFields() throws {
        let source = Fixture.shared("corpora/wos-tab/scientopy__wos_2017.txt")
        // Line 11 is the 10th record: keep only its first ten fields.
        let (folder, path) = try damagedCopy(of: source, line: 11) {
            $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(10).joined(separator: "\t") + "\r"
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try readAll(source).works
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 125)
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.works == Array(whole[0..<9] + whole[10...]))
        let p = try #require(r.log.problems.first)
        #expect(p.severity == .skippedRecord)
        #expect(p.position.line == 11)
        #expect(p.position.record == 10)
    }

    @Test func scopusRowWithMissingFields() throws {
        let source = Fixture.shared("corpora/scopus-csv/bibliometrix__scopus_sample.csv")
        // Line 4 is the 3rd record: cut it after its Year field.
        let (folder, path) = try damagedCopy(of: source, line: 4) { line in
            let year = line.range(of: "\",2025,") ?? line.range(of: "\",2026,")
            return year.map { String(line[..<$0.upperBound]) + "\"x\"" } ?? line
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try readAll(source).works
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 8)
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.works == Array(whole[0..<2] + whole[3...]))
        let p = try #require(r.log.problems.first)
        #expect(p.position.line == 4)
        #expect(p.position.record == 3)
    }

    @Test func pubMedArticleWithBrokenMarkup() throws {
        let source = Fixture.shared("corpora/pubmed-xml/ncbiutils__pubmed.xml")
        // Line 306 is the second article's title: break its start tag.
        let (folder, path) = try damagedCopy(of: source, line: 306) { $0.replacingOccurrences(of: "<ArticleTitle>", with: "<ArticleTitle") }
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try readAll(source).works
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 5)
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.works == [whole[0]] + Array(whole[2...]))
        let p = try #require(r.log.problems.first)
        #expect(p.severity == .skippedRecord)
        #expect(p.position.record == 2)
        #expect(p.position.line.map { (306...307).contains($0) } == true)
        #expect(p.recordKind == "article")
    }

    @Test func pubMedArticleWithoutItsClosingTag() throws {
        let source = Fixture.shared("corpora/pubmed-xml/ncbiutils__pubmed.xml")
        let (folder, path) = try damagedCopy(of: source, line: 651) { _ in "" }
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try readAll(source).works
        let r = try readAll(path)
        #expect(r.stats.recordsRead == 5)
        #expect(r.stats.recordsSkipped == 1)
        #expect(r.works == Array(whole[0..<2] + whole[3...]))
        let p = try #require(r.log.problems.first)
        #expect(p.position.line == 444)
        #expect(p.position.record == 3)
        #expect(p.reason.hasPrefix("the article has no closing tag (another article starts first)"))
    }
}
