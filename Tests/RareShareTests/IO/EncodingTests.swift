import Foundation
import Testing
@testable import RareShare

/// Text exports re-saved in a legacy encoding are decoded, not passed on as mojibake.
@Suite struct EncodingTests {
    @Test func windows1252IsDecodedAndReported() async throws {
        let source = Fixture.shared("corpora/scopus-csv/bibliometrix__scopus_sample.csv")
        let text = try String(contentsOfFile: source, encoding: .utf8)
        let legacy = try #require(text.data(using: .windowsCP1252, allowLossyConversion: true))
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("scopus-1252.csv").path
        try legacy.write(to: URL(fileURLWithPath: path))

        func works(_ p: String) throws -> [Work] {
            var log = ProblemLog()
            var out: [Work] = []
            _ = try ScopusCSVReader().read(path: p, log: &log) { out.append($0) }
            return out
        }
        let original = try works(source), decoded = try works(path)
        #expect(decoded.count == original.count)
        #expect(decoded.map(\.doi) == original.map(\.doi))
        let names = decoded.flatMap { $0.authors.compactMap(\.name) }
        #expect(names.contains { $0.contains("ü") || $0.contains("ö") })
        #expect(!names.contains { $0.contains("\u{FFFD}") || $0.contains("Ã") })

        var options = AnalysisOptions()
        options.workFiles = [path]
        let result = try await AnalysisPipeline(options: options).run()
        #expect(result.quality.problems.problems.contains { $0.reason.contains("Windows-1252") })
        options.strict = true
        await #expect(throws: InputError.self) { try await AnalysisPipeline(options: options).run() }
    }

    @Test func validUTF8CutMidSequenceIsStillUTF8() {
        let bytes = Array("Universität".utf8)
        let cut = Array(bytes.prefix(9))   // ends inside the two bytes of "ä"
        #expect(TextSource.isValidUTF8Prefix(cut))
        #expect(!TextSource.isValidUTF8Prefix([0x55, 0xE4, 0x74]))   // Latin-1 "Uät"
        #expect(TextSource.windows1252ToUTF8([0x55, 0xE4, 0x74, 0x80]) == Array("Uät€".utf8))
    }
}
