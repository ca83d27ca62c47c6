import Foundation
import Testing
@testable import RareShare

/// Damaged gzip inputs, generated from good exports: a member cut short, zero
/// padding or junk after the data, a corrupt deflate stream. Every complete
/// record before the damage is kept, the same for 1, 2 and 8 threads, and the
/// problem says how many were kept.
@Suite struct GzipDamageTests {
    /// The ways a compressed file is damaged; `n` records of the plain text come before the damage.
    enum Damage: String, CaseIterable, Sendable {
        /// gzip(first n records) + the 10-byte header of gzip(rest): cut right after a member starts.
        case cutAtMember
        /// gzip(first n records) + gzip(rest) with its first deflate block of reserved type 3.
        case corruptDeflate
        /// gzip(all) + 1024 zero bytes.
        case zeroPadding
        /// gzip(all) + some text.
        case junkAfter
    }

    /// A generated export: its text and the byte offset after each record.
    struct Export {
        var header: [UInt8]
        var records: [[UInt8]]
        var footer: [UInt8]
        var all: [UInt8] { header + records.joined() + footer }
        func prefix(_ n: Int) -> [UInt8] { header + records.prefix(n).joined() }
        func rest(_ n: Int) -> [UInt8] { Array(records.dropFirst(n).joined()) + footer }
    }

    static let demo = Fixture.path("demo")

    /// `count` records cut from a demo Reaxys file, repeated in order.
    static func reaxys(_ relative: String, element: String, count: Int) throws -> Export {
        let text = try String(contentsOfFile: demo + "/" + relative, encoding: .utf8)
        let open = "  <\(element) ", close = "</\(element)>\n"
        let first = try #require(text.range(of: open)), last = try #require(text.range(of: close, options: .backwards))
        let body = String(text[first.lowerBound..<last.upperBound])
        let pieces = body.components(separatedBy: close).filter { !$0.isEmpty }.map { Array(($0 + close).utf8) }
        return Export(header: Array(text[..<first.lowerBound].utf8), records: (0..<count).map { pieces[$0 % pieces.count] },
                      footer: Array(text[last.upperBound...].utf8))
    }

    /// An export of one record per line after `headerLines` lines.
    static func lines(_ path: String, headerLines: Int) throws -> Export {
        let data = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) + [0x0A] }
        if lines.last == [0x0A] { lines.removeLast() }
        return Export(header: Array(lines.prefix(headerLines).joined()), records: Array(lines.dropFirst(headerLines)), footer: [])
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try Data(bytes).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", input.path]
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return Array(try Data(contentsOf: output))
    }

    static func damaged(_ export: Export, _ damage: Damage, before n: Int) throws -> [UInt8] {
        switch damage {
        case .cutAtMember:
            return try gzip(export.prefix(n)) + gzip(export.rest(n)).prefix(10)
        case .corruptDeflate:
            var second = try gzip(export.rest(n))
            second[10] |= 0x06   // BTYPE = 11: reserved, "invalid block type"
            return try gzip(export.prefix(n)) + second
        case .zeroPadding:
            return try gzip(export.all) + [UInt8](repeating: 0, count: 1024)
        case .junkAfter:
            return try gzip(export.all) + Array("not gzip\n".utf8)
        }
    }

    enum Kind: String, CaseIterable, Sendable { case substances, citations, worksJSONLines, worksTabDelimited }

    /// Runs the pipeline with the damaged file in place of one kind of input; the file's statistics and problems.
    static func run(_ kind: Kind, _ bytes: [UInt8], threads: Int) async throws -> (ReadStatistics, [Problem]) {
        let dir = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let damaged = dir.appendingPathComponent("damaged.gz")
        try Data(bytes).write(to: damaged)
        var o = AnalysisOptions()
        o.threads = threads
        o.batchBytes = 2048
        o.workFiles = try InputFiles.expand([demo + "/works"])
        o.substanceFiles = try InputFiles.expand([demo + "/substances"])
        o.citationFiles = [demo + "/citations/citations.xml"]
        switch kind {
        case .substances: o.substanceFiles = [damaged.path]
        case .citations: o.citationFiles = [damaged.path]
        case .worksJSONLines, .worksTabDelimited:
            o.workFiles = [damaged.path]
            o.substanceFiles = []
            o.citationFiles = []
        }
        let quality = try await AnalysisPipeline(options: o).run().quality
        let stats = try #require(quality.files.first { $0.file == damaged.path })
        return (stats, quality.problems.problems.filter { $0.position.file == damaged.path })
    }

    static func export(_ kind: Kind) throws -> Export {
        switch kind {
        case .substances: try reaxys("substances/substances-1.xml", element: "substance", count: 300)
        case .citations: try reaxys("citations/citations.xml", element: "citation", count: 300)
        case .worksJSONLines: try lines(Fixture.shared("corpora/openalex-json/openalexPro__biodiversity_finance_200.jsonl"), headerLines: 0)
        case .worksTabDelimited: try lines(Fixture.shared("corpora/wos-tab/scientopy__wos_2017.txt"), headerLines: 1)
        }
    }

    /// Records before the damage: not a batch boundary for 2048-byte batches.
    static let kept = 101

    @Test(arguments: Kind.allCases, Damage.allCases)
    func completeRecordsBeforeTheDamageAreKept(_ kind: Kind, _ damage: Damage) async throws {
        let export = try Self.export(kind)
        let bytes = try Self.damaged(export, damage, before: Self.kept)
        let loses = damage == .cutAtMember || damage == .corruptDeflate
        let expected = loses ? Self.kept : export.records.count
        for threads in [1, 2, 8] {
            let (stats, problems) = try await Self.run(kind, bytes, threads: threads)
            #expect(stats.recordsRead == expected, "\(kind) \(damage) threads \(threads)")
            #expect(stats.recordsUsed + stats.recordsSkipped == stats.recordsRead)
            let gzipProblems = problems.filter { $0.reason.contains("gzip") }
            #expect(gzipProblems.count == 1, "\(kind) \(damage) threads \(threads): \(problems)")
            let problem = try #require(gzipProblems.first)
            if loses {
                #expect(problem.severity == .truncated)
                #expect(problem.reason.hasSuffix("the \(Self.kept) complete \(Self.recordKind(kind))s before it were kept"),
                        "\(problem.reason)")
            } else {
                #expect(problem.severity == .warning)
                #expect(problem.reason == (damage == .zeroPadding ? "1024 zero byte(s) of padding after the gzip data were ignored"
                                                                  : "9 byte(s) after the gzip data are not gzip and were ignored"))
            }
            if damage == .corruptDeflate {
                #expect(problem.reason.contains("(zlib Z_DATA_ERROR: invalid block type)"), "\(problem.reason)")
            }
        }
    }

    static func recordKind(_ kind: Kind) -> String {
        switch kind {
        case .substances: "substance record"
        case .citations: "citation record"
        case .worksJSONLines: "work record"
        case .worksTabDelimited: "record"
        }
    }

    /// A single member cut anywhere keeps exactly the records whose text
    /// zlib could give before the cut (what `gzip -dc` writes is the oracle).
    @Test(arguments: [Kind.substances, .worksJSONLines])
    func memberCutAnywhereKeepsWhatCouldBeDecompressed(_ kind: Kind) async throws {
        let export = try Self.export(kind)
        let whole = try Self.gzip(export.all)
        for fraction in [0.31, 0.62, 0.93] {
            let cut = Array(whole.prefix(Int(Double(whole.count) * fraction)))
            let prefix = try Self.gunzipPrefix(cut)
            let complete = Self.completeRecords(in: prefix, of: export)
            // A record begun before the cut is read and skipped.
            let begun = prefix.count > Self.bytes(ofRecords: complete, in: export) + 20 ? 1 : 0
            for threads in [1, 2, 8] {
                let (stats, problems) = try await Self.run(kind, cut, threads: threads)
                #expect(stats.recordsRead == complete + begun, "\(kind) \(fraction) threads \(threads)")
                let problem = try #require(problems.first { $0.reason.contains("gzip data ends early") })
                #expect(problem.reason.hasSuffix("the \(complete) complete \(Self.recordKind(kind))s before it were kept"),
                        "\(kind) \(fraction) threads \(threads): \(problem.reason)")
            }
        }
    }

    static func bytes(ofRecords n: Int, in export: Export) -> Int {
        export.header.count + export.records.prefix(n).reduce(0) { $0 + $1.count }
    }

    /// Records of `export` wholly inside `prefix`.
    static func completeRecords(in prefix: [UInt8], of export: Export) -> Int {
        var end = export.header.count, n = 0
        for r in export.records {
            end += r.count
            if end > prefix.count { break }
            n += 1
        }
        return n
    }

    /// What the system's gzip writes for a damaged stream before it stops.
    static func gunzipPrefix(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.gz"), output = folder.appendingPathComponent("out")
        try Data(bytes).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", input.path]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: output))
    }
}
