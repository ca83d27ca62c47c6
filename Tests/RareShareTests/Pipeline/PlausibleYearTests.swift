import Foundation
import Testing
@testable import RareShare

/// Years outside the plausible range (``AnalysisOptions/plausibleYears``)
/// are warnings, left out of the year tables, never a crash; the same for
/// 1, 2 and 8 threads.
@Suite struct PlausibleYearTests {
    static let source = Fixture.shared("corpora/openalex-json/openalexPro__biodiversity_finance_200.jsonl")
    /// Line (= record) → year written over its `publication_year` (1999, 2009, 2004, 2003, 2008 in the original).
    static let edits: [(line: Int, year: String)] = [(3, "9223372036854775807"), (50, "1000000"), (100, "-5"), (150, "0"), (199, "9999")]

    static func damagedWorks(in dir: URL) throws -> String {
        var lines = try String(contentsOfFile: source, encoding: .utf8).components(separatedBy: "\n")
        for (line, year) in edits {
            let r = try #require(lines[line - 1].range(of: #""publication_year":\d+"#, options: .regularExpression))
            lines[line - 1].replaceSubrange(r, with: "\"publication_year\":\(year)")
        }
        let path = dir.appendingPathComponent("works.jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func run(_ works: String, threads: Int, plausible: ClosedRange<Int>? = nil) async throws -> AnalysisResult {
        var o = AnalysisOptions()
        o.threads = threads
        o.batchBytes = 64 << 10
        o.workFiles = [works]
        if let plausible { o.plausibleYears = plausible }
        return try await AnalysisPipeline(options: o).run()
    }

    @Test func openAlexYearsOutsideTheRangeAreWarnings() async throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let works = try Self.damagedWorks(in: dir)
        let original = try await Self.run(Self.source, threads: 1)
        for threads in [1, 2, 8] {
            let result = try await Self.run(works, threads: threads)
            let q = result.quality
            let file = try #require(q.files.first)
            #expect(file.recordsRead == 200 && file.recordsUsed == 200 && file.recordsSkipped == 0)
            #expect(file.minimumYear == 1977)
            #expect(file.maximumYear == original.quality.files[0].maximumYear)
            #expect(q.worksWithoutYear == original.quality.worksWithoutYear + 5, "threads \(threads)")
            let warnings = q.problems.problems.filter { $0.reason.contains("plausible") }
            #expect(warnings.map(\.position.record) == Self.edits.map(\.line), "threads \(threads)")
            #expect(warnings.map(\.position.line) == Self.edits.map(\.line))
            #expect(warnings.first?.reason == "9223372036854775807 is outside the plausible years 1600–2100 (--years-plausible); the work is used without a year")
            #expect(warnings.first?.field == "publication_year")
            let years = Set(result.tally.regions.values.flatMap(\.keys))
            #expect(years.allSatisfy { (1600...2100).contains($0) })
        }
    }

    @Test func theRangeIsConfigurable() async throws {
        let result = try await Self.run(Self.source, threads: 2, plausible: 2000...2100)
        let before2000 = try String(contentsOfFile: Self.source, encoding: .utf8).components(separatedBy: "\n")
            .filter { line in
                guard let r = line.range(of: #""publication_year":\d+"#, options: .regularExpression) else { return false }
                return Int(line[r].dropFirst(19))! < 2000
            }.count
        let warnings = result.quality.problems.problems.filter { $0.reason.contains("outside the plausible years 2000–2100") }
        #expect(before2000 > 0)
        #expect(warnings.count == before2000)
        #expect(result.quality.files[0].minimumYear.map { $0 >= 2000 } == true)
    }

    @Test func reaxysAndTextYearsOutsideTheRangeAreNamed() throws {
        #expect(YearParser.whyNotAYear("9999") == "\"9999\" is outside the plausible years 1600–2100 (--years-plausible)")
        #expect(YearParser.whyNotAYear(" 0 ") == "\"0\" is outside the plausible years 1600–2100 (--years-plausible)")
        #expect(YearParser.whyNotAYear("19x6") == "\"19x6\" is not a year")
        #expect(YearParser.year(from: "1599") == nil)
        #expect(YearParser.$plausible.withValue(1500...2100) { YearParser.year(from: "1599") } == 1599)
    }

    @Test func reaxysCitationYearOutsideTheRangeIsAWarning() async throws {
        var text = String(decoding: try BadInputTests.bytes("substances/substances-1.xml"), as: UTF8.self)
        let r = try #require(text.range(of: "<CIT.PY>2020</CIT.PY>"))
        text.replaceSubrange(r, with: "<CIT.PY>9999</CIT.PY>")
        let result = try await BadInputTests.run(substances: Array(text.utf8))
        let warnings = result.quality.problems.problems.filter { $0.reason.contains("plausible") }
        #expect(warnings.map(\.reason) == ["\"9999\" is outside the plausible years 1600–2100 (--years-plausible); this citation block is used without a year"])
        #expect(warnings.first?.recordID == "XRN 1001")
        #expect(result.quality.files.first { $0.format == .reaxysSubstances }?.maximumYear == 2021)
    }
}
