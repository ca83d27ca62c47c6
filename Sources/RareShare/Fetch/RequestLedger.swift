/// Counts the HTTP requests and retries of a run and enforces `--max-requests`.
///
/// An actor because batches in flight (``FetchSettings/concurrency``) take from
/// one budget: every attempt, retries included, costs one request of the
/// day's allowance, so the limit is checked before each one is sent.
actor RequestLedger {
    let limit: Int?
    private(set) var requests = 0
    private(set) var retries = 0
    /// Seconds spent waiting before retries.
    private(set) var waited: Double = 0

    init(limit: Int?) { self.limit = limit }

    /// Takes one request from the budget; false when it is spent.
    func take() -> Bool {
        if let limit, requests >= limit { return false }
        requests += 1
        return true
    }

    var isSpent: Bool { limit.map { requests >= $0 } ?? false }

    func noteRetry(waiting seconds: Double) {
        retries += 1
        waited += seconds
    }
}

/// The run stopped at `--max-requests`: not an error, the output is whole.
struct BudgetSpent: Error {}
