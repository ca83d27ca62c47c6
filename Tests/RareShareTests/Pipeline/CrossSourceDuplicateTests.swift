import Foundation
import Testing
@testable import RareShare

/// A publication exported from two databases counts once in a publication
/// run, by DOI or — when a record has none — by title, year and first author.
@Suite struct CrossSourceDuplicateTests {
    @Test func aRecordWithoutDOISeenInAnotherSourceCountsOnce() async throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lens = folder.appendingPathComponent("lens.csv").path
        // The MEDLINE fixture's 1978 record (no DOI), as Lens writes it, and one new work.
        try """
        Lens ID,Title,Publication Year,Publication Type,Author/s,DOI
        000-000-000-000-001,An older record with one affiliation for the first author,1978,journal article,Hiroshi Tanaka; Kenji Sato,
        000-000-000-000-002,Something else entirely,1978,journal article,Hiroshi Tanaka,

        """.write(toFile: lens, atomically: true, encoding: .utf8)
        var options = AnalysisOptions()
        options.workFiles = [Fixture.path("formats/medline_sample.txt"), lens]
        options.threads = 1
        let result = try await AnalysisPipeline(options: options).run()
        #expect(result.quality.worksRead == 4)
        #expect(result.quality.duplicateWorks == 1)
        #expect(result.quality.worksWithoutDOI == 3)
    }
}
