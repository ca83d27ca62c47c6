import Foundation
import Testing
@testable import RareShare

/// Bad inputs generated from the good demonstration exports: cut, flipped,
/// damaged, duplicated, re-encoded or empty. For each: no crash, the records
/// that can be used are used, every other record is counted and listed with
/// its position, and the counts add up (read = used + skipped).
@Suite struct BadInputTests {
    static let demo = Fixture.path("demo")

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: demo + "/" + relative)))
    }

    /// Runs the pipeline with `substances` written to a temporary file in place of the demo substance files.
    static func run(substances: [UInt8]? = nil, citations: [UInt8]? = nil, works: [UInt8]? = nil,
                    publicationsOnly: Bool = false, strict: Bool = false) async throws -> AnalysisResult {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func file(_ name: String, _ content: [UInt8]?, default fallback: String) throws -> [String] {
            guard let content else { return try InputFiles.expand([demo + "/" + fallback]) }
            let url = dir.appendingPathComponent(name)
            try Data(content).write(to: url)
            return [url.path]
        }
        var o = AnalysisOptions()
        o.threads = 2
        o.strict = strict
        o.workFiles = try file("works.jsonl", works, default: "works")
        if !publicationsOnly {
            o.substanceFiles = try file("substances.xml", substances, default: "substances")
            o.citationFiles = try file("citations.xml", citations, default: "citations")
        }
        return try await AnalysisPipeline(options: o).run()
    }

    static func countsAddUp(_ q: DataQuality, sourceLocation: SourceLocation = #_sourceLocation) {
        for f in q.files {
            #expect(f.recordsRead == f.recordsUsed + f.recordsSkipped, "\(f.file)", sourceLocation: sourceLocation)
        }
        for p in q.problems.problems {
            #expect(!p.position.file.isEmpty, sourceLocation: sourceLocation)
            #expect(p.position.line != nil || p.position.byteOffset != nil || p.reason.contains("empty"),
                    "\(p)", sourceLocation: sourceLocation)
        }
    }

    static func occurrences(_ needle: String, in bytes: ArraySlice<UInt8>) -> Int {
        XMLBatchRecovery.find(Array(needle.utf8), in: Array(bytes), from: 0).map { first in
            1 + occurrences(needle, in: bytes[(bytes.startIndex + first + needle.utf8.count)...])
        } ?? 0
    }

    @Test func truncatedSubstanceFileKeepsEveryCompleteRecord() async throws {
        let full = try Self.bytes("substances/substances-1.xml")
        for cut in stride(from: 60, to: full.count, by: 53) {
            let prefix = full[..<cut]
            let result = try await Self.run(substances: Array(prefix))
            let q = result.quality
            Self.countsAddUp(q)
            let file = try #require(q.files.first { $0.format == .reaxysSubstances })
            let complete = Self.occurrences("</substance>", in: prefix)
            // The eighth record has no registry number: read, but skipped.
            #expect(file.recordsUsed == min(complete, 7), "cut at \(cut)")
            let opened = Self.occurrences("<substance ", in: prefix)
            if opened > complete {
                #expect(file.recordsSkipped >= 1, "cut at \(cut)")
                #expect(q.problems.problems.contains { $0.position.file.hasSuffix("substances.xml") && $0.position.line != nil },
                        "cut at \(cut)")
            }
        }
    }

    @Test func truncatedWorksFileKeepsEveryCompleteRecord() async throws {
        let full = try Self.bytes("works/works-1.jsonl")
        let lineEnds = full.indices.filter { full[$0] == 0x0A }
        for cut in stride(from: 10, to: full.count, by: 97) {
            let result = try await Self.run(works: Array(full[..<cut]), publicationsOnly: true)
            Self.countsAddUp(result.quality)
            let file = try #require(result.quality.files.first)
            let complete = lineEnds.filter { $0 < cut - 1 }.count + (full[cut - 1] == UInt8(ascii: "}") && !lineEnds.contains(cut - 1) ? 1 : 0)
            #expect(file.recordsUsed == complete, "cut at \(cut)")
            #expect(file.recordsSkipped <= 1, "cut at \(cut)")
        }
    }

    @Test(arguments: 0..<24)
    func flippedBytesNeverCrashAndCountsAddUp(seed: Int) async throws {
        var rng = DeterminismTests.SplitMix(state: UInt64(seed) &* 7919 &+ 1)
        var bytes = try Self.bytes("substances/substances-2.xml")
        for _ in 0...Int.random(in: 0...2, using: &rng) {
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[i] = UInt8.random(in: 0...255, using: &rng)
        }
        var works = try Self.bytes("works/works-1.jsonl")
        let j = Int.random(in: 0..<works.count, using: &rng)
        works[j] = UInt8.random(in: 0...255, using: &rng)
        let result = try await Self.run(substances: bytes, works: works)
        Self.countsAddUp(result.quality)
    }

    @Test func damagedRecordCostsOnlyItself() async throws {
        var text = String(decoding: try Self.bytes("substances/substances-2.xml"), as: UTF8.self)
        // Record 3 (XRN 1009) loses a closing tag.
        let range = try #require(text.range(of: "<CNR.CNR>5008</CNR.CNR>"))
        text.replaceSubrange(range, with: "<CNR.CNR>5008")
        let result = try await Self.run(substances: Array(text.utf8))
        let q = result.quality
        Self.countsAddUp(q)
        let file = try #require(q.files.first { $0.format == .reaxysSubstances })
        #expect(file.recordsRead == 7)
        #expect(file.recordsUsed == 6)
        #expect(file.recordsSkipped == 1)
        let problem = try #require(q.problems.problems.first { $0.severity == .skippedRecord })
        #expect(problem.position.line == 14)
        #expect(problem.position.record == 3)
        // 1009 (the only FR/GB substance) is gone; the records after it are kept.
        #expect(result.tally.tally(.all, 2020).weights[CountryCode("FR")!] == nil)
        #expect(result.tally.tally(.all, 2021).units == 2)   // 1001 and 1011, both after the damaged record
    }

    @Test func duplicatedRecordIsCountedOnce() async throws {
        var text = String(decoding: try Self.bytes("substances/substances-1.xml"), as: UTF8.self)
        let start = try #require(text.range(of: "<substance index=\"1\">"))
        let end = try #require(text.range(of: "</substance>", range: start.upperBound..<text.endIndex))
        let record = String(text[start.lowerBound..<end.upperBound])
        text.insert(contentsOf: record + "\n", at: start.lowerBound)
        let result = try await Self.run(substances: Array(text.utf8))
        #expect(result.quality.duplicateSubstanceRecords == 1)
        #expect(result.tally.tally(.all, 2020).exactSets[CountrySet([CountryCode("CN")!, CountryCode("US")!])] == 1)
    }

    @Test func emptyFilesAreReportedAndSkipped() async throws {
        let result = try await Self.run(substances: [], works: [UInt8]("\n".utf8), publicationsOnly: false)
        #expect(result.quality.problems.problems.filter { $0.reason.contains("empty") }.count == 2)
        await #expect(throws: InputError.self) { try await Self.run(substances: [], strict: true) }
    }

    @Test func binaryJunkIsAnUnknownFormat() async throws {
        var rng = DeterminismTests.SplitMix(state: 99)
        let junk = (0..<512).map { _ in UInt8.random(in: 0...255, using: &rng) }
        do {
            _ = try await Self.run(works: junk, publicationsOnly: true)
            Issue.record("junk was accepted")
        } catch let error as InputError {
            #expect(error.kind == .unknownFormat)
            #expect(error.description.contains("works.jsonl"))
            #expect(error.exitCode == 65)
        }
    }

    @Test func utf16SubstanceFileReadsLikeUTF8() async throws {
        let utf8 = String(decoding: try Self.bytes("substances/substances-1.xml"), as: UTF8.self)
        let relabelled = utf8.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in relabelled.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let a = try await Self.run(substances: Array(utf8.utf8))
        let b = try await Self.run(substances: utf16)
        #expect(a.tally == b.tally)
        #expect(b.quality.files.first { $0.format == .reaxysSubstances }?.recordsUsed == 7)
    }

    @Test func latin1DeclaredCitationsAreDecoded() async throws {
        let utf8 = String(decoding: try Self.bytes("citations/citations.xml"), as: UTF8.self)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        let latin1 = Array(try #require(utf8.data(using: .isoLatin1)))
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.xml").path
        try Data(latin1).write(to: URL(fileURLWithPath: path))
        var log = ProblemLog()
        var authors: [String?] = []
        _ = try ReaxysCitationReader().read(path: path, log: &log) { authors.append($0.authors) }
        #expect(authors[3] == "Müller, A.; Tanaka, S.; Jones, P.")
        // Batches carry the declaration, and libxml2 decodes them in place too.
        var chunker = XMLRecordChunker(source: try ByteSource(path: path, chunkSize: 128), element: "citation")
        chunker.targetBytes = 300
        var batched: [String?] = []
        while let batch = try chunker.next() {
            let result = ReaxysCitationReader().parse(batch, file: path)
            #expect(result.log.isEmpty)
            batched += result.records.map(\.authors)
        }
        #expect(batched == authors)
    }

    @Test func chunkBoundariesDoNotChangeTheResult() async throws {
        let path = Fixture.path("demo/substances/substances-2.xml")
        var whole: [Substance] = []
        var log = ProblemLog()
        _ = try ReaxysSubstanceReader().read(path: path, log: &log) { whole.append($0) }
        for target in [1, 50, 300, 1000, 1 << 20] {
            var chunker = XMLRecordChunker(source: try ByteSource(path: path, chunkSize: 64), element: "substance")
            chunker.targetBytes = target
            var parts: [Substance] = []
            var lines: [Int] = []
            var records: [Int] = []
            var cursor = XMLBatchCursor()
            while let batch = try chunker.next() {
                var r = ReaxysSubstanceReader().parse(batch, file: path)
                cursor.place(&r, leadingLines: batch.leadingLines)
                parts += r.records
                lines += r.log.problems.compactMap(\.position.line)
                records += r.log.problems.compactMap(\.position.record)
            }
            #expect(records == log.problems.compactMap(\.position.record), "target \(target)")
            #expect(parts == whole, "target \(target)")
            #expect(lines == log.problems.compactMap(\.position.line), "target \(target)")
        }
    }
}
