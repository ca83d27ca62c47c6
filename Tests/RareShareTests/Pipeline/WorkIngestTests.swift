import Foundation
import Testing
@testable import RareShare

/// Every bibliographic format is ingested the same way: one answer per
/// distinct affiliation string for the whole run, however often it recurs.
@Suite struct WorkIngestTests {
    /// Counts the strings it is asked about, then answers as the plain name resolver does.
    final class CountingResolver: AffiliationResolver, @unchecked Sendable {
        // Guarded by `lock`.
        private var asked: [String: Int] = [:]
        private let lock = NSLock()
        private let names = CountryNameResolver()

        func resolve(_ affiliation: String) -> CountryResolution {
            lock.lock()
            asked[affiliation, default: 0] += 1
            lock.unlock()
            return names.resolve(affiliation)
        }

        var calls: [String: Int] {
            lock.lock()
            defer { lock.unlock() }
            return asked
        }
    }

    static let tokyo = "Department of Chemistry, University of Tokyo, Tokyo, Japan."
    static let paris = "Institut de Chimie, Paris, France."

    /// Three MEDLINE records, six authors: Tokyo four times, Paris twice.
    /// (The SO line ends a record: a record without one is taken as cut short.)
    static let medline = """
        PMID- 1
        DP  - 2020 Jan
        TI  - First.
        SO  - J Test. 2020.
        FAU - Sato, Aki
        AD  - \(tokyo)
        FAU - Martin, Paul
        AD  - \(paris)

        PMID- 2
        DP  - 2021 Feb
        TI  - Second.
        SO  - J Test. 2021.
        FAU - Sato, Aki
        AD  - \(tokyo)
        FAU - Ito, Ken
        AD  - \(tokyo)

        PMID- 3
        DP  - 2022 Mar
        TI  - Third.
        SO  - J Test. 2022.
        FAU - Ito, Ken
        AD  - \(tokyo)
        FAU - Martin, Paul
        AD  - \(paris)

        """

    @Test(arguments: [1, 2])
    func repeatedStringsAreResolvedOncePerRun(threads: Int) async throws {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The same records in two files: the cache outlives one file.
        var paths: [String] = []
        for name in ["a.txt", "b.txt"] {
            let path = dir.appendingPathComponent(name).path
            try Self.medline.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let resolver = CountingResolver()
        var options = AnalysisOptions()
        options.workFiles = paths
        options.resolver = resolver
        options.threads = threads
        let result = try await AnalysisPipeline(options: options).run()
        #expect(resolver.calls == [Self.tokyo: 1, Self.paris: 1])
        #expect(result.quality.worksRead == 6)
        #expect(result.quality.duplicateWorks == 3)
        // Authors are counted for the works kept only.
        #expect(result.quality.authorsSeen == 6)
        #expect(result.quality.authorsWithoutCountry == 0)
        #expect(result.tally.years == [2020, 2021, 2022])
    }
}
