/// Performs one ``FetchJob``: the pages of a batch (cursor paging), the
/// works whose author lists were cut (fetched again alone), a single DOI, or
/// a title search with its exact-match rule.
struct JobRunner: Sendable {
    let client: OpenAlexClient
    let query: WorksQuery
    let settings: FetchSettings

    func run(_ job: FetchJob) async throws -> JobOutcome {
        switch job {
        case .batch(let dois): try await batch(dois)
        case .single(let doi): try await single(doi)
        case .title(let q): try await title(q)
        }
    }

    /// Every page of `filter=doi:…` (cursor paging until `meta.count` results
    /// are in, or a page comes back empty or without a next cursor).
    private func batch(_ dois: [String]) async throws -> JobOutcome {
        var works: [FetchedWork] = []
        var outcome = JobOutcome()
        var cursor = "*"
        do {
            while true {
                let url = query.batchURL(dois, cursor: cursor)
                let page = try await self.page(url)
                works += page.results
                guard !page.results.isEmpty, let next = page.nextCursor, works.count < (page.count ?? Int.max) else { break }
                cursor = next
            }
        } catch is BudgetSpent {
            outcome.complete = false
        }
        if outcome.complete {
            outcome = await completeAuthors(works, into: outcome)
        } else {
            for w in works where !isCut(w) { outcome.lines.append(w.line) }
        }
        let asked = Set(dois)
        let found = Set(works.compactMap(\.doi)).intersection(asked)
        outcome.found = found.count
        if outcome.complete {
            outcome.notFound = dois.filter { !found.contains($0) }
                .map { NotFoundRow(doi: $0, reason: "no OpenAlex work has this DOI") }
        }
        return outcome
    }

    /// Replaces each listed work whose authors were cut by the work fetched
    /// alone (never cut); stops early, keeping only whole works, if the budget runs out.
    private func completeAuthors(_ works: [FetchedWork], into start: JobOutcome) async -> JobOutcome {
        var outcome = start
        for w in works {
            guard isCut(w) else { outcome.lines.append(w.line); continue }
            guard outcome.complete, let id = w.shortID else {
                if outcome.complete { outcome.notes.append("\(w.doi ?? "?"): author list cut and no id to fetch it again") }
                continue
            }
            do {
                let url = query.singleURL(id)
                if let whole = try await page(url).results.first {
                    outcome.lines.append(whole.line)
                    outcome.refetched += 1
                }
            } catch is BudgetSpent {
                outcome.complete = false
            } catch {
                outcome.notes.append("\(id): author list cut; fetching it alone failed: \(error)")
                outcome.lines.append(w.line)
            }
        }
        return outcome
    }

    private func single(_ doi: String) async throws -> JobOutcome {
        var outcome = JobOutcome()
        do {
            let url = query.singleURL("doi:" + doi)
            let response = try await client.get(url, acceptNotFound: true)
            if response.status == 404 {
                outcome.notFound = [NotFoundRow(doi: doi, reason: "no OpenAlex work has this DOI")]
                return outcome
            }
            let works = try Self.parse(response.body, url: url).results
            outcome.lines = works.map(\.line)
            outcome.found = works.contains { $0.doi == doi } ? 1 : 0
            if outcome.found == 0 { outcome.notFound = [NotFoundRow(doi: doi, reason: "the work OpenAlex gave has another DOI")] }
        } catch is BudgetSpent {
            outcome.complete = false
        }
        return outcome
    }

    /// A title search within the year; accepted only when exactly one work
    /// has the same normalised title and the same year.
    private func title(_ q: TitleQuery) async throws -> JobOutcome {
        var outcome = JobOutcome()
        do {
            let results = try await page(query.titleURL(q)).results
            let matches = results.filter { $0.year == q.year && $0.title.map(TitleKey.normalize) == q.key }
            guard matches.count == 1, var match = matches.first else {
                let reason = matches.isEmpty ? "no OpenAlex work has this exact title and year"
                    : "\(matches.count) OpenAlex works have this exact title and year"
                outcome.notFound = [NotFoundRow(title: q.title, year: q.year, reason: reason)]
                return outcome
            }
            if isCut(match), let id = match.shortID, let whole = try await page(query.singleURL(id)).results.first {
                match = whole
                outcome.refetched = 1
            }
            outcome.lines = [match.flaggedTitleMatch(q)]
            outcome.titleMatches = 1
        } catch is BudgetSpent {
            outcome.complete = false
        }
        return outcome
    }

    /// The list was cut: OpenAlex says so, or the list is as long as the cut.
    private func isCut(_ w: FetchedWork) -> Bool { w.isAuthorsTruncated || w.authorCount >= settings.authorListLimit }

    private func page(_ url: String) async throws -> OpenAlexPage {
        try Self.parse(try await client.get(url).body, url: url)
    }

    private static func parse(_ body: [UInt8], url: String) throws -> OpenAlexPage {
        do { return try OpenAlexPage.parse(body) } catch {
            throw FetchError.malformedAnswer(url: WorksQuery.redacted(url), offset: error.offset, message: error.message)
        }
    }
}
