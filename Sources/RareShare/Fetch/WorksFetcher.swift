/// Fetches the OpenAlex works of a list of DOIs (and title queries) into a
/// JSON Lines file that `analyze --works` reads.
///
/// The run is cut into jobs (``FetchJob``): DOI batches planned by
/// ``WorksQuery/batches(_:)``, DOIs that need a look-up of their own, title
/// searches. At most ``FetchSettings/concurrency`` jobs are in flight; their
/// outcomes are written in job order, each as one block, so the file is the
/// same for any concurrency and always ends with a whole line. Jobs already
/// answered by an earlier run (works in the output, rows in `not_found.tsv`)
/// are not asked again.
public struct WorksFetcher: Sendable {
    public var settings: FetchSettings
    public var transport: any HTTPTransport
    /// Waits before retries, seconds; replaced by tests.
    public var sleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }

    public init(settings: FetchSettings, transport: any HTTPTransport) {
        self.settings = settings
        self.transport = transport
    }

    /// Asks for every target not already answered in `output` / `notFoundPath`, appending as it goes.
    /// Returns the summary even when the run stops early (budget, Ctrl-C, a refused key): its
    /// ``FetchSummary/stop`` says why, and the files hold every job finished before.
    /// - Throws: ``FetchError/output(path:message:)`` or ``InputError`` when the files cannot be opened.
    public func run(_ targets: FetchTargets, output: String, notFoundPath: String,
                    progress: (@Sendable (FetchProgress) -> Void)? = nil) async throws -> FetchSummary {
        let out = try WorksOutputFile(path: output)
        let missing = try NotFoundFile(path: notFoundPath)
        var summary = FetchSummary(targets: targets)
        summary.worksBefore = out.worksBefore
        summary.cutBytes = out.cutBytes
        summary.unreadableLines = out.unreadableLines
        let dois = targets.dois.filter { !out.doneDOIs.contains($0) && !missing.doneDOIs.contains($0) }
        let titles = targets.titles.filter { !out.doneTitles.contains($0.resumeKey) && !missing.doneTitles.contains($0.resumeKey) }
        summary.doisSkipped = targets.dois.count - dois.count
        summary.titlesSkipped = targets.titles.count - titles.count
        let query = WorksQuery(settings: settings)
        var jobs = query.batches(dois.filter { !WorksQuery.needsSingleLookup($0) }).map(FetchJob.batch)
        jobs += dois.filter(WorksQuery.needsSingleLookup).map(FetchJob.single)
        jobs += titles.map(FetchJob.title)
        let ledger = RequestLedger(limit: settings.maxRequests)
        let client = OpenAlexClient(transport: transport, settings: settings, ledger: ledger, sleep: sleep)
        let runner = JobRunner(client: client, query: query, settings: settings)
        var tracker = ProgressTracker(total: dois.count + titles.count, report: progress)
        summary.stop = await runJobs(jobs, runner: runner) { outcome, job in
            try out.append(outcome.lines)
            try missing.append(outcome.notFound)
            summary.add(outcome, job: job)
            tracker.advance(by: outcome.complete ? job.size : outcome.found + outcome.titleMatches,
                            found: outcome.found + outcome.titleMatches, requests: await ledger.requests,
                            retries: await ledger.retries)
        }
        summary.requests = await ledger.requests
        summary.retries = await ledger.retries
        summary.waitedSeconds = await ledger.waited
        return summary
    }

    /// Runs `jobs` with bounded concurrency, handing each outcome to `write` in
    /// job order; returns why it stopped. Jobs finished before a stop are written.
    private func runJobs(_ jobs: [FetchJob], runner: JobRunner,
                         write: (JobOutcome, FetchJob) async throws -> Void) async -> FetchStop {
        var stop = FetchStop.finished
        await withTaskGroup(of: (Int, Result<JobOutcome, any Error>).self) { group in
            var next = 0, nextToWrite = 0
            var done: [Int: JobOutcome] = [:]
            func start() {
                let i = next, job = jobs[i]
                next += 1
                group.addTask { do { return (i, .success(try await runner.run(job))) } catch { return (i, .failure(error)) } }
            }
            while next < min(max(settings.concurrency, 1), jobs.count) { start() }
            while let (i, result) = await group.next() {
                switch result {
                case .success(let outcome):
                    done[i] = outcome
                    if !outcome.complete, stop == .finished { stop = .budgetSpent }
                case .failure(let error):
                    if stop == .finished { stop = FetchStop(error) }
                    group.cancelAll()
                }
                while let outcome = done.removeValue(forKey: nextToWrite) {
                    do { try await write(outcome, jobs[nextToWrite]) } catch {
                        stop = FetchStop(error)
                        group.cancelAll()
                    }
                    nextToWrite += 1
                }
                if stop == .finished, !Task.isCancelled, next < jobs.count { start() }
                if Task.isCancelled, stop == .finished { stop = .interrupted }
            }
            for i in done.keys.sorted() {   // finished after a gap left by a failed job
                if let outcome = done[i] { try? await write(outcome, jobs[i]) }
            }
        }
        return stop
    }
}

/// Why a run ended.
public enum FetchStop: Sendable, Equatable {
    case finished
    /// `--max-requests` reached; run again (another day) to continue.
    case budgetSpent
    /// Ctrl-C (the task was cancelled).
    case interrupted
    /// A refused key, a request that failed for good, an unwritable file.
    case failed(String, exitCode: Int32)

    init(_ error: any Error) {
        switch error {
        case is BudgetSpent: self = .budgetSpent
        case is CancellationError: self = .interrupted
        case let e as FetchError: self = .failed(e.description, exitCode: e.exitCode)
        default: self = .failed(String(describing: error), exitCode: 1)
        }
    }
}
