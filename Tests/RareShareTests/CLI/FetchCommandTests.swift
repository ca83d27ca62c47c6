import Foundation
import Testing
@testable import RareShare

/// `rareshare fetch` end to end, against the replay server.
@Suite struct FetchCommandTests {
    private func withServer(_ config: String = "{}", _ body: (ReplayServer, URL) async throws -> Void) async throws {
        let server = try ReplayServer(config: config)
        let folder = try Fixture.temporaryFolder()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
        try await body(server, folder)
    }

    /// The recorded works that have a DOI, as full records, one a line; and their DOIs.
    private func writeOriginals(in folder: URL) throws -> (works: String, dois: String) {
        let works = try ReplayServer.recordedWorks().filter { $0.doi != nil }
        var text = ""
        for w in works { text += String(decoding: try JSONSerialization.data(withJSONObject: w.json), as: UTF8.self) + "\n" }
        let worksPath = folder.appendingPathComponent("originals.jsonl").path
        try text.write(toFile: worksPath, atomically: true, encoding: .utf8)
        let doisPath = folder.appendingPathComponent("dois.txt").path
        // Written as users have them: resolver URLs, upper case, a repeat, a comment and a line that is no DOI.
        let lines = ["# DOIs of the recorded works"] + works.map { "https://doi.org/" + $0.doi!.uppercased() } + [works[0].doi!, "not a doi"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: doisPath, atomically: true, encoding: .utf8)
        return (worksPath, doisPath)
    }

    @Test func analyzeOnFetchedWorksGivesTheTablesOfTheOriginals() async throws {
        try await withServer { server, folder in
            let (originals, dois) = try writeOriginals(in: folder)
            let out = folder.appendingPathComponent("works.jsonl.gz").path
            let fetch = try CommandRunner.run(["fetch", "--dois", dois, "--out", out, "--api-url", server.url])
            #expect(fetch.status == 0)
            #expect(fetch.stderr.contains("rareshare: \(dois):142: line: \"not a doi\" is not a DOI"))
            #expect(fetch.stderr.contains("DOIs: 139 distinct in the inputs (1 repeats dropped)\nasked 139: found 139, not found 0\nrequests: 2, retries: 0\n"))
            let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: out)).read(upToCount: 2)
            #expect(head == Data([0x1F, 0x8B]))
            let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
            #expect(try CommandRunner.run(["analyze", "--works", originals, "--out", a, "-q"]).status == 0)
            #expect(try CommandRunner.run(["analyze", "--works", out, "--out", b, "-q"]).status == 0)
            // files.tsv, quality.txt and run.json describe the input files themselves; measures.json names them too.
            let tables = try FileManager.default.contentsOfDirectory(atPath: a)
                .filter { !["files.tsv", "quality.txt", "run.json"].contains($0) }.sorted()
            #expect(tables.count == 12)   // the paper's 8, Crossovers, Counting_rules and two Method_comparison tables
            for t in tables {
                func content(_ folder: String) throws -> [Substring] {
                    try String(contentsOfFile: folder + "/" + t, encoding: .utf8).split(separator: "\n")
                        .filter { !$0.hasPrefix("    \"works\": ") && !$0.hasPrefix("    \"out\": ") }
                }
                #expect(try content(a) == content(b), "\(t) differs")
            }
            #expect(try String(contentsOfFile: a + "/Country_weighted_allSubs.tsv", encoding: .utf8).contains("\nUS\t"))
        }
    }

    @Test func doisOfCitationExportsAreNormalisedAndDeduplicated() async throws {
        try await withServer { server, folder in
            let out = folder.appendingPathComponent("w.jsonl").path
            let r = try CommandRunner.run(["fetch", "--citations", Fixture.path("demo/citations"), "--out", out, "--api-url", server.url])
            #expect(r.status == 0)
            #expect(r.stderr.hasPrefix("DOIs: 7 distinct in the inputs\nasked 7: found 0, not found 7\n"
                                       + "citations with nothing to look up (no DOI): 1\nrequests: 1, retries: 0\n"))
            let request = try #require(try server.requests().first)
            #expect(request.query["filter"] == "doi:10.1000/a1|10.1000/a2|10.1000/a3|10.1000/a4|10.1000/a5|10.1000/a7|10.1000/a8")
            let notFound = try String(contentsOfFile: folder.appendingPathComponent("not_found.tsv").path, encoding: .utf8)
            #expect(notFound.hasPrefix("doi\ttitle\tyear\treason\n10.1000/a1\t\t\tno OpenAlex work has this DOI\n"))
        }
    }

    @Test func ctrlCLeavesWholeLinesAndTheNextRunAsksOnlyForTheRest() async throws {
        // The second batch's answer is slow; Ctrl-C arrives while it is awaited.
        // The delay outlasts any wait of a loaded test machine; Ctrl-C must not wait for it.
        try await withServer(#"{"faults": [{"nth": 2, "delay": 1200}]}"#) { server, folder in
            let (_, dois) = try writeOriginals(in: folder)
            let out = folder.appendingPathComponent("works.jsonl").path
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["fetch", "--dois", dois, "--out", out, "--api-url", server.url, "--timeout", "1500"]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var waited = 0
            while try server.requests().count < 2, waited < 600 { try await Task.sleep(nanoseconds: 50_000_000); waited += 1 }
            try await Task.sleep(nanoseconds: 200_000_000)
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            #expect(process.terminationStatus == 130)
            let first = try FetchHarness.textLines(out)
            #expect(first.count == 100)
            let again = try CommandRunner.run(["fetch", "--dois", dois, "--out", out, "--api-url", server.url])
            #expect(again.status == 0)
            #expect(again.stderr.contains("100 answered by an earlier run"))
            let log = try server.requests()
            try #require(log.count == 3)
            #expect(log[2].dois == 39)
            let all = FetchHarness.dois(of: try FetchHarness.textLines(out)).compactMap { $0 }
            #expect(all.count == 139 && Set(all).count == 139)
        }
    }

    @Test func aRefusedKeyExitsWith77AndSaysWhatToDo() async throws {
        try await withServer(#"{"require_key": "s3cret"}"#) { server, folder in
            let (_, dois) = try writeOriginals(in: folder)
            let out = folder.appendingPathComponent("w.jsonl").path
            let r = try CommandRunner.run(["fetch", "--dois", dois, "--out", out, "--api-url", server.url, "--api-key", "nope", "-q"])
            #expect(r.status == 77)
            #expect(r.stderr.contains("error: HTTP 403 from http://127.0.0.1:\(server.port)/works?"))
            #expect(r.stderr.contains("the API key was refused: check --api-key (or OPENALEX_API_KEY)"))
        }
    }

    @Test(arguments: [
        (["fetch", "--out", "w.jsonl"], "name what to fetch"),
        (["fetch", "--dois", "d.txt", "--out", "w.jsonl", "--per-page", "500"], "--per-page must be between 1 and 200"),
        (["fetch", "--dois", "d.txt", "--out", "w.jsonl", "--titles"], "--titles looks up citations without a DOI; it needs --citations."),
        (["fetch", "--dois", "d.txt", "--out", "w.jsonl", "--timeout", "0.5"], "--timeout must be at least 1 second"),
    ])
    func badOptionsAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let r = try CommandRunner.run(arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message))
    }

    @Test func maxRequestsExits75AndSaysHowToContinue() async throws {
        try await withServer { server, folder in
            let (_, dois) = try writeOriginals(in: folder)
            let out = folder.appendingPathComponent("w.jsonl").path
            let r = try CommandRunner.run(["fetch", "--dois", dois, "--out", out, "--api-url", server.url, "--max-requests", "1"])
            #expect(r.status == 75)
            #expect(r.stderr.contains("stopped at --max-requests: 39 left; run the same command again to continue"))
        }
    }
}
