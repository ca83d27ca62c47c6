/// GETs with OpenAlex's manners: a 429 waits for `Retry-After`, 5xx answers,
/// timeouts and lost connections back off exponentially up to
/// ``RetryPolicy/maxRetries``, 401/403 stop the run, every attempt is counted
/// against the budget (``RequestLedger``).
struct OpenAlexClient: Sendable {
    let transport: any HTTPTransport
    let settings: FetchSettings
    let ledger: RequestLedger
    /// Waits between attempts; tests pass one that records and returns at once.
    let sleep: @Sendable (Double) async throws -> Void

    /// The 2xx answer of `url`, or a 404 when `acceptNotFound` (a single work that does not exist).
    /// - Throws: ``FetchError``, ``BudgetSpent``, or `CancellationError` on Ctrl-C.
    func get(_ url: String, acceptNotFound: Bool = false) async throws -> HTTPResponse {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            guard await ledger.take() else { throw BudgetSpent() }
            attempt += 1
            let shown = WorksQuery.redacted(url)
            var wait: Double
            var problem: String
            var status: Int?
            do {
                let r = try await transport.get(url, timeout: settings.timeout)
                if (200..<300).contains(r.status) || (acceptNotFound && r.status == 404) { return r }
                status = r.status
                problem = Self.snippet(r.body)
                switch r.status {
                case 401, 403:
                    throw FetchError.refused(status: r.status, url: shown, hadKey: settings.apiKey != nil, message: problem)
                case 429:
                    if let after = Self.retryAfter(r.headers["retry-after"]) {
                        if after > settings.retry.maxRetryAfter { throw FetchError.rateLimited(url: shown, retryAfter: after) }
                        wait = after
                    } else {
                        wait = settings.retry.backoff(retry: attempt)
                    }
                case 500...599:
                    wait = settings.retry.backoff(retry: attempt)
                default:
                    throw FetchError.failed(status: r.status, url: shown, attempts: attempt, message: problem)
                }
            } catch let failure as TransportFailure {
                switch failure {
                case .badURL(let u): throw FetchError.failed(status: nil, url: WorksQuery.redacted(u), attempts: attempt, message: "not a valid URL")
                case .timedOut: problem = "timed out after \(settings.timeout) s"
                case .connection(let why): problem = why
                }
                wait = settings.retry.backoff(retry: attempt)
            }
            if attempt > settings.retry.maxRetries {
                throw FetchError.failed(status: status, url: shown, attempts: attempt, message: problem)
            }
            await ledger.noteRetry(waiting: wait)
            try await sleep(wait)
        }
    }

    /// `Retry-After` in seconds: delta-seconds, or an HTTP date (then the
    /// time from now, at least 0). Nil when absent or unreadable.
    static func retryAfter(_ value: String?) -> Double? {
        guard let v = value.map({ String($0.trimmingSpaces) }), !v.isEmpty else { return nil }
        if let seconds = Double(v), seconds >= 0 { return seconds }
        return HTTPDate.secondsFromNow(v)
    }

    /// The start of an error body, for messages: OpenAlex explains refusals in JSON.
    static func snippet(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
