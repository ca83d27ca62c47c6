import Foundation
@testable import RareShare

/// The OpenAlex replay server (`Tests/ReplayServer/openalex_replay.py`) on
/// 127.0.0.1 at a free port, serving the shared corpus's real OpenAlex
/// records; stopped when the value is released or by ``stop()``.
final class ReplayServer: @unchecked Sendable {   // fields set once in init; `process` only terminated after
    /// One request as the server logged it.
    struct Request {
        var number: Int
        var path: String
        var urlBytes: Int
        var query: [String: String]
        /// DOI values in the request's `filter=doi:…`, if any.
        var dois: Int?
        var status: Int
    }

    static let script = Fixture.root.appendingPathComponent("Tests/ReplayServer/openalex_replay.py").path
    /// The real recorded works the server answers with.
    static let records = ["openalexPro__biodiversity_finance_200.jsonl", "openalexPro__keypaper_results_page_1.json",
                          "openalex-python__W2741809807.json"].map { Fixture.shared("corpora/openalex-json/" + $0) }

    let port: Int
    let folder: URL
    let logPath: String
    private let process: Process
    private let stdin = Pipe()

    var url: String { "http://127.0.0.1:\(port)" }

    /// Starts the server; `config` is the JSON of its faults (see the script's doc string).
    init(config: String = "{}") throws {
        folder = try Fixture.temporaryFolder()
        logPath = folder.appendingPathComponent("requests.log").path
        let configPath = folder.appendingPathComponent("config.json").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--records"] + Self.records + ["--config", configPath, "--log", logPath, "--lifetime", "3600"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = stdin   // the server stops when this closes, so it never outlives the tests
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let d = out.fileHandleForReading.availableData
            if d.isEmpty { break }
            line += d
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let p = Int(text.dropFirst(5)) else {
            process.terminate()
            throw ServerFailure(message: "replay server did not start: \(text)")
        }
        port = p
    }

    deinit { stop() }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }

    /// Every request so far, in order.
    func requests() throws -> [Request] {
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        let whole = text.hasSuffix("\n") ? Substring(text) : text[..<(text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex)]
        return try whole.split(separator: "\n").map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return Request(number: o["n"] as? Int ?? 0, path: o["path"] as? String ?? "", urlBytes: o["url_bytes"] as? Int ?? 0,
                           query: o["query"] as? [String: String] ?? [:], dois: o["dois"] as? Int, status: o["status"] as? Int ?? 0)
        }
    }

    /// The real works the server holds (full records, one JSON object each), by normalised DOI.
    static func recordedWorks() throws -> [(doi: String?, id: String, json: [String: Any])] {
        var out: [(String?, String, [String: Any])] = []
        var seen: Set<String> = []
        for path in records {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            var objects: [[String: Any]] = []
            if let value = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                objects = (value["results"] as? [[String: Any]]) ?? [value]
            } else {
                for line in data.split(separator: 0x0A) where !line.isEmpty {
                    if let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] { objects.append(o) }
                }
            }
            for o in objects {
                let id = o["id"] as? String ?? ""
                if seen.insert(id).inserted { out.append(((o["doi"] as? String).flatMap { DOI.normalize($0) }, id, o)) }
            }
        }
        return out
    }

    struct ServerFailure: Error { var message: String }
}

/// Records the waits a fetcher asks for and returns at once, so retry tests
/// check the exact delays without spending them.
actor SleepRecorder {
    private(set) var waits: [Double] = []
    func record(_ s: Double) { waits.append(s) }
}
