import Foundation
import Testing
@testable import RareShare

/// Rate limits, server errors, timeouts and refused keys, injected by the replay server.
@Suite struct FetchRetryTests {
    static func dois() throws -> [String] { Array(try FetchHarness.recordedDOIs().prefix(10)) }

    private func withServer(_ config: String, _ body: (ReplayServer, URL) async throws -> Void) async throws {
        let server = try ReplayServer(config: config)
        let folder = try Fixture.temporaryFolder()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
        try await body(server, folder)
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        try await withServer(#"{"faults": [{"nth": 1, "status": 429, "retry_after": "3"}]}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder)
            #expect(run.waits == [3])
            #expect(try server.requests().map(\.status) == [429, 200])
            #expect(run.summary.requests == 2)
            #expect(run.summary.retries == 1)
            #expect(run.summary.doisFound == 10)
            #expect(run.summary.stop == .finished)
        }
    }

    @Test func aRetryAfterBeyondTheCapStopsTheRun() async throws {
        try await withServer(#"{"faults": [{"nth": 1, "status": 429, "retry_after": "86400"}]}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder)
            #expect(run.waits == [])
            guard case .failed(let message, let code) = run.summary.stop else { Issue.record("not stopped"); return }
            #expect(code == 75)
            #expect(message.contains("asks to wait 86400 s"))
            #expect(run.lines.isEmpty)
        }
    }

    @Test func serverErrorsBackOffExponentially() async throws {
        try await withServer(#"{"faults": [{"nth": 1, "status": 503}, {"nth": 2, "status": 500}, {"nth": 3, "status": 502}]}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder)
            #expect(run.waits == [0.25, 0.5, 1])
            #expect(try server.requests().map(\.status) == [503, 500, 502, 200])
            #expect(run.summary.retries == 3)
            #expect(run.lines.count == 10)
        }
    }

    @Test func givesUpAfterTheLastRetry() async throws {
        let faults = (1...4).map { #"{"nth": \#($0), "status": 503}"# }.joined(separator: ",")
        try await withServer(#"{"faults": [\#(faults)]}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder)
            #expect(try server.requests().count == 4)   // the first try and 3 retries
            guard case .failed(let message, let code) = run.summary.stop else { Issue.record("not stopped"); return }
            #expect(code == 69)
            #expect(message.hasPrefix("HTTP 503 from http://127.0.0.1:\(server.port)/works?filter=doi:"))
            #expect(message.contains("after 4 attempts"))
            #expect(run.lines.isEmpty)
            #expect(run.notFound == [NotFoundFile.header])
        }
    }

    /// URLSession on Linux waits whole seconds only (0.9 s would fail at once), hence 1.
    @Test func aSlowAnswerTimesOutAndIsAskedAgain() async throws {
        try await withServer(#"{"faults": [{"nth": 1, "delay": 4}]}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder) { $0.timeout = 0.6 }
            #expect(run.waits == [0.25])
            #expect(try server.requests().count == 2)
            #expect(run.summary.retries == 1)
            #expect(run.lines.count == 10)
        }
    }

    @Test func aMissingKeyStopsWithAMessageAboutTheKey() async throws {
        try await withServer(#"{"require_key": "s3cret"}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder)
            guard case .failed(let message, let code) = run.summary.stop else { Issue.record("not stopped"); return }
            #expect(code == 77)
            #expect(message.contains("HTTP 401"))
            #expect(message.contains("pass --api-key KEY or set OPENALEX_API_KEY"))
            #expect(try server.requests().count == 1)   // never retried
        }
    }

    @Test func aWrongKeyIsNamedAndHidden() async throws {
        try await withServer(#"{"require_key": "s3cret"}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder) { $0.apiKey = "wrong" }
            guard case .failed(let message, let code) = run.summary.stop else { Issue.record("not stopped"); return }
            #expect(code == 77)
            #expect(message.contains("HTTP 403"))
            #expect(message.contains("the API key was refused"))
            #expect(!message.contains("wrong"))
            #expect(message.contains("api_key=…"))
        }
    }

    @Test func theRightKeyIsSent() async throws {
        try await withServer(#"{"require_key": "s3cret"}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: try Self.dois(), folder: folder) {
                $0.apiKey = "s3cret"
                $0.mailto = "someone@example.org"
            }
            #expect(run.summary.stop == .finished)
            let request = try #require(try server.requests().first)
            #expect(request.query["api_key"] == "s3cret")
            #expect(request.query["mailto"] == "someone@example.org")
        }
    }
}
