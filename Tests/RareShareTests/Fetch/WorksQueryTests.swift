import Testing
@testable import RareShare

@Suite struct WorksQueryTests {
    @Test func batchesHoldAtMostOneHundredDOIs() {
        let dois = (1...250).map { "10.1000/x\($0)" }
        let batches = WorksQuery(settings: FetchSettings()).batches(dois)
        #expect(batches.map(\.count) == [100, 100, 50])
        #expect(batches.flatMap { $0 } == dois)
    }

    @Test func batchesFitTheURLLimitWithRoomForACursor() {
        // 100 DOIs of 60 bytes would make a URL of about 6,300 bytes.
        let dois = (1...100).map { "10.1000/" + String(repeating: "a", count: 48) + String(format: "%04d", $0) }
        var settings = FetchSettings()
        settings.mailto = "someone@example.org"
        let query = WorksQuery(settings: settings)
        let batches = query.batches(dois)
        #expect(batches.count == 2)
        #expect(batches.flatMap { $0 } == dois)
        for b in batches {
            #expect(query.batchURL(b, cursor: "*").utf8.count + WorksQuery.cursorReserve <= 4094)
        }
        // The first batch is as full as the limit allows: one more DOI would not fit.
        let longer = query.batchURL(Array(dois.prefix(batches[0].count + 1)), cursor: "*").utf8.count
        #expect(longer + WorksQuery.cursorReserve > 4094)
        // Messages show the start of a long filter and how many values it has.
        let shown = WorksQuery.redacted(query.batchURL(batches[0], cursor: "*"))
        #expect(shown.contains("…(\(batches[0].count) values)&per-page=200"))
        #expect(shown.utf8.count < 300)
    }

    @Test func urlNamesFilterPageSizeSelectAndIdentity() {
        var settings = FetchSettings()
        settings.apiURL = "https://api.openalex.org/"
        settings.mailto = "a+b@example.org"
        settings.apiKey = "k3y"
        let url = WorksQuery(settings: settings).batchURL(["10.1016/s0048-9697(99)00312-5", "10.1659/0276-4741(2005)025[0206:pfbcs]2.0.co;2"], cursor: "*")
        #expect(url == "https://api.openalex.org/works?filter=doi:10.1016/s0048-9697(99)00312-5%7C10.1659/0276-4741(2005)025%5B0206:pfbcs%5D2.0.co%3B2"
                + "&per-page=200&select=id,doi,title,publication_year,type,authorships&cursor=*&mailto=a%2Bb%40example.org&api_key=k3y")
        #expect(WorksQuery.redacted(url).hasSuffix("&api_key=…"))
    }

    @Test func fullRecordsAskForNoSelect() {
        var settings = FetchSettings()
        settings.full = true
        #expect(!WorksQuery(settings: settings).batchURL(["10.1/a"], cursor: "*").contains("select="))
    }

    @Test func doisWithFilterSyntaxAreAskedAlone() {
        #expect(WorksQuery.needsSingleLookup("10.1000/a,b"))
        #expect(WorksQuery.needsSingleLookup("10.1000/a|b"))
        #expect(!WorksQuery.needsSingleLookup("10.1659/0276-4741(2005)025[0206:pfbcs]2.0.co;2"))
        #expect(WorksQuery(settings: FetchSettings()).singleURL("doi:10.1000/a,b")
                == "https://api.openalex.org/works/doi:10.1000/a%2Cb?select=id,doi,title,publication_year,type,authorships")
    }

    @Test func titleKeysFoldCaseAccentsAndPunctuation() {
        #expect(TitleKey.normalize("Über  die Synthese: Teil II.") == "uber die synthese teil ii")
        #expect(TitleKey.normalize("The little biodiversity finance book : a guide to proactive investment in natural capital (PINC)")
                == "the little biodiversity finance book a guide to proactive investment in natural capital pinc")
        #expect(TitleKey.normalize("  — ") == "")
    }

    @Test func backoffDoublesUpToItsCap() {
        let p = RetryPolicy(maxRetries: 8, baseDelay: 1, maxDelay: 10)
        #expect((1...6).map(p.backoff(retry:)) == [1, 2, 4, 8, 10, 10])
    }

    @Test func retryAfterReadsSecondsAndDates() {
        #expect(OpenAlexClient.retryAfter("7") == 7)
        #expect(OpenAlexClient.retryAfter(" 2.5 ") == 2.5)
        #expect(OpenAlexClient.retryAfter(nil) == nil)
        #expect(OpenAlexClient.retryAfter("soon") == nil)
        #expect(OpenAlexClient.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT") == 0)   // in the past: at once
    }
}
