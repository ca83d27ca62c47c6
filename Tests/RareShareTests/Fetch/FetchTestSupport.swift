import Foundation
import Testing
@testable import RareShare

/// One fetch run against a replay server, with what it left on disk.
struct FetchRun {
    var summary: FetchSummary
    var lines: [String]
    var notFound: [String]
    var waits: [Double]
}

enum FetchHarness {
    /// Every DOI of the recorded works, in record order (139 distinct).
    static func recordedDOIs() throws -> [String] {
        var seen: Set<String> = []
        return try ReplayServer.recordedWorks().compactMap(\.doi).filter { seen.insert($0).inserted }
    }

    /// Fetches `dois` (and `titles`) from `server` into `folder/out`, with waits recorded, not spent.
    static func run(_ server: ReplayServer, dois: [String], titles: [TitleQuery] = [], folder: URL, out: String = "works.jsonl",
                    configure: (inout FetchSettings) -> Void = { _ in }) async throws -> FetchRun {
        var settings = FetchSettings()
        settings.apiURL = server.url
        settings.timeout = 5
        settings.retry = RetryPolicy(maxRetries: 3, baseDelay: 0.25, maxDelay: 4)
        configure(&settings)
        var targets = FetchTargets()
        for d in dois { targets.add(doi: d) }
        for t in titles { targets.add(title: t) }
        let recorder = SleepRecorder()
        var fetcher = WorksFetcher(settings: settings, transport: URLSessionTransport())
        fetcher.sleep = { await recorder.record($0) }
        let outPath = folder.appendingPathComponent(out).path
        let notFoundPath = folder.appendingPathComponent("not_found.tsv").path
        let summary = try await fetcher.run(targets, output: outPath, notFoundPath: notFoundPath)
        return FetchRun(summary: summary, lines: try textLines(outPath), notFound: try textLines(notFoundPath), waits: await recorder.waits)
    }

    /// The lines of a file (gunzipped when it is gzip), without line breaks; fails on a last line without one.
    static func textLines(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let source = try ByteSource(path: path)
        var bytes: [UInt8] = []
        while let c = try source.nextChunk() { bytes += c }
        if let last = bytes.last { #expect(last == 0x0A, "file does not end with a whole line", sourceLocation: sourceLocation) }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The normalised DOI of each output line.
    static func dois(of lines: [String]) -> [String?] {
        lines.map { line in
            let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (o?["doi"] as? String).flatMap { DOI.normalize($0) }
        }
    }

    static func object(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
    }
}
