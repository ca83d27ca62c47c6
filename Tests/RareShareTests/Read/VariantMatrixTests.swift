import Foundation
import Testing
@testable import RareShare

/// The ways the world rewrites an export without changing a record: line
/// ends, compression, encodings, marks, blank lines, and `cat` of a file
/// with itself.
enum ExportVariant: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case crlf, crOnly, mixedLineEnds, gzip, gzipMembers, utf16LE, utf16BE, bomAdded, blankLines, joinedWithItself
    var testDescription: String { rawValue }

    /// Writes this variant of `original` (its bytes as stored, gunzipped) to
    /// `folder`, named like the original, and returns the path.
    /// `text` is the same content as UTF-8 without a BOM.
    func write(original: Data, text: Data, name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        let lf = Data(String(decoding: text, as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").utf8)
        let lines = lf.split(separator: 0x0A, omittingEmptySubsequences: false)
        switch self {
        case .crlf: try Data(lines.joined(separator: [0x0D, 0x0A])).write(to: url)
        case .crOnly: try Data(lines.joined(separator: [0x0D])).write(to: url)
        case .mixedLineEnds:
            var out = Data()
            for (i, line) in lines.enumerated() {
                out += line
                if i < lines.count - 1 { out += [[0x0A], [0x0D, 0x0A], [0x0D]][i % 3] }
            }
            try out.write(to: url)
        case .gzip: try Self.gzip(original, to: url)
        case .gzipMembers:
            let half = original.count / 2
            let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
            try Self.gzip(original.prefix(half), to: a)
            try Self.gzip(original.suffix(from: original.startIndex + half), to: b)
            try (Data(contentsOf: a) + Data(contentsOf: b)).write(to: url)
        case .utf16LE:
            try (Data([0xFF, 0xFE]) + String(decoding: text, as: UTF8.self).data(using: .utf16LittleEndian)!).write(to: url)
        case .utf16BE:
            try (Data([0xFE, 0xFF]) + String(decoding: text, as: UTF8.self).data(using: .utf16BigEndian)!).write(to: url)
        case .bomAdded: try (Data([0xEF, 0xBB, 0xBF]) + text).write(to: url)
        case .blankLines: try (Data("\n\n".utf8) + text + Data("\n\n\n".utf8)).write(to: url)
        case .joinedWithItself: try (original + original).write(to: url)
        }
        return url.path
    }

    static func gzip(_ data: Data, to url: URL) throws {
        let plain = url.appendingPathExtension("plain")
        try data.write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", plain.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        try bytes.write(to: url)
        try FileManager.default.removeItem(at: plain)
    }

    /// A corpus file's bytes as stored (gunzipped) and as UTF-8 text without a BOM.
    static func contents(of path: String) throws -> (original: Data, text: Data) {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if data.starts(with: [0x1F, 0x8B]) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-dc", path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
        var text = data
        if data.starts(with: [0xFF, 0xFE]) {
            text = Data(String(data: data.dropFirst(2), encoding: .utf16LittleEndian)!.utf8)
        } else if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = data.dropFirst(3)
        }
        return (data, Data(text))
    }
}

/// Every real export of `../shared/corpora`, rewritten in every variant,
/// gives the same records (a file joined with itself: each twice, merged
/// to the same publications) and the same problems as the original.
@Suite struct VariantMatrixTests {
    @Test(arguments: CorpusCase.all, ExportVariant.allCases)
    func aVariantReadsLikeTheOriginal(_ c: CorpusCase, _ variant: ExportVariant) throws {
        let source = Fixture.shared("corpora/" + c.file)
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (original, text) = try ExportVariant.contents(of: source)
        let path = try variant.write(original: original, text: text, name: "export", in: folder)
        #expect(try FormatDetector.detect(path: path) == c.format)
        let plain = try readAll(source)
        let rewritten = try readAll(path)
        let copies = variant == .joinedWithItself ? 2 : 1
        #expect(rewritten.stats.recordsRead == plain.stats.recordsRead * copies)
        #expect(rewritten.stats.recordsUsed == c.records * copies)
        #expect(rewritten.stats.recordsSkipped == plain.stats.recordsSkipped * copies)
        #expect(rewritten.log.skippedRecords == plain.log.skippedRecords * copies)
        if copies == 1 {
            #expect(rewritten.works == plain.works)
        } else {
            #expect(WorkMerger.merge(rewritten.works).works == WorkMerger.merge(plain.works).works)
        }
    }

    /// Thread counts and batch sizes with which a variant is analysed; the
    /// original is analysed once, with one thread and the default batches.
    static let runs: [(threads: Int, batchBytes: Int)] = [(1, 4 << 20), (2, 4096), (8, 65536)]

    /// One file per format family, so the whole matrix runs through the
    /// pipeline in seconds; the reader-level test above covers every file.
    static let pipelineFiles = [
        "wos-plaintext/bibliometrix__wos_sample.txt", "wos-tab/scientopy__wos_2026_04_02_4071.txt",
        "scopus-csv/litstudy__scopus.csv", "pubmed-xml/ncbiutils__pubmed.xml",
        "openalex-json/openalexPro__biodiversity_finance_200.jsonl", "crossref-json/fatcat__crossref_api_works.json",
    ]

    @Test(arguments: pipelineFiles, ExportVariant.allCases)
    func aVariantGivesTheSameTables(_ file: String, _ variant: ExportVariant) async throws {
        let source = Fixture.shared("corpora/" + file)
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (original, text) = try ExportVariant.contents(of: source)
        let path = try variant.write(original: original, text: text, name: "export", in: folder)
        var options = AnalysisOptions()
        options.workFiles = [source]
        options.threads = 1
        let expected = try await AnalysisPipeline(options: options).run()
        options.workFiles = [path]
        for run in Self.runs {
            options.threads = run.threads
            options.batchBytes = run.batchBytes
            let result = try await AnalysisPipeline(options: options).run()
            #expect(result.tally == expected.tally, "threads \(run.threads), batch \(run.batchBytes)")
            #expect(result.counting == expected.counting)
            #expect(result.quality.worksRead - result.quality.duplicateWorks == expected.quality.worksRead - expected.quality.duplicateWorks)
            #expect(result.quality.authorsWithoutCountry == expected.quality.authorsWithoutCountry)
            #expect(result.quality.unitsWithoutCountry == expected.quality.unitsWithoutCountry)
        }
    }
}
