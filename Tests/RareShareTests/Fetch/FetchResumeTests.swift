import Foundation
import Testing
@testable import RareShare

/// A run stopped early (budget, torn tail) continues where it stopped; cut
/// author lists are fetched again; titles match only exactly.
@Suite struct FetchResumeTests {
    private func withServer(_ config: String = "{}", _ body: (ReplayServer, URL) async throws -> Void) async throws {
        let server = try ReplayServer(config: config)
        let folder = try Fixture.temporaryFolder()
        defer { server.stop(); try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: server.folder) }
        try await body(server, folder)
    }

    @Test func maxRequestsStopsCleanlyAndASecondRunAsksOnlyForTheRest() async throws {
        let dois = try FetchHarness.recordedDOIs() + FetchBatchTests.missing   // 142: 8 batches of 20 (the last 2)
        try await withServer { server, folder in
            let first = try await FetchHarness.run(server, dois: dois, folder: folder) {
                $0.maxValuesPerRequest = 20
                $0.maxRequests = 3
            }
            #expect(first.summary.stop == .budgetSpent)
            #expect(first.summary.requests == 3)
            #expect(first.summary.doisAsked == 60)
            #expect(Set(FetchHarness.dois(of: first.lines).compactMap { $0 }) == Set(dois.prefix(60)))
            #expect(first.summary.remaining == 82)
            #expect(try server.requests().count == 3)

            let second = try await FetchHarness.run(server, dois: dois, folder: folder) { $0.maxValuesPerRequest = 20 }
            #expect(second.summary.stop == .finished)
            #expect(second.summary.doisSkipped == 60)
            #expect(second.summary.doisAsked == 82)
            #expect(second.summary.worksBefore == 60)
            let log = try server.requests()
            #expect(log.count == 3 + 5)
            #expect(log.suffix(5).compactMap(\.dois) == [20, 20, 20, 20, 2])
            let found = FetchHarness.dois(of: second.lines).compactMap { $0 }
            #expect(found.count == 139)
            #expect(Set(found).count == 139)   // nothing fetched twice
            #expect(second.notFound.count == 1 + 3)

            let third = try await FetchHarness.run(server, dois: dois, folder: folder) { $0.maxValuesPerRequest = 20 }
            #expect(third.summary.requests == 0)   // the not-found DOIs are not asked again either
            #expect(third.summary.doisSkipped == 142)
        }
    }

    @Test func aTornTailIsCutAndItsWorksAskedAgain() async throws {
        let dois = try FetchHarness.recordedDOIs()
        try await withServer { server, folder in
            _ = try await FetchHarness.run(server, dois: dois, folder: folder) { $0.maxValuesPerRequest = 50; $0.maxRequests = 1 }
            let path = folder.appendingPathComponent("works.jsonl").path
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            let torn = #"{"id":"https://openalex.org/W1","doi":"https://doi.org/10.7717/peerj.4375","autho"#
            handle.write(Data(torn.utf8))
            try handle.close()
            let second = try await FetchHarness.run(server, dois: dois, folder: folder) { $0.maxValuesPerRequest = 50 }
            #expect(second.summary.cutBytes == torn.utf8.count)
            #expect(second.summary.worksBefore == 50)
            #expect(second.summary.doisAsked == 89)
            #expect(second.lines.count == 139)
            #expect(Set(FetchHarness.dois(of: second.lines).compactMap { $0 }) == Set(dois))
        }
    }

    @Test func aTornGzipMemberIsCutAndItsWorksAskedAgain() async throws {
        let dois = try FetchHarness.recordedDOIs()
        try await withServer { server, folder in
            _ = try await FetchHarness.run(server, dois: dois, folder: folder, out: "w.jsonl.gz") { $0.maxValuesPerRequest = 50; $0.maxRequests = 1 }
            let path = folder.appendingPathComponent("w.jsonl.gz").path
            let member = try GzipMembers.member(Array(String(repeating: "{\"doi\":\"10.1/x\"}\n", count: 50).utf8))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data(member.prefix(member.count / 2)))   // a member cut in the middle
            try handle.close()
            let second = try await FetchHarness.run(server, dois: dois, folder: folder, out: "w.jsonl.gz") { $0.maxValuesPerRequest = 50 }
            #expect(second.summary.cutBytes == member.count / 2)
            #expect(second.summary.worksBefore == 50)
            #expect(second.lines.count == 139)
        }
    }

    @Test func worksWithCutAuthorListsAreFetchedAgainAlone() async throws {
        let recorded = try ReplayServer.recordedWorks().filter { $0.doi != nil }
        let long = recorded.filter { (($0.json["authorships"] as? [Any])?.count ?? 0) > 2 }
        #expect(long.count == 46)
        try await withServer(#"{"truncate_authors_above": 2}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: recorded.compactMap(\.doi), folder: folder)
            #expect(run.summary.refetched == 46)
            #expect(run.summary.requests == 2 + 46)
            let singles = try server.requests().filter { $0.path.hasPrefix("/works/W") }
            #expect(Set(singles.map { String($0.path.dropFirst(7)) }) == Set(long.map { String($0.id.split(separator: "/").last!) }))
            // Every written work has its whole author list, and no cut flag.
            let authors = Dictionary(uniqueKeysWithValues: recorded.map { ($0.id, ($0.json["authorships"] as? [Any])?.count ?? 0) })
            for line in run.lines {
                let o = FetchHarness.object(line)
                #expect((o["authorships"] as? [Any])?.count == authors[o["id"] as? String ?? ""])
                #expect(o["is_authors_truncated"] == nil)
            }
        }
    }

    /// Without the flag (should a `select` drop it), a list as long as the cut is fetched again.
    @Test func listsAsLongAsTheCutAreFetchedAgainWithoutTheFlag() async throws {
        let recorded = try ReplayServer.recordedWorks().filter { $0.doi != nil }
        let atLeastTwo = recorded.filter { (($0.json["authorships"] as? [Any])?.count ?? 0) >= 2 }
        #expect(atLeastTwo.count == 46 + 29)
        try await withServer(#"{"truncate_authors_above": 2, "flag_with_select": false}"#) { server, folder in
            let run = try await FetchHarness.run(server, dois: recorded.compactMap(\.doi), folder: folder) { $0.authorListLimit = 2 }
            #expect(run.summary.refetched == atLeastTwo.count)
            let authors = Dictionary(uniqueKeysWithValues: recorded.map { ($0.id, ($0.json["authorships"] as? [Any])?.count ?? 0) })
            for line in run.lines {
                let o = FetchHarness.object(line)
                #expect((o["authorships"] as? [Any])?.count == authors[o["id"] as? String ?? ""])
            }
        }
    }

    @Test func titlesMatchOnlyExactlyAndSameYear() async throws {
        let queries = [
            TitleQuery(title: "The Little Biodiversity Finance Book: a guide to proactive investment in natural capital (PINC)", year: 2010),
            TitleQuery(title: "International conservation finance — using debt swaps and trust funds to foster conservation of biodiversity", year: 1994),
            TitleQuery(title: "Financing incentives for the protection of biodiversity", year: 1999),   // two works have it
            TitleQuery(title: "Financing biodiversity measures in Slovenian forests", year: 2011),      // it is 2010
            TitleQuery(title: "Financing biodiversity measures in Slovenian", year: 2010),              // only a prefix
        ]
        try await withServer { server, folder in
            let run = try await FetchHarness.run(server, dois: [], titles: queries, folder: folder)
            #expect(run.summary.titlesAsked == 5)
            #expect(run.summary.titlesMatched == 2)
            #expect(run.summary.requests == 5)
            #expect(run.lines.count == 2)
            let ids = run.lines.map { FetchHarness.object($0)["id"] as? String }
            #expect(ids == ["https://openalex.org/W1698421338", "https://openalex.org/W336525366"])
            #expect(run.lines.allSatisfy { $0.hasPrefix(#"{"rareshare_match":"title+year","rareshare_query":""#) })
            #expect(FetchHarness.object(run.lines[0])["rareshare_query"] as? String
                    == "2010|the little biodiversity finance book a guide to proactive investment in natural capital pinc")
            #expect(run.notFound == [NotFoundFile.header,
                                     "\tFinancing incentives for the protection of biodiversity\t1999\t2 OpenAlex works have this exact title and year",
                                     "\tFinancing biodiversity measures in Slovenian forests\t2011\tno OpenAlex work has this exact title and year",
                                     "\tFinancing biodiversity measures in Slovenian\t2010\tno OpenAlex work has this exact title and year"])
            let again = try await FetchHarness.run(server, dois: [], titles: queries, folder: folder)
            #expect(again.summary.requests == 0)
            #expect(again.summary.titlesSkipped == 5)
        }
    }
}
