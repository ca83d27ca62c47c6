import Foundation
import Testing
@testable import RareShare

/// Fetching against the replay server: batching, limits, paging, output.
@Suite struct FetchBatchTests {
    static let missing = ["10.9999/not-in-openalex-1", "10.9999/not-in-openalex-2", "10.9999/not-in-openalex-3"]

    @Test func fetchesEveryRecordedDOIInBatchesWithinTheLimits() async throws {
        let server = try ReplayServer()
        let folder = try Fixture.temporaryFolder()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
        let dois = try FetchHarness.recordedDOIs()
        #expect(dois.count == 139)
        let run = try await FetchHarness.run(server, dois: dois + Self.missing, folder: folder)
        let requests = try server.requests()
        #expect(requests.map(\.dois) == [100, 42])
        #expect(requests.allSatisfy { $0.urlBytes <= 4094 && $0.status == 200 && $0.path == "/works" })
        #expect(requests.allSatisfy { $0.query["select"] == "id,doi,title,publication_year,type,authorships" && $0.query["per-page"] == "200" })
        #expect(requests.allSatisfy { $0.query["cursor"] == "*" })
        #expect(run.summary.doisAsked == 142)
        #expect(run.summary.doisFound == 139)
        #expect(run.summary.doisNotFound == 3)
        #expect(run.summary.requests == 2)
        #expect(run.summary.retries == 0)
        #expect(run.lines.count == 139)
        #expect(Set(FetchHarness.dois(of: run.lines).compactMap { $0 }) == Set(dois))
        #expect(run.notFound == ["doi\ttitle\tyear\treason"] + Self.missing.map { "\($0)\t\t\tno OpenAlex work has this DOI" })
        // Only the selected fields come back, in the record's order.
        let first = FetchHarness.object(run.lines[0])
        #expect(Set(first.keys) == ["id", "doi", "title", "publication_year", "type", "authorships"])
    }

    @Test func urlLimitCutsBatchesOfLongDOIsEarlier() async throws {
        let server = try ReplayServer()
        let folder = try Fixture.temporaryFolder()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
        // 100 made-up DOIs of 70 bytes: 100 in one filter would be a 7,600-byte URL, which the server refuses (414).
        let long = (1...100).map { "10.9999/" + String(repeating: "z", count: 58) + String(format: "%04d", $0) }
        let run = try await FetchHarness.run(server, dois: long, folder: folder)
        let requests = try server.requests()
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.status == 200 && $0.urlBytes <= 4094 - WorksQuery.cursorReserve })
        #expect(requests.compactMap(\.dois).reduce(0, +) == 100)
        #expect(run.summary.doisNotFound == 100)
        #expect(run.summary.stop == .finished)
    }

    @Test func pagesWithTheCursorWhenABatchHasMoreResultsThanAPage() async throws {
        let server = try ReplayServer()
        let folder = try Fixture.temporaryFolder()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
        let dois = Array(try FetchHarness.recordedDOIs().prefix(5))
        let run = try await FetchHarness.run(server, dois: dois, folder: folder) { $0.perPage = 2 }
        let requests = try server.requests()
        // 5 results, 2 a page: 3 pages; the last page's cursor is not followed (all 5 are in).
        try #require(requests.count == 3)
        #expect(requests[0].query["cursor"] == "*")
        #expect(requests[1].query["cursor"] != nil && requests[1].query["cursor"] != "*")
        #expect(requests[2].query["cursor"] != requests[1].query["cursor"])
        #expect(requests.allSatisfy { $0.query["per-page"] == "2" && $0.dois == 5 })
        #expect(FetchHarness.dois(of: run.lines) == dois)
        #expect(run.summary.requests == 3)
    }

    @Test func outputIsTheSameForAnyConcurrency() async throws {
        let dois = try FetchHarness.recordedDOIs() + Self.missing
        var outputs: [[String]] = []
        for concurrency in [1, 3] {
            let server = try ReplayServer()
            let folder = try Fixture.temporaryFolder()
            defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
            let run = try await FetchHarness.run(server, dois: dois, folder: folder) {
                $0.maxValuesPerRequest = 20
                $0.concurrency = concurrency
            }
            #expect(run.summary.requests == 8)
            outputs.append(run.lines + run.notFound)
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func gzipOutputIsWholeGzipMembers() async throws {
        let server = try ReplayServer()
        let folder = try Fixture.temporaryFolder()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
        let dois = try FetchHarness.recordedDOIs()
        let run = try await FetchHarness.run(server, dois: dois, folder: folder, out: "works.jsonl.gz") { $0.maxValuesPerRequest = 50 }
        #expect(run.lines.count == 139)
        let path = folder.appendingPathComponent("works.jsonl.gz").path
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let scan = try GzipMembers.scan(fileDescriptor: fd) { _ in }
        #expect(scan.members == 3)   // one per batch of 50, 50, 39
        #expect(scan.completeBytes == scan.fileBytes)
    }
}
